"""``kg eval``: build the graph of a gold file's text and score it.

Three formats, recognised from the file:

* ``seed``: a ``NAME.gold.jsonl`` of hand-made facts beside ``NAME.txt`` (and ``NAME.negative.jsonl``);
* ``conll04``: CoNLL04 JSONL (``tokens``, ``entities``, ``gold`` relations). Triples are mapped onto the five
  CoNLL04 relations with the ontology's mapping (``kg/eval/mappings/conll04.tsv``) by relation and the
  classes of both ends; each argument is written as the text of its mention in the sentence;
* ``carb``: CaRB JSONL (``gold`` tuples with ``rel``/``args``). ``extractions.jsonl`` rows are scored with
  CaRB's matching (:mod:`kg.eval.carb`).

Every format also reports precision by confidence band, so one can see that higher-confidence facts are
more often right.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.eval.mapping import Conll04Mapping, load_mapping

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.graph import KnowledgeGraph
    from kg.ontology import Ontology

__all__ = ["BANDS", "EvalResult", "conll04_type", "detect_format", "evaluate"]

BANDS = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


Band = tuple[float, float, float, int]  # (low, high, right, total); "right" may be fractional (CaRB)


@dataclass(slots=True)
class EvalResult:
    """Figures on one development file. ``precision``/``recall``/``f1`` are the format's main scorer
    (CoNLL04: lenient); ``figures`` holds every scorer's, by name (CoNLL04: ``lenient`` and ``strict``)."""

    format: str
    text: str  # the printed report
    precision: float
    recall: float
    f1: float
    bands: list[Band] = field(default_factory=list)
    graph: KnowledgeGraph | None = None
    figures: dict[str, tuple[float, float, float]] = field(default_factory=dict)


def detect_format(path: Path) -> str:
    if path.name.endswith(".gold.jsonl"):
        return "seed"
    try:
        with path.open(encoding="utf-8") as handle:
            first = json.loads(handle.readline())
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"cannot read a gold file ({error})") from None
    gold = first.get("gold") or []
    if "tokens" in first and gold and "relation" in gold[0]:
        return "conll04"
    if gold and "rel" in gold[0]:
        return "carb"
    raise InputError(str(path), "unknown gold format (expected *.gold.jsonl, CoNLL04 or CaRB JSONL)")


def _bands(items: Iterable[tuple[float, float]]) -> list[Band]:
    """Per confidence band: how right its items are in sum (1 or 0 each, or a fraction), and how many."""
    rows = []
    items = list(items)
    for low, high in BANDS:
        inside = [float(right) for confidence, right in items if low <= confidence < high]
        rows.append((low, min(high, 1.0), sum(inside), len(inside)))
    return rows


def format_bands(bands: Sequence[Band], what: str) -> str:
    lines = [f"precision by confidence ({what}):", "  confidence     right / total   precision"]
    for low, high, right, total in bands:
        precision = f"{right / total:.2f}" if total else "   -"
        shown = f"{right:.0f}" if right == int(right) else f"{right:.1f}"
        lines.append(f"  [{low:.1f}, {high:.1f})  {shown:>9} / {total:<5}   {precision}")
    return "\n".join(lines)


def evaluate(
    gold: Path,
    *,
    fmt: str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    text: Path | None = None,
    ontology: Sequence[str | Path] = (),
    misses: int = 10,
) -> EvalResult:
    """Build and score; ``text`` overrides the article a seed gold file sits beside."""
    import kg
    from kg.nlp import load_pipeline
    from kg.ontology import load_ontology

    fmt = fmt or detect_format(gold)
    nlp = nlp or load_pipeline(model)
    onto = load_ontology(ontology)
    if fmt == "seed":
        article = text or gold.with_name(gold.name.replace(".gold.jsonl", ".txt"))
        graph = kg.build([article], nlp=nlp, ontology=ontology)
        return _seed(gold, graph)
    graph = kg.build([gold], nlp=nlp, ontology=ontology)
    if fmt == "conll04":
        return _conll04(gold, graph, onto, misses, load_mapping(onto, ontology))
    if fmt == "carb":
        return _carb(gold, graph, misses)
    raise InputError(str(gold), f"unknown format {fmt!r}")


