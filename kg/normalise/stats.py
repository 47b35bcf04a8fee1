"""Phase (a) of normalisation: the name statistics of one document, and their merge.

Entity decisions are corpus-wide (a surname joins the only full name of the corpus that ends with it), but they
need only what the corpus says about *names*, not its sentences or evidence. :func:`name_stats` is a pure map
from one :class:`~kg.extract.DocumentReading` to :class:`NameStats`; :meth:`NameStats.merge` is associative and
commutative, so the statistics of a corpus are the same whatever order or partitioning the documents come in
(a local fold here, a Spark ``reduce`` later). What is kept, per name key (the folded name, or the gazetteer's
key):

* ``classes``: how many mentions gave the name each class (the NER's, the gazetteer's);
* ``labels``: the distinct names it was written as (for surnames, abbreviations and short forms);
* ``names``: the gazetteer entries it resolved to, and ``counted``: the labels that name its entity;
* ``pairs``: names whose spellings could be one name ("Petrovskiy", "Petrovsky") and that one document uses
  together; ``roles``: the roles the corpus gives a person ("minister");
* ``buckets``: the same per (name, document) for people whom a document gives a nationality ("the Kenyan
  envoy"), because namesakes of different nationalities are different people: only here are documents kept.

>>> from kg.ontology import load_ontology
>>> from kg.extract.record import DocumentReading
>>> from kg.model import Document, Mention
>>> def reading(doc_id, *names):
...     ms = tuple(Mention(doc_id, 0, len(n), n, n, "PERSON") for n in names)
...     return DocumentReading(Document(doc_id, " ".join(names)), (), ms, ())
>>> onto = load_ontology()
>>> a, b = name_stats(reading("d1", "Ana Silva"), onto), name_stats(reading("d2", "Silva", "Ana Silva"), onto)
>>> a.merge(b) == b.merge(a), sorted(a.merge(b).keys)
(True, ['ana silva', 'silva'])
>>> a.merge(b).keys["ana silva"].classes["Person"]
2
>>> NameStats.from_dict(a.merge(b).to_dict()) == a.merge(b)
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.extract import DocumentReading
from kg.model import Extraction
from kg.normalise.entities import First, first_key, pending
from kg.ontology import Ontology
from kg.ontology.gazetteer import fold_name

__all__ = ["Bucket", "KeyStats", "NameStats", "describe", "name_stats"]


@dataclass(slots=True)
class KeyStats:
    """What the corpus says about one name key."""

    classes: Counter[str] = field(default_factory=Counter)
    labels: set[str] = field(default_factory=set)  # as written, where no gazetteer entry knew the name
    names: set[tuple[str, str | None]] = field(default_factory=set)  # gazetteer entries: (label, note)
    counted: set[str] = field(default_factory=set)  # labels that name a gazetteer entity (for its metonyms)

    def merge(self, other: KeyStats) -> KeyStats:
        return KeyStats(
            self.classes + other.classes,
            self.labels | other.labels,
            self.names | other.names,
            self.counted | other.counted,
        )

    def add(self, first: First) -> None:
        m, name = first.mention, first.name
        self.classes[name.type if name else first.kind] += 1
        if name is None:
            self.labels.add(m.label)
        else:
            self.names.add((name.label, name.note))
            if counts_as_label(m.rule):
                self.counted.add(counted_label(m.text, m.label, m.rule))

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": dict(sorted(self.classes.items())),
            "labels": sorted(self.labels),
            "names": sorted(self.names, key=lambda n: (n[0], n[1] or "")),
            "counted": sorted(self.counted),
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> KeyStats:
        return cls(Counter(row["classes"]), set(row["labels"]), {(a, b) for a, b in row["names"]}, set(row["counted"]))


# The mention rules whose label names the entity (the others, pronouns and descriptions, only point at it).
NAME_RULES = frozenset({"ner", "range", "coref.surname", "coref.short", "group", "named-facility", "title.institution"})


def counts_as_label(rule: str) -> bool:
    return rule in NAME_RULES or rule.startswith("metonym")


def counted_label(text: str, label: str, rule: str) -> str:
    """The name a mention contributes to its entity's labels ("the ship" for an instrument metonym)."""
    return text if rule.startswith("metonym.instrument") else label


@dataclass(slots=True)
class Bucket:
    """A name in one document that gives its person a nationality, kept apart until decisions."""

    countries: frozenset[str]
    stats: KeyStats


