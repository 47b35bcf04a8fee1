"""Neo4j after an update: only what changed since the last export of this build to that server.

A ledger in ``DIR/.kg/neo4j.sqlite`` keeps, per server (URI and database), a digest of every row last
written there: entities, documents, relationships and ``MENTIONS`` edges, keyed by id. An export streams the
build's rows (:class:`~kg.export.cypher.PropertyRows`), writes those that are new or whose digest changed
(``MERGE`` by id, then every property *replaced*, so evidence a removed document gave goes too, and a node's
class label follows its class), deletes what the ledger has and the build no longer does, and only then
records the new digests. Running it again writes nothing. A marker node ``(:KgExport {build, generation})``
says which generation of the ledger the server holds: when it is missing (a new or wiped database) or
another, everything is written again (``full``). A server written by this export should hold one build:
another build's rows would be replaced by ours when ids collide.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.export import Written
from kg.export.cypher import (
    DOCUMENT_LABEL,
    DOCUMENT_PROPERTIES,
    ENTITY_LABEL,
    MENTIONS,
    RELATIONSHIP_PROPERTIES,
    CypherSchema,
    PropertyRows,
)
from kg.ids import digest

if TYPE_CHECKING:
    import neo4j

    from kg.export.neo4j import Neo4jSettings
    from kg.ontology import Ontology
    from kg.store.outputs import OutputOptions
    from kg.store.state import Store

__all__ = ["Delta", "export_delta"]

MARKER = "KgExport"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS exported (target TEXT, kind TEXT, id TEXT, label TEXT, digest TEXT,
                                     PRIMARY KEY (target, kind, id));
CREATE TABLE IF NOT EXISTS generations (target TEXT PRIMARY KEY, generation INTEGER);
"""


@dataclass(slots=True)
class Delta:
    """What an export sent: rows written (new or changed) and deleted, per kind; whether it was full."""

    where: str
    full: bool = False
    written: int = 0
    deleted: int = 0
    unchanged: int = 0
    transactions: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        how = "everything written (the server held no export of this build)" if self.full else "changes only"
        return (
            f"exported to Neo4j: {self.written:,} rows written, {self.deleted:,} deleted, {self.unchanged:,} "
            f"unchanged -> {self.where} ({how}; {self.transactions} transactions in {self.seconds:.1f} s)"
        )


def _ident(name: str) -> str:
    if "`" in name:
        raise ValueError(name)
    return f"`{name}`"


def _entity_query(label: str, labels: frozenset[str]) -> str:
    others = "".join(f":{_ident(n)}" for n in sorted(labels - {ENTITY_LABEL}))
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (e:{ENTITY_LABEL} {{id: row.id}})\n"
        f"REMOVE e{others}\n"
        f"SET e:{_ident(label)}, e.name = row.name, e.aliases = row.aliases, e.type = row.type, e.note = row.note"
    )


_DOCUMENT = f"UNWIND $rows AS row\nMERGE (d:{DOCUMENT_LABEL} {{id: row.id}})\nSET " + ", ".join(
    f"d.{name} = row.{name}" for name in DOCUMENT_PROPERTIES if name != "id"
)
_MENTION = (
    "UNWIND $rows AS row\n"
    f"MATCH (d:{DOCUMENT_LABEL} {{id: row.document}})\n"
    f"MATCH (e:{ENTITY_LABEL} {{id: row.entity}})\n"
    f"MERGE (d)-[m:{MENTIONS}]->(e)\n"
    "SET m.count = row.count"
)


def _relationship_query(rel_type: str) -> str:
    properties = ", ".join(f"{name}: row.{name}" for name in RELATIONSHIP_PROPERTIES)
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{ENTITY_LABEL} {{id: row.source}})\n"
        f"MATCH (b:{ENTITY_LABEL} {{id: row.target}})\n"
        f"MERGE (a)-[r:{_ident(rel_type)} {{id: row.id}}]->(b)\n"
        f"SET r = {{{properties}}}"
    )


def _delete_query(kind: str, label: str) -> str:
    if kind == "relationship":
        return f"UNWIND $rows AS row MATCH ()-[r:{_ident(label)} {{id: row.id}}]->() DELETE r"
    if kind == "mention":
        return (
            f"UNWIND $rows AS row MATCH (:{DOCUMENT_LABEL} {{id: row.document}})-[m:{MENTIONS}]->"
            f"(:{ENTITY_LABEL} {{id: row.entity}}) DELETE m"
        )
    node = ENTITY_LABEL if kind == "entity" else DOCUMENT_LABEL
    return f"UNWIND $rows AS row MATCH (n:{node} {{id: row.id}}) DETACH DELETE n"


def _digest(label: str, row: dict[str, Any]) -> str:
    return digest(label, json.dumps(row, sort_keys=True, default=str, ensure_ascii=False))


# What each kind of row is keyed by, and the order deletions run in (edges before the nodes they join).
_KINDS = ("relationship", "mention", "entity", "document")


