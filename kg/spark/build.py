"""``kg build --engine spark``: the stages of :mod:`kg.spark`, from the inputs to every output.

>>> OutputPlan().rdf_format, OutputPlan(rdf_format=None).rdf_format
('turtle', None)
"""

from __future__ import annotations

import math
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, OutputError
from kg.export import Written, get_exporter
from kg.export.rdf import DEFAULT_BASE_IRI, rdf_format
from kg.ingest import JsonlFields, duplicate
from kg.model import Document, Entity, Triple
from kg.ontology import Ontology, load_ontology
from kg.pipeline import BuildSettings
from kg.spark import SparkOptions
from kg.spark.inputs import Listing, list_inputs
from kg.spark.normalise import Normalised, normalise_readings
from kg.spark.outputs import PARTS, assemble, extraction_lines, render_jsonl, render_rdf, turtle_header, write_parts
from kg.spark.session import spark_session
from kg.spark.tables import SCHEMAS, TABLES, document_table_row, entity_table_row, evidence_rows, fact_row, read_tables
from kg.spark.worker import INGESTED, READ, ReadSettings, ingest_file, read_partition, reading_of

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["OutputPlan", "SparkBuild", "build_spark"]

Place = tuple[int, int, int]  # (input, file, item): a document's place in the order a local build reads
UNREAD = "Spark's file reader skipped it (names starting with '_' or '.' are hidden from Spark): rename it"


@dataclass(frozen=True, slots=True)
class OutputPlan:
    """The outputs besides the tables and the JSONL files (``kg build``'s options)."""

    rdf_format: str | None = "turtle"
    html: bool = True
    embedded: bool = True
    neo4j: str | None = None
    base_iri: str = DEFAULT_BASE_IRI


@dataclass(slots=True)
class SparkBuild:
    """What a Spark build did: the summary figures (as :attr:`KnowledgeGraph.stats`) and what it wrote."""

    stats: dict[str, Any]
    written: list[Written] = field(default_factory=list)


def _partitions(spark: SparkSession, count: int, per_task: int) -> int:
    return max(spark.sparkContext.defaultParallelism, math.ceil(count / max(1, per_task)))


# -- ingest and reading --------------------------------------------------------------------------------


def _ingest(spark: SparkSession, listing: Listing, fields: JsonlFields) -> DataFrame:
    """One row per document or error of every listed file (:data:`kg.spark.worker.INGESTED`)."""
    if not listing.files:
        return spark.createDataFrame([], INGESTED)
    by_uri: dict[str, list[tuple[int, int, str, str]]] = {}
    for f in listing.files:
        by_uri.setdefault(f.uri, []).append((f.input, f.file, f.source, f.suffix))
    wanted = spark.sparkContext.broadcast(by_uri)

    def read_files(rows: Iterable[Any]) -> Iterator[Any]:
        for row in rows:
            for input_no, file_no, source, suffix in wanted.value.get(row.path, ()):
                yield from ingest_file(input_no, file_no, source, suffix, bytes(row.content), fields)

    content = spark.read.format("binaryFile").load(sorted(by_uri)).select("path", "content")
    read = content.rdd.mapPartitions(read_files)
    seen = {row.path for row in content.select("path").collect()}
    unread = [(f.input, f.file, 0, "error", None, f.source, None, UNREAD) for f in listing.files if f.uri not in seen]
    return spark.createDataFrame(read, INGESTED).unionByName(spark.createDataFrame(unread, INGESTED))


