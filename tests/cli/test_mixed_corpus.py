"""Regression: a corpus of ordinary sentences builds every default output, the embedded store included.

The development splits in ``../shared/eval`` (CaRB first, then CoNLL04, in file order, 20 sentences to a
document) once made ``kg build`` exit 1: the store's CSV bulk reader mis-read a long quoted name hundreds of
rows into the file. The store now loads through Parquet; this checks the corpus that broke it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import shared_file

from kg.query import query_embedded

pytestmark = [pytest.mark.model, pytest.mark.shared]


def mixed_corpus(folder: Path) -> Path:
    sentences = []
    for name in ("carb-dev.jsonl", "conll04-dev.jsonl"):
        for line in shared_file(name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences.append(json.loads(line)["text"])
    corpus = folder / "mix.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for k in range(0, len(sentences), 20):
            out.write(json.dumps({"id": f"mix-{k // 20:04d}", "text": " ".join(sentences[k : k + 20])}) + "\n")
    return corpus


def test_the_mixed_development_corpus_builds_a_queryable_store(kg_cli: Callable[..., int], tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path)
    out = tmp_path / "out"
    assert kg_cli("build", str(corpus), "--out", str(out), "--no-html", "-q") == 0
    entities = [json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    triples = (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    result = query_embedded(out, "MATCH (e:Entity) RETURN e.id, e.name ORDER BY e.id")
    assert result.rows == sorted([e["id"], e["label"]] for e in entities)
    edges = query_embedded(out, "MATCH (:Entity)-[r]->(:Entity) RETURN count(*)").rows
    assert edges == [[len(triples)]]
    documents = query_embedded(out, "MATCH (d:Document) RETURN count(*)").rows
    assert documents == [[44]]
