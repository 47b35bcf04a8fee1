"""Benchmark: ``kg build --engine spark`` beside ``--engine local``, and the Neo4j Spark connector beside the
Python exporter, on the synthetic corpus of the growing-builds benchmark.

    python tests/bench/bench_spark.py [--documents 5000] [--skip-neo4j] [--keep DIR]

The corpus is ``bench_stream.py``'s: documents of 20 sentences drawn (seeded) from the texts in ../shared/eval,
reshuffled, written at run time into a scratch folder and never kept. Every build runs ``kg build`` in a child
process with the same outputs (the JSONL files and N-Triples; the HTML view and the embedded store are written
by the driver from the same graph in both engines, so they are left out of the comparison), in one run:

* ``--engine local --workers 1`` and ``--workers 2``; ``--engine spark`` at ``local[1]`` and ``local[2]``;
* each engine once more on a one-document corpus: its fixed cost (process, model, Spark session and jobs), so
  that Spark's overhead per document is the difference of the per-document costs above the fixed ones;
* with Neo4j running (``eval "$(bash .ci/neo4j/start)"``): relationships/s writing the 5,000-document graph
  with the Python exporter (batched UNWIND ... MERGE over Bolt) and through the connector (``local[2]``), each
  into an emptied database, and whether both left the same nodes and relationships.

Prints one line per figure. The machine's other load shows in the figures: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
OUTPUTS = ("--no-html", "--no-embedded", "--rdf-format", "nt", "--quiet")


def _corpus_module() -> Any:
    """bench_stream.py's corpus generator (the same documents as the growing-builds benchmark)."""
    path = REPO / "tests" / "bench" / "bench_stream.py"
    spec = importlib.util.spec_from_file_location("bench_stream", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path} is missing: this benchmark uses its corpus")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kg_build(corpus: Path, out: Path, *options: str) -> float:
    """Wall seconds of ``kg build`` in a child process (which must succeed)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), *OUTPUTS, *options],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kg build {' '.join(options)} failed:\n{done.stderr[-3000:]}")
    return seconds


ENGINES = {
    "local, --workers 1": ("--workers", "1"),
    "local, --workers 2": ("--workers", "2"),
    "spark, local[1]": ("--engine", "spark", "--spark-master", "local[1]"),
    "spark, local[2]": ("--engine", "spark", "--spark-master", "local[2]"),
}


def slug(name: str) -> str:
    """The folder name of an engine's builds: "local, --workers 1" -> "local-workers1"."""
    return name.replace(", --", "-").replace(", ", "-").replace(" ", "").replace("[", "").replace("]", "")


def engines(work: Path, corpus: Path, single: Path, documents: int) -> dict[str, dict[str, float]]:
    """Every engine on the corpus and on one document; prints documents/s and the fixed cost."""
    figures: dict[str, dict[str, float]] = {}
    for name, options in ENGINES.items():
        fixed = kg_build(single, work / f"one-{slug(name)}", *options)
        seconds = kg_build(corpus, work / f"out-{slug(name)}", *options)
        per_document = (seconds - fixed) / max(1, documents - 1)
        figures[name] = {"seconds": seconds, "fixed": fixed, "per_document": per_document}
        print(
            f"{name:20} {documents / seconds:6.2f} docs/s ({seconds:7.1f} s for {documents:,}; fixed cost "
            f"{fixed:5.1f} s, then {per_document * 1000:6.1f} ms a document)",
            flush=True,
        )
    return figures


def overheads(figures: dict[str, dict[str, float]]) -> None:
    for cores in ("1", "2"):
        local, spark = figures[f"local, --workers {cores}"], figures[f"spark, local[{cores}]"]
        extra = (spark["per_document"] - local["per_document"]) * 1000
        print(
            f"Spark's overhead on {cores} core(s): {extra:+.1f} ms a document above the local engine's, "
            f"{spark['fixed'] - local['fixed']:+.1f} s fixed",
            flush=True,
        )
    one, two = figures["spark, local[1]"], figures["spark, local[2]"]
    print(f"Spark speed-up local[2] over local[1]: {one['seconds'] / two['seconds']:.2f}x", flush=True)


def identical(work: Path) -> None:
    """The engines wrote the same bytes (the benchmark is also a parity check at 5,000 documents)."""
    reference = work / f"out-{slug('local, --workers 1')}"
    for out in sorted(work.glob("out-*")):
        same = all(
            (out / name).read_bytes() == (reference / name).read_bytes()
            for name in ("triples.jsonl", "entities.jsonl", "graph.nt")
        )
        print(f"{out.name}: {'same bytes as' if same else 'DIFFERS from'} {reference.name}", flush=True)


def neo4j(work: Path) -> None:
    """Relationships/s: the Python exporter over Bolt, then the Spark connector, each into an empty database."""
    sys.path.insert(0, str(REPO))
    from kg.export.neo4j import settings_from_env, write_neo4j
    from kg.graph import load
    from kg.ontology import load_ontology
    from kg.spark import SparkOptions
    from kg.spark.neo4j import write_neo4j_spark
    from kg.spark.session import spark_session
    from kg.spark.tables import read_tables
    from tests.cypher.helpers import snapshot, wipe

    settings = settings_from_env()
    graph = load(work / f"out-{slug('local, --workers 1')}")
    relationships = len(graph.triples)
    wipe(settings)
    started = time.perf_counter()
    write_neo4j(graph, settings)
    python_seconds = time.perf_counter() - started
    expected = snapshot(settings)
    wipe(settings)
    spark = spark_session(SparkOptions(master="local[2]"))
    tables = read_tables(work / f"out-{slug('spark, local[2]')}" / "tables")
    context = spark.sparkContext
    rdds = [context.parallelize(items, 2) for items in (tables.entities, tables.triples, tables.documents)]
    started = time.perf_counter()
    write_neo4j_spark(spark, *rdds, settings, load_ontology(), partitions=2)
    spark_seconds = time.perf_counter() - started
    same = snapshot(settings) == expected
    wipe(settings)
    print(
        f"Neo4j, {relationships:,} relationships ({len(graph.entities):,} entities, {len(graph.documents):,} "
        f"documents): Python exporter {relationships / python_seconds:,.0f} relationships/s ({python_seconds:.1f} s), "
        f"Spark connector {relationships / spark_seconds:,.0f} relationships/s ({spark_seconds:.1f} s); "
        f"{'same' if same else 'DIFFERENT'} nodes and relationships",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a scratch folder)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-spark-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus_module = _corpus_module()
        pool = corpus_module.sentences()
        corpus, single = work / "corpus.jsonl", work / "one.jsonl"
        words = corpus_module.write_corpus(corpus, args.documents, 1, pool)
        corpus_module.write_corpus(single, 1, 2, pool)
        print(f"corpus: {args.documents:,} documents, {words:,} words ({os.cpu_count()} CPUs here)", flush=True)
        figures = engines(work, corpus, single, args.documents)
        overheads(figures)
        identical(work)
        if not args.skip_neo4j and os.environ.get("NEO4J_URI"):
            neo4j(work)
        print(json.dumps({name: {k: round(v, 4) for k, v in f.items()} for name, f in figures.items()}), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
