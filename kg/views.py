"""Filtered views of a knowledge graph: the part of it a person wants to look at.

:func:`select` is pure: it takes a :class:`~kg.graph.KnowledgeGraph` and returns a :class:`View` holding a
smaller graph and notes that say, in words, what each filter kept and what it left out (``kg view`` prints
them and the HTML page shows them). Fact filters run first (relation, confidence, date), then the
neighbourhood of ``entity``, then ``top``, so ``--entity X --relation supports`` is X's neighbourhood in the
"supports" graph.

>>> from kg.model import Entity, Relation, Triple
>>> a, b, c = Entity("a", "Alice", "Person"), Entity("b", "Bob", "Person"), Entity("c", "Carol", "Person")
>>> graph = KnowledgeGraph(triples=(
...     Triple("t1", a, Relation("kg:meets", "meets"), b, 0.9),
...     Triple("t2", b, Relation("kg:supports", "supports"), c, 0.4),
... ))
>>> view = select(graph, min_confidence=0.5)
>>> [t.id for t in view.graph.triples], [e.id for e in view.graph.entities]
(['t1'], ['a', 'b'])
>>> view.notes[0]
'confidence ≥ 0.5: 1 of 2 facts'
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Entity, Triple

__all__ = ["View", "find_entities", "parse_date", "relation_names", "select"]


@dataclass(frozen=True, slots=True)
class View:
    """The selected graph, what the filters said about it, and the entities asked for by name."""

    graph: KnowledgeGraph
    notes: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()  # entity ids named with ``entity``
    left_out_entities: int = 0  # by ``top``
    left_out_triples: int = 0  # by ``top``


def select(
    graph: KnowledgeGraph,
    *,
    entity: str | Sequence[str] = (),
    depth: int = 1,
    relation: str | Sequence[str] = (),
    min_confidence: float | None = None,
    since: str | date | None = None,
    top: int | None = None,
) -> View:
    """Keep the facts and entities the filters ask for (see the module docstring for the order).

    ``entity``: names (id, label or alias, case-insensitive); keeps them and everything within ``depth``
    facts of them. ``relation``: CURIEs, local names, labels or, for ``kg:relatedTo``, surface verbs.
    ``since``: an ISO date (``2024``, ``2024-03``, ``2024-03-05``); keeps facts with evidence from
    documents published on or after it, and only that evidence. ``top``: the N entities with the most facts.
    Unknown names raise :class:`~kg.errors.InputError` with close matches.
    """
    names = (entity,) if isinstance(entity, str) else tuple(entity)
    relations = (relation,) if isinstance(relation, str) else tuple(relation)
    notes: list[str] = []
    triples = list(graph.triples)
    total = len(triples)
    filtered = False

    if relations:
        wanted = _relation_keys(graph.triples, relations)
        triples = [t for t in triples if _relation_key(t) & wanted]
        notes.append(f"relation {', '.join(relations)}: {_count(len(triples), total, 'fact')}")
        filtered = True
    if min_confidence is not None:
        if not 0.0 <= min_confidence <= 1.0:
            raise InputError("--min-confidence", f"{min_confidence} is not between 0 and 1")
        before = len(triples)
        triples = [t for t in triples if t.confidence >= min_confidence]
        notes.append(f"confidence ≥ {min_confidence:g}: {_count(len(triples), before, 'fact')}")
        filtered = True
    if since is not None:
        triples, note = _since(graph, triples, since)
        notes.append(note)
        filtered = True

    focus: tuple[str, ...] = ()
    if names:
        matched = [e for name in names for e in find_entities(graph, name)]
        focus = tuple(dict.fromkeys(e.id for e in matched))
        keep = _neighbourhood(triples, set(focus), depth)
        triples = [t for t in triples if t.subject.id in keep and t.object.id in keep]
        labels = ", ".join(dict.fromkeys(e.label for e in matched))
        steps = "1 step" if depth == 1 else f"{depth} steps"
        notes.append(f"neighbourhood of {labels} ({steps}): {len(keep)} entities, {len(triples)} facts")
        filtered = True

    by_id = {e.id: e for e in graph.entities}
    for t in triples:
        by_id.setdefault(t.subject.id, t.subject)
        by_id.setdefault(t.object.id, t.object)
    if filtered:
        ids = {t.subject.id for t in triples} | {t.object.id for t in triples} | set(focus)
        entities = [e for e in by_id.values() if e.id in ids]
    else:
        entities = list(by_id.values())

    left_out_entities = left_out_triples = 0
    if top is not None:
        if top < 1:
            raise InputError("--top", f"{top} is not a positive number of entities")
        degree = Counter(x for t in triples for x in (t.subject.id, t.object.id))
        evidence = Counter(x for t in triples for x in (t.subject.id, t.object.id) for _ in t.evidence)
        ranked = sorted(entities, key=lambda e: (e.id not in focus, -degree[e.id], -evidence[e.id], e.label, e.id))
        kept = {e.id for e in ranked[:top]}
        before_entities, before_triples = len(entities), len(triples)
        entities = [e for e in entities if e.id in kept]
        triples = [t for t in triples if t.subject.id in kept and t.object.id in kept]
        left_out_entities = before_entities - len(entities)
        left_out_triples = before_triples - len(triples)
        if left_out_entities:
            cutoff = max((degree[e.id] for e in ranked[top:]), default=0)
            notes.append(
                f"top {top:,} most connected of {before_entities:,} entities: left out {left_out_entities:,} "
                f"entities (≤ {cutoff:,} facts each) and {left_out_triples:,} of {before_triples:,} facts"
            )

    used_documents = {ev.document for t in triples for ev in t.evidence}
    documents = tuple(d for d in graph.documents if d.id in used_documents) if filtered or top else graph.documents
    return View(
        graph=KnowledgeGraph(
            triples=tuple(triples),
            entities=tuple(sorted(entities, key=lambda e: e.id)),
            documents=documents,
        ),
        notes=tuple(notes),
        focus=focus,
        left_out_entities=left_out_entities,
        left_out_triples=left_out_triples,
    )


def _count(kept: int, total: int, noun: str) -> str:
    return f"{kept:,} of {total:,} {noun}s"


# -- entities ------------------------------------------------------------------------------------------


def find_entities(graph: KnowledgeGraph, name: str) -> list[Entity]:
    """Entities whose id, label or an alias is ``name`` (case-insensitive); InputError with suggestions if none.

    Labels are not unique ("Georgia" the country and the US state), so all matches are returned.
    """
    folded = name.strip().casefold()
    found = [
        e
        for e in graph.entities
        if folded in (e.id.casefold(), e.label.casefold()) or any(a.casefold() == folded for a in e.aliases)
    ]
    if found:
        return found
    raise InputError("--entity", f"no entity named {name!r} in this graph{_suggest(name, _entity_names(graph))}")


def _entity_names(graph: KnowledgeGraph) -> list[str]:
    names = [e.label for e in graph.entities] + [a for e in graph.entities for a in e.aliases]
    return list(dict.fromkeys(names))


def _suggest(name: str, candidates: Sequence[str]) -> str:
    folded = name.strip().casefold()
    contains = [c for c in candidates if folded and (folded in c.casefold() or c.casefold() in folded)]
    by_fold = {c.casefold(): c for c in candidates}
    close = [by_fold[c] for c in difflib.get_close_matches(folded, list(by_fold), n=5, cutoff=0.6)]
    picks = list(dict.fromkeys(sorted(contains, key=len)[:5] + close))[:5]
    if not picks:
        return ""
    return " (did you mean " + ", ".join(repr(p) for p in picks) + "?)"


def _neighbourhood(triples: Iterable[Triple], start: set[str], depth: int) -> set[str]:
    if depth < 0:
        raise InputError("--depth", f"{depth} is negative")
    links: dict[str, set[str]] = {}
    for t in triples:
        links.setdefault(t.subject.id, set()).add(t.object.id)
        links.setdefault(t.object.id, set()).add(t.subject.id)
    seen, frontier = set(start), set(start)
    for _ in range(depth):
        frontier = {n for f in frontier for n in links.get(f, ())} - seen
        seen |= frontier
    return seen


# -- relations -----------------------------------------------------------------------------------------


def _key(text: str) -> str:
    # "kg:presidentOf", "presidentOf", "president of" and "President-Of" all say the same thing.
    return re.sub(r"[^0-9a-z]", "", text.casefold().removeprefix("kg:"))


def _relation_key(t: Triple) -> set[str]:
    p = t.predicate
    keys = {_key(p.id), _key(p.id.rpartition(":")[2]), _key(p.label)}
    if p.surface:
        keys.add(_key(p.surface))
    return keys


def relation_names(graph: KnowledgeGraph) -> list[str]:
    """The relations present, as a reader would name them (labels, and surface verbs of kg:relatedTo)."""
    names = Counter(t.predicate.surface or t.predicate.label for t in graph.triples)
    return [name for name, _ in names.most_common()]


def _relation_keys(triples: Sequence[Triple], relations: Sequence[str]) -> set[str]:
    present = set().union(*(_relation_key(t) for t in triples)) if triples else set()
    wanted = {_key(r) for r in relations}
    for r in relations:
        if _key(r) not in present:
            graph = KnowledgeGraph(triples=tuple(triples))
            raise InputError(
                "--relation", f"no fact in this graph has relation {r!r}{_suggest(r, relation_names(graph))}"
            )
    return wanted


# -- dates ---------------------------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_date(text: str) -> date | None:
    """The date an ISO string starts with (``2024``, ``2024-03``, ``2024-03-05T10:00Z``...), or None.

    A year or month alone stands for its first day.
    """
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def _since(graph: KnowledgeGraph, triples: list[Triple], since: str | date) -> tuple[list[Triple], str]:
    start = since if isinstance(since, date) else parse_date(since)
    if start is None:
        raise InputError("--since", f"{since!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    published = {d.id: parse_date(d.published) if d.published else None for d in graph.documents}
    undated = {doc for doc, day in published.items() if day is None}
    kept: list[Triple] = []
    hidden = 0
    for t in triples:
        evidence = tuple(ev for ev in t.evidence if (day := published.get(ev.document)) is not None and day >= start)
        hidden += len(t.evidence) - len(evidence)
        if evidence:
            kept.append(t if len(evidence) == len(t.evidence) else dataclasses.replace(t, evidence=evidence))
    note = f"evidence published on or after {start.isoformat()}: {_count(len(kept), len(triples), 'fact')}"
    if hidden:
        note += f"; {hidden:,} older or undated evidence sentence(s) hidden"
    if undated:
        note += f" ({len(undated):,} document(s) have no publication date)"
    return kept, note
