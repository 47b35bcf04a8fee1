"""Analyst decisions applied: a curation file (:mod:`kg.normalise.curation_file`) as a normalisation
:class:`~kg.normalise.curation.Curation`, the same in a local, a growing and a Spark build.

Where each verb acts, and why there:

* ``merge A B`` and ``split E DOC`` act on the corpus's entity decisions, before any document is mapped: every
  mention that would land on A lands on B, every mention of E in DOC on a new entity, so facts, their ids and
  their evidence follow as if the rules had decided so (evidence of two facts that become one is merged).
* ``alias E NAME`` does the same for mentions named NAME, and lists NAME among E's aliases.
* ``relabel``, ``retype`` and ``reject-entity`` act on the assembled entity (its id never changes: ids come
  from names, not labels or classes); ``reject-fact`` on the assembled fact.

Each applied decision is recorded on the entity it changed (``FILE:LINE verb`` in ``Entity.curation``); a
rejected fact leaves its trace in the build's counts of facts left out. :func:`unmatched` names the decisions
that matched nothing, from what the build produced, so executors need not share any state.

>>> from kg.normalise.curation_file import parse_curation
>>> from kg.model import Entity
>>> applied = FileCuration(parse_curation("relabel\\tnwa-1\\tNational Water Authority\\n", "c.tsv"))
>>> entity = applied.entity(Entity("nwa-1", "NWA", "Organization"))
>>> entity.label, entity.aliases, entity.curation
('National Water Authority', ('NWA',), ('c.tsv:1 relabel',))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from kg.ids import entity_id
from kg.model import Entity, Triple
from kg.normalise.curation_file import CurationFile, Decision, read_curation
from kg.normalise.entities import Decisions, First
from kg.ontology.gazetteer import fold_name

__all__ = ["CuratedDecisions", "FileCuration", "load_curation", "traced", "unmatched"]

# The dropped-fact reason of a rejected fact names the decision, so a Spark build's counts carry it home.
REJECTED = "curated out by "


@dataclass(slots=True)
class CuratedDecisions(Decisions):
    """The corpus's decisions with an analyst's merges and splits on top (applied after every rule).

    ``merged``: key -> the key it joins; ``split``: (key, document) or (key, document, start, end) -> the key
    of the new entity those mentions make.
    """

    merged: dict[str, str] = field(default_factory=dict)
    split: dict[tuple[str, ...], str] = field(default_factory=dict)

    def resolve(self, f: First, refused: set[str]) -> tuple[str, str]:
        key, rule = Decisions.resolve(self, f, refused)
        m = f.mention
        for place in ((key, m.document, str(m.start), str(m.end)), (key, m.document)):
            if place in self.split:
                return self.split[place], "curated"
        if key in self.merged:
            return self.merged[key], "curated"
        return key, rule


def load_curation(paths: Iterable[str | Path]) -> FileCuration | None:
    """The curation of these files (None when there are none); a bad line is an InputError naming it."""
    paths = list(paths)
    return FileCuration(read_curation(paths)) if paths else None


def _ids(decisions: Decisions) -> dict[str, str]:
    """entity id -> key, for every key the corpus decided (the id :func:`entity_header` will give it)."""
    return {entity_id(kind if key in decisions.canonical else "", key): key for key, kind in decisions.classes.items()}


def _final(merged: dict[str, str], key: str) -> str:
    """Where a chain of merges ends (A into B, B into C: A into C); a cycle stops where it would repeat."""
    seen = {key}
    while key in merged and merged[key] not in seen:
        key = merged[key]
        seen.add(key)
    return key


class FileCuration:
    """A curation file's decisions as the normalisation seam (picklable: Spark ships it to executors)."""

    def __init__(self, file: CurationFile) -> None:
        self.file = file
        self._by_entity: dict[str, list[Decision]] = {}
        for d in file.decisions:
            if d.verb in ("relabel", "retype", "reject-entity", "alias"):
                self._by_entity.setdefault(d.target, []).append(d)
        self._rejected_facts = {d.target: d for d in file.of("reject-fact")}
        self._traces: dict[str, list[str]] = {}  # entity id -> merge and split traces (set by decisions())
        self._known: set[str] = set()  # every entity id the corpus decided (set by decisions())

    def decisions(self, decisions: Decisions) -> Decisions:
        ids = _ids(decisions)
        self._known = set(ids)
        classes = dict(decisions.classes)
        variants = dict(decisions.variants)
        for d in self.file.of("alias"):
            if d.target in ids:
                variants[fold_name(d.value)] = ids[d.target]
        values = {f.name: getattr(decisions, f.name) for f in fields(Decisions)}
        return CuratedDecisions(
            **{**values, "classes": classes, "variants": variants},
            merged=self._merges(ids),
            split=self._splits(ids, classes),
        )

    def _merges(self, ids: Mapping[str, str]) -> dict[str, str]:
        """key -> the key it joins, chains followed; traced on the entity each chain ends in."""
        merged = {ids[d.target]: ids[d.value] for d in self.file.of("merge") if d.target in ids and d.value in ids}
        merged = {key: _final(merged, key) for key in merged}
        id_of = {key: entity for entity, key in ids.items()}
        for d in self.file.of("merge"):
            if d.target in ids and d.value in ids:
                self._trace(id_of[merged[ids[d.target]]], d)
        return merged

    def _splits(self, ids: Mapping[str, str], classes: dict[str, str]) -> dict[tuple[str, ...], str]:
        """(key, document) or (key, document, start, end) -> the key of the new entity; its class is the
        class of the entity it came from (``classes`` gains it)."""
        split: dict[tuple[str, ...], str] = {}
        for d in self.file.of("split"):
            if d.target not in ids:
                continue
            key, mention = ids[d.target], d.mention
            places: list[tuple[str, ...]] = [(key, document) for document in d.documents]
            if mention is not None:
                places.append((key, mention.document, str(mention.start), str(mention.end)))
            for place in places:
                new = f"{key}|{'|'.join(place[1:])}"  # a key of its own: a stable id of its own
                split[place] = new
                classes[new] = classes[key]
                self._trace(entity_id("", new), d)
        return split

    def _trace(self, entity: str, decision: Decision) -> None:
        self._traces.setdefault(entity, []).append(decision.trace)

    def entity(self, entity: Entity) -> Entity | None:
        traces = list(self._traces.get(entity.id, ()))
        label, kind, aliases = entity.label, entity.type, set(entity.aliases)
        for d in self._by_entity.get(entity.id, ()):
            if d.verb == "reject-entity":
                return None
            if d.verb == "relabel":
                aliases.add(label)
                label = d.value
            elif d.verb == "retype":
                kind = d.value
            else:
                aliases.add(d.value)
            traces.append(d.trace)
        if not traces:
            return entity
        aliases.discard(label)
        return replace(entity, label=label, type=kind, aliases=tuple(sorted(aliases)), curation=tuple(traces))

    def triple(self, triple: Triple) -> Triple | None:
        return None if triple.id in self._rejected_facts else triple

    def dropped(self, triple: Triple) -> str:
        """Why a fact this curation left out is missing (a count key of the build's summary)."""
        return REJECTED + self._rejected_facts[triple.id].source

    def unmatched(self, curated: Iterable[str], dropped: Mapping[str, int]) -> list[Decision]:
        """The decisions that changed nothing in the build whose decisions this curation saw: ``curated``
        are the decisions (FILE:LINE) recorded on its entities, ``dropped`` its counts of facts left out."""
        return unmatched(self.file, curated, self._known, dropped)


