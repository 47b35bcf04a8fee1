"""``kg build``: read articles, write the graph and its views."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.cli.common import add_nlp_options, settings_from, stderr_is_tty
from kg.errors import InputError

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

example:
  kg build notebooks/data/sample-article.txt --out out/sample
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
    p.add_argument("--strict", action="store_true", help="exit 1 if any input was skipped")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no summary")
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
    add_nlp_options(p)


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from kg.export import get_writer
    from kg.pipeline import build

    settings = settings_from(args)  # checks every option before anything is read or loaded
    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        print(f"kg: skipped {error}", file=sys.stderr)

    progress = stderr_is_tty() if args.progress is None else args.progress
    graph = build(args.inputs, settings, on_error=report, progress=progress)
    stats = graph.stats
    if not stats.get("documents"):
        print("kg: error: no document could be read", file=sys.stderr)
        return 1
    written = get_writer("jsonl")(graph, args.out)
    _say(
        args,
        f"kg build: {stats['documents']} document(s) read, {len(skipped)} skipped, {stats['sentences']} sentences, "
        f"{stats['entities']} entities, {stats['triples']} triples in {stats['seconds']:.1f} s",
    )
    if args.rdf:
        from kg.export.rdf import rdf_format

        rdf_path = args.out / f"graph{rdf_format(args.rdf_format).extension}"
        count = get_writer("rdf")(graph, rdf_path, format=args.rdf_format)
        written = [*written, rdf_path]
        _say(args, f"  RDF: {count} triples in {rdf_path.name}")
    if args.html:
        from kg.cli.view import html_step

        html_path, note = html_step(graph, args.out)
        written = [*written, html_path]
        _say(args, f"  HTML: {note}")
    if args.embedded:
        from kg.cli.stores import embedded_step

        written = [*written, *embedded_step(graph, args.out, args.ontology, lambda m: _say(args, m))]
    _say(args, "  wrote " + ", ".join(str(p) for p in written))
    if args.neo4j:
        from kg.cli.stores import neo4j_step

        _say(args, "  " + neo4j_step(graph, args.neo4j, args.ontology))
    return 1 if args.strict and skipped else 0
