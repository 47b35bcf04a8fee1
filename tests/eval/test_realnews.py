"""Real news the rules were not written for: a build of ../shared/eval/realnews/pages scored by the shared
scorer against the hand-made facts (issue "Real news"). The figures are floors at what the rules reach today
on these development pages: a change that lowers them fails here. (The held-out half is scored elsewhere.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from tests.conftest import SHARED_EVAL, shared_file

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def scored(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    pages, gold = shared_file("realnews/pages"), shared_file("realnews/gold.jsonl")
    out = tmp_path_factory.mktemp("realnews")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kg.pipeline.load_pipeline", lambda name=None: nlp)
        assert main(["build", str(pages), "--out", str(out), "--no-html", "--no-rdf", "--no-embedded", "-q"]) == 0
    scorer = SHARED_EVAL / "score_news.py"
    done = subprocess.run(
        [sys.executable, str(scorer), str(out), "--gold", str(gold), "--json"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    report["out"] = Path(out)
    return report


def test_key_facts_found(scored: dict[str, Any]) -> None:
    # dev pages, score_news.py: core 0.179 and all 0.221 before the work (targets 0.60 and 0.50); the
    # floors sit a fact or two under what the build finds now (0.701 and 0.581), so a lost fact shows
    assert scored["core_recall"] >= 0.68, scored["missed"][:10]
    assert scored["all_recall"] >= 0.57


def test_no_pronoun_is_an_entity(scored: dict[str, Any]) -> None:
    assert scored["pronoun_triples"] == 0


def test_split_entities_are_only_the_gold_lists_own_alternatives(scored: dict[str, Any]) -> None:
    # 12 before the work; the 8 left are gold name lists that accept two real things (a country or its
    # capital, a company or its service), a nickname, and the scorer folding a product name with a plus sign
    assert scored["split_entities"] <= 8


def test_sampled_facts_keep_their_verdicts_and_precision(scored: dict[str, Any]) -> None:
    # The seeded sample of tests/bench/precision.py, judged by reading each evidence sentence (verdicts in
    # tests/bench/precision_verdicts.tsv). A change to extraction that brings new facts into the sample fails
    # here until they are judged; the shares are floors at the targets.
    from tests.bench.precision import HERE, sample, verdicts

    judged = verdicts(HERE / "precision_verdicts.tsv")
    for kind, floor in (("typed", 0.85), ("related", 0.70)):
        rows = sample(scored["out"])[kind]
        missing = [r["id"] for r in rows if r["id"] not in judged]
        assert len(missing) <= len(rows) // 20, f"{kind}: judge {missing} (python tests/bench/precision.py OUT --show)"
        right = sum(judged.get(r["id"]) == "right" for r in rows)
        assert right / (len(rows) - len(missing)) >= floor, (kind, right, len(rows) - len(missing))
