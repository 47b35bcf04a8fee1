"""``kg validate DIR``: check the folder's RDF against the SHACL shapes of the ontology."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

EPILOG = """\
Reads DIR/graph.ttl (or graph.nt, graph.nq, graph.jsonld), or regenerates the RDF from the JSONL files when
there is none (or it is older than triples.jsonl); DIR may also be an RDF file. Prints one line per
violation (focus node, property path, message) and exits 1 if there is any.

The shapes (ontology/shapes.ttl) require, among others: an entity has one rdfs:label and one type from the
ontology; a statement has rdf:subject/predicate/object, a kg:confidence between 0 and 1, kg:negated and at
least one kg:evidence; evidence has a sentence, start <= end, an extractor and a kg:Article it derives from;
negated facts are never asserted as plain triples. Needs pyshacl (pip install 'kg[shacl]').

example:
  kg validate out/sample
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "validate",
        help="check the RDF export against the SHACL shapes",
        description="Validate the RDF of a `kg build --out DIR` folder with SHACL.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="an output folder of kg build, or an RDF file")
    p.add_argument("--shapes", type=Path, metavar="FILE", help="SHACL shapes (default: the built-in shapes.ttl)")


def run(args: argparse.Namespace) -> int:
    from kg.export.rdf import load_rdf
    from kg.shacl import load_shapes, validate_rdf

    shapes = load_shapes(args.shapes)
    data, source = load_rdf(args.folder)
    violations = validate_rdf(data, shapes)
    for violation in violations:
        print(violation.line())
    if violations:
        nodes = len({v.focus for v in violations})
        print(f"kg validate: {source}: {len(violations)} violation(s) on {nodes} node(s)", file=sys.stderr)
        return 1
    print(f"kg validate: {source}: conforms ({len(data)} triples)", file=sys.stderr)
    return 0
