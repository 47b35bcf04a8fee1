"""What changed between two builds: facts and entities added, removed and changed, matched by stable id.

Ids are content-addressed (an entity's from its canonical key, a fact's from its subject, relation, object and
polarity), so the same fact keeps its id across builds and corpora; what can change under one id is what the
evidence says about it: how many sentences and documents support it, its confidence and flags, and the
labels it is shown with. :func:`read_build` reads the two JSONL files of a ``kg build --out`` folder that
hold these (``triples.jsonl``, ``entities.jsonl``); :func:`compare` lists the differences in a fixed order
(facts, then entities; removed, added, changed; by label, then id).

>>> norway = EntityState("Norway", "Country", ("Norwegian",), 3)
>>> old = Build(facts={"st-1": FactState("Norway", "supports", "Kenya", None, 0.62, 1, 1)},
...             entities={"country-no": norway})
>>> new = Build(facts={"st-1": FactState("Norway", "supports", "Kenya", None, 0.81, 3, 2)},
...             entities={"country-no": norway, "country-dk": EntityState("Denmark", "Country", (), 1)})
>>> d = compare(old, new)
>>> [(c.status, c.kind, c.id, c.label, c.fields) for c in d.changes]  # doctest: +NORMALIZE_WHITESPACE
[('changed', 'fact', 'st-1', 'Norway supports Kenya', ('confidence', 'evidence', 'documents')),
 ('added', 'entity', 'country-dk', 'Denmark', ())]
>>> d.identical, compare(new, new).identical
(False, True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, TypeVar

from kg.errors import InputError, OutputError

__all__ = ["Build", "Change", "Diff", "EntityState", "FactState", "compare", "diff_builds", "read_build"]

Kind = Literal["fact", "entity"]
Status = Literal["removed", "added", "changed"]
KINDS: tuple[Kind, ...] = ("fact", "entity")
STATUSES: tuple[Status, ...] = ("removed", "added", "changed")
PLURALS: dict[Kind, str] = {"fact": "facts", "entity": "entities"}


@dataclass(frozen=True, slots=True)
class FactState:
    """What a build says about one fact: the labels it is shown with and the weight of its evidence."""

    subject: str
    predicate: str
    object: str
    surface: str | None  # the verb of a generic kg:relatedTo fact ("welcomed")
    confidence: float
    evidence: int  # evidence sentences
    documents: int  # distinct documents among them
    negated: bool = False
    hedged: bool = False

    @property
    def label(self) -> str:
        """ "Norway supports Kenya"; "… related to (welcomed) …" for a generic relation; "not" for negated."""
        relation = f"{self.predicate} ({self.surface})" if self.surface else self.predicate
        return f"{self.subject} {'not ' if self.negated else ''}{relation} {self.object}"


@dataclass(frozen=True, slots=True)
class EntityState:
    """What a build says about one entity."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


State = FactState | EntityState


