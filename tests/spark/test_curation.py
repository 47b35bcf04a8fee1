"""Curation on Spark: the same curation file gives the same curated graph as a local build (byte-identical
JSONL, the same traces on the same entities), and a decision that matches nothing is reported the same way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from tests.analyst.test_curation import ARTICLES, write

pytestmark = [pytest.mark.spark, pytest.mark.model]


def test_a_curation_file_curates_a_spark_build_as_a_local_one(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write(tmp_path / "corpus.jsonl", ARTICLES)
    options = ["--no-embedded", "--no-html", "--no-rdf"]
    assert main(["build", str(corpus), "--out", str(tmp_path / "first"), *options, "-q"]) == 0
    named = {
        json.loads(line)["label"]: json.loads(line)["id"]
        for line in (tmp_path / "first" / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    }
    curation = tmp_path / "curation.tsv"
    curation.write_text(
        f"merge\t{named['Brightwater']}\t{named['Brightwater Energy']}\n"
        f"relabel\t{named['Porto']}\tFC Porto\n"
        f"split\t{named['Tomas Reyes']}\tc3\n"
        f"reject-entity\t{named['Harbour']}\n"
        "reject-fact\tst-0000000000000000\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    for engine in ("local", "spark"):
        out = tmp_path / engine
        assert (
            main(["build", str(corpus), "--out", str(out), *options, "--curation", str(curation), "--engine", engine])
            == 0
        )
        err = capsys.readouterr().err
        assert "curation: 4 decision(s) applied, 1 matched nothing" in err, (engine, err)
        assert "matched nothing: curation.tsv:5 reject-fact st-0000000000000000" in err, (engine, err)
    for name in ("triples.jsonl", "entities.jsonl"):
        assert (tmp_path / "spark" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    labels = {json.loads(line)["label"] for line in (tmp_path / "spark" / "entities.jsonl").read_text().splitlines()}
    assert "FC Porto" in labels and "Brightwater" not in labels and "Harbour" not in labels
