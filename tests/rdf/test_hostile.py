"""Article text cannot break an IRI or a literal: hostile strings in every field, in every format."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import rdflib

from kg.errors import ExportError, OutputError
from kg.export.rdf import FORMATS, generate_rdf, read_rdf, write_rdf
from kg.export.rdf_terms import DEFAULT_BASE_IRI, KG, STANDARD_PREFIXES, Iris, segment
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Relation, Triple

from .graphs import HOSTILE, hostile_graph
from .test_roundtrip import union

DCTERMS, RDFS, SCHEMA = rdflib.DCTERMS, rdflib.RDFS, rdflib.Namespace("https://schema.org/")
# RFC 3987: characters an IRI may never hold unescaped.
FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|^`\\\x7f]")
OUR_IRI = re.compile(re.escape(DEFAULT_BASE_IRI) + r"(entity|statement|evidence|document)/[A-Za-z0-9._~%-]+")
ALLOWED_NAMESPACES = (DEFAULT_BASE_IRI, *STANDARD_PREFIXES.values())


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, rdflib.Graph]:
    folder = tmp_path_factory.mktemp("hostile")
    out = {}
    for fmt in FORMATS.values():
        write_rdf(hostile_graph(), folder / f"graph{fmt.extension}", format=fmt.name)
        out[fmt.name] = union(read_rdf(folder / f"graph{fmt.extension}"))
    return out


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_iri_is_valid_and_stays_in_our_namespaces(parsed: dict[str, rdflib.Graph], fmt: str) -> None:
    iris = {term for triple in parsed[fmt] for term in triple if isinstance(term, rdflib.URIRef)}
    assert iris
    for iri in iris:
        assert not FORBIDDEN.search(iri), iri
        assert str(iri).startswith(ALLOWED_NAMESPACES), iri
        # Ours: one kind segment, then one percent-encoded segment and nothing else.
        if str(iri).startswith(DEFAULT_BASE_IRI):
            assert OUR_IRI.fullmatch(iri), iri
    assert not any(isinstance(term, rdflib.BNode) for triple in parsed[fmt] for term in triple)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_text_comes_back_exactly(parsed: dict[str, rdflib.Graph], fmt: str) -> None:
    rdf = parsed[fmt]
    iris = Iris()
    for text in HOSTILE:
        doc = iris.document(text)
        # The id is one percent-encoded segment that decodes back to itself.
        assert str(doc).startswith(DEFAULT_BASE_IRI + "document/")
        assert "/" not in doc[len(DEFAULT_BASE_IRI + "document/") :]
        assert unquote(doc[len(DEFAULT_BASE_IRI + "document/") :]) == text
        assert str(rdf.value(doc, DCTERMS.identifier)) == text
        assert str(rdf.value(doc, DCTERMS.title)) == text
        assert str(rdf.value(doc, SCHEMA.url)) == text
        assert str(rdf.value(doc, DCTERMS.source)) == text
        entity = iris.entity(f"{text}-s")
        assert str(rdf.value(entity, RDFS.label)) == text
        assert {str(a) for a in rdf.objects(entity, rdflib.SKOS.altLabel)} == {text, text + " alias"}
    sentences = {str(o) for o in rdf.objects(None, rdflib.URIRef(KG + "sentence"))}
    surfaces = {str(o) for o in rdf.objects(None, rdflib.URIRef(KG + "surface"))}
    assert sentences == surfaces == set(HOSTILE)


def test_distinct_ids_get_distinct_iris() -> None:
    ids = [*HOSTILE, "a b", "a%20b", "a+b", "A", "a", "%", "%25", "...", "~", "é", "e\u0301"]
    iris = [Iris().document(i) for i in ids]
    assert len(set(iris)) == len(ids)
    assert segment(".") == "%2E" and segment("..") == "%2E%2E"


def test_n_triples_lines_cannot_be_split_or_extended() -> None:
    out = io.StringIO()
    count = write_rdf(hostile_graph(), out, format="nt")
    lines = out.getvalue().splitlines()
    assert len(lines) == count
    for line in lines:
        # Each line is one triple: parsing it alone gives exactly one.
        assert len(rdflib.Graph().parse(data=line, format="nt")) == 1, line


def test_unusual_relation_and_type_names_are_encoded() -> None:
    a, b = Entity("a", "A", "Odd Type#1"), Entity("b", "B", "Person")
    t = Triple("st-1", a, Relation("kg:odd relation>", "odd"), b, 0.5)
    rdf = generate_rdf(KnowledgeGraph(triples=(t,)))
    assert (Iris().entity("a"), rdflib.URIRef(KG + "odd%20relation%3E"), Iris().entity("b")) in rdf
    assert (Iris().entity("a"), rdflib.RDF.type, rdflib.URIRef(KG + "Odd%20Type%231")) in rdf


def test_bad_ids_prefixes_and_base_iris_are_one_line_errors(tmp_path: Path) -> None:
    a, b = Entity("a", "A", "Person"), Entity("b", "B", "Person")
    ev = Evidence("", "s", 0, 1, "A", 0, 1, "B", 0, 1, "kg.svo.v1")
    with pytest.raises(ExportError, match="empty"):
        generate_rdf(KnowledgeGraph(triples=(Triple("st-1", a, Relation("kg:supports", "s"), b, 0.5, evidence=(ev,)),)))
    with pytest.raises(ExportError, match="known prefix"):
        generate_rdf(KnowledgeGraph(triples=(Triple("st-1", a, Relation("evil:x", "x"), b, 0.5),)))
    with pytest.raises(ExportError, match="finite"):
        generate_rdf(KnowledgeGraph(triples=(Triple("st-1", a, Relation("kg:supports", "s"), b, float("nan")),)))
    for base in ("not an iri", "https://example.org/id", "https://example.org/a b/", "https://x.org/<x>/"):
        with pytest.raises(ExportError, match="base IRI"):
            write_rdf(KnowledgeGraph(), tmp_path / "x.ttl", base_iri=base)
    assert not (tmp_path / "x.ttl").exists()
    with pytest.raises(OutputError, match="unknown RDF format"):
        write_rdf(KnowledgeGraph(), tmp_path / "x.ttl", format="rdfxml")


def test_a_custom_base_iri_is_used_everywhere() -> None:
    base = "https://example.org/kg/"
    graph = hostile_graph()
    out = io.StringIO()
    write_rdf(graph, out, format="nquads", base_iri=base)
    rdf = rdflib.Dataset()
    rdf.parse(data=out.getvalue(), format="nquads")
    ours = {t for q in rdf.quads((None, None, None, None)) for t in q[:3] if isinstance(t, rdflib.URIRef)}
    assert ours and all(str(t).startswith((base, *STANDARD_PREFIXES.values())) for t in ours)
    assert not any(str(t).startswith(DEFAULT_BASE_IRI) for t in ours)


def test_documents_without_metadata_still_get_an_article_node() -> None:
    a, b = Entity("a", "A", "Person"), Entity("b", "B", "Person")
    ev = Evidence("unlisted doc", "A met B.", 0, 8, "A", 0, 1, "B", 6, 7, "kg.svo.v1")
    graph = KnowledgeGraph(
        triples=(Triple("st-1", a, Relation("kg:meets", "meets"), b, 0.5, evidence=(ev,)),),
        documents=(Document("listed", "", title="T"),),
    )
    rdf = generate_rdf(graph)
    articles = set(rdf.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Article")))
    assert articles == {Iris().document("unlisted doc"), Iris().document("listed")}
