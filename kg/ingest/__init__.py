"""Ingest: turn paths (files, folders, ``-`` for stdin) into :class:`~kg.model.Document` records.

Formats are chosen by extension (``.txt``, ``.html``/``.htm``, ``.jsonl``), and sniffed for stdin and
unknown extensions. A bad input never stops the run: it is handed to ``on_error`` as an
:class:`~kg.errors.InputError` naming the file (and line) and the rest is read.

>>> from kg.ingest import read_documents
>>> errors = []
>>> docs = list(read_documents(["no/such/file.txt"], on_error=errors.append))
>>> docs, str(errors[0])
([], 'no/such/file.txt: no such file or directory')
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ids import content_id
from kg.ingest.finish import finish_text
from kg.ingest.html import read_html
from kg.ingest.jsonl import JsonlFields, read_jsonl
from kg.ingest.text import clean_text
from kg.model import Document

__all__ = [
    "EMPTY_FOLDER",
    "FORMATS",
    "NO_SUCH_PATH",
    "JsonlFields",
    "decode",
    "document_from_text",
    "documents_from_bytes",
    "duplicate",
    "read_documents",
]

FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

ErrorHandler = Callable[[InputError], None]

# What a missing input and a folder without articles are called, wherever the folder is listed.
NO_SUCH_PATH = "no such file or directory"
EMPTY_FOLDER = "folder holds no .txt, .html or .jsonl files"


def _raise(error: InputError) -> None:
    raise error


def decode(data: bytes, source: str) -> str:
    """UTF-8 text, or an InputError that says why not (binary data, or where the bad byte is)."""
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(source, f"not UTF-8 (bad byte at offset {error.start})") from None
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def document_from_text(text: str, source: str, doc_id: str | None = None) -> Document:
    """A plain-text article: furniture dropped, first headline-like line taken as the title, dateline cut."""
    cleaned = clean_text(text)
    body, dateline, language = finish_text(cleaned.text.split("\n\n"))
    if not body.strip():
        raise InputError(source, "no article text left after removing page furniture")
    return Document(
        id=doc_id or content_id(body),
        text=body,
        title=cleaned.title,
        origin=source,
        language=language,
        dateline=dateline,
    )


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    lines = [line for line in text.split("\n") if line.strip()]  # as read_jsonl splits
    if lines and all(line.lstrip().startswith("{") for line in lines[:20]):
        return "jsonl"
    return "text"


def _expand(paths: Iterable[str | Path], on_error: ErrorHandler) -> Iterator[tuple[str, Path | None]]:
    """(source name, path) pairs; folders are walked recursively in sorted order, ``-`` is stdin."""
    for raw in paths:
        if str(raw) == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            if not found:
                on_error(InputError(str(path), EMPTY_FOLDER))
            for child in found:
                yield str(child), child
        elif path.exists():
            yield str(path), path
        else:
            on_error(InputError(str(path), NO_SUCH_PATH))


def check_text_file(path: Path, source: str) -> None:
    """What :func:`decode` checks, read a megabyte at a time: a corpus is never held whole to be checked."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset, blank = 0, True
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if offset == 0 and b"\x00" in chunk[:8192]:
                raise InputError(source, "binary file, not text")
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as error:
                raise InputError(source, f"not UTF-8 (bad byte at offset {offset + error.start})") from None
            blank = blank and not text.strip()
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            raise InputError(source, f"not UTF-8 (bad byte at offset {offset + error.start})") from None
    if blank:
        raise InputError(source, "empty file")


def file_lines(path: Path) -> Iterator[str]:
    """The lines of a checked UTF-8 file, one at a time (only ``\\n`` ends a line, as in kg.jsonlines)."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle):
            line = raw.decode("utf-8-sig" if number == 0 else "utf-8")
            yield line[:-1] if line.endswith("\n") else line


def _read_one(source: str, path: Path | None, fields: JsonlFields, on_error: ErrorHandler) -> Iterator[Document]:
    if path is not None and FORMATS.get(path.suffix.lower()) == "jsonl":
        # A corpus streams: one article in memory at a time, whatever the size of the file.
        try:
            check_text_file(path, source)
            yield from read_jsonl(file_lines(path), source, fields, on_error)
        except OSError as error:
            raise InputError(source, error.strerror or str(error)) from None
        return
    try:
        data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from None
    yield from documents_from_bytes(data, source, fields, on_error, suffix=path.suffix if path is not None else "")


def documents_from_bytes(
    data: bytes, source: str, fields: JsonlFields, on_error: ErrorHandler, *, suffix: str = ""
) -> Iterator[Document]:
    """The documents of one input's bytes, read as its extension (``suffix``) says, else sniffed; what a
    file reader gives kg whether the bytes came from a disk, standard input or a Spark executor.

    >>> [d.text for d in documents_from_bytes(b"Talks resumed on Monday.", "a.txt", JsonlFields(), print)]
    ['Talks resumed on Monday.']
    """
    text = decode(data, source)
    kind = FORMATS.get(suffix.lower()) or _sniff(text)
    if kind == "jsonl":
        yield from read_jsonl(text, source, fields, on_error)
    elif kind == "html":
        yield read_html(text, source)
    else:
        yield document_from_text(text, source)


def read_documents(
    paths: Iterable[str | Path],
    *,
    fields: JsonlFields | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Every document in ``paths``, in order; duplicates (same id) are reported and skipped.

    ``on_error`` receives each bad input; by default the first one is raised.
    """
    handler = on_error or _raise
    fields = fields or JsonlFields()
    seen: dict[str, str] = {}
    for source, path in _expand(paths, handler):
        try:
            for doc in _read_one(source, path, fields, handler):
                if doc.id in seen:
                    handler(duplicate(doc, source, seen[doc.id]))
                    continue
                seen[doc.id] = doc.origin or source
                yield doc
        except InputError as error:
            handler(error)


def duplicate(document: Document, source: str, first: str) -> InputError:
    """The error for a document whose id an earlier one (read from ``first``) already had: it is skipped.

    >>> str(duplicate(Document("d1", "x", origin="b.jsonl:2"), "b.jsonl", "a.jsonl:1"))
    'b.jsonl:2: duplicate of document d1 from a.jsonl:1'
    """
    return InputError(document.origin or source, f"duplicate of document {document.id} from {first}")
