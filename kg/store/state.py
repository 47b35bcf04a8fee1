"""The build state in ``DIR/.kg/``: every document's record, in compressed append-only shards, and an index.

::

    DIR/.kg/
      state.json                 the fingerprint, the options of the last build, what it did (human-readable)
      index.sqlite               documents (id, order, content digest, shard, line, near-duplicate signature),
                                 shards (the fingerprint hashes each was made under), cached name statistics
      shards/records-000001.jsonl.gz   one line per document: its record (kg.extract.DocumentReading) or why
                                       it was not parsed (another language)
      shards/parses-000001.spacy       the spaCy parses of the same documents (a DocBin): a changed ontology or
                                       extractor re-reads them without parsing again
      graph.sqlite               normalisation's group-by (kg.store.tables), rebuilt from the records at will
      lock                       held while a build or a removal runs

A shard is written under a temporary name and renamed into place, then registered in the index in one
transaction; a shard file the index does not know (the process was killed between the two) is deleted when
the state is next opened, so the index never points at half a shard and a killed build loses at most the
shard it was writing. Documents keep their place in the build's order (``seq``) when their record is
replaced; a shard with no live document left is deleted.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import json
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kg.errors import OutputError, UsageError
from kg.export.files import atomic_path
from kg.ids import digest
from kg.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["STATE", "Entry", "Pending", "Store", "content_digest"]

STATE = ".kg"
FORMAT = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, content TEXT NOT NULL, origin TEXT,
    shard INTEGER NOT NULL, line INTEGER NOT NULL, parse INTEGER, skipped TEXT, signature BLOB);
CREATE INDEX IF NOT EXISTS documents_seq ON documents (seq);
CREATE INDEX IF NOT EXISTS documents_shard ON documents (shard);
CREATE TABLE IF NOT EXISTS shards (
    number INTEGER PRIMARY KEY, parse_hash TEXT NOT NULL, read_hash TEXT NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS shard_stats (shard INTEGER PRIMARY KEY, live TEXT NOT NULL, stats BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def content_digest(document: Document) -> str:
    """What makes two versions of a document the same: its text and metadata (the evidence offsets, dates and
    provenance of its facts come from both)."""
    return digest(json.dumps(document.to_dict(), sort_keys=True, ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored document as the index knows it."""

    id: str
    seq: int
    content: str
    origin: str | None
    shard: int
    line: int
    parse: int | None  # its place in the shard's DocBin; None: not parsed
    skipped: str | None  # why it was not parsed
    parse_hash: str
    read_hash: str


@dataclass(frozen=True, slots=True)
class Pending:
    """One document's line for the shard being written."""

    document: Document
    content: str
    seq: int  # its place in the build's order, unless it is stored already
    record: dict[str, Any] | None  # its DocumentReading, as a dict; None: not parsed
    skipped: str | None  # why it was not parsed
    signature: bytes | None  # its near-duplicate signature (kg.duplicates)
    parse: int | None  # its place in the shard's DocBin


