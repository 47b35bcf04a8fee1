"""Filtered views of a knowledge graph: the part of it a person wants to look at.

:func:`select` is pure: it takes a :class:`~kg.graph.KnowledgeGraph` and returns a :class:`View` holding a
smaller graph and notes that say, in words, what each filter kept and what it left out (``kg view`` prints
them and the HTML page shows them). Fact filters run first (relation, confidence, sources, outlet, dates),
then the neighbourhood of ``entity``, then ``top``, so ``--entity X --relation supports`` is X's
neighbourhood in the "supports" graph.

Dates are the ones the evidence gives: the event date a sentence states where the pipeline resolved one,
else the publication date of its article (:func:`evidence_dates`). The HTML view's time slider uses the same
rule.

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

import calendar
import dataclasses
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Entity, Evidence, Triple

__all__ = [
    "View",
    "entity_sources",
    "evidence_dates",
    "fact_sources",
    "find_entities",
    "parse_date",
    "parse_period",
    "relation_names",
    "select",
]

DateLike = str | date


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
    min_sources: int | None = None,
    outlet: str | Sequence[str] = (),
    since: DateLike | None = None,
    until: DateLike | None = None,
    top: int | None = None,
    top_by: str = "facts",
) -> View:
    """Keep the facts and entities the filters ask for (see the module docstring for the order).

    ``entity``: names (id, label or alias, case-insensitive); keeps them and everything within ``depth``
    facts of them. ``relation``: CURIEs, local names, labels or, for ``kg:relatedTo``, surface verbs.
    ``min_sources``: facts with at least this many independent sources (:func:`fact_sources`).
    ``outlet``: facts with evidence from articles of these outlets (``Document.source``, any case).
    ``since``/``until``: ISO dates (``2024``, ``2024-03``, ``2024-03-05``; ``until`` a year or month runs to
    its end); keeps evidence dated inside the window (:func:`evidence_dates`) and the facts that have some.
    ``top``: the N entities with the most facts (``top_by="facts"``) or sources (``"sources"``).
    Unknown names raise :class:`~kg.errors.InputError` with close matches.
    """
    names = (entity,) if isinstance(entity, str) else tuple(entity)
    notes: list[str] = []
    triples = _filter_facts(
        graph,
        notes,
        relations=(relation,) if isinstance(relation, str) else tuple(relation),
        min_confidence=min_confidence,
        min_sources=min_sources,
        outlets=(outlet,) if isinstance(outlet, str) else tuple(outlet),
        since=since,
        until=until,
    )
    focus: tuple[str, ...] = ()
    if names:
        focus, triples = _around(graph, triples, names, depth, notes)
    filtered = bool(notes)
    entities = _entities_of(graph, triples, focus, keep_all=not filtered)
    before = len(entities), len(triples)
    if top is not None:
        entities, triples = _top(entities, triples, focus, top, top_by, notes)
    documents = graph.documents
    if filtered or top is not None:
        used = {ev.document for t in triples for ev in t.evidence}
        documents = tuple(d for d in graph.documents if d.id in used)
    selected = KnowledgeGraph(tuple(triples), tuple(sorted(entities, key=lambda e: e.id)), documents)
    return View(selected, tuple(notes), focus, before[0] - len(entities), before[1] - len(triples))


# -- the steps of select ---------------------------------------------------------------------------------


def _filter_facts(
    graph: KnowledgeGraph,
    notes: list[str],
    *,
    relations: Sequence[str],
    min_confidence: float | None,
    min_sources: int | None,
    outlets: Sequence[str],
    since: DateLike | None,
    until: DateLike | None,
) -> list[Triple]:
    """The fact filters in order; each one that is asked for adds a note saying what it kept."""
    triples = list(graph.triples)
    if relations:
        triples = _by_relation(triples, relations, notes)
    if min_confidence is not None:
        triples = _by_confidence(triples, min_confidence, notes)
    if min_sources is not None:
        triples = _by_sources(triples, min_sources, notes)
    if outlets:
        triples = _by_outlet(graph, triples, outlets, notes)
    if since is not None or until is not None:
        triples = _by_dates(graph, triples, since, until, notes)
    return triples


def _by_relation(triples: list[Triple], relations: Sequence[str], notes: list[str]) -> list[Triple]:
    wanted = _relation_keys(triples, relations)
    kept = [t for t in triples if _relation_key(t) & wanted]
    notes.append(f"relation {', '.join(relations)}: {_count(len(kept), len(triples), 'fact')}")
    return kept


def _by_confidence(triples: list[Triple], minimum: float, notes: list[str]) -> list[Triple]:
    if not 0.0 <= minimum <= 1.0:
        raise InputError("--min-confidence", f"{minimum} is not between 0 and 1")
    kept = [t for t in triples if t.confidence >= minimum]
    notes.append(f"confidence ≥ {minimum:g}: {_count(len(kept), len(triples), 'fact')}")
    return kept


def _by_sources(triples: list[Triple], minimum: int, notes: list[str]) -> list[Triple]:
    if minimum < 1:
        raise InputError("--min-sources", f"{minimum} is not a positive number of sources")
    kept = [t for t in triples if fact_sources(t) >= minimum]
    noun = "source" if minimum == 1 else "sources"
    notes.append(f"at least {minimum:,} independent {noun}: {_count(len(kept), len(triples), 'fact')}")
    return kept


def _by_outlet(graph: KnowledgeGraph, triples: list[Triple], outlets: Sequence[str], notes: list[str]) -> list[Triple]:
    present = {d.source.casefold(): d.source for d in graph.documents if d.source}
    for name in outlets:
        if name.strip().casefold() not in present:
            known = sorted(present.values())
            hint = _suggest(name, known) if known else " (no article names its outlet)"
            raise InputError("--outlet", f"no article in this graph is from {name!r}{hint}")
    wanted = {name.strip().casefold() for name in outlets}
    of_document = {d.id for d in graph.documents if d.source and d.source.casefold() in wanted}
    kept = [t for t in triples if any(ev.document in of_document for ev in t.evidence)]
    names = ", ".join(present[w] for w in dict.fromkeys(wanted))
    notes.append(f"reported by {names}: {_count(len(kept), len(triples), 'fact')}")
    return kept


def _around(
    graph: KnowledgeGraph, triples: list[Triple], names: Sequence[str], depth: int, notes: list[str]
) -> tuple[tuple[str, ...], list[Triple]]:
    """The entities asked for by name and the facts among everything within ``depth`` steps of them."""
    matched = [e for name in names for e in find_entities(graph, name)]
    focus = tuple(dict.fromkeys(e.id for e in matched))
    keep = _neighbourhood(triples, set(focus), depth)
    kept = [t for t in triples if t.subject.id in keep and t.object.id in keep]
    labels = ", ".join(dict.fromkeys(e.label for e in matched))
    steps = "1 step" if depth == 1 else f"{depth} steps"
    notes.append(f"neighbourhood of {labels} ({steps}): {len(keep)} entities, {len(kept)} facts")
    return focus, kept


def _entities_of(
    graph: KnowledgeGraph, triples: Sequence[Triple], focus: Sequence[str], *, keep_all: bool
) -> list[Entity]:
    """Every entity of the graph when nothing was filtered (those without facts too), else those of the facts."""
    by_id = {e.id: e for e in graph.entities}
    for t in triples:
        by_id.setdefault(t.subject.id, t.subject)
        by_id.setdefault(t.object.id, t.object)
    if keep_all:
        return list(by_id.values())
    ids = {t.subject.id for t in triples} | {t.object.id for t in triples} | set(focus)
    return [e for e in by_id.values() if e.id in ids]


def _top(
    entities: list[Entity],
    triples: list[Triple],
    focus: Sequence[str],
    top: int,
    top_by: str,
    notes: list[str],
) -> tuple[list[Entity], list[Triple]]:
    """The ``top`` entities (those asked for first) and the facts among them; notes what was left out."""
    # complex: the top-N selection ranks by facts or sources and keeps named entities: one ordering.
    if top < 1:
        raise InputError("--top", f"{top} is not a positive number of entities")
    if top_by not in ("facts", "sources"):
        raise InputError("--top-by", f"{top_by!r} is not 'facts' or 'sources'")
    degree = Counter(x for t in triples for x in (t.subject.id, t.object.id))
    evidence = Counter(x for t in triples for x in (t.subject.id, t.object.id) for _ in t.evidence)
    primary = degree if top_by == "facts" else entity_sources(triples)
    secondary = entity_sources(triples) if top_by == "facts" else degree
    ranked = sorted(
        entities,
        key=lambda e: (e.id not in focus, -primary[e.id], -secondary[e.id], -evidence[e.id], e.label, e.id),
    )
    kept_ids = {e.id for e in ranked[:top]}
    kept_entities = [e for e in entities if e.id in kept_ids]
    kept_triples = [t for t in triples if t.subject.id in kept_ids and t.object.id in kept_ids]
    left_out = len(entities) - len(kept_entities)
    if left_out:
        cutoff = max((primary[e.id] for e in ranked[top:]), default=0)
        how = "most connected" if top_by == "facts" else "most reported (by independent sources)"
        unit = "facts" if top_by == "facts" else "sources"
        notes.append(
            f"top {top:,} {how} of {len(entities):,} entities: left out {left_out:,} "
            f"entities (≤ {cutoff:,} {unit} each) and {len(triples) - len(kept_triples):,} of {len(triples):,} facts"
        )
    return kept_entities, kept_triples


# -- sources ---------------------------------------------------------------------------------------------


def fact_sources(t: Triple) -> int:
    """The independent sources behind a fact: ``Triple.sources`` where known, else its number of documents.

    >>> from kg.model import Entity, Relation
    >>> a = Entity("a", "A", "Person")
    >>> fact_sources(Triple("t", a, Relation("kg:meets", "meets"), a, 0.5, sources=2))
    2
    """
    return t.sources or len(t.documents)


def entity_sources(triples: Iterable[Triple]) -> Counter[str]:
    """For each entity, about how many independent sources report a fact about it.

    Facts count their sources, not which copies of a story belong together, so an entity's sources are
    estimated from its documents: each document counts as ``sources / documents`` of the fact it supports
    (the largest share where it supports several), and the shares are added up. Five syndicated copies of one
    wire story (a fact with 5 documents and 1 source) count once; independent articles count one each.
    """
    share: dict[str, dict[str, float]] = {}
    for t in triples:
        documents = t.documents
        if not documents:
            continue
        weight = fact_sources(t) / len(documents)
        for end in dict.fromkeys((t.subject.id, t.object.id)):
            of_entity = share.setdefault(end, {})
            for doc in documents:
                of_entity[doc] = max(of_entity.get(doc, 0.0), weight)
    return Counter({entity: max(1, round(sum(docs.values()))) for entity, docs in share.items()})


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


def parse_period(text: str) -> tuple[date, date] | None:
    """The first and last day an ISO date names: a day, a whole month (``2024-02``) or a whole year.

    >>> parse_period("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> parse_period("2024-03-05T10:00Z")
    (datetime.date(2024, 3, 5), datetime.date(2024, 3, 5))
    """
    match = _DATE.match(text.strip())
    first = parse_date(text)
    if match is None or first is None:
        return None
    _, month, day = match.groups()
    if day:
        return first, first
    if month:
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, first.replace(month=12, day=31)


def evidence_dates(ev: Evidence, published: Mapping[str, str | None]) -> tuple[date, date] | None:
    """When a piece of evidence says its fact happened, as a (first, last) day interval, or None if undated.

    The event date the sentence gives (``event_start``/``event_end``) where the pipeline resolved one, else
    the day the article was published (the evidence's own ``published``, else ``published[ev.document]``,
    the article's date from ``documents.jsonl``). Partial dates cover their month or year.
    """
    if ev.event_start:
        start = parse_period(ev.event_start)
        end = parse_period(ev.event_end) if ev.event_end else start
        if start and end:
            return start[0], max(start[1], end[1])
    day = ev.published or published.get(ev.document)
    return parse_period(day) if day else None


def _window(since: DateLike | None, until: DateLike | None) -> tuple[date, date]:
    low, high = date.min, date.max
    for option, value in (("--since", since), ("--until", until)):
        if value is None:
            continue
        period = (value, value) if isinstance(value, date) else parse_period(value)
        if period is None:
            raise InputError(option, f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
        if option == "--since":
            low = period[0]
        else:
            high = period[1]
    if low > high:
        raise InputError("--until", f"{high.isoformat()} is before --since {low.isoformat()}")
    return low, high


def _by_dates(
    graph: KnowledgeGraph, triples: list[Triple], since: DateLike | None, until: DateLike | None, notes: list[str]
) -> list[Triple]:
    """Facts with evidence dated inside the window, keeping only that evidence (the panel shows what is in it)."""
    low, high = _window(since, until)
    published = {d.id: d.published for d in graph.documents}
    kept: list[Triple] = []
    outside = undated = 0
    for t in triples:
        inside: list[Evidence] = []
        for ev in t.evidence:
            when = evidence_dates(ev, published)
            if when is None:
                undated += 1
            elif when[1] >= low and when[0] <= high:
                inside.append(ev)
            else:
                outside += 1
        if inside:
            kept.append(t if len(inside) == len(t.evidence) else dataclasses.replace(t, evidence=tuple(inside)))
    if since is not None and until is not None:
        window = f"from {low.isoformat()} to {high.isoformat()}"
    else:
        window = f"on or after {low.isoformat()}" if since is not None else f"on or before {high.isoformat()}"
    note = f"evidence dated {window} (event date, else publication date): {_count(len(kept), len(triples), 'fact')}"
    left_out = [f"{outside:,} outside the window"] if outside else []
    left_out += [f"{undated:,} undated"] if undated else []
    if left_out:
        note += f"; left out evidence sentences: {', '.join(left_out)}"
    notes.append(note)
    return kept
