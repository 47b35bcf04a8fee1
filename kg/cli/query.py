"""``kg query``: Cypher on the embedded store a build wrote, or on a Neo4j server."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import IO, Any

from kg.errors import QueryError

__all__ = ["add_parser", "format_result", "run"]

USAGE = """\
kg query DIR QUERY [--format table|json|csv] [--param NAME=VALUE ...]
       kg query --neo4j URI QUERY [--user USER] [--password PASSWORD] [--database NAME] [...]"""

EPILOG = """\
the store:
  DIR is a `kg build --out DIR` folder: the query runs read-only on DIR/graph.lbug, an embedded
  LadybugDB database (no server needed). With --neo4j URI it runs in a read transaction on a Neo4j
  server instead (credentials as for `kg export neo4j`, also NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).

the model (the same in both stores):
  (:Entity {id, name, aliases, type, note})        type is the ontology class: Person, Country, ...
  (:Document {id, title, url, published, source, author})
  (:Document)-[:MENTIONS {count}]->(:Entity)
  (:Entity)-[:SUPPORTS|PRESIDENT_OF|RELATED_TO|... {id, predicate, surface, confidence, negated, hedged,
      attributed_to, time, place, documents, evidence_sentences, evidence_documents, evidence_starts,
      evidence_ends, evidence_subjects, evidence_objects, evidence_extractors, evidence_confidences}]->(:Entity)

dialects (Neo4j vs the embedded LadybugDB):
  type(r) is translated to LadybugDB's label(r) when the query runs on the embedded store; nothing else is.
  Write queries in the common subset: filter classes with {type: 'Person'} (only Neo4j also has the
  :Person label); use UNWIND rather than list comprehensions; avoid list indexes (LadybugDB counts
  from 1, Neo4j from 0); give RETURN aliases names no variable has (in LadybugDB, ORDER BY x means the
  variable x); name RETURN expressions other than properties and type(r) with AS (LadybugDB names them
  its own way: COUNT_STAR() for count(*)). Whole nodes and relationships print as their properties.

examples (kg query --examples prints the README's queries):
  kg query out/sample "MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity) RETURN a.name, b.name"
  kg query out/sample "MATCH (e:Entity {name: \\$name})-[r]-(o) RETURN type(r), o.name" --param name=Norway
  kg query --neo4j bolt://localhost:7687 "MATCH ()-[r]->() RETURN type(r), count(*)"
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "query",
        help="run a Cypher query on the graph",
        usage=USAGE,
        description="Run a Cypher query on the embedded store of a build, or on Neo4j, and print the rows.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("words", nargs="*", metavar="DIR QUERY", help="the output folder (unless --neo4j) and the query")
    p.add_argument("--neo4j", metavar="URI", help="run on this Neo4j server (bolt://...) instead of DIR")
    p.add_argument("--user", help="Neo4j user (default: NEO4J_USER or neo4j)")
    p.add_argument("--password", help="Neo4j password (default: NEO4J_PASSWORD)")
    p.add_argument("--database", help="Neo4j database (default: NEO4J_DATABASE or the server's default)")
    p.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table", help="output (default: table)")
    p.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a query parameter ($NAME); VALUE is read as JSON when it parses, else as a string; repeatable",
    )
    p.add_argument("--width", type=int, default=60, metavar="N", help="table cells cut at N characters (0: no limit)")
    p.add_argument("--examples", action="store_true", help="print the example queries and exit")


def _parameters(pairs: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.isidentifier():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw
    return params


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def format_result(columns: list[str], rows: list[list[Any]], fmt: str, out: IO[str], width: int = 60) -> None:
    """Print rows as an aligned table, a JSON array of objects, or CSV (lists and maps as JSON)."""
    # complex: one branch per output format and per value kind; each is two lines.
    if fmt == "json":
        json.dump([dict(zip(columns, row, strict=True)) for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(v) for v in row] for row in rows)
        return
    table = [[" ".join(_cell(v).split("\n")) for v in row] for row in rows]
    if width > 0:
        table = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in table]
    widths = [max([len(c), *(len(row[i]) for row in table)]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in table:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n")


def run(args: argparse.Namespace) -> int:
    from kg.query import EXAMPLES, query_embedded, query_neo4j

    if args.examples:
        for name, example in EXAMPLES.items():
            print(f"// {name}: {example.title}\n{example.query};\n")
        return 0
    expected = 1 if args.neo4j else 2
    if len(args.words) != expected:
        what = "QUERY" if args.neo4j else "DIR and QUERY"
        raise QueryError(f"kg query needs {what} (got {len(args.words)} argument(s)); see kg query --help")
    query = args.words[-1]
    if query == "-":
        query = sys.stdin.read()
    if not query.strip():
        raise QueryError("the query is empty")
    params = _parameters(args.param)
    if args.neo4j:
        from kg.export.neo4j import settings_from_env

        settings = settings_from_env(args.neo4j, args.user, args.password, args.database)
        result = query_neo4j(settings, query, params)
    else:
        result = query_embedded(args.words[0], query, params)
    format_result(result.columns, result.rows, args.format, sys.stdout, args.width)
    return 0