def _fsync_write(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp, tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class Store:
    """The ``.kg`` folder of one output folder (see the module docstring). Use as a context manager."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.root = self.out / STATE
        self.shards = self.root / "shards"
        self._lock: IO[str] | None = None
        self._db: sqlite3.Connection | None = None
        self._cache: OrderedDict[int, list[str]] = OrderedDict()

    # -- opening --------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        try:
            self.shards.mkdir(parents=True, exist_ok=True)
            self._lock = (self.root / "lock").open("w")
        except OSError as error:
            where = self.out if self.out.exists() and not self.out.is_dir() else self.root
            raise OutputError(f"{where}: cannot write ({error.strerror or error})") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(f"{self.out} is being built by another kg process") from None
        self._db = sqlite3.connect(self.root / "index.sqlite", isolation_level=None)
        self._db.executescript(_SCHEMA)
        self._tidy()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    @property
    def db(self) -> sqlite3.Connection:
        assert self._db is not None, "the store is not open"
        return self._db

    def _tidy(self) -> None:
        """Delete shard files the index does not know (a build was killed between writing and registering
        them) and temporary files."""
        known = {n for (n,) in self.db.execute("SELECT number FROM shards")}
        for path in self.shards.iterdir():
            number = _shard_number(path)
            if path.name.startswith(".") or number is None or number not in known:
                path.unlink(missing_ok=True)

    def reset(self) -> None:
        """Forget every stored document (``--fresh``)."""
        with self.transaction():
            for table in ("documents", "shards", "shard_stats"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("DELETE FROM meta WHERE key != 'build_id'")
        for path in self.shards.iterdir():
            path.unlink(missing_ok=True)
        (self.root / "graph.sqlite").unlink(missing_ok=True)
        self._cache.clear()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- state.json -----------------------------------------------------------------------------------

    def read_state(self) -> dict[str, Any]:
        path = self.root / "state.json"
        if not path.exists():
            return {}
        try:
            state: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise OutputError(f"{path}: unreadable build state ({error}); rebuild with --fresh") from None
        if state.get("format") != FORMAT:
            raise OutputError(f"{path}: build state of format {state.get('format')}, not {FORMAT}; use --fresh")
        return state

    def write_state(self, state: dict[str, Any]) -> None:
        text = json.dumps({"format": FORMAT, **state}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        _fsync_write(self.root / "state.json", text.encode("utf-8"))

    # -- the index ------------------------------------------------------------------------------------

    _ENTRY = (
        "SELECT d.id, d.seq, d.content, d.origin, d.shard, d.line, d.parse, d.skipped, s.parse_hash, s.read_hash "
        "FROM documents d JOIN shards s ON s.number = d.shard"
    )

    def entry(self, doc_id: str) -> Entry | None:
        row = self.db.execute(self._ENTRY + " WHERE d.id = ?", (doc_id,)).fetchone()
        return Entry(*row) if row else None

    def entries(self) -> Iterator[Entry]:
        """Every stored document, in the build's order."""
        for row in self.db.execute(self._ENTRY + " ORDER BY d.seq"):
            yield Entry(*row)

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def ids_of_file(self, origin: str) -> list[str]:
        """The documents read from exactly this file (a page or a text file: one document each)."""
        return [doc_id for (doc_id,) in self.db.execute("SELECT id FROM documents WHERE origin = ?", (origin,))]

    def ids_of_origins(self, origins: Sequence[str]) -> list[str]:
        """The documents read from these files (an origin is a path, or ``path:line`` for a JSONL corpus)."""
        found: list[str] = []
        for origin in origins:
            rows = self.db.execute(
                "SELECT id FROM documents WHERE origin = ? OR origin LIKE ? ESCAPE '\\' ORDER BY seq",
                (origin, _like_prefix(origin) + ":%"),
            )
            found.extend(doc_id for (doc_id,) in rows)
        return list(dict.fromkeys(found))

    def live_digest(self) -> str:
        """A digest of which documents, in which version and under which fingerprint, the build holds."""
        rows = self.db.execute(
            "SELECT d.id, d.content, s.read_hash FROM documents d JOIN shards s ON s.number = d.shard ORDER BY d.seq"
        )
        return digest(*("|".join(map(str, row)) for row in rows))

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for doc_id, data in self.db.execute("SELECT id, signature FROM documents WHERE signature IS NOT NULL"):
            yield doc_id, bytes(data)

    def candidates(self) -> Iterator[list[tuple[str, bytes]]]:
        """Groups of documents that share a band of their near-duplicate signatures (kg.duplicates), grouped
        on disk: a corpus of any size is clustered in constant memory."""
        from kg.duplicates import band_keys

        self.db.execute("PRAGMA temp_store = FILE")
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS bands (band INTEGER, key BLOB, id TEXT)")
        self.db.execute("DELETE FROM bands")
        rows = self.db.execute("SELECT id, signature FROM documents WHERE signature IS NOT NULL")
        with self.transaction():
            for doc_id, data in rows:
                self.db.executemany(
                    "INSERT INTO bands VALUES (?, ?, ?)", [(band, key, doc_id) for band, key in band_keys(bytes(data))]
                )
        grouped = self.db.execute("SELECT group_concat(id, char(31)) FROM bands GROUP BY band, key HAVING count(*) > 1")
        for (ids,) in grouped:
            group = []
            for doc_id in ids.split("\x1f"):
                data = self.db.execute("SELECT signature FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
                group.append((doc_id, bytes(data)))
            yield group
        self.db.execute("DELETE FROM bands")

    def remove(self, ids: Sequence[str]) -> list[str]:
        """Forget these documents; the ones that were stored (shards left with no live document go)."""
        removed: list[str] = []
        with self.transaction():
            for doc_id in ids:
                if self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount:
                    removed.append(doc_id)
        self._drop_dead_shards()
        return removed

    # -- writing --------------------------------------------------------------------------------------

    def _next(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        value = int(row[0]) if row else 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value + 1)))
        return value

    def write_shard(self, pending: Sequence[Pending], parses: bytes, parse_hash: str, read_hash: str) -> None:
        """Store a batch of documents as one shard (``parses``: the DocBin of their parses): files first, then
        the index, in one transaction. A document already stored keeps its place in the build's order."""
        if not pending:
            return
        number = self._peek("next_shard")
        lines = []
        for item in pending:
            row: dict[str, Any] = {"id": item.document.id, "content": item.content, "parse": item.parse}
            if item.record is None:
                row["document"], row["skipped"] = item.document.to_dict(), item.skipped
            else:
                row["record"] = item.record
            lines.append(json.dumps(row, ensure_ascii=False))
        _fsync_write(self.shards / f"parses-{number:06d}.spacy", parses)
        data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=6, mtime=0)
        _fsync_write(self.shards / f"records-{number:06d}.jsonl.gz", data)
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('next_shard', ?)", (str(number + 1),))
            self.db.execute("INSERT INTO shards VALUES (?, ?, ?, ?)", (number, parse_hash, read_hash, len(pending)))
            for line, item in enumerate(pending):
                held = self.db.execute("SELECT seq FROM documents WHERE id = ?", (item.document.id,)).fetchone()
                self.db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item.document.id,
                        held[0] if held else item.seq,
                        item.content,
                        item.document.origin,
                        number,
                        line,
                        item.parse,
                        item.skipped,
                        item.signature,
                    ),
                )
        self._drop_dead_shards()

    def build_id(self) -> str:
        """This build's own id (made once): what a Neo4j export of it is known by on the server."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()
        if row:
            return str(row[0])
        import uuid

        value = uuid.uuid4().hex
        self.db.execute("INSERT INTO meta VALUES ('build_id', ?)", (value,))
        return value

    def forget_export(self, target: str) -> None:
        """Forget what was exported to a Neo4j server, so that the next export writes everything."""
        path = self.root / "neo4j.sqlite"
        if path.exists():
            with contextlib.closing(sqlite3.connect(path)) as ledger, ledger:
                ledger.execute("DELETE FROM generations WHERE target = ?", (target,))

    def generation(self) -> int:
        """The number of builds completed here: a document's place in the build's order is (the generation that
        stored it, its position in that build's inputs), so a build resumed after a kill orders its documents as
        the uninterrupted build would have."""
        return self._peek("generation")

    def complete(self) -> None:
        """Mark a build completed (the next one orders its documents after this one's)."""
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(self.generation() + 1),))

    def _peek(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 1

    def _drop_dead_shards(self) -> None:
        dead = [
            n
            for (n,) in self.db.execute(
                "SELECT number FROM shards WHERE number NOT IN (SELECT DISTINCT shard FROM documents)"
            ).fetchall()
        ]
        if not dead:
            return
        with self.transaction():
            for number in dead:
                self.db.execute("DELETE FROM shards WHERE number = ?", (number,))
                self.db.execute("DELETE FROM shard_stats WHERE shard = ?", (number,))
        for number in dead:
            for path in self._files(number):
                path.unlink(missing_ok=True)
            self._cache.pop(number, None)

    def _files(self, number: int) -> tuple[Path, Path]:
        return self.shards / f"records-{number:06d}.jsonl.gz", self.shards / f"parses-{number:06d}.spacy"

    # -- reading --------------------------------------------------------------------------------------

    def _lines(self, number: int) -> list[str]:
        if number in self._cache:
            self._cache.move_to_end(number)
            return self._cache[number]
        path = self._files(number)[0]
        try:
            lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise OutputError(f"{path}: unreadable shard ({error}); rebuild with --fresh") from None
        self._cache[number] = lines
        while len(self._cache) > 4:
            self._cache.popitem(last=False)
        return lines

    def line(self, entry: Entry) -> dict[str, Any]:
        """The stored line of a document: ``record`` (a DocumentReading's dict) or ``document`` and ``skipped``."""
        row: dict[str, Any] = json.loads(self._lines(entry.shard)[entry.line])
        return row

    def lines(self, entries: Sequence[Entry] | None = None) -> Iterator[tuple[Entry, dict[str, Any]]]:
        """Stored lines in the build's order (or of the entries given, in their order)."""
        for entry in self.entries() if entries is None else entries:
            yield entry, self.line(entry)

    def parses(self, entries: Sequence[Entry], vocab: Vocab) -> Iterator[tuple[Entry, Doc]]:
        """The stored spaCy parses of these (parsed) entries, a shard at a time."""
        from spacy.tokens import DocBin

        by_shard: dict[int, list[Entry]] = {}
        for entry in entries:
            by_shard.setdefault(entry.shard, []).append(entry)
        for number, group in by_shard.items():
            docs = list(DocBin().from_bytes(self._files(number)[1].read_bytes()).get_docs(vocab))
            for entry in group:
                assert entry.parse is not None
                yield entry, docs[entry.parse]

    def shard_entries(self) -> Iterator[tuple[int, list[Entry]]]:
        """Live entries grouped by shard, shards in order."""
        current: list[Entry] = []
        rows = self.db.execute(self._ENTRY + " ORDER BY d.shard, d.line")
        for row in rows:
            entry = Entry(*row)
            if current and current[0].shard != entry.shard:
                yield current[0].shard, current
                current = []
            current.append(entry)
        if current:
            yield current[0].shard, current

    def cached_stats(self, shard: int, live: str) -> bytes | None:
        row = self.db.execute("SELECT live, stats FROM shard_stats WHERE shard = ?", (shard,)).fetchone()
        return bytes(row[1]) if row and row[0] == live else None

    def cache_stats(self, shard: int, live: str, stats: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO shard_stats VALUES (?, ?, ?)", (shard, live, stats))


def _shard_number(path: Path) -> int | None:
    stem = path.name.split(".", 1)[0]
    kind, _, number = stem.partition("-")
    return int(number) if kind in ("records", "parses") and number.isdigit() else None


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
