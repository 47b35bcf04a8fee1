"""``kg diff OLD NEW``: the facts and entities added, removed and changed between two builds."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.diff import Change, Diff

__all__ = ["add_parser", "format_table", "run", "summary_line"]

EPILOG = """\
Facts and entities are matched by their stable ids, so a fact read again from a new article is the same
fact with more evidence. One line per change:

  - fact    st-…  removed, with its evidence and confidence in the old build
  + fact    st-…  added, with its evidence and confidence in the new build
  ~ fact    st-…  changed: evidence sentences, documents, confidence, negated/hedged, labels
  + entity  …     the same for entities: label, class, aliases, mentions

A summary line goes to stderr. The exit status is 0 when the builds hold the same facts and entities,
1 when they differ (or a folder cannot be read), 2 for a mistake in the arguments, as with diff(1);
--only limits both the list and the exit status to one kind.

examples:
  kg diff out/monday out/tuesday
  kg diff out/monday out/tuesday --only facts --limit 20
  kg diff out/monday out/tuesday --format json > changes.json
  kg build corpus/ --out out/new && kg diff out/release out/new || echo "the graph changed"
"""


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of changes (0 or more)")
    return value


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "diff",
        help="list the facts and entities that differ between two builds",
        description="Compare two `kg build --out` folders: facts and entities added, removed and changed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("old", type=Path, metavar="OLD", help="the earlier build's output folder")
    p.add_argument("new", type=Path, metavar="NEW", help="the later build's output folder")
    p.add_argument(
        "--format",
        "-f",
        choices=("table", "json"),
        default="table",
        help="one line per change (default) or one JSON document",
    )
    p.add_argument("--only", choices=("facts", "entities"), help="compare only facts or only entities")
    p.add_argument("--limit", type=_limit, metavar="N", help="list at most N changes (the summary counts all)")


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def _detail(change: Change) -> str:
    """What an added or removed fact or entity weighed; what changed in a changed one."""
    from kg.diff import FactState

    if change.status == "changed":
        old, new = change.old, change.new
        return ": " + ", ".join(
            f"{name} {_value(getattr(old, name))} -> {_value(getattr(new, name))}" for name in change.fields
        )
    state = change.new if change.new is not None else change.old
    if isinstance(state, FactState):
        weight = [_plural(state.documents, "document"), _plural(state.evidence, "sentence")]
        weight += [f"confidence {_value(state.confidence)}", *(["hedged"] if state.hedged else [])]
        return f" ({', '.join(weight)})"
    return f" ({state.type}, {_plural(state.mentions, 'mention')})" if state is not None else ""


def format_table(diff: Diff, limit: int | None = None) -> str:
    """One line per change: sign, kind, id and label, then what it weighed or what changed."""
    shown = diff.changes if limit is None else diff.changes[:limit]
    width = max((len(c.id) for c in shown), default=0)
    sign = {"removed": "-", "added": "+", "changed": "~"}
    lines = [f"{sign[c.status]} {c.kind:<6}  {c.id:<{width}}  {c.label}{_detail(c)}" for c in shown]
    if len(shown) < len(diff.changes):
        lines.append(f"... and {_plural(len(diff.changes) - len(shown), 'more change')} (--limit {limit})")
    return "".join(line + "\n" for line in lines)


def summary_line(diff: Diff, old: Path, new: Path) -> str:
    """ "kg diff: OLD -> NEW: facts: 2 added, 0 removed, 1 changed (16 -> 18); entities: ..." on stderr."""
    counts = diff.summary()
    if diff.identical:
        nouns = {"facts": "fact", "entities": "entity"}
        held = ", ".join(_plural(c["new"], nouns[kind], kind) for kind, c in counts.items())
        return f"kg diff: {old} and {new} hold the same {' and '.join(counts)} ({held})"
    parts = [
        f"{kind}: {c['added']:,} added, {c['removed']:,} removed, {c['changed']:,} changed "
        f"({c['old']:,} -> {c['new']:,})"
        for kind, c in counts.items()
    ]
    return f"kg diff: {old} -> {new}: " + "; ".join(parts)


def run(args: argparse.Namespace) -> int:
    from kg.diff import diff_builds

    diff = diff_builds(args.old, args.new)
    if args.only:
        diff = diff.only("fact" if args.only == "facts" else "entity")
    if args.format == "json":
        document = {"old": str(args.old), "new": str(args.new), **diff.to_dict(limit=args.limit)}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_table(diff, args.limit))
    sys.stdout.flush()  # the list before the summary line, when both go to one terminal or file
    print(summary_line(diff, args.old, args.new), file=sys.stderr)
    return 0 if diff.identical else 1
