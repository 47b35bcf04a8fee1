"""Neo4j over Bolt: constraints first, then batched ``UNWIND $rows ... MERGE`` in transactions, idempotently.

The model is :mod:`kg.export.cypher`'s. Running the export twice leaves the same nodes, relationships and
property values; exporting a larger corpus later adds nodes and relationships and appends only the evidence
an edge does not hold yet (matched by ``evidence_keys``), so evidence lists grow without repeats. Aliases,
time, place and flags are merged the same way; scalar properties take the latest export's value.

>>> from kg.graph import KnowledgeGraph
>>> statements = list(generate_statements(generate_property_graph(KnowledgeGraph()), batch_size=100))
>>> statements[0].query
'CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE'

The official driver is needed: ``pip install 'kg[neo4j]'``.
"""

from __future__ import annotations

import os
import re
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import DatabaseError, ExportError
from kg.export import Written
from kg.export.cypher import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    EVIDENCE_LISTS,
    MENTIONS,
    RELATIONSHIP_PROPERTIES,
    PropertyGraph,
    generate_property_graph,
)

if TYPE_CHECKING:
    import neo4j

    from kg.graph import KnowledgeGraph
    from kg.ontology.vocabulary import Vocabulary

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Neo4jReport",
    "Neo4jSettings",
    "Statement",
    "connect",
    "describe_error",
    "entity_query",
    "generate_statements",
    "relationship_query",
    "run_statements",
    "settings_from_env",
    "write_neo4j",
]

DEFAULT_BATCH_SIZE = 1000
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    """Where and as whom to connect; ``database`` None means the server's default database."""

    uri: str
    user: str = "neo4j"
    password: str | None = None
    database: str | None = None

    def where(self) -> str:
        return f"{self.uri} (database {self.database})" if self.database else self.uri


def settings_from_env(
    uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
) -> Neo4jSettings:
    """Explicit values first, then ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise DatabaseError("no Neo4j server given: pass --uri bolt://HOST:7687 or set NEO4J_URI")
    return Neo4jSettings(
        uri=uri,
        user=user or os.environ.get("NEO4J_USER") or "neo4j",
        password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
        database=database or os.environ.get("NEO4J_DATABASE") or None,
    )


def describe_error(error: BaseException, settings: Neo4jSettings) -> str:
    """One line saying what went wrong, without the driver's multi-line detail."""
    import neo4j.exceptions as ne

    where = settings.where()
    if isinstance(error, ne.AuthError):
        return f"Neo4j at {settings.uri} refused user {settings.user!r}: wrong user name or password"
    if isinstance(error, ne.ServiceUnavailable):
        reason = " ".join(str(error).split())
        errno = re.search(r"reason \[Errno -?\d+\] ([^)]*)\)", reason)
        if errno:
            reason = errno.group(1).lower()
        return f"cannot reach Neo4j at {settings.uri} ({reason}); is the server running?"
    if isinstance(error, ne.Neo4jError):
        code = error.code or ""
        if code.endswith("DatabaseNotFound"):
            return f"Neo4j at {settings.uri} has no database {settings.database!r}"
        message = " ".join((error.message or str(error)).split())
        return f"Neo4j at {where}: {message}"
    return f"Neo4j at {where}: {' '.join(str(error).split())}"


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A driver whose connection, credentials and database were checked; errors become :class:`DatabaseError`."""
    try:
        import neo4j
        import neo4j.exceptions as ne
    except ImportError:
        raise ExportError("the Neo4j driver is not installed: pip install 'kg[neo4j]'") from None

    scheme = settings.uri.partition("://")[0]
    if "://" not in settings.uri or scheme not in SCHEMES:
        raise DatabaseError(f"{settings.uri!r} is not a Neo4j URI (expected {', '.join(s + '://' for s in SCHEMES)})")
    try:
        urllib.parse.urlsplit(settings.uri).port  # noqa: B018 - raises on a port out of range
    except ValueError as error:
        raise DatabaseError(f"{settings.uri!r}: {error}") from None
    if settings.password is None:
        raise DatabaseError("no Neo4j password given: pass --password or set NEO4J_PASSWORD")
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password), connection_timeout=10.0
        )
    except (ne.ConfigurationError, ValueError) as error:
        raise DatabaseError(f"{settings.uri!r}: {' '.join(str(error).split())}") from None
    try:
        try:
            with driver.session(database=settings.database) as session:
                session.run("RETURN 1").consume()
        except (ne.Neo4jError, ne.DriverError, OSError) as error:
            raise DatabaseError(describe_error(error, settings)) from None
        yield driver
    finally:
        driver.close()


@dataclass(frozen=True, slots=True)
class Statement:
    """One query and, for data statements, its rows (run in batches, one transaction each)."""

    query: str
    rows: Sequence[dict[str, Any]] = ()
    schema: bool = False


def _ident(name: str) -> str:
    # Names were validated against the vocabulary; the backticks are a second line of defence.
    if "`" in name:
        raise ExportError(f"refusing the Cypher name {name!r}")
    return f"`{name}`"


def _union(target: str, value: str) -> str:
    return f"coalesce({target}, []) + [x IN {value} WHERE NOT x IN coalesce({target}, [])]"


def entity_query(label: str) -> str:
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (e:{ENTITY_LABEL} {{id: row.id}})\n"
        f"SET e:{_ident(label)}, e.name = row.name, e.type = row.type, e.note = row.note,\n"
        f"    e.aliases = {_union('e.aliases', 'row.aliases')}"
    )


DOCUMENT_QUERY = (
    "UNWIND $rows AS row\n"
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.id}})\n"
    "SET d.title = coalesce(row.title, d.title), d.url = coalesce(row.url, d.url),\n"
    "    d.published = coalesce(row.published, d.published), d.source = coalesce(row.source, d.source),\n"
    "    d.author = coalesce(row.author, d.author)"
)

MENTION_QUERY = (
    "UNWIND $rows AS row\n"
    f"MATCH (d:{DOCUMENT_LABEL} {{id: row.document}})\n"
    f"MATCH (e:{ENTITY_LABEL} {{id: row.entity}})\n"
    f"MERGE (d)-[m:{MENTIONS}]->(e)\n"
    "SET m.count = row.count"
)


def _earliest(name: str) -> str:
    """The earlier of the stored date and the row's (either may be missing)."""
    held, new = f"r.{name}", f"row.{name}"
    return f"CASE WHEN coalesce({new} < {held}, true) THEN coalesce({new}, {held}) ELSE {held} END"


