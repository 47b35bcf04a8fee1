"""The CoNLL04 dev corpus in ../shared/eval loads as a JSONL corpus, every line a document with its own id."""

from __future__ import annotations

import json

import pytest
from conftest import shared_file

from kg.errors import InputError
from kg.ingest import read_documents


@pytest.mark.shared
def test_conll04_dev_loads_with_its_ids() -> None:
    path = shared_file("conll04-dev.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors: list[InputError] = []
    docs = list(read_documents([path], on_error=errors.append))
    assert errors == []
    assert len(docs) == 231
    assert [d.id for d in docs] == [r["id"] for r in rows]
    assert len({d.id for d in docs}) == 231
    assert all(d.id.startswith("conll04-dev-") for d in docs)
    # JSONL text is taken as it is: no furniture rule touches a corpus someone already cleaned.
    assert [d.text for d in docs] == [r["text"] for r in rows]
    assert [d.origin for d in docs] == [f"{path}:{n}" for n in range(1, 232)]
