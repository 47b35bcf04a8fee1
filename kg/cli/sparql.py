"""``kg sparql DIR QUERY``: run a SPARQL query over the folder's RDF, with the ontology loaded."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

EPILOG = """\
QUERY is the query text, @FILE to read it from a file, or - for standard input. These prefixes are
declared for you: rdf rdfs owl xsd skos prov dcterms schema kg, and entity statement evidence doc id
(the export's own IRIs). The ontology is in the graph <https://w3id.org/kg-news/ontology>, so
`?p rdfs:subPropertyOf* kg:supports` works. SERVICE and FROM are refused (nothing is fetched).

examples:
  kg sparql out/sample "SELECT ?a ?b WHERE { ?x kg:supports ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }"
  kg sparql out/sample @supporters.rq --format csv > supporters.csv
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "sparql",
        help="run a SPARQL query over the RDF export",
        description="Query the RDF of a `kg build --out DIR` folder with SPARQL.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="an output folder of kg build, or an RDF file")
    p.add_argument("query", metavar="QUERY", help="SPARQL text, @FILE, or - for stdin")
    p.add_argument(
        "--format",
        "-f",
        default="table",
        choices=("table", "json", "csv"),
        help="rows as an aligned table (default), SPARQL JSON results, or CSV",
    )


def _query_text(spec: str) -> str:
    from kg.errors import InputError

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
    from kg.sparql import format_result, load_for_query, run_sparql

    text = _query_text(args.query)
    data, source = load_for_query(args.folder)
    result = run_sparql(data, text)
    sys.stdout.write(format_result(result, args.format, data))
    sys.stdout.flush()  # the rows before the summary line, when both go to one terminal or file
    if result.type == "SELECT":
        print(f"kg sparql: {len(result)} row(s) from {source}", file=sys.stderr)
    return 0