def _first_of_each_id(ingested: DataFrame, partitions: int) -> tuple[DataFrame, list[tuple[Place, InputError]]]:
    """The documents to read (the first of each id in input order), and an error for every later copy."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    documents = ingested.filter(F.col("kind") == "document").repartition(partitions, "id")
    order = Window.partitionBy("id").orderBy("input", "file", "item")
    ranked = (
        documents.withColumn("rank", F.row_number().over(order))
        .withColumn("first", F.first("origin").over(order))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    copies = ranked.filter(F.col("rank") > 1).select("input", "file", "item", "id", "origin", "first").collect()
    errors = [
        ((r.input, r.file, r.item), duplicate(Document(r.id, "", origin=r.origin), r.origin, r.first)) for r in copies
    ]
    return ranked.filter(F.col("rank") == 1).select("input", "file", "item", "document"), errors


def _read(spark: SparkSession, documents: DataFrame, settings: BuildSettings, ontology: Ontology) -> DataFrame:
    """Every document parsed and read on the executors (:data:`kg.spark.worker.READ`), kept for the stages after."""
    from pyspark import StorageLevel

    config = ReadSettings(settings.model, settings.batch_size, settings.extractors)
    shared = spark.sparkContext.broadcast(ontology)
    rows = documents.rdd.mapPartitions(lambda part: read_partition(part, config, shared.value))
    return spark.createDataFrame(rows, READ).persist(StorageLevel.MEMORY_AND_DISK)


def _errors(listing: Listing, ingested: DataFrame, copies: list[tuple[Place, InputError]]) -> list[InputError]:
    """Input errors in the order a local build reports them (a listing error before the files of its input)."""
    from pyspark.sql import functions as F

    found: list[tuple[Place, InputError]] = [((n, -1, -1), error) for n, error in listing.errors]
    for r in ingested.filter(F.col("kind") == "error").select("input", "file", "item", "origin", "error").collect():
        found.append(((r.input, r.file, r.item), InputError(r.origin, r.error)))
    return [error for _, error in sorted(found + copies, key=lambda pe: pe[0])]


def _foreign(read: DataFrame) -> list[InputError]:
    """The documents left unparsed for their language, in input order."""
    rows = read.filter("NOT parsed").select("input", "file", "item", "origin", "error").orderBy("input", "file", "item")
    return [InputError(r.origin, r.error) for r in rows.collect()]


def _stats(read: DataFrame) -> dict[str, Any]:
    from pyspark.sql import functions as F

    row = (
        read.filter("parsed")
        .agg(
            F.count("*").alias("documents"),
            F.sum("sentences").alias("sentences"),
            F.sum("words").alias("words"),
            F.sum("extractions").alias("extractions"),
            F.first("model").alias("model"),
        )
        .collect()[0]
    )
    return {name: row[name] or 0 for name in ("documents", "sentences", "words", "extractions")} | {"model": row.model}


# -- outputs --------------------------------------------------------------------------------------------


def _records(read: DataFrame) -> RDD[tuple[Place, str]]:
    return read.filter("parsed").select("input", "file", "item", "record").rdd.map(lambda r: ((r[0], r[1], r[2]), r[3]))


def _documents(read: DataFrame) -> RDD[tuple[Place, Document]]:
    import json

    def document(row: Any) -> tuple[Place, Document]:
        record = json.loads(row.record)
        return (row.input, row.file, row.item), Document.from_dict(record["document"] if row.parsed else record)

    return read.select("input", "file", "item", "parsed", "record").rdd.map(document)


def _write_tables(spark: SparkSession, out: Path, read: DataFrame, graph: Normalised) -> Path:
    """The four Parquet tables, written beside the folder they replace and swapped in when complete."""
    import json

    def documents(row: Any) -> tuple[Any, ...]:
        return document_table_row((row.input, row.file, row.item), json.loads(row.record), row.parsed)

    data: dict[str, RDD[Any]] = {
        "documents": read.select("input", "file", "item", "parsed", "record").rdd.map(documents),
        "entities": graph.entities.map(entity_table_row),
        "facts": graph.triples.map(fact_row),
        "evidence": graph.triples.flatMap(evidence_rows),
    }
    work = out / f"{PARTS}/tables"
    for name in TABLES:
        spark.createDataFrame(data[name], SCHEMAS[name]).write.mode("overwrite").parquet(
            (work / name).resolve().as_uri()
        )
    target = out / "tables"
    old = out / f"{PARTS}/tables-old"
    if target.exists():
        target.rename(old)
    work.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def _write_file(texts: RDD[tuple[Any, str]], out: Path, name: str, partitions: int, header: str = "") -> Path:
    parts = out / PARTS / name
    shutil.rmtree(parts, ignore_errors=True)
    write_parts(texts, parts, partitions)
    return assemble(parts, out / name, header)


def _write_jsonl(spark: SparkSession, out: Path, read: DataFrame, graph: Normalised, per_task: int) -> list[Path]:
    """triples.jsonl, extractions.jsonl, entities.jsonl and documents.jsonl, as the JSONL exporter writes them."""
    from kg.spark.outputs import chunks

    def by_id(name: str, items: RDD[Any]) -> RDD[tuple[Any, str]]:
        keyed: RDD[tuple[str, Any]] = items.map(lambda x: (x.id, x)).sortByKey()
        return keyed.mapPartitions(
            lambda part: ((c[0][0], render_jsonl(name, [x for _, x in c])) for c in chunks(part))
        )

    documents = _documents(read).map(lambda pd: (pd[0], render_jsonl("documents", [pd[1]])))
    extractions = _records(read).map(lambda pr: (pr[0], reading_of(pr[1]).extractions))
    count = read.count()
    files = {
        "triples.jsonl": by_id("triples", graph.triples),
        "extractions.jsonl": extractions.mapPartitions(extraction_lines),
        "entities.jsonl": by_id("entities", graph.entities),
        "documents.jsonl": documents,
    }
    return [_write_file(texts, out, name, _partitions(spark, count, per_task)) for name, texts in files.items()]


def _rdf_items(read: DataFrame, graph: Normalised, fmt: str, base_iri: str) -> RDD[tuple[Any, tuple[str, int]]]:
    """Every item of the RDF export keyed by (section, id), rendered: entities, articles, statements."""
    asserted = graph.triples.filter(lambda t: not t.negated).map(lambda t: (t.subject.id, replace(t, evidence=())))
    entities = graph.entities.map(lambda e: (e.id, e)).leftOuterJoin(asserted.groupByKey())

    def entity(item: tuple[str, tuple[Entity, Any]]) -> tuple[Any, tuple[str, int]]:
        key, (e, triples) = item
        return (0, key), render_rdf("entities", [(e, list(triples or ()))], fmt, base_iri)

    def article(item: tuple[Place, Document]) -> tuple[Any, tuple[str, int]]:
        d = item[1]
        return (1, d.id), render_rdf("articles", [d], fmt, base_iri)

    def statement(t: Triple) -> tuple[Any, tuple[str, int]]:
        return (2, t.id), render_rdf("statements", [t], fmt, base_iri)

    return entities.map(entity).union(_documents(read).map(article)).union(graph.triples.map(statement))


def _write_rdf(
    spark: SparkSession, out: Path, read: DataFrame, graph: Normalised, plan: OutputPlan, count: int
) -> Written:
    from pyspark import StorageLevel

    fmt = rdf_format(plan.rdf_format or "turtle")
    items = _rdf_items(read, graph, fmt.name, plan.base_iri).persist(StorageLevel.MEMORY_AND_DISK)
    triples = items.map(lambda kv: kv[1][1]).sum()
    header = turtle_header(plan.base_iri) if fmt.name == "turtle" else ""
    path = _write_file(items.mapValues(lambda tc: tc[0]), out, f"graph{fmt.extension}", count, header)
    items.unpersist()
    return Written("rdf", (path,), triples, f"RDF: {triples:,} triples in {path.name}")


def _local_outputs(out: Path, plan: OutputPlan, ontology: Ontology) -> list[Written]:
    """The outputs written on the driver from the graph read back from the tables: JSON-LD, HTML, the store."""
    wanted = [
        (name, opts)
        for name, on, opts in (
            ("rdf", plan.rdf_format == "json-ld", {"format": "json-ld", "base_iri": plan.base_iri}),
            ("html", plan.html, {}),
            ("embedded", plan.embedded, {}),
        )
        if on
    ]
    if not wanted:
        return []
    graph = read_tables(out / "tables", ontology)
    return [get_exporter(name).write(graph, out, **opts) for name, opts in wanted]


def build_spark(
    inputs: Sequence[str],
    out: str | Path,
    settings: BuildSettings | None = None,
    options: SparkOptions | None = None,
    plan: OutputPlan | None = None,
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_read: Callable[[dict[str, Any]], object] | None = None,
) -> SparkBuild:
    """Build the graph of ``inputs`` on Spark into ``out`` (a local folder), as ``kg build --engine spark``.

    ``on_error`` hears of every input skipped (in the order a local build reports them), ``on_read`` gets the
    summary figures once the graph is normalised, before the outputs are written.

    >>> build_spark(["corpus/"], "out/news", options=SparkOptions(master="local[2]"))  # doctest: +SKIP
    """
    started = time.perf_counter()
    settings, options, plan = settings or BuildSettings(), options or SparkOptions(), plan or OutputPlan()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: not a folder")
    ontology = load_ontology(settings.ontology)
    spark = spark_session(options)
    listing = list_inputs(spark, [str(i) for i in inputs])
    ingested = _ingest(spark, listing, settings.fields).cache()
    count = ingested.filter("kind = 'document'").count()
    documents, copies = _first_of_each_id(ingested, _partitions(spark, count, options.documents_per_task))
    read = _read(spark, documents, settings, ontology)
    report = on_error or (lambda error: None)
    skipped = _errors(listing, ingested, copies)
    for error in skipped:
        report(error)
    foreign = _foreign(read)
    for error in foreign:
        report(error)
    stats = _stats(read) | {"skipped": [str(e) for e in skipped + foreign], "extractors": list(settings.extractors)}
    if not stats["documents"]:
        if on_read is not None:
            on_read(stats)
        return SparkBuild(stats)
    graph = normalise_readings(spark, _records(read), ontology, settings.normalise)
    stats |= {
        "entities": graph.entities.count(),
        "triples": graph.triples.count(),
        "dropped": dict(sorted(graph.dropped.items())),
    }
    stats["seconds"] = round(time.perf_counter() - started, 3)
    if on_read is not None:
        on_read(stats)
    result = SparkBuild(stats)
    out.mkdir(parents=True, exist_ok=True)
    _write_tables(spark, out, read, graph)
    paths = _write_jsonl(spark, out, read, graph, options.documents_per_task)
    result.written.append(Written("jsonl", tuple(paths), stats["triples"], f"JSONL: {stats['triples']:,} facts"))
    if plan.rdf_format is not None and plan.rdf_format != "json-ld":
        result.written.append(
            _write_rdf(spark, out, read, graph, plan, _partitions(spark, count, options.documents_per_task))
        )
    result.written.extend(_local_outputs(out, plan, ontology))
    if plan.neo4j:
        from kg.spark.neo4j import write_neo4j_spark

        docs = _documents(read).values()
        result.written.append(write_neo4j_spark(spark, graph.entities, graph.triples, docs, plan.neo4j, ontology))
    shutil.rmtree(out / PARTS, ignore_errors=True)
    return result
