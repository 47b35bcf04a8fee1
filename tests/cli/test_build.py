"""``kg build``: the files it writes, the summary line, exit statuses, --quiet, --strict and the help text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import kg

from .articles import write_articles

pytestmark = pytest.mark.model

ONLY_JSONL = ("--no-rdf", "--no-html", "--no-embedded")
JSONL_FILES = ("triples.jsonl", "extractions.jsonl", "entities.jsonl", "documents.jsonl")
SUMMARY = re.compile(
    r"^kg build: (?P<documents>\d+) document\(s\) read, (?P<skipped>\d+) skipped, (?P<sentences>\d+) sentences, "
    r"(?P<entities>\d+) entities, (?P<triples>\d+) triples in (?P<seconds>\d+\.\d) s$",
    re.MULTILINE,
)
Kg = Callable[..., int]


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_build_writes_the_jsonl_files_and_a_summary(
    tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus)
    out = tmp_path / "out" / "nested"
    assert kg_cli("build", str(corpus), "--out", str(out), *ONLY_JSONL) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # everything kg says goes to stderr; stdout stays free for data
    summary = SUMMARY.search(captured.err)
    assert summary, captured.err
    # the outputs, and the build's state in the hidden folder .kg (kg build adds to it next time)
    assert sorted(p.name for p in out.iterdir()) == sorted([*JSONL_FILES, ".kg"])
    graph = kg.load(out)
    assert int(summary["documents"]) == 2 == len(graph.documents)
    assert int(summary["skipped"]) == 0
    assert int(summary["sentences"]) >= 6
    assert int(summary["entities"]) == len(lines(out / "entities.jsonl")) == len(graph.entities)
    assert int(summary["triples"]) == len(lines(out / "triples.jsonl")) == len(graph.triples) > 0
    assert len(lines(out / "extractions.jsonl")) >= len(graph.triples)
    assert [d.title for d in graph.documents] == [
        "Harbour Union Leader Meets Portuguese Prime Minister in Lisbon",
        "Tomas Reyes Visits Madrid for Port Talks",
    ]
    facts = {(t.subject.label, t.predicate.id, t.object.label) for t in graph.triples}
    assert ("Petra Lindqvist", "kg:meets", "Tomas Reyes") in facts
    assert "wrote " + ", ".join(str(out / name) for name in JSONL_FILES) in captured.err


def test_skipped_inputs_do_not_fail_the_run(tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]) -> None:
    lisbon, _ = write_articles(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.html"
    out = tmp_path / "out"
    assert kg_cli("build", str(empty), str(lisbon), str(missing), "--out", str(out), *ONLY_JSONL) == 0
    err = capsys.readouterr().err
    assert f"kg: skipped {empty}: empty file\n" in err
    assert f"kg: skipped {missing}: no such file or directory\n" in err
    summary = SUMMARY.search(err)
    assert summary and (summary["documents"], summary["skipped"]) == ("1", "2")
    assert len(lines(out / "documents.jsonl")) == 1


def test_strict_fails_when_anything_was_skipped(tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]) -> None:
    lisbon, madrid = write_articles(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "ok", "text": "The port reopened on Monday."}\n{"id": \n', encoding="utf-8")
    out = tmp_path / "out"
    assert kg_cli("build", str(lisbon), str(corpus), "--out", str(out), "--strict", *ONLY_JSONL) == 1
    err = capsys.readouterr().err
    assert re.search(rf"^kg: skipped {re.escape(str(corpus))}:2: not valid JSON \(.*\)$", err, re.MULTILINE)
    assert SUMMARY.search(err)["skipped"] == "1"  # type: ignore[index]
    # --strict with nothing skipped is a normal run
    assert kg_cli("build", str(lisbon), str(madrid), "--out", str(out), "--strict", *ONLY_JSONL) == 0


def test_nothing_readable_exits_1_and_keeps_earlier_output(
    tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "triples.jsonl").write_text("earlier run\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x10\x20")
    assert kg_cli("build", str(binary), str(tmp_path / "gone.txt"), "--out", str(out), *ONLY_JSONL) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"kg: skipped {binary}: binary file, not text",
        f"kg: skipped {tmp_path / 'gone.txt'}: no such file or directory",
        "kg: error: no document could be read",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["triples.jsonl"]
    assert (out / "triples.jsonl").read_text(encoding="utf-8") == "earlier run\n"


def test_quiet_drops_the_summary_but_not_the_skips(
    tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    lisbon, _ = write_articles(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert kg_cli("build", str(lisbon), str(empty), "--out", str(out), "--quiet", *ONLY_JSONL) == 0
    assert capsys.readouterr().err == f"kg: skipped {empty}: empty file\n"
    assert (out / "triples.jsonl").stat().st_size > 0


def test_jsonl_field_options(tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    row = {
        "key": "story-7",
        "body": "Portuguese Prime Minister Tomas Reyes met Spanish Prime Minister Lucia Ortega in Madrid.",
        "headline": "Reyes Meets Ortega",
        "link": "https://courier.example/7",
        "date": "2024-06-01",
        "outlet": "Courier",
    }
    corpus.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    options = ["--jsonl-id", "key", "--jsonl-text", "body", "--jsonl-title", "headline", "--jsonl-url", "link"]
    options += ["--jsonl-published", "date", "--jsonl-source", "outlet"]
    assert kg_cli("build", str(corpus), "--out", str(out), "-q", *options, *ONLY_JSONL) == 0
    [document] = [json.loads(line) for line in lines(out / "documents.jsonl")]
    assert document == {
        "id": "story-7",
        "title": "Reyes Meets Ortega",
        "url": "https://courier.example/7",
        "published": "2024-06-01",
        "source": "Courier",
        "author": None,
        "origin": f"{corpus}:1",
        "language": None,  # one sentence is too short to tell; undetermined documents are parsed
        "dateline": None,
        "text": row["body"],
    }
    triples = [json.loads(line) for line in lines(out / "triples.jsonl")]
    assert triples and all(ev["document"] == "story-7" for t in triples for ev in t["evidence"])
    # with the default field names the same file has no "text" on its line
    assert kg_cli("build", str(corpus), "--out", str(tmp_path / "default"), *ONLY_JSONL) == 1
    assert f'kg: skipped {corpus}:1: no "text" field' in capsys.readouterr().err


def test_output_folder_that_is_a_file_is_one_clear_error(
    tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    lisbon, _ = write_articles(tmp_path)
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    assert kg_cli("build", str(lisbon), "--out", str(blocker), "-q", *ONLY_JSONL) == 1
    err = capsys.readouterr().err
    assert re.fullmatch(rf"kg: error: {re.escape(str(blocker))}: cannot write \(.+\)\n", err), err
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_an_unknown_extractor_is_one_line_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli import main

    def no_model(name: str | None = None) -> None:
        raise AssertionError("the model must not load when an option is wrong")

    monkeypatch.setattr("kg.pipeline.load_pipeline", no_model)
    monkeypatch.setattr("kg.pipeline.read_documents", no_model)
    article = tmp_path / "a.txt"
    article.write_text("Ana Silva met Tomas Berg in Lisbon on Monday.\n", encoding="utf-8")
    assert main(["build", str(article), "--extractors", "kg.svo.v1,kg.svo.v9", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err == "kg: error: unknown extractor kg.svo.v9 (known: kg.nominal.v1, kg.role.v1, kg.svo.v1)\n"
    assert not (tmp_path / "o").exists()
