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

from kg.dates import publication_date
from kg.extract import DocumentReading
from kg.model import Entity, Extraction, Triple
from kg.normalise.entities import EntityResolver
from kg.normalise.facts import Draft, Settings, add_extraction, finish, twin_of
from kg.ontology import Ontology

__all__ = ["Normalised", "Settings", "normalise"]


@dataclass(frozen=True, slots=True)
class Normalised:
    triples: tuple[Triple, ...]
    entities: tuple[Entity, ...]
    dropped: dict[str, int]


_PREPOSITIONS = frozenset({"of", "for", "at", "on", "in", "to", "with", "from"})


def _describe(resolver: EntityResolver, e: Extraction, ontology: Ontology) -> None:
    """What a role extraction says about a person: the role (for telling spellings of one name apart from
    other names) and the nationality (for telling namesakes apart)."""
    if e.kind != "role" or e.arg2 is None or e.arg1.mention is None or e.arg2.mention is None:
        return
    if e.arg1.mention.ner not in ("PERSON", "PER"):
        return
    words = e.lemma.split()
    role = " ".join(words[:-1] if len(words) > 1 and words[-1] in _PREPOSITIONS else words)
    if role and not role.startswith("*"):
        resolver.describe_role(e.arg1.mention.label, role)
    country = ontology.gazetteer.lookup(e.arg2.mention.label)
    if country is not None and country.type == "Country":
        resolver.describe(e.document, e.arg1.mention.label, country.label)


def collect(readings: Iterable[DocumentReading], ontology: Ontology) -> EntityResolver:
    """Phase one: every mention and what the documents say of people, then entities decided corpus-wide."""
    resolver = EntityResolver(ontology)
    for reading in readings:
        resolver.add(reading.mentions)
        for e in reading.extractions:
            resolver.add(a.mention for a in (e.arg1, e.arg2) if a is not None and a.mention is not None)
            _describe(resolver, e, ontology)
    resolver.resolve_all()
    return resolver


def _named_or_used(entities: dict[str, Entity], triples: list[Triple]) -> list[Entity]:
    """The entities worth listing: those in a fact, and those named outright (not only by a pronoun)."""
    used = {t.subject.id for t in triples} | {t.object.id for t in triples}
    named = ("ner", "exact", "name", "alias", "demonym", "code")
    return [e for e in entities.values() if e.id in used or any(r.startswith(named) for r in e.merged_by)]


def normalise(readings: Iterable[DocumentReading], ontology: Ontology, settings: Settings | None = None) -> Normalised:
    """Entities and triples for a whole corpus (entity merging needs every document first)."""
    settings = settings or Settings()
    readings = list(readings)
    resolver = collect(readings, ontology)
    dropped: dict[str, int] = {}
    drafts: dict[str, Draft] = {}
    for reading in readings:
        published = publication_date(reading.document.published)
        for e in reading.extractions:
            reason = add_extraction(e, resolver, ontology, settings, drafts, published)
            if reason is not None:
                dropped[reason] = dropped.get(reason, 0) + 1
    entities = resolver.entities()
    triples = []
    for sid, draft in drafts.items():
        twin = twin_of(draft)
        triple = finish(sid, draft, entities, (twin,) if twin in drafts else ())
        if triple.confidence < settings.min_confidence:
            dropped["below --min-confidence"] = dropped.get("below --min-confidence", 0) + 1
            continue
        triples.append(triple)
    kept = _named_or_used(entities, triples)
    return Normalised(tuple(sorted(triples, key=lambda t: t.id)), tuple(sorted(kept, key=lambda e: e.id)), dropped)
