"""RDF: the graph as Turtle, JSON-LD, N-Triples or N-Quads, with the provenance of every fact.

What is written (prefixes in :func:`kg.export.rdf_terms.prefixes`; base ``https://w3id.org/kg-news/id/``)::

    entity:ingrid-halvorsen-6d5ba8  a kg:Person ; rdfs:label "Ingrid Halvorsen" ; skos:altLabel "Halvorsen" ;
        dcterms:identifier "ingrid-halvorsen-6d5ba8" ;
        kg:meets entity:daniel-mwangi-030ac0 .                  # the fact itself, for simple SPARQL

    statement:st-0972aa5e8a4eacaa  a kg:Statement ;         # the same fact, described (rdf:Statement
        rdf:subject entity:ingrid-halvorsen-6d5ba8 ; rdf:predicate kg:meets ; rdf:object entity:daniel-mwangi-030ac0 ;
        kg:confidence "0.9"^^xsd:decimal ; kg:negated false ; kg:hedged false ;
        kg:evidence evidence:ev-1a2b... .                  #  reification: kg:Statement is a subclass)

    evidence:ev-1a2b...  a kg:Evidence ; prov:wasDerivedFrom doc:doc-5ac0ccf08dd9cfa0 ;
        kg:sentence "..." ; kg:start 0 ; kg:end 71 ; kg:subjectText ... ; kg:extractor "kg.svo.v1" .

    doc:doc-5ac0ccf08dd9cfa0  a kg:Article, schema:NewsArticle ; dcterms:identifier "doc-5ac0ccf08dd9cfa0" ;
        dcterms:title ... ; dcterms:date "2024-03-01"^^xsd:date ; schema:url "..."^^xsd:anyURI .

Choices, and why:

- Statements use standard reification (``rdf:subject/predicate/object`` on a ``kg:Statement`` node), not
  RDF-star: every parser and triple store reads it, and rdflib 7 cannot round-trip quoted triples.
- A negated fact is never asserted as a plain triple; it exists only as a statement with ``kg:negated true``.
- N-Quads: the default graph holds the entities, the plain (non-negated) assertions and the article
  descriptions; each article's graph, named by the article's IRI, holds the statements it supports with the
  evidence read from it. A fact read in two articles is described in both graphs (same statement IRI), each
  with its own evidence. A statement without evidence stays in the default graph. Turtle, N-Triples and
  JSON-LD hold the same triples in one graph.
- Every IRI is built from an id percent-encoded as one path segment, so no text can break out of it.
- Entity mentions and surface extractions stay in ``entities.jsonl`` and ``extractions.jsonl``.

>>> from kg.model import Entity, Relation, Triple
>>> a, b = Entity("a", "Alice", "Person"), Entity("b", "Bob", "Person")
>>> rdf = generate_rdf(KnowledgeGraph(triples=(Triple("st-1", a, Relation("kg:supports", "supports"), b, 0.9),)))
>>> (Iris().entity("a"), Iris().relation("kg:supports"), Iris().entity("b")) in rdf
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from kg.errors import OutputError
from kg.export import Written, in_folder
from kg.export.files import PathOrFile, open_output
from kg.export.rdf_stream import Quad, write_ntriples, write_turtle
from kg.export.rdf_terms import DEFAULT_BASE_IRI, STANDARD_PREFIXES, Iris, date_literal, decimal_literal
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Triple

if TYPE_CHECKING:
    import rdflib
    from rdflib.term import Node, URIRef

__all__ = [
    "DEFAULT_BASE_IRI",
    "FORMATS",
    "RdfFormat",
    "RdfSource",
    "generate_rdf",
    "graph_source",
    "iter_quads",
    "load_rdf",
    "rdf_format",
    "read_rdf",
    "write_rdf",
]


@dataclass(frozen=True, slots=True)
class RdfFormat:
    name: str
    extension: str
    rdflib: str  # rdflib's name for the parser
    graphs: bool  # holds named graphs


FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat("turtle", ".ttl", "turtle", False),
    "nt": RdfFormat("nt", ".nt", "nt", False),
    "nquads": RdfFormat("nquads", ".nq", "nquads", True),
    "json-ld": RdfFormat("json-ld", ".jsonld", "json-ld", False),
}
_ALIASES = {
    "ttl": "turtle",
    "ntriples": "nt",
    "n-triples": "nt",
    "nq": "nquads",
    "n-quads": "nquads",
    "jsonld": "json-ld",
}
_BY_EXTENSION = {f.extension: f for f in FORMATS.values()} | {".json": FORMATS["json-ld"]}


def rdf_format(name: str) -> RdfFormat:
    """A format by name or common alias (``ttl``, ``jsonld``, ``nq``...)."""
    key = name.lower()
    found = FORMATS.get(_ALIASES.get(key, key))
    if found is None:
        raise OutputError(f"unknown RDF format {name!r} (known: {', '.join(FORMATS)})")
    return found


_KG_TERMS = (
    *("Statement", "Evidence", "Article", "evidence", "confidence", "negated", "hedged", "attributedTo"),
    *("time", "place", "surface", "flag", "sentence", "start", "end", "extractor", "origin"),
    *("firstSeen", "lastSeen", "eventStart", "eventEnd", "dateRule", "disputed", "disputedBy", "sources"),
    *(
        "subjectText",
        "subjectStart",
        "subjectEnd",
        "subjectRule",
        "objectText",
        "objectStart",
        "objectEnd",
        "objectRule",
    ),
)


class _Terms:
    """The vocabulary terms, built once per export."""

    def __init__(self, iris: Iris) -> None:
        v = iris.vocab
        self.type, self.subject, self.predicate, self.object = (
            v("rdf", n) for n in ("type", "subject", "predicate", "object")
        )
        self.label, self.alt_label, self.note = v("rdfs", "label"), v("skos", "altLabel"), v("skos", "note")
        self.identifier, self.title, self.source = (v("dcterms", n) for n in ("identifier", "title", "source"))
        self.date, self.creator = v("dcterms", "date"), v("dcterms", "creator")
        self.url, self.news_article = v("schema", "url"), v("schema", "NewsArticle")
        self.derived_from = v("prov", "wasDerivedFrom")
        self.any_uri = v("xsd", "anyURI")
        self.kg = {name: v("kg", name) for name in _KG_TERMS}


@dataclass(frozen=True, slots=True)
class RdfSource:
    """What the export reads, as streams in the order it writes them: every entity (by id) with the
    (relation, object) of its asserted facts (sorted), every article (by id; None: only its id is known),
    every fact (by id). :func:`graph_source` makes one of a graph in memory; a streaming build makes one of
    its files, so a graph of any size is written in constant memory."""

    entities: Iterable[tuple[Entity, Sequence[tuple[str, str]]]]
    articles: Iterable[tuple[str, Document | None]]
    triples: Iterable[Triple]


def graph_source(graph: KnowledgeGraph) -> RdfSource:
    """The streams of a graph in memory."""
    triples = sorted(graph.triples, key=lambda t: t.id)
    asserted: dict[str, list[Triple]] = defaultdict(list)
    for t in triples:
        if not t.negated:
            asserted[t.subject.id].append(t)
    # Triple endpoints missing from graph.entities (a hand-made graph) are still described.
    found = {e.id: e for e in graph.entities}
    for t in graph.triples:
        found.setdefault(t.subject.id, t.subject)
        found.setdefault(t.object.id, t.object)
    entities = [
        (found[k], [(t.predicate.id, t.object.id) for t in sorted(asserted.get(k, ()), key=_by_relation)])
        for k in sorted(found)
    ]
    documents = {d.id: d for d in graph.documents}
    cited = {ev.document for t in triples for ev in t.evidence}
    articles = [(doc_id, documents.get(doc_id)) for doc_id in sorted(documents.keys() | cited)]
    return RdfSource(entities, articles, triples)


def _by_relation(t: Triple) -> tuple[str, str]:
    return (t.predicate.id, t.object.id)


def _entity(e: Entity, asserted: Sequence[tuple[str, str]], iris: Iris, v: _Terms) -> Iterator[tuple[Node, Node, Node]]:
    from rdflib import Literal

    s = iris.entity(e.id)
    yield s, v.type, iris.entity_class(e.type)
    yield s, v.label, Literal(e.label)
    for alias in dict.fromkeys(e.aliases):
        yield s, v.alt_label, Literal(alias)
    if e.note:
        yield s, v.note, Literal(e.note)
    yield s, v.identifier, Literal(e.id)
    for relation, obj in asserted:
        yield s, iris.relation(relation), iris.entity(obj)


def _article(doc_id: str, doc: Document | None, iris: Iris, v: _Terms) -> Iterator[tuple[Node, Node, Node]]:
    from rdflib import Literal

    d = iris.document(doc_id)
    yield d, v.type, v.kg["Article"]
    yield d, v.type, v.news_article
    yield d, v.identifier, Literal(doc_id)
    if doc is None:
        return
    if doc.title:
        yield d, v.title, Literal(doc.title)
    if doc.source:
        yield d, v.source, Literal(doc.source)
    if doc.published:
        yield d, v.date, date_literal(doc.published)
    if doc.url:
        # A literal, not an IRI: a URL from a page may hold anything, and a literal keeps it exactly.
        yield d, v.url, Literal(doc.url, datatype=v.any_uri)
    if doc.author:
        yield d, v.creator, Literal(doc.author)
    if doc.origin:
        yield d, v.kg["origin"], Literal(doc.origin)


def _statement(t: Triple, st: URIRef, iris: Iris, v: _Terms) -> Iterator[tuple[Node, Node, Node]]:
    from rdflib import XSD, Literal

    k = v.kg
    yield st, v.type, k["Statement"]
    yield st, v.identifier, Literal(t.id)
    yield st, v.subject, iris.entity(t.subject.id)
    yield st, v.predicate, iris.relation(t.predicate.id)
    yield st, v.object, iris.entity(t.object.id)
    yield st, k["confidence"], decimal_literal(t.confidence)
    yield st, k["negated"], Literal(bool(t.negated))
    yield st, k["hedged"], Literal(bool(t.hedged))
    if t.attributed_to:
        yield st, k["attributedTo"], Literal(t.attributed_to)
    for value in dict.fromkeys(t.time):
        yield st, k["time"], Literal(value)
    for value in dict.fromkeys(t.place):
        yield st, k["place"], Literal(value)
    if t.predicate.surface:
        yield st, k["surface"], Literal(t.predicate.surface)
    for flag in dict.fromkeys(t.flags):
        yield st, k["flag"], Literal(flag)
    for key, day in (("firstSeen", t.first_seen), ("lastSeen", t.last_seen)):
        if day:
            yield st, k[key], Literal(day, datatype=XSD.date)
    if t.sources:
        yield st, k["sources"], Literal(int(t.sources))
    if t.disputed:
        yield st, k["disputed"], Literal(True)
        for other in t.disputed_by:
            yield st, k["disputedBy"], iris.statement(other)


def _evidence(e: Evidence, node: URIRef, iris: Iris, v: _Terms) -> Iterator[tuple[Node, Node, Node]]:
    from rdflib import XSD, Literal

    k = v.kg
    yield node, v.type, k["Evidence"]
    yield node, v.derived_from, iris.document(e.document)
    yield node, k["sentence"], Literal(e.sentence)
    yield node, k["start"], Literal(int(e.start))
    yield node, k["end"], Literal(int(e.end))
    yield node, k["subjectText"], Literal(e.subject_text)
    yield node, k["subjectStart"], Literal(int(e.subject_start))
    yield node, k["subjectEnd"], Literal(int(e.subject_end))
    yield node, k["subjectRule"], Literal(e.subject_rule)
    yield node, k["objectText"], Literal(e.object_text)
    yield node, k["objectStart"], Literal(int(e.object_start))
    yield node, k["objectEnd"], Literal(int(e.object_end))
    yield node, k["objectRule"], Literal(e.object_rule)
    yield node, k["extractor"], Literal(e.extractor)
    yield node, k["confidence"], decimal_literal(e.confidence)
    yield node, k["hedged"], Literal(bool(e.hedged))
    for key, value in (("attributedTo", e.attributed_to), ("time", e.time), ("place", e.place)):
        if value:
            yield node, k[key], Literal(value)
    for key, day in (("eventStart", e.event_start), ("eventEnd", e.event_end)):
        if day:
            yield node, k[key], Literal(day, datatype=XSD.date)
    if e.date_rule:
        yield node, k["dateRule"], Literal(e.date_rule)


def iter_quads(
    graph: KnowledgeGraph | RdfSource, base_iri: str = DEFAULT_BASE_IRI, *, named_graphs: bool = False
) -> Iterator[Quad]:
    """Every RDF triple of the export, grouped by subject, with its graph (None: the default graph).

    Without ``named_graphs`` every graph member is None and each statement is described once.
    """
    iris = Iris(base_iri)
    v = _Terms(iris)
    source = graph if isinstance(graph, RdfSource) else graph_source(graph)
    for e, asserted in source.entities:
        for s, p, o in _entity(e, asserted, iris, v):
            yield s, p, o, None
    for doc_id, doc in source.articles:
        for s, p, o in _article(doc_id, doc, iris, v):
            yield s, p, o, None
    for t in source.triples:
        yield from _statement_quads(t, iris, v, named_graphs)


def _statement_quads(t: Triple, iris: Iris, v: _Terms, named_graphs: bool) -> Iterator[Quad]:
    st = iris.statement(t.id)
    by_graph: dict[URIRef | None, dict[URIRef, Evidence]] = {}
    for ev in t.evidence:
        g = iris.document(ev.document) if named_graphs else None
        by_graph.setdefault(g, {}).setdefault(iris.evidence(t.id, ev), ev)
    for g, evidence in by_graph.items() or [(None, {})]:
        for s, p, o in _statement(t, st, iris, v):
            yield s, p, o, g
        for node in evidence:
            yield st, v.kg["evidence"], node, g
        for node, ev in evidence.items():
            for s, p, o in _evidence(ev, node, iris, v):
                yield s, p, o, g


def _bind(target: rdflib.Graph, base_iri: str) -> None:
    for name, namespace in Iris(base_iri).prefixes.items():
        target.bind(name, namespace, override=True, replace=True)


@overload
def generate_rdf(
    graph: KnowledgeGraph | RdfSource, base_iri: str = ..., *, named_graphs: Literal[False] = ...
) -> rdflib.Graph: ...
@overload
def generate_rdf(
    graph: KnowledgeGraph | RdfSource, base_iri: str = ..., *, named_graphs: Literal[True]
) -> rdflib.Dataset: ...
def generate_rdf(
    graph: KnowledgeGraph | RdfSource, base_iri: str = DEFAULT_BASE_IRI, *, named_graphs: bool = False
) -> rdflib.Graph | rdflib.Dataset:
    """The export as an rdflib Graph, or a Dataset with one named graph per article (``named_graphs``)."""
    import rdflib
    from rdflib import URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    if named_graphs:
        dataset = rdflib.Dataset()
        _bind(dataset, base_iri)
        dataset.addN(
            (s, p, o, dataset.graph(g if isinstance(g, URIRef) else DATASET_DEFAULT_GRAPH_ID))
            for s, p, o, g in iter_quads(graph, base_iri, named_graphs=True)
        )
        return dataset
    result = rdflib.Graph(bind_namespaces="none")
    _bind(result, base_iri)
    for s, p, o, _ in iter_quads(graph, base_iri):
        result.add((s, p, o))
    return result


def write_rdf(
    graph: KnowledgeGraph | RdfSource, target: PathOrFile, format: str = "turtle", base_iri: str = DEFAULT_BASE_IRI
) -> int:
    """Write the export to a path (atomically) or an open text file; returns how many triples (quads) it wrote.

    Turtle, N-Triples and N-Quads stream (constant memory); JSON-LD goes through rdflib's serializer.
    """
    fmt = rdf_format(format)
    iris = Iris(base_iri)  # checks the base before anything is opened
    with open_output(target) as handle:
        if fmt.name == "json-ld":
            rdf = generate_rdf(graph, base_iri)
            handle.write(rdf.serialize(format="json-ld", context=dict(iris.prefixes), auto_compact=True))
            handle.write("\n")
            return len(rdf)
        if fmt.name == "turtle":
            return write_turtle(iter_quads(graph, base_iri), handle, iris.prefixes)
        return write_ntriples(iter_quads(graph, base_iri, named_graphs=fmt.graphs), handle, graphs=fmt.graphs)


def read_rdf(path: str | Path, format: str | None = None) -> rdflib.Dataset:
    """Parse an RDF file (format from its extension unless given) into a Dataset whose default graph is the union."""
    import rdflib

    path = Path(path)
    fmt = rdf_format(format) if format else _BY_EXTENSION.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: cannot tell the RDF format from the extension (use .ttl, .nt, .nq or .jsonld)")
    dataset = rdflib.Dataset(default_union=True)
    for name, namespace in STANDARD_PREFIXES.items():
        dataset.bind(name, namespace, override=True, replace=True)
    invalid: tuple[type[Exception], ...] = (SyntaxError, ValueError, rdflib.exceptions.ParserError)
    if fmt.name == "json-ld":
        # rdflib's JSON-LD parser trips over ill-typed values (a number where a string belongs) with these.
        invalid += (TypeError, KeyError, AttributeError)
    try:
        dataset.parse(path, format=fmt.rdflib)
    except FileNotFoundError:
        raise OutputError(f"{path}: not found") from None
    except invalid as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise OutputError(f"{path}: not valid {fmt.name}: {first}") from None
    return dataset


def load_rdf(folder: str | Path, base_iri: str = DEFAULT_BASE_IRI) -> tuple[rdflib.Dataset, str]:
    """The RDF of an output folder (or an RDF file), and where it came from.

    Reads the folder's ``graph.ttl`` (or ``.nt``, ``.nq``, ``.jsonld``) unless it is older than
    ``triples.jsonl``; otherwise regenerates the Turtle-shaped graph from the JSONL files.
    """
    import rdflib

    from kg.graph import load

    folder = Path(folder)
    if folder.is_file():
        return read_rdf(folder), str(folder)
    triples = folder / "triples.jsonl"
    written = triples.stat().st_mtime if triples.exists() else None
    for fmt in FORMATS.values():
        path = folder / f"graph{fmt.extension}"
        if path.exists() and (written is None or path.stat().st_mtime >= written):
            return read_rdf(path, fmt.name), str(path)
    dataset = rdflib.Dataset(default_union=True)
    _bind(dataset, base_iri)
    dataset.addN((s, p, o, dataset.default_graph) for s, p, o, _ in iter_quads(load(folder), base_iri))
    return dataset, f"{triples} (regenerated)"


class RdfExporter:
    """Turtle, JSON-LD, N-Triples or N-Quads (``format``), under ``base_iri``."""

    name = "rdf"
    default_target = "graph.ttl"

    def generate(self, graph: KnowledgeGraph, **options: Any) -> Iterator[Quad]:
        fmt = rdf_format(options.get("format", "turtle"))
        return iter_quads(graph, options.get("base_iri", DEFAULT_BASE_IRI), named_graphs=fmt.graphs)

    def write(self, graph: KnowledgeGraph, target: str | Path, **options: Any) -> Written:
        fmt = rdf_format(options.get("format", "turtle"))
        path = in_folder(target, f"graph{fmt.extension}")
        count = write_rdf(graph, path, format=fmt.name, base_iri=options.get("base_iri", DEFAULT_BASE_IRI))
        return Written(self.name, (path,), count, f"RDF: {count:,} triples in {path.name}")


EXPORTER = RdfExporter()
