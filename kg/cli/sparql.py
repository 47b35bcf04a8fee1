"""``kg sparql DIR QUERY``: run a SPARQL query over the folder's RDF, with the ontology loaded."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

EPILOG = """\
QUERY is the query text, @FILE to read it from a file, - for standard input, or :NAME for one of the
research queries (:supporters, :by-date, :outlets, :disputed, :timeline; --examples prints them). These prefixes are
declared for you: rdf rdfs owl xsd skos prov dcterms schema kg, and entity statement evidence doc id
(the export's own IRIs). The ontology is in the graph <https://w3id.org/kg-news/ontology>, so
`?p rdfs:subPropertyOf* kg:supports` works. SERVICE and FROM are refused (nothing is fetched).

examples:
  kg sparql out/sample "SELECT ?a ?b WHERE { ?x kg:supports ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }"
  kg sparql out/sample @supporters.rq --format csv > supporters.csv
  kg sparql out/sample :disputed
  kg sparql --examples
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "sparql",
        help="run a SPARQL query over the RDF export",
        description="Query the RDF of a `kg build --out DIR` folder with SPARQL.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, nargs="?", metavar="DIR", help="an output folder of kg build, or an RDF file")
    p.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, @FILE, - for stdin, or :NAME")
    p.add_argument("--examples", action="store_true", help="print the research queries and exit")
    p.add_argument(
        "--format",
        "-f",
        default="table",
        choices=("table", "json", "csv"),
        help="rows as an aligned table (default), SPARQL JSON results, or CSV",
    )


def _query_text(spec: str) -> str:
    from kg.errors import InputError, UsageError
    from kg.sparql import RESEARCH_QUERIES

    if spec.startswith(":"):
        if spec[1:] not in RESEARCH_QUERIES:
            raise UsageError(f"no research query {spec} (one of: {', '.join(':' + n for n in RESEARCH_QUERIES)})")
        return RESEARCH_QUERIES[spec[1:]]
    if spec == "-":
        return sys.stdin.read()
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(str(path), f"cannot read the query ({error.strerror or error})") from None
    return spec


def run(args: argparse.Namespace) -> int:
    from kg.errors import UsageError
    from kg.sparql import RESEARCH_QUERIES, format_result, load_for_query, run_sparql

    if args.examples:
        for name, query in RESEARCH_QUERIES.items():
            print(f"# :{name}\n{query}\n")
        return 0
    if args.folder is None or args.query is None:
        raise UsageError("kg sparql needs a build folder and a query (or --examples): kg sparql DIR QUERY")
    text = _query_text(args.query)
    data, source = load_for_query(args.folder)
    result = run_sparql(data, text)
    sys.stdout.write(format_result(result, args.format, data))
    sys.stdout.flush()  # the rows before the summary line, when both go to one terminal or file
    if result.type == "SELECT":
        print(f"kg sparql: {len(result)} row(s) from {source}", file=sys.stderr)
    return 0
