"""The records that flow through the pipeline: typed, immutable, and serialisable to plain dicts.

Surface level (what a sentence says, before normalisation)::

    Document -> Sentence -> Extraction(arg1, rel, arg2, ...) whose arguments are Arguments holding Mentions

Graph level (after the ontology module)::

    Entity (stable id, canonical label, type, aliases, mentions)
    Triple (subject Entity, Relation, object Entity, flags, Evidence...)

Offsets are character offsets into ``Document.text`` as kg holds it after ingest.

>>> d = Document(id="d1", text="Halvorsen met Mwangi.")
>>> d.text[0:9]
'Halvorsen'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Argument",
    "Dateline",
    "Document",
    "Entity",
    "Evidence",
    "Extraction",
    "Mention",
    "Relation",
    "Sentence",
    "Triple",
]


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a story was filed ("VALDORA, Norland") and the wire agency that filed it ("AP"), if named."""

    place: str
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One article as ingested: its text (furniture and dateline removed) and metadata.

    ``language`` is the ISO 639-1 code ingest identified (None: too short or too mixed to tell);
    ``dateline`` the place and agency that opened the story, cut from ``text`` so it is never parsed as prose.

    >>> d = Document(id="d1", text="Dock workers stopped work.", language="en", dateline=Dateline("VALDORA", "AP"))
    >>> Document.from_dict(d.to_dict()) == d
    True
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    origin: str | None = None  # where it was read from: a path, "path:line" or "-"
    language: str | None = None
    dateline: Dateline | None = None

    def meta(self) -> dict[str, Any]:
        """Metadata without the text (what travels next to a spaCy Doc)."""
        return {k: v for k, v in asdict(self).items() if k != "text"}

    def to_dict(self) -> dict[str, Any]:
        """The ``documents.jsonl`` row: the metadata, then the text that evidence offsets point into."""
        return {**self.meta(), "text": self.text}

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Document:
        """The inverse of :meth:`to_dict`; rows of older builds (no text, language or dateline) load too."""
        fields = {k: v for k, v in row.items() if k in cls.__dataclass_fields__}
        dateline = fields.pop("dateline", None)
        fields.setdefault("text", "")
        return cls(**fields, dateline=Dateline(**dateline) if isinstance(dateline, dict) else None)


@dataclass(frozen=True, slots=True)
class Sentence:
    document: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names something, and what the rules resolved it to.

    ``label`` is the name the mention stands for (after coreference: "the Kenyan president" -> "Daniel Mwangi");
    ``rule`` says how it got there (``ner``, ``coref.pronoun``, ``coref.title``, ``demonym``...), and
    ``confidence`` how sure that rule is.
    """

    document: str
    start: int
    end: int
    text: str
    label: str
    ner: str | None = None
    rule: str = "ner"
    confidence: float = 1.0

    @property
    def resolved(self) -> bool:
        return self.rule.startswith("coref")


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of an extraction: the full phrase (for Open IE) and the entity it names, if any."""

    text: str
    start: int
    end: int
    mention: Mention | None = None
    role: str = ""  # "" for core arguments, else the preposition or qualifier kind ("in", "time", ...)


