"""The graph of the sample article: offsets point at the right text, the files follow the contract and load back."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.graph import triple_from_dict

from .graphs import CONTRACT_KEYS, COUNT_KEYS

pytestmark = pytest.mark.model

ENTITY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STATEMENT_ID = re.compile(r"^st-[0-9a-f]{16}$")
CURIE = re.compile(r"^kg:[A-Za-z]+$")


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_sample_graph_is_not_empty(sample_graph: Any) -> None:
    assert len(sample_graph.documents) == 1
    assert len(sample_graph.triples) >= 10
    assert sample_graph.stats["documents"] == 1 and sample_graph.stats["skipped"] == []
    assert sample_graph.stats["triples"] == len(sample_graph.triples)
    assert sample_graph.stats["entities"] == len(sample_graph.entities)


def test_evidence_offsets_point_at_the_text(sample_graph: Any) -> None:
    [document] = sample_graph.documents
    text = document.text
    checked = 0
    for triple in sample_graph.triples:
        assert triple.evidence, triple.id
        for ev in triple.evidence:
            assert ev.document == document.id
            assert text[ev.start : ev.end] == ev.sentence
            assert text[ev.subject_start : ev.subject_end] == ev.subject_text
            assert text[ev.object_start : ev.object_end] == ev.object_text
            # both arguments are read in the sentence the evidence quotes
            assert ev.start <= ev.subject_start < ev.subject_end <= ev.end
            assert ev.start <= ev.object_start < ev.object_end <= ev.end
            checked += 1
    assert checked >= len(sample_graph.triples)


def test_entity_mentions_point_at_the_text(sample_graph: Any) -> None:
    [document] = sample_graph.documents
    for entity in sample_graph.entities:
        assert len(entity.mentions) == len(entity.merged_by) >= 1
        for mention in entity.mentions:
            assert document.text[mention.start : mention.end] == mention.text


def test_extraction_arguments_point_at_the_text(sample_graph: Any) -> None:
    [document] = sample_graph.documents
    assert sample_graph.extractions
    for extraction in sample_graph.extractions:
        sentence = extraction.sentence
        assert document.text[sentence.start : sentence.end] == sentence.text
        for argument in extraction.args:
            assert document.text[argument.start : argument.end] == argument.text


def test_triples_file_follows_the_contract(sample_graph: Any, sample_out: Path) -> None:
    triples = rows(sample_out / "triples.jsonl")
    assert [t["id"] for t in triples] == sorted(t.id for t in sample_graph.triples)
    for row in triples:
        assert set(row) - {"flags"} == CONTRACT_KEYS | COUNT_KEYS
        assert 1 <= row["sources"] <= row["document_count"] == len({e["document"] for e in row["evidence"]})
        assert STATEMENT_ID.match(row["id"])
        for side in (row["subject"], row["object"]):
            assert set(side) - {"note"} == {"id", "label", "type", "aliases"}
            assert ENTITY_ID.match(side["id"]) and isinstance(side["label"], str) and side["label"]
            assert isinstance(side["type"], str) and isinstance(side["aliases"], list)
        assert set(row["predicate"]) - {"surface"} == {"id", "label"}
        assert CURIE.match(row["predicate"]["id"])
        assert isinstance(row["confidence"], float) and 0 < row["confidence"] <= 1
        assert isinstance(row["negated"], bool) and isinstance(row["hedged"], bool)
        assert row["attributed_to"] is None or isinstance(row["attributed_to"], str)
        assert isinstance(row["time"], list) and isinstance(row["place"], list)
        assert row["evidence"]
        for ev in row["evidence"]:
            for key in ("start", "end", "subject_start", "subject_end", "object_start", "object_end"):
                assert isinstance(ev[key], int) and not isinstance(ev[key], bool), key
            for key in ("document", "sentence", "subject_text", "object_text", "extractor"):
                assert isinstance(ev[key], str) and ev[key], key
            assert ev["extractor"].startswith("kg.")


def test_other_files_follow_the_contract(sample_graph: Any, sample_out: Path) -> None:
    extractions = rows(sample_out / "extractions.jsonl")
    assert len(extractions) == len(sample_graph.extractions)
    for row in extractions:
        assert set(row) == {
            "document",
            "sentence",
            "arg1",
            "rel",
            "arg2",
            "args",
            "confidence",
            "extractor",
            "negated",
            "hedged",
            "attributed_to",
            "time",
            "place",
        }
        assert row["args"][0] == row["arg1"] and row["rel"]
    entities = rows(sample_out / "entities.jsonl")
    assert [e["id"] for e in entities] == sorted(e.id for e in sample_graph.entities)
    for row in entities:
        assert len(row["mentions"]) >= 1
        assert {"document", "start", "end", "text", "rule", "merged_by"} == set(row["mentions"][0])
    [document] = rows(sample_out / "documents.jsonl")
    metadata = {"id", "title", "url", "published", "source", "author", "origin", "language", "dateline"}
    assert set(document) == metadata | {"text"}
    assert document["language"] == "en"
    [built] = sample_graph.documents
    assert document["text"] == built.text  # the text every evidence offset points into
    assert document["title"] == "Norway and Kenya Sign Water Pact as Drought Deepens"
    assert document["origin"].endswith("sample-article.txt")


def test_sample_round_trips_through_a_written_folder(sample_graph: Any, sample_out: Path) -> None:
    loaded = kg.load(sample_out)
    by_id = {t.id: t for t in sample_graph.triples}
    assert {t.id for t in loaded.triples} == set(by_id)
    for triple in loaded.triples:
        assert triple.to_dict() == by_id[triple.id].to_dict()
        assert triple_from_dict(triple.to_dict()) == triple
    assert [e.to_dict(mentions=True) for e in loaded.entities] == [
        e.to_dict(mentions=True) for e in sorted(sample_graph.entities, key=lambda e: e.id)
    ]
    assert [d.meta() for d in loaded.documents] == [d.meta() for d in sample_graph.documents]


def test_documents_and_networkx_view_of_the_sample(sample_graph: Any) -> None:
    import networkx as nx

    [document] = sample_graph.documents
    assert all(t.documents == (document.id,) for t in sample_graph.triples)
    g = sample_graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_edges() == len(sample_graph.triples)
    assert g.number_of_nodes() == len(sample_graph.entities)
    for triple in sample_graph.triples:
        data = g.edges[triple.subject.id, triple.object.id, triple.id]
        assert data["predicate"] == triple.predicate.id
        assert data["evidence"] == [e.to_dict() for e in triple.evidence]
    assert g.nodes[sample_graph.entity("Kenya").id]["type"] == "Country"


def test_triple_flags_summarise_the_evidence(sample_graph: Any) -> None:
    """The contract: confidence is the noisy-or of the evidence, hedged means every piece is hedged, and
    attributed_to is set when all evidence reports the same source."""
    import math

    assert any(len(t.evidence) > 1 for t in sample_graph.triples)
    for t in sample_graph.triples:
        assert t.confidence == pytest.approx(1 - math.prod(1 - e.confidence for e in t.evidence))
        assert t.hedged == all(e.hedged for e in t.evidence)
        sources = {e.attributed_to for e in t.evidence}
        assert t.attributed_to == (sources.pop() if len(sources) == 1 else None)