def _latest(name: str) -> str:
    """The later (larger) of the stored value and the row's: an older, smaller export never lowers it."""
    held, new = f"r.{name}", f"row.{name}"
    return f"CASE WHEN coalesce({new} > {held}, true) THEN coalesce({new}, {held}) ELSE {held} END"


def relationship_query(rel_type: str) -> str:
    """MERGE by statement id: a new edge takes the row; an existing one appends only the evidence it lacks.

    Every item of the ON MATCH SET reads only its own property and ``evidence_keys`` (set last), so the
    result does not depend on whether Cypher evaluates the items one by one or all at once.
    """
    created = ", ".join(f"{name}: row.{name}" for name in RELATIONSHIP_PROPERTIES)
    held = "coalesce(r.evidence_keys, [])"
    fresh = f"[i IN range(0, size(row.evidence_keys) - 1) WHERE NOT row.evidence_keys[i] IN {held}"
    appended = "".join(
        f",\n    r.{name} = coalesce(r.{name}, []) + {fresh} | row.{name}[i]]"
        for name in EVIDENCE_LISTS
        if name != "evidence_keys"
    )
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{ENTITY_LABEL} {{id: row.source}})\n"
        f"MATCH (b:{ENTITY_LABEL} {{id: row.target}})\n"
        f"MERGE (a)-[r:{_ident(rel_type)} {{id: row.id}}]->(b)\n"
        f"ON CREATE SET r = {{{created}}}\n"
        "ON MATCH SET r.predicate = row.predicate, r.surface = row.surface, r.confidence = row.confidence,\n"
        "    r.negated = row.negated, r.hedged = row.hedged, r.attributed_to = row.attributed_to,\n"
        f"    r.time = {_union('r.time', 'row.time')}, r.place = {_union('r.place', 'row.place')},\n"
        f"    r.flags = {_union('r.flags', 'row.flags')},\n"
        f"    r.documents = {_union('r.documents', 'row.documents')},\n"
        f"    r.sources = {_latest('sources')}, r.disputed = coalesce(r.disputed, false) OR row.disputed,\n"
        f"    r.disputed_by = {_union('r.disputed_by', 'row.disputed_by')},\n"
        f"    r.first_seen = {_earliest('first_seen')}, r.last_seen = {_latest('last_seen')},\n"
        f"    r.event_start = {_earliest('event_start')}, r.event_end = {_latest('event_end')}"
        f"{appended},\n"
        f"    r.evidence_keys = {held} + {fresh} | row.evidence_keys[i]]"
    )


def schema_statements(pg: PropertyGraph) -> list[Statement]:
    queries = [
        f"CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (n:{DOCUMENT_LABEL}) REQUIRE n.id IS UNIQUE",
        f"CREATE INDEX kg_entity_name IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.name)",
        f"CREATE INDEX kg_entity_type IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.type)",
    ]
    for rel_type in pg.relationships:
        queries.append(
            f"CREATE CONSTRAINT kg_rel_{rel_type.lower()}_id IF NOT EXISTS "
            f"FOR ()-[r:{_ident(rel_type)}]-() REQUIRE r.id IS UNIQUE"
        )
    queries.append("CALL db.awaitIndexes(300)")
    return [Statement(q, schema=True) for q in queries]


