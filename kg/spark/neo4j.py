"""Neo4j from Spark: the official Neo4j Connector for Apache Spark, writing what the Python exporter writes.

The rows are :mod:`kg.export.cypher`'s (:func:`~kg.export.cypher.entity_row`,
:func:`~kg.export.cypher.relationship_row`, :func:`~kg.export.cypher.document_row`, mentions counted from
:func:`~kg.export.cypher.mention_spans`), made on the executors; the Cypher is :mod:`kg.export.neo4j`'s own
``UNWIND $rows AS row ... MERGE`` statements, handed to the connector's ``query`` write mode, which runs them
for each batch of a partition's rows bound to ``event`` (:func:`connector_query`). The same labels,
relationship types, keys, constraints and idempotent MERGE follow; exporting twice changes nothing.

Labels and relationship types are checked against the vocabulary on the driver before anything is written;
values travel as the connector's query parameters, never in query text.

Which connector: ``org.neo4j:neo4j-connector-apache-spark_2.12:5.0.3_for_spark_3`` for Spark 3 with Scala 2.12
(pyspark from PyPI is built with 2.12); later connector releases are built for Scala 2.13 only (Spark 3.5 or 4
builds with 2.13). ``.ci/spark/resolve`` fetches it with Maven into ``.cache/spark/jars``.

>>> print(connector_query("UNWIND $rows AS row\\nMERGE (d:Document {id: row.id})"))
WITH event AS row
MERGE (d:Document {id: row.id})
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError
from kg.export import Written
from kg.export.cypher import (
    DOCUMENT_PROPERTIES,
    ENTITY_PROPERTIES,
    MENTION_PROPERTIES,
    RELATIONSHIP_PROPERTIES,
    CypherSchema,
    PropertyGraph,
    document_row,
    entity_row,
    mention_spans,
    relationship_row,
)
from kg.export.neo4j import (
    DEFAULT_BATCH_SIZE,
    DOCUMENT_QUERY,
    MENTION_QUERY,
    Neo4jSettings,
    connect,
    entity_query,
    relationship_query,
    schema_statements,
    settings_from_env,
)
from kg.model import Document, Entity, Triple

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

    from kg.ontology import Ontology

__all__ = ["CONNECTOR", "CONNECTOR_CLASS", "connector_query", "write_neo4j_spark"]

CONNECTOR = "org.neo4j:neo4j-connector-apache-spark_2.12:5.0.3_for_spark_3"
CONNECTOR_CLASS = "org.neo4j.spark.DataSource"
_UNWIND = "UNWIND $rows AS row\n"
_SPARK_TYPES = {
    "STRING": "STRING",
    "STRING[]": "ARRAY<STRING>",
    "INT64": "BIGINT",
    "INT64[]": "ARRAY<BIGINT>",
    "DOUBLE": "DOUBLE",
    "DOUBLE[]": "ARRAY<DOUBLE>",
    "BOOLEAN": "BOOLEAN",
    "DATE": "DATE",
}


def connector_query(query: str) -> str:
    """The connector's form of one of the exporter's batch statements: its rows arrive one ``event`` at a time."""
    if not query.startswith(_UNWIND):
        raise ExportError(f"not a batch statement of the Neo4j exporter: {query.splitlines()[0]!r}")
    return "WITH event AS row\n" + query[len(_UNWIND) :]


def _ddl(properties: dict[str, str], ends: tuple[str, str] = ("", "")) -> str:
    columns = [f"`{end}` STRING" for end in ends if end]
    return ", ".join(columns + [f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in properties.items()])


def _row(values: dict[str, Any], names: Iterable[str]) -> tuple[Any, ...]:
    return tuple(values[name] for name in names)


def _check_names(schema: CypherSchema, entities: RDD[Entity], triples: RDD[Triple]) -> list[str]:
    """Every class a label and every relation a type of the vocabulary, said on the driver before any write;
    the relationship types, sorted."""
    for kind, entity_id in sorted(entities.map(lambda e: (e.type, e.id)).reduceByKey(min).collect()):
        schema.label(kind, entity_id)
    types = set()
    for relation, triple_id in sorted(triples.map(lambda t: (t.predicate.id, t.id)).reduceByKey(min).collect()):
        types.add(schema.type_of(relation, triple_id))
    return sorted(types)


def _mentions(entities: RDD[Entity], triples: RDD[Triple]) -> RDD[tuple[str, str, int]]:
    """(document, entity, count) of distinct mention spans, as the exporter counts them."""
    spans = entities.mapPartitions(lambda es: mention_spans(es, ())).union(
        triples.mapPartitions(lambda ts: mention_spans((), ts))
    )
    return (
        spans.distinct()
        .map(lambda s: ((s[0], s[1]), 1))
        .reduceByKey(lambda a, b: a + b)
        .map(lambda kv: (*kv[0], kv[1]))
    )


def _keyed(key: str) -> Callable[[tuple[str, Any]], bool]:
    """A filter for the pairs whose key is ``key``."""
    return lambda pair: pair[0] == key


class _Writer:
    """One connection's worth of connector options; each call writes one DataFrame with one query."""

    def __init__(self, settings: Neo4jSettings, batch_size: int) -> None:
        self.options = {
            "url": settings.uri,
            "authentication.type": "basic",
            "authentication.basic.username": settings.user,
            "authentication.basic.password": settings.password or "",
            "batch.size": str(batch_size),
            "transaction.retries": "10",
        }
        if settings.database:
            self.options["database"] = settings.database

    def write(self, frame: DataFrame, query: str, script: str | None = None) -> None:
        writer = frame.write.format(CONNECTOR_CLASS).mode("Overwrite").options(**self.options)
        if script:
            writer = writer.option("script", script)
        writer.option("query", connector_query(query)).save()


