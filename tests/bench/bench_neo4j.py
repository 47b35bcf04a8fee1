"""Export speed: batched UNWIND/MERGE vs one transaction per triple into Neo4j, and the embedded bulk load.

    eval "$(bash .ci/neo4j/start)"
    .venv/bin/python tests/bench/bench_neo4j.py --wipe              # 100,000 triples (the default)
    .venv/bin/python tests/bench/bench_neo4j.py --triples 20000 --naive-sample 500 --wipe

A synthetic graph (model classes, one piece of evidence per triple, ids and sentences like kg's) is written
three ways:

1. the whole export with ``write_neo4j`` (constraints, documents, entities, relationships, mentions);
2. the relationship phase alone, batched (``--batch-size`` rows per transaction), into a fresh database
   that already holds the nodes;
3. the same relationship query with one transaction per triple, on ``--naive-sample`` triples, into a
   fresh database that holds the nodes, extrapolated to the whole graph (it would take minutes at full size).

Then the same graph is bulk-loaded into the embedded store (``write_embedded``: CSV + COPY FROM). It prints
relationships per second for each and the batched/naive ratio. The Neo4j database must be empty, or pass
--wipe to empty it first (it is emptied again at the end).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kg.export.cypher import generate_property_graph
from kg.export.embedded import write_embedded
from kg.export.neo4j import (
    Neo4jSettings,
    connect,
    generate_statements,
    relationship_query,
    run_statements,
    settings_from_env,
    write_neo4j,
)
from kg.graph import KnowledgeGraph
from kg.ids import entity_id, statement_id
from kg.model import Document, Entity, Evidence, Relation, Triple

RELATIONS = [
    ("kg:supports", "supports"),
    ("kg:meets", "meets"),
    ("kg:criticises", "criticises"),
    ("kg:visits", "visits"),
    ("kg:presidentOf", "president of"),
    ("kg:relatedTo", "related to"),
]
CLASSES = ["Person", "Country", "Organization", "City", "Group"]


def synthetic_graph(triples: int, seed: int = 7) -> KnowledgeGraph:
    """``triples`` distinct facts over triples/5 entities and triples/100 documents."""
    rng = random.Random(seed)
    n_entities = max(10, triples // 5)
    entities = []
    for i in range(n_entities):
        kind = CLASSES[i % len(CLASSES)]
        label = f"{kind} Number {i}"
        entities.append(Entity(entity_id(kind, label), label, kind, (f"Alias {i}",)))
    documents = [
        Document(f"doc-{i:016x}", "", title=f"Article {i}", url=f"https://example.org/{i}")
        for i in range(max(1, triples // 100))
    ]
    seen: set[str] = set()
    out: list[Triple] = []
    while len(out) < triples:
        s, o = rng.sample(entities, 2)
        rel_id, rel_label = rng.choice(RELATIONS)
        tid = statement_id(s.id, rel_id, o.id, False)
        if tid in seen:
            continue
        seen.add(tid)
        doc = rng.choice(documents)
        start = rng.randrange(0, 5000)
        sentence = f'{s.label} {rel_label} {o.label}, officials said on Monday, "quoting" a statement.'
        evidence = Evidence(
            doc.id,
            sentence,
            start,
            start + len(sentence),
            s.label,
            start,
            start + len(s.label),
            o.label,
            start + 20,
            start + 20 + len(o.label),
            "kg.svo.v1",
            0.8,
        )
        surface = "talk about" if rel_id == "kg:relatedTo" else None
        relation = Relation(rel_id, rel_label, surface)
        out.append(Triple(tid, s, relation, o, 0.8, time=("Monday",), evidence=(evidence,)))
    return KnowledgeGraph(triples=tuple(out), entities=tuple(entities), documents=tuple(documents))


def cypher(settings: Neo4jSettings, query: str) -> list[dict[str, object]]:
    with connect(settings) as driver, driver.session(database=settings.database) as session:
        return [r.data() for r in session.run(query)]


def wipe(settings: Neo4jSettings) -> None:
    # Relationships first, then nodes, in batches: within the server's transaction memory limit.
    cypher(settings, "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")
    cypher(settings, "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def count(settings: Neo4jSettings, query: str) -> int:
    value = cypher(settings, query)[0]["n"]
    assert isinstance(value, int)
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--naive-sample", type=int, default=2000, help="triples written one transaction each")
    parser.add_argument("--wipe", action="store_true", help="empty the Neo4j database first (and at the end)")
    args = parser.parse_args()

    settings = settings_from_env()
    nodes = count(settings, "MATCH (n) RETURN count(n) AS n")
    if nodes and not args.wipe:
        print(f"the database at {settings.where()} holds {nodes} nodes: pass --wipe to empty it", file=sys.stderr)
        return 2
    wipe(settings)

    t0 = time.perf_counter()
    graph = synthetic_graph(args.triples)
    pg = generate_property_graph(graph)
    print(
        f"graph: {len(graph.triples):,} triples, {len(graph.entities):,} entities, {len(graph.documents):,} "
        f"documents, {len(pg.mentions):,} mentions (made in {time.perf_counter() - t0:.1f} s)"
    )
    import neo4j

    rust = importlib.util.find_spec("neo4j._rust") is not None
    print(
        f"Neo4j: {settings.where()}, batch size {args.batch_size}, driver {neo4j.__version__} "
        f"({'with' if rust else 'WITHOUT'} the Rust extension)"
    )

    # 1. The whole export, as `kg export neo4j` runs it.
    t0 = time.perf_counter()
    report = write_neo4j(graph, settings, batch_size=args.batch_size)
    whole = time.perf_counter() - t0
    rels = count(settings, "MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n")
    assert rels == len(graph.triples), (rels, len(graph.triples))
    print(
        f"whole export (write_neo4j):     {whole:8.1f} s  {len(graph.triples) / whole:10,.0f} triples/s "
        f"({report.transactions} transactions, also {report.entities:,} entities and {report.mentions:,} mentions)"
    )

    # 2. Relationships alone, batched, into a fresh database that holds the nodes.
    nodes_only = type(pg)(entities=pg.entities, documents=pg.documents)
    rels_only = type(pg)(relationships=pg.relationships)
    with connect(settings) as driver:
        wipe(settings)
        run_statements(driver, settings, generate_statements(nodes_only, args.batch_size))
        statements = [s for s in generate_statements(rels_only, args.batch_size) if not s.schema]
        t0 = time.perf_counter()
        run_statements(driver, settings, iter(statements))
        batched = time.perf_counter() - t0
    batched_rate = len(graph.triples) / batched
    print(f"relationships, batched:          {batched:8.1f} s  {batched_rate:10,.0f} relationships/s")

    # 3. The same query with one transaction per triple, on a sample, into a fresh database with the nodes.
    sample = [(rel_type, row) for rel_type, rows in pg.relationships.items() for row in rows]
    random.Random(1).shuffle(sample)
    sample = sample[: args.naive_sample]
    queries = {rel_type: relationship_query(rel_type) for rel_type in pg.relationships}
    with connect(settings) as driver:
        wipe(settings)
        run_statements(driver, settings, generate_statements(nodes_only, args.batch_size))
        with driver.session(database=settings.database) as session:
            t0 = time.perf_counter()
            for rel_type, row in sample:
                session.execute_write(lambda tx, q=queries[rel_type], r=row: tx.run(q, rows=[r]).consume())
            naive = time.perf_counter() - t0
    naive_rate = len(sample) / naive
    print(
        f"relationships, 1 tx per triple:  {naive:8.1f} s  {naive_rate:10,.0f} relationships/s "
        f"(measured on {len(sample):,} triples; all {len(graph.triples):,} would take "
        f"~{len(graph.triples) / naive_rate:,.0f} s)"
    )
    print(f"batched / naive:                 {batched_rate / naive_rate:8.1f}x")

    # 4. The embedded store, bulk-loaded.
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        t0 = time.perf_counter()
        store = write_embedded(graph, Path(folder))
        embedded = time.perf_counter() - t0
        size = os.path.getsize(store) / 2**20
    print(
        f"embedded store (write_embedded): {embedded:8.1f} s  {len(graph.triples) / embedded:10,.0f} triples/s "
        f"(CSV + COPY FROM, {size:.0f} MiB)"
    )
    wipe(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