def _seed(gold: Path, graph: KnowledgeGraph) -> EvalResult:
    from kg.eval import seed

    facts = seed.load_facts(gold)
    negative_path = gold.with_name(gold.name.replace(".gold.jsonl", ".negative.jsonl"))
    negative = seed.load_negative(negative_path) if negative_path.exists() else []
    rows = [t.to_dict() for t in graph.triples]
    report = seed.score(rows, facts, negative)
    found = len(report.found)
    # A triple is "right" when it is a gold fact; others are unknown, so precision here is a lower bound.
    right_ids = {r["id"] for r in report.matched.values()}
    bands = _bands((t.confidence, t.id in right_ids) for t in graph.triples)
    text = seed.format_report(report, facts) + "\n" + format_bands(bands, "triples matching a gold fact")
    recall = found / len(facts) if facts else 0.0
    precision = len(right_ids) / len(rows) if rows else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvalResult("seed", text, precision, recall, f1, bands, graph, {"seed": (precision, recall, f1)})


def _mention_text(text: str) -> str:
    from kg.mentions import clean_label

    return clean_label(text)


def conll04_type(onto: Ontology, kg_class: str) -> str:
    """The CoNLL04 entity type of a kg class: Peop, Org, Loc or Other (for the strict scorer)."""
    vocab = onto.vocabulary
    if vocab.is_a(kg_class, "Person"):
        return "Peop"
    if vocab.is_a(kg_class, "Place"):
        return "Loc"
    if any(vocab.is_a(kg_class, c) for c in ("Organization", "Government", "Force", "Group")):
        return "Org"
    return "Other"


Conll04Prediction = tuple[str, str, str, float, str, str]


def conll04_predictions(
    graph: KnowledgeGraph, onto: Ontology, mapping: Conll04Mapping | None = None
) -> dict[str, list[Conll04Prediction]]:
    """Per sentence id: (head text, CoNLL04 label, tail text, confidence, head type, tail type) for every
    mapped triple; the types are CoNLL04's, from kg's own entity classes.

    Two conventions of the benchmark's annotation are followed: a nationality adjective ("Danish") is
    never a CoNLL04 location, so a triple whose end is one is not a CoNLL04 relation; and "City , State"
    is one location, so a place followed by the state it lies in is written as both.
    """
    # complex: the benchmark's two annotation conventions and the mapping, applied to each evidence in turn.
    mapping = mapping or load_mapping(onto)
    texts = {d.id: d.text for d in graph.documents}
    # (document, place text) -> "place , state" as the sentence writes it
    spelled: dict[tuple[str, str], str] = {}
    for t in graph.triples:
        if t.predicate.id != "kg:locatedIn":
            continue
        for e in t.evidence:
            text = texts.get(e.document, "")
            between = text[e.subject_end : e.object_start]
            if e.subject_end <= e.object_start and between.strip() == ",":
                spelled[(e.document, _mention_text(e.subject_text))] = text[e.subject_start : e.object_end]
    predictions: dict[str, list[Conll04Prediction]] = {}
    for t in graph.triples:
        if t.negated:
            continue
        label = mapping.label(t.predicate.id, t.subject.type, t.object.type)
        if label is None:
            continue
        for e in t.evidence:
            # A pronoun or description is scored by the name it stands for.
            head = t.subject.label if e.subject_rule.startswith("coref") else _mention_text(e.subject_text)
            tail = t.object.label if e.object_rule.startswith("coref") else _mention_text(e.object_text)
            if _is_demonym(onto, head) or _is_demonym(onto, tail):
                continue
            if label != "Located_In":
                tail = spelled.get((e.document, tail), tail)
            types = conll04_type(onto, t.subject.type), conll04_type(onto, t.object.type)
            predictions.setdefault(e.document, []).append((head, label, tail, e.confidence, *types))
    return predictions


