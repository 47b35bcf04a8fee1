"""``kg build --engine spark``: the stages of :mod:`kg.spark`, from the inputs to every output.

>>> OutputPlan().rdf_format, OutputPlan(rdf_format=None).rdf_format
('turtle', None)
"""

from __future__ import annotations

import json
import math
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.duplicates import clusters
from kg.errors import InputError, OutputError
from kg.export import Written, get_exporter
from kg.export.rdf import DEFAULT_BASE_IRI, rdf_format
from kg.extract import DocumentReading
from kg.ingest import JsonlFields, duplicate
from kg.model import Document, Entity, Triple
from kg.normalise.curate import FileCuration, load_curation
from kg.normalise.curation import NO_CURATION
from kg.normalise.curation_file import CURATION_FILE
from kg.ontology import Ontology, load_ontology
from kg.pipeline import BuildSettings
from kg.spark import SparkOptions
from kg.spark.inputs import Listing, list_inputs
from kg.spark.normalise import Normalised, normalise_readings
from kg.spark.outputs import (
    PARTS,
    assemble,
    chunks,
    extraction_lines,
    in_order,
    render_jsonl,
    render_rdf,
    turtle_header,
    write_parts,
)
from kg.spark.session import spark_session
from kg.spark.tables import SCHEMAS, TABLES, document_table_row, entity_table_row, evidence_rows, fact_row, read_tables
from kg.spark.worker import INGESTED, READ, ReadSettings, ingest_file, read_partition, reading_of

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["OutputPlan", "SparkBuild", "build_spark"]

Place = tuple[int, int, int]  # (input, file, item): a document's place in the order a local build reads
UNREAD = "Spark's file reader skipped it (it hides names starting with '_' or '.'): rename it"


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


@dataclass(frozen=True, slots=True)
class _Run:
    """One build's session, folder and sizes."""

    spark: SparkSession
    out: Path
    options: SparkOptions
    documents: int  # documents read (before duplicates are dropped): what partition counts follow

    def partitions(self) -> int:
        per_task = max(1, self.options.documents_per_task)
        return max(self.spark.sparkContext.defaultParallelism, math.ceil(self.documents / per_task))


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
    seen = {row.path for row in content.select("path").collect()}
    unread = [(f.input, f.file, 0, "error", None, f.source, None, UNREAD) for f in listing.files if f.uri not in seen]
    read = spark.createDataFrame(content.rdd.mapPartitions(read_files), INGESTED)
    return read.unionByName(spark.createDataFrame(unread, INGESTED))


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


def _errors(
    listing: Listing, ingested: DataFrame, read: DataFrame, copies: list[tuple[Place, InputError]]
) -> list[InputError]:
    """Every input skipped, in the order a local build reports them: by place in the input order (an input's
    listing error before its files), whether a file could not be read, a document was a copy of an earlier
    one or was in another language."""
    from pyspark.sql import functions as F

    found: list[tuple[Place, InputError]] = [((n, -1, -1), error) for n, error in listing.errors]
    failed = ingested.filter(F.col("kind") == "error").select("input", "file", "item", "origin", "error")
    foreign = read.filter("NOT parsed").select("input", "file", "item", "origin", "error")
    for r in failed.union(foreign).collect():
        found.append(((r.input, r.file, r.item), InputError(r.origin, r.error)))
    return [error for _, error in sorted(found + copies, key=lambda pe: pe[0])]


def _stats(read: DataFrame) -> dict[str, Any]:
    from pyspark.sql import functions as F

    names = ("sentences", "words", "extractions")
    sums = [F.sum(name).alias(name) for name in names]
    row = read.filter("parsed").agg(F.count("*").alias("documents"), *sums, F.first("model").alias("model")).first()
    assert row is not None
    return {name: row[name] or 0 for name in ("documents", *names)} | {"model": row.model}


def _read_inputs(
    spark: SparkSession, inputs: Sequence[str], settings: BuildSettings, ontology: Ontology, options: SparkOptions
) -> tuple[_Run, DataFrame, list[InputError]]:
    """Stages 1 and 2: every input read and every document parsed; the inputs skipped, in local order."""
    listing = list_inputs(spark, inputs)
    ingested = _ingest(spark, listing, settings.fields).cache()
    run = _Run(spark, Path(), options, ingested.filter("kind = 'document'").count())
    documents, copies = _first_of_each_id(ingested, run.partitions())
    read = _read(spark, documents, settings, ontology)
    return run, read, _errors(listing, ingested, read, copies)


