"""``kg export TARGET DIR``: write an existing output folder to another format or database.

Each target lives in its own module (``kg.cli.export_<target>``) with ``add_parser`` and ``run``.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

__all__ = ["TARGETS", "add_parser", "run"]

TARGETS: dict[str, str] = {
    "neo4j": "kg.cli.export_neo4j",
    "rdf": "kg.cli.export_rdf",
}


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="export a built graph to RDF or Neo4j",
        description="Export the graph a `kg build --out DIR` run wrote.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    targets = p.add_subparsers(dest="target", metavar="TARGET", required=True)
    for module in TARGETS.values():
        importlib.import_module(module).add_parser(targets)


def run(args: argparse.Namespace) -> int:
    status: int = importlib.import_module(TARGETS[args.target]).run(args)
    return status
