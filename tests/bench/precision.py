"""Precision by reading: a fixed random sample of a build's facts, judged by people against their evidence.

    python tests/bench/precision.py OUT [--show] [--verdicts tests/bench/precision_verdicts.tsv]

Draws the sample the issue asks for from ``OUT/triples.jsonl`` of a build of ../shared/eval/realnews/pages:
100 typed facts and 30 ``kg:relatedTo`` facts (asserted ones; seeded, so the same build gives the same
sample). ``--show`` prints each sampled fact with its first evidence sentence, for judging; the figures
come from the verdicts file, one line per fact: ``id<TAB>verdict<TAB>reason`` with verdict ``right`` or
``wrong`` (a short reason in our own words, never the page's sentence). Sampled facts without a verdict are
listed: a changed build changes the ids, and its sample must be judged again.

How we judge, strictly: a fact is right when the evidence sentence states it (or a name in it does:
"Kenya Airways" is based in Kenya), both entities are the things the sentence means (a label cut short or
a pronoun pointing at the wrong person is wrong), and the direction is right; hedged and attributed facts are
judged as the hedged or attributed statement they are. Relations are tenseless (a past role is right, and
"former" shows among the fact's time qualifiers when the sentence says so); a sports or election result read
as violence, a home town read as an employer, or a team read as its city is wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SIZES = {"typed": 100, "related": 30}
SEED = 13


def sample(out: Path) -> dict[str, list[dict[str, Any]]]:
    """The sampled facts of a build, by kind (typed relations, kg:relatedTo)."""
    rows = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = sorted((r for r in rows if not r["negated"]), key=lambda r: r["id"])
    kinds = {
        "typed": [r for r in rows if r["predicate"]["id"] != "kg:relatedTo"],
        "related": [r for r in rows if r["predicate"]["id"] == "kg:relatedTo"],
    }
    rng = random.Random(SEED)
    return {kind: rng.sample(found, min(SIZES[kind], len(found))) for kind, found in kinds.items()}


def verdicts(path: Path) -> dict[str, str]:
    """id -> "right" or "wrong" from the verdicts file (comments and blank lines skipped)."""
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or cells[1] not in ("right", "wrong"):
            raise SystemExit(f"{path}:{number}: expected id<TAB>right|wrong<TAB>reason")
        found[cells[0]] = cells[1]
    return found


def describe(row: dict[str, Any]) -> str:
    predicate = row["predicate"]
    relation = predicate["label"] + (f" {predicate['surface']}" if predicate.get("surface") else "")
    flags = " (hedged)" if row["hedged"] else ""
    flags += f" (according to {row['attributed_to']})" if row.get("attributed_to") else ""
    flags += "".join(f" ({qualifier})" for qualifier in row.get("time") or ())
    evidence = row["evidence"][0]
    sides = f"[{evidence['subject_text']} / {evidence['object_text']}]"
    fact = f"{row['subject']['label']} | {relation} | {row['object']['label']}{flags}"
    return f"{row['id']}  {fact}\n    {sides} {evidence['sentence']}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a kg build --out folder of ../shared/eval/realnews/pages")
    parser.add_argument("--verdicts", type=Path, default=HERE / "precision_verdicts.tsv")
    parser.add_argument("--show", action="store_true", help="print the sampled facts with their evidence")
    args = parser.parse_args()
    drawn = sample(args.out)
    judged = verdicts(args.verdicts) if args.verdicts.is_file() else {}
    missing = 0
    for kind, rows in drawn.items():
        right = sum(judged.get(r["id"]) == "right" for r in rows)
        done = sum(r["id"] in judged for r in rows)
        missing += len(rows) - done
        share = f"{right / done:.0%}" if done else "-"
        print(f"{kind:8} sample {len(rows):3}  judged {done:3}  right {right:3}  precision {share}")
        if args.show:
            for row in rows:
                mark = judged.get(row["id"], "?")
                print(f"  [{mark}] {describe(row)}")
    if missing:
        print(f"{missing} sampled facts have no verdict in {args.verdicts} (judge them with --show)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
