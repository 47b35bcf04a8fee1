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

The corpus-wide work runs in four phases that hold only what they must, the same in one process
(:func:`normalise`, the streaming build of :mod:`kg.store`) and on a cluster:

a. :func:`~kg.normalise.stats.name_stats`: a pure map from one document to its name statistics, merged
   with an associative, commutative :meth:`~kg.normalise.stats.NameStats.merge` (a reduce);
b. :func:`~kg.normalise.entities.decide`: entity decisions from the merged statistics alone, then the
   :mod:`~kg.normalise.curation` seam;
c. :func:`~kg.normalise.mapping.map_reading`: a pure map from (document, decisions) to its entity parts and
   fact drafts, keyed by entity key and statement id;
d. :mod:`~kg.normalise.assemble`: the parts of each key merged into an entity, the drafts of each statement
   id into a triple (a group-by).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.extract import DocumentReading
from kg.model import Entity, Triple
from kg.normalise.assemble import assemble_fact, entity_header, is_named, merge_parts, with_mentions
from kg.normalise.curation import NO_CURATION, Curation
from kg.normalise.entities import Decisions, decide
from kg.normalise.facts import Draft, Settings, merge_drafts
from kg.normalise.mapping import EntityPart, map_reading
from kg.normalise.stats import NameStats, name_stats
from kg.ontology import Ontology

__all__ = ["Decisions", "NameStats", "Normalised", "Settings", "decide", "map_reading", "name_stats", "normalise"]


@dataclass(frozen=True, slots=True)
class Normalised:
    triples: tuple[Triple, ...]
    entities: tuple[Entity, ...]
    dropped: dict[str, int]


def _entities(parts: dict[str, EntityPart], decisions: Decisions, curation: Curation) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for key in sorted(parts):
        part = parts[key]
        header = entity_header(key, part.labels, part.aliases, part.created, decisions)
        entity = curation.entity(with_mentions(header, part.mentions))
        if entity is not None:
            entities[key] = entity
    return entities


def normalise(
    readings: Iterable[DocumentReading],
    ontology: Ontology,
    settings: Settings | None = None,
    *,
    clusters: Mapping[str, str] | None = None,
    curation: Curation = NO_CURATION,
) -> Normalised:
    """Entities and triples for a whole corpus, all in memory (entity merging needs every document first).

    ``clusters`` maps a document to the first document of its near-duplicates: triples then count their
    independent sources (``Triple.sources``); without it they are not counted.
    """
    settings = settings or Settings()
    readings = list(readings)
    stats = NameStats()
    for reading in readings:
        stats.update(name_stats(reading, ontology))
    decisions = curation.decisions(decide(stats, ontology))
    parts: dict[str, EntityPart] = {}
    drafts: dict[str, Draft] = {}
    dropped: Counter[str] = Counter()
    for reading in readings:
        mapped = map_reading(reading, decisions, ontology, settings)
        for key, part in mapped.entities.items():
            parts[key] = merge_parts(parts[key], part) if key in parts else part
        for sid, draft in mapped.facts.items():
            drafts[sid] = merge_drafts(drafts[sid], draft) if sid in drafts else draft
        dropped.update(mapped.dropped)
    entities = _entities(parts, decisions, curation)
    triples = []
    for sid, draft in drafts.items():
        triple = assemble_fact(sid, draft, entities, drafts, settings, clusters=clusters, curation=curation)
        if isinstance(triple, str):
            dropped[triple] += 1
        else:
            triples.append(triple)
    used = {t.subject.id for t in triples} | {t.object.id for t in triples}
    kept = [e for e in entities.values() if e.id in used or is_named(e.merged_by)]
    return Normalised(
        tuple(sorted(triples, key=lambda t: t.id)), tuple(sorted(kept, key=lambda e: e.id)), dict(dropped)
    )