def _readings(read: DataFrame) -> RDD[tuple[Place, DocumentReading]]:
    rows = read.filter("parsed").select("input", "file", "item", "record").rdd
    return rows.map(lambda r: ((r[0], r[1], r[2]), reading_of(r[3])))


def _normalise(
    spark: SparkSession, read: DataFrame, ontology: Ontology, settings: BuildSettings, curation: FileCuration | None
) -> Normalised:
    """Stage 3: near-duplicates clustered on the driver from the executors' signatures, then the four phases
    (with the analysts' curation, as a local build applies it)."""
    signatures = read.filter("parsed").select("id", "signature").rdd.map(lambda r: (r.id, bytes(r.signature)))
    near = clusters(signatures.collect())
    return normalise_readings(
        spark, _readings(read), ontology, settings.normalise, clusters=near, curation=curation or NO_CURATION
    )


def _curation(settings: BuildSettings, out: Path) -> FileCuration | None:
    """The curation files a build applies: those named, else the output folder's own curation.tsv."""
    own = out / CURATION_FILE
    return load_curation([Path(p) for p in settings.curation] or ([own] if own.is_file() else []))


def _unmatched(graph: Normalised, curation: FileCuration) -> list[str]:
    """The decisions that matched nothing ("FILE:LINE verb target"), from what the executors assembled."""
    curated = graph.entities.flatMap(lambda e: [t.split(" ", 1)[0] for t in e.curation]).distinct().collect()
    return [f"{d.source} {d.verb} {d.target}" for d in curation.unmatched(curated, graph.dropped)]


# -- outputs --------------------------------------------------------------------------------------------


def _documents(read: DataFrame) -> RDD[tuple[Place, Document]]:
    def document(row: Any) -> tuple[Place, Document]:
        record = json.loads(row.record)
        return (row.input, row.file, row.item), Document.from_dict(record["document"] if row.parsed else record)

    return read.select("input", "file", "item", "parsed", "record").rdd.map(document)


def _write_tables(run: _Run, read: DataFrame, graph: Normalised) -> Path:
    """The four Parquet tables, written beside the folder they replace and swapped in when complete."""

    def documents(row: Any) -> tuple[Any, ...]:
        return document_table_row((row.input, row.file, row.item), json.loads(row.record), row.parsed)

    data: dict[str, RDD[Any]] = {
        "documents": read.select("input", "file", "item", "parsed", "record").rdd.map(documents),
        "entities": graph.entities.map(entity_table_row),
        "facts": graph.triples.map(fact_row),
        "evidence": graph.triples.flatMap(evidence_rows),
    }
    work = run.out / PARTS / "tables"
    for name in TABLES:
        frame = run.spark.createDataFrame(data[name], SCHEMAS[name])
        frame.write.mode("overwrite").parquet((work / name).resolve().as_uri())
    target, old = run.out / "tables", run.out / PARTS / "tables-old"
    if target.exists():
        target.rename(old)
    work.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def _write_file(run: _Run, texts: RDD[str], name: str, header: str = "") -> Path:
    parts = run.out / PARTS / name
    shutil.rmtree(parts, ignore_errors=True)
    write_parts(texts, parts)
    return assemble(parts, run.out / name, header)


def _by_id(name: str, items: RDD[Any], partitions: int) -> RDD[str]:
    """Items sorted by id and rendered a chunk at a time, in order."""
    keyed: RDD[tuple[str, Any]] = items.map(lambda x: (x.id, x)).sortByKey(numPartitions=partitions)
    return keyed.mapPartitions(lambda part: (render_jsonl(name, [x for _, x in c]) for c in chunks(part)))


def _write_jsonl(run: _Run, read: DataFrame, graph: Normalised) -> Written:
    """triples.jsonl, extractions.jsonl, entities.jsonl and documents.jsonl, as the JSONL exporter writes them."""
    n = run.partitions()
    documents = _documents(read).mapValues(lambda d: render_jsonl("documents", [d]))
    extractions = _readings(read).mapValues(lambda r: r.extractions).mapPartitions(extraction_lines)
    files = {
        "triples.jsonl": _by_id("triples", graph.triples, n),
        "extractions.jsonl": in_order(extractions, n),
        "entities.jsonl": _by_id("entities", graph.entities, n),
        "documents.jsonl": in_order(documents, n),
    }
    paths = tuple(_write_file(run, texts, name) for name, texts in files.items())
    count = graph.triples.count()
    return Written("jsonl", paths, count, f"JSONL: {count:,} facts")


