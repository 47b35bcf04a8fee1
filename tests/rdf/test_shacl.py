"""The export satisfies ontology/shapes.ttl, and the shapes catch what they promise to catch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rdflib
from conftest import shared_file
from rdflib import XSD, Literal

import kg
from kg.cli import main
from kg.export.jsonl import write_outputs
from kg.export.rdf import generate_rdf, write_rdf
from kg.export.rdf_terms import KG, Iris
from kg.shacl import validate_rdf

from .graphs import hostile_graph, research_graph

pytestmark = pytest.mark.usefixtures("shacl")

K = rdflib.Namespace(KG)
RDF = rdflib.RDF


def lines(graph: rdflib.Graph) -> list[str]:
    return [v.line() for v in validate_rdf(graph)]


def test_research_graph_conforms_as_graph_and_as_dataset() -> None:
    assert lines(generate_rdf(research_graph())) == []
    assert lines(generate_rdf(research_graph(), named_graphs=True)) == []


def test_hostile_graph_conforms() -> None:
    assert lines(generate_rdf(hostile_graph())) == []


@pytest.mark.model
def test_sample_article_conforms(sample_graph: Any) -> None:
    assert sample_graph.triples
    assert lines(generate_rdf(sample_graph)) == []
    assert lines(generate_rdf(sample_graph, named_graphs=True)) == []


@pytest.mark.model
@pytest.mark.shared
def test_conll04_dev_conforms(nlp: Any, tmp_path: Path) -> None:
    graph = kg.build([shared_file("conll04-dev.jsonl")], nlp=nlp)
    assert len(graph.triples) > 50
    write_outputs(graph, tmp_path)
    write_rdf(graph, tmp_path / "graph.ttl")
    assert main(["validate", str(tmp_path)]) == 0


def broken() -> tuple[rdflib.Graph, dict[str, rdflib.URIRef]]:
    graph = generate_rdf(research_graph())
    iris = Iris()
    nodes = {
        "norway": iris.entity("country-no"),
        "supports": iris.statement("st-supports"),
        "ally": iris.statement("st-ally"),
        "neg": iris.statement("st-neg"),
        "visit": iris.statement("st-visit"),
        "d1": iris.document("d1"),
    }
    return graph, nodes


def test_shapes_report_each_kind_of_violation() -> None:
    graph, n = broken()
    graph.remove((n["norway"], rdflib.RDFS.label, None))  # entity without a label
    graph.add((n["norway"], RDF.type, K.Spaceship))  # a second type, not from the ontology
    graph.set((n["supports"], K.confidence, Literal("1.5", datatype=XSD.decimal)))  # out of range
    graph.set((n["ally"], K.confidence, Literal("0.8")))  # a string, not a number
    graph.set((n["ally"], RDF.predicate, K.banana))  # not a relation of the ontology
    graph.remove((n["visit"], K.evidence, None))  # no evidence
    graph.remove((n["visit"], K.negated, None))  # no negated flag
    ev = next(graph.objects(n["neg"], K.evidence))
    graph.set((ev, K.start, Literal(10_000)))  # start > end
    graph.remove((ev, K.extractor, None))
    graph.remove((n["d1"], rdflib.DCTERMS.identifier, None))
    uganda, kenya = graph.value(n["neg"], RDF.subject), graph.value(n["neg"], RDF.object)
    graph.add((uganda, K.supports, kenya))  # a negated fact asserted
    found = lines(graph)
    expected = [
        "Violation: entity:country-no rdfs:label: an entity has exactly one rdfs:label",
        "Violation: entity:country-no rdf:type: an entity has exactly one rdf:type, a class of the kg ontology",
        "Violation: entity:country-no rdf:type: an entity has exactly one rdf:type, a class of the kg ontology "
        "(value: kg:Spaceship)",
        "Violation: statement:st-supports kg:confidence: a statement has one kg:confidence",
        "Violation: statement:st-ally kg:confidence: a statement has one kg:confidence",
        "Violation: statement:st-ally rdf:predicate: a statement has exactly one rdf:predicate",
        "Violation: statement:st-ally -: a statement that is not negated is not asserted as a plain triple",
        "Violation: statement:st-visit kg:evidence: a statement has at least one kg:evidence",
        "Violation: statement:st-visit kg:negated:",
        "Violation: statement:st-neg -: a negated statement is asserted as a plain triple",
        f"Violation: evidence:{ev.split('/')[-1]} kg:start:",
        f"Violation: evidence:{ev.split('/')[-1]} kg:extractor:",
        "Violation: doc:d1 dcterms:identifier: an article has exactly one dcterms:identifier",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in found), (start, found)
    assert len(found) == len(expected), found


def test_kg_validate_reads_the_folder_and_exits_1_on_violations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = research_graph()
    write_outputs(graph, tmp_path)
    # No graph.ttl: regenerated from the JSONL.
    assert main(["validate", str(tmp_path)]) == 0
    assert "regenerated" in capsys.readouterr().err
    write_rdf(graph, tmp_path / "graph.ttl")
    assert main(["validate", str(tmp_path)]) == 0
    assert "graph.ttl: conforms" in capsys.readouterr().err
    text = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    (tmp_path / "graph.ttl").write_text(text.replace("kg:confidence 0.9 ;", "kg:confidence 9 ;"), encoding="utf-8")
    assert main(["validate", str(tmp_path / "graph.ttl")]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Violation: statement:st-supports kg:confidence: a statement has one kg:confidence, an xsd:decimal or "
        "xsd:double between 0 and 1 (value: '9')"
    ]
    assert "1 violation(s) on 1 node(s)" in err


def test_kg_validate_reports_bad_input_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "triples.jsonl: not found" in err and err.count("\n") == 1
    (tmp_path / "graph.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "graph.ttl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "not valid turtle" in err and err.count("\n") == 1
