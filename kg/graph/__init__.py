"""The knowledge graph in memory: documents, entities and triples, with a networkx view.

A :class:`KnowledgeGraph` is what ``kg.build`` returns and what every exporter reads. It can be saved to and
loaded from an output folder (``triples.jsonl``, ``entities.jsonl``, ``documents.jsonl``), so exporters work
on earlier runs too.

>>> from kg.model import Entity, Relation, Triple
>>> halvorsen = Entity("halvorsen", "Ingrid Halvorsen", "Person")
>>> mwangi = Entity("mwangi", "Daniel Mwangi", "Person")
>>> g = KnowledgeGraph(triples=(Triple("t1", halvorsen, Relation("kg:meets", "meets"), mwangi, 0.9),))
>>> nx_graph = g.to_networkx()
>>> sorted(nx_graph.nodes), [d["predicate"] for _, _, d in nx_graph.edges(data=True)]
(['halvorsen', 'mwangi'], ['kg:meets'])
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, OutputError
from kg.model import Document, Entity, Evidence, Extraction, Mention, Relation, Triple

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["KnowledgeGraph", "load", "triple_from_dict"]


@dataclass(frozen=True, slots=True)
class KnowledgeGraph:
    """Triples with their entities and the documents they were read from."""

    triples: tuple[Triple, ...] = ()
    entities: tuple[Entity, ...] = ()
    documents: tuple[Document, ...] = ()
    extractions: tuple[Extraction, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.entities and self.triples:
            # A graph built from triples alone still knows its entities.
            seen: dict[str, Entity] = {}
            for t in self.triples:
                seen.setdefault(t.subject.id, t.subject)
                seen.setdefault(t.object.id, t.object)
            object.__setattr__(self, "entities", tuple(sorted(seen.values(), key=lambda e: e.id)))

    def entity(self, key: str) -> Entity | None:
        """An entity by id, label or alias (case-insensitive for labels)."""
        folded = key.casefold()
        for e in self.entities:
            if e.id == key or e.label.casefold() == folded or any(a.casefold() == folded for a in e.aliases):
                return e
        return None

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph: entity nodes (label, type, aliases) and one edge per triple with its evidence."""
        import networkx as nx

        graph = nx.MultiDiGraph()
        for e in self.entities:
            graph.add_node(e.id, label=e.label, type=e.type, aliases=list(e.aliases))
        for t in self.triples:
            graph.add_edge(
                t.subject.id,
                t.object.id,
                key=t.id,
                predicate=t.predicate.id,
                label=t.predicate.label,
                surface=t.predicate.surface,
                confidence=t.confidence,
                negated=t.negated,
                hedged=t.hedged,
                attributed_to=t.attributed_to,
                time=list(t.time),
                place=list(t.place),
                evidence=[e.to_dict() for e in t.evidence],
                documents=list(t.documents),
            )
        return graph


# -- reading an output folder back -------------------------------------------------------------------


def _entity_from_dict(row: dict[str, Any]) -> Entity:
    mentions = tuple(
        Mention(m["document"], m["start"], m["end"], m["text"], row["label"], rule=m.get("rule", "ner"))
        for m in row.get("mentions", ())
    )
    merged_by = tuple(m.get("merged_by", "exact") for m in row.get("mentions", ()))
    return Entity(
        row["id"],
        row["label"],
        row["type"],
        tuple(row.get("aliases", ())),
        mentions,
        merged_by,
        row.get("note"),
    )


def triple_from_dict(row: dict[str, Any]) -> Triple:
    """The inverse of :meth:`Triple.to_dict` (the ``triples.jsonl`` contract)."""
    evidence = tuple(Evidence(**e) for e in row.get("evidence", ()))
    predicate = row["predicate"]
    return Triple(
        id=row["id"],
        subject=_entity_from_dict(row["subject"]),
        predicate=Relation(predicate["id"], predicate["label"], predicate.get("surface")),
        object=_entity_from_dict(row["object"]),
        confidence=row["confidence"],
        negated=row.get("negated", False),
        hedged=row.get("hedged", False),
        attributed_to=row.get("attributed_to"),
        time=tuple(row.get("time", ())),
        place=tuple(row.get("place", ())),
        evidence=evidence,
        flags=tuple(row.get("flags", ())),
        sources=row.get("sources", 0),
        disputed_by=tuple(row.get("disputed_by", ())),
    )


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    from kg.jsonlines import read_json_lines

    if not path.exists():
        raise OutputError(f"{path}: not found (is this a `kg build --out` folder?)")
    try:
        for _, row in read_json_lines(path):
            yield row
    except InputError as error:
        raise OutputError(str(error)) from None


def load(folder: str | Path) -> KnowledgeGraph:
    """Load the graph a ``kg build --out FOLDER`` run wrote.

    >>> import tempfile
    >>> from kg.export.jsonl import write_outputs
    >>> lee, acme = Entity("lee", "Ann Lee", "Person"), Entity("acme", "Acme", "Organization")
    >>> graph = KnowledgeGraph(triples=(Triple("t1", lee, Relation("kg:leads", "leads"), acme, 0.9),))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = write_outputs(graph, folder)
    ...     [(t.subject.label, t.predicate.label, t.object.label) for t in load(folder).triples]
    [('Ann Lee', 'leads', 'Acme')]
    """
    folder = Path(folder)
    triples = tuple(triple_from_dict(r) for r in _rows(folder / "triples.jsonl"))
    entities: tuple[Entity, ...] = ()
    if (folder / "entities.jsonl").exists():
        entities = tuple(_entity_from_dict(r) for r in _rows(folder / "entities.jsonl"))
    documents: tuple[Document, ...] = ()
    if (folder / "documents.jsonl").exists():
        documents = tuple(Document.from_dict(r) for r in _rows(folder / "documents.jsonl"))
    return KnowledgeGraph(triples=triples, entities=entities, documents=documents)
