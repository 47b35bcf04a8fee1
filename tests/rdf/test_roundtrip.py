"""Every format parses back (rdflib) to the graph that was written, and the fact counts match triples.jsonl."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

import kg
from kg.export.jsonl import write_outputs
from kg.export.rdf import FORMATS, generate_rdf, read_rdf, write_rdf
from kg.export.rdf_terms import KG

from .graphs import hostile_graph, research_graph

RDF = rdflib.RDF
NEGATED = rdflib.URIRef(KG + "negated")


def union(dataset: rdflib.Graph) -> rdflib.Graph:
    flat = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):  # type: ignore[attr-defined]
        flat.add((s, p, o))
    return flat


def graphs_of(dataset: rdflib.Dataset) -> dict[str, set[Any]]:
    """Named graph -> its triples (the default graph under its rdflib name)."""
    found: dict[str, set[Any]] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if isinstance(g, rdflib.Graph) else g or DATASET_DEFAULT_GRAPH_ID)
        found.setdefault(name, set()).add((s, p, o))
    return found


def assert_round_trip(graph: kg.KnowledgeGraph, folder: Path) -> None:
    expected = generate_rdf(graph)
    expected_ds = generate_rdf(graph, named_graphs=True)
    quads = sum(1 for _ in expected_ds.quads((None, None, None, None)))
    for fmt in FORMATS.values():
        path = folder / f"graph{fmt.extension}"
        count = write_rdf(graph, path, format=fmt.name)
        back = read_rdf(path)
        # N-Quads repeats a fact's description in each article graph that supports it.
        assert count == (quads if fmt.graphs else len(expected)), fmt.name
        assert isomorphic(union(back), expected), fmt.name
    # N-Quads: graph by graph, against the dataset generate_rdf builds.
    back_ds = read_rdf(folder / "graph.nq")
    assert graphs_of(back_ds) == graphs_of(expected_ds)
    for name, triples in graphs_of(expected_ds).items():
        left, right = rdflib.Graph(), rdflib.Graph()
        for t in triples:
            left.add(t)
        for t in graphs_of(back_ds)[name]:
            right.add(t)
        assert isomorphic(left, right), name


def assert_counts(data: rdflib.Graph, triples_jsonl: Path) -> None:
    rdf = union(data)
    rows = [json.loads(line) for line in triples_jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    statements = set(rdf.subjects(RDF.type, rdflib.URIRef(KG + "Statement")))
    assert len(statements) == len(rows)
    plain = {
        (s, p, o)
        for s, p, o in rdf
        if str(p).startswith(KG)
        and str(s).startswith("https://w3id.org/kg-news/id/entity/")
        and isinstance(o, rdflib.URIRef)
        and str(o).startswith("https://w3id.org/kg-news/id/entity/")
    }
    assert len(plain) == sum(1 for r in rows if not r["negated"])
    # The plain triples are exactly the facts of the statements that are not negated (a corpus may also hold
    # the negated twin of an asserted fact: it is then asserted once, by its positive statement).
    positive = {
        (rdf.value(st, RDF.subject), rdf.value(st, RDF.predicate), rdf.value(st, RDF.object))
        for st in statements
        if rdf.value(st, NEGATED) == rdflib.Literal(False)
    }
    assert plain == positive


def test_research_graph_round_trips_in_every_format(tmp_path: Path) -> None:
    graph = research_graph()
    assert_round_trip(graph, tmp_path)
    write_outputs(graph, tmp_path)
    assert_counts(read_rdf(tmp_path / "graph.ttl"), tmp_path / "triples.jsonl")
    # 5 facts, one negated: 5 statements, 4 plain assertions (checked above); the loaded folder agrees.
    assert isomorphic(generate_rdf(kg.load(tmp_path)), generate_rdf(graph))


def test_hostile_graph_round_trips_in_every_format(tmp_path: Path) -> None:
    assert_round_trip(hostile_graph(), tmp_path)


@pytest.mark.model
def test_sample_article_round_trips_and_counts_match(sample_out: Path, sample_graph: Any, tmp_path: Path) -> None:
    assert_round_trip(kg.load(sample_out), tmp_path)
    assert_counts(read_rdf(tmp_path / "graph.nt"), sample_out / "triples.jsonl")
    assert_counts(read_rdf(tmp_path / "graph.nq"), sample_out / "triples.jsonl")
    assert len(sample_graph.triples) > 5


def test_streaming_writer_agrees_with_rdflib_serializers() -> None:
    graph = hostile_graph()
    expected = generate_rdf(graph)
    for fmt, rdflib_name in (("turtle", "turtle"), ("nt", "nt")):
        ours = io.StringIO()
        write_rdf(graph, ours, format=fmt)
        theirs = expected.serialize(format=rdflib_name)
        assert isomorphic(rdflib.Graph().parse(data=ours.getvalue(), format=rdflib_name), expected)
        assert isomorphic(rdflib.Graph().parse(data=theirs, format=rdflib_name), expected)


def test_output_is_deterministic(tmp_path: Path) -> None:
    for fmt in FORMATS:
        first, second = io.StringIO(), io.StringIO()
        write_rdf(research_graph(), first, format=fmt)
        write_rdf(research_graph(), second, format=fmt)
        assert first.getvalue() == second.getvalue(), fmt


def test_turtle_is_readable(tmp_path: Path) -> None:
    out = io.StringIO()
    write_rdf(research_graph(), out)
    text = out.getvalue()
    assert text.count("@prefix kg:") == 1
    assert "entity:country-no a kg:Country ;" in text
    assert "kg:supports entity:country-ke" in text
    assert "kg:confidence 0.9 ;" in text
    assert "kg:negated false ;" in text
