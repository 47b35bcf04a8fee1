"""Any text round-trips through the embedded store: what a graph holds comes back equal from ``kg query``.

The bulk load once went through CSV and a corpus of ordinary sentences broke it; these properties feed
arbitrary Unicode (quotes, commas, backslashes, separators, newlines, NUL, emoji, long strings) into every
string the store keeps and read it back through the command line, as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.export.embedded import write_embedded
from kg.graph import KnowledgeGraph
from kg.model import Document, Entity, Evidence, Mention, Relation, Triple

# Characters that have broken text formats before, mixed into otherwise arbitrary Unicode.
_TRICKY = st.sampled_from(
    ['"', "'", ",", "\\", "\n", "\r\n", "\r", "\x00", "\x1f", "\u2028", "\u0085", "~", "%", "`", "🙂", "\t", "$"]
)
_TEXT = st.lists(st.one_of(st.text(max_size=20), _TRICKY), max_size=12).map("".join)
_LONG = st.integers(min_value=1, max_value=3).flatmap(lambda n: st.just('ä,"\n' * (4000 * n)))
TEXT = st.one_of(_TEXT, _TEXT, _TEXT, _LONG)
# Hundreds of plain names, then one long name with commas: ordinary in a corpus (a list read as one title), and
# what the CSV reader of the old bulk path mis-read (it decided how to read the file from the rows it saw first).
_LIST_NAME = "Painting and Sculpture , Urban Planning , Stage Lighting , Broadcast Journalism {}"


@st.composite
def graphs(draw: Any) -> KnowledgeGraph:
    """A small graph whose every string comes from ``TEXT``."""
    n = draw(st.integers(min_value=1, max_value=4))
    docs = tuple(
        Document(f"doc-{i}", "x", title=draw(TEXT), url=draw(TEXT), source=draw(TEXT), author=draw(TEXT))
        for i in range(n)
    )
    # Many rows as well as odd ones: readers that buffer their input fail where a field straddles a buffer.
    bulk = draw(st.sampled_from([0, 0, 500, 3000]))
    entities = [
        Entity(
            f"e-{i}",
            draw(TEXT),
            "Person",
            tuple(draw(st.lists(TEXT, max_size=3))),
            (Mention(f"doc-{i % n}", 0, 1, "x", "x"),),
            ("exact",),
            draw(st.one_of(st.none(), TEXT)),
        )
        for i in range(n + 1)
    ] + [Entity(f"bulk-{i:05d}", (_LIST_NAME if i == bulk - 1 else "Name {}").format(i), "Person") for i in range(bulk)]
    triples = []
    for i in range(n):
        sentences = draw(st.lists(TEXT, min_size=1, max_size=3))
        evidence = tuple(
            Evidence(f"doc-{i}", s, k, k + 1, draw(TEXT), 0, 1, draw(TEXT), 2, 3, "kg.svo.v1", 0.5)
            for k, s in enumerate(sentences)
        )
        triples.append(
            Triple(
                f"st-{i}",
                entities[i],
                Relation("kg:relatedTo", "related to", surface=draw(TEXT)),
                entities[i + 1],
                0.5,
                attributed_to=draw(st.one_of(st.none(), TEXT)),
                time=tuple(draw(st.lists(TEXT, max_size=2))),
                place=tuple(draw(st.lists(TEXT, max_size=2))),
                evidence=evidence,
            )
        )
    return KnowledgeGraph(triples=tuple(triples), entities=tuple(entities), documents=docs)


def query(folder: Path, cypher: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["query", str(folder), cypher, "--format", "json"]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=graphs())
def test_any_text_comes_back_equal_from_kg_query(
    graph: KnowledgeGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    write_embedded(graph, folder)

    entities = "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.note AS note"
    found = query(folder, entities, capsys)
    assert {r["id"]: (r["name"], r["aliases"], r.get("note")) for r in found} == {
        e.id: (e.label, list(e.aliases), e.note) for e in graph.entities
    }
    found = query(
        folder,
        "MATCH (a:Entity)-[r:RELATED_TO]->(b:Entity) RETURN r.id AS id, r.surface AS surface, "
        "r.attributed_to AS said, r.time AS time, r.place AS place, r.evidence_sentences AS sentences, "
        "r.evidence_subjects AS subjects, r.evidence_objects AS objects",
        capsys,
    )
    assert {r["id"]: r for r in found} == {
        t.id: {
            "id": t.id,
            "surface": t.predicate.surface,
            "said": t.attributed_to,
            "time": list(t.time),
            "place": list(t.place),
            "sentences": [e.sentence for e in t.evidence],
            "subjects": [e.subject_text for e in t.evidence],
            "objects": [e.object_text for e in t.evidence],
        }
        for t in graph.triples
    }
    found = query(folder, "MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.url AS url, d.author AS a", capsys)
    assert {r["id"]: (r["title"], r["url"], r["a"]) for r in found} == {
        d.id: (d.title, d.url, d.author) for d in graph.documents
    }
