"""JSONL corpora: one article a line, with configurable field names.

>>> from kg.ingest.jsonl import JsonlFields, read_jsonl
>>> rows = '{"id": "a1", "text": "Halvorsen met Mwangi."}\\n{"id": "a2", "body": "Norway backs Kenya."}\\n'
>>> [d.id for d in read_jsonl(rows, "corpus.jsonl", JsonlFields(), on_error=print)]
corpus.jsonl:2: no "text" field
['a1']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kg.errors import InputError
from kg.ids import content_id
from kg.ingest.language import detect_language
from kg.jsonlines import json_lines
from kg.model import Document

__all__ = ["JsonlFields", "read_jsonl"]


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which JSON keys hold what (``kg build --jsonl-text body`` and friends change them)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    source: str = "source"
    author: str = "author"
    language: str = "language"  # an ISO 639-1 code; identified from the text when the row has none


def _optional(row: dict[str, object], key: str) -> str | None:
    value = row.get(key)
    return None if value is None or value == "" else str(value)


def read_jsonl(
    text: str | Iterable[str], source: str, fields: JsonlFields, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    """One Document per good line (of a text, or of its lines one at a time); each bad line goes to
    ``on_error`` naming ``source:line``."""
    for where, row in json_lines(text, source, on_error):
        if not isinstance(row, dict):
            on_error(InputError(where, "a line must be a JSON object"))
            continue
        body = row.get(fields.text)
        if not isinstance(body, str):
            on_error(InputError(where, f'no "{fields.text}" field'))
            continue
        if not body.strip():
            on_error(InputError(where, f'empty "{fields.text}"'))
            continue
        given = row.get(fields.id)
        # A corpus someone already cleaned is taken as it is: no furniture rule and no dateline cut, only the
        # language is identified (the pipeline leaves other languages unparsed).
        yield Document(
            id=str(given) if given not in (None, "") else content_id(body),
            text=body,
            title=_optional(row, fields.title),
            url=_optional(row, fields.url),
            published=_optional(row, fields.published),
            source=_optional(row, fields.source),
            author=_optional(row, fields.author),
            origin=where,
            language=_optional(row, fields.language) or detect_language(body),
        )
