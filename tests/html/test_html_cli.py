"""``kg view`` and the ``kg build`` HTML step, through ``kg.cli.main``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from synthetic_graphs import news_like, small_graph

import kg.cli.view
from kg.cli import main
from kg.export.jsonl import write_outputs
from kg.graph import KnowledgeGraph

SAMPLE = Path(__file__).resolve().parents[2] / "notebooks" / "data" / "sample-article.txt"


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """An output folder as `kg build --out` writes it, from the hand-made graph."""
    folder = tmp_path / "out"
    write_outputs(small_graph(), folder)
    return folder


def node_ids(page: str) -> list[str]:
    match = re.search(r'<script type="application/json" id="kg-nodes">(.*?)</script>', page, re.S)
    assert match
    return sorted(re.findall(r'"id":"([^"]+)"', match.group(1)))


def test_view_writes_a_filtered_page_and_says_what_it_kept(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = built / "kenya.html"
    assert main(["view", str(built), "--entity", "kenya", "--min-confidence", "0.6", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "kg view: confidence ≥ 0.6: 6 of 7 facts" in err
    assert "kg view: neighbourhood of Kenya (1 step)" in err
    assert f"kg view: wrote {out} (3 entities, 2 facts)" in err
    page = out.read_text(encoding="utf-8")
    # Tanzania shares a basin with Kenya only at confidence 0.55.
    assert node_ids(page) == ["country-ke", "country-no", "organization-red-cross"]
    assert "neighbourhood of Kenya" in page


def test_view_defaults_to_dir_view_html_and_can_write_stdout(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["view", str(built), "--quiet"]) == 0
    assert (built / "view.html").exists()
    assert capsys.readouterr().err == ""
    assert main(["view", str(built), "--top", "2", "--out", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("<!DOCTYPE html>")
    assert "left out 7 entities" in captured.err
    assert len(node_ids(captured.out)) == 2


def test_view_filters_by_relation_and_date(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = built / "v.html"
    assert main(["view", str(built), "--relation", "meets", "--since", "2024-02-01", "--out", str(out)]) == 0
    assert node_ids(out.read_text(encoding="utf-8")) == ["person-daniel-mwangi", "person-ingrid-halvorsen"]
    assert "evidence dated on or after 2024-02-01 (event date, else publication date): 1 of 1 facts" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--entity", "Atlantis"], "kg: error: --entity: no entity named 'Atlantis' in this graph\n"),
        (["--entity", "Norwey"], "kg: error: --entity: no entity named 'Norwey' in this graph (did you mean 'Norway'"),
        (["--relation", "invades"], "kg: error: --relation: no fact in this graph has relation 'invades'"),
        (["--min-confidence", "2"], "kg: error: --min-confidence: 2.0 is not between 0 and 1\n"),
        (["--top", "0"], "kg: error: --top: 0 is not a positive number of entities\n"),
    ],
)
def test_bad_filters_are_one_line_errors(
    built: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["view", str(built), *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (built / "view.html").exists()


def test_bad_date_and_missing_folder(tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["view", str(built), "--since", "yesterday"])
    assert caught.value.code == 2
    assert "'yesterday' is not a date" in capsys.readouterr().err
    assert main(["view", str(tmp_path / "nowhere")]) == 1
    assert "triples.jsonl: not found" in capsys.readouterr().err


def test_build_step_caps_the_page_of_a_big_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.export.html.BUILD_LIMIT", 50)
    graph: KnowledgeGraph = news_like(80)
    path, note = kg.cli.view.html_step(graph, tmp_path)
    assert path == tmp_path / "graph.html"
    assert note == f"graph.html shows the 50 most connected of 80 entities (kg view {tmp_path} --top N for more)"
    page = path.read_text(encoding="utf-8")
    assert len(node_ids(page)) == 50 and "left out 30 entities" in page
    path, note = kg.cli.view.html_step(small_graph(), tmp_path)
    assert note == "graph.html (9 entities, 7 facts)"


def test_build_writes_graph_html_unless_told_not_to(
    nlp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "with"
    assert main(["build", str(SAMPLE), "--out", str(out), "--no-embedded", "--no-rdf"]) == 0
    assert "  HTML: graph.html (" in capsys.readouterr().err
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "Norway and Kenya Sign Water Pact" in page
    entities = sorted(line.split('"id": "')[1].split('"')[0] for line in (out / "entities.jsonl").open())
    assert node_ids(page) == entities
    without = tmp_path / "without"
    assert main(["build", str(SAMPLE), "--out", str(without), "--no-embedded", "--no-rdf", "--no-html"]) == 0
    assert (without / "triples.jsonl").exists() and not (without / "graph.html").exists()
