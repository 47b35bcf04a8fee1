"""The property-graph model both Cypher stores share (Neo4j and the embedded LadybugDB store).

One graph, two engines, the same rows::

    (:Entity {id, name, aliases, type, note, curation})  Neo4j also labels it with its class: (:Entity:Person)
    (:Document {id, title, url, published, source, author})
    (:Document)-[:MENTIONS {count}]->(:Entity)
    (:Entity)-[:SUPPORTS {id, predicate, confidence, ..., documents, evidence_sentences, ...}]->(:Entity)

Relationship types come from the ontology: ``kg:presidentOf`` -> ``PRESIDENT_OF``, the generic ``kg:relatedTo``
-> ``RELATED_TO`` with the verb in ``surface``. Evidence is stored as parallel lists (Neo4j properties cannot
be maps): ``evidence_documents[i]``, ``evidence_sentences[i]``, ``evidence_starts[i]``... describe the i-th
piece of evidence, and ``evidence_keys[i]`` identifies it (``ev-`` and a digest of document, offsets and
extractor) so that a later export adds evidence without repeating it. ``documents`` lists the distinct
documents behind the edge.

Labels and relationship types are the only names that reach query text, and only after they were checked
against the loaded vocabulary and the pattern ``^[A-Z][A-Za-z0-9_]*$``; every value travels as a parameter
or a CSV field.

>>> relationship_type("kg:presidentOf")
'PRESIDENT_OF'
>>> from kg.ontology import load_ontology
>>> schema = CypherSchema.from_vocabulary(load_ontology().vocabulary)
>>> schema.relationship_types["kg:supports"], "Person" in schema.labels
('SUPPORTS', True)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError, OntologyError
from kg.ids import digest

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.model import Document, Entity, Evidence, Triple
    from kg.ontology.vocabulary import Vocabulary

__all__ = [
    "DOCUMENT_LABEL",
    "DOCUMENT_PROPERTIES",
    "ENTITY_LABEL",
    "ENTITY_PROPERTIES",
    "MENTIONS",
    "MENTION_PROPERTIES",
    "RELATIONSHIP_PROPERTIES",
    "CypherSchema",
    "PropertyGraph",
    "PropertyRows",
    "document_row",
    "entity_row",
    "evidence_key",
    "generate_property_graph",
    "mention_spans",
    "relationship_row",
    "relationship_type",
]

ENTITY_LABEL = "Entity"
DOCUMENT_LABEL = "Document"
MENTIONS = "MENTIONS"

# Property name -> type, in LadybugDB's type names; Neo4j stores the same Python values.
ENTITY_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "name": "STRING",
    "aliases": "STRING[]",
    "type": "STRING",
    "note": "STRING",
    "curation": "STRING[]",  # analyst decisions applied to it, "FILE:LINE verb"
}
DOCUMENT_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "title": "STRING",
    "url": "STRING",
    "published": "STRING",
    "source": "STRING",
    "author": "STRING",
}
MENTION_PROPERTIES: dict[str, str] = {"count": "INT64"}
RELATIONSHIP_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "predicate": "STRING",
    "surface": "STRING",
    "confidence": "DOUBLE",
    "negated": "BOOLEAN",
    "hedged": "BOOLEAN",
    "attributed_to": "STRING",
    "time": "STRING[]",
    "place": "STRING[]",
    "flags": "STRING[]",
    "documents": "STRING[]",
    "sources": "INT64",
    "disputed": "BOOLEAN",
    "disputed_by": "STRING[]",
    "first_seen": "DATE",
    "last_seen": "DATE",
    "event_start": "DATE",
    "event_end": "DATE",
    "evidence_keys": "STRING[]",
    "evidence_documents": "STRING[]",
    "evidence_sentences": "STRING[]",
    "evidence_starts": "INT64[]",
    "evidence_ends": "INT64[]",
    "evidence_subjects": "STRING[]",
    "evidence_objects": "STRING[]",
    "evidence_extractors": "STRING[]",
    "evidence_confidences": "DOUBLE[]",
    # ISO dates, "" where the article gave none (Neo4j lists hold no nulls)
    "evidence_published": "STRING[]",
    "evidence_event_starts": "STRING[]",
    "evidence_event_ends": "STRING[]",
}
# The parallel evidence lists, in the order evidence_keys indexes them.
EVIDENCE_LISTS = tuple(name for name in RELATIONSHIP_PROPERTIES if name.startswith("evidence_"))

_NAME = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_RESERVED = {ENTITY_LABEL, DOCUMENT_LABEL, MENTIONS}


def relationship_type(relation_id: str) -> str:
    """The Cypher relationship type of an ontology relation: ``kg:holdsTalksWith`` -> ``HOLDS_TALKS_WITH``."""
    _, _, local = relation_id.rpartition(":")
    name = _CAMEL.sub("_", local).upper()
    if not _TYPE.match(name):
        raise OntologyError(f"relation {relation_id} does not map to a Cypher relationship type ({name!r})")
    return name


@dataclass(frozen=True, slots=True)
class CypherSchema:
    """The names the ontology allows: node labels for entity classes, relationship types for relations."""

    labels: frozenset[str]
    relationship_types: dict[str, str]  # relation CURIE -> type

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> CypherSchema:
        labels = set()
        for name in vocabulary.classes:
            if not vocabulary.is_a(name, ENTITY_LABEL):
                continue  # Statement, Evidence, Article describe provenance, not things in the news
            if not _NAME.match(name):
                raise OntologyError(f"class kg:{name} is not usable as a Cypher label")
            if name in _RESERVED - {ENTITY_LABEL}:
                raise OntologyError(f"class kg:{name} clashes with kg's own node label {name}")
            labels.add(name)
        types: dict[str, str] = {}
        seen: dict[str, str] = {}
        for rel_id in vocabulary.relations:
            name = relationship_type(rel_id)
            if name in _RESERVED:
                raise OntologyError(f"relation {rel_id} clashes with kg's own relationship type {name}")
            if name in seen:
                raise OntologyError(f"relations {seen[name]} and {rel_id} both map to relationship type {name}")
            seen[name] = rel_id
            types[rel_id] = name
        return cls(frozenset(labels), types)

    def label(self, entity_type: str, entity_id: str) -> str:
        if entity_type not in self.labels:
            raise ExportError(
                f"entity {entity_id}: type {entity_type!r} is not an entity class of the ontology "
                "(pass the extension with --ontology)"
            )
        return entity_type

    def type_of(self, relation_id: str, triple_id: str) -> str:
        try:
            return self.relationship_types[relation_id]
        except KeyError:
            raise ExportError(
                f"triple {triple_id}: relation {relation_id} is not in the ontology "
                "(pass the extension with --ontology)"
            ) from None


@dataclass(slots=True)
class PropertyGraph:
    """Rows ready for either store; every value is a plain str, int, float, bool, None or list of those."""

    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # class label -> rows
    documents: list[dict[str, Any]] = field(default_factory=list)
    relationships: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # type -> rows
    mentions: list[dict[str, Any]] = field(default_factory=list)  # {document, entity, count}

    @property
    def entity_count(self) -> int:
        return sum(len(rows) for rows in self.entities.values())

    @property
    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.relationships.values())


def evidence_key(evidence: Evidence) -> str:
    """What makes two pieces of evidence the same: a digest of document, sentence and argument offsets, extractor."""
    e = evidence
    offsets = (e.start, e.end, e.subject_start, e.subject_end, e.object_start, e.object_end)
    return "ev-" + digest(e.document, *(str(n) for n in offsets), e.extractor)


def _relationship_row(triple: Triple) -> dict[str, Any]:
    # complex: one optional property per field of the fact model, each None-safe; splitting them would scatter the row's
    # schema.
    evidence: dict[str, Evidence] = {}
    for item in sorted(triple.evidence, key=lambda e: e.sort_key()):
        evidence.setdefault(evidence_key(item), item)
    items = list(evidence.values())
    documents = list(dict.fromkeys(e.document for e in items))
    return {
        "id": triple.id,
        "source": triple.subject.id,
        "target": triple.object.id,
        "predicate": triple.predicate.id,
        "surface": triple.predicate.surface,
        "confidence": round(float(triple.confidence), 4),
        "negated": bool(triple.negated),
        "hedged": bool(triple.hedged),
        "attributed_to": triple.attributed_to,
        "time": list(triple.time),
        "place": list(triple.place),
        "flags": list(triple.flags),
        "documents": documents,
        "sources": triple.sources or len(documents),
        "disputed": triple.disputed,
        "disputed_by": list(triple.disputed_by),
        "first_seen": _date(triple.first_seen),
        "last_seen": _date(triple.last_seen),
        "event_start": _date(min((s for s, _ in triple.event_dates), default=None)),
        "event_end": _date(max((e for _, e in triple.event_dates), default=None)),
        "evidence_keys": list(evidence),
        "evidence_documents": [e.document for e in items],
        "evidence_sentences": [e.sentence for e in items],
        "evidence_starts": [int(e.start) for e in items],
        "evidence_ends": [int(e.end) for e in items],
        "evidence_subjects": [e.subject_text for e in items],
        "evidence_objects": [e.object_text for e in items],
        "evidence_extractors": [e.extractor for e in items],
        "evidence_confidences": [round(float(e.confidence), 4) for e in items],
        "evidence_published": [e.published or "" for e in items],
        "evidence_event_starts": [e.event_start or "" for e in items],
        "evidence_event_ends": [e.event_end or "" for e in items],
    }


def _date(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


@dataclass(frozen=True, slots=True)
class PropertyRows:
    """The same rows as :class:`PropertyGraph`, as streams (a graph of any size goes out in constant memory):
    ``entities`` as (class label, row), ``relationships`` as (relationship type, row)."""

    entities: Iterable[tuple[str, dict[str, Any]]]
    documents: Iterable[dict[str, Any]]
    relationships: Iterable[tuple[str, dict[str, Any]]]
    mentions: Iterable[dict[str, Any]]

    @classmethod
    def of(cls, pg: PropertyGraph) -> PropertyRows:
        return cls(
            [(label, row) for label, rows in pg.entities.items() for row in rows],
            pg.documents,
            [(rel_type, row) for rel_type, rows in pg.relationships.items() for row in rows],
            pg.mentions,
        )


def entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.label,
        "aliases": list(entity.aliases),
        "type": entity.type,
        "note": entity.note,
        "curation": list(entity.curation) or None,  # no empty list on every node
    }


def document_row(doc_id: str, doc: Document | None) -> dict[str, Any]:
    meta = doc.meta() if doc else {"id": doc_id}
    return {name: meta.get(name) for name in DOCUMENT_PROPERTIES}


def relationship_row(triple: Triple) -> dict[str, Any]:
    return _relationship_row(triple)


def mention_spans(entities: Iterable[Entity], triples: Iterable[Triple]) -> Iterator[tuple[str, str, int, int]]:
    """(document, entity id, start, end) of every span that mentions an entity: its named mentions and the
    argument spans of the evidence. ``MENTIONS.count`` is the number of distinct spans per (document, entity)
    (a distributed export counts them with a group-by)."""
    for entity in entities:
        for mention in entity.mentions:
            yield mention.document, entity.id, mention.start, mention.end
    for triple in triples:
        for e in triple.evidence:
            yield e.document, triple.subject.id, e.subject_start, e.subject_end
            yield e.document, triple.object.id, e.object_start, e.object_end


def generate_property_graph(graph: KnowledgeGraph, vocabulary: Vocabulary | None = None) -> PropertyGraph:
    """The rows of both Cypher stores, with labels and types checked against ``vocabulary`` (default: the
    graph's own)."""
    schema = CypherSchema.from_vocabulary(vocabulary or graph.vocabulary)
    out = PropertyGraph()

    entities = {e.id: e for e in graph.entities}
    for triple in graph.triples:
        entities.setdefault(triple.subject.id, triple.subject)
        entities.setdefault(triple.object.id, triple.object)
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    # Distinct mention spans per (document, entity): named mentions and the argument spans of evidence.
    spans: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for entity in sorted(entities.values(), key=lambda e: e.id):
        by_label[schema.label(entity.type, entity.id)].append(entity_row(entity))
        for mention in entity.mentions:
            spans[(mention.document, entity.id)].add((mention.start, mention.end))
    out.entities = dict(sorted(by_label.items()))

    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for triple in sorted(graph.triples, key=lambda t: t.id):
        by_type[schema.type_of(triple.predicate.id, triple.id)].append(_relationship_row(triple))
        for e in triple.evidence:
            spans[(e.document, triple.subject.id)].add((e.subject_start, e.subject_end))
            spans[(e.document, triple.object.id)].add((e.object_start, e.object_end))
    out.relationships = dict(sorted(by_type.items()))

    documents = {d.id: d for d in graph.documents}
    out.documents = [
        document_row(doc_id, documents.get(doc_id)) for doc_id in sorted(set(documents) | {doc for doc, _ in spans})
    ]
    out.mentions = [
        {"document": doc, "entity": entity, "count": len(found)} for (doc, entity), found in sorted(spans.items())
    ]
    return out
