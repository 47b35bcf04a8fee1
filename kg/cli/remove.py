"""``kg remove``: take documents out of a build, and write every output again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.cli.common import add_progress_options

__all__ = ["add_parser", "run"]

EPILOG = """\
Documents are named by id (the "document" of their evidence, the "id" of their line in documents.jsonl)
or by the file they were read from (--origin, as documents.jsonl's "origin" gives it: a path, or
PATH:LINE for one line of a JSONL corpus; a PATH alone takes every line of that corpus).

Their evidence goes; a fact or an entity that has no evidence or mention left goes with it; everything else
keeps its id, so the graph reads as if the documents had never been added. The build's own settings
(model, extractors, ontology, normalisation and output options) are used; nothing is parsed. Removing a
document the build does not hold is reported and is not an error.

examples:
  kg remove out/news --document doc-5ac0ccf08dd9cfa0
  kg remove out/news --origin corpus/2024-06-01.jsonl        # every article of that day's corpus
  kg remove out/news --document story-7 --neo4j bolt://localhost:7687
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "remove",
        help="take documents out of a build",
        description="Remove documents from a `kg build --out DIR` folder and write its outputs again.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a `kg build --out` folder")
    p.add_argument("--document", "-d", action="append", default=[], metavar="ID", help="a document id; repeatable")
    p.add_argument(
        "--origin", action="append", default=[], metavar="PATH", help="a file documents were read from; repeatable"
    )
    p.add_argument(
        "--neo4j",
        metavar="URI",
        help="also remove them from this Neo4j server (credentials: NEO4J_USER, NEO4J_PASSWORD)",
    )
    add_progress_options(p)


def run(args: argparse.Namespace) -> int:
    from kg.cli.build import say_report
    from kg.cli.common import stderr_is_tty
    from kg.errors import UsageError
    from kg.store import remove_from

    if not args.document and not args.origin:
        raise UsageError("name the documents to remove with --document ID or --origin PATH")
    progress = stderr_is_tty() if args.progress is None else args.progress
    done = remove_from(args.folder, args.document, args.origin, neo4j=args.neo4j, progress=progress)
    for missing in done.missing:
        print(f"kg remove: {args.folder} holds no document {missing}", file=sys.stderr)
    say_report(args, "kg remove", done)
    return 0
