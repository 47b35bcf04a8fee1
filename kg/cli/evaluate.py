"""``kg eval GOLD``: score the pipeline on a gold file and print precision, recall, F1 and the misses."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]

EPILOG = """\
formats (recognised from the file, or --format):
  seed      NAME.gold.jsonl of hand-made facts, beside NAME.txt and NAME.negative.jsonl
            (core/extended recall, violations of the negative rules)
  conll04   CoNLL04 JSONL: triples mapped onto Kill, Work_For, OrgBased_In, Live_In, Located_In
            (kg/eval/mappings/conll04.tsv), arguments matched by their text; micro P/R/F1
  carb      CaRB JSONL: extractions.jsonl scored with CaRB's tuple matching, best F1 over thresholds

CoNLL04 is scored twice: lenient (an argument matches when one text contains the other and both end on the
same word) and strict (exact argument text and entity types from kg's own classes, as published systems
are scored). Figures name the file they were measured on: the development splits in ../shared/eval are
not the test splits papers report.

examples:
  kg eval ../shared/eval/moscow-times-putin-assad.gold.jsonl
  kg eval ../shared/eval/conll04-dev.jsonl --misses 30
  kg eval ../shared/eval/carb-dev.jsonl --out out/carb
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="score the pipeline on a gold file",
        description="Build the graph of a gold file's text and score it: precision, recall, F1, misses.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("gold", type=Path, metavar="GOLD", help="the gold file")
    p.add_argument("--format", choices=("seed", "conll04", "carb"), help="gold format (default: recognised)")
    p.add_argument("--text", type=Path, metavar="FILE", help="seed format: the article (default: beside GOLD)")
    p.add_argument("--misses", type=int, default=10, metavar="N", help="misses to list (default 10)")
    p.add_argument("--out", type=Path, metavar="DIR", help="also write the built graph's JSONL files here")
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline (default as for kg build)")
    p.add_argument("--ontology", action="append", default=[], metavar="PATH", help="extra ontology files")
    p.add_argument("--min-f1", type=float, metavar="X", help="exit 1 when F1 (CoNLL04: lenient) is below X")


def run(args: argparse.Namespace) -> int:
    from kg.eval.harness import evaluate

    result = evaluate(
        args.gold, fmt=args.format, model=args.model, text=args.text, ontology=args.ontology, misses=args.misses
    )
    print(result.text)
    # Every figure says which file (the split) and which scorer it comes from.
    for scorer, (precision, recall, f1) in result.figures.items():
        print(f"{args.gold.name} ({scorer}): precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    if args.out and result.graph is not None:
        from kg.export import get_exporter

        get_exporter("jsonl").write(result.graph, args.out)
    if args.min_f1 is not None and result.f1 < args.min_f1:
        return 1
    return 0
