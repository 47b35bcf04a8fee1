"""Cypher against the graph: the embedded store ``graph.lbug`` (no server) or a Neo4j server, same results.

Both stores hold :mod:`kg.export.cypher`'s model. The two dialects differ in a few places; the example
queries (:data:`EXAMPLES`) keep to what both understand, and :func:`to_embedded` translates the one
difference users hit first: ``type(r)`` (Neo4j) becomes ``label(r)`` (LadybugDB). Other differences are
not translated: an entity's class is ``e.type`` in both (Neo4j also has the label, ``(:Person)``); list
indexes start at 1 in LadybugDB and 0 in Neo4j; LadybugDB has no list comprehensions (``UNWIND`` works
in both); in LadybugDB ``ORDER BY x`` means the variable ``x`` even when a ``RETURN ... AS x`` alias has the
same name (give aliases their own names).

>>> to_embedded("MATCH ()-[r]->() RETURN type(r), 'type(r)' AS s")
"MATCH ()-[r]->() RETURN label(r), 'type(r)' AS s"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import DatabaseError, QueryError

if TYPE_CHECKING:
    from kg.export.neo4j import Neo4jSettings

__all__ = [
    "EXAMPLES",
    "Example",
    "QueryResult",
    "explain_embedded_error",
    "find_store",
    "missing_parameters",
    "query_embedded",
    "query_neo4j",
    "to_embedded",
]


@dataclass(frozen=True, slots=True)
class Example:
    title: str
    query: str


# The README's queries: each runs unchanged on both stores (the parity tests check they return the same rows).
EXAMPLES: dict[str, Example] = {
    "supports": Example(
        "Who supports whom (not negated), with the number of articles",
        "MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity)\n"
        "WHERE NOT r.negated\n"
        "RETURN a.name AS supporter, b.name AS supported, size(r.documents) AS articles\n"
        "ORDER BY supporter, supported",
    ),
    "person": Example(
        "Everything about one person, with the evidence sentences",
        "MATCH (p:Entity {name: 'Ingrid Halvorsen'})-[r]-(o:Entity)\n"
        "UNWIND r.evidence_sentences AS sentence\n"
        "RETURN r.predicate AS relation, o.name AS other, r.negated AS negated, sentence\n"
        "ORDER BY relation, other, sentence",
    ),
    "two-hops": Example(
        "Two-hop paths between two entities",
        "MATCH (a:Entity {name: 'Norway'})-[r1]-(m:Entity)-[r2]-(b:Entity {name: 'Daniel Mwangi'})\n"
        "RETURN a.name AS origin, r1.predicate AS first, m.name AS via, r2.predicate AS second, b.name AS destination\n"
        "ORDER BY via, first, second",
    ),
    "articles": Example(
        "The articles behind an edge: which articles say Norway supports Kenya",
        "MATCH (:Entity {name: 'Norway'})-[r:SUPPORTS]->(:Entity {name: 'Kenya'})\n"
        "MATCH (d:Document) WHERE d.id IN r.documents\n"
        "RETURN d.id AS document, d.title AS title, d.url AS url\n"
        "ORDER BY document",
    ),
    "relation-counts": Example(
        "Counts by relation type",
        "MATCH (:Entity)-[r]->(:Entity)\nRETURN type(r) AS relation, count(*) AS edges\nORDER BY edges DESC, relation",
    ),
    "disputed": Example(
        "Disputed facts: asserted by some articles and denied by others, with the documents on each side",
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.disputed AND NOT r.negated\n"
        "MATCH (a)-[d]->(b) WHERE d.id IN r.disputed_by\n"
        "RETURN a.name AS subject, r.predicate AS relation, b.name AS object,\n"
        "       r.documents AS asserted_in, d.documents AS denied_in\n"
        "ORDER BY subject, relation, object",
    ),
    "timeline": Example(
        "One entity's facts in the order they happened (event dates, else when first reported)",
        "MATCH (p:Entity {name: 'Ingrid Halvorsen'})-[r]-(o:Entity) WHERE NOT r.negated\n"
        "RETURN coalesce(r.event_start, r.first_seen) AS day, r.predicate AS relation, o.name AS other\n"
        "ORDER BY day, relation, other",
    ),
    "mentions": Example(
        "The entities an article mentions most",
        "MATCH (d:Document)-[m:MENTIONS]->(e:Entity)\n"
        "RETURN d.title AS article, e.name AS entity, e.type AS class, m.count AS mentions\n"
        "ORDER BY mentions DESC, entity, article LIMIT 10",
    ),
}


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Column names and rows of plain Python values (nodes and relationships as property dicts)."""

    columns: list[str]
    rows: list[list[Any]]