@dataclass(frozen=True, slots=True)
class Extraction:
    """A surface extraction: who did what to whom, as the sentence puts it.

    ``rel`` is the surface relation phrase ("was killed by"); ``lemma`` is the key the relation lexicon
    looks up ("kill"), with ``passive`` telling the ontology module to turn the arguments around.
    """

    document: str
    sentence: Sentence
    arg1: Argument
    rel: str
    arg2: Argument | None
    lemma: str
    extractor: str
    confidence: float
    passive: bool = False
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    time: str | None = None
    place: str | None = None
    extra: tuple[Argument, ...] = ()
    # Where the relation came from: a verb, a nominalisation ("visit"), a role noun ("president"), ...
    kind: str = "verb"

    @property
    def args(self) -> tuple[Argument, ...]:
        core = (self.arg1,) if self.arg2 is None else (self.arg1, self.arg2)
        return core + self.extra

    def to_dict(self) -> dict[str, Any]:
        """The ``extractions.jsonl`` row (see the README's output contract)."""
        return {
            "document": self.document,
            "sentence": self.sentence.text,
            "arg1": self.arg1.text,
            "rel": self.rel,
            "arg2": self.arg2.text if self.arg2 else None,
            "args": [a.text for a in self.args],
            "confidence": round(self.confidence, 4),
            "extractor": self.extractor,
            "negated": self.negated,
            "hedged": self.hedged,
            "attributed_to": self.attributed_to,
            "time": self.time,
            "place": self.place,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """One real thing: stable id, canonical label, ontology class, and every mention merged into it."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # How each mention was joined (same order as ``mentions``): "exact", "alias", "demonym", "surname"...
    merged_by: tuple[str, ...] = ()
    note: str | None = None  # e.g. "government of Russia" for a metonym such as "the Kremlin"

    def to_dict(self, mentions: bool = False) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "aliases": list(self.aliases),
        }
        if self.note:
            row["note"] = self.note
        if mentions:
            row["mentions"] = [
                {
                    "document": m.document,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "rule": m.rule,
                    "merged_by": how,
                }
                for m, how in zip(self.mentions, self.merged_by, strict=True)
            ]
        return row


@dataclass(frozen=True, slots=True)
class Relation:
    """An ontology relation: a CURIE such as ``kg:supports`` and its label."""

    id: str
    label: str
    surface: str | None = None  # kept for the generic ``kg:relatedTo``

    def to_dict(self) -> dict[str, Any]:
        row = {"id": self.id, "label": self.label}
        if self.surface:
            row["surface"] = self.surface
        return row


_OPTIONAL_EVIDENCE = ("published", "event_start", "event_end", "date_rule")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: document, sentence and both argument spans, and by which extractor."""

    document: str
    sentence: str
    start: int
    end: int
    subject_text: str
    subject_start: int
    subject_end: int
    object_text: str
    object_start: int
    object_end: int
    extractor: str
    confidence: float = 1.0
    hedged: bool = False
    attributed_to: str | None = None
    time: str | None = None
    place: str | None = None
    # How each side was resolved when it was not named outright ("coref.pronoun", "coref.title", ...).
    subject_rule: str = "ner"
    object_rule: str = "ner"
    # When: the article's publication date, and the event date the sentence gives (ISO dates; an interval
    # for "last week"), with the rule that resolved it. None where unknown; left out of the row then.
    published: str | None = None
    event_start: str | None = None
    event_end: str | None = None
    date_rule: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.document, self.start, self.subject_start, self.extractor)

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["confidence"] = round(self.confidence, 4)
        for key in _OPTIONAL_EVIDENCE:
            if row[key] is None:
                del row[key]
        return row


@dataclass(frozen=True, slots=True)
class Triple:
    """A normalised fact with all the evidence that supports it."""

    id: str
    subject: Entity
    predicate: Relation
    object: Entity
    confidence: float
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    time: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    flags: tuple[str, ...] = ()  # e.g. "range-violation" when the ontology checks flag instead of drop
    # Independent sources behind the fact: documents counted once per cluster of near-duplicates
    # (syndicated copies of one wire story). 0 where not counted: then every document counts.
    sources: int = 0
    # The ids of the facts that say the opposite (the negated twin of an asserted fact, or the reverse).
    disputed_by: tuple[str, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        """The distinct documents that support this fact."""
        return tuple(sorted({e.document for e in self.evidence}))

    @property
    def disputed(self) -> bool:
        return bool(self.disputed_by)

    @property
    def first_seen(self) -> str | None:
        """The earliest publication date among the evidence."""
        return min((e.published for e in self.evidence if e.published), default=None)

    @property
    def last_seen(self) -> str | None:
        return max((e.published for e in self.evidence if e.published), default=None)

    @property
    def event_dates(self) -> tuple[tuple[str, str], ...]:
        """The distinct (start, end) event intervals the evidence gives, in order."""
        return tuple(sorted({(e.event_start, e.event_end or e.event_start) for e in self.evidence if e.event_start}))

    def to_dict(self) -> dict[str, Any]:
        """The ``triples.jsonl`` row: the documented contract other tools read."""
        row: dict[str, Any] = {
            "id": self.id,
            "subject": self.subject.to_dict(),
            "predicate": self.predicate.to_dict(),
            "object": self.object.to_dict(),
            "confidence": round(self.confidence, 4),
            "negated": self.negated,
            "hedged": self.hedged,
            "attributed_to": self.attributed_to,
            "time": list(self.time),
            "place": list(self.place),
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.flags:
            row["flags"] = list(self.flags)
        if self.sources:  # counted by builds, which cluster near-duplicate documents (kg.duplicates)
            row["document_count"], row["sources"] = len(self.documents), self.sources
        if self.disputed_by:
            row["disputed"] = True
            row["disputed_by"] = list(self.disputed_by)
        if self.first_seen:
            row["first_seen"], row["last_seen"] = self.first_seen, self.last_seen
        if self.event_dates:
            row["event_dates"] = [list(interval) for interval in self.event_dates]
        return row
