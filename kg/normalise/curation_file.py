"""Analyst decisions that survive rebuilds: a curation file of verdicts on facts and entities by stable id.

A curation file is a tab-separated table, one decision per line, reviewable in any diff::

    # verb          target                      value                       note
    merge           tarvik-29da2d               tarvik-motors-b73fe2        the carmaker, not the town
    reject-fact     st-4c1461bae67f20f2                                     misread parse
    reject-entity   light-festival-0a1b2c
    split           ana-silva-1f2e3d            doc-0a1b2c3d4e5f6a7b        another Ana Silva there
    relabel         nwa-0d1e2f                  National Water Authority
    retype          kestrel-346955              Organization
    alias           harbour-city-fc-88704f      the Harbourers

``merge A B`` moves every mention of entity A into entity B; ``split E DOC[,DOC...]`` makes the mentions of E in
those documents (or ``DOC:START-END`` for one mention) a new entity; ``relabel``, ``retype`` and ``alias``
change an entity's label, class or aliases; ``reject-entity`` drops an entity and every fact it is in;
``reject-fact`` drops one fact. Blank lines and ``#`` comments are kept as they are.

Decisions are re-applied on every build and update (:mod:`kg.normalise` applies them where entities and facts
are decided), each is recorded on what it changed as ``FILE:LINE verb``, and one that matches nothing is
reported. ``kg curate DIR --merge A B`` appends a line, so nobody types ids by hand.

>>> curation = parse_curation("merge\\ta-1\\tb-2\\tsame firm\\n# a comment\\nreject-fact\\tst-9\\n", "c.tsv")
>>> [(d.verb, d.target, d.value, d.source) for d in curation.decisions]
[('merge', 'a-1', 'b-2', 'c.tsv:1'), ('reject-fact', 'st-9', '', 'c.tsv:3')]
>>> parse_curation("merge\\ta-1\\n", "c.tsv")
Traceback (most recent call last):
kg.errors.InputError: c.tsv:1: merge needs a target and a value (merge ENTITY INTO-ENTITY)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

__all__ = [
    "USAGE",
    "VERBS",
    "CurationFile",
    "Decision",
    "MentionRef",
    "format_decision",
    "parse_curation",
    "read_curation",
]

# verb -> what its value is (empty: the verb takes none)
VERBS: dict[str, str] = {
    "merge": "INTO-ENTITY",
    "split": "DOCUMENT[,DOCUMENT...] or DOCUMENT:START-END",
    "relabel": "LABEL",
    "retype": "CLASS",
    "alias": "ALIAS",
    "reject-entity": "",
    "reject-fact": "",
}
USAGE = {
    verb: f"{verb} {'FACT' if verb == 'reject-fact' else 'ENTITY'} {value}".strip() for verb, value in VERBS.items()
}
_MENTION = re.compile(r"^(?P<document>[^:,\s]+):(?P<start>\d+)-(?P<end>\d+)$")


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention by its document and character offsets (a ``split`` of a single mention)."""

    document: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Decision:
    """One line of a curation file."""

    verb: str
    target: str  # an entity id, or a fact (statement) id for reject-fact
    value: str = ""
    note: str = ""
    source: str = ""  # "FILE:LINE", recorded on what the decision changes

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents a ``split`` moves (empty for a split of one mention)."""
        return () if self.mention is not None else tuple(d for d in self.value.split(",") if d)

    @property
    def mention(self) -> MentionRef | None:
        match = _MENTION.match(self.value) if self.verb == "split" else None
        if match is None:
            return None
        return MentionRef(match["document"], int(match["start"]), int(match["end"]))

    @property
    def trace(self) -> str:
        """What an entity or fact records: ``curation.tsv:3 merge``."""
        return f"{self.source} {self.verb}"


@dataclass(slots=True)
class CurationFile:
    """The decisions of one or more files, and which of them matched something in the build."""

    decisions: list[Decision] = field(default_factory=list)
    matched: set[str] = field(default_factory=set)  # sources of decisions that changed something

    def of(self, verb: str) -> list[Decision]:
        return [d for d in self.decisions if d.verb == verb]

    def mark(self, decision: Decision) -> None:
        self.matched.add(decision.source)

    def unmatched(self) -> list[Decision]:
        """Decisions that matched nothing in this build (reported, never silently dropped)."""
        return [d for d in self.decisions if d.source not in self.matched]

    def __len__(self) -> int:
        return len(self.decisions)


def _decision(cells: list[str], source: str) -> Decision:
    # complex: each verb's arguments are checked where the line is read, so errors name the line.
    verb = cells[0].strip().lower()
    if verb not in VERBS:
        raise InputError(source, f"unknown decision {cells[0]!r} (one of: {', '.join(VERBS)})")
    target = cells[1].strip() if len(cells) > 1 else ""
    value = cells[2].strip() if len(cells) > 2 else ""
    note = cells[3].strip() if len(cells) > 3 else ""
    if not target or (VERBS[verb] and not value):
        wanted = "a target and a value" if VERBS[verb] else "a target"
        raise InputError(source, f"{verb} needs {wanted} ({USAGE[verb]})")
    if verb == "merge" and value == target:
        raise InputError(source, "merge needs two different entities")
    if verb == "split" and not _MENTION.match(value) and any(not d or ":" in d for d in value.split(",")):
        raise InputError(source, f"split takes document ids or one DOCUMENT:START-END, not {value!r}")
    return Decision(verb, target, value, note, source)


def parse_curation(text: str, name: str) -> CurationFile:
    """The decisions of a curation file's text; ``name`` is how errors and traces name the file."""
    decisions = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        decisions.append(_decision(line.split("\t"), f"{name}:{number}"))
    return CurationFile(decisions)


def read_curation(paths: Iterable[str | Path]) -> CurationFile:
    """The decisions of every file, in order (a missing or unreadable file is an InputError)."""
    curation = CurationFile()
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(str(path), f"cannot read the curation file: {error}") from error
        curation.decisions.extend(parse_curation(text, path.name).decisions)
    return curation


def format_decision(verb: str, target: str, value: str = "", note: str = "") -> str:
    """One curation line (tabs and line breaks inside a cell would break the table, so they become spaces).

    >>> format_decision("alias", "harbour-city-fc-88704f", "the Harbourers", "a nickname")
    'alias\\tharbour-city-fc-88704f\\tthe Harbourers\\ta nickname'
    """
    cells = [" ".join(c.split()) for c in (verb, target, value, note)]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)
