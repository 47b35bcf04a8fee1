"""``kg curate DIR --merge A B``: add an analyst decision to the build's curation file, by stable id."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kg.errors import InputError, UsageError

__all__ = ["CURATION_FILE", "add_parser", "run"]

CURATION_FILE = "curation.tsv"

EPILOG = f"""\
Each decision is one line of DIR/{CURATION_FILE} (or --file): a tab-separated table you can review and
keep under version control. `kg build ... --out DIR` applies DIR/{CURATION_FILE} on every build and update
(--curation FILE for another), records each applied decision on the fact or entity it changed (FILE:LINE
verb) and reports decisions that matched nothing. Ids are checked against DIR's build, so a typo is an error
here, not a silent no-op later. Rebuild (or update) DIR to see a decision applied.

examples:
  kg curate out --merge tarvik-29da2d tarvik-motors-b73fe2 --note "the carmaker, not the town"
  kg curate out --reject-fact st-4c1461bae67f20f2 --note "misread parse"
  kg curate out --reject-entity light-festival-0a1b2c
  kg curate out --split ana-silva-1f2e3d doc-0a1b2c3d4e5f6a7b     mentions in that document: a new entity
  kg curate out --split ana-silva-1f2e3d doc-0a1b2c3d4e5f6a7b:120-124 one mention
  kg curate out --relabel nwa-0d1e2f "National Water Authority"
  kg curate out --retype kestrel-346955 Organization
  kg curate out --alias harbour-city-fc-88704f "the Harbourers"
  kg curate out --list                                             the decisions so far
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "curate",
        help="record an analyst decision (merge, split, reject, relabel...) that every rebuild re-applies",
        description="Append a decision about a fact or entity, by stable id, to a build's curation file.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a `kg build --out` folder")
    verbs = p.add_mutually_exclusive_group(required=True)
    verbs.add_argument("--merge", nargs=2, metavar=("ENTITY", "INTO"), help="move every mention of ENTITY into INTO")
    verbs.add_argument(
        "--split",
        nargs=2,
        metavar=("ENTITY", "DOCUMENTS"),
        help="make ENTITY's mentions in these documents (comma-separated, or one DOCUMENT:START-END) a new entity",
    )
    verbs.add_argument("--relabel", nargs=2, metavar=("ENTITY", "LABEL"), help="give ENTITY this label")
    verbs.add_argument("--retype", nargs=2, metavar=("ENTITY", "CLASS"), help="give ENTITY this ontology class")
    verbs.add_argument("--alias", nargs=2, metavar=("ENTITY", "ALIAS"), help="add an alias to ENTITY")
    verbs.add_argument("--reject-entity", metavar="ENTITY", help="drop ENTITY and every fact it is in")
    verbs.add_argument("--reject-fact", metavar="FACT", help="drop one fact (a statement id, st-...)")
    verbs.add_argument("--list", action="store_true", help="print the decisions recorded so far")
    p.add_argument("--note", default="", help="why (kept in the file for reviewers)")
    p.add_argument("--file", type=Path, help=f"the curation file (default DIR/{CURATION_FILE})")


def _ids(folder: Path, name: str) -> dict[str, str]:
    """id -> label of the build's entities or facts (``name`` is the JSONL file)."""
    from kg.jsonlines import read_json_lines

    path = folder / name
    if not path.is_file():
        raise InputError(str(folder), f"no {name} here: curate the output folder of a `kg build`")
    found: dict[str, str] = {}
    for _, row in read_json_lines(path):
        if name == "triples.jsonl":
            found[row["id"]] = f"{row['subject']['label']} {row['predicate']['label']} {row['object']['label']}"
        else:
            found[row["id"]] = row["label"]
    return found


def _decision(args: argparse.Namespace) -> tuple[str, str, str]:
    for verb in ("merge", "split", "relabel", "retype", "alias"):
        pair = getattr(args, verb)
        if pair:
            return verb, pair[0], pair[1]
    if args.reject_entity:
        return "reject-entity", args.reject_entity, ""
    return "reject-fact", args.reject_fact, ""


def _check(folder: Path, verb: str, target: str, value: str) -> str:
    """The decision described for the confirmation line; a UsageError when an id is not in the build."""
    if verb == "reject-fact":
        facts = _ids(folder, "triples.jsonl")
        if target not in facts:
            raise UsageError(f"no fact {target} in {folder} (fact ids start with st-: see triples.jsonl or kg query)")
        return f"reject fact {target} ({facts[target]})"
    entities = _ids(folder, "entities.jsonl")
    for entity in (target, value) if verb == "merge" else (target,):
        if entity not in entities:
            raise UsageError(f"no entity {entity} in {folder} (see entities.jsonl, or kg query)")
    if verb == "retype":
        from kg.ontology import load_ontology

        classes = load_ontology().vocabulary.classes
        if value not in classes:
            raise UsageError(f"{value} is not an ontology class (one of: {', '.join(sorted(classes))})")
    if verb == "merge":
        return f"merge {target} ({entities[target]}) into {value} ({entities[value]})"
    return f"{verb} {target} ({entities[target]})" + (f": {value}" if value else "")


def run(args: argparse.Namespace) -> int:
    from kg.export.files import atomic_path
    from kg.normalise.curation_file import format_decision, parse_curation

    path = args.file or args.folder / CURATION_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if args.list:
        for decision in parse_curation(text, path.name).decisions:
            cells = [decision.source, decision.verb, decision.target, decision.value, decision.note]
            print("  ".join(c for c in cells if c))
        return 0
    verb, target, value = _decision(args)
    described = _check(args.folder, verb, target, value)
    line = format_decision(verb, target, value, args.note)
    parse_curation(line, path.name)  # the same checks a build makes, before anything is written
    if not text:
        text = "# kg curation file: one decision per line (verb, target, value, note), tab-separated\n"
    elif not text.endswith("\n"):
        text += "\n"
    text += line + "\n"
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    number = len(text.splitlines())
    print(f"kg curate: {path}:{number}: {described}; rebuild or update {args.folder} to apply it", file=sys.stderr)
    print(json.dumps({"file": str(path), "line": number, "verb": verb, "target": target, "value": value}))
    return 0
