"""Document ids: content-addressed when the corpus gives none, kept when it does, and never two alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from kg.errors import InputError
from kg.ids import content_id, entity_id, slug, statement_id
from kg.ingest import read_documents
from kg.model import Document

TEXT = "Dock workers in Valdora went back to work on Monday."


def read(paths: list[str | Path]) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read_documents(paths, on_error=errors.append)), errors


def test_content_id_is_pinned() -> None:
    # A sha256 prefix, not Python's salted hash(): the same value on every run, machine and version.
    assert content_id(TEXT) == "doc-764ec80740ceae1e"


def test_content_id_is_the_same_in_a_fresh_interpreter() -> None:
    code = f"from kg.ids import content_id; print(content_id({TEXT!r}))"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, check=True, timeout=60
    )
    assert result.stdout.strip() == content_id(TEXT)


def test_same_text_gives_the_same_id_across_reads(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    [first], _ = read([path])
    [second], _ = read([path])
    assert first.id == second.id == content_id(TEXT)
    other = tmp_path / "b.txt"
    other.write_text(TEXT.replace("Monday", "Tuesday") + "\n", encoding="utf-8")
    [third], _ = read([other])
    assert third.id != first.id


def test_id_is_computed_on_the_cleaned_text(tmp_path: Path) -> None:
    """Furniture around the story does not change its id: the same article saved from two pages is one document."""
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXT + "\n", encoding="utf-8")
    framed = tmp_path / "framed.txt"
    framed.write_text(f"Subscribe to our newsletter!\n\n{TEXT}\n\nShare this article\n", encoding="utf-8")
    [a], _ = read([plain])
    [b], _ = read([framed])
    assert a.id == b.id == content_id(TEXT)


def test_given_ids_are_kept_whatever_they_hold(tmp_path: Path) -> None:
    given = ["conll04-dev-5178", "Article 7 (draft)", "<b>x</b> & 'y'", "42", "été-2024"]
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "text": f"Story number {n} is here."}) + "\n" for n, i in enumerate(given)),
        encoding="utf-8",
    )
    docs, errors = read([path])
    assert errors == []
    assert [d.id for d in docs] == given


def test_missing_or_empty_id_falls_back_to_the_content_id(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"text": "The first story."}) + "\n" + json.dumps({"id": "", "text": "The second story."}) + "\n",
        encoding="utf-8",
    )
    docs, errors = read([path])
    assert errors == []
    assert [d.id for d in docs] == [content_id("The first story."), content_id("The second story.")]


def test_duplicate_ids_are_reported_and_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "x-1", "text": "The first version of the story."})
        + "\n"
        + json.dumps({"id": "x-1", "text": "A second story reusing the same id."})
        + "\n"
        + json.dumps({"text": TEXT})
        + "\n",
        encoding="utf-8",
    )
    same_text = tmp_path / "same.txt"
    same_text.write_text(TEXT + "\n", encoding="utf-8")
    docs, errors = read([corpus, same_text])
    assert [(d.id, d.text) for d in docs] == [("x-1", "The first version of the story."), (content_id(TEXT), TEXT)]
    assert [str(e) for e in errors] == [
        f"{corpus}:2: duplicate of document x-1 from {corpus}:1",
        f"{same_text}: duplicate of document {content_id(TEXT)} from {corpus}:3",
    ]


def test_entity_and_statement_ids_are_safe_and_stable() -> None:
    assert slug("Karim al-Nasser") == "karim-al-nasser"
    assert slug("Ñuñoa, Región Metropolitana") == "nunoa-region-metropolitana"
    assert slug("北京") == ""
    person = entity_id("Person", "Petra Lindqvist")
    assert person == entity_id("Person", "Petra Lindqvist")
    assert person.startswith("petra-lindqvist-")
    assert entity_id("Organization", "Petra Lindqvist") != person  # the class is part of the id
    assert entity_id("City", "北京").startswith("e-")
    st = statement_id(person, "kg:meets", "tomas-reyes-1", False)
    assert st == statement_id(person, "kg:meets", "tomas-reyes-1", False)
    assert st != statement_id(person, "kg:meets", "tomas-reyes-1", True)
    assert len(st) == len("st-") + 16
    for value in (person, st, entity_id("City", "北京"), content_id("<script>")):
        assert set(value) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
