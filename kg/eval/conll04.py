"""CoNLL04 relation scorer: (head, relation, tail) texts against the CoNLL04 development split.

The benchmark's own figures compare entity spans (strict: boundaries and types). Our extractor yields
argument texts, not token spans, so this scorer compares texts, and the figures are therefore close to, not
the same as, published strict relation F1.

Matching rule
    * A prediction is ``(head text, relation, tail text)`` with the relation already one of the five
      labels (Kill, Work_For, OrgBased_In, Live_In, Located_In); any other label is a caller's mapping bug
      and raises ValueError.
    * Texts are normalised before comparing: case-folded, split on whitespace, punctuation stripped from
      both ends of each word (``Ltd.`` and ``Ltd``, ``Moldova.`` and ``Moldova`` agree) and words left
      empty dropped, then a leading ``the`` dropped.
    * ``strict=True``: the normalised texts must be equal, and when a prediction carries entity types
      (``(head, relation, tail, head_type, tail_type)``, in CoNLL04's Peop/Org/Loc/Other, from kg's own
      classes) they must equal the gold types: exact boundaries and types, as published systems are scored.
    * Default (lenient): also accepted when one text lies inside the other at word boundaries and both end
      on the same word, taken as the head of an English name or noun phrase: ``Lane`` matches
      ``President Lane`` and ``Alan Grey`` matches ``Grey``, but ``Ford`` does not match
      ``Ford Motor Co.``. This forgives titles, first names and modifiers that spaCy and the annotators
      draw differently; it can accept a wrong entity that shares a surname.
    * Both arguments must match and the labels be equal.

Counting
    * Predictions are de-duplicated per sentence on their normalised texts and label.
    * Gold relations of a sentence whose normalised texts and label are equal (the same fact annotated on
      two mentions of an entity, 12 cases in the development split) are one gold fact: text-only
      predictions cannot tell the mentions apart.
    * Per sentence, predictions and gold facts are paired one-to-one so that as many facts as possible are
      found (maximum bipartite matching). A paired prediction is a true positive; an unpaired gold fact a
      miss (false negative); a prediction matching no gold fact a false positive. A prediction that
      matches only facts already paired with another prediction (``Grey`` next to ``Alan Grey``)
      is a redundant variant: counted once, that is neither true nor false positive.
    * Predictions for sentence ids absent from the gold file are counted and ignored.

>>> gold = [GoldSentence("s1", "Alan Grey , who shot President Lane , fled .",
...                      (GoldRelation("Alan Grey", "Kill", "President Lane"),))]
>>> report = score(gold, {"s1": [("Grey", "Kill", "Lane")]})
>>> (report.precision, report.recall, report.f1)
(1.0, 1.0, 1.0)
>>> score(gold, {"s1": [("Grey", "Kill", "Lane")]}, strict=True).recall
0.0
>>> gold = [GoldSentence("s2", "Alan Grey shot Ben Lane .",
...                      (GoldRelation("Alan Grey", "Kill", "Ben Lane", "Peop", "Peop"),))]
>>> score(gold, {"s2": [("Alan Grey", "Kill", "Ben Lane", "Peop", "Org")]}, strict=True).recall
0.0
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.jsonlines import read_json_lines

__all__ = [
    "RELATIONS",
    "Conll04Report",
    "GoldRelation",
    "GoldSentence",
    "RelationScore",
    "ScoredTriple",
    "arguments_match",
    "format_report",
    "load_gold",
    "normalise",
    "score",
]

RELATIONS = ("Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For")


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One annotated relation; spans are token offsets [start, end) into the sentence's tokens."""

    head: str
    relation: str
    tail: str
    head_type: str = ""
    tail_type: str = ""
    head_span: tuple[int, int] = (0, 0)
    tail_span: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A benchmark sentence and its annotated relations."""

    id: str
    text: str
    relations: tuple[GoldRelation, ...]
    tokens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoredTriple:
    """A miss or a false positive, with its sentence, for printing."""

    sentence_id: str
    text: str
    head: str
    relation: str
    tail: str

    def __str__(self) -> str:
        return f"{self.head} | {self.relation} | {self.tail}"


@dataclass(frozen=True, slots=True)
class RelationScore:
    """Counts and figures for one label (or for all of them: ``label == "micro"``)."""

    label: str
    gold: int  # gold facts
    predicted: int  # true + false positives
    correct: int  # true positives

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Conll04Report:
    """Micro and per-relation figures, plus the misses and false positives behind them."""

    micro: RelationScore
    per_relation: tuple[RelationScore, ...]  # in RELATIONS order
    strict: bool
    sentences: int
    gold_relations: int  # as annotated
    gold_facts: int  # after merging textually identical relations of a sentence
    redundant: int  # lenient variants of a fact another prediction already found
    ignored: int  # predictions for sentence ids not in the gold file
    misses: tuple[ScoredTriple, ...]
    false_positives: tuple[ScoredTriple, ...]

    @property
    def precision(self) -> float:
        return self.micro.precision

    @property
    def recall(self) -> float:
        return self.micro.recall

    @property
    def f1(self) -> float:
        return self.micro.f1


# --- reading -------------------------------------------------------------------------------------------


def _span(value: object, where: str) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(item, int) for item in value)):
        raise InputError(where, "a span must be [start, end]")
    return value[0], value[1]


def _gold_relation(raw: object, where: str) -> GoldRelation:
    if not isinstance(raw, dict):
        raise InputError(where, "each gold relation must be a JSON object")
    head, relation, tail = raw.get("head"), raw.get("relation"), raw.get("tail")
    if not (isinstance(head, str) and isinstance(relation, str) and isinstance(tail, str)):
        raise InputError(where, 'a gold relation needs "head", "relation" and "tail" strings')
    if relation not in RELATIONS:
        raise InputError(where, f"unknown relation {relation!r}")
    return GoldRelation(
        head=head,
        relation=relation,
        tail=tail,
        head_type=str(raw.get("head_type", "")),
        tail_type=str(raw.get("tail_type", "")),
        head_span=_span(raw.get("head_span", [0, 0]), where),
        tail_span=_span(raw.get("tail_span", [0, 0]), where),
    )


def _gold_sentence(row: object, where: str) -> GoldSentence:
    if not isinstance(row, dict):
        raise InputError(where, "a line must be a JSON object")
    ident, text, gold, tokens = row.get("id"), row.get("text"), row.get("gold"), row.get("tokens", [])
    if not isinstance(ident, str) or not isinstance(text, str):
        raise InputError(where, 'a line needs "id" and "text" strings')
    if not isinstance(gold, list):
        raise InputError(where, 'a line needs a "gold" list')
    if not isinstance(tokens, list) or not all(isinstance(token, str) for token in tokens):
        raise InputError(where, '"tokens" must be a list of strings')
    relations = tuple(_gold_relation(raw, where) for raw in gold)
    return GoldSentence(id=ident, text=text, relations=relations, tokens=tuple(tokens))


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Read the CoNLL04 JSONL (``id``, ``text``, ``tokens``, ``entities``, ``gold``); entities are unused."""
    sentences = []
    for where, row in read_json_lines(path):
        sentences.append(_gold_sentence(row, where))
    return sentences


