"""``kg view DIR``: write an interactive HTML view of a built graph, or of the part of it you ask for."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.views import parse_date

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["BUILD_LIMIT", "add_parser", "html_step", "run"]

from kg.export.html import BUILD_LIMIT

EPILOG = """\
The page is one file that opens from disk with no network. Click an entity or a fact for its details and
evidence; hover for a summary; type a name in the search box; filter by relation, class, sources, outlet,
time and kind of fact in the side panel; collapse a community into one node. Entities without facts are
listed, not drawn, until you ask. kg view reads the files kg build wrote (no rebuilding), so a view of part
of a large build is written in seconds.

Filters (facts first, then the neighbourhood, then --top):
  --entity NAME       NAME and its neighbours (id, label or alias, any case; repeatable)
  --relation R        only facts with this relation: kg:supports, supports, "president of", or the verb
                      of a kg:relatedTo fact (repeatable)
  --min-confidence X  only facts with confidence >= X
  --min-sources N     only facts reported by N or more independent sources (copies of one story count once)
  --outlet NAME       only facts with evidence from this outlet (the articles' source; repeatable)
  --since DATE        only evidence dated on or after DATE, --until on or before it (YYYY[-MM[-DD]]; a
  --until DATE        month or year as --until runs to its end). The date is the event date a sentence
                      gives where kg resolved one, else the article's publication date; evidence outside
                      the window, or undated, is left out of the panel
  --top N             the N entities with the most facts (--top-by sources: the most independent sources);
                      what is left out is said on stderr and in the page

examples:
  kg view out/sample --entity "Ingrid Halvorsen"
  kg view out/news --relation supports --relation opposes --min-confidence 0.7 --out supports.html
  kg view out/news --since 2024-03-01 --until 2024-03 --top 500 --top-by sources --size-by sources
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "view",
        help="write an interactive HTML view of a built graph",
        description="Write a self-contained HTML view of the graph a `kg build --out DIR` run wrote.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a kg build output folder")
    p.add_argument("--entity", "-e", action="append", default=[], metavar="NAME", help="focus on NAME (repeatable)")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="with --entity: how many steps out (default 1)")
    p.add_argument("--relation", "-r", action="append", default=[], metavar="R", help="keep this relation (repeatable)")
    p.add_argument("--min-confidence", type=float, metavar="X", help="keep facts with confidence >= X (0-1)")
    p.add_argument("--min-sources", type=int, metavar="N", help="keep facts with N or more independent sources")
    p.add_argument("--outlet", action="append", default=[], metavar="NAME", help="keep facts from this outlet")
    p.add_argument("--since", type=_date, metavar="DATE", help="keep evidence dated on or after DATE")
    p.add_argument("--until", type=_date, metavar="DATE", help="keep evidence dated on or before DATE")
    p.add_argument("--top", type=int, metavar="N", help="keep the N most connected entities")
    p.add_argument(
        "--top-by",
        choices=("facts", "sources"),
        default="facts",
        help="with --top: rank entities by number of facts (default) or of independent sources",
    )
    p.add_argument(
        "--size-by",
        choices=("degree", "sources", "evidence"),
        default="degree",
        help="node size: number of facts (default), of independent sources or of evidence sentences",
    )
    p.add_argument("--title", metavar="TEXT", help="page title (default: the article title or count)")
    p.add_argument("--out", "-o", metavar="FILE", help="where to write the page (default: DIR/view.html; - for stdout)")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary")


def _date(text: str) -> str:
    if parse_date(text) is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return text


def run(args: argparse.Namespace) -> int:
    from kg.export.html import write_html
    from kg.graph import load
    from kg.views import select

    graph = load(args.folder)
    view = select(
        graph,
        entity=args.entity,
        depth=args.depth,
        relation=args.relation,
        min_confidence=args.min_confidence,
        min_sources=args.min_sources,
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        top=args.top,
        top_by=args.top_by,
    )

    def say(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr)

    for note in view.notes:
        say(f"kg view: {note}")
    if not view.graph.triples:
        print("kg view: warning: no fact is left to draw", file=sys.stderr)
    options: dict[str, Any] = {"notes": view.notes, "focus": view.focus, "size_by": args.size_by, "title": args.title}
    if args.out == "-":
        write_html(view.graph, sys.stdout, **options)
        return 0
    out = Path(args.out) if args.out else args.folder / "view.html"
    write_html(view.graph, out, **options)
    say(f"kg view: wrote {out} ({len(view.graph.entities):,} entities, {len(view.graph.triples):,} facts)")
    return 0


def html_step(graph: KnowledgeGraph, folder: Path) -> tuple[Path, str]:
    """The ``kg build`` step: ``graph.html`` in the output folder; returns its path and a summary line."""
    from kg.export import get_exporter

    written = get_exporter("html").write(graph, folder)
    return written.paths[0], written.summary.removeprefix("HTML: ")
