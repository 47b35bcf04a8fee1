"""What the export says about each fact: statement, flags, evidence, article, and the N-Quads layout."""

from __future__ import annotations

import rdflib
from rdflib import XSD, Literal

from kg.export.rdf import generate_rdf
from kg.export.rdf_terms import KG, Iris
from kg.graph import KnowledgeGraph
from kg.model import Entity, Evidence, Relation, Triple
from kg.shacl import validate_rdf

from .graphs import research_graph

K = rdflib.Namespace(KG)
RDF, RDFS, SKOS, DCTERMS, PROV = rdflib.RDF, rdflib.RDFS, rdflib.SKOS, rdflib.DCTERMS, rdflib.PROV
SCHEMA = rdflib.Namespace("https://schema.org/")
IRI = Iris()


def test_entities_are_typed_labelled_and_aliased() -> None:
    rdf = generate_rdf(research_graph())
    norway = IRI.entity("country-no")
    assert set(rdf.objects(norway, RDF.type)) == {K.Country}
    assert list(rdf.objects(norway, RDFS.label)) == [Literal("Norway")]
    assert list(rdf.objects(norway, SKOS.altLabel)) == [Literal("Norwegian")]
    assert rdf.value(IRI.entity("person-halvorsen"), SKOS.note) == Literal("Norwegian foreign minister")


def test_a_fact_is_a_plain_triple_and_a_described_statement() -> None:
    rdf = generate_rdf(research_graph())
    st = IRI.statement("st-supports")
    assert (IRI.entity("country-no"), K.supports, IRI.entity("country-ke")) in rdf
    assert rdf.value(st, RDF.type) == K.Statement
    assert (rdf.value(st, RDF.subject), rdf.value(st, RDF.predicate), rdf.value(st, RDF.object)) == (
        IRI.entity("country-no"),
        K.supports,
        IRI.entity("country-ke"),
    )
    assert rdf.value(st, K.confidence) == Literal("0.9", datatype=XSD.decimal)
    assert rdf.value(st, K.negated) == Literal(False)
    assert rdf.value(st, DCTERMS.identifier) == Literal("st-supports")
    assert len(list(rdf.objects(st, K.evidence))) == 2


def test_negated_facts_are_statements_only() -> None:
    rdf = generate_rdf(research_graph())
    uganda, kenya = IRI.entity("country-ug"), IRI.entity("country-ke")
    assert (uganda, K.supports, kenya) not in rdf
    assert rdf.value(IRI.statement("st-neg"), K.negated) == Literal(True)
    assert rdf.value(IRI.statement("st-neg"), RDF.predicate) == K.supports


def test_a_negated_twin_does_not_remove_or_duplicate_the_asserted_fact(shacl: None) -> None:
    a, b = Entity("a", "A", "Person"), Entity("b", "B", "Person")
    ev = Evidence("d", "A backs B. A does not back B.", 0, 28, "A", 0, 1, "B", 8, 9, "kg.svo.v1")
    rel = Relation("kg:supports", "supports")
    graph = KnowledgeGraph(
        triples=(
            Triple("st-pos", a, rel, b, 0.9, evidence=(ev,)),
            Triple("st-neg", a, rel, b, 0.6, True, evidence=(ev,)),
        )
    )
    rdf = generate_rdf(graph)
    assert (IRI.entity("a"), K.supports, IRI.entity("b")) in rdf
    assert len(set(rdf.subjects(RDF.type, K.Statement))) == 2
    assert validate_rdf(rdf) == []


def test_qualifiers_surface_verb_and_flags() -> None:
    rdf = generate_rdf(research_graph())
    st = IRI.statement("st-borders")
    assert rdf.value(st, RDF.predicate) == K.relatedTo
    assert rdf.value(st, K.surface) == Literal("borders")
    assert rdf.value(st, K.hedged) == Literal(True)
    assert rdf.value(st, K.attributedTo) == Literal("officials")
    assert rdf.value(st, K.place) == Literal("East Africa")
    assert rdf.value(st, K.flag) == Literal("unmapped")
    assert rdf.value(IRI.statement("st-visit"), K.time) == Literal("on Monday")
    assert rdf.value(IRI.statement("st-visit"), K.surface) is None


def test_evidence_points_at_its_sentence_spans_and_article() -> None:
    rdf = generate_rdf(research_graph())
    (ev,) = rdf.objects(IRI.statement("st-visit"), K.evidence)
    assert rdf.value(ev, RDF.type) == K.Evidence
    assert rdf.value(ev, K.sentence) == Literal("Halvorsen visited Kenya on Monday.")
    assert (rdf.value(ev, K.start), rdf.value(ev, K.end)) == (Literal(100), Literal(134))
    assert (rdf.value(ev, K.subjectText), rdf.value(ev, K.subjectStart), rdf.value(ev, K.subjectEnd)) == (
        Literal("Halvorsen"),
        Literal(100),
        Literal(109),
    )
    assert (rdf.value(ev, K.objectText), rdf.value(ev, K.objectStart)) == (Literal("Kenya"), Literal(118))
    assert rdf.value(ev, K.extractor) == Literal("kg.svo.v1")
    assert rdf.value(ev, K.time) == Literal("on Monday")
    assert rdf.value(ev, PROV.wasDerivedFrom) == IRI.document("d2")


def test_articles_carry_their_metadata_with_typed_dates() -> None:
    rdf = generate_rdf(research_graph())
    d1, d2, d3 = (IRI.document(d) for d in ("d1", "d2", "d3"))
    assert set(rdf.objects(d1, RDF.type)) == {K.Article, SCHEMA.NewsArticle}
    assert rdf.value(d1, DCTERMS.title) == Literal("Water pact signed")
    assert rdf.value(d1, DCTERMS.source) == Literal("Daily Nation")
    assert rdf.value(d1, SCHEMA.url) == Literal("https://nation.example/water", datatype=XSD.anyURI)
    assert rdf.value(d1, DCTERMS.date) == Literal("2024-03-04", datatype=XSD.date)
    assert rdf.value(d2, DCTERMS.date).datatype == XSD.dateTime  # type: ignore[union-attr]
    assert rdf.value(d3, DCTERMS.date) == Literal("March 2024")  # not a date: kept as written
    assert rdf.value(d3, DCTERMS.creator) == Literal("A. Writer")


def test_n_quads_puts_each_articles_statements_in_its_graph() -> None:
    ds = generate_rdf(research_graph(), named_graphs=True)
    default = ds.default_graph
    d1, d2 = ds.graph(IRI.document("d1")), ds.graph(IRI.document("d2"))
    st = IRI.statement("st-supports")
    # Entities, plain facts and article descriptions: the default graph.
    assert (IRI.entity("country-no"), K.supports, IRI.entity("country-ke")) in default
    assert (IRI.entity("country-no"), RDFS.label, Literal("Norway")) in default
    assert (IRI.document("d1"), DCTERMS.title, Literal("Water pact signed")) in default
    assert (st, RDF.type, K.Statement) not in default
    # A fact read in two articles is described in both graphs, each with its own evidence.
    for graph, doc in ((d1, "d1"), (d2, "d2")):
        assert (st, RDF.type, K.Statement) in graph
        (ev,) = graph.objects(st, K.evidence)
        assert graph.value(ev, PROV.wasDerivedFrom) == IRI.document(doc)
    assert (IRI.statement("st-visit"), RDF.type, K.Statement) in d2
    assert (IRI.statement("st-visit"), RDF.type, K.Statement) not in d1
    names = {g.identifier for g in ds.graphs()} - {default.identifier}
    assert names == {IRI.document(d) for d in ("d1", "d2", "d3")}
