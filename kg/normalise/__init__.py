"""Normalisation: surface extractions -> triples in the ontology's vocabulary, with their evidence.

For each extraction:

1. both arguments must name entities (an argument that names nothing, such as "much" or "a photograph",
   makes no triple: the extraction stays in ``extractions.jsonl`` for readers and Open IE);
2. the relation comes from the lexicon (verb, event noun or role noun), in the lexicon's direction, and
   turned around for a passive with an agent ("was funded by Norway");
3. a capital or metonym in a slot that needs an actor becomes the state it stands for ("Nairobi
   protested" -> Kenya), while in a place slot it stays a place ("visited Nairobi");
4. the relation's domain and range are checked against the entity classes; a mismatch is dropped or
   flagged (``Settings.domain_range``), never silently kept;
5. symmetric relations put their two ends in a canonical order, so "A meets B" and "B meets A" are one fact;
6. the same fact from several sentences or articles is one triple with several evidence entries; its
   confidence is the noisy-or of its evidence.

Unmapped relations become ``kg:relatedTo`` carrying the surface verb (``Settings.unmapped = "keep"``, the
default) or are dropped (``"drop"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from kg.extract import DocumentReading
from kg.ids import statement_id
from kg.model import Entity, Evidence, Extraction, Mention, Relation, Triple
from kg.normalise.entities import EntityResolver
from kg.ontology import Ontology
from kg.ontology.lexicon import NOTHING
from kg.ontology.vocabulary import Vocabulary

__all__ = ["Normalised", "Settings", "normalise"]

RELATED = "kg:relatedTo"
# An unmapped verb whose object is a place after one of these is saying where something happened
# ("was arrested at Kisumu airport"), which the triple keeps as its place, not as a relation.
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within"})


@dataclass(frozen=True, slots=True)
class Settings:
    """How strict normalisation is.

    ``unmapped``: keep a relation the lexicon does not know as ``kg:relatedTo`` (with its surface verb), or
    drop it. ``domain_range``: drop a triple whose classes contradict the relation, or keep it flagged.
    ``min_confidence``: drop triples below this confidence.
    """

    unmapped: Literal["keep", "drop"] = "keep"
    domain_range: Literal["drop", "flag"] = "drop"
    min_confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Normalised:
    triples: tuple[Triple, ...]
    entities: tuple[Entity, ...]
    dropped: dict[str, int]


@dataclass(slots=True)
class _Draft:
    subject: str
    relation: Relation
    object: str
    negated: bool
    evidence: list[Evidence]
    hedged: list[bool]
    attributed: list[str | None]
    flags: set[str]


def _relation_for(extraction: Extraction, ontology: Ontology) -> tuple[Relation, bool] | str | None:
    """(relation, inverse) from the lexicon, None when it has no entry, NOTHING when it relates nothing."""
    entry = ontology.lexicon.lookup(extraction.kind, extraction.lemma)
    if entry is None:
        return None
    if entry.relation == NOTHING:
        return NOTHING
    info = ontology.vocabulary.relation(entry.relation)
    return Relation(info.id, info.label), entry.inverse


def _evidence(extraction: Extraction, subject: Mention, obj: Mention) -> Evidence:
    s = extraction.sentence
    return Evidence(
        document=extraction.document,
        sentence=s.text,
        start=s.start,
        end=s.end,
        subject_text=subject.text,
        subject_start=subject.start,
        subject_end=subject.end,
        object_text=obj.text,
        object_start=obj.start,
        object_end=obj.end,
        extractor=extraction.extractor,
        confidence=extraction.confidence,
        hedged=extraction.hedged,
        attributed_to=extraction.attributed_to,
        time=extraction.time,
        place=extraction.place,
        subject_rule=subject.rule,
        object_rule=obj.rule,
    )


def _describe(resolver: EntityResolver, e: Extraction, ontology: Ontology) -> None:
    """What a role extraction says about a person's nationality, for telling namesakes apart."""
    if e.kind != "role" or e.arg2 is None or e.arg1.mention is None or e.arg2.mention is None:
        return
    if e.arg1.mention.ner not in ("PERSON", "PER"):
        return
    country = ontology.gazetteer.lookup(e.arg2.mention.label)
    if country is not None and country.type == "Country":
        resolver.describe(e.document, e.arg1.mention.label, country.label)


def _noisy_or(values: Iterable[float]) -> float:
    remaining = 1.0
    for value in values:
        remaining *= 1.0 - value
    return 1.0 - remaining


