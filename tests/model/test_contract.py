"""The data model: immutable records, the triples.jsonl contract, and a written folder read back by kg.load."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.errors import OutputError
from kg.export.jsonl import generate_triples, write_jsonl, write_outputs
from kg.graph import KnowledgeGraph, triple_from_dict
from kg.model import Argument, Document, Entity, Evidence, Extraction, Mention, Relation, Sentence, Triple

from .graphs import CONTRACT_KEYS, D1, LEADING, MEETING, NOT_MEETING, PETRA, S1, TOMAS, UNION, small_graph

EVIDENCE_KEYS = {
    "document",
    "sentence",
    "start",
    "end",
    "subject_text",
    "subject_start",
    "subject_end",
    "object_text",
    "object_start",
    "object_end",
    "extractor",
    "confidence",
    "hedged",
    "attributed_to",
    "time",
    "place",
    "subject_rule",
    "object_rule",
}


def bare(triple: Triple) -> Triple:
    """The triple as triples.jsonl holds it: its entities without mentions (those live in entities.jsonl)."""

    def strip(e: Entity) -> Entity:
        return dataclasses.replace(e, mentions=(), merged_by=())

    return dataclasses.replace(triple, subject=strip(triple.subject), object=strip(triple.object))


def test_records_are_frozen() -> None:
    sentence = Sentence(D1.id, 0, 0, len(S1), S1)
    argument = Argument("Petra Lindqvist", 0, 15, PETRA.mentions[0])
    extraction = Extraction(D1.id, sentence, argument, "met", None, "meet", "kg.svo.v1", 0.8)
    records: list[Any] = [
        D1,
        sentence,
        PETRA.mentions[0],
        argument,
        extraction,
        PETRA,
        MEETING.predicate,
        MEETING.evidence[0],
        MEETING,
        small_graph(),
    ]
    for record in records:
        field = dataclasses.fields(record)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, "changed")
        # slots: no stray attributes either
        with pytest.raises((AttributeError, TypeError)):
            record.extra_attribute = 1


def test_collections_in_records_are_tuples() -> None:
    graph = small_graph()
    assert isinstance(graph.triples, tuple) and isinstance(graph.entities, tuple) and isinstance(graph.documents, tuple)
    for t in graph.triples:
        for value in (t.time, t.place, t.evidence, t.flags, t.subject.aliases, t.subject.mentions, t.object.merged_by):
            assert isinstance(value, tuple)
    # Frozen and made of tuples, so records hash and compare by value.
    assert hash(MEETING) == hash(dataclasses.replace(MEETING))
    assert len({MEETING, dataclasses.replace(MEETING), LEADING}) == 2


def test_triple_to_dict_follows_the_contract() -> None:
    row = NOT_MEETING.to_dict()
    assert set(row) == CONTRACT_KEYS
    assert row["id"] == "st-00000000000000c3"
    assert row["subject"] == {"id": TOMAS.id, "label": "Tomas Reyes", "type": "Person", "aliases": []}
    assert row["object"] == {"id": PETRA.id, "label": "Petra Lindqvist", "type": "Person", "aliases": ["Lindqvist"]}
    assert row["predicate"] == {"id": "kg:relatedTo", "label": "related to", "surface": "meet"}
    assert (row["confidence"], row["negated"], row["hedged"], row["attributed_to"]) == (0.6, True, True, "his office")
    assert row["time"] == ["on Friday"] and row["place"] == []
    assert len(row["evidence"]) == 2
    first = row["evidence"][0]
    assert set(first) == EVIDENCE_KEYS
    assert first == {
        "document": "doc-2",
        "sentence": "Tomas Reyes did not meet Petra Lindqvist on Friday, his office said.",
        "start": 0,
        "end": 68,
        "subject_text": "Tomas Reyes",
        "subject_start": 0,
        "subject_end": 11,
        "object_text": "Petra Lindqvist",
        "object_start": 25,
        "object_end": 40,
        "extractor": "kg.svo.v1",
        "confidence": 0.6,
        "hedged": True,
        "attributed_to": "his office",
        "time": None,
        "place": None,
        "subject_rule": "ner",
        "object_rule": "ner",
    }
    # JSON all the way down: the row survives a dump and a load unchanged.
    assert json.loads(json.dumps(row)) == row


def test_optional_keys_appear_only_when_set() -> None:
    meeting = MEETING.to_dict()
    assert "flags" not in meeting and "surface" not in meeting["predicate"] and "note" not in meeting["object"]
    leading = LEADING.to_dict()
    assert leading["flags"] == ["range-violation"]
    assert leading["object"]["note"] == "a dock workers' union"
    assert leading["evidence"][0]["subject_rule"] == "coref.surname"


def test_confidence_is_rounded_in_the_row() -> None:
    t = dataclasses.replace(MEETING, confidence=0.123456789)
    assert t.to_dict()["confidence"] == 0.1235
    ev = dataclasses.replace(MEETING.evidence[0], confidence=2 / 3)
    assert ev.to_dict()["confidence"] == 0.6667


@pytest.mark.parametrize("triple", [MEETING, LEADING, NOT_MEETING], ids=["meeting", "flagged", "negated"])
def test_triple_round_trips_through_its_dict(triple: Triple) -> None:
    assert triple_from_dict(triple.to_dict()) == bare(triple)
    assert triple_from_dict(json.loads(json.dumps(triple.to_dict()))) == bare(triple)


def test_written_folder_loads_back(tmp_path: Path) -> None:
    graph = small_graph()
    paths = write_outputs(graph, tmp_path)
    assert [p.name for p in paths] == ["triples.jsonl", "extractions.jsonl", "entities.jsonl", "documents.jsonl"]
    loaded = kg.load(tmp_path)
    assert isinstance(loaded, KnowledgeGraph)
    # triples.jsonl is sorted by id, and every triple comes back equal
    assert [t.id for t in loaded.triples] == sorted(t.id for t in graph.triples)
    assert set(loaded.triples) == {bare(t) for t in graph.triples}
    # entities.jsonl keeps the mentions and how each was merged
    assert [e.to_dict(mentions=True) for e in loaded.entities] == [
        e.to_dict(mentions=True) for e in sorted(graph.entities, key=lambda e: e.id)
    ]
    petra = loaded.entity("petra lindqvist")
    assert petra is not None and petra.merged_by == ("exact", "surname")
    assert [(m.start, m.end, m.text, m.rule) for m in petra.mentions] == [
        (m.start, m.end, m.text, m.rule) for m in PETRA.mentions
    ]
    # documents.jsonl has the metadata and the text the evidence offsets point into
    assert loaded.documents == graph.documents
    for t in loaded.triples:
        for ev in t.evidence:
            doc = loaded.document(ev.document)
            assert doc is not None and doc.text[ev.subject_start : ev.subject_end] == ev.subject_text
    # and a second write of the loaded graph gives the same triples file
    again = tmp_path / "again"
    write_outputs(loaded, again)
    assert (again / "triples.jsonl").read_bytes() == (tmp_path / "triples.jsonl").read_bytes()
    assert (again / "entities.jsonl").read_bytes() == (tmp_path / "entities.jsonl").read_bytes()


def test_load_from_triples_alone_derives_the_entities(tmp_path: Path) -> None:
    write_jsonl(generate_triples(small_graph()), tmp_path / "triples.jsonl")
    loaded = kg.load(tmp_path)
    assert sorted(e.id for e in loaded.entities) == sorted({PETRA.id, TOMAS.id, UNION.id})
    assert loaded.documents == ()


def test_hostile_text_survives_the_round_trip(tmp_path: Path) -> None:
    text = 'O\'Brien said "stop" <script>alert(1)</script> & left.\u2028Next line \\ end.'
    doc = Document(id='id with "quotes" and \n newline', text=text, title="Ünïcödé ☃", origin="-")
    entity = Entity("e-1", "O'Brien <b>", "Person", aliases=('"Bob"',))
    other = Entity("e-2", "Ω & Co.", "Organization")
    left = text.index("left")
    ev = Evidence(doc.id, text, 0, len(text), "O'Brien", 0, 7, "left", left, left + 4, "kg.svo.v1")
    triple = Triple(
        "st-1", entity, Relation("kg:relatedTo", "related to", surface='said "stop"'), other, 0.5, evidence=(ev,)
    )
    graph = KnowledgeGraph(triples=(triple,), documents=(doc,))
    write_outputs(graph, tmp_path)
    # One row a line, even with a raw line separator and a newline in the data.
    assert len((tmp_path / "triples.jsonl").read_text(encoding="utf-8").split("\n")) == 2
    loaded = kg.load(tmp_path)
    assert loaded.triples == (triple,)
    assert loaded.documents == (doc,)  # the text too, raw line separator and all


def test_load_reports_a_missing_folder_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"triples\.jsonl: not found \(is this a `kg build --out` folder\?\)$"):
        kg.load(tmp_path / "nothing-here")


def test_load_reports_a_broken_line_with_its_number(tmp_path: Path) -> None:
    write_outputs(small_graph(), tmp_path)
    path = tmp_path / "triples.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:40]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"triples\.jsonl:2: not valid JSON"):
        kg.load(tmp_path)


def test_jsonl_writer_accepts_an_open_file() -> None:
    buffer = io.StringIO()
    count = write_jsonl(generate_triples(small_graph()), buffer)
    assert count == 3
    rows = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert [r["id"] for r in rows] == sorted(t.id for t in small_graph().triples)
    assert not buffer.closed


def test_documents_counts_distinct_supporting_articles() -> None:
    assert MEETING.documents == ("courier-1",)
    assert NOT_MEETING.documents == ("doc-2",)  # two pieces of evidence, one article
    both = dataclasses.replace(MEETING, evidence=MEETING.evidence + NOT_MEETING.evidence + MEETING.evidence)
    assert both.documents == ("courier-1", "doc-2")
    assert dataclasses.replace(MEETING, evidence=()).documents == ()


def test_entities_are_derived_from_triples_when_not_given() -> None:
    graph = KnowledgeGraph(triples=(MEETING, LEADING))
    assert [e.id for e in graph.entities] == sorted({PETRA.id, TOMAS.id, UNION.id})
    assert graph.entity("Lindqvist") == PETRA  # alias lookup
    assert graph.entity("TOMAS REYES") == TOMAS  # labels case-insensitively
    assert graph.entity(TOMAS.id) == TOMAS
    assert graph.entity("nobody") is None


def test_to_networkx_is_a_multidigraph_with_evidence_on_edges() -> None:
    import networkx as nx

    twice = dataclasses.replace(MEETING, id="st-00000000000000d4", predicate=Relation("kg:praises", "praises"))
    graph = KnowledgeGraph(
        triples=(MEETING, twice, LEADING, NOT_MEETING),
        entities=small_graph().entities,
        documents=small_graph().documents,
    )
    g = graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == {e.id for e in graph.entities}  # Lisbon is in no triple but is still a node
    assert g.nodes[PETRA.id] == {"label": "Petra Lindqvist", "type": "Person", "aliases": ["Lindqvist"]}
    assert g.number_of_edges() == 4
    # two facts between the same pair in the same direction are two edges, keyed by statement id
    assert set(g[PETRA.id][TOMAS.id]) == {MEETING.id, twice.id}
    edge = g.edges[PETRA.id, TOMAS.id, MEETING.id]
    assert edge["predicate"] == "kg:meets" and edge["label"] == "meets"
    assert edge["evidence"] == [e.to_dict() for e in MEETING.evidence]
    assert edge["documents"] == ["courier-1"]
    assert (edge["time"], edge["place"], edge["confidence"]) == (["on Monday"], ["Lisbon"], 0.85)
    # direction is subject -> object
    negated = g.edges[TOMAS.id, PETRA.id, NOT_MEETING.id]
    assert negated["negated"] is True and negated["surface"] == "meet" and negated["attributed_to"] == "his office"
    assert not g.has_edge(UNION.id, PETRA.id)


def test_mention_resolution_flag() -> None:
    assert not PETRA.mentions[0].resolved
    assert PETRA.mentions[1].resolved
    assert Mention("d", 0, 2, "he", "Tomas Reyes", rule="coref.pronoun").resolved
