"""CaRB scorer: hand-made sentences with figures worked out by hand, and the real development split."""

from __future__ import annotations

import json
import os
from fractions import Fraction as F
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.eval.carb import (
    GoldSentence,
    GoldTuple,
    Prediction,
    format_report,
    load_gold,
    match,
    parse_prediction,
    score,
    sentence_key,
)

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FULL = (F(1), F(1))  # (precision, recall) of a perfect match
NONE = (F(0), F(0))


def _sentence(ident: str, text: str, *tuples: GoldTuple, scored: bool = True) -> GoldSentence:
    return GoldSentence(ident, text, tuples, scored)


def _predict(ident: str, rel: str, *args: str, confidence: float = 1.0) -> Prediction:
    return Prediction(sentence="", rel=rel, args=args, confidence=confidence, document=ident)


FOUNDED = GoldTuple("founded", ("Ann", "Acme"))
JOINED = GoldTuple("joined", ("Bob", "Acme"))
ACME = _sentence("s1", "Ann founded Acme , and Bob joined Acme .", FOUNDED, JOINED)


# --- one tuple against another -------------------------------------------------------------------------


def test_exact_match_scores_one() -> None:
    assert match(FOUNDED, _predict("s1", "founded", "Ann", "Acme")) == FULL
    report = score([_sentence("s1", "Ann founded Acme .", FOUNDED)], [_predict("s1", "founded", "Ann", "Acme")])
    assert (report.precision, report.recall, report.f1, report.auc) == (1.0, 1.0, 1.0, 1.0)


def test_partial_overlap_gives_token_fractions() -> None:
    gold = GoldTuple("was born in", ("Marie Curie", "Warsaw in 1867"))
    prediction = _predict("s1", "born in", "Curie", "Warsaw , Poland")
    # Shared words: relation 2 (born, in), arg1 1 (Curie), arg2 1 (Warsaw) = 4.
    # Predicted words 2 + 1 + 3 = 6; gold words 3 + 2 + 3 = 8.
    assert match(gold, prediction) == (F(4, 6), F(4, 8))
    report = score([_sentence("s1", "Marie Curie was born in Warsaw in 1867 .", gold)], [prediction])
    assert report.precision == pytest.approx(4 / 6)
    assert report.recall == pytest.approx(1 / 2)
    assert report.f1 == pytest.approx(4 / 7)


def test_relation_without_a_shared_word_does_not_match() -> None:
    prediction = _predict("s1", "started", "Ann", "Acme")
    assert match(FOUNDED, prediction) == NONE
    report = score([_sentence("s1", "Ann founded Acme .", FOUNDED)], [prediction])
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)


def test_words_are_compared_case_sensitively_as_in_the_reference() -> None:
    assert match(FOUNDED, _predict("s1", "Founded", "Ann", "Acme")) == NONE


def test_missing_arg2_does_not_match_but_empty_overlap_in_arg2_does() -> None:
    assert match(FOUNDED, _predict("s1", "founded", "Ann")) == NONE
    # Relation and arg1 shared (2 words), arg2 not: 2 of 3 predicted words, 2 of 3 gold words.
    assert match(FOUNDED, _predict("s1", "founded", "Ann", "Zeta")) == (F(2, 3), F(2, 3))


def test_nary_arguments_fold_into_arg2() -> None:
    gold = GoldTuple("moved", ("Ann", "to Paris", "in 1990"))
    assert match(gold, _predict("s1", "moved", "Ann", "to Paris in 1990")) == FULL
    three_args = _predict("s1", "moved", "Ann", "to Paris", "in 1990")
    assert match(GoldTuple("moved", ("Ann", "to Paris in 1990")), three_args) == FULL
    # Only "to Paris": gold words 1 + 1 + 4 = 6, shared 1 + 1 + 2 = 4, all 4 predicted words right.
    assert match(gold, _predict("s1", "moved", "Ann", "to Paris")) == (F(1), F(4, 6))


def test_gold_with_only_arg1_ignores_the_predicted_arg2() -> None:
    gold = GoldTuple("resigned", ("the minister",))
    assert match(gold, _predict("s1", "resigned", "the minister", "on Monday")) == FULL


