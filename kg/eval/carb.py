"""CaRB Open IE scorer: our extractions against the CaRB development split.

Written from the description in Bhardwaj, Aggarwal and Mausam, "CaRB: A Crowdsourced Benchmark for Open IE"
(EMNLP 2019), with the details that the paper leaves open checked against the reference scorer
(github.com/dair-iitd/CaRB: ``carb.py`` ``Benchmark.compare`` and ``matcher.py``
``binary_linient_tuple_match``, which is its default; the copy shipped with OpenIE6, whose gold reader
drops the ``C:`` context columns, scores the same way). What is scored, exactly as the reference does it:

Tuple against tuple (CaRB's default "binary lenient" match)
    * Arguments are folded to two on both sides: ``(arg1, " ".join(args[1:]))``. An n-ary gold tuple
      ``(Ann; moved; to Paris; in 1990)`` is scored as ``(Ann; moved; to Paris in 1990)``, so a system is
      not punished for putting a time or place in arg2 or in a third argument.
    * Tokens are the whitespace-separated words, compared case-sensitively, stop words and punctuation
      kept (the reference passes ``ignoreCase``/``ignoreStopwords`` but its lenient matcher ignores them).
    * Each part (relation, arg1, arg2) counts the multiset overlap of gold and predicted words. Precision
      is the overlap summed over parts divided by the predicted words; recall the same over gold words.
    * The relations must share a word, or the pair scores (0, 0). A predicted ``be`` also matches one form
      of *be* in the gold relation (``is``, ``was``...).
    * A prediction lacking arg1 or arg2 where the gold tuple has one scores (0, 0); argument overlap itself
      may be zero. Gold arguments beyond the folded two do not exist, so a gold tuple with only arg1 scores
      only the predicted relation and arg1.
    * When the gold relation contains ``said``, ``told``, ``added``, ``adds`` or ``says`` (as a substring,
      as the reference tests it), the prediction is also scored with its arguments swapped and the better
      (precision first, then recall) pair is kept: "X, Y said" may be extracted either way round.

Sentence and corpus
    * At a confidence threshold t only predictions with confidence >= t count. For each sentence the recall
      numerator is, for every gold tuple, the best recall of any kept prediction (one prediction may serve
      several gold tuples); the precision numerator comes from a greedy one-to-one matching that repeatedly
      takes the (gold, prediction) pair with the highest precision; every kept prediction is in the
      precision denominator and every gold tuple in the recall denominator.
    * Thresholds are all distinct confidences of the predictions on gold sentences. Precision with no kept
      prediction is 1, as in the reference. The reported figure is the first best F1 scanning thresholds
      upwards, with its precision, recall and threshold; AUC is the trapezoid area under the (recall,
      precision) points plus the point (0, 1).

Data choices (ours, documented because the reference reads a TSV keyed by sentence text)
    * Gold: ``args`` of each tuple (arg1 first); the ``context`` list ("C: X said") is not scored, as in the
      OpenIE6 reader. ``L:``/``T:`` markers stay in the arguments, as in the reference. Trailing empty
      arguments are dropped (the reference strips each TSV line, which loses trailing empty columns).
    * Sentences with ``scored: false`` have no gold tuple; the reference never sees them, so predictions on
      them are ignored. On the development split that leaves 638 of 641 sentences and 2,548 tuples.
    * A prediction belongs to the gold sentence whose ``id`` equals its ``document``; failing that, to the
      one with the same text once whitespace and ASCII punctuation are removed (the reference's own sentence
      key, which also survives PTB tokenisation: ``Acme Corp. ,`` and ``Acme Corp.,``). Predictions that
      match no gold sentence are counted and ignored.

>>> gold = [GoldSentence("s1", "Ann founded Acme .", (GoldTuple("founded", ("Ann", "Acme")),), True)]
>>> row = {"document": "s1", "sentence": "Ann founded Acme.", "arg1": "Ann", "rel": "founded",
...        "arg2": "Acme", "args": ["Ann", "Acme"], "confidence": 0.9, "extractor": "demo"}
>>> report = score(gold, [row])
>>> (report.precision, report.recall, report.f1, report.threshold)
(1.0, 1.0, 1.0, 0.9)
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from kg.errors import InputError
from kg.jsonlines import read_json_lines

__all__ = [
    "CarbReport",
    "CurvePoint",
    "GoldSentence",
    "GoldTuple",
    "Prediction",
    "SentenceMisses",
    "best_precisions",
    "format_report",
    "load_gold",
    "load_predictions",
    "match",
    "parse_prediction",
    "score",
    "sentence_key",
]

_BE_FORMS = frozenset({"be", "is", "am", "are", "was", "were", "been", "being"})
_SAID_VERBS = ("said", "told", "added", "adds", "says")
_PTB_ESCAPES = (
    ("-LRB-", "("),
    ("-RRB-", ")"),
    ("-LSB-", "["),
    ("-RSB-", "]"),
    ("-LCB-", "{"),
    ("-RCB-", "}"),
)
_DROP_FROM_KEY = str.maketrans("", "", string.punctuation + string.whitespace)

Score = tuple[Fraction, Fraction]  # (precision, recall) of one prediction against one gold tuple
_NO_MATCH: Score = (Fraction(0), Fraction(0))


@dataclass(frozen=True, slots=True)
class GoldTuple:
    """One gold extraction: relation and arguments in order (arg1 first); context is kept for display."""

    rel: str
    args: tuple[str, ...]
    context: tuple[str, ...] = ()

    def __str__(self) -> str:
        return " | ".join((self.args[0] if self.args else "", self.rel, *self.args[1:]))


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A benchmark sentence; ``scored`` is false for the few sentences the benchmark gives no tuple."""

    id: str
    text: str
    tuples: tuple[GoldTuple, ...]
    scored: bool