def _keyed(rows: PropertyRows) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(kind, id, label or type, row) of every row, nodes before the edges that need them."""
    for label, row in rows.entities:
        yield "entity", row["id"], label, row
    for row in rows.documents:
        yield "document", row["id"], DOCUMENT_LABEL, row
    for rel_type, row in rows.relationships:
        yield "relationship", row["id"], rel_type, row
    for row in rows.mentions:
        yield "mention", f"{row['document']}\x1f{row['entity']}", MENTIONS, row


def _run(tx: neo4j.ManagedTransaction, query: str, rows: list[dict[str, Any]]) -> None:
    tx.run(query, rows=rows).consume()


class _Writer:
    """Batches of one query each, one write transaction per batch."""

    def __init__(self, session: neo4j.Session, batch_size: int, delta: Delta) -> None:
        self.session, self.batch_size, self.delta = session, batch_size, delta
        self.batches: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def add(self, query: str, row: dict[str, Any]) -> None:
        batch = self.batches[query]
        batch.append(row)
        if len(batch) >= self.batch_size:
            self.flush(query)

    def flush(self, query: str | None = None) -> None:
        for q in [query] if query is not None else list(self.batches):
            rows = self.batches.pop(q, [])
            if rows:
                self.session.execute_write(_run, q, rows)
                self.delta.transactions += 1


def _schema(session: neo4j.Session, schema: CypherSchema) -> None:
    queries = [
        f"CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (n:{DOCUMENT_LABEL}) REQUIRE n.id IS UNIQUE",
        f"CREATE INDEX kg_entity_name IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.name)",
        f"CREATE INDEX kg_entity_type IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.type)",
        f"CREATE CONSTRAINT kg_export_build IF NOT EXISTS FOR (n:{MARKER}) REQUIRE n.build IS UNIQUE",
    ]
    for rel_type in sorted(set(schema.relationship_types.values())):
        queries.append(
            f"CREATE CONSTRAINT kg_rel_{rel_type.lower()}_id IF NOT EXISTS "
            f"FOR ()-[r:{_ident(rel_type)}]-() REQUIRE r.id IS UNIQUE"
        )
    for query in [*queries, "CALL db.awaitIndexes(300)"]:
        session.run(query).consume()


def _send(
    session: neo4j.Session,
    ledger: sqlite3.Connection,
    target: str,
    rows: PropertyRows,
    schema: CypherSchema,
    delta: Delta,
) -> None:
    """Write what changed, delete what went, and record the new digests (in ``current``)."""
    ledger.execute("CREATE TEMP TABLE current (kind TEXT, id TEXT, label TEXT, digest TEXT, PRIMARY KEY (kind, id))")
    writer = _Writer(session, 1000, delta)
    labels = frozenset(schema.labels)
    queries = {"document": _DOCUMENT, "mention": _MENTION}
    kind_before = ""
    for kind, key, label, row in _keyed(rows):
        if kind != kind_before:  # nodes must be in before the edges that join them
            writer.flush()
            kind_before = kind
        fresh = _digest(label, row)
        ledger.execute("INSERT OR REPLACE INTO current VALUES (?, ?, ?, ?)", (kind, key, label, fresh))
        held = ledger.execute(
            "SELECT digest FROM exported WHERE target = ? AND kind = ? AND id = ?", (target, kind, key)
        ).fetchone()
        if held is not None and held[0] == fresh:
            delta.unchanged += 1
            continue
        if kind == "entity":
            query = _entity_query(label, labels)
        elif kind == "relationship":
            query = _relationship_query(label)
        else:
            query = queries[kind]
        writer.add(query, row)
        delta.written += 1
    writer.flush()
    for kind in _KINDS:
        gone = ledger.execute(
            "SELECT e.id, e.label FROM exported e WHERE e.target = ? AND e.kind = ? "
            "AND NOT EXISTS (SELECT 1 FROM current c WHERE c.kind = e.kind AND c.id = e.id)",
            (target, kind),
        ).fetchall()
        for key, label in gone:
            if kind == "mention":
                document, _, entity = key.partition("\x1f")
                writer.add(_delete_query(kind, label), {"document": document, "entity": entity})
            else:
                writer.add(_delete_query(kind, label), {"id": key})
            delta.deleted += 1
        writer.flush()


def _marker(session: neo4j.Session, build: str) -> int | None:
    record = session.run(f"MATCH (m:{MARKER} {{build: $build}}) RETURN m.generation AS g", build=build).single()
    return None if record is None else int(record["g"])


def export_delta(store: Store, rows: PropertyRows, ontology: Ontology, options: OutputOptions) -> Written:
    """Bring the Neo4j server of ``options`` up to this build, writing only what changed (see the module)."""
    import neo4j.exceptions as ne

    from kg.errors import DatabaseError
    from kg.export.neo4j import connect, describe_error, settings_from_env

    settings: Neo4jSettings = options.neo4j_settings or settings_from_env(options.neo4j)
    started = time.perf_counter()
    target = settings.where()
    delta = Delta(target)
    schema = CypherSchema.from_vocabulary(ontology.vocabulary)
    ledger = sqlite3.connect(store.root / "neo4j.sqlite", isolation_level=None)
    try:
        ledger.executescript(_SCHEMA)
        row = ledger.execute("SELECT generation FROM generations WHERE target = ?", (target,)).fetchone()
        generation = int(row[0]) if row else 0
        build = store.build_id()
        with connect(settings) as driver:
            try:
                with driver.session(database=settings.database) as session:
                    _schema(session, schema)
                    if _marker(session, build) != generation:
                        delta.full = True
                        ledger.execute("DELETE FROM exported WHERE target = ?", (target,))
                    _send(session, ledger, target, rows, schema, delta)
                    ledger.execute("BEGIN")
                    ledger.execute("DELETE FROM exported WHERE target = ?", (target,))
                    ledger.execute("INSERT INTO exported SELECT ?, kind, id, label, digest FROM current", (target,))
                    ledger.execute("INSERT OR REPLACE INTO generations VALUES (?, ?)", (target, generation + 1))
                    ledger.execute("COMMIT")
                    session.run(
                        f"MERGE (m:{MARKER} {{build: $build}}) SET m.generation = $generation",
                        build=build,
                        generation=generation + 1,
                    ).consume()
            except (ne.Neo4jError, ne.DriverError, OSError) as error:
                raise DatabaseError(describe_error(error, settings)) from None
    finally:
        ledger.close()
    delta.seconds = time.perf_counter() - started
    return Written("neo4j", (), delta.written + delta.deleted, delta.summary())
