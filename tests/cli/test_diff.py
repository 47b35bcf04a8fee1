"""``kg diff OLD NEW`` on two builds of hand-written corpora: the two articles of articles.py, then the same
two with a third that repeats some of their facts and adds a person and a city."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.cli import main

from .articles import write_articles

pytestmark = pytest.mark.model

ONLY_JSONL = ("--no-rdf", "--no-html", "--no-embedded", "--quiet")
Kg = Callable[..., int]

PORTO = """\
Port Workers Return in Porto

Petra Lindqvist, the leader of the Harbour Union, met Portuguese Prime Minister Tomas Reyes in Porto on Friday.

Marta Silva, the mayor of Porto, welcomed the agreement, and the dock workers returned to work.
"""


@pytest.fixture(scope="module")
def builds(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Three `kg build --out` folders: corpus A, corpus A again, and A plus the Porto article."""
    root = tmp_path_factory.mktemp("diff")
    corpus_a, corpus_b = root / "a", root / "b"
    write_articles(corpus_a)
    write_articles(corpus_b)
    (corpus_b / "porto.txt").write_text(PORTO, encoding="utf-8")
    outs = {"a": root / "out-a", "a-again": root / "out-a-again", "b": root / "out-b"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kg.pipeline.load_pipeline", lambda name=None: nlp)
        for name, corpus in (("a", corpus_a), ("a-again", corpus_a), ("b", corpus_b)):
            assert main(["build", str(corpus), "--out", str(outs[name]), *ONLY_JSONL]) == 0
    yield outs


def facts_of(folder: Path) -> dict[str, Any]:
    return {t.id: t for t in kg.load(folder).triples}


def weight(t: Any) -> tuple[Any, ...]:
    return (t.confidence, len(t.evidence), len(t.documents), t.subject.label, t.object.label, t.predicate.label)


def table(capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str]:
    captured = capsys.readouterr()
    return captured.out.splitlines(), captured.err


def test_adding_an_article_lists_exactly_what_changed(
    builds: dict[str, Path], kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kg_cli("diff", str(builds["a"]), str(builds["b"])) == 1
    lines, err = table(capsys)
    old, new = facts_of(builds["a"]), facts_of(builds["b"])
    # what the two builds hold, read independently with kg.load
    added = {i for i in new if i not in old}
    changed = {i for i in old.keys() & new.keys() if weight(old[i]) != weight(new[i])}
    assert not old.keys() - new.keys()  # adding an article renames and removes nothing
    listed = {sign: {line.split()[2] for line in lines if line.startswith(f"{sign} fact ")} for sign in "+-~"}
    assert listed == {"+": added, "-": set(), "~": changed}
    # the lines name the facts by their labels, with what they weigh or what changed
    by_label = {line.split(maxsplit=3)[3]: line for line in lines}
    assert "Marta Silva leads Porto (1 document, 1 sentence, confidence" in "\n".join(by_label)
    meets = next(line for line in lines if " Petra Lindqvist meets Tomas Reyes: " in line)
    assert meets.startswith("~ fact ")
    assert "evidence 1 -> 2, documents 1 -> 2" in meets
    entities = {line.split()[2]: line for line in lines if line[2:].startswith("entity")}
    assert any(line.startswith("+ entity") and "Marta Silva (Person, 1 mention)" in line for line in entities.values())
    assert any(line.startswith("~ entity") and "Tomas Reyes: mentions " in line for line in entities.values())
    assert re.fullmatch(
        rf"kg diff: {re.escape(str(builds['a']))} -> {re.escape(str(builds['b']))}: "
        rf"facts: {len(added)} added, 0 removed, {len(changed)} changed \({len(old)} -> {len(new)}\); "
        r"entities: \d+ added, 0 removed, \d+ changed \(\d+ -> \d+\)\n",
        err,
    ), err


def test_the_reverse_diff_removes_what_was_added(
    builds: dict[str, Path], kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kg_cli("diff", str(builds["a"]), str(builds["b"])) == 1
    forward, _ = table(capsys)
    assert kg_cli("diff", str(builds["b"]), str(builds["a"])) == 1
    backward, _ = table(capsys)
    flip = {"+": "-", "-": "+", "~": "~"}
    assert sorted((flip[line[0]], line.split()[2]) for line in forward) == sorted(
        (line[0], line.split()[2]) for line in backward
    )


def test_identical_builds_exit_0(builds: dict[str, Path], kg_cli: Kg, capsys: pytest.CaptureFixture[str]) -> None:
    """Building the same corpus twice gives the same ids, so the diff is empty."""
    assert kg_cli("diff", str(builds["a"]), str(builds["a-again"])) == 0
    lines, err = table(capsys)
    assert lines == []
    assert re.fullmatch(r"kg diff: .* and .* hold the same facts and entities \(\d+ facts, \d+ entities\)\n", err)


def test_json_format(builds: dict[str, Path], kg_cli: Kg, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg_cli("diff", str(builds["a"]), str(builds["b"]), "--format", "json") == 1
    document = json.loads(capsys.readouterr().out)
    assert document["old"] == str(builds["a"]) and document["new"] == str(builds["b"])
    assert document["identical"] is False and document["left_off"] == 0
    summary = document["summary"]
    assert summary["facts"]["new"] == len(facts_of(builds["b"]))
    assert len(document["changes"]) == sum(summary[k][s] for k in summary for s in ("added", "removed", "changed"))
    meets = next(c for c in document["changes"] if c["label"] == "Petra Lindqvist meets Tomas Reyes")
    assert meets["change"] == "changed" and meets["kind"] == "fact"
    assert (meets["old"]["evidence"], meets["new"]["evidence"]) == (1, 2)
    assert {"evidence", "documents"} <= set(meets["fields"])

    assert kg_cli("diff", str(builds["a"]), str(builds["a-again"]), "-f", "json") == 0
    same = json.loads(capsys.readouterr().out)
    assert same["identical"] is True and same["changes"] == []


def test_only_and_limit(builds: dict[str, Path], kg_cli: Kg, capsys: pytest.CaptureFixture[str]) -> None:
    assert kg_cli("diff", str(builds["a"]), str(builds["b"]), "--only", "entities") == 1
    lines, err = table(capsys)
    assert lines and all(line[2:].startswith("entity") for line in lines)
    assert "facts" not in err
    assert kg_cli("diff", str(builds["a"]), str(builds["b"]), "--limit", "2") == 1
    lines, _ = table(capsys)
    assert len(lines) == 3 and re.fullmatch(r"\.\.\. and \d+ more changes \(--limit 2\)", lines[2])
    assert kg_cli("diff", str(builds["a"]), str(builds["b"]), "--format", "json", "--limit", "1") == 1
    document = json.loads(capsys.readouterr().out)
    assert len(document["changes"]) == 1 and document["left_off"] > 0


def test_only_decides_the_exit_status(
    builds: dict[str, Path], tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    """A build whose entities alone differ (an alias added by hand) is the same with --only facts."""
    edited = tmp_path / "edited"
    shutil.copytree(builds["a"], edited)
    rows = [json.loads(line) for line in (edited / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    before = rows[0]["aliases"]
    rows[0]["aliases"] = [*before, "Another Name"]
    (edited / "entities.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert kg_cli("diff", str(builds["a"]), str(edited), "--only", "facts") == 0
    assert kg_cli("diff", str(builds["a"]), str(edited)) == 1
    lines, _ = table(capsys)
    aliases = f"[{', '.join(before)}] -> [{', '.join(rows[0]['aliases'])}]"
    assert lines == [f"~ entity  {rows[0]['id']}  {rows[0]['label']}: aliases {aliases}"]


def test_a_missing_or_broken_folder_is_one_line(
    builds: dict[str, Path], tmp_path: Path, kg_cli: Kg, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kg_cli("diff", str(builds["a"]), str(tmp_path / "nowhere")) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"kg: error: {tmp_path / 'nowhere'}: no such folder\n"
    (tmp_path / "not-a-build").mkdir()
    assert kg_cli("diff", str(tmp_path / "not-a-build"), str(builds["a"])) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "triples.jsonl: not found" in err


@pytest.mark.parametrize(
    "argv",
    [("diff",), ("diff", "only-one"), ("diff", "a", "b", "--format", "xml"), ("diff", "a", "b", "--limit", "-1")],
)
def test_usage_errors_exit_2(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    assert "usage: kg diff" in capsys.readouterr().err


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["diff", "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    for needle in ("OLD", "NEW", "--format", "--only", "--limit", "examples:", "kg diff out/monday out/tuesday"):
        assert needle in text, needle
    assert "0 when the builds hold the same facts and entities" in text
    with pytest.raises(SystemExit):
        main(["--help"])
    assert re.search(r"^\s+diff\s+list the facts and entities that differ", capsys.readouterr().out, re.MULTILINE)
