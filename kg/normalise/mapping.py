"""Phase (c) of normalisation: one document's mentions and extractions, placed with the corpus's decisions.

:func:`map_reading` is pure: given a :class:`~kg.extract.DocumentReading` and the :class:`Decisions` of the
whole corpus it returns what this document adds to each entity (:class:`EntityPart`: mentions, the rule that
placed each, names) and to each fact (a :class:`~kg.normalise.facts.Draft` per statement id), and why its other
extractions made no fact. Locally the parts are gathered per key with an external group-by; on Spark they are
a ``flatMap`` followed by a ``groupBy`` (phase d, :mod:`kg.normalise.assemble`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.dates import publication_date
from kg.extract import DocumentReading
from kg.model import Mention
from kg.normalise.entities import Decisions, First, first_key, pending
from kg.normalise.facts import Draft, Settings, add_extraction
from kg.normalise.stats import counted_label, counts_as_label
from kg.ontology import Ontology

__all__ = ["EntityPart", "MappedReading", "RecordResolver", "map_reading"]

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(slots=True)
class EntityPart:
    """What one document adds to one entity: its mentions in reading order (each with the rule that placed
    it), how often each name was used, short forms that are aliases but never the label, and, for a country
    only a capital or a government seat stood for, the entity it was made from."""

    mentions: list[tuple[Mention, str]] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    created: tuple[str, str] | None = None  # (class, label) of an entity no mention named


@dataclass(slots=True)
class MappedReading:
    """Phase (c)'s output for one document."""

    document: str
    entities: dict[str, EntityPart]
    facts: dict[str, Draft]
    dropped: Counter[str]


class RecordResolver:
    """Where one document's mentions landed, and the entities a capital or metonym stands for (the resolver
    :func:`~kg.normalise.facts.add_extraction` asks)."""

    def __init__(self, decisions: Decisions, ontology: Ontology) -> None:
        self.decisions = decisions
        self.gazetteer = ontology.gazetteer
        self.parts: dict[str, EntityPart] = {}
        self._resolved: dict[tuple[str, int, int, str], str] = {}

    def record(self, f: First, key: str, rule: str) -> None:
        m = f.mention
        part = self.parts.get(key)
        if part is None:
            part = self.parts[key] = EntityPart()
        if counts_as_label(m.rule):
            part.labels[counted_label(m.text, m.label, m.rule)] += 1
        if m.rule == "coref.short":  # "Lindgren" names Lindgren Motor Co.: an alias, never the label
            part.aliases.add(_POSSESSIVE.sub("", m.text))
        trace = (m, m.rule if m.rule.startswith(("coref", "metonym")) else rule)
        if trace not in part.mentions:
            part.mentions.append(trace)
        self._resolved[(m.document, m.start, m.end, m.label)] = key

    def key_of(self, mention: Mention) -> str:
        return self._resolved[(mention.document, mention.start, mention.end, mention.label)]

    def type_of(self, key: str) -> str:
        kind = self.decisions.classes.get(key)
        if kind is not None:
            return kind
        created = self.parts[key].created
        assert created is not None, key
        return created[0]

    def _canonical(self, key: str) -> str | None:
        entry = self.decisions.canonical.get(key)
        if entry is not None:
            return entry[0]
        part = self.parts.get(key)
        return part.created[1] if part is not None and part.created is not None else None

    def stands_for(self, key: str) -> str | None:
        """The country a capital or a government metonym stands for, as an entity key (ensured to exist)."""
        canonical = self._canonical(key)
        name = self.gazetteer.canonical(canonical) if canonical else None
        if name is None or not name.stands_for:
            return None
        target = self.gazetteer.canonical(name.stands_for)
        if target is None:
            return None
        if target.key not in self.decisions.classes and target.key not in self.parts:
            self.parts[target.key] = EntityPart(created=(target.type, target.label))
        return target.key

    def add_metonym(self, key: str, mention: Mention, source_key: str) -> None:
        """Record that a mention of a capital or metonym was read as the actor it stands for."""
        part = self.parts.get(key)
        if part is None:
            part = self.parts[key] = EntityPart()
        rule = "metonym.capital" if self.type_of(source_key) == "City" else "metonym.government"
        part.mentions.append((mention, rule))
        part.labels[self.decisions.source_labels.get(source_key, mention.label)] += 1


def map_reading(
    reading: DocumentReading, decisions: Decisions, ontology: Ontology, settings: Settings | None = None
) -> MappedReading:
    """Phase (c) for one document: its entity parts and fact drafts under the corpus's decisions (pure)."""
    settings = settings or Settings()
    firsts = [first_key(m, ontology) for m in pending(reading)]
    refused = decisions.refused(firsts)
    resolver = RecordResolver(decisions, ontology)
    for f in firsts:
        key, rule = decisions.resolve(f, refused)
        resolver.record(f, key, rule)
    published = publication_date(reading.document.published)
    drafts: dict[str, Draft] = {}
    dropped: Counter[str] = Counter()
    for e in reading.extractions:
        reason = add_extraction(e, resolver, ontology, settings, drafts, published)
        if reason is not None:
            dropped[reason] += 1
    return MappedReading(reading.document.id, resolver.parts, drafts, dropped)
