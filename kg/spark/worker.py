"""What Spark executors run: pure functions of one file or one partition of documents (no pyspark here).

Rows are plain tuples in the column order of :data:`INGESTED` and :data:`READ` (Spark DDL schemas), with
documents and readings as JSON text (:meth:`~kg.model.Document.to_dict`,
:meth:`~kg.extract.DocumentReading.to_dict`): what any Spark version stores and ships without a Python type.

One spaCy pipeline per executor process: :func:`pipeline` keeps it for the life of the Python worker, and
PySpark reuses its Python workers from task to task (``spark.python.worker.reuse``, on by default), so a
pipeline loads once per worker, not once per task.

>>> from kg.ingest import JsonlFields
>>> data = b'{"id": "a", "text": "Talks resumed."}\\n{"id": 1'
>>> rows = list(ingest_file(0, 3, "c.jsonl", ".jsonl", data, JsonlFields()))
>>> [(r[:4], r[-1]) for r in rows]
[((0, 3, 0, 'document'), None), ((0, 3, 1, 'error'), "not valid JSON (Expecting ',' delimiter at column 9)")]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.duplicates import signature
from kg.errors import InputError
from kg.extract import DEFAULT_EXTRACTORS, DocumentReading, read
from kg.ingest import JsonlFields, documents_from_bytes
from kg.model import Document
from kg.nlp import load_pipeline, model_name, parse
from kg.pipeline import other_language

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.ontology import Ontology

__all__ = ["INGESTED", "READ", "ReadSettings", "ingest_file", "pipeline", "read_partition"]

# One row per document or error of a file: its place in the input order, then what it is (an error's
# ``origin`` and ``error`` are the source and reason of its InputError).
INGESTED = "input INT, file INT, item INT, kind STRING, id STRING, origin STRING, document STRING, error STRING"
# One row per document after reading: parsed (a reading) or left unparsed (the document, and why).
READ = (
    "input INT, file INT, item INT, id STRING, parsed BOOLEAN, record STRING, origin STRING, error STRING, "
    "sentences INT, words INT, extractions INT, model STRING, signature BINARY"
)

IngestedRow = tuple[int, int, int, str, str | None, str | None, str | None, str | None]
ReadRow = tuple[int, int, int, str, bool, str, str | None, str | None, int, int, int, str, bytes | None]


def ingest_file(
    input_no: int, file_no: int, source: str, suffix: str, content: bytes, fields: JsonlFields
) -> Iterator[IngestedRow]:
    """The documents and errors of one file's bytes, in the order a local build meets them."""
    events: list[Document | InputError] = []
    try:
        for document in documents_from_bytes(content, source, fields, events.append, suffix=suffix):
            events.append(document)
    except InputError as error:
        events.append(error)
    for item, event in enumerate(events):
        if isinstance(event, Document):
            row = json.dumps(event.to_dict(), ensure_ascii=False)
            yield input_no, file_no, item, "document", event.id, event.origin or source, row, None
        else:
            yield input_no, file_no, item, "error", None, event.source, None, event.reason


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """What reading a document depends on (the rest of a build's settings stays on the driver)."""

    model: str | None = None
    batch_size: int = 64
    extractors: tuple[str, ...] = DEFAULT_EXTRACTORS


@cache
def pipeline(model: str | None) -> Language:
    """The spaCy pipeline of this executor process, loaded on first use."""
    return load_pipeline(model)


def read_partition(
    rows: Iterable[tuple[int, int, int, str]], settings: ReadSettings, ontology: Ontology
) -> Iterator[ReadRow]:
    """Read a partition of ``(input, file, item, document JSON)`` rows: each document parsed and read into a
    :class:`~kg.extract.DocumentReading` with its near-duplicate signature (:func:`kg.duplicates.signature`),
    or left unparsed when it is in another language than the pipeline's."""
    nlp = pipeline(settings.model)
    name = model_name(nlp)
    todo: list[tuple[tuple[int, int, int], Document]] = []
    for input_no, file_no, item, text in rows:
        document = Document.from_dict(json.loads(text))
        reason = other_language(document, nlp.lang or "xx")
        if reason is None:
            todo.append(((input_no, file_no, item), document))
        else:
            origin = document.origin or document.id
            yield input_no, file_no, item, document.id, False, text, origin, reason, 0, 0, 0, name, None
    parsed = parse(nlp, (d for _, d in todo), batch_size=settings.batch_size)
    for (where, document), (doc, _) in zip(todo, parsed, strict=True):
        reading = read(doc, document, ontology, settings.extractors)
        record = json.dumps(reading.to_dict(), ensure_ascii=False)
        counts = len(reading.sentences), len(document.text.split()), len(reading.extractions)
        yield (*where, document.id, True, record, None, None, *counts, name, signature(document.text))


def reading_of(record: str) -> DocumentReading:
    """A reading back from its JSON text."""
    return DocumentReading.from_dict(json.loads(record))
