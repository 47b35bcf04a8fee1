"""The per-document stage of a streaming build: ingest -> parse -> read, each record to disk as it is made.

Documents stream from the inputs through spaCy (``nlp.pipe``, in ``--workers`` processes) and
:func:`kg.extract.read`; each :class:`~kg.extract.DocumentReading` goes into the shard being written, with
the document's parse and near-duplicate signature, and a shard is flushed every :attr:`ShardWriter.size`
documents or :attr:`ShardWriter.seconds` seconds. Nothing but the shard being written is held, so memory does
not grow with the corpus, and a killed build loses at most that shard.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.duplicates import signature
from kg.extract import read
from kg.model import Document
from kg.nlp import parse
from kg.ontology import Ontology
from kg.store.state import Entry, Pending, Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ShardWriter", "parse_documents", "reread"]


class ShardWriter:
    """Collects documents' lines and parses, and stores them as shards (see :mod:`kg.store.state`)."""

    size = 64
    seconds = 10.0

    def __init__(self, store: Store, parse_hash: str, read_hash: str, on_flush: Callable[[int], None] | None = None):
        self.store = store
        self.parse_hash, self.read_hash = parse_hash, read_hash
        self.on_flush = on_flush
        self._pending: list[Pending] = []
        self._docs: Any = None
        self._since = time.monotonic()

    def keep_parse(self, doc: Doc) -> int:
        """Keep a parse for the shard (before reading it: reading merges entity spans); its place in the shard."""
        from spacy.tokens import DocBin

        if self._docs is None:
            self._docs = DocBin(store_user_data=False)
        self._docs.add(doc)
        return len(self._docs) - 1

    def add(self, item: Pending) -> None:
        self._pending.append(item)
        if len(self._pending) >= self.size or time.monotonic() - self._since >= self.seconds:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            from spacy.tokens import DocBin

            docs = self._docs if self._docs is not None else DocBin(store_user_data=False)
            self.store.write_shard(self._pending, docs.to_bytes(), self.parse_hash, self.read_hash)
            if self.on_flush is not None:
                self.on_flush(len(self._pending))
        self._pending, self._docs, self._since = [], None, time.monotonic()


@dataclass(frozen=True, slots=True)
class ToParse:
    """A document to parse: its content digest and its place in the build's order."""

    document: Document
    content: str
    seq: int


def parse_documents(
    items: Iterable[ToParse],
    nlp: Language,
    ontology: Ontology,
    extractors: tuple[str, ...],
    writer: ShardWriter,
    *,
    batch_size: int = 64,
    workers: int = 1,
) -> Iterator[Document]:
    """Parse and read documents into the writer's shards; yields each document when it is stored in a shard
    to be (for progress)."""
    waiting: dict[str, ToParse] = {}

    def documents() -> Iterator[Document]:
        for item in items:
            waiting[item.document.id] = item
            yield item.document

    for doc, document in parse(nlp, documents(), batch_size=batch_size, workers=workers):
        item = waiting.pop(document.id)
        where = writer.keep_parse(doc)
        reading = read(doc, document, ontology, extractors)
        writer.add(Pending(document, item.content, item.seq, reading.to_dict(), None, signature(document.text), where))
        yield document


def reread(
    store: Store,
    entries: list[Entry],
    nlp: Language,
    ontology: Ontology,
    extractors: tuple[str, ...],
    writer: ShardWriter,
) -> Iterator[Document]:
    """Read stored parses again (the ontology, the extractors or their rules changed), without parsing."""
    from kg.extract import DocumentReading

    for entry, doc in store.parses(entries, nlp.vocab):
        line = store.line(entry)
        document = DocumentReading.from_dict(line["record"]).document
        where = writer.keep_parse(doc)
        reading = read(doc, document, ontology, extractors)
        writer.add(
            Pending(document, entry.content, entry.seq, reading.to_dict(), None, signature(document.text), where)
        )
        yield document
