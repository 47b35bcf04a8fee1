"""The embedded Cypher store: ``graph.lbug``, a LadybugDB database (the maintained fork of Kuzu), in-process.

Same model as Neo4j (:mod:`kg.export.cypher`), with the differences LadybugDB's typed schema imposes:

* one node table ``Entity`` (the class is the ``type`` property, not a second label: a node has exactly one
  table) and one node table ``Document``;
* one relationship table per ontology relation (``SUPPORTS``, ``PRESIDENT_OF``, ... all of them, so a
  query naming a relation the corpus lacks returns no rows instead of failing), each with the same
  columns, plus ``MENTIONS`` from ``Document`` to ``Entity``. ``MATCH (a)-[r:SUPPORTS]->(b)`` reads the
  same in both stores; ``label(r)`` is LadybugDB's ``type(r)``.

Loading uses the bulk path: one typed Parquet file per table, written to a temporary folder and read with
``COPY FROM`` (no text quoting anywhere, so any string round-trips). The database is
built in a temporary folder beside the target and renamed into place, so an interrupted build keeps the
previous store. No LadybugDB extension is used (they download at run time).

>>> from kg.ontology import load_ontology
>>> ddl = generate_schema(load_ontology().vocabulary)
>>> ddl[0]
'CREATE NODE TABLE `Entity`(`id` STRING PRIMARY KEY, `name` STRING, `aliases` STRING[], `type` STRING, `note` STRING)'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError, OutputError
from kg.export import Written
from kg.export.cypher import (
    DOCUMENT_LABEL,
    DOCUMENT_PROPERTIES,
    ENTITY_LABEL,
    ENTITY_PROPERTIES,
    MENTION_PROPERTIES,
    MENTIONS,
    RELATIONSHIP_PROPERTIES,
    CypherSchema,
    PropertyRows,
    generate_property_graph,
)

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.ontology.vocabulary import Vocabulary

__all__ = ["FILENAME", "generate_schema", "write_embedded"]

FILENAME = "graph.lbug"


def _columns(properties: dict[str, str], primary: bool) -> str:
    cols = [f"`{name}` {kind}" for name, kind in properties.items()]
    if primary:
        cols[0] += " PRIMARY KEY"
    return ", ".join(cols)


def generate_schema(vocabulary: Vocabulary) -> list[str]:
    """The DDL: node tables, then one relationship table per ontology relation, then ``MENTIONS``."""
    schema = CypherSchema.from_vocabulary(vocabulary)
    ddl = [
        f"CREATE NODE TABLE `{ENTITY_LABEL}`({_columns(ENTITY_PROPERTIES, True)})",
        f"CREATE NODE TABLE `{DOCUMENT_LABEL}`({_columns(DOCUMENT_PROPERTIES, True)})",
    ]
    rel_columns = _columns(RELATIONSHIP_PROPERTIES, False)
    for rel_type in sorted(set(schema.relationship_types.values())):
        ddl.append(f"CREATE REL TABLE `{rel_type}`(FROM `{ENTITY_LABEL}` TO `{ENTITY_LABEL}`, {rel_columns})")
    mention_columns = _columns(MENTION_PROPERTIES, False)
    ddl.append(f"CREATE REL TABLE `{MENTIONS}`(FROM `{DOCUMENT_LABEL}` TO `{ENTITY_LABEL}`, {mention_columns})")
    return ddl


# The bulk path reads Parquet, not CSV: a CSV reader has to guess where quoted fields end, and LadybugDB's
# mis-read long quoted fields in context (a corpus of ordinary sentences failed to load). Parquet carries
# lengths and typed lists, so no text is ever quoted, escaped or split: what goes in comes back equal.
_ARROW_TYPES = {
    "STRING": "string",
    "STRING[]": "list<string>",
    "INT64": "int64",
    "INT64[]": "list<int64>",
    "DOUBLE": "double",
    "DOUBLE[]": "list<double>",
    "BOOLEAN": "bool",
    "DATE": "date",
}


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    simple = {
        "string": pa.string(),
        "int64": pa.int64(),
        "double": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    name = _ARROW_TYPES[kind]
    if name.startswith("list<"):
        return pa.list_(simple[name[5:-1]])
    return simple[name]


class _ParquetTable:
    """One typed Parquet file per table, written a batch at a time: columns in the table's declared order."""

    batch = 5000

    def __init__(self, path: Path, header: dict[str, str]) -> None:
        self.path, self.header = path, header
        self._rows: list[list[Any]] = []
        self._writer: Any = None
        self.count = 0

    def add(self, row: list[Any]) -> None:
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = list(zip(*self._rows, strict=True)) if self._rows else [() for _ in self.header]
        arrays = [
            pa.array([list(v) if isinstance(v, tuple) else v for v in column], type=_arrow_type(kind))
            for column, kind in zip(columns, self.header.values(), strict=True)
        ]
        table = pa.Table.from_arrays(arrays, names=list(self.header))
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, table.schema)
        self._writer.write_table(table)
        self._rows = []

    def close(self) -> None:
        if self._rows:
            self._flush()
        if self._writer is not None:
            self._writer.close()


