"""``kg build``: read articles, write the graph and its views."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.cli.common import add_nlp_options, add_progress_options, settings_from, stderr_is_tty
from kg.errors import InputError, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from kg.export import Written
    from kg.pipeline import BuildSettings
    from kg.store import OutputOptions, Report

__all__ = ["add_parser", "run"]

EPILOG = """\
inputs:
  .txt            a plain-text article; site furniture (newsletter boxes, donation appeals,
                  "Read more", photo credits) is dropped
  .html, .htm     a web page; the article body and its title, author, date and URL are extracted
                  (headlines, captions, related links, bylines and newsletter boxes are dropped)
  every document  its dateline ("CITY, State (AP) -") is cut from the text and kept as metadata, and its
                  language identified: one in another language than the pipeline's is reported and not
                  parsed (--model names a pipeline for another language)
  .jsonl          a corpus, one article a line: {"id": ..., "text": ...} (title, url, published,
                  source optional; --jsonl-* renames the keys)
  FOLDER          every .txt, .html and .jsonl file below it
  -               standard input (format sniffed)

outputs in --out DIR:
  triples.jsonl      one normalised triple a line, with its evidence (the contract in the README)
  extractions.jsonl  the surface extractions before normalisation
  entities.jsonl     entities with every mention and the rule that merged it
  documents.jsonl    each document's metadata, language, dateline and text (evidence offsets point into it)
  graph.ttl          RDF with provenance: kg validate DIR, kg sparql DIR "SELECT ..." (--rdf-format: .nt, .nq,
                     .jsonld; --no-rdf: skip it)
  graph.lbug         an embedded Cypher store: kg query DIR "MATCH ..." (--no-embedded: skip it)
  graph.html         an interactive view that opens offline: kg view DIR for a filtered one (--no-html: skip it)

A bad input is reported on one line and skipped; the exit status is 1 only when nothing could be read
(or, with --strict, when anything was skipped).

builds grow:
  A folder that already holds a build is added to: documents stored there with the same id and content
  are not parsed again, new evidence joins existing facts, and every output is written again for all
  documents. The state lives in DIR/.kg/ (records of every document, compressed, and the pipeline
  fingerprint): a changed --model parses the stored documents again, changed extractors or --ontology read
  their stored parses again, changed normalisation options only normalise again; the summary says which.
  --fresh forgets the stored documents and starts over. `kg remove DIR --document ID` takes documents out.

examples:
  kg build notebooks/data/sample-article.txt --out out/sample
  kg build monday/ --out out/news && kg build tuesday/ --out out/news      # Tuesday added to Monday
  kg build monday/ tuesday/ --out out/news --fresh                         # both, from scratch
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "build",
        help="build a graph from articles",
        description="Read articles, extract and normalise triples, write the graph.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    p.add_argument(
        "--out",
        "-o",
        type=Path,
        default=Path("kg-out"),
        metavar="DIR",
        help="output folder (default: kg-out)",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 if any input was skipped or a curation decision matched nothing"
    )
    p.add_argument(
        "--fresh", action="store_true", help="forget the documents an earlier build stored in DIR and start over"
    )
    add_progress_options(p)
    p.add_argument("--no-rdf", dest="rdf", action="store_false", help="do not write the RDF graph")
    p.add_argument(
        "--rdf-format",
        default="turtle",
        choices=("turtle", "nt", "nquads", "json-ld"),
        help="RDF syntax of graph.* (default: turtle)",
    )
    p.add_argument(
        "--no-embedded", dest="embedded", action="store_false", help="do not write the embedded Cypher store"
    )
    p.add_argument("--no-html", dest="html", action="store_false", help="do not write the HTML view")
    p.add_argument(
        "--neo4j", metavar="URI", help="also export to this Neo4j server (credentials: NEO4J_USER, NEO4J_PASSWORD)"
    )
    _add_engine_options(p)
    add_nlp_options(p)


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--curation",
        action="append",
        default=[],
        metavar="FILE",
        help="apply this curation file's analyst decisions (repeatable; default DIR/curation.tsv if there is one; "
        "see kg curate --help)",
    )
    engine = p.add_argument_group("engine")
    engine.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="local: this process (and --workers parsers); spark: Apache Spark, the same outputs plus Parquet "
        "tables in DIR/tables (pip install 'kg[spark]'; see the README)",
    )
    engine.add_argument(
        "--spark-master",
        metavar="URL",
        help="with --engine spark: the Spark master (default: what spark-submit set, else local[*])",
    )


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def _options(args: argparse.Namespace) -> OutputOptions:
    """The outputs the options ask for."""
    from kg.store import OutputOptions

    embedded = args.embedded
    if embedded and importlib.util.find_spec("ladybug") is None:
        _say(args, "  embedded store skipped: LadybugDB is not installed (pip install 'kg[embedded]')")
        embedded = False
    return OutputOptions(rdf=args.rdf, rdf_format=args.rdf_format, html=args.html, embedded=embedded, neo4j=args.neo4j)


