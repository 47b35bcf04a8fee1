"""Scoring against hand-made facts of one article (the ``*.gold.jsonl`` / ``*.negative.jsonl`` format).

Matching, as the reference ``score_seed.py`` documents it: an entity matches when its label or an alias,
folded (lower case, punctuation removed except hyphens, no leading "the"), equals a gold name; a relation
matches when a gold stem occurs in its folded label (camelCase split); symmetric facts match either way.
Negative rules: no triple from the page furniture (evidence markers), no bare pronoun as an entity, no
gold fact stated backwards.

>>> triples = [{"subject": {"label": "Russia"}, "predicate": {"label": "supports"},
...             "object": {"label": "Bashar al-Assad", "aliases": ["Assad"]}, "evidence": []}]
>>> gold = [Fact("f1", "core", ("Russia",), ("support",), ("Assad",), False)]
>>> report = score(triples, gold, [])
>>> report.found, report.missed
(['f1'], [])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.jsonlines import read_json_lines

__all__ = ["Fact", "SeedReport", "format_report", "load_facts", "load_negative", "score"]


def fold(text: str) -> str:
    text = str(text).lower().replace("\u2019", "'")
    text = re.sub(r"[^\w\s-]", "", text)
    text = re.sub(r"[\s_]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def fold_relation(text: str) -> str:
    return fold(re.sub(r"([a-z])([A-Z])", r"\1 \2", str(text)))


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    tier: str
    subject: tuple[str, ...]
    relation: tuple[str, ...]
    object: tuple[str, ...]
    symmetric: bool


@dataclass(slots=True)
class SeedReport:
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    tiers: dict[str, tuple[int, int]] = field(default_factory=dict)  # tier -> (hits, total)
    violations: list[tuple[str, str, str, str]] = field(default_factory=list)
    matched: dict[str, dict[str, Any]] = field(default_factory=dict)  # fact id -> triple row

    def recall(self, tier: str) -> float:
        hits, total = self.tiers.get(tier, (0, 0))
        return hits / total if total else 0.0


def _rows(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in read_json_lines(path)]


def load_facts(path: str | Path) -> list[Fact]:
    return [
        Fact(
            r["id"],
            r.get("tier", "core"),
            tuple(r["subject"]),
            tuple(r["relation"]),
            tuple(r["object"]),
            bool(r.get("symmetric")),
        )
        for r in _rows(Path(path))
    ]


def load_negative(path: str | Path) -> list[dict[str, Any]]:
    return _rows(Path(path))


def _names(side: Any) -> set[str]:
    if isinstance(side, Mapping):
        return {fold(side.get("label", ""))} | {fold(a) for a in side.get("aliases", ())}
    return {fold(side)}


def _label(side: Any) -> str:
    return str(side.get("label", "")) if isinstance(side, Mapping) else str(side)


def _relation(row: Mapping[str, Any]) -> str:
    relation = row.get("predicate", row.get("relation", ""))
    if isinstance(relation, Mapping):
        relation = relation.get("label", relation.get("id", ""))
    return fold_relation(relation)


def _matches(row: Mapping[str, Any], subject: Iterable[str], stems: Iterable[str], obj: Iterable[str]) -> bool:
    s, o = {fold(n) for n in subject}, {fold(n) for n in obj}
    rel = _relation(row)
    return (
        bool(_names(row.get("subject")) & s)
        and bool(_names(row.get("object")) & o)
        and any(stem in rel for stem in stems)
    )


def score(
    triples: Sequence[Mapping[str, Any]], facts: Sequence[Fact], negative: Sequence[Mapping[str, Any]]
) -> SeedReport:
    # complex: score_seed.py's matching rules, mirrored one for one so both scorers agree.
    report = SeedReport()
    for fact in facts:
        hit = next(
            (
                t
                for t in triples
                if _matches(t, fact.subject, fact.relation, fact.object)
                or (fact.symmetric and _matches(t, fact.object, fact.relation, fact.subject))
            ),
            None,
        )
        (report.found if hit else report.missed).append(fact.id)
        hits, total = report.tiers.get(fact.tier, (0, 0))
        report.tiers[fact.tier] = (hits + (hit is not None), total + 1)
        if hit is not None:
            report.matched[fact.id] = dict(hit)
    for rule in negative:
        for t in triples:
            sentences = [e.get("sentence", "") if isinstance(e, Mapping) else str(e) for e in t.get("evidence", ())]
            kind = rule.get("kind")
            bad = False
            if kind == "boilerplate":
                bad = any(m.lower() in s.lower() for s in sentences for m in rule.get("evidence_markers", ()))
            elif kind == "pronoun":
                bad = bool(
                    {fold(_label(t.get("subject"))), fold(_label(t.get("object")))} & set(rule.get("labels", ()))
                )
            elif kind == "reversed":
                bad = any(_matches(t, p["subject"], p["relation"], p["object"]) for p in rule.get("pairs", ()))
            if bad:
                report.violations.append(
                    (str(rule.get("id")), _label(t.get("subject")), _relation(t), _label(t.get("object")))
                )
    return report


def format_report(report: SeedReport, facts: Sequence[Fact]) -> str:
    lines = []
    for fact in facts:
        mark = "found " if fact.id in report.found else "MISSED"
        lines.append(f"  {mark} {fact.id} [{fact.tier}] {fact.subject[0]} -{fact.relation[0]}-> {fact.object[0]}")
    lines.extend(f"  VIOLATION {v[0]}: {v[1]} -{v[2]}-> {v[3]}" for v in report.violations)
    summary = ", ".join(f"{tier} {hits}/{total}" for tier, (hits, total) in sorted(report.tiers.items()))
    hits = sum(h for h, _ in report.tiers.values())
    total = sum(t for _, t in report.tiers.values())
    lines.append(f"{summary}; all {hits}/{total}; violations {len(report.violations)}")
    return "\n".join(lines)