def traced(entities: Iterable[Entity]) -> set[str]:
    """The decisions (FILE:LINE) recorded on these entities."""
    return {trace.split(" ", 1)[0] for e in entities for trace in e.curation}


def unmatched(
    file: CurationFile, curated: Iterable[str], known: Iterable[str], dropped: Mapping[str, int]
) -> list[Decision]:
    """The decisions that changed nothing in a build: ``curated`` are the decisions (FILE:LINE) recorded on
    its entities, ``known`` every entity id the corpus decided (kept or not), ``dropped`` the build's counts
    of facts left out.

    >>> from kg.normalise.curation_file import parse_curation
    >>> file = parse_curation("reject-entity\\tghost-1\\nreject-fact\\tst-2\\n", "c.tsv")
    >>> [d.source for d in unmatched(file, [], ["a-1"], {"curated out by c.tsv:2": 1})]
    ['c.tsv:1']
    """
    curated, known = set(curated), set(known)
    missing = []
    for d in file.decisions:
        if d.verb == "reject-fact":
            hit = dropped.get(REJECTED + d.source, 0) > 0
        elif d.verb == "reject-entity":
            hit = d.target in known
        elif d.verb == "merge":
            hit = d.target in known and d.value in known
        else:
            hit = d.source in curated
        if not hit:
            missing.append(d)
    return missing