def normalise(readings: Iterable[DocumentReading], ontology: Ontology, settings: Settings | None = None) -> Normalised:
    """Entities and triples for a whole corpus (entity merging needs every document first)."""
    settings = settings or Settings()
    vocab = ontology.vocabulary
    resolver = EntityResolver(ontology)
    readings = list(readings)
    for reading in readings:
        resolver.add(reading.mentions)
        for e in reading.extractions:
            resolver.add(a.mention for a in (e.arg1, e.arg2) if a is not None and a.mention is not None)
            _describe(resolver, e, ontology)
    resolver.resolve_all()

    dropped: dict[str, int] = {}
    drafts: dict[str, _Draft] = {}

    def drop(reason: str) -> None:
        dropped[reason] = dropped.get(reason, 0) + 1

    for reading in readings:
        for e in reading.extractions:
            if e.arg2 is None or e.arg1.mention is None or e.arg2.mention is None:
                drop("argument names no entity")
                continue
            mapped = _relation_for(e, ontology)
            if mapped == NOTHING:
                drop("words that relate nothing (lexicon '-')")
                continue
            if mapped is None:
                if settings.unmapped == "drop" or e.kind != "verb":
                    drop("relation not in the lexicon")
                    continue
                relation, inverse = Relation(RELATED, "related to", e.lemma), False
            else:
                assert not isinstance(mapped, str)
                relation, inverse = mapped
            subject, obj = e.arg1.mention, e.arg2.mention
            if (
                relation.id == RELATED
                and e.lemma.split()[-1] in LOCATIVE
                and vocab.is_a(resolver.type_of(resolver.key_of(obj)), "Place")
            ):
                drop("place qualifier, not a relation")
                continue
            if e.passive != inverse:
                subject, obj = obj, subject
            s_key, o_key = resolver.key_of(subject), resolver.key_of(obj)
            info = vocab.relations.get(relation.id)
            domain = info.domain if info else "Actor"  # the subject of an unknown verb still acts
            range_ = info.range if info else None
            s_key = _as_actor(resolver, s_key, domain, subject, vocab, acting=True)
            o_key = _as_actor(resolver, o_key, range_, obj, vocab, acting=False)
            if s_key == o_key:
                drop("both ends are the same entity")
                continue
            flags: set[str] = set()
            s_type, o_type = resolver.type_of(s_key), resolver.type_of(o_key)
            if not vocab.is_a(s_type, domain if info else None) or not vocab.is_a(o_type, range_):
                if settings.domain_range == "drop":
                    drop("domain or range violated")
                    continue
                flags.add("domain-range-violation")
            if info and info.symmetric and o_key < s_key:
                s_key, o_key = o_key, s_key
                subject, obj = obj, subject
            sid = statement_id(
                s_key, relation.id + (f"#{relation.surface}" if relation.surface else ""), o_key, e.negated
            )
            draft = drafts.get(sid)
            if draft is None:
                draft = _Draft(s_key, relation, o_key, e.negated, [], [], [], set())
                drafts[sid] = draft
            draft.evidence.append(_evidence(e, subject, obj))
            draft.hedged.append(e.hedged)
            draft.attributed.append(e.attributed_to)
            draft.flags |= flags

    entities = resolver.entities()
    triples = []
    for sid, draft in drafts.items():
        evidence = sorted(set(draft.evidence), key=Evidence.sort_key)
        confidence = _noisy_or(ev.confidence for ev in evidence)
        if confidence < settings.min_confidence:
            drop("below --min-confidence")
            continue
        attributed = {a for a in draft.attributed}
        triples.append(
            Triple(
                id=sid,
                subject=entities[draft.subject],
                predicate=draft.relation,
                object=entities[draft.object],
                confidence=confidence,
                negated=draft.negated,
                hedged=all(draft.hedged),
                attributed_to=next(iter(attributed)) if len(attributed) == 1 else None,
                time=tuple(sorted({ev.time for ev in evidence if ev.time})),
                place=tuple(sorted({ev.place for ev in evidence if ev.place})),
                evidence=tuple(evidence),
                flags=tuple(sorted(draft.flags)),
            )
        )
    used = {t.subject.id for t in triples} | {t.object.id for t in triples}
    mentioned = [
        e
        for e in entities.values()
        if e.id in used or any(r.startswith(("ner", "exact", "name", "alias", "demonym", "code")) for r in e.merged_by)
    ]
    return Normalised(tuple(sorted(triples, key=lambda t: t.id)), tuple(sorted(mentioned, key=lambda e: e.id)), dropped)


def _as_actor(
    resolver: EntityResolver, key: str, slot: str | None, mention: Mention, vocab: Vocabulary, *, acting: bool
) -> str:
    """A place or metonym read as the state it stands for: a capital wherever an actor is needed ("Nairobi
    protested", "retaliate against Washington"), a government seat only when it acts ("the Kremlin said");
    someone who "works at Downing Street" works at Downing Street."""
    kind = resolver.type_of(key)
    if (slot is None or vocab.is_a(kind, slot)) and not (acting and kind == "Government"):
        return key
    if kind not in ("City", "Government") or not vocab.is_a("Country", slot or "Actor"):
        return key
    target = resolver.stands_for(key)
    if target is None:
        return key
    resolver.add_metonym(target, mention, key)
    return target