@dataclass(frozen=True, slots=True)
class Build:
    """The facts and entities of one build, by id."""

    facts: dict[str, FactState] = field(default_factory=dict)
    entities: dict[str, EntityState] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Change:
    """One fact or entity that is only in the old build (removed), only in the new (added), or in both but
    different (changed: ``fields`` names what differs)."""

    kind: Kind
    id: str
    old: State | None
    new: State | None

    @property
    def status(self) -> Status:
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def label(self) -> str:
        state = self.new if self.new is not None else self.old
        return state.label if state is not None else self.id

    @property
    def fields(self) -> tuple[str, ...]:
        if self.old is None or self.new is None:
            return ()
        return tuple(f.name for f in fields(self.old) if getattr(self.old, f.name) != getattr(self.new, f.name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "change": self.status,
            "id": self.id,
            "label": self.label,
            "fields": list(self.fields),
            "old": _state_dict(self.old),
            "new": _state_dict(self.new),
        }


def _state_dict(state: State | None) -> dict[str, Any] | None:
    if state is None:
        return None
    row = {f.name: getattr(state, f.name) for f in fields(state)}
    return {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}


@dataclass(frozen=True, slots=True)
class Diff:
    """Every change between two builds, and how many facts and entities each build holds."""

    changes: tuple[Change, ...] = ()
    totals: dict[Kind, tuple[int, int]] = field(default_factory=dict)  # kind -> (old, new)

    @property
    def identical(self) -> bool:
        return not self.changes

    def count(self, kind: Kind, status: Status) -> int:
        return sum(1 for c in self.changes if c.kind == kind and c.status == status)

    def only(self, kind: Kind) -> Diff:
        """The changes of one kind (``fact`` or ``entity``)."""
        return Diff(tuple(c for c in self.changes if c.kind == kind), {kind: self.totals.get(kind, (0, 0))})

    def summary(self) -> dict[str, dict[str, int]]:
        """Per kind: how many were removed, added and changed, and the totals of the old and new build."""
        return {
            PLURALS[kind]: {
                **{status: self.count(kind, status) for status in STATUSES},
                "old": self.totals[kind][0],
                "new": self.totals[kind][1],
            }
            for kind in KINDS
            if kind in self.totals
        }

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        """The ``kg diff --format json`` document; ``limit`` keeps the first changes (``left_off`` says how many
        more there are)."""
        shown = self.changes if limit is None else self.changes[:limit]
        return {
            "identical": self.identical,
            "summary": self.summary(),
            "changes": [c.to_dict() for c in shown],
            "left_off": len(self.changes) - len(shown),
        }


def _sort_key(change: Change) -> tuple[int, int, str, str]:
    return (KINDS.index(change.kind), STATUSES.index(change.status), change.label.casefold(), change.id)


def _changes(kind: Kind, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = [Change(kind, key, old[key], None) for key in old.keys() - new.keys()]
    changes += [Change(kind, key, None, new[key]) for key in new.keys() - old.keys()]
    changes += [Change(kind, key, old[key], new[key]) for key in old.keys() & new.keys() if old[key] != new[key]]
    return changes


def compare(old: Build, new: Build) -> Diff:
    """The changes from ``old`` to ``new``, facts first, each kind removed, added, then changed, by label."""
    changes = _changes("fact", old.facts, new.facts) + _changes("entity", old.entities, new.entities)
    totals: dict[Kind, tuple[int, int]] = {
        "fact": (len(old.facts), len(new.facts)),
        "entity": (len(old.entities), len(new.entities)),
    }
    return Diff(tuple(sorted(changes, key=_sort_key)), totals)


# -- reading a build ------------------------------------------------------------------------------------------


def _fact(row: dict[str, Any]) -> FactState:
    evidence = row.get("evidence", [])
    predicate = row["predicate"]
    return FactState(
        subject=str(row["subject"]["label"]),
        predicate=str(predicate["label"]),
        object=str(row["object"]["label"]),
        surface=predicate.get("surface"),
        confidence=float(row["confidence"]),
        evidence=len(evidence),
        documents=len({e["document"] for e in evidence}),
        negated=bool(row.get("negated", False)),
        hedged=bool(row.get("hedged", False)),
    )


def _entity(row: dict[str, Any]) -> EntityState:
    return EntityState(
        label=str(row["label"]),
        type=str(row["type"]),
        aliases=tuple(row.get("aliases", ())),
        mentions=len(row.get("mentions", ())),
    )


S = TypeVar("S", FactState, EntityState)


def _read_rows(path: Path, state: Callable[[dict[str, Any]], S]) -> dict[str, S]:
    from kg.jsonlines import read_json_lines

    if not path.is_file():
        raise OutputError(f"{path}: not found (is {path.parent} a `kg build --out` folder?)")
    states: dict[str, S] = {}
    try:
        for where, row in read_json_lines(path):
            try:
                states[str(row["id"])] = state(row)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise OutputError(f"{where}: not a row kg build writes ({type(error).__name__}: {error})") from None
    except InputError as error:
        raise OutputError(str(error)) from None
    return states


def read_build(folder: str | Path) -> Build:
    """The facts and entities of the folder a ``kg build --out FOLDER`` run wrote (its two JSONL files)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise OutputError(f"{folder}: no such folder")
    facts = _read_rows(folder / "triples.jsonl", _fact)
    return Build(facts=facts, entities=_read_rows(folder / "entities.jsonl", _entity))


def diff_builds(old: str | Path, new: str | Path) -> Diff:
    """``compare`` of two output folders."""
    return compare(read_build(old), read_build(new))
