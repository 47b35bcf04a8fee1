"""A bad document on an executor is reported and skipped as locally: the same one-line messages in the same
order, and the build goes on. The corpus is written here: good and bad text files, a page with no article, a
JSONL corpus with malformed lines and a duplicate, an article in another language, a missing path and an empty
folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main

pytestmark = [pytest.mark.spark, pytest.mark.model]

GOOD = """\
Port Talks Resume in Valdora

Harbour Union leader Petra Lindqvist met Mayor Tomas Reyes in Valdora on Monday.
Lindqvist said the union supports the new wage offer.
Acme Shipping signed a contract with the Harbour Union on Tuesday.
"""
GERMAN = """\
Die Hafenarbeiter in Valdora haben am Montag die Arbeit wieder aufgenommen, nachdem die Gewerkschaft und die
Stadtverwaltung sich auf einen neuen Tarifvertrag geeinigt hatten. Der Bürgermeister sagte, die Stadt werde die
Verhandlungen im nächsten Jahr fortsetzen, und die Gewerkschaft dankte allen Mitgliedern für ihre Geduld.
"""


def write_corpus(folder: Path) -> list[Path]:
    """The inputs of one build, in the order given on the command line."""
    texts = folder / "articles"
    texts.mkdir(parents=True)
    (texts / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (texts / "b-empty.txt").write_text("  \n", encoding="utf-8")
    (texts / "c-binary.txt").write_bytes(b"\x00\x01\x02kg\x00")
    (texts / "d-latin1.txt").write_bytes("Caf\xe9 owners met the mayor.".encode("latin-1"))
    (texts / "e-german.txt").write_text(GERMAN, encoding="utf-8")
    (texts / "f-nothing.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    rows = [
        json.dumps({"id": "w1", "text": "Acme Shipping hired Petra Lindqvist as an adviser, the company said."}),
        '{"id": "w2", "text": ',
        json.dumps({"id": "w3", "body": "no text field here"}),
        json.dumps({"id": "w4", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "w1", "text": "A second document with the first one's id."}),
        json.dumps({"id": "w5", "text": "Tomas Reyes visited the Harbour Union offices in Valdora."}),
    ]
    corpus = folder / "wire.jsonl"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "empty-folder").mkdir()
    return [texts, corpus, folder / "missing.txt", folder / "empty-folder"]


def test_bad_documents_are_reported_and_skipped_as_locally(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [str(p) for p in write_corpus(tmp_path / "in")]
    options = ["--no-embedded", "--no-html", "--no-rdf", "--quiet"]
    assert main(["build", *inputs, "--out", str(tmp_path / "local"), *options]) == 0
    local = capsys.readouterr().err.splitlines()
    assert main(["build", *inputs, "--out", str(tmp_path / "spark"), *options, "--engine", "spark"]) == 0
    distributed = [line for line in capsys.readouterr().err.splitlines() if line.startswith("kg: ")]
    assert distributed == local
    reasons = "\n".join(local)
    for reason in (
        "empty file",
        "binary file",
        "not UTF-8",
        "language de",
        "not valid JSON",
        'no "text" field',
        'empty "text"',
        "must be a JSON object",
        "duplicate of document w1",
        "no such file or directory",
        "folder holds no",
    ):
        assert reason in reasons, reason
    for name in ("triples.jsonl", "entities.jsonl", "documents.jsonl", "extractions.jsonl"):
        assert (tmp_path / "spark" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    documents = [json.loads(line)["id"] for line in (tmp_path / "spark" / "documents.jsonl").open()]
    assert "w1" in documents and "w5" in documents and len(documents) == len(set(documents))


def test_nothing_readable_is_an_error(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = main(["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "--engine", "spark"])
    assert status == 1
    err = capsys.readouterr().err
    assert "kg: skipped" in err and "no document could be read" in err