@dataclass(frozen=True, slots=True)
class Prediction:
    """One row of ``extractions.jsonl`` reduced to what CaRB scores."""

    sentence: str
    rel: str
    args: tuple[str, ...]
    confidence: float
    document: str | None = None
    extractor: str | None = None

    def __str__(self) -> str:
        return " | ".join((self.args[0] if self.args else "", self.rel, *self.args[1:]))


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """Precision and recall when only predictions with confidence >= ``threshold`` count."""

    threshold: float
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class SentenceMisses:
    """Gold tuples of one sentence that no kept prediction touches, next to what was predicted there."""

    id: str
    text: str
    missed: tuple[GoldTuple, ...]
    predicted: tuple[Prediction, ...]


@dataclass(frozen=True, slots=True)
class CarbReport:
    """The CaRB figures at the best threshold, the whole P-R curve, and the misses at that threshold."""

    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float | None  # None when nothing was predicted on a gold sentence
    sentences: int  # scored gold sentences
    gold_tuples: int
    predicted_tuples: int  # predictions on scored sentences (all thresholds)
    ignored_predictions: int  # on sentences without gold tuples
    unmatched_predictions: int  # on no sentence of the gold file
    curve: tuple[CurvePoint, ...]
    misses: tuple[SentenceMisses, ...]


# --- reading -------------------------------------------------------------------------------------------


