"""The per-document record is plain data: written to JSON and read back, it is equal to what was read."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import SAMPLE_ARTICLE, shared_file

from kg.extract import DocumentReading, read
from kg.ingest import read_documents
from kg.nlp import parse
from kg.ontology import load_ontology

pytestmark = pytest.mark.model


def _readings(nlp: Any, path: Any) -> list[DocumentReading]:
    onto = load_ontology()
    return [read(doc, document, onto) for doc, document in parse(nlp, read_documents([path]))]


def _round_trip(readings: list[DocumentReading]) -> None:
    for reading in readings:
        text = json.dumps(reading.to_dict(), ensure_ascii=False)
        assert DocumentReading.from_dict(json.loads(text)) == reading, reading.document.id


def test_the_sample_article_round_trips(nlp: Any) -> None:
    readings = _readings(nlp, SAMPLE_ARTICLE)
    assert readings[0].extractions and readings[0].mentions
    _round_trip(readings)


@pytest.mark.shared
@pytest.mark.parametrize("name", ["conll04-dev.jsonl", "carb-dev.jsonl"])
def test_the_development_corpora_round_trip(nlp: Any, name: str) -> None:
    readings = _readings(nlp, shared_file(name))
    assert sum(len(r.extractions) for r in readings) > 100
    _round_trip(readings)
