"""The per-document record: what reading one document yields, immutable and serialisable.

:class:`DocumentReading` is the unit a build carries from the per-document stage (ingest, parse, mentions,
extract) to normalisation across documents: streaming builds store it, Spark executors return it.
``to_dict``/``from_dict`` give plain JSON values (the document id and sentence texts are written once, not
in every mention), and a record read back is equal to the one written.

>>> from kg.model import Argument, Document, Mention, Sentence
>>> doc = Document("d1", "Ana Silva met Tom Berg.")
>>> s = Sentence("d1", 0, 0, 23, doc.text)
>>> ana = Mention("d1", 0, 9, "Ana Silva", "Ana Silva", "PERSON")
>>> tom = Mention("d1", 14, 22, "Tom Berg", "Tom Berg", "PERSON")
>>> a1, a2 = Argument("Ana Silva", 0, 9, ana), Argument("Tom Berg", 14, 22, tom)
>>> e = Extraction("d1", s, a1, "met", a2, "meet", "kg.svo.v1", 0.9)
>>> r = DocumentReading(doc, (s,), (ana, tom), (e,))
>>> DocumentReading.from_dict(r.to_dict()) == r
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.model import Argument, Document, Extraction, Mention, Sentence

__all__ = ["DocumentReading"]

_MENTION_FIELDS = ("start", "end", "text", "label", "ner", "rule", "confidence")
_EXTRACTION_FLAGS = ("passive", "negated", "hedged", "attributed_to", "time", "place", "kind")


def _mention(m: Mention) -> list[Any]:
    return [getattr(m, name) for name in _MENTION_FIELDS]


def _argument(a: Argument) -> dict[str, Any]:
    row: dict[str, Any] = {"text": a.text, "start": a.start, "end": a.end}
    if a.mention is not None:
        row["mention"] = _mention(a.mention)
    if a.role:
        row["role"] = a.role
    return row


def _read_argument(row: dict[str, Any], document: str) -> Argument:
    mention = Mention(document, *row["mention"]) if "mention" in row else None
    return Argument(row["text"], row["start"], row["end"], mention, row.get("role", ""))


@dataclass(frozen=True, slots=True)
class DocumentReading:
    """What one document yields: its sentences, the entity mentions found, and the extractions."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    extractions: tuple[Extraction, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values; sentences as (index, start, end) into the document text."""
        return {
            "document": self.document.to_dict(),
            "sentences": [[s.index, s.start, s.end] for s in self.sentences],
            "mentions": [_mention(m) for m in self.mentions],
            "extractions": [self._extraction(e) for e in self.extractions],
        }

    @staticmethod
    def _extraction(e: Extraction) -> dict[str, Any]:
        row: dict[str, Any] = {
            "sentence": e.sentence.index,
            "arg1": _argument(e.arg1),
            "rel": e.rel,
            "arg2": _argument(e.arg2) if e.arg2 is not None else None,
            "lemma": e.lemma,
            "extractor": e.extractor,
            "confidence": e.confidence,
            "extra": [_argument(a) for a in e.extra],
        }
        row.update({name: getattr(e, name) for name in _EXTRACTION_FLAGS})
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> DocumentReading:
        """The inverse of :meth:`to_dict`."""
        document = Document.from_dict(row["document"])
        doc_id, text = document.id, document.text
        sentences = tuple(Sentence(doc_id, i, start, end, text[start:end]) for i, start, end in row["sentences"])
        by_index = {s.index: s for s in sentences}
        extractions = tuple(
            Extraction(
                doc_id,
                by_index[e["sentence"]],
                _read_argument(e["arg1"], doc_id),
                e["rel"],
                _read_argument(e["arg2"], doc_id) if e["arg2"] is not None else None,
                e["lemma"],
                e["extractor"],
                e["confidence"],
                extra=tuple(_read_argument(a, doc_id) for a in e["extra"]),
                **{name: e[name] for name in _EXTRACTION_FLAGS},
            )
            for e in row["extractions"]
        )
        mentions = tuple(Mention(doc_id, *m) for m in row["mentions"])
        return cls(document, sentences, mentions, extractions)