def _rdf_items(read: DataFrame, graph: Normalised, fmt: str, base_iri: str) -> RDD[tuple[Any, tuple[str, int]]]:
    """Every item of the RDF export keyed by (section, id), rendered: entities, articles, statements."""
    asserted = graph.triples.filter(lambda t: not t.negated).map(
        lambda t: (t.subject.id, (t.predicate.id, t.object.id))
    )
    entities = graph.entities.map(lambda e: (e.id, e)).leftOuterJoin(asserted.groupByKey())

    def entity(item: tuple[str, tuple[Entity, Any]]) -> tuple[Any, tuple[str, int]]:
        key, (e, pairs) = item
        return (0, key), render_rdf("entities", [(e, list(pairs or ()))], fmt, base_iri)

    def article(item: tuple[Place, Document]) -> tuple[Any, tuple[str, int]]:
        return (1, item[1].id), render_rdf("articles", [item[1]], fmt, base_iri)

    def statement(t: Triple) -> tuple[Any, tuple[str, int]]:
        return (2, t.id), render_rdf("statements", [t], fmt, base_iri)

    return entities.map(entity).union(_documents(read).map(article)).union(graph.triples.map(statement))


def _write_rdf(run: _Run, read: DataFrame, graph: Normalised, plan: OutputPlan) -> Written:
    from pyspark import StorageLevel

    fmt = rdf_format(plan.rdf_format or "turtle")
    items = _rdf_items(read, graph, fmt.name, plan.base_iri).persist(StorageLevel.MEMORY_AND_DISK)
    triples = items.map(lambda kv: kv[1][1]).sum()
    header = turtle_header(plan.base_iri) if fmt.name == "turtle" else ""
    texts = in_order(items.mapValues(lambda tc: tc[0]), run.partitions())
    path = _write_file(run, texts, f"graph{fmt.extension}", header)
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


def _write_outputs(
    run: _Run, read: DataFrame, graph: Normalised, plan: OutputPlan, ontology: Ontology
) -> list[Written]:
    """Stage 4: the tables, the JSONL files, RDF, the driver's outputs, Neo4j; in the order a local build writes."""
    run.out.mkdir(parents=True, exist_ok=True)
    _write_tables(run, read, graph)
    written = [_write_jsonl(run, read, graph)]
    if plan.rdf_format is not None and plan.rdf_format != "json-ld":
        written.append(_write_rdf(run, read, graph, plan))
    written.extend(_local_outputs(run.out, plan, ontology))
    if plan.neo4j:
        from kg.spark.neo4j import write_neo4j_spark

        docs = _documents(read).values()
        written.append(write_neo4j_spark(run.spark, graph.entities, graph.triples, docs, plan.neo4j, ontology))
    shutil.rmtree(run.out / PARTS, ignore_errors=True)
    return written


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
    if Path(out).exists() and not Path(out).is_dir():
        raise OutputError(f"{out}: not a folder")
    ontology = load_ontology(settings.ontology)
    spark = spark_session(options)
    run, read, skipped = _read_inputs(spark, [str(i) for i in inputs], settings, ontology, options)
    run = replace(run, out=Path(out))
    for error in skipped:
        (on_error or (lambda _: None))(error)
    stats = _stats(read) | {"skipped": [str(e) for e in skipped], "extractors": list(settings.extractors)}
    stats["master"] = spark.sparkContext.master
    if stats["documents"]:
        curation = _curation(settings, Path(out))
        graph = _normalise(spark, read, ontology, settings, curation)
        stats |= {"entities": graph.entities.count(), "triples": graph.triples.count(), "dropped": graph.dropped}
        if curation is not None:
            stats["unmatched"] = _unmatched(graph, curation)
            stats["curation"] = len(curation.file) - len(stats["unmatched"])
    stats["seconds"] = round(time.perf_counter() - started, 3)
    if on_read is not None:
        on_read(stats)
    if not stats["documents"]:
        return SparkBuild(stats)
    return SparkBuild(stats, _write_outputs(run, read, graph, plan, ontology))