def _quote_path(path: Path) -> str:
    # The one value that has to sit in query text: a path we chose, escaped as a Cypher string literal.
    return str(path).replace("\\", "\\\\").replace("'", "\\'")


def _copy_statements(rows: PropertyRows, folder: Path, schema: CypherSchema) -> list[str]:
    """Write one Parquet file per table into ``folder``, a batch at a time; the ``COPY`` statements that load
    them (node tables first)."""
    tables: dict[str, _ParquetTable] = {}

    def table(name: str, properties: dict[str, str], ends: bool) -> _ParquetTable:
        if name not in tables:
            header = {"from": "STRING", "to": "STRING", **properties} if ends else dict(properties)
            tables[name] = _ParquetTable(folder / f"{name}.parquet", header)
        return tables[name]

    entities = table(ENTITY_LABEL, ENTITY_PROPERTIES, False)
    for label, row in rows.entities:
        schema.label(label, row["id"])
        entities.add([row[k] for k in ENTITY_PROPERTIES])
    documents = table(DOCUMENT_LABEL, DOCUMENT_PROPERTIES, False)
    for row in rows.documents:
        documents.add([row[k] for k in DOCUMENT_PROPERTIES])
    for rel_type, row in rows.relationships:
        table(rel_type, RELATIONSHIP_PROPERTIES, True).add(
            [row["source"], row["target"], *(row[k] for k in RELATIONSHIP_PROPERTIES)]
        )
    mentions = table(MENTIONS, MENTION_PROPERTIES, True)
    for row in rows.mentions:
        mentions.add([row["document"], row["entity"], *(row[k] for k in MENTION_PROPERTIES)])
    statements = []
    for name in [
        ENTITY_LABEL,
        DOCUMENT_LABEL,
        *sorted(set(tables) - {ENTITY_LABEL, DOCUMENT_LABEL, MENTIONS}),
        MENTIONS,
    ]:
        found = tables[name]
        found.close()
        if found.count:
            statements.append(f"COPY `{name}` FROM '{_quote_path(found.path)}'")
    return statements


def _execute(connection: Any, statement: str) -> None:
    try:
        connection.execute(statement)
    except RuntimeError as error:
        message = " ".join(str(error).splitlines()[0].split()) if str(error) else type(error).__name__
        raise ExportError(f"the embedded store refused the load: {message}") from None


def write_embedded(
    graph: KnowledgeGraph | PropertyRows, path: str | Path, *, vocabulary: Vocabulary | None = None
) -> Path:
    """Write ``graph`` (or the rows of one, streamed) as a LadybugDB database at ``path`` (``*.lbug``, else
    ``graph.lbug`` in that folder).

    >>> write_embedded(graph, "out/sample")  # doctest: +SKIP
    PosixPath('out/sample/graph.lbug')
    """
    try:
        import ladybug
        import pyarrow  # noqa: F401  (the bulk load reads Parquet)
    except ImportError as error:
        raise ExportError(f"the embedded store needs {error.name}: pip install 'kg[embedded]'") from None

    target = Path(path)
    if target.suffix != ".lbug":
        target = target / FILENAME
    if isinstance(graph, PropertyRows):
        if vocabulary is None:
            raise ExportError("writing rows needs the vocabulary they were made with")
        rows = graph
    else:
        vocabulary = vocabulary or graph.vocabulary
        rows = PropertyRows.of(generate_property_graph(graph, vocabulary))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
    try:
        built = work / FILENAME
        tables = work / "tables"
        tables.mkdir()
        database = ladybug.Database(str(built))
        connection = ladybug.Connection(database)
        try:
            copies = _copy_statements(rows, tables, CypherSchema.from_vocabulary(vocabulary))
            for statement in generate_schema(vocabulary) + copies:
                _execute(connection, statement)
            _execute(connection, "CHECKPOINT")
        finally:
            connection.close()
            database.close()
        for stale in (Path(f"{target}.wal"), Path(f"{target}.shadow")):
            stale.unlink(missing_ok=True)
        try:
            os.replace(built, target)
        except OSError as error:
            raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


class EmbeddedExporter:
    """``graph.lbug``: the DDL and the tables of the embedded store."""

    name = "embedded"
    default_target = FILENAME

    def generate(self, graph: KnowledgeGraph, **options: Any) -> list[str]:
        return generate_schema(graph.vocabulary)

    def write(self, graph: KnowledgeGraph, target: str | Path, **options: Any) -> Written:
        path = write_embedded(graph, target, vocabulary=options.get("vocabulary"))
        note = f"{len(graph.entities):,} entities, {len(graph.triples):,} facts"
        return Written(self.name, (path,), len(graph.triples), f"embedded store: {path.name} ({note})")


EXPORTER = EmbeddedExporter()