@dataclass(slots=True)
class NameStats:
    """The name statistics of a set of documents (see the module docstring); merge them in any order."""

    keys: dict[str, KeyStats] = field(default_factory=dict)
    buckets: dict[tuple[str, str], Bucket] = field(default_factory=dict)  # (key, document)
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (a, b), a < b: one document names both
    document_pairs: set[tuple[str, str, str]] = field(default_factory=set)  # (a, b, document): a bucket's
    roles: dict[str, set[str]] = field(default_factory=dict)  # folded name -> roles

    def merge(self, other: NameStats) -> NameStats:
        """The statistics of both (neither is changed)."""
        merged = NameStats(dict(self.keys), dict(self.buckets), self.pairs | other.pairs)
        merged.document_pairs = self.document_pairs | other.document_pairs
        merged.roles = dict(self.roles)
        merged.update(other, copy=True)
        return merged

    def update(self, other: NameStats, *, copy: bool = False) -> None:
        """Merge ``other`` into these statistics, in place (a local fold)."""
        for key, stats in other.keys.items():
            mine = self.keys.get(key)
            self.keys[key] = (stats.merge(KeyStats()) if copy else stats) if mine is None else mine.merge(stats)
        for where, bucket in other.buckets.items():
            held = self.buckets.get(where)
            self.buckets[where] = (
                bucket if held is None else Bucket(held.countries | bucket.countries, held.stats.merge(bucket.stats))
            )
        if not copy:
            self.pairs |= other.pairs
            self.document_pairs |= other.document_pairs
        for name, roles in other.roles.items():
            self.roles[name] = self.roles.get(name, set()) | roles

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (sorted, so equal statistics give equal text)."""
        return {
            "keys": {key: self.keys[key].to_dict() for key in sorted(self.keys)},
            "buckets": [
                [key, doc, sorted(b.countries), b.stats.to_dict()] for (key, doc), b in sorted(self.buckets.items())
            ],
            "pairs": sorted(self.pairs),
            "document_pairs": sorted(self.document_pairs),
            "roles": {name: sorted(self.roles[name]) for name in sorted(self.roles)},
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> NameStats:
        return cls(
            keys={key: KeyStats.from_dict(s) for key, s in row["keys"].items()},
            buckets={(k, d): Bucket(frozenset(c), KeyStats.from_dict(s)) for k, d, c, s in row["buckets"]},
            pairs={(a, b) for a, b in row["pairs"]},
            document_pairs={(a, b, d) for a, b, d in row["document_pairs"]},
            roles={name: set(roles) for name, roles in row["roles"].items()},
        )


_PREPOSITIONS = frozenset({"of", "for", "at", "on", "in", "to", "with", "from"})


def describe(e: Extraction, ontology: Ontology) -> tuple[str, str | None, str | None]:
    """What a role extraction says about a person: (folded name, role, nationality), None where it says none.
    The role tells spellings of one name apart from other names, the nationality namesakes apart."""
    if e.kind != "role" or e.arg2 is None or e.arg1.mention is None or e.arg2.mention is None:
        return "", None, None
    if e.arg1.mention.ner not in ("PERSON", "PER"):
        return "", None, None
    words = e.lemma.split()
    role = " ".join(words[:-1] if len(words) > 1 and words[-1] in _PREPOSITIONS else words)
    country = ontology.gazetteer.lookup(e.arg2.mention.label)
    nationality = country.label if country is not None and country.type == "Country" else None
    return fold_name(e.arg1.mention.label), role if role and not role.startswith("*") else None, nationality


def nationalities(reading: DocumentReading, ontology: Ontology) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(folded name -> countries, folded name -> roles) that one document's role extractions give."""
    countries: dict[str, set[str]] = {}
    roles: dict[str, set[str]] = {}
    for e in reading.extractions:
        name, role, country = describe(e, ontology)
        if role is not None:
            roles.setdefault(name, set()).add(role)
        if country is not None:
            countries.setdefault(name, set()).add(country)
    return countries, roles


def bucketed(firsts: list[First], countries: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """The people of one document whom it gives a nationality: name key -> countries."""
    return {
        f.key: frozenset(countries[f.key])
        for f in firsts
        if f.kind == "Person" and f.name is None and countries.get(fold_name(f.mention.label))
    }


def _pairs(keys: set[str], ontology: Ontology) -> set[tuple[str, str]]:
    """Names one document uses together that could be spellings of one name, or a surname and a full name
    whose surname it may spell ("Petrovsky" and "Ivan Petrovskiy")."""
    spell = ontology.gazetteer.spellings.key
    by_spelling: dict[str, list[str]] = {}
    for key in keys:
        by_spelling.setdefault(spell(key), []).append(key)
    found = {(a, b) for group in by_spelling.values() for a in group for b in group if a < b}
    for full in keys:
        if " " in full:
            for single in by_spelling.get(spell(full.split()[-1]), ()):
                if " " not in single:
                    found.add((min(full, single), max(full, single)))
    return found


def name_stats(reading: DocumentReading, ontology: Ontology) -> NameStats:
    """Phase (a): the name statistics of one document (pure: it depends on the reading and the vocabulary)."""
    firsts = [first_key(m, ontology) for m in pending(reading)]
    countries, roles = nationalities(reading, ontology)
    local = bucketed(firsts, countries)
    doc = reading.document.id
    out = NameStats(roles=roles)
    for f in firsts:
        if f.key in local:
            bucket = out.buckets.get((f.key, doc))
            if bucket is None:
                bucket = out.buckets[(f.key, doc)] = Bucket(local[f.key], KeyStats())
            bucket.stats.add(f)
        else:
            out.keys.setdefault(f.key, KeyStats()).add(f)
    for a, b in _pairs({f.key for f in firsts if f.name is None}, ontology):
        if a in local or b in local:
            out.document_pairs.add((a, b, doc))
        else:
            out.pairs.add((a, b))
    return out
