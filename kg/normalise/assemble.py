"""Phase (d) of normalisation: the parts every document gave one entity or one fact, assembled.

An entity's parts (:class:`~kg.normalise.mapping.EntityPart`) merge by adding their name counts and joining
their mentions; its label, class, aliases and id then follow from the merged counts and the corpus's
:class:`~kg.normalise.entities.Decisions` (:func:`entity_header`), and its mentions are put in document
order (:func:`with_mentions`). A fact's drafts merge by joining their evidence
(:func:`~kg.normalise.facts.merge_drafts`) before :func:`~kg.normalise.facts.finish` makes the triple. Every
merge here is associative and commutative up to the final sort, so parts may be grouped in any order.

>>> from collections import Counter
>>> header = entity_header("ana silva", Counter({"Ana Silva": 2, "Silva": 1}), set(), None, Decisions(
...     classes={"ana silva": "Person"}))
>>> header.label, header.type, header.aliases, header.id
('Ana Silva', 'Person', ('Silva',), 'ana-silva-737deb')
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping

from kg.ids import entity_id
from kg.model import Entity, Mention, Triple
from kg.normalise.curation import NO_CURATION, Curation
from kg.normalise.entities import Decisions
from kg.normalise.facts import Draft, Settings, finish, twin_of
from kg.normalise.mapping import EntityPart

__all__ = [
    "NAMED_RULES",
    "assemble_fact",
    "entity_header",
    "is_named",
    "mention_order",
    "merge_parts",
    "sources_of",
    "with_mentions",
]

# Merge rules that say the entity was named outright (not only pointed at by a pronoun or a description).
NAMED_RULES = ("ner", "exact", "name", "alias", "demonym", "code")


def merge_parts(held: EntityPart, more: EntityPart) -> EntityPart:
    """Two parts of one entity as one (``held`` is extended in place)."""
    held.mentions.extend(more.mentions)
    held.labels.update(more.labels)
    held.aliases |= more.aliases
    held.created = held.created or more.created
    return held


def entity_header(
    key: str, labels: Mapping[str, int], aliases: Iterable[str], created: tuple[str, str] | None, decisions: Decisions
) -> Entity:
    """The entity of ``key`` without its mentions: id, label (the gazetteer's, else the longest and most used
    name), class and aliases."""
    if key in decisions.classes:
        kind = decisions.classes[key]
        canonical, note = decisions.canonical.get(key, (None, None))
    else:
        assert created is not None, key  # an entity no mention named: a capital or a seat stood for it
        (kind, canonical), note = created, None
    ranked = sorted(labels, key=lambda label: (-len(label.split()), -labels[label], label))
    label = canonical or (ranked[0] if ranked else key.split(":", 1)[-1])
    return Entity(
        # a name's id does not depend on its class: more evidence may change the class, never the id
        id=entity_id(kind if canonical else "", key),
        label=label,
        type=kind,
        aliases=tuple(sorted({a for a in (*labels, *aliases) if a != label})),
        note=note,
    )


def mention_order(mention: Mention, merged_by: str) -> tuple[str, int, int, str]:
    return (mention.document, mention.start, mention.end, merged_by)


def with_mentions(header: Entity, mentions: Iterable[tuple[Mention, str]]) -> Entity:
    """The entity with its mentions in document order (a document's own order kept among ties)."""
    ordered = sorted(mentions, key=lambda mr: mention_order(*mr))
    return Entity(
        header.id,
        header.label,
        header.type,
        header.aliases,
        tuple(m for m, _ in ordered),
        tuple(r for _, r in ordered),
        header.note,
    )


def is_named(merged_by: Iterable[str]) -> bool:
    return any(rule.startswith(NAMED_RULES) for rule in merged_by)


def sources_of(documents: Iterable[str], clusters: Mapping[str, str] | None) -> int:
    """How many independent sources the documents are: near-duplicates (syndicated copies of one story, the
    ``clusters`` a document belongs to) count once; 0 when nothing was clustered.

    >>> sources_of(["d1", "d2", "d3"], {"d2": "d1"}), sources_of(["d1"], None)
    (2, 0)
    """
    if clusters is None:
        return 0
    return len({clusters.get(d, d) for d in documents})


def assemble_fact(
    sid: str,
    draft: Draft,
    entities: Mapping[str, Entity],
    statements: Container[str],
    settings: Settings,
    *,
    clusters: Mapping[str, str] | None = None,
    curation: Curation = NO_CURATION,
) -> Triple | str:
    """The triple of one statement id from its merged draft, or why it is left out. ``statements`` holds every
    statement id of the corpus (a fact whose opposite is among them is disputed)."""
    if draft.subject not in entities or draft.object not in entities:
        return "an end was curated out"
    twin = twin_of(draft)
    sources = sources_of({e.document for e in draft.evidence}, clusters)
    triple = finish(sid, draft, entities, (twin,) if twin in statements else (), sources)
    if triple.confidence < settings.min_confidence:
        return "below --min-confidence"
    curated = curation.triple(triple)
    return "curated out" if curated is None else curated
