"""The quality targets of the Extraction and Ontology issues, measured with ``kg eval`` on the development data.

These read ``../shared/eval`` (skipped where it is absent, failing under CI) and build the graphs with the
session's spaCy pipeline. The figures are floors: a change that lowers them fails here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from kg.eval.harness import evaluate
from tests.conftest import shared_file

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_sample_article_all_core_facts_most_extended_no_violations_no_split_entities(nlp: Any) -> None:
    from kg.eval import seed

    gold = shared_file("moscow-times-putin-assad.gold.jsonl")
    result = evaluate(gold, nlp=nlp)
    assert result.graph is not None
    facts = seed.load_facts(gold)
    negative = seed.load_negative(shared_file("moscow-times-putin-assad.negative.jsonl"))
    report = seed.score([t.to_dict() for t in result.graph.triples], facts, negative)
    assert report.recall("core") == 1.0, report.missed
    assert len(report.found) >= 17, report.missed
    assert report.recall("extended") >= 0.5
    assert report.violations == []
    # one node per real thing: an entity that takes part in several gold facts (named by the gold file's
    # first, canonical name for it) is exactly one entity
    named = Counter(side[0] for fact in facts for side in (fact.subject, fact.object))
    recurring = [name for name, count in named.items() if count >= 2]
    assert len(recurring) >= 8
    labels = Counter(e.label for e in result.graph.entities)
    for name in recurring:
        assert labels[name] == 1, name


def test_conll04_micro_f1_without_training_on_conll04(nlp: Any) -> None:
    result = evaluate(shared_file("conll04-dev.jsonl"), nlp=nlp)
    # dev split; before the real-news work: lenient 0.514, strict 0.447 (issue: "not below today's")
    assert result.f1 >= 0.514, result.text
    assert result.figures["lenient"][2] == result.f1
    assert result.figures["strict"][2] >= 0.447, result.text  # exact text and kg's own entity types


def test_carb_f1_on_extractions(nlp: Any) -> None:
    result = evaluate(shared_file("carb-dev.jsonl"), nlp=nlp)
    assert result.f1 >= 0.4799, result.text  # dev split: 0.47991 before the real-news work
    # the precision-by-confidence table is there for CaRB too
    assert "precision by confidence" in result.text and sum(total for *_, total in result.bands) > 1000


def test_confidence_ranks_on_conll04(nlp: Any) -> None:
    """Higher-confidence predictions are right more often: the top band beats the bottom one."""
    result = evaluate(shared_file("conll04-dev.jsonl"), nlp=nlp)
    populated = [(low, right / total) for low, _, right, total in result.bands if total >= 5]
    assert len(populated) >= 2, result.bands
    assert populated[-1][1] > populated[0][1], result.bands
