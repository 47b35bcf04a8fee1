"""``--engine spark`` (local mode, 2 cores) writes the same bytes as ``--engine local``.

Four corpora, each built once per engine for the whole test run (a session fixture): the sample article (every
output, Turtle included), the real-news development pages (91 web pages: HTML ingest, pages in other languages
skipped, entities and facts decided across documents; N-Triples written in parts), and CoNLL04 dev and CaRB dev
(one-sentence documents through the JSONL reader; N-Quads). ``triples.jsonl`` and ``entities.jsonl`` are the
contract; ``documents.jsonl``, ``extractions.jsonl`` and the RDF file are compared too.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_ARTICLE, SHARED_EVAL, unavailable

from kg.cli import main
from kg.graph import load
from kg.spark.tables import read_tables

pytestmark = [pytest.mark.spark, pytest.mark.model]

CONTRACT = ("triples.jsonl", "entities.jsonl")
ALSO = ("documents.jsonl", "extractions.jsonl")


@dataclass(frozen=True)
class Corpus:
    """Where a corpus lives (relative to ../shared/eval unless it is the sample) and how it is built."""

    path: str
    options: tuple[str, ...]
    rdf: str


CORPORA = {
    "sample": Corpus("", ("--no-embedded",), "graph.ttl"),
    "realnews": Corpus("realnews/pages", ("--no-embedded", "--no-html", "--rdf-format", "nt"), "graph.nt"),
    "conll04": Corpus("conll04-dev.jsonl", ("--no-embedded", "--no-html", "--rdf-format", "nquads"), "graph.nq"),
    "carb": Corpus("carb-dev.jsonl", ("--no-embedded", "--no-html", "--rdf-format", "nquads"), "graph.nq"),
}


@dataclass(frozen=True)
class Builds:
    """One corpus built by both engines, with the lines each printed about inputs it skipped."""

    local: Path
    spark: Path
    local_skipped: list[str]
    spark_skipped: list[str]
    corpus: Corpus


def _build(out: Path, source: Path, options: tuple[str, ...]) -> list[str]:
    """Run ``kg build`` and return the lines it printed on stderr that say what was skipped."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["build", str(source), "--out", str(out), "--quiet", *options])
    assert status == 0, err.getvalue()
    return [line for line in err.getvalue().splitlines() if line.startswith("kg: skipped")]


@pytest.fixture(scope="session")
def builds(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Builds]:
    """Built on first use, once per corpus and engine (a Spark build of a corpus costs a minute or two)."""
    return {}


def _params(*names: str) -> list[Any]:
    """Corpora as parameters, those of ../shared/eval marked ``shared``."""
    return [pytest.param(n, marks=[pytest.mark.shared] if CORPORA[n].path else [], id=n) for n in names]


@pytest.fixture(params=_params(*CORPORA))
def built(
    request: pytest.FixtureRequest, builds: dict[str, Builds], tmp_path_factory: pytest.TempPathFactory
) -> Builds:
    name: str = request.param
    if name not in builds:
        corpus = CORPORA[name]
        source = SHARED_EVAL / corpus.path if corpus.path else SAMPLE_ARTICLE
        if not source.exists():
            unavailable(f"{source} is not here (the evaluation data lives in ../shared/eval)")
        root = tmp_path_factory.mktemp(f"parity-{name}")
        local = _build(root / "local", source, corpus.options)
        distributed = _build(root / "spark", source, (*corpus.options, "--engine", "spark"))
        builds[name] = Builds(root / "local", root / "spark", local, distributed, corpus)
    return builds[name]


def test_same_bytes_as_a_local_build(built: Builds) -> None:
    for name in (*CONTRACT, *ALSO, built.corpus.rdf):
        assert (built.spark / name).read_bytes() == (built.local / name).read_bytes(), f"{name} differs"
    assert (built.local / "triples.jsonl").stat().st_size > 0
    assert not (built.spark / ".parts").exists()


def test_same_inputs_skipped_in_the_same_order(built: Builds) -> None:
    assert built.spark_skipped == built.local_skipped


@pytest.mark.parametrize("built", _params("realnews"), indirect=True)
def test_pages_in_other_languages_are_reported(built: Builds) -> None:
    assert any("language" in line for line in built.spark_skipped)


@pytest.mark.parametrize("built", _params("sample"), indirect=True)
def test_tables_hold_the_graph(built: Builds) -> None:
    """The Parquet tables read back are the graph the JSONL files hold."""
    tables = built.spark / "tables"
    assert sorted(p.name for p in tables.iterdir()) == ["documents", "entities", "evidence", "facts"]
    from_tables, from_files = read_tables(tables), load(built.local)
    assert [t.to_dict() for t in from_tables.triples] == [t.to_dict() for t in from_files.triples]
    assert [e.to_dict() for e in from_tables.entities] == [e.to_dict() for e in from_files.entities]
    assert from_tables.documents == from_files.documents


@pytest.mark.parametrize("built", _params("sample"), indirect=True)
def test_html_view_same_bytes(built: Builds) -> None:
    assert (built.spark / "graph.html").read_bytes() == (built.local / "graph.html").read_bytes()
