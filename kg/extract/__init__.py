"""Extraction: from a parsed spaCy Doc to surface :class:`~kg.model.Extraction` records.

:func:`read` is the per-document stage after parsing: the mentions (:mod:`kg.mentions`, built once), then
every extractor over every sentence, into one serialisable :class:`~kg.extract.record.DocumentReading`.

Extractors are small pure generators ``(sentence Span, DocumentMentions) -> Iterator[Extraction]``,
registered by versioned name. The name is written into every extraction and every piece of evidence, so a triple always
says which rule produced it::

    kg.svo.v1        verb clauses: subject, verb (+ particle, preposition, light-verb noun), objects
    kg.nominal.v1    nominal events: "Norwegian support for Kenya", "Halvorsen's visit to Nairobi"
    kg.role.v1       titles, appositions and roles: "Kenyan President Daniel Mwangi", "X, an expert on Y"

The registry maps names to ``"module:function"`` and imports on first use (as rdflib's plugins do).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.extract.record import DocumentReading
from kg.mentions import DocumentMentions, read_mentions
from kg.model import Document, Extraction
from kg.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["EXTRACTORS", "DocumentReading", "Extractor", "check_extractors", "get_extractor", "read"]

Extractor = Callable[["Span", DocumentMentions], Iterator[Extraction]]

EXTRACTORS: dict[str, str] = {
    "kg.svo.v1": "kg.extract.svo:extract_svo",
    "kg.nominal.v1": "kg.extract.nominal:extract_nominal",
    "kg.role.v1": "kg.extract.roles:extract_roles",
}
DEFAULT_EXTRACTORS: tuple[str, ...] = tuple(EXTRACTORS)
_loaded: dict[str, Extractor] = {}


def check_extractors(names: Sequence[str]) -> tuple[str, ...]:
    """The names, validated before any work is done: a UsageError lists the known ones.

    >>> check_extractors(["kg.svo.v9"])
    Traceback (most recent call last):
    kg.errors.UsageError: unknown extractor kg.svo.v9 (known: kg.nominal.v1, kg.role.v1, kg.svo.v1)
    """
    unknown = [name for name in names if name not in EXTRACTORS]
    if unknown or not names:
        known = ", ".join(sorted(EXTRACTORS))
        what = f"unknown extractor {', '.join(unknown)}" if unknown else "no extractor named"
        raise UsageError(f"{what} (known: {known})")
    return tuple(names)


def get_extractor(name: str) -> Extractor:
    """The extractor registered under ``name`` (imported on first use)."""
    if name not in _loaded:
        check_extractors([name])
        module, _, attr = EXTRACTORS[name].partition(":")
        _loaded[name] = getattr(importlib.import_module(module), attr)
    return _loaded[name]


def read(
    doc: Doc,
    document: Document,
    ontology: Ontology,
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
) -> DocumentReading:
    """The per-document stage after parsing: mentions, then every extractor over every sentence. Pure: the
    result depends only on the parse, the document and the vocabulary (the Doc's entity spans are merged)."""
    mentions = read_mentions(doc, document, ontology)
    functions = [get_extractor(name) for name in extractors]
    found: list[Extraction] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        for function in functions:
            found.extend(function(sent, mentions))
    return DocumentReading(document, mentions.sentences, mentions.mentions, tuple(_dedupe(found)))


def _dedupe(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
    """Two extractors reading the same words the same way give one extraction (the first, most specific)."""
    seen: set[tuple[object, ...]] = set()
    for e in extractions:
        key = (e.sentence.index, e.arg1.start, e.arg1.end, e.lemma, e.arg2.start if e.arg2 else -1, e.passive)
        if key not in seen:
            seen.add(key)
            yield e
