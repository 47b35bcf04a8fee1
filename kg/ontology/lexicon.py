"""The relation lexicon (``lexicon.tsv``): which words express which ontology relation, and in which order.

>>> lex = load_lexicon()
>>> lex.lookup("verb", "meet with").relation, lex.lookup("verb", "send force into").relation
('kg:meets', 'kg:deploysForcesTo')
>>> lex.lookup("verb", "hold talk on with").relation  # the longest known part wins
'kg:holdsTalksWith'
>>> lex.lookup("verb", "meet in") is None  # a place, not a partner
True
>>> lex.lookup("role", "expert on").relation, lex.lookup("role", "expert at").relation
('kg:expertOn', 'kg:worksFor')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import OntologyError
from kg.ontology.tables import read_tsv

__all__ = ["KINDS", "NOTHING", "Lexicon", "LexiconEntry", "load_lexicon"]

KINDS = ("verb", "noun", "role")
NOTHING = "-"  # a lexicon row that blocks back-off: these words relate nothing


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    kind: str
    lemma: str
    relation: str
    inverse: bool


@dataclass(slots=True)
class Lexicon:
    entries: dict[tuple[str, str], LexiconEntry] = field(default_factory=dict)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def add(self, entry: LexiconEntry) -> None:
        self.entries[(entry.kind, entry.lemma)] = entry
        self._words.clear()

    def words(self, kind: str) -> frozenset[str]:
        """Every lemma of one kind (the extractors use the nouns and roles as cues)."""
        cached = self._words.get(kind)
        if cached is None:
            cached = self._words[kind] = frozenset(lemma for k, lemma in self.entries if k == kind)
        return cached

    def lookup(self, kind: str, key: str) -> LexiconEntry | None:
        """The entry for ``key`` ("verb [particle] [noun] [preposition]"), backing off to a row for the verb
        with any object ("return * to"), then by dropping words from the middle (the light-verb noun, then the
        particle) but never the last one: "meet in" is not "meet" (the preposition says what the object is),
        while "hold talk on with" is "hold talk with"."""
        words = key.split()
        if not words:
            return None
        entry = self.entries.get((kind, key))
        if entry is not None:
            return entry
        if kind == "role" and len(words) > 1:
            # "president of X" is the role itself; "expert at X" is the preposition's own row ("* at":
            # an affiliation) before the role's ("expert").
            bare = self.entries.get((kind, " ".join(words[:-1])))
            wildcard = self.entries.get((kind, f"* {words[-1]}"))
            return (bare or wildcard) if words[-1] == "of" else (wildcard or bare)
        if len(words) < 3:
            return None
        # "return * to": the verb with any object before its preposition ("returned the islands to Norway"
        # hands them back; "returned to Oslo" is a trip)
        entry = self.entries.get((kind, f"{words[0]} * {words[-1]}"))
        if entry is not None:
            return entry
        for keep in range(len(words) - 2, 0, -1):
            for candidate in (words[:keep] + words[-1:], words[:1] + words[-keep:]):
                entry = self.entries.get((kind, " ".join(candidate)))
                if entry is not None:
                    return entry
        return None


def load_lexicon(paths: Iterable[Path] = (), relations: Iterable[str] | None = None) -> Lexicon:
    """The built-in lexicon plus extra tables; later files override earlier ones for the same lemma."""
    from kg.resources import ontology_file

    known = set(relations) if relations is not None else None
    lexicon = Lexicon()
    for path in [ontology_file("lexicon.tsv"), *paths]:
        for number, row in read_tsv(path, ("kind", "lemma", "relation", "direction")):
            kind, direction = row["kind"], row["direction"]
            if kind not in KINDS:
                raise OntologyError(f"{path}:{number}: kind {kind!r} is not one of {', '.join(KINDS)}")
            if direction not in ("forward", "inverse"):
                raise OntologyError(f"{path}:{number}: direction {direction!r} is not forward or inverse")
            relation = row["relation"]
            if known is not None and relation not in known and relation != NOTHING:
                raise OntologyError(f"{path}:{number}: relation {relation} is not declared in the ontology")
            lemma = " ".join(row["lemma"].lower().split())
            lexicon.add(LexiconEntry(kind, lemma, relation, direction == "inverse"))
    return lexicon
