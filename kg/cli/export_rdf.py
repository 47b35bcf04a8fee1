"""``kg export rdf DIR``: the graph of an output folder as Turtle, JSON-LD, N-Triples or N-Quads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

EPILOG = """\
formats:
  turtle   graph.ttl      one graph; prefixes declared once (default)
  json-ld  graph.jsonld   one graph, compacted with the same prefixes
  nt       graph.nt       one graph, one triple a line
  nquads   graph.nq       the entities, plain facts and articles in the default graph; each article's
                          statements and evidence in a graph named by the article's IRI

Every fact is a plain triple (entity:a kg:supports entity:b) unless it is negated, and a kg:Statement
(rdf:subject/predicate/object) with its confidence, flags and kg:evidence, each evidence node pointing
(prov:wasDerivedFrom) at its kg:Article.

examples:
  kg export rdf out/sample                        # writes out/sample/graph.ttl
  kg export rdf out/sample --format nquads --out corpus.nq --base-iri https://example.org/kg/
  kg export rdf out/sample --format nt --out - | wc -l
"""


def add_parser(targets: Any) -> None:
    from kg.export.rdf import FORMATS
    from kg.export.rdf_terms import DEFAULT_BASE_IRI

    p = targets.add_parser(
        "rdf",
        help="RDF with provenance: Turtle, JSON-LD, N-Triples, N-Quads",
        description="Write the graph of a `kg build --out DIR` folder as RDF.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="an output folder of kg build")
    p.add_argument("--format", "-f", default="turtle", choices=list(FORMATS), help="RDF syntax (default: turtle)")
    p.add_argument("--out", "-o", metavar="FILE", help="output file, - for stdout (default: DIR/graph.<ext>)")
    p.add_argument(
        "--base-iri",
        default=DEFAULT_BASE_IRI,
        metavar="IRI",
        help=f"namespace of entity, statement, evidence and article IRIs (default: {DEFAULT_BASE_IRI})",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no summary")


def run(args: argparse.Namespace) -> int:
    import kg
    from kg.export import get_exporter
    from kg.export.rdf import rdf_format, write_rdf
    from kg.export.rdf_terms import check_base_iri

    check_base_iri(args.base_iri)
    fmt = rdf_format(args.format)
    graph = kg.load(args.folder)
    if args.out == "-":  # a stream, not a file: the format's writer straight to stdout
        count, where = write_rdf(graph, sys.stdout, format=fmt.name, base_iri=args.base_iri), "stdout"
    else:
        target = Path(args.out) if args.out else args.folder
        written = get_exporter("rdf").write(graph, target, format=fmt.name, base_iri=args.base_iri)
        count, where = written.count, str(written.paths[0])
    if not args.quiet:
        print(f"kg export rdf: {count} RDF triples ({len(graph.triples)} facts) -> {where}", file=sys.stderr)
    return 0