# --- matching ------------------------------------------------------------------------------------------


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _strip_punctuation(word: str) -> str:
    start, end = 0, len(word)
    while start < end and _is_punctuation(word[start]):
        start += 1
    while end > start and _is_punctuation(word[end - 1]):
        end -= 1
    return word[start:end]


def normalise(text: str) -> tuple[str, ...]:
    """The words an argument is compared on.

    >>> normalise("  The  Ford Motor Co. , ")
    ('ford', 'motor', 'co')
    """
    words = [stripped for word in text.casefold().split() if (stripped := _strip_punctuation(word))]
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    width = len(shorter)
    return any(tuple(longer[i : i + width]) == tuple(shorter) for i in range(len(longer) - width + 1))


def arguments_match(predicted: str, gold: str, strict: bool = False) -> bool:
    """Whether a predicted argument text names the gold mention (see the module docstring).

    >>> arguments_match("Lane", "President Lane"), arguments_match("Ford", "Ford Motor Co.")
    (True, False)
    """
    return _words_match(normalise(predicted), normalise(gold), strict)


def _words_match(predicted: tuple[str, ...], gold: tuple[str, ...], strict: bool) -> bool:
    if not predicted or not gold:
        return False
    if predicted == gold:
        return True
    if strict or predicted[-1] != gold[-1]:
        return False
    return _contains(gold, predicted) if len(predicted) < len(gold) else _contains(predicted, gold)


