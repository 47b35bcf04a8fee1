"""``--engine spark`` (local mode, 2 cores) writes the same bytes as ``--engine local``.

In CI: the sample article (every output, the HTML view and Turtle included) and the real-news development
pages (91 web pages: HTML ingest, pages in other languages skipped, 82 documents whose entities and facts are
decided across documents; N-Triples written in parts). CoNLL04 dev and CaRB dev (231 and 641 one-sentence
documents through the JSONL reader) are the same check at nightly length: each costs a full Spark build, and
the JSONL reader, bad lines included, is covered in CI by ``test_errors.py``'s corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_ARTICLE

from kg.cli import main
from kg.graph import load
from kg.spark.tables import read_tables

pytestmark = [pytest.mark.spark, pytest.mark.model]

CONTRACT = ("triples.jsonl", "entities.jsonl")
ALSO = ("documents.jsonl", "extractions.jsonl")


def build(capsys: pytest.CaptureFixture[str], out: Path, inputs: list[Path], *options: str) -> list[str]:
    """Run ``kg build`` and return the lines it printed on stderr that say what was skipped."""
    assert main(["build", *map(str, inputs), "--out", str(out), "--quiet", *options]) == 0
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("kg: skipped")]


def same_files(local: Path, spark: Path, names: tuple[str, ...]) -> None:
    for name in names:
        assert (spark / name).read_bytes() == (local / name).read_bytes(), f"{name} differs"


def test_sample_article_every_output(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    local, distributed = tmp_path / "local", tmp_path / "spark"
    build(capsys, local, [SAMPLE_ARTICLE], "--no-embedded")
    build(capsys, distributed, [SAMPLE_ARTICLE], "--no-embedded", "--engine", "spark")
    same_files(local, distributed, (*CONTRACT, *ALSO, "graph.ttl", "graph.html"))
    assert sorted(p.name for p in (distributed / "tables").iterdir()) == ["documents", "entities", "evidence", "facts"]
    assert not (distributed / ".parts").exists()
    # the tables hold the whole graph: read back, it is the graph the JSONL files hold
    from_tables, from_files = read_tables(distributed / "tables"), load(local)
    assert [t.to_dict() for t in from_tables.triples] == [t.to_dict() for t in from_files.triples]
    assert [e.to_dict(mentions=True) for e in from_tables.entities] == [
        e.to_dict(mentions=True) for e in from_files.entities
    ]
    assert from_tables.documents == from_files.documents


@pytest.mark.shared
def test_realnews_pages(spark: Any, shared_eval: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = shared_eval / "realnews" / "pages"
    options = ("--no-embedded", "--no-html", "--rdf-format", "nt")
    skipped = build(capsys, tmp_path / "local", [pages], *options)
    assert build(capsys, tmp_path / "spark", [pages], *options, "--engine", "spark") == skipped
    assert any("language" in line for line in skipped)  # pages in other languages: reported, not parsed
    same_files(tmp_path / "local", tmp_path / "spark", (*CONTRACT, *ALSO, "graph.nt"))


@pytest.mark.nightly
@pytest.mark.shared
@pytest.mark.parametrize("name", ["conll04-dev.jsonl", "carb-dev.jsonl"])
def test_benchmark_dev_splits(
    spark: Any, shared_eval: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    corpus = shared_eval / name
    options = ("--no-embedded", "--no-html", "--rdf-format", "nquads")
    build(capsys, tmp_path / "local", [corpus], *options)
    build(capsys, tmp_path / "spark", [corpus], *options, "--engine", "spark")
    same_files(tmp_path / "local", tmp_path / "spark", (*CONTRACT, *ALSO, "graph.nq"))
