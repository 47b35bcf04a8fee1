"""The vocabulary in ``kg.ttl``: classes with their NER labels, relations with domain, range and symmetry.

>>> vocab = load_vocabulary()
>>> vocab.relation("kg:meets").symmetric, vocab.relation("kg:kills").range
(True, 'Person')
>>> vocab.is_a("Country", "Place"), vocab.is_a("Person", "Place")
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import OntologyError

__all__ = ["KG", "ClassInfo", "RelationInfo", "Vocabulary", "curie", "load_vocabulary"]

KG = "https://w3id.org/kg-news/ontology#"


def curie(local: str) -> str:
    return f"kg:{local}"


@dataclass(frozen=True, slots=True)
class ClassInfo:
    name: str
    label: str
    parents: tuple[str, ...]
    ner_labels: tuple[str, ...]
    definition: str = ""


@dataclass(frozen=True, slots=True)
class RelationInfo:
    id: str  # CURIE, kg:supports
    label: str
    domain: str | None
    range: str | None
    symmetric: bool
    parents: tuple[str, ...]
    definition: str = ""
    mappings: tuple[str, ...] = ()

    @property
    def local(self) -> str:
        return self.id.split(":", 1)[1]


@dataclass(slots=True)
class Vocabulary:
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    relations: dict[str, RelationInfo] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)

    def relation(self, rel_id: str) -> RelationInfo:
        try:
            return self.relations[rel_id]
        except KeyError:
            raise OntologyError(f"unknown relation {rel_id} (not declared in any ontology .ttl file)") from None

    def ancestors(self, name: str) -> list[str]:
        """The class and all its superclasses (breadth first)."""
        return _closure(name, lambda n: self.classes[n].parents if n in self.classes else ())

    def is_a(self, name: str, ancestor: str | None) -> bool:
        return ancestor is None or ancestor in self.ancestors(name)

    def class_for_ner(self, label: str) -> str | None:
        for info in self.classes.values():
            if label in info.ner_labels:
                return info.name
        return None

    def relation_ancestors(self, rel_id: str) -> list[str]:
        """The relation and all its super-properties (breadth first)."""
        return _closure(rel_id, lambda r: self.relations[r].parents if r in self.relations else ())


def _closure(start: str, parents: Callable[[str], Iterable[str]]) -> list[str]:
    order, queue = [], [start]
    while queue:
        current = queue.pop(0)
        if current not in order:
            order.append(current)
            queue.extend(parents(current))
    return order


def _local(term: object) -> str | None:
    text = str(term)
    return text[len(KG) :] if text.startswith(KG) else None


def load_vocabulary(paths: Iterable[Path] = ()) -> Vocabulary:
    """The built-in ``kg.ttl`` merged with any extra Turtle files."""
    # complex: reads classes and relations from Turtle with one check per property, each naming the term.
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    from kg.resources import ontology_file

    graph = rdflib.Graph()
    sources = [ontology_file("kg.ttl"), *paths]
    for path in sources:
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError:
            raise OntologyError(f"{path}: no such file") from None
        except (
            SyntaxError,
            rdflib.exceptions.ParserError,
        ) as error:  # rdflib reports Turtle errors with a line
            raise OntologyError(f"{path}: invalid Turtle: {str(error).strip().splitlines()[0]}") from None
    nerlabel = rdflib.URIRef(KG + "nerLabel")

    def text(subject: rdflib.term.Node, predicate: rdflib.term.Node) -> str:
        value = graph.value(subject, predicate)
        return str(value) if value is not None else ""

    vocab = Vocabulary(sources=sources)
    for subject in sorted(set(graph.subjects(RDF.type, OWL.Class)), key=str):
        name = _local(subject)
        if name is None:
            continue
        parents = tuple(sorted(p for p in (_local(o) for o in graph.objects(subject, RDFS.subClassOf)) if p))
        vocab.classes[name] = ClassInfo(
            name,
            text(subject, RDFS.label) or name,
            parents,
            tuple(sorted(str(o) for o in graph.objects(subject, nerlabel))),
            text(subject, SKOS.definition),
        )
    symmetric = set(graph.subjects(RDF.type, OWL.SymmetricProperty))
    for subject in sorted(set(graph.subjects(RDF.type, OWL.ObjectProperty)), key=str):
        name = _local(subject)
        if name is None or name in ("evidence",):
            continue
        domain = _local(graph.value(subject, RDFS.domain)) if graph.value(subject, RDFS.domain) else None
        range_ = _local(graph.value(subject, RDFS.range)) if graph.value(subject, RDFS.range) else None
        parents = tuple(sorted(curie(p) for p in (_local(o) for o in graph.objects(subject, RDFS.subPropertyOf)) if p))
        mappings = tuple(sorted(str(o) for p in (SKOS.exactMatch, SKOS.closeMatch) for o in graph.objects(subject, p)))
        vocab.relations[curie(name)] = RelationInfo(
            curie(name),
            text(subject, RDFS.label) or name,
            domain if domain != "Entity" else None,
            range_ if range_ != "Entity" else None,
            subject in symmetric,
            parents,
            text(subject, SKOS.definition),
            mappings,
        )
    for info in vocab.relations.values():
        for end in (info.domain, info.range):
            if end is not None and end not in vocab.classes:
                raise OntologyError(f"relation {info.id} names class kg:{end}, which no .ttl file declares")
    return vocab