def _strings(value: object, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(where, f'"{field}" must be a list of strings')
    return tuple(value)


def _trim_args(args: Sequence[str]) -> tuple[str, ...]:
    """Strip each argument and drop trailing empty ones (what the reference's ``line.strip()`` does)."""
    trimmed = [arg.strip() for arg in args]
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return tuple(trimmed)


def _gold_tuple(raw: object, where: str) -> GoldTuple:
    if not isinstance(raw, dict):
        raise InputError(where, "each gold tuple must be a JSON object")
    rel = raw.get("rel")
    if not isinstance(rel, str):
        raise InputError(where, 'a gold tuple has no "rel" string')
    if "args" in raw:
        args = _strings(raw["args"], where, "args")
    else:
        args = tuple(str(raw[key]) for key in ("arg1", "arg2") if raw.get(key) is not None)
    context = _strings(raw.get("context", []), where, "context")
    return GoldTuple(rel=rel.strip(), args=_trim_args(args), context=context)


def _gold_sentence(row: object, where: str) -> GoldSentence:
    if not isinstance(row, dict):
        raise InputError(where, "a line must be a JSON object")
    ident, text, gold = row.get("id"), row.get("text"), row.get("gold")
    if not isinstance(ident, str) or not isinstance(text, str):
        raise InputError(where, 'a line needs "id" and "text" strings')
    if not isinstance(gold, list):
        raise InputError(where, 'a line needs a "gold" list')
    tuples = tuple(_gold_tuple(raw, where) for raw in gold)
    scored = row.get("scored", bool(tuples))
    if not isinstance(scored, bool):
        raise InputError(where, '"scored" must be true or false')
    return GoldSentence(id=ident, text=text, tuples=tuples, scored=scored)


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Read the CaRB gold JSONL: ``id``, ``text``, ``gold`` (rel, arg1, arg2, args, context), ``scored``."""
    return [_gold_sentence(row, where) for where, row in read_json_lines(path)]


def parse_prediction(row: Mapping[str, object], where: str = "prediction") -> Prediction:
    """A Prediction from an ``extractions.jsonl`` row; ``args`` wins over ``arg1``/``arg2`` when present.

    >>> parse_prediction({"sentence": "Ann met Bob.", "arg1": "Ann", "rel": "met", "arg2": "Bob",
    ...                   "confidence": 0.5}).args
    ('Ann', 'Bob')
    """
    sentence, rel, confidence = row.get("sentence"), row.get("rel"), row.get("confidence")
    if not isinstance(sentence, str) or not isinstance(rel, str):
        raise InputError(where, 'a prediction needs "sentence" and "rel" strings')
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise InputError(where, 'a prediction needs a numeric "confidence"')
    raw_args = row.get("args")
    if raw_args:
        args = _strings(raw_args, where, "args")
    else:
        args = tuple(value for key in ("arg1", "arg2") if isinstance(value := row.get(key), str))
    document, extractor = row.get("document"), row.get("extractor")
    return Prediction(
        sentence=sentence,
        rel=rel.strip(),
        args=_trim_args(args),
        confidence=float(confidence),
        document=None if document is None else str(document),
        extractor=None if extractor is None else str(extractor),
    )


def load_predictions(path: str | Path) -> list[Prediction]:
    """Read an ``extractions.jsonl``; a malformed line raises InputError naming it."""
    predictions = []
    for where, row in read_json_lines(path):
        if not isinstance(row, dict):
            raise InputError(where, "a line must be a JSON object")
        predictions.append(parse_prediction(row, where))
    return predictions


# --- one tuple against another -------------------------------------------------------------------------


def _overlap(gold_words: Sequence[str], predicted_words: Sequence[str]) -> int:
    """Words shared as multisets: a repeated gold word needs as many copies in the prediction."""
    return (Counter(gold_words) & Counter(predicted_words)).total()


def _relation_overlap(gold_rel: str, predicted_rel: str) -> int:
    gold_words, predicted_words = gold_rel.split(), predicted_rel.split()
    shared = _overlap(gold_words, predicted_words)
    left_over = Counter(predicted_words) - Counter(gold_words)
    # The reference lets one unmatched predicted "be" stand for any form of "be" in the gold relation.
    if left_over["be"] and _BE_FORMS.intersection(gold_words):
        shared += 1
    return shared


def _fold(args: Sequence[str]) -> tuple[str, ...]:
    """CaRB's binary view: arg1, then every further argument joined into arg2."""
    return (args[0], " ".join(args[1:])) if len(args) >= 2 else tuple(args)


def _lenient(gold_rel: str, gold_args: Sequence[str], rel: str, args: Sequence[str]) -> Score:
    shared = _relation_overlap(gold_rel, rel)
    if shared == 0:
        return _NO_MATCH
    matched, predicted_total, gold_total = shared, len(rel.split()), len(gold_rel.split())
    for index, gold_arg in enumerate(gold_args):
        gold_words = gold_arg.split()
        gold_total += len(gold_words)
        if index >= len(args):
            if index < 2:
                return _NO_MATCH
            continue
        predicted_words = args[index].split()
        predicted_total += len(predicted_words)
        matched += _overlap(gold_words, predicted_words)
    precision = Fraction(matched, predicted_total) if predicted_total else Fraction(0)
    recall = Fraction(matched, gold_total) if gold_total else Fraction(0)
    return precision, recall


def match(gold: GoldTuple, prediction: Prediction) -> Score:
    """CaRB's binary lenient (precision, recall) of one prediction against one gold tuple.

    >>> gold = GoldTuple("was born in", ("Marie Curie", "Warsaw"))
    >>> precision, recall = match(gold, Prediction("", "born in", ("Curie", "Warsaw"), 1.0))
    >>> (str(precision), str(recall))  # 4 of 4 predicted words, 4 of 6 gold words
    ('1', '2/3')
    """
    gold_args, args = _fold(gold.args), _fold(prediction.args)
    straight = _lenient(gold.rel, gold_args, prediction.rel, args)
    if not any(verb in gold.rel for verb in _SAID_VERBS) or len(args) < 2:
        return straight
    swapped = _lenient(gold.rel, gold_args, prediction.rel, (args[1], args[0]))
    return max(straight, swapped)


# --- one sentence -------------------------------------------------------------------------------------


def _greedy_precision(scores: Sequence[Sequence[Score]], kept: Sequence[int]) -> Fraction:
    """Sum of precisions over a greedy one-to-one gold/prediction matching, best precision first.

    Ties go to the earliest gold tuple, then the earliest prediction, as in the reference.
    """
    free_rows, free_cols, total = list(range(len(scores))), list(kept), Fraction(0)
    for _ in range(min(len(free_rows), len(free_cols))):
        best_row, best_col = free_rows[0], free_cols[0]
        for row in free_rows:
            for col in free_cols:
                if scores[row][col][0] > scores[best_row][best_col][0]:
                    best_row, best_col = row, col
        total += scores[best_row][best_col][0]
        free_rows.remove(best_row)
        free_cols.remove(best_col)
    return total


def _best_recall(row: Sequence[Score], kept: Sequence[int]) -> Fraction:
    return max((row[col][1] for col in kept), default=Fraction(0))


@dataclass(frozen=True, slots=True)
class _Step:
    """One sentence's contribution when its lowest kept confidence is ``confidence``."""

    confidence: float
    precision: Fraction
    predicted: int
    recall: Fraction


def _sentence_steps(tuples: Sequence[GoldTuple], predictions: Sequence[Prediction]) -> list[_Step]:
    scores = [[match(gold, prediction) for prediction in predictions] for gold in tuples]
    steps = []
    for confidence in sorted({prediction.confidence for prediction in predictions}):
        kept = [col for col, prediction in enumerate(predictions) if prediction.confidence >= confidence]
        recall = sum((_best_recall(row, kept) for row in scores), Fraction(0))
        steps.append(_Step(confidence, _greedy_precision(scores, kept), len(kept), recall))
    return steps


# --- the corpus ---------------------------------------------------------------------------------------


def sentence_key(text: str) -> str:
    """The reference's sentence key: PTB bracket escapes undone, whitespace and ASCII punctuation removed.

    >>> sentence_key("Acme Corp. , he said -LRB- twice -RRB- .")
    'AcmeCorphesaidtwice'
    >>> sentence_key("Acme Corp., he said (twice).")
    'AcmeCorphesaidtwice'
    """
    for escape, bracket in _PTB_ESCAPES:
        text = text.replace(escape, bracket)
    return text.translate(_DROP_FROM_KEY)


def _assign(gold: Sequence[GoldSentence], predictions: Iterable[Prediction]) -> tuple[dict[str, list[Prediction]], int]:
    """Predictions grouped by gold sentence id, and how many found no gold sentence."""
    by_id = {sentence.id: sentence.id for sentence in gold}
    by_key = {sentence_key(sentence.text): sentence.id for sentence in gold}
    grouped: dict[str, list[Prediction]] = {sentence.id: [] for sentence in gold}
    unmatched = 0
    for prediction in predictions:
        key = sentence_key(prediction.sentence)
        # An empty key (no sentence text) must not pair with a gold sentence made of punctuation.
        target = by_id.get(prediction.document or "") or (by_key.get(key) if key else None)
        if target is None:
            unmatched += 1
        else:
            grouped[target].append(prediction)
    return grouped, unmatched


def _f1(precision: Fraction, recall: Fraction) -> Fraction:
    return 2 * precision * recall / (precision + recall) if precision + recall else Fraction(0)


def _curve(
    steps_by_sentence: Sequence[Sequence[_Step]], thresholds: Sequence[float], gold_total: int
) -> list[CurvePoint]:
    """Precision/recall at every threshold, from each sentence's steps (a step holds between thresholds)."""
    index = {threshold: position for position, threshold in enumerate(thresholds)}
    # Difference arrays: a sentence step covers the thresholds above its previous step up to its own.
    size = len(thresholds) + 1
    precision, recall, predicted = [Fraction(0)] * size, [Fraction(0)] * size, [0] * size
    for steps in steps_by_sentence:
        start = 0
        for step in steps:
            end = index[step.confidence] + 1
            precision[start] += step.precision
            precision[end] -= step.precision
            recall[start] += step.recall
            recall[end] -= step.recall
            predicted[start] += step.predicted
            predicted[end] -= step.predicted
            start = end
    points = []
    p_sum, r_sum, n_sum = Fraction(0), Fraction(0), 0
    for position, threshold in enumerate(thresholds):
        p_sum += precision[position]
        r_sum += recall[position]
        n_sum += predicted[position]
        p = p_sum / n_sum if n_sum else Fraction(1)
        r = r_sum / gold_total if gold_total else Fraction(0)
        points.append(CurvePoint(threshold, float(p), float(r), float(_f1(p, r))))
    return points


def _auc(curve: Sequence[CurvePoint]) -> float:
    """Trapezoid area under (recall, precision), closing the curve at (0, 1) as the reference does."""
    xs = [point.recall for point in curve] + [0.0]
    ys = [point.precision for point in curve] + [1.0]
    return sum(abs(xs[i] - xs[i + 1]) * (ys[i] + ys[i + 1]) / 2 for i in range(len(xs) - 1))


def _misses(
    sentences: Sequence[GoldSentence], grouped: Mapping[str, Sequence[Prediction]], threshold: float | None
) -> tuple[SentenceMisses, ...]:
    found = []
    for sentence in sentences:
        kept = tuple(p for p in grouped[sentence.id] if threshold is not None and p.confidence >= threshold)
        missed = tuple(gold for gold in sentence.tuples if not any(match(gold, p)[1] for p in kept))
        if missed:
            found.append(SentenceMisses(sentence.id, sentence.text, missed, kept))
    return tuple(found)


def score(gold: Sequence[GoldSentence], predictions: Iterable[Prediction | Mapping[str, object]]) -> CarbReport:
    """Score predictions (Prediction records or ``extractions.jsonl`` rows) against the gold sentences."""
    # complex: CaRB's scoring loop as the reference describes it, kept in one piece so it can be checked against it.
    parsed = [
        p if isinstance(p, Prediction) else parse_prediction(p, f"prediction {n}") for n, p in enumerate(predictions, 1)
    ]
    grouped, unmatched = _assign(gold, parsed)
    scored = [sentence for sentence in gold if sentence.scored]
    gold_total = sum(len(sentence.tuples) for sentence in scored)
    on_scored = [prediction for sentence in scored for prediction in grouped[sentence.id]]
    on_gold = [prediction for predictions_here in grouped.values() for prediction in predictions_here]
    thresholds = sorted({prediction.confidence for prediction in on_gold})
    steps = [_sentence_steps(sentence.tuples, grouped[sentence.id]) for sentence in scored]
    curve = _curve(steps, thresholds, gold_total)
    best = max(curve, key=lambda point: point.f1, default=None)  # max keeps the first (lowest) of ties
    return CarbReport(
        precision=best.precision if best else 0.0,
        recall=best.recall if best else 0.0,
        f1=best.f1 if best else 0.0,
        auc=_auc(curve) if curve else 0.0,
        threshold=best.threshold if best else None,
        sentences=len(scored),
        gold_tuples=gold_total,
        predicted_tuples=len(on_scored),
        ignored_predictions=len(on_gold) - len(on_scored),
        unmatched_predictions=unmatched,
        curve=tuple(curve),
        misses=_misses(scored, grouped, best.threshold if best else None),
    )


def best_precisions(
    gold: Sequence[GoldSentence], predictions: Iterable[Prediction | Mapping[str, object]]
) -> list[tuple[float, Fraction]]:
    """(confidence, CaRB precision of its best-matching gold tuple) for each prediction on a scored sentence:
    what a precision-by-confidence table is made of (0 for a prediction that matches no gold tuple).

    >>> sentence = "Ada Park was born in Leeds ."
    >>> gold = [GoldSentence("s1", sentence, (GoldTuple("was born in", ("Ada Park", "Leeds")),), True)]
    >>> [(c, str(p)) for c, p in best_precisions(gold, [Prediction(sentence, "born in", ("Park", "Leeds"), 0.9)])]
    [(0.9, '1')]
    """
    parsed = [
        p if isinstance(p, Prediction) else parse_prediction(p, f"prediction {n}") for n, p in enumerate(predictions, 1)
    ]
    grouped, _ = _assign(gold, parsed)
    found = []
    for sentence in gold:
        if not sentence.scored:
            continue
        for prediction in grouped[sentence.id]:
            best = max((match(t, prediction)[0] for t in sentence.tuples), default=Fraction(0))
            found.append((prediction.confidence, best))
    return found


def format_report(report: CarbReport, misses: int = 10) -> str:
    """A short text summary; ``misses`` caps how many sentences with missed gold tuples are listed."""
    threshold = "-" if report.threshold is None else f"{report.threshold:g}"
    lines = [
        f"CaRB (binary lenient match): {report.sentences} sentences, {report.gold_tuples} gold tuples, "
        f"{report.predicted_tuples} predicted tuples",
        f"  P {report.precision:.3f}  R {report.recall:.3f}  F1 {report.f1:.3f}  AUC {report.auc:.3f}  "
        f"(best F1 at confidence >= {threshold})",
    ]
    if report.ignored_predictions or report.unmatched_predictions:
        lines.append(
            f"  not scored: {report.ignored_predictions} predictions on sentences without gold tuples, "
            f"{report.unmatched_predictions} on sentences not in the gold file"
        )
    missed_total = sum(len(entry.missed) for entry in report.misses)
    if misses > 0 and report.misses:
        lines.append(
            f"Misses: {missed_total} gold tuples in {len(report.misses)} sentences untouched; first "
            f"{min(misses, len(report.misses))} sentences:"
        )
        for entry in report.misses[:misses]:
            lines.append(f"  [{entry.id}] {entry.text}")
            lines.extend(f"    missed:    {gold}" for gold in entry.missed)
            lines.extend(f"    predicted: {prediction}" for prediction in entry.predicted)
    return "\n".join(lines)
