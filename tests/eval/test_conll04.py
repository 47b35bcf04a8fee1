"""CoNLL04 scorer: hand-made sentences with counts worked out by hand, and the real development split."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.eval.conll04 import (
    RELATIONS,
    GoldRelation,
    GoldSentence,
    arguments_match,
    format_report,
    load_gold,
    normalise,
    score,
)

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

MARSH = GoldSentence(
    "s1",
    "Ivo Marsh , who shot Mayor Tom Hale , lived in Dorset .",
    (
        GoldRelation("Ivo Marsh", "Kill", "Mayor Tom Hale"),
        GoldRelation("Ivo Marsh", "Live_In", "Dorset"),
    ),
)
ACME = GoldSentence(
    "s2",
    "Ann Lee , an engineer at Acme Corp. in Boston , spoke .",
    (
        GoldRelation("Ann Lee", "Work_For", "Acme Corp."),
        GoldRelation("Acme Corp.", "OrgBased_In", "Boston"),
    ),
)


# --- normalising and matching arguments ----------------------------------------------------------------


def test_normalise_folds_case_spaces_punctuation_and_a_leading_the() -> None:
    assert normalise("  The   Harbour Union ") == ("harbour", "union")
    assert normalise("Acme Corp. ,") == ("acme", "corp")
    assert normalise("U.S.") == ("u.s",)
    assert normalise("the") == ()


def test_arguments_match_exactly_after_normalisation() -> None:
    assert arguments_match("the Harbour Union", "Harbour Union", strict=True)
    assert arguments_match("ACME CORP", "Acme Corp.", strict=True)
    assert not arguments_match("Hale", "Mayor Tom Hale", strict=True)


def test_lenient_match_needs_containment_and_the_same_last_word() -> None:
    assert arguments_match("Hale", "Mayor Tom Hale")
    assert arguments_match("Mayor Tom Hale", "Tom Hale")
    assert not arguments_match("Ford", "Ford Motor Co.")  # contained, but a different head word
    assert not arguments_match("Lee", "Ann Leeson")  # word boundaries, not characters
    assert not arguments_match("Ann Lee", "Bob Lee")  # same last word, not contained
    assert not arguments_match("", "Boston")
    assert not arguments_match(",", ",")


# --- sentences ------------------------------------------------------------------------------------------


def test_exact_predictions_score_one() -> None:
    report = score([MARSH], {"s1": [("Ivo Marsh", "Kill", "Mayor Tom Hale")]}, strict=True)
    assert (report.micro.correct, report.micro.predicted, report.micro.gold) == (1, 1, 2)
    assert (report.precision, report.recall) == (1.0, 0.5)
    assert report.f1 == pytest.approx(2 / 3)
    assert [str(miss) for miss in report.misses] == ["Ivo Marsh | Live_In | Dorset"]


def test_wrong_label_or_wrong_argument_does_not_match() -> None:
    predictions = {"s1": [("Ivo Marsh", "Live_In", "Mayor Tom Hale"), ("Marsh", "Kill", "Dorset")]}
    report = score([MARSH], predictions)
    assert (report.micro.correct, report.micro.predicted) == (0, 2)
    assert [str(wrong) for wrong in report.false_positives] == [
        "Ivo Marsh | Live_In | Mayor Tom Hale",
        "Marsh | Kill | Dorset",
    ]
    assert len(report.misses) == 2


def test_head_word_leniency_and_strict_mode() -> None:
    predictions = {"s1": [("Marsh", "Kill", "Hale"), ("Ivo Marsh", "Live_In", "Dorset")]}
    assert score([MARSH], predictions).micro.correct == 2
    strict = score([MARSH], predictions, strict=True)
    assert (strict.micro.correct, strict.micro.predicted) == (1, 2)  # only the Live_In texts are exact
    assert [str(wrong) for wrong in strict.false_positives] == ["Marsh | Kill | Hale"]


def test_strict_mode_also_compares_entity_types_when_predictions_carry_them() -> None:
    typed = GoldSentence(
        "t1",
        "Nora Vale , a pilot for Skyline Air , lives in Perth .",
        (
            GoldRelation("Nora Vale", "Work_For", "Skyline Air", "Peop", "Org"),
            GoldRelation("Nora Vale", "Live_In", "Perth", "Peop", "Loc"),
        ),
    )
    predictions = {
        "t1": [
            ("Nora Vale", "Work_For", "Skyline Air", "Peop", "Org"),
            ("Nora Vale", "Live_In", "Perth", "Peop", "Org"),
        ]
    }
    strict = score([typed], predictions, strict=True)
    assert (strict.micro.correct, strict.micro.predicted) == (1, 2)
    assert [str(wrong) for wrong in strict.false_positives] == ["Nora Vale | Live_In | Perth"]
    # The lenient scorer ignores types; untyped predictions in strict mode are compared on text only.
    assert score([typed], predictions).micro.correct == 2
    assert score([typed], {"t1": [("Nora Vale", "Live_In", "Perth")]}, strict=True).micro.correct == 1


def test_duplicates_count_once() -> None:
    predictions = {
        "s1": [
            ("Ivo Marsh", "Kill", "Mayor Tom Hale"),
            ("ivo marsh", "Kill", "Mayor Tom Hale ."),  # the same after normalising
            ("Marsh", "Kill", "Hale"),  # a lenient variant of a fact already found
            ("Marsh", "Kill", "Dorset"),
            ("Marsh", "Kill", "Dorset"),
        ]
    }
    report = score([MARSH], predictions)
    assert (report.micro.correct, report.micro.predicted, report.redundant) == (1, 2, 1)
    assert report.precision == 0.5


def test_each_gold_relation_is_found_at_most_once_and_pairing_is_maximal() -> None:
    # "Lee" could pair with either Lee fact; the pairing must still find both facts.
    sentence = GoldSentence(
        "s3",
        "Ann Lee and Bob Lee work for Acme .",
        (GoldRelation("Ann Lee", "Work_For", "Acme"), GoldRelation("Bob Lee", "Work_For", "Acme")),
    )
    report = score([sentence], {"s3": [("Lee", "Work_For", "Acme"), ("Ann Lee", "Work_For", "Acme")]})
    assert (report.micro.correct, report.micro.predicted, report.micro.gold) == (2, 2, 2)
    one = score([sentence], {"s3": [("Lee", "Work_For", "Acme")]})
    assert (one.micro.correct, one.micro.gold) == (1, 2)


def test_the_same_fact_on_two_mentions_is_one_gold_fact() -> None:
    sentence = GoldSentence(
        "s4",
        "Tarvik officials say Ruud , who grew up in Tarvik , ...",
        (
            GoldRelation("Ruud", "Live_In", "Tarvik", head_span=(3, 4), tail_span=(0, 1)),
            GoldRelation("Ruud", "Live_In", "Tarvik", head_span=(3, 4), tail_span=(9, 10)),
        ),
    )
    report = score([sentence], {"s4": [("Ruud", "Live_In", "Tarvik")]})
    assert (report.gold_relations, report.gold_facts) == (2, 1)
    assert (report.precision, report.recall) == (1.0, 1.0)


def test_per_relation_figures() -> None:
    predictions = {
        "s1": [("Marsh", "Kill", "Hale"), ("Marsh", "Live_In", "Kent")],
        "s2": [("Ann Lee", "Work_For", "Acme Corp"), ("Ann Lee", "Live_In", "Boston")],
    }
    report = score([MARSH, ACME], predictions)
    by_label = {figures.label: figures for figures in report.per_relation}
    assert [figures.label for figures in report.per_relation] == list(RELATIONS)
    assert (by_label["Kill"].gold, by_label["Kill"].predicted, by_label["Kill"].correct) == (1, 1, 1)
    assert (by_label["Live_In"].gold, by_label["Live_In"].predicted, by_label["Live_In"].correct) == (1, 2, 0)
    assert (by_label["Work_For"].precision, by_label["Work_For"].recall) == (1.0, 1.0)
    assert (by_label["OrgBased_In"].gold, by_label["OrgBased_In"].predicted) == (1, 0)
    assert by_label["OrgBased_In"].f1 == 0.0
    assert (by_label["Located_In"].gold, by_label["Located_In"].precision) == (0, 0.0)
    # Micro: 2 right of 4 predicted, of 4 gold facts.
    assert (report.micro.correct, report.micro.predicted, report.micro.gold) == (2, 4, 4)
    assert report.f1 == 0.5


def test_unknown_labels_raise_and_unknown_sentences_are_counted() -> None:
    with pytest.raises(ValueError, match="born_in"):
        score([MARSH], {"s1": [("Marsh", "born_in", "Dorset")]})
    report = score([MARSH], {"nowhere": [("A", "Kill", "B")]})
    assert (report.ignored, report.micro.predicted) == (1, 0)


def test_format_report_lists_figures_misses_and_false_positives() -> None:
    report = score([MARSH, ACME], {"s1": [("Marsh", "Kill", "Hale"), ("Marsh", "Kill", "Dorset")]})
    text = format_report(report, misses=2)
    assert "lenient: text containment" in text
    assert "micro" in text and "0.500" in text  # precision 1 of 2
    assert "Misses (3), first 2:" in text
    assert "[s1] Marsh | Kill | Dorset" in text
    assert "Misses" not in format_report(report, misses=0)


def test_load_gold_reads_relations_and_rejects_bad_lines(tmp_path: Path) -> None:
    line = {
        "id": "x1",
        "text": "Ann Lee works for Acme .",
        "tokens": ["Ann", "Lee", "works", "for", "Acme", "."],
        "entities": [],
        "gold": [
            {
                "head": "Ann Lee",
                "head_type": "Peop",
                "head_span": [0, 2],
                "relation": "Work_For",
                "tail": "Acme",
                "tail_type": "Org",
                "tail_span": [4, 5],
            }
        ],
    }
    path = tmp_path / "conll04.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [sentence] = load_gold(path)
    assert sentence.relations == (GoldRelation("Ann Lee", "Work_For", "Acme", "Peop", "Org", (0, 2), (4, 5)),)
    assert sentence.tokens[4] == "Acme"
    line["gold"][0]["relation"] = "Founded"  # type: ignore[index]
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="Founded"):
        load_gold(path)


# --- the real development split ------------------------------------------------------------------------


def _shared(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing (CI must provide ../shared/eval)")
        pytest.skip(f"{path} is not available")
    return path


@pytest.mark.shared
def test_real_dev_split_counts_and_self_score() -> None:
    gold = load_gold(_shared("conll04-dev.jsonl"))
    assert len(gold) == 231
    assert sum(len(sentence.relations) for sentence in gold) == 343
    counts = {label: sum(r.relation == label for s in gold for r in s.relations) for label in RELATIONS}
    assert counts == {"Kill": 42, "Live_In": 91, "Located_In": 65, "OrgBased_In": 76, "Work_For": 69}
    for sentence in gold:
        for relation in sentence.relations:
            assert " ".join(sentence.tokens[slice(*relation.head_span)]) == relation.head
    # The gold texts score perfectly against themselves, strictly; 12 annotations repeat a fact.
    report = score(gold, {s.id: [(r.head, r.relation, r.tail) for r in s.relations] for s in gold}, strict=True)
    assert (report.gold_relations, report.gold_facts) == (343, 331)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
