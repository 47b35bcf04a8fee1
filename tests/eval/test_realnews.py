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
    # dev pages, score_news.py: core 0.179 and all 0.221 before the work
    assert scored["core_recall"] >= 0.49, scored["missed"][:10]
    assert scored["all_recall"] >= 0.39


def test_no_pronoun_is_an_entity(scored: dict[str, Any]) -> None:
    assert scored["pronoun_triples"] == 0


def test_split_entities_are_only_the_gold_lists_own_alternatives(scored: dict[str, Any]) -> None:
    # 12 before the work; the 8 left are gold name lists that accept two real things (a country or its
    # capital, a company or its service), a nickname, and the scorer folding a product name with a plus sign
    assert scored["split_entities"] <= 8
