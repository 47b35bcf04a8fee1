"""Normalisation's local group-by: phase (c)'s parts on disk, read back grouped by entity key and statement id.

Every document's :class:`~kg.normalise.mapping.MappedReading` goes into ``DIR/.kg/graph.sqlite`` as it is
made (its fact drafts, the mentions and names it gives each entity); phase (d) then reads the drafts of one
statement id, or the names and mentions of one entity, at a time. Evidence and mentions therefore never sit
in memory all at once, and the file is rebuilt from the stored records whenever it is missing. On Spark the
same parts are rows of a DataFrame grouped by the same keys.

Values are stored exactly (confidences unrounded, every field of an evidence or a mention), so a group read
back assembles to the same triple or entity as the parts held in memory would.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from kg.model import Evidence, Mention, Relation
from kg.normalise.facts import Draft
from kg.normalise.mapping import MappedReading

__all__ = ["Tables"]

_SCHEMA = """
CREATE TABLE drafts (sid TEXT, document TEXT, subject TEXT, object TEXT, negated INTEGER, relation TEXT,
                     hedged TEXT, attributed TEXT, flags TEXT, evidence TEXT);
CREATE TABLE names (key TEXT, document TEXT, labels TEXT, aliases TEXT, created TEXT);
CREATE TABLE mentions (key TEXT, document TEXT, ord INTEGER, mention TEXT, merged_by TEXT);
CREATE TABLE dropped (reason TEXT, count INTEGER);
CREATE TABLE asserted (subject TEXT, predicate TEXT, object TEXT, sid TEXT);
CREATE TABLE spans (document TEXT, entity TEXT, start INTEGER, end_ INTEGER);
CREATE TABLE articles (id TEXT PRIMARY KEY, meta TEXT);
"""
_INDEXES = """
CREATE INDEX drafts_sid ON drafts (sid);
CREATE INDEX names_key ON names (key);
CREATE INDEX mentions_key ON mentions (key, document, ord);
"""
_EVIDENCE = tuple(f.name for f in fields(Evidence))
_MENTION = tuple(f.name for f in fields(Mention))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def evidence_values(e: Evidence) -> list[Any]:
    return [getattr(e, name) for name in _EVIDENCE]


def mention_values(m: Mention) -> list[Any]:
    return [getattr(m, name) for name in _MENTION]


class Tables:
    """``graph.sqlite``: :meth:`create` makes it empty (a scratch file: everything in it comes from the stored
    records), :meth:`open` reads what normalisation left for the exporters."""

    def __init__(self, path: Path, *, create: bool) -> None:
        self.path = path
        if create:
            path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        # A scratch file: no journal, no fsync; a crash only means rebuilding it.
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", "cache_size = -32000"):
            self.db.execute(f"PRAGMA {pragma}")
        if create:
            self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")

    @classmethod
    def create(cls, path: Path) -> Tables:
        return cls(path, create=True)

    @classmethod
    def open(cls, path: Path) -> Tables:
        return cls(path, create=False)

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()

    def add(self, mapped: MappedReading) -> None:
        """One document's parts."""
        doc = mapped.document
        self.db.executemany(
            "INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sid,
                    doc,
                    d.subject,
                    d.object,
                    int(d.negated),
                    _dumps([d.relation.id, d.relation.label, d.relation.surface]),
                    _dumps(d.hedged),
                    _dumps(d.attributed),
                    _dumps(sorted(d.flags)),
                    _dumps([evidence_values(e) for e in d.evidence]),
                )
                for sid, d in mapped.facts.items()
            ],
        )
        self.db.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?, ?)",
            [
                (key, doc, _dumps(dict(p.labels)), _dumps(sorted(p.aliases)), _dumps(p.created))
                for key, p in mapped.entities.items()
            ],
        )
        self.db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
            [
                (key, doc, n, _dumps(mention_values(m)), rule)
                for key, p in mapped.entities.items()
                for n, (m, rule) in enumerate(p.mentions)
            ],
        )
        self.db.executemany("INSERT INTO dropped VALUES (?, ?)", list(mapped.dropped.items()))

    def add_article(self, doc_id: str, meta: dict[str, Any]) -> None:
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?)", (doc_id, _dumps(meta)))

    def index(self) -> None:
        """Done adding parts: index them for the group-by."""
        self.db.execute("COMMIT")
        self.db.executescript(_INDEXES)
        self.db.execute("BEGIN")

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    # -- phase (d) reads ---------------------------------------------------------------------------------

    def names(self) -> Iterator[tuple[str, Counter[str], set[str], tuple[str, str] | None]]:
        """(key, name counts, aliases, created) of every entity key, in key order."""
        key: str | None = None
        labels: Counter[str] = Counter()
        aliases: set[str] = set()
        created: tuple[str, str] | None = None
        for row in self.db.execute("SELECT key, labels, aliases, created FROM names ORDER BY key"):
            if row[0] != key:
                if key is not None:
                    yield key, labels, aliases, created
                key, labels, aliases, created = row[0], Counter(), set(), None
            labels.update(json.loads(row[1]))
            aliases.update(json.loads(row[2]))
            made = json.loads(row[3])
            created = created or ((made[0], made[1]) if made else None)
        if key is not None:
            yield key, labels, aliases, created

    def drafts(self) -> Iterator[tuple[str, Draft]]:
        """(statement id, the merged draft of every document that gives it), in statement-id order."""
        rows = self.db.execute(
            "SELECT sid, subject, object, negated, relation, hedged, attributed, flags, evidence "
            "FROM drafts ORDER BY sid, document"
        )
        sid: str | None = None
        draft: Draft | None = None
        for row in rows:
            if row[0] != sid:
                if draft is not None and sid is not None:
                    yield sid, draft
                relation = Relation(*json.loads(row[4]))
                sid, draft = row[0], Draft(row[1], relation, row[2], bool(row[3]), [], [], [], set())
            assert draft is not None
            draft.evidence.extend(Evidence(*values) for values in json.loads(row[8]))
            draft.hedged.extend(json.loads(row[5]))
            draft.attributed.extend(json.loads(row[6]))
            draft.flags.update(json.loads(row[7]))
        if draft is not None and sid is not None:
            yield sid, draft

    def __contains__(self, sid: object) -> bool:
        """Whether any document gives this statement id."""
        return self.db.execute("SELECT 1 FROM drafts WHERE sid = ? LIMIT 1", (sid,)).fetchone() is not None

    def mentions(self, key: str) -> list[tuple[Mention, str]]:
        """An entity's mentions and the rule that placed each, a document's own order kept."""
        rows = self.db.execute(
            "SELECT mention, merged_by FROM mentions WHERE key = ? ORDER BY document, ord", (key,)
        ).fetchall()
        return [(Mention(*json.loads(m)), rule) for m, rule in rows]

    def dropped(self) -> dict[str, int]:
        return {r: int(n) for r, n in self.db.execute("SELECT reason, sum(count) FROM dropped GROUP BY reason")}

    # -- what the exporters need besides the JSONL files -----------------------------------------------

    def add_asserted(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.db.executemany("INSERT INTO asserted VALUES (?, ?, ?, ?)", rows)

    def add_spans(self, rows: list[tuple[str, str, int, int]]) -> None:
        self.db.executemany("INSERT INTO spans VALUES (?, ?, ?, ?)", rows)

    def asserted(self) -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
        """(subject id, its asserted (predicate, object, statement id), sorted), in subject order."""
        subject: str | None = None
        found: list[tuple[str, str, str]] = []
        for s, p, o, sid in self.db.execute("SELECT * FROM asserted ORDER BY subject, predicate, object, sid"):
            if s != subject:
                if subject is not None:
                    yield subject, found
                subject, found = s, []
            found.append((p, o, sid))
        if subject is not None:
            yield subject, found

    def articles(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for doc_id, meta in self.db.execute("SELECT id, meta FROM articles ORDER BY id"):
            yield doc_id, json.loads(meta)

    def mention_counts(self) -> Iterator[tuple[str, str, int]]:
        """(document, entity, distinct spans) in (document, entity) order: the MENTIONS edges."""
        yield from self.db.execute(
            "SELECT document, entity, count(DISTINCT start || ':' || end_) FROM spans "
            "GROUP BY document, entity ORDER BY document, entity"
        )