Key = tuple[tuple[str, ...], str, tuple[str, ...], str, str]
# (head, relation, tail) or (head, relation, tail, head type, tail type)
Prediction = tuple[str, ...]


def _key(head: str, relation: str, tail: str, head_type: str = "", tail_type: str = "") -> Key:
    return normalise(head), relation, normalise(tail), head_type, tail_type


def _unique(items: Iterable[tuple[Key, ScoredTriple]]) -> list[tuple[Key, ScoredTriple]]:
    """First occurrence of each key, in order."""
    seen: dict[Key, ScoredTriple] = {}
    for key, triple in items:
        seen.setdefault(key, triple)
    return list(seen.items())


def _types_match(predicted: Key, gold: Key) -> bool:
    """Types are compared only when both sides have them (text-only predictions keep the text match)."""
    return all(not p or not g or p == g for p, g in zip(predicted[3:], gold[3:], strict=True))


def _pairs_with(predicted: Key, gold: Key, strict: bool) -> bool:
    return (
        predicted[1] == gold[1]
        and _words_match(predicted[0], gold[0], strict)
        and _words_match(predicted[2], gold[2], strict)
        and (not strict or _types_match(predicted, gold))
    )


def _max_matching(edges: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): prediction index -> gold index."""
    gold_owner: dict[int, int] = {}

    def augment(prediction: int, visited: set[int]) -> bool:
        for gold in edges[prediction]:
            if gold in visited:
                continue
            visited.add(gold)
            if gold not in gold_owner or augment(gold_owner[gold], visited):
                gold_owner[gold] = prediction
                return True
        return False

    for prediction in range(len(edges)):
        augment(prediction, set())
    return {prediction: gold for gold, prediction in gold_owner.items()}


@dataclass(frozen=True, slots=True)
class _SentenceResult:
    true_positives: tuple[ScoredTriple, ...]
    misses: tuple[ScoredTriple, ...]
    false_positives: tuple[ScoredTriple, ...]
    redundant: int
    gold_facts: tuple[ScoredTriple, ...]


def _score_sentence(sentence: GoldSentence, predictions: Iterable[Prediction], strict: bool) -> _SentenceResult:
    # complex: the per-sentence matching of the scorer's docstring, step for step.
    def triple(head: str, relation: str, tail: str, *types: str) -> ScoredTriple:
        return ScoredTriple(sentence.id, sentence.text, head, relation, tail)

    def gold_key(r: GoldRelation) -> Key:
        return _key(r.head, r.relation, r.tail, *((r.head_type, r.tail_type) if strict else ()))

    gold = _unique((gold_key(r), triple(r.head, r.relation, r.tail)) for r in sentence.relations)
    predicted = _unique((_key(*p) if strict else _key(*p[:3]), triple(*p)) for p in predictions)
    edges = [[g for g, (gold_key, _) in enumerate(gold) if _pairs_with(key, gold_key, strict)] for key, _ in predicted]
    paired = _max_matching(edges)
    found = set(paired.values())
    return _SentenceResult(
        true_positives=tuple(predicted[p][1] for p in sorted(paired)),
        misses=tuple(fact for g, (_, fact) in enumerate(gold) if g not in found),
        false_positives=tuple(predicted[p][1] for p, targets in enumerate(edges) if not targets),
        redundant=sum(1 for p, targets in enumerate(edges) if targets and p not in paired),
        gold_facts=tuple(fact for _, fact in gold),
    )


# --- the corpus ----------------------------------------------------------------------------------------


def _check_labels(predictions: Mapping[str, Iterable[Prediction]]) -> dict[str, list[Prediction]]:
    checked: dict[str, list[Prediction]] = {}
    for sentence_id, triples in predictions.items():
        checked[sentence_id] = list(triples)
        for head, relation, tail, *_ in checked[sentence_id]:
            if relation not in RELATIONS:
                raise ValueError(
                    f"{sentence_id}: relation {relation!r} of ({head!r}, {tail!r}) is not one of {RELATIONS}"
                )
    return checked


def _relation_score(label: str, results: Sequence[_SentenceResult]) -> RelationScore:
    def count(triples: Iterable[ScoredTriple]) -> int:
        return sum(1 for t in triples if label == "micro" or t.relation == label)

    correct = sum(count(r.true_positives) for r in results)
    wrong = sum(count(r.false_positives) for r in results)
    return RelationScore(label, sum(count(r.gold_facts) for r in results), correct + wrong, correct)


def score(
    gold: Sequence[GoldSentence],
    predictions: Mapping[str, Iterable[Prediction]],
    strict: bool = False,
) -> Conll04Report:
    """Score ``{sentence id: [(head text, relation, tail text[, head type, tail type]), ...]}``."""
    checked = _check_labels(predictions)
    known = {sentence.id for sentence in gold}
    results = [_score_sentence(sentence, checked.get(sentence.id, []), strict) for sentence in gold]
    return Conll04Report(
        micro=_relation_score("micro", results),
        per_relation=tuple(_relation_score(label, results) for label in RELATIONS),
        strict=strict,
        sentences=len(gold),
        gold_relations=sum(len(sentence.relations) for sentence in gold),
        gold_facts=sum(len(r.gold_facts) for r in results),
        redundant=sum(r.redundant for r in results),
        ignored=sum(len(triples) for sentence_id, triples in checked.items() if sentence_id not in known),
        misses=tuple(miss for r in results for miss in r.misses),
        false_positives=tuple(wrong for r in results for wrong in r.false_positives),
    )


def _row(figures: RelationScore) -> str:
    return (
        f"  {figures.label:<12} {figures.precision:6.3f} {figures.recall:6.3f} {figures.f1:6.3f}"
        f" {figures.gold:6d} {figures.predicted:6d} {figures.correct:6d}"
    )


def format_report(report: Conll04Report, misses: int = 10) -> str:
    """A text table; ``misses`` caps how many misses and how many false positives are listed."""
    mode = "strict: exact text and entity types" if report.strict else "lenient: text containment"
    lines = [
        f"CoNLL04 ({mode}): {report.sentences} sentences, {report.gold_relations} gold relations "
        f"({report.gold_facts} distinct facts)",
        f"  {'relation':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'right':>6}",
        *(_row(figures) for figures in report.per_relation),
        _row(report.micro),
    ]
    if report.redundant or report.ignored:
        lines.append(
            f"  not counted: {report.redundant} redundant variants of found facts, "
            f"{report.ignored} predictions for unknown sentence ids"
        )
    for title, items in (("Misses", report.misses), ("False positives", report.false_positives)):
        if misses > 0 and items:
            lines.append(f"{title} ({len(items)}), first {min(misses, len(items))}:")
            lines.extend(f"  [{item.sentence_id}] {item}  <- {item.text}" for item in items[:misses])
    return "\n".join(lines)
