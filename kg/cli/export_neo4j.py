"""``kg export neo4j DIR``: the graph of an output folder into a Neo4j server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_neo4j_options", "add_parser", "run"]

EPILOG = """\
Connection settings fall back to the environment: NEO4J_URI, NEO4J_USER (default neo4j),
NEO4J_PASSWORD, NEO4J_DATABASE (default: the server's default database).

The export is idempotent: running it again changes nothing. A folder a `kg build` wrote (it holds DIR/.kg)
sends only what changed since its last export to that server: new and changed nodes and relationships,
with their properties replaced, and deletions of what the build no longer holds (after `kg remove` or when
a fact lost its evidence); it says how many rows it wrote, and --full sends everything again. A folder
without that state is merged into the server: nodes and relationships are added and only new evidence is
appended to existing edges. Constraints (unique ids) and indexes are created first; rows are written with
UNWIND ... MERGE, --batch-size rows per transaction.

model:
  (:Entity:Person {id, name, aliases, type, note}), (:Document {id, title, url, published, source, author})
  (:Document)-[:MENTIONS {count}]->(:Entity)
  (:Entity)-[:SUPPORTS {id, predicate, confidence, negated, hedged, attributed_to, time, place,
                        documents, evidence_sentences, evidence_documents, ...}]->(:Entity)

example:
  docker compose up -d          # the repository's docker-compose.yml: Neo4j 5 on localhost:7687
  kg export neo4j out/sample --uri bolt://localhost:7687 --password change-me-please
"""


def add_neo4j_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help="user name (default: NEO4J_USER or neo4j)")
    parser.add_argument("--password", help="password (default: NEO4J_PASSWORD)")
    parser.add_argument("--database", help="database (default: NEO4J_DATABASE or the server's default)")


def add_parser(targets: Any) -> None:
    p = targets.add_parser(
        "neo4j",
        help="write the graph into a Neo4j server",
        description="Write the graph a `kg build --out DIR` run wrote into Neo4j over Bolt.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a `kg build --out` folder")
    p.add_argument("--uri", help="bolt://HOST:PORT or neo4j://HOST:PORT (default: NEO4J_URI)")
    add_neo4j_options(p)
    p.add_argument("--batch-size", type=int, default=1000, metavar="N", help="rows per transaction (default 1000)")
    p.add_argument(
        "--ontology",
        action="append",
        default=[],
        metavar="PATH",
        help="the ontology extensions the graph was built with (their classes and relations); repeatable",
    )
    p.add_argument(
        "--full", action="store_true", help="send the whole build again, not only what changed since the last export"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no summary")


def run(args: argparse.Namespace) -> int:
    import kg
    from kg.export import get_exporter
    from kg.export.neo4j import settings_from_env
    from kg.ontology import load_ontology
    from kg.store import export_to_neo4j, holds_build

    settings = settings_from_env(args.uri, args.user, args.password, args.database)
    if holds_build(args.folder):
        written = export_to_neo4j(args.folder, settings, full=args.full)
    else:
        graph = kg.load(args.folder)
        vocabulary = load_ontology(args.ontology).vocabulary
        written = get_exporter("neo4j").write(
            graph, settings.uri, settings=settings, batch_size=args.batch_size, vocabulary=vocabulary
        )
    if not args.quiet:
        print(f"kg export neo4j: {written.summary.removeprefix('exported to Neo4j: ')}", file=sys.stderr)
    return 0