def _is_demonym(onto: Ontology, text: str) -> bool:
    name = onto.gazetteer.lookup(text)
    return name is not None and name.rule == "demonym"


def _conll04(
    gold_path: Path, graph: KnowledgeGraph, onto: Ontology, misses: int, mapping: Conll04Mapping
) -> EvalResult:
    from kg.eval import conll04

    gold = conll04.load_gold(gold_path)
    predictions = conll04_predictions(graph, onto, mapping)
    report = conll04.score(gold, {k: [(h, r, t) for h, r, t, *_ in v] for k, v in predictions.items()})
    strict = conll04.score(
        gold, {k: [(h, r, t, ht, tt) for h, r, t, _, ht, tt in v] for k, v in predictions.items()}, strict=True
    )
    wrong = {(fp.sentence_id, fp.head, fp.relation, fp.tail) for fp in report.false_positives}
    scored = []
    for sentence, rows in predictions.items():
        for head, label, tail, confidence, *_ in rows:
            scored.append((confidence, float((sentence, head, label, tail) not in wrong)))
    bands = _bands(scored)
    text = "\n".join(
        (
            conll04.format_report(report, misses=misses),
            format_bands(bands, "mapped CoNLL04 predictions, lenient"),
            conll04.format_report(strict, misses=0),
        )
    )
    figures = {
        "lenient": (report.precision, report.recall, report.f1),
        "strict": (strict.precision, strict.recall, strict.f1),
    }
    return EvalResult("conll04", text, report.precision, report.recall, report.f1, bands, graph, figures)


def _words(row: dict[str, Any]) -> set[str]:
    return set(f"{row['arg1']} {row['rel']} {row['arg2'] or ''}".lower().split())


def open_ie_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The extractions as Open IE output: a role read off a clause ("X was hired as head of Y" gives
    "X | as head of | Y" beside the clause's own tuple) restates that tuple, and an Open IE system says
    each statement once. The graph keeps both: the role is what gives the typed fact.

    >>> clause = {"sentence": "s", "extractor": "kg.svo.v1", "arg1": "X", "rel": "was named as", "arg2": "chair of Y"}
    >>> role = {"sentence": "s", "extractor": "kg.role.v1", "arg1": "X", "rel": "as chair of", "arg2": "Y"}
    >>> [r["extractor"] for r in open_ie_rows([clause, role])]
    ['kg.svo.v1']
    """
    clauses: dict[tuple[str, str], list[set[str]]] = {}
    for row in rows:
        if row["extractor"] != "kg.role.v1":
            clauses.setdefault((row["sentence"], row["arg1"]), []).append(_words(row))
    return [
        row
        for row in rows
        if row["extractor"] != "kg.role.v1"
        or not any(_words(row) <= words for words in clauses.get((row["sentence"], row["arg1"]), ()))
    ]


def _carb(gold_path: Path, graph: KnowledgeGraph, misses: int) -> EvalResult:
    from kg.eval import carb

    gold = carb.load_gold(gold_path)
    rows = open_ie_rows([e.to_dict() for e in graph.extractions])
    report = carb.score(gold, rows)
    # A prediction's "rightness" is CaRB's precision against its best-matching gold tuple.
    bands = _bands((confidence, float(precision)) for confidence, precision in carb.best_precisions(gold, rows))
    text = carb.format_report(report, misses=misses) + "\n" + format_bands(bands, "extractions, CaRB precision")
    figures = {"carb": (float(report.precision), float(report.recall), float(report.f1))}
    return EvalResult(
        "carb", text, float(report.precision), float(report.recall), float(report.f1), bands, graph, figures
    )
