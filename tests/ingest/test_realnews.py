"""Real web pages (../shared/eval/realnews): how much of each article kg keeps, and what it leaves unparsed.

The floors are the issue's: word 4-gram shingle F1 >= 0.95 and recall >= 0.96 against the true bodies, scored
by the benchmark's own scorer (../shared/eval/score_ingest.py) on the text documents.jsonl would hold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_file

from kg.errors import InputError
from kg.ingest import read_documents
from kg.ingest.language import detect_language
from kg.model import Document
from kg.pipeline import build_documents

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def pages() -> tuple[Path, list[Document], list[InputError]]:
    folder = shared_file("realnews/pages")
    errors: list[InputError] = []
    documents = list(read_documents([folder], on_error=errors.append))
    return folder, documents, errors


def bodies() -> dict[str, str]:
    path = shared_file("realnews/bodies.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["key"]: row["articleBody"] for row in rows}


def test_kept_text_scores_above_the_floors(tmp_path: Path, pages: tuple[Path, list[Document], Any]) -> None:
    _, documents, _ = pages
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text(
        "".join(json.dumps({"key": Path(str(d.origin)).stem, "text": d.text}) + "\n" for d in documents),
        encoding="utf-8",
    )
    scorer = shared_file("score_ingest.py")
    run = subprocess.run(
        [sys.executable, str(scorer), str(shared_file("realnews/bodies.jsonl")), str(predicted), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(run.stdout)
    assert report["pages"] == len(bodies())
    assert report["f1"] >= 0.95, report
    assert report["recall"] >= 0.96, report


def test_every_page_whose_article_is_not_english_is_reported_and_never_parsed(
    pages: tuple[Path, list[Document], Any], nlp: Any
) -> None:
    _, documents, _ = pages
    # The reference is the language of the true body, told by the same offline model.
    foreign_keys = {key for key, body in bodies().items() if detect_language(body) not in ("en", None)}
    assert foreign_keys  # the development pages hold some: Portuguese, Russian, Korean, ...
    by_key = {Path(str(d.origin)).stem: d for d in documents}
    foreign = [by_key[key] for key in sorted(foreign_keys)]
    errors: list[InputError] = []
    graph = build_documents(foreign, nlp=nlp, on_error=errors.append)
    assert graph.stats["documents"] == 0 and graph.triples == () and graph.entities == ()
    assert sorted(e.source for e in errors) == sorted(str(d.origin) for d in foreign)
    assert all(e.reason.endswith("the pipeline is English") for e in errors)
    # and every page kg reads as English has an English body
    assert not {key for key, d in by_key.items() if d.language == "en"} & foreign_keys


def test_no_article_is_kept_twice(pages: tuple[Path, list[Document], list[InputError]]) -> None:
    """No two pages give the same text, and no page gives a run of three prose paragraphs twice."""
    _, documents, errors = pages
    assert not [e for e in errors if "duplicate" in e.reason]
    for d in documents:
        paragraphs = [p for p in d.text.split("\n\n") if len(p.split()) >= 8 and not p.startswith("- ")]
        runs = [tuple(paragraphs[i : i + 3]) for i in range(len(paragraphs) - 2)]
        assert len(runs) == len(set(runs)), d.origin
