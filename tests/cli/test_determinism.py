"""The same input gives the same bytes; the order of the corpus and the other articles in it do not rename entities."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.export.jsonl import write_outputs

from .articles import write_articles

pytestmark = pytest.mark.model

ONLY_JSONL = ("--no-rdf", "--no-html", "--no-embedded", "--quiet")


def test_rebuilding_gives_byte_identical_files(tmp_path: Path, kg_cli: Callable[..., int]) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus)
    first, second = tmp_path / "first", tmp_path / "second"
    assert kg_cli("build", str(corpus), "--out", str(first), *ONLY_JSONL) == 0
    assert kg_cli("build", str(corpus), "--out", str(second), *ONLY_JSONL) == 0
    for name in ("triples.jsonl", "entities.jsonl", "extractions.jsonl", "documents.jsonl"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "triples.jsonl").stat().st_size > 0
    # and re-running into the same folder replaces it with the same bytes
    before = (first / "triples.jsonl").read_bytes()
    assert kg_cli("build", str(corpus), "--out", str(first), *ONLY_JSONL) == 0
    assert (first / "triples.jsonl").read_bytes() == before


def test_every_output_but_the_store_is_byte_identical_and_the_store_holds_the_same_rows(
    tmp_path: Path, kg_cli: Callable[..., int]
) -> None:
    from kg.query import query_embedded

    corpus = tmp_path / "corpus"
    write_articles(corpus)
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert kg_cli("build", str(corpus), "--out", str(out), "--quiet") == 0
    names = sorted(p.name for p in first.iterdir() if p.name != ".kg")  # .kg: the build's state, not an output
    assert names == sorted(p.name for p in second.iterdir() if p.name != ".kg") and "graph.lbug" in names
    for name in names:
        if name != "graph.lbug":
            assert (first / name).read_bytes() == (second / name).read_bytes(), name
    # LadybugDB stamps each database file with a fresh id, so graph.lbug differs in bytes, never in content.
    dump = (
        "MATCH (a)-[r]->(b) RETURN a.id AS src, label(r) AS rel, b.id AS dst, r.id AS fact, r.evidence_sentences AS ev "
        "ORDER BY src, rel, dst, fact"
    )
    assert query_embedded(first, dump).rows == query_embedded(second, dump).rows
    assert len(query_embedded(first, dump).rows) > 0


def entity_table(graph: Any) -> dict[str, tuple[str, str]]:
    return {e.id: (e.label, e.type) for e in graph.entities}


def test_corpus_order_does_not_change_ids(tmp_path: Path, nlp: Any) -> None:
    lisbon, madrid = write_articles(tmp_path)
    ab = kg.build([lisbon, madrid], nlp=nlp)
    ba = kg.build([madrid, lisbon], nlp=nlp)
    assert entity_table(ab) == entity_table(ba)
    assert {t.id for t in ab.triples} == {t.id for t in ba.triples}
    assert {t.id: t.to_dict() for t in ab.triples} == {t.id: t.to_dict() for t in ba.triples}
    # one fact is read in both articles: its evidence is listed the same way whichever came first
    assert any(len(t.documents) == 2 for t in ab.triples)
    # Both files sort by id (and mentions by position), so they are the same bytes in either order;
    # documents.jsonl and extractions.jsonl follow the reading order on purpose.
    write_outputs(ab, tmp_path / "ab")
    write_outputs(ba, tmp_path / "ba")
    for name in ("triples.jsonl", "entities.jsonl"):
        assert (tmp_path / "ab" / name).read_bytes() == (tmp_path / "ba" / name).read_bytes(), name


def test_other_articles_do_not_rename_shared_entities(tmp_path: Path, nlp: Any) -> None:
    lisbon, madrid = write_articles(tmp_path)
    alone_a = entity_table(kg.build([lisbon], nlp=nlp))
    alone_b = entity_table(kg.build([madrid], nlp=nlp))
    both = entity_table(kg.build([lisbon, madrid], nlp=nlp))
    shared = {key for key in set(alone_a.values()) & set(alone_b.values())}
    labels = {label for label, _ in shared}
    assert {"Tomas Reyes", "European Commission", "Portugal"} <= labels
    for key in shared:
        ids = {i for table in (alone_a, alone_b, both) for i, value in table.items() if value == key}
        assert len(ids) == 1, (key, ids)