# -- dialect -------------------------------------------------------------------------------------------

# Strings, quoted names and comments pass through untouched; only code outside them is rewritten.
_LEXEME = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/|(?P<type>(?<![\w.$])type(?=\s*\())""",
    re.DOTALL | re.IGNORECASE,
)


def to_embedded(query: str) -> str:
    """Neo4j's ``type(r)`` as LadybugDB's ``label(r)``, leaving strings and comments alone."""
    return _LEXEME.sub(lambda m: "label" if m.group("type") else m.group(0), query)


# LadybugDB names an unaliased label(r) column after its plan: LABEL(r._ID,[,,ACCUSES,,...]).
_LABEL_COLUMN = re.compile(r"^LABEL\((\w+)\._ID,\[.*\]\)$", re.DOTALL)
_TYPE_CALL = re.compile(r"\btype\s*\(\s*(\w+)\s*\)", re.IGNORECASE)


# Query parameters ($name) outside strings and comments.
_PARAMETER = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/|\$(?P<name>\w+)""", re.DOTALL
)


def missing_parameters(query: str, parameters: dict[str, Any]) -> list[str]:
    """The ``$names`` a query uses that ``parameters`` does not give (both engines read them as null, so a
    forgotten ``--param`` would silently match nothing).

    >>> missing_parameters("MATCH (e {name: $name}) WHERE e.note <> '$not' RETURN e", {})
    ['name']
    """
    used = {m.group("name") for m in _PARAMETER.finditer(query) if m.group("name")}
    return sorted(used - set(parameters))


def _check_parameters(query: str, parameters: dict[str, Any]) -> None:
    missing = missing_parameters(query, parameters)
    if missing:
        flags = " ".join(f"--param {name}=VALUE" for name in missing)
        raise QueryError(f"the query uses ${', $'.join(missing)} but no value was given: add {flags}")


_NO_TABLE = re.compile(r"Binder exception: Table (?P<name>\S+) does not exist")
_PARSER = re.compile(r"Parser exception: .*?\(line: (?P<line>\d+), offset: (?P<offset>\d+)\)")


def explain_embedded_error(message: str, query: str) -> str:
    """The engine's message in the user's terms: classes are a property, not a table; syntax errors say where.

    >>> explain_embedded_error("Binder exception: Table Person does not exist.", "MATCH (n:Person) RETURN n")
    "no node table Person: every entity is an :Entity node with its class in `type`; write (n:Entity {type: 'Person'})"
    >>> explain_embedded_error(
    ...     "Parser exception: Invalid input <MATCH (n) RETRN>: expected rule oC_SingleQuery (line: 1, offset: 10)",
    ...     "MATCH (n) RETRN n")
    'Cypher syntax error at line 1, column 11, near "RETRN n"'
    """
    table = _NO_TABLE.search(message)
    if table:
        name = table.group("name").rstrip(".")
        if name.isupper():
            return (
                f"no relationship type {name}: types are the ontology's relations in upper case (SUPPORTS, "
                "PRESIDENT_OF, RELATED_TO, ...); list them with MATCH ()-[r]->() RETURN DISTINCT type(r)"
            )
        return (
            f"no node table {name}: every entity is an :Entity node with its class in `type`; "
            f"write (n:Entity {{type: '{name}'}})"
        )
    parser = _PARSER.search(message)
    if parser:
        line, column = int(parser.group("line")), int(parser.group("offset")) + 1
        lines = query.splitlines() or [""]
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        near = " ".join(text[column - 1 :].split())[:40]
        return f"Cypher syntax error at line {line}, column {column}" + (f', near "{near}"' if near else ", at the end")
    return message


def _column_name(column: str, query: str) -> str:
    """The name Neo4j gives an unaliased ``type(r)`` column; other unaliased expressions keep LadybugDB's."""
    match = _LABEL_COLUMN.match(column)
    if not match:
        return column
    variable = match.group(1)
    typed = {m.group(1) for m in _TYPE_CALL.finditer(query)}
    return f"type({variable})" if variable in typed else f"label({variable})"


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    return " ".join(text.splitlines()[0].split()) if text else type(error).__name__