def test_predicted_be_stands_for_a_form_of_be() -> None:
    gold = GoldTuple("is", ("Paris", "a city"))
    assert match(gold, _predict("s1", "be", "Paris", "a city")) == FULL
    assert match(gold, _predict("s1", "seems", "Paris", "a city")) == NONE


def test_said_relations_accept_swapped_arguments() -> None:
    said = GoldTuple("said", ("the company", "profits rose"))
    assert match(said, _predict("s1", "said", "profits rose", "the company")) == FULL
    # Other relations are scored only the right way round: arg1 and arg2 share no word here.
    founded = GoldTuple("founded", ("Ann", "Acme"))
    assert match(founded, _predict("s1", "founded", "Acme", "Ann")) == (F(1, 3), F(1, 3))


# --- sentences and thresholds --------------------------------------------------------------------------


def test_threshold_with_best_f1_is_reported() -> None:
    predictions = [
        _predict("s1", "founded", "Ann", "Acme", confidence=0.9),
        _predict("s1", "ate", "Bob", "lunch", confidence=0.6),  # no relation word shared: worthless
        _predict("s1", "joined", "Bob", "Acme", confidence=0.3),
    ]
    report = score([ACME], predictions)
    # >= 0.3: P 2/3, R 1, F1 0.8;  >= 0.6: P 1/2, R 1/2, F1 0.5;  >= 0.9: P 1, R 1/2, F1 2/3.
    assert [(p.threshold, p.precision, p.recall) for p in report.curve] == [
        (0.3, 2 / 3, 1.0),
        (0.6, 0.5, 0.5),
        (0.9, 1.0, 0.5),
    ]
    assert report.threshold == 0.3
    assert (report.precision, report.recall) == (2 / 3, 1.0)
    assert report.f1 == pytest.approx(0.8)
    # Trapezoids under (R, P): (1, 2/3)-(0.5, 0.5), (0.5, 0.5)-(0.5, 1), then (0.5, 1) down to (0, 1).
    assert report.auc == pytest.approx(0.5 * (2 / 3 + 0.5) / 2 + 0.5)


def test_a_high_threshold_wins_when_low_confidence_predictions_are_junk() -> None:
    predictions = [
        _predict("s1", "founded", "Ann", "Acme", confidence=0.9),
        _predict("s1", "joined", "Bob", "Acme", confidence=0.8),
        _predict("s1", "ate", "Bob", "lunch", confidence=0.2),
        _predict("s1", "slept", "Ann", confidence=0.1),
    ]
    report = score([ACME], predictions)
    assert report.threshold == 0.8
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)


def test_precision_matches_one_to_one_but_recall_takes_the_best_prediction() -> None:
    gold = _sentence("s1", "Ann founded Acme Labs .", FOUNDED, GoldTuple("founded", ("Ann", "Acme Labs")))
    one = score([gold], [_predict("s1", "founded", "Ann", "Acme Labs")])
    # The one prediction fully covers both gold tuples' words, and is matched once for precision.
    assert (one.precision, one.recall) == (1.0, 1.0)
    twice = score([_sentence("s1", "Ann founded Acme .", FOUNDED)], [_predict("s1", "founded", "Ann", "Acme")] * 2)
    # Two copies of a right answer for one gold tuple: the second matches nothing.
    assert (twice.precision, twice.recall) == (0.5, 1.0)


def test_empty_predictions_score_zero_and_miss_everything() -> None:
    report = score([ACME], [])
    assert (report.precision, report.recall, report.f1, report.auc, report.threshold) == (
        0.0,
        0.0,
        0.0,
        0.0,
        None,
    )
    assert report.gold_tuples == 2 and report.predicted_tuples == 0
    assert [entry.missed for entry in report.misses] == [(FOUNDED, JOINED)]


def test_misses_are_the_gold_tuples_untouched_at_the_best_threshold() -> None:
    report = score([ACME], [_predict("s1", "founded", "Ann", "Acme", confidence=0.7)])
    assert [(entry.id, entry.missed) for entry in report.misses] == [("s1", (JOINED,))]
    assert report.misses[0].predicted[0].rel == "founded"
    text = format_report(report, misses=5)
    assert "F1 0.667" in text
    assert "missed:    Bob | joined | Acme" in text
    assert "predicted: Ann | founded | Acme" in text
    assert "missed:" not in format_report(report, misses=0)


