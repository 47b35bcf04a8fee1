"""The embedded Cypher store: ``graph.lbug``, a LadybugDB database (the maintained fork of Kuzu), in-process.

Same model as Neo4j (:mod:`kg.export.cypher`), with the differences LadybugDB's typed schema imposes:

* one node table ``Entity`` (the class is the ``type`` property, not a second label: a node has exactly one
  table) and one node table ``Document``;
* one relationship table per ontology relation (``SUPPORTS``, ``PRESIDENT_OF``, ... all of them, so a
  query naming a relation the corpus lacks returns no rows instead of failing), each with the same
  columns, plus ``MENTIONS`` from ``Document`` to ``Entity``. ``MATCH (a)-[r:SUPPORTS]->(b)`` reads the
  same in both stores; ``label(r)`` is LadybugDB's ``type(r)``.

Loading uses the bulk path: CSV files written to a temporary folder and read with ``COPY FROM``; string
lists travel as one field and are split in the ``COPY`` subquery (see :func:`encode_list`). The database is
built in a temporary folder beside the target and renamed into place, so an interrupted build keeps the
previous store. No LadybugDB extension is used (they download at run time).

>>> ddl = generate_schema(load_default_vocabulary())
>>> ddl[0]
'CREATE NODE TABLE `Entity`(`id` STRING PRIMARY KEY, `name` STRING, `aliases` STRING[], `type` STRING, `note` STRING)'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError, OutputError
from kg.export.cypher import (
    DOCUMENT_LABEL,
    DOCUMENT_PROPERTIES,
    ENTITY_LABEL,
    ENTITY_PROPERTIES,
    MENTION_PROPERTIES,
    MENTIONS,
    RELATIONSHIP_PROPERTIES,
    CypherSchema,
    PropertyGraph,
    generate_property_graph,
    load_default_vocabulary,
)

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.ontology.vocabulary import Vocabulary

__all__ = ["FILENAME", "encode_list", "generate_schema", "write_embedded"]

FILENAME = "graph.lbug"
# A list of strings is one CSV field: each element behind a marker (so none is empty: the engine's
# string_split drops empty parts), joined by the unit separator; '%' and the separator are escaped.
SEP = "\x1f"
MARK = "~"


def encode_list(items: Iterable[str]) -> str | None:
    """One CSV field for a list of strings; None (an empty field) for the empty list.

    >>> encode_list(["a,b", ""]) == MARK + "a,b" + SEP + MARK
    True
    """
    parts = [MARK + item.replace("%", "%25").replace(SEP, "%1F") for item in items]
    return SEP.join(parts) if parts else None


def _decode_list(column: str) -> str:
    element = f"replace(replace(substring(x, 2, 2147483647), '%1F', '{SEP}'), '%25', '%')"
    return (
        f"CASE WHEN {column} IS NULL THEN CAST([] AS STRING[]) "
        f"ELSE list_transform(string_split({column}, '{SEP}'), x -> {element}) END"
    )


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


# -- CSV -------------------------------------------------------------------------------------------------


def _field(value: Any, kind: str) -> str:
    if kind == "STRING[]":
        value = encode_list(value)
        kind = "STRING"
    if value is None:
        return ""  # unquoted and empty: NULL (a quoted "" is the empty string)
    if kind == "STRING":
        return _quote(str(value))
    if kind == "BOOLEAN":
        return "true" if value else "false"
    if kind.endswith("[]"):
        return _quote("[" + ",".join(repr(v) for v in value) + "]")
    return repr(value)


def _quote(text: str) -> str:
    # Quoted fields take the CSV reader's slow path (several times slower): quote only where needed.
    # The empty string is quoted so that it stays "" rather than NULL.
    if (
        text
        and not text[0].isspace()
        and not text[-1].isspace()
        and "," not in text
        and '"' not in text
        and "\n" not in text
        and "\r" not in text
    ):
        return text
    return '"' + text.replace('"', '""') + '"'


def _write_csv(path: Path, header: list[str], kinds: list[str], rows: Iterable[list[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(_field(v, k) for v, k in zip(row, kinds, strict=True)) + "\n")
            count += 1
    return count


def _load_from(path: Path, header: dict[str, str]) -> str:
    """``LOAD WITH HEADERS`` with declared types (no sniffing: a title such as "2024" stays a string)."""
    typed = ", ".join(f"`{name}` {'STRING' if kind == 'STRING[]' else kind}" for name, kind in header.items())
    columns = ", ".join(_decode_list(f"`{n}`") if k == "STRING[]" else f"`{n}`" for n, k in header.items())
    # Quoted newlines need the serial CSV reader.
    return f"LOAD WITH HEADERS ({typed}) FROM '{_quote_path(path)}' (header=true, parallel=false) RETURN {columns}"


def _quote_path(path: Path) -> str:
    # The one value that has to sit in query text: a path we chose, escaped as a Cypher string literal.
    return str(path).replace("\\", "\\\\").replace("'", "\\'")


def _copy_statements(pg: PropertyGraph, folder: Path) -> list[str]:
    """Write one CSV per table into ``folder``; the ``COPY`` statements that load them."""
    statements = []

    def table(name: str, properties: dict[str, str], rows: list[dict[str, Any]], ends: tuple[str, str] | None) -> None:
        if not rows:
            return
        header = dict(properties)
        if ends:
            header = {"from": "STRING", "to": "STRING", **header}
        keys = list(header)
        path = folder / f"{name}.csv"
        if ends:
            data = ([row[ends[0]], row[ends[1]], *(row[k] for k in properties)] for row in rows)
        else:
            data = ([row[k] for k in keys] for row in rows)
        _write_csv(path, keys, list(header.values()), data)
        statements.append(f"COPY `{name}` FROM ({_load_from(path, header)})")

    table(ENTITY_LABEL, ENTITY_PROPERTIES, [row for rows in pg.entities.values() for row in rows], None)
    table(DOCUMENT_LABEL, DOCUMENT_PROPERTIES, pg.documents, None)
    for rel_type, rows in pg.relationships.items():
        table(rel_type, RELATIONSHIP_PROPERTIES, rows, ("source", "target"))
    table(MENTIONS, MENTION_PROPERTIES, pg.mentions, ("document", "entity"))
    return statements


def _execute(connection: Any, statement: str) -> None:
    try:
        connection.execute(statement)
    except RuntimeError as error:
        message = " ".join(str(error).splitlines()[0].split()) if str(error) else type(error).__name__
        raise ExportError(f"the embedded store refused the load: {message}") from None


def write_embedded(graph: KnowledgeGraph, path: str | Path, *, vocabulary: Vocabulary | None = None) -> Path:
    """Write ``graph`` as a LadybugDB database at ``path`` (``*.lbug``, else ``graph.lbug`` in that folder).

    >>> write_embedded(graph, "out/sample")  # doctest: +SKIP
    PosixPath('out/sample/graph.lbug')
    """
    try:
        import ladybug
    except ImportError:
        raise ExportError("the embedded store needs LadybugDB: pip install 'kg[embedded]'") from None

    target = Path(path)
    if target.suffix != ".lbug":
        target = target / FILENAME
    vocabulary = vocabulary or load_default_vocabulary()
    pg = generate_property_graph(graph, vocabulary)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
    try:
        built = work / FILENAME
        csv_folder = work / "csv"
        csv_folder.mkdir()
        database = ladybug.Database(str(built))
        connection = ladybug.Connection(database)
        try:
            for statement in generate_schema(vocabulary) + _copy_statements(pg, csv_folder):
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
