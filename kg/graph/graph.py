"""The knowledge graph in memory: documents, entities and triples, with a networkx view.

>>> from kg.model import Entity, Relation, Triple
>>> halvorsen = Entity("halvorsen", "Ingrid Halvorsen", "Person")
>>> mwangi = Entity("mwangi", "Daniel Mwangi", "Person")
>>> g = KnowledgeGraph(triples=(Triple("t1", halvorsen, Relation("kg:meets", "meets"), mwangi, 0.9),))
>>> nx_graph = g.to_networkx()
>>> sorted(nx_graph.nodes), [d["predicate"] for _, _, d in nx_graph.edges(data=True)]
(['halvorsen', 'mwangi'], ['kg:meets'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.model import Document, Entity, Extraction, Triple

if TYPE_CHECKING:
    import networkx as nx

    from kg.ontology import Ontology
    from kg.ontology.vocabulary import Vocabulary

__all__ = ["KnowledgeGraph"]


@dataclass(frozen=True, slots=True)
class KnowledgeGraph:
    """Triples with their entities and the documents they were read from."""

    triples: tuple[Triple, ...] = ()
    entities: tuple[Entity, ...] = ()
    documents: tuple[Document, ...] = ()
    extractions: tuple[Extraction, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)
    # The vocabulary the graph was built with (exporters check labels and relation types against it); a graph
    # read back from a folder gets the built-in one when first asked.
    ontology: Ontology | None = field(default=None, compare=False, repr=False)

    @property
    def vocabulary(self) -> Vocabulary:
        if self.ontology is None:
            from kg.ontology import load_ontology

            object.__setattr__(self, "ontology", load_ontology())
        assert self.ontology is not None
        return self.ontology.vocabulary

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