def test_predictions_find_their_sentence_by_document_id_then_by_text() -> None:
    rows = [
        {
            "document": "other",
            "sentence": "Ann founded Acme, and Bob joined Acme.",
            "arg1": "Ann",
            "rel": "founded",
            "arg2": "Acme",
            "args": ["Ann", "Acme"],
            "confidence": 0.5,
            "extractor": "t",
        },
        {
            "document": "s1",
            "sentence": "(text differs)",
            "arg1": "Bob",
            "rel": "joined",
            "arg2": "Acme",
            "args": ["Bob", "Acme"],
            "confidence": 0.5,
            "extractor": "t",
        },
        {
            "document": "nowhere",
            "sentence": "Unrelated text.",
            "arg1": "X",
            "rel": "is",
            "arg2": "Y",
            "args": ["X", "Y"],
            "confidence": 0.5,
            "extractor": "t",
        },
    ]
    report = score([ACME], rows)
    assert (report.precision, report.recall) == (1.0, 1.0)
    assert (report.predicted_tuples, report.unmatched_predictions) == (2, 1)


def test_unscored_sentences_do_not_cost_precision() -> None:
    quiet = _sentence("s2", "Analysts were quiet .", scored=False)
    predictions = [
        _predict("s1", "founded", "Ann", "Acme"),
        _predict("s1", "joined", "Bob", "Acme"),
        _predict("s2", "were", "Analysts", "quiet"),
    ]
    report = score([ACME, quiet], predictions)
    assert (report.precision, report.recall, report.sentences) == (1.0, 1.0, 1)
    assert report.ignored_predictions == 1


def test_sentence_key_ignores_tokenisation_spaces_punctuation_and_ptb_brackets() -> None:
    assert sentence_key("Acme Corp. , he said -LRB- twice -RRB- .") == sentence_key("Acme Corp., he said (twice).")
    assert sentence_key("Acme rose .") != sentence_key("Acme fell .")


def test_parse_prediction_prefers_args_and_rejects_bad_rows() -> None:
    row = {
        "sentence": "s",
        "rel": "moved",
        "arg1": "Ann",
        "arg2": "to Paris",
        "args": ["Ann", "to Paris", "in 1990"],
        "confidence": 1,
    }
    assert parse_prediction(row).args == ("Ann", "to Paris", "in 1990")
    assert parse_prediction({**row, "args": [], "arg2": None}).args == ("Ann",)
    with pytest.raises(InputError, match="confidence"):
        parse_prediction({**row, "confidence": "high"})


def test_load_gold_reads_tuples_context_and_drops_trailing_empty_arguments(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a",
            "text": "Ann said Bob left .",
            "scored": True,
            "gold": [{"rel": "left", "arg1": "Bob", "arg2": "", "args": ["Bob", ""], "context": ["C: Ann said"]}],
        },
        {"id": "b", "text": "Nothing here .", "gold": [], "scored": False},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert load_gold(path) == [
        GoldSentence("a", "Ann said Bob left .", (GoldTuple("left", ("Bob",), ("C: Ann said",)),), True),
        GoldSentence("b", "Nothing here .", (), False),
    ]
    path.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1"):
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
    gold = load_gold(_shared("carb-dev.jsonl"))
    assert len(gold) == 641
    scored = [sentence for sentence in gold if sentence.scored]
    # "scored: false" marks the three sentences with no gold tuple; CaRB never scores them.
    assert len(scored) == 638
    assert all(sentence.tuples for sentence in scored)
    assert not any(sentence.tuples for sentence in gold if not sentence.scored)
    assert sum(len(sentence.tuples) for sentence in gold) == 2548
    # The gold tuples, found through their sentence text alone, score perfectly against themselves.
    predictions = [Prediction(s.text, t.rel, t.args, 1.0) for s in scored for t in s.tuples]
    report = score(gold, predictions)
    assert (report.sentences, report.gold_tuples, report.unmatched_predictions) == (638, 2548, 0)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
