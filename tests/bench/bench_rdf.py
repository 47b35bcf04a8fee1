"""RDF speed and memory: kg's streaming writers vs rdflib's Graph.serialize, and parsing the files back.

    .venv/bin/python tests/bench/bench_rdf.py                      # about 1,000,000 RDF triples (the default)
    .venv/bin/python tests/bench/bench_rdf.py --triples 100000

A synthetic graph (model classes, ids, sentences and metadata like kg's; one or two pieces of evidence per
fact) is sized so that its export holds about ``--triples`` RDF triples. For Turtle and N-Triples it measures:

1. kg's path, ``write_rdf``: triples generated and written as they come (kg.export.rdf_stream);
2. rdflib's plain path: ``generate_rdf`` builds an rdflib Graph, then ``Graph.serialize`` writes it;
3. parsing each file back with rdflib (what ``kg validate`` and ``kg sparql`` do), and with pyoxigraph when
   it is installed (it is not a kg dependency: a reference for what a Rust parser would give).

Each step runs in a forked process so that its peak memory (VmHWM growth) can be reported beside its time.
Both writers' files are parsed and compared by size (triple count) to show they hold the same graph.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kg.export.rdf import generate_rdf, iter_quads, write_rdf
from kg.graph import KnowledgeGraph
from kg.ids import entity_id, statement_id
from kg.model import Document, Entity, Evidence, Relation, Triple

RELATIONS = ["kg:supports", "kg:meets", "kg:criticises", "kg:visits", "kg:leads", "kg:relatedTo", "kg:attacks"]
TYPES = ["Person", "Country", "Organization", "City", "Group"]
WORDS = ("the", "minister", "said", "talks", "with", "officials", "in", "capital", "would", "resume", "after", "aid")


def synthetic(facts: int, seed: int = 7) -> KnowledgeGraph:
    rng = random.Random(seed)
    entities = []
    for i in range(max(50, facts // 8)):
        kind = rng.choice(TYPES)
        label = f"Name{i} {rng.choice(WORDS).title()}"
        entities.append(Entity(entity_id(kind, label), label, kind, (f"N{i}",) if i % 3 == 0 else ()))
    documents = [
        Document(
            f"corpus-{i}",
            "",
            f'Title {i}: talks "resume"',
            f"https://news.example/{i}?a=1&b=2",
            f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            rng.choice(["Daily Nation", "NRK", "Reuters"]),
        )
        for i in range(max(10, facts // 10))
    ]
    triples = []
    seen: set[str] = set()
    while len(triples) < facts:
        s, o = rng.sample(entities, 2)
        rel = rng.choice(RELATIONS)
        negated = rng.random() < 0.05
        tid = statement_id(s.id, rel, o.id, negated)
        if tid in seen:
            continue
        seen.add(tid)
        evidence = []
        for _ in range(rng.choice((1, 1, 2))):
            doc = rng.choice(documents).id
            sentence = " ".join(rng.choice(WORDS) for _ in range(16)) + f' {s.label} "quoted" {o.label}.'
            start = rng.randrange(0, 5000)
            evidence.append(
                Evidence(
                    doc,
                    sentence,
                    start,
                    start + len(sentence),
                    s.label,
                    start,
                    start + 5,
                    o.label,
                    start + 9,
                    start + 14,
                    "kg.svo.v1",
                    round(rng.random(), 4),
                    time="on Monday" if rng.random() < 0.2 else None,
                )
            )
        surface = "borders" if rel == "kg:relatedTo" else None
        triples.append(
            Triple(
                tid, s, Relation(rel, rel[3:], surface), o, round(rng.random(), 4), negated, evidence=tuple(evidence)
            )
        )
    return KnowledgeGraph(triples=tuple(triples), entities=tuple(entities), documents=tuple(documents))


def _vm(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _child(job: Callable[[], Any], conn: Any) -> None:
    before = _vm("VmRSS")
    start = time.perf_counter()
    extra = job()
    seconds = time.perf_counter() - start
    conn.send((seconds, max(_vm("VmHWM") - before, 0), extra))
    conn.close()


def measure(job: Callable[[], Any]) -> tuple[float, int, Any]:
    """Run ``job`` in a forked process: seconds, peak memory growth in bytes, and what it returned."""
    parent, child = mp.Pipe(duplex=False)
    process = mp.get_context("fork").Process(target=_child, args=(job, child))
    process.start()
    result: tuple[float, int, Any] = parent.recv()
    process.join()
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="RDF triples to aim for (default 1,000,000)")
    args = ap.parse_args()

    sample = synthetic(500)
    per_fact = sum(1 for _ in iter_quads(sample)) / len(sample.triples)
    graph = synthetic(int(args.triples / per_fact))
    total = sum(1 for _ in iter_quads(graph))
    print(
        f"synthetic graph: {len(graph.triples):,} facts, {len(graph.entities):,} entities, "
        f"{len(graph.documents):,} articles -> {total:,} RDF triples"
    )
    try:
        import pyoxigraph
    except ImportError:
        pyoxigraph = None

    rows: list[tuple[str, str, float, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt, ext, ox_format in (("turtle", "ttl", "TURTLE"), ("nt", "nt", "N_TRIPLES")):
            ours, theirs = folder / f"kg.{ext}", folder / f"rdflib.{ext}"

            def kg_write(fmt: str = fmt, ours: Path = ours) -> int:
                return write_rdf(graph, ours, format=fmt)

            def rdflib_build(fmt: str = fmt) -> int:
                return len(generate_rdf(graph))

            def rdflib_write(fmt: str = fmt, theirs: Path = theirs) -> int:
                rdf = generate_rdf(graph)
                rdf.serialize(destination=str(theirs), format=fmt, encoding="utf-8")
                return len(rdf)

            def rdflib_parse(path: Path, fmt: str = fmt) -> int:
                import rdflib

                return len(rdflib.Graph().parse(path, format=fmt))

            def ox_parse(path: Path, name: str = ox_format) -> int:
                assert pyoxigraph is not None
                return sum(1 for _ in pyoxigraph.parse(path=str(path), format=getattr(pyoxigraph.RdfFormat, name)))

            seconds, memory, n = measure(kg_write)
            rows.append((fmt, "serialize: kg streaming write_rdf", seconds, memory, f"{n:,} triples"))
            seconds, memory, n = measure(rdflib_build)
            rows.append((fmt, "  rdflib: generate_rdf (build Graph) only", seconds, memory, f"{n:,} triples"))
            seconds, memory, n = measure(rdflib_write)
            rows.append((fmt, "serialize: rdflib generate_rdf + Graph.serialize", seconds, memory, f"{n:,} triples"))
            for label, path in (("kg's", ours), ("rdflib's", theirs)):
                seconds, memory, n = measure(lambda path=path: rdflib_parse(path))
                size = path.stat().st_size / 1e6
                rows.append((fmt, f"parse {label} file with rdflib", seconds, memory, f"{n:,} triples, {size:.0f} MB"))
            if pyoxigraph is not None:
                seconds, memory, n = measure(lambda path=ours: ox_parse(path))
                rows.append((fmt, "parse kg's file with pyoxigraph (reference)", seconds, memory, f"{n:,} triples"))

    print(f"\n{'format':<7} {'step':<50} {'seconds':>8} {'peak MB':>8}  result")
    for fmt, step, seconds, memory, note in rows:
        print(f"{fmt:<7} {step:<50} {seconds:8.2f} {memory / 2**20:8.0f}  {note}")
    by = {(fmt, step): (seconds, memory) for fmt, step, seconds, memory, _ in rows}
    print()
    for fmt in ("turtle", "nt"):
        ours_s, ours_m = by[(fmt, "serialize: kg streaming write_rdf")]
        theirs_s, theirs_m = by[(fmt, "serialize: rdflib generate_rdf + Graph.serialize")]
        print(
            f"{fmt:<7} streaming writer vs rdflib: {theirs_s / ours_s:.1f}x faster, "
            f"{theirs_m / max(ours_m, 1):.0f}x less peak memory"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