def run(args: argparse.Namespace) -> int:
    from kg.store import build_into

    settings = settings_from(args)  # checks every option before anything is read or loaded
    if args.curation:
        from kg.normalise.curation_file import read_curation

        read_curation(args.curation)  # a bad line is one error before any parsing
        settings = settings.replace(curation=tuple(args.curation))

    def report(error: InputError) -> None:
        print(f"kg: skipped {error}", file=sys.stderr)

    progress = stderr_is_tty() if args.progress is None else args.progress
    if args.engine == "spark":
        return _run_spark(args, settings, report, progress)
    if args.spark_master:
        raise UsageError("--spark-master needs --engine spark")
    done = build_into(
        args.inputs, args.out, settings, options=_options(args), fresh=args.fresh, on_error=report, progress=progress
    )
    if done.normalised is None:
        print("kg: error: no document could be read", file=sys.stderr)
        return 1
    say_report(args, "kg build", done)
    return 1 if args.strict and (done.skipped or done.unmatched) else 0


def say_report(args: argparse.Namespace, command: str, done: Report) -> None:
    """The summary lines of a build or a removal (nothing with --quiet)."""
    counts = done.normalised
    assert counts is not None
    _say(
        args,
        f"{command}: {counts.documents} document(s) read, {len(done.skipped)} skipped, {counts.sentences} sentences, "
        f"{counts.entities} entities, {counts.triples} triples in {done.seconds:.1f} s",
    )
    _say(args, f"  {done.summary()}")
    if done.curation or done.unmatched:
        _say(args, f"  curation: {done.curation} decision(s) applied, {len(done.unmatched)} matched nothing")
    for line in done.unmatched:
        # never silent: an id from another build, or an entity this build no longer has
        print(f"kg: curation decision matched nothing: {line} (check the id against this build)", file=sys.stderr)
    _report_written(args, done.written)


def _report_written(args: argparse.Namespace, written: list[Written]) -> None:
    paths: list[Path] = []
    for item in written:
        paths.extend(item.paths)
        if item.exporter != "jsonl":
            _say(args, f"  {item.summary}")
    if paths:
        _say(args, "  wrote " + ", ".join(str(p) for p in paths))


def _spark_summary(args: argparse.Namespace, stats: dict[str, Any]) -> None:
    """What a Spark build read (said before its outputs are written, as a local build's summary comes first)."""
    if not stats.get("documents"):
        print("kg: error: no document could be read", file=sys.stderr)
        return
    _say(
        args,
        f"kg build: {stats['documents']} document(s) read, {len(stats['skipped'])} skipped, "
        f"{stats['sentences']} sentences, {stats['entities']} entities, {stats['triples']} triples "
        f"in {stats['seconds']:.1f} s (Spark, {stats['master']})",
    )


def _run_spark(
    args: argparse.Namespace, settings: BuildSettings, report: Callable[[InputError], None], progress: bool
) -> int:
    """``--engine spark``: the same outputs, written by :mod:`kg.spark`; always a whole build (the incremental
    state in DIR/.kg is the local engine's)."""
    from kg.spark import SparkOptions
    from kg.spark.build import OutputPlan, build_spark

    if args.workers != 1:
        raise UsageError("--workers is for --engine local; Spark's executors and cores set the parallelism")
    options_out = _options(args)
    plan = OutputPlan(args.rdf_format if args.rdf else None, args.html, options_out.embedded, args.neo4j)
    options = SparkOptions(master=args.spark_master, progress=progress)
    result = build_spark(
        args.inputs, args.out, settings, options, plan, on_error=report, on_read=lambda s: _spark_summary(args, s)
    )
    if not result.stats.get("documents"):
        return 1
    unmatched = result.stats.get("unmatched", [])
    if "curation" in result.stats:
        _say(args, f"  curation: {result.stats['curation']} decision(s) applied, {len(unmatched)} matched nothing")
    for line in unmatched:
        print(f"kg: curation decision matched nothing: {line} (check the id against this build)", file=sys.stderr)
    _report_written(args, result.written)
    return 1 if args.strict and (result.stats["skipped"] or unmatched) else 0