def generate_statements(pg: PropertyGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Statement]:
    """Schema statements, then one data statement per batch of ``batch_size`` rows (pure: no connection)."""
    if batch_size < 1:
        raise ExportError(f"batch size must be at least 1, not {batch_size}")
    yield from schema_statements(pg)
    data: list[tuple[str, list[dict[str, Any]]]] = [(DOCUMENT_QUERY, pg.documents)]
    data += [(entity_query(label), rows) for label, rows in pg.entities.items()]
    data += [(relationship_query(rel_type), rows) for rel_type, rows in pg.relationships.items()]
    data.append((MENTION_QUERY, pg.mentions))
    for query, rows in data:
        for start in range(0, len(rows), batch_size):
            yield Statement(query, rows[start : start + batch_size])


@dataclass(slots=True)
class Neo4jReport:
    """What an export sent and what the server changed."""

    where: str
    entities: int = 0
    documents: int = 0
    relationships: int = 0
    mentions: int = 0
    transactions: int = 0
    counters: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        created = self.counters.get("nodes_created", 0), self.counters.get("relationships_created", 0)
        return (
            f"{self.entities} entities, {self.documents} documents, {self.relationships} relationships, "
            f"{self.mentions} mentions -> {self.where}: {created[0]} nodes and {created[1]} relationships "
            f"created, {self.transactions} transactions in {self.seconds:.1f} s"
        )


def _add_counters(report: Neo4jReport, summary: neo4j.ResultSummary) -> None:
    c = summary.counters
    for name in ("nodes_created", "relationships_created", "properties_set", "labels_added"):
        report.counters[name] = report.counters.get(name, 0) + int(getattr(c, name))


def run_statements(driver: neo4j.Driver, settings: Neo4jSettings, statements: Iterator[Statement]) -> Neo4jReport:
    """Schema statements auto-committed, each data batch in its own (retried) write transaction."""
    import neo4j.exceptions as ne

    report = Neo4jReport(settings.where())

    def write(tx: neo4j.ManagedTransaction, query: str, rows: Sequence[dict[str, Any]]) -> neo4j.ResultSummary:
        return tx.run(query, rows=list(rows)).consume()

    try:
        with driver.session(database=settings.database) as session:
            for statement in statements:
                if statement.schema:
                    session.run(statement.query).consume()
                    continue
                _add_counters(report, session.execute_write(write, statement.query, statement.rows))
                report.transactions += 1
    except (ne.Neo4jError, ne.DriverError, OSError) as error:
        raise DatabaseError(describe_error(error, settings)) from None
    return report


def write_neo4j(
    graph: KnowledgeGraph,
    settings: Neo4jSettings | str,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    vocabulary: Vocabulary | None = None,
) -> Neo4jReport:
    """Export ``graph`` to the server ``settings`` names (a URI alone takes credentials from the environment).

    >>> write_neo4j(graph, Neo4jSettings("bolt://localhost:7687", "neo4j", "secret"))  # doctest: +SKIP
    """
    if isinstance(settings, str):
        settings = settings_from_env(settings)
    started = time.perf_counter()
    pg = generate_property_graph(graph, vocabulary)
    with connect(settings) as driver:
        report = run_statements(driver, settings, generate_statements(pg, batch_size))
    report.entities, report.documents = pg.entity_count, len(pg.documents)
    report.relationships, report.mentions = pg.relationship_count, len(pg.mentions)
    report.seconds = time.perf_counter() - started
    return report


class Neo4jExporter:
    """A Neo4j server: ``target`` is its URI (credentials from the environment) or :class:`Neo4jSettings`."""

    name = "neo4j"
    default_target = ""

    def generate(self, graph: KnowledgeGraph, **options: Any) -> Iterator[Statement]:
        pg = generate_property_graph(graph, options.get("vocabulary"))
        return generate_statements(pg, options.get("batch_size", DEFAULT_BATCH_SIZE))

    def write(self, graph: KnowledgeGraph, target: str | Path, **options: Any) -> Written:
        settings = options.get("settings") or settings_from_env(str(target))
        report = write_neo4j(
            graph,
            settings,
            batch_size=options.get("batch_size", DEFAULT_BATCH_SIZE),
            vocabulary=options.get("vocabulary"),
        )
        return Written(self.name, (), report.relationships, f"exported to Neo4j: {report.summary()}")


EXPORTER = Neo4jExporter()
