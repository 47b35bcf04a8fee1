"""kg build writes the RDF next to the JSONL; kg export rdf converts an existing folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from conftest import SAMPLE_ARTICLE
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.export.jsonl import write_outputs
from kg.export.rdf import generate_rdf, read_rdf

from .graphs import research_graph
from .test_roundtrip import union


@pytest.mark.model
def test_build_writes_rdf_in_the_chosen_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], shacl: None) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(out), "--no-embedded"]) == 0
    assert "RDF: " in capsys.readouterr().err
    built = kg.load(out)
    assert isomorphic(union(read_rdf(out / "graph.ttl")), generate_rdf(built))
    assert main(["validate", str(out)]) == 0
    nq = tmp_path / "nq"
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(nq), "--no-embedded", "--rdf-format", "nquads"]) == 0
    assert (nq / "graph.nq").exists() and not (nq / "graph.ttl").exists()
    assert isomorphic(union(read_rdf(nq / "graph.nq")), generate_rdf(built))
    none = tmp_path / "none"
    assert main(["build", str(SAMPLE_ARTICLE), "--out", str(none), "--no-embedded", "--no-rdf", "-q"]) == 0
    assert not [p for p in none.iterdir() if p.suffix in (".ttl", ".nt", ".nq", ".jsonld")]


def test_export_rdf_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = research_graph()
    write_outputs(graph, tmp_path)
    expected = generate_rdf(kg.load(tmp_path))
    for fmt, ext in (("turtle", "ttl"), ("json-ld", "jsonld"), ("nt", "nt"), ("nquads", "nq")):
        assert main(["export", "rdf", str(tmp_path), "--format", fmt]) == 0
        assert f"graph.{ext}" in capsys.readouterr().err
        assert isomorphic(union(read_rdf(tmp_path / f"graph.{ext}")), expected), fmt
    assert (
        main(["export", "rdf", str(tmp_path), "-f", "nt", "--out", "-", "--base-iri", "https://example.org/kg/"]) == 0
    )
    out = capsys.readouterr().out
    parsed = rdflib.Graph().parse(data=out, format="nt")
    assert len(parsed) == len(expected)
    assert (
        rdflib.URIRef("https://example.org/kg/entity/country-no"),
        rdflib.RDFS.label,
        rdflib.Literal("Norway"),
    ) in parsed
    target = tmp_path / "elsewhere" / "corpus.nq"
    assert main(["export", "rdf", str(tmp_path), "-f", "nquads", "-o", str(target), "-q"]) == 0
    assert target.exists() and capsys.readouterr().err == ""


def test_export_rdf_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "rdf", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "not found" in err and err.count("\n") == 1
    write_outputs(research_graph(), tmp_path)
    assert main(["export", "rdf", str(tmp_path), "--base-iri", "https://example.org/no slash"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: base IRI") and err.count("\n") == 1
    assert not (tmp_path / "graph.ttl").exists()


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("graph.ttl", "<a> <b> .\n"),
        ("graph.nt", '<urn:a> <urn:b> "unterminated .\n'),
        ("graph.nq", "<urn:a> <urn:b> <urn:c> <urn:d> <urn:e> .\n"),
        ("graph.jsonld", '{"@id": '),
        ("graph.jsonld", '[{"@id": "urn:a", "urn:p": {"@value": 1, "@type": 5}}]'),
    ],
)
def test_broken_rdf_files_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, shacl: None
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    for command in (["validate", str(tmp_path / name)], ["sparql", str(tmp_path / name), "ASK { ?s ?p ?o }"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"kg: error: {tmp_path / name}: not valid ") and err.count("\n") == 1, err
