"""Scale-out on Apache Spark: ``kg build --engine spark``, the same graph from a cluster.

The stages are kg's own functions, run where Spark puts them; nothing here re-implements a rule:

1. **Ingest** (:mod:`kg.spark.inputs`, :mod:`kg.spark.worker`): the driver lists the inputs through Hadoop's
   file system (local paths, ``hdfs://``, ``s3a://``), Spark reads each file's bytes, and executors turn them
   into documents with :func:`kg.ingest.documents_from_bytes`, so a bad file or line is the same one-line
   report as locally. Every document carries its place in the input order (input, file, item), which is how
   ``documents.jsonl`` and ``extractions.jsonl`` come out in the order a local build writes them.
2. **Per-document reading** in ``mapPartitions``: one spaCy pipeline per executor process, loaded once and kept
   for the life of the Python worker; each document becomes a :class:`~kg.extract.DocumentReading`.
3. **Normalisation** (:mod:`kg.spark.normalise`) in the phases :mod:`kg.normalise` defines: name statistics
   reduced, entity decisions broadcast, readings mapped to entity parts and fact drafts, and those merged per
   entity key and statement id. Ids are content-addressed, so nothing depends on partitioning or order.
4. **Outputs** (:mod:`kg.spark.outputs`, :mod:`kg.spark.tables`): Parquet tables (``documents``,
   ``entities``, ``facts``, ``evidence``), and the JSONL and RDF files written by executors in parallel parts,
   sorted by id, that concatenate to the bytes a local build writes; the embedded store and the HTML view
   from the tables; Neo4j through the official connector (:mod:`kg.spark.neo4j`).

pyspark is an optional extra (``pip install 'kg[spark]'``); nothing imports it until a Spark build starts.

>>> SparkOptions().master is None, SparkOptions(master="local[2]").master
(True, 'local[2]')
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SparkOptions"]


@dataclass(frozen=True, slots=True)
class SparkOptions:
    """How to reach Spark. ``master`` None: what ``spark-submit`` configured, else ``local[*]``.

    ``jars`` are added to ``spark.jars`` (the Neo4j connector; found in ``.cache`` when not given);
    ``conf`` holds any other Spark setting; ``documents_per_task`` sizes the reading tasks.
    """

    master: str | None = None
    app_name: str = "kg build"
    jars: tuple[str, ...] = ()
    conf: dict[str, str] = field(default_factory=dict)
    documents_per_task: int = 100
    progress: bool = False