def _require_connector(spark: SparkSession) -> None:
    utils = spark.sparkContext._jvm.org.apache.spark.util.Utils  # type: ignore[union-attr]
    if not utils.classIsLoadable(CONNECTOR_CLASS):
        raise ExportError(
            f"the Neo4j Connector for Apache Spark ({CONNECTOR}) is not on spark.jars: run bash .ci/spark/resolve "
            "in a checkout, or set KG_SPARK_JARS to the jar's path"
        )


def write_neo4j_spark(
    spark: SparkSession,
    entities: RDD[Entity],
    triples: RDD[Triple],
    documents: RDD[Document],
    target: str | Neo4jSettings,
    ontology: Ontology,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    partitions: int = 1,
) -> Written:
    """Write a graph held in Spark to Neo4j through the connector, as :func:`kg.export.neo4j.write_neo4j` would.

    Node rows are written by ``partitions`` tasks in parallel (a MERGE on a unique key locks one node);
    relationship and mention rows by one task, since a relationship locks both its ends and parallel batches
    over shared nodes would wait on each other.
    """
    started = time.perf_counter()
    settings = target if isinstance(target, Neo4jSettings) else settings_from_env(target)
    _require_connector(spark)
    with connect(settings):  # unreachable, wrong password, no such database: the exporter's one-line errors
        pass
    schema = CypherSchema.from_vocabulary(ontology.vocabulary)
    types = _check_names(schema, entities, triples)
    writer = _Writer(settings, batch_size)
    counts: dict[str, int] = {}

    def frame(rows: RDD[tuple[Any, ...]], ddl: str, parts: int) -> DataFrame:
        return spark.createDataFrame(rows, ddl).repartition(max(1, parts))

    docs = documents.map(lambda d: _row(document_row(d.id, d), DOCUMENT_PROPERTIES))
    script = ";\n".join(s.query for s in schema_statements(PropertyGraph(relationships={t: [] for t in types})))
    counts["documents"] = documents.count()
    writer.write(frame(docs, _ddl(DOCUMENT_PROPERTIES), partitions), DOCUMENT_QUERY, script)
    labelled = entities.map(lambda e: (schema.label(e.type, e.id), _row(entity_row(e), ENTITY_PROPERTIES))).cache()
    by_label = labelled.countByKey()
    for label in sorted(by_label):
        rows = labelled.filter(_keyed(label)).values()
        writer.write(frame(rows, _ddl(ENTITY_PROPERTIES), partitions), entity_query(label))
    names = ("source", "target", *RELATIONSHIP_PROPERTIES)
    typed = triples.map(lambda t: (schema.type_of(t.predicate.id, t.id), _row(relationship_row(t), names))).cache()
    by_type = typed.countByKey()
    for rel_type in sorted(by_type):
        rows = typed.filter(_keyed(rel_type)).values()
        writer.write(frame(rows, _ddl(RELATIONSHIP_PROPERTIES, ("source", "target")), 1), relationship_query(rel_type))
    counts["entities"], counts["relationships"] = sum(by_label.values()), sum(by_type.values())
    mentions = _mentions(entities, triples)
    counts["mentions"] = mentions.count()
    writer.write(frame(mentions, _ddl(MENTION_PROPERTIES, ("document", "entity")), 1), MENTION_QUERY)
    labelled.unpersist()
    typed.unpersist()
    seconds = time.perf_counter() - started
    summary = (
        f"exported to Neo4j through the Spark connector: {counts['entities']} entities, {counts['documents']} "
        f"documents, {counts['relationships']} relationships, {counts['mentions']} mentions -> {settings.where()} "
        f"in {seconds:.1f} s"
    )
    return Written("neo4j", (), counts["relationships"], summary)