# -- values --------------------------------------------------------------------------------------------


def _embedded_value(value: Any) -> Any:
    # complex: one branch per LadybugDB value kind.
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {
                "nodes": [_embedded_value(n) for n in value["_NODES"]],
                "relationships": [_embedded_value(r) for r in value["_RELS"]],
            }
        if "_LABEL" in value and "_ID" in value:
            key = "_type" if "_SRC" in value else "_labels"
            label = value["_LABEL"] if key == "_type" else [value["_LABEL"]]
            # Every column of the table is there; Neo4j leaves unset properties out, and so do we.
            props = {k: _embedded_value(v) for k, v in value.items() if not k.startswith("_") and v is not None}
            return {key: label, **dict(sorted(props.items()))}
        return {k: _embedded_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_embedded_value(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _neo4j_value(value: Any) -> Any:
    import neo4j.graph as ng

    if isinstance(value, ng.Node):
        return {"_labels": sorted(value.labels), **dict(sorted((k, _neo4j_value(v)) for k, v in value.items()))}
    if isinstance(value, ng.Relationship):
        return {"_type": value.type, **dict(sorted((k, _neo4j_value(v)) for k, v in value.items()))}
    if isinstance(value, ng.Path):
        return {
            "nodes": [_neo4j_value(n) for n in value.nodes],
            "relationships": [_neo4j_value(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {k: _neo4j_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_neo4j_value(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # dates, points, durations: their ISO text


# -- running -------------------------------------------------------------------------------------------


def find_store(path: str | Path) -> Path:
    """The ``graph.lbug`` of a ``kg build --out`` folder, or the file itself."""
    from kg.export.embedded import FILENAME

    path = Path(path)
    store = path / FILENAME if path.is_dir() else path
    if not store.is_file():
        hint = "run `kg build ... --out DIR` first" if path.is_dir() or not path.exists() else "not a graph.lbug file"
        raise QueryError(f"{store}: no embedded graph store here ({hint})")
    return store


def query_embedded(path: str | Path, query: str, parameters: dict[str, Any] | None = None) -> QueryResult:
    """Run ``query`` (translated by :func:`to_embedded`) read-only on the store at ``path``."""
    try:
        import ladybug
    except ImportError:
        raise QueryError("the embedded store needs LadybugDB: pip install 'kg[embedded]'") from None

    store = find_store(path)
    _check_parameters(query, parameters or {})
    try:
        database = ladybug.Database(str(store), read_only=True)
    except RuntimeError as error:
        raise QueryError(f"{store}: cannot open the embedded store ({_one_line(error)})") from None
    try:
        connection = ladybug.Connection(database)
        try:
            result = connection.execute(to_embedded(query), parameters or {})
            if isinstance(result, list):  # several statements: the last one's rows
                result = result[-1]
            columns = [_column_name(c, query) for c in result.get_column_names()]
            rows = []
            while result.has_next():
                rows.append([_embedded_value(v) for v in result.get_next()])
            return QueryResult(columns, rows)
        except RuntimeError as error:
            raise QueryError(explain_embedded_error(_one_line(error), query)) from None
        finally:
            connection.close()
    finally:
        database.close()


def query_neo4j(settings: Neo4jSettings, query: str, parameters: dict[str, Any] | None = None) -> QueryResult:
    """Run ``query`` in a read transaction on the server ``settings`` names."""
    import neo4j
    import neo4j.exceptions as ne

    from kg.export.neo4j import connect, describe_error

    _check_parameters(query, parameters or {})

    def read(tx: neo4j.ManagedTransaction) -> QueryResult:
        result = tx.run(query, parameters or {})
        columns = list(result.keys())
        return QueryResult(columns, [[_neo4j_value(v) for v in record.values()] for record in result])

    with connect(settings) as driver:
        try:
            with driver.session(database=settings.database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(read)
        except ne.ClientError as error:
            # The statement's fault (syntax, types, writing in a read query), not the server's.
            raise QueryError(" ".join((error.message or str(error)).splitlines()[0].split())) from None
        except (ne.Neo4jError, ne.DriverError, OSError) as error:
            raise DatabaseError(describe_error(error, settings)) from None
