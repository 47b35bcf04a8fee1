"""Names of things: countries (generated, ``countries.tsv``) and curated aliases and metonyms (``aliases.tsv``).

>>> gaz = load_gazetteer()
>>> gaz.lookup("U.S.").label, gaz.lookup("Kenyan").label, gaz.lookup("Kenyan").rule
('United States', 'Kenya', 'demonym')
>>> kremlin = gaz.lookup("the Kremlin")
>>> kremlin.label, kremlin.stands_for
('Kremlin', 'Russia')
>>> gaz.lookup("Nairobi").type, gaz.lookup("Nairobi").stands_for
('City', 'Kenya')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.ontology.tables import read_tsv

__all__ = ["Gazetteer", "Name", "fold_name", "load_gazetteer"]

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACE = re.compile(r"\s+")


_ARTICLE = re.compile(r"^(?:the|The)\s+")


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """The form names are compared in: no leading "the", no possessive, single spaces, case folded
    (short all-capital codes such as "US" keep their case, so the pronoun "us" never matches them)."""
    text = _SPACE.sub(" ", text.replace("’", "'")).strip()
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    if len(text) <= 3 and text.isupper():
        return text
    return text.casefold()


@dataclass(frozen=True, slots=True)
class Name:
    """What a name resolves to: the canonical label, class, and the rule that matched."""

    key: str  # stable canonical key, e.g. "country:RU"
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    rule: str = "name"
    stands_for: str | None = None  # label of the actor a place or metonym stands for
    note: str | None = None


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, Name] = field(default_factory=dict)
    by_label: dict[str, Name] = field(default_factory=dict)

    def add(self, name: Name, surface: str, rule: str) -> None:
        self.names.setdefault(fold_name(surface), replace(name, rule=rule))

    def lookup(self, text: str) -> Name | None:
        folded = fold_name(text)
        hit = self.names.get(folded)
        if hit is None and folded.endswith("s") and len(folded) > 4:
            hit = self.names.get(folded[:-1])  # "Kenyans", "Norwegians": the demonym's plural
            if hit is not None and hit.rule != "demonym":
                hit = None
        return hit

    def canonical(self, label: str) -> Name | None:
        return self.by_label.get(label)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def load_gazetteer(paths: Iterable[Path] = (), classes: Iterable[str] | None = None) -> Gazetteer:
    # complex: reads the countries table and the alias tables with line-numbered errors; one pass per file.
    from kg.resources import ontology_file

    known = set(classes) if classes is not None else None
    gaz = Gazetteer()
    aliases_extra: dict[str, list[str]] = {}
    rows: list[tuple[Path, int, dict[str, str]]] = []
    for path in [ontology_file("aliases.tsv"), *paths]:
        rows.extend((path, n, row) for n, row in read_tsv(path, ("label", "class")))

    # Curated aliases of a country extend its generated entry rather than replacing it.
    country_labels: set[str] = set()
    for _, row in read_tsv(ontology_file("countries.tsv"), ("iso2", "name")):
        country_labels.add(row["name"])
    for path, number, row in rows:
        if known is not None and row["class"] not in known:
            raise OntologyError(f"{path}:{number}: class {row['class']!r} is not declared in the ontology")
        if row["label"] in country_labels and row["class"] == "Country":
            aliases_extra.setdefault(row["label"], []).extend(_split(row.get("aliases", "")))

    for _, row in read_tsv(ontology_file("countries.tsv"), ("iso2", "iso3", "name")):
        label = row["name"]
        names = _split(row.get("names", ""))
        demonyms = _split(row.get("demonyms", ""))
        extra = aliases_extra.get(label, [])
        country = Name(f"country:{row['iso2']}", label, "Country", tuple(dict.fromkeys(names + extra)))
        gaz.by_label[label] = country
        gaz.add(country, label, "name")
        for alias in names + extra:
            if alias not in demonyms:  # "Thai" is listed as a name too: as a word alone it is the people's
                gaz.add(country, alias, "alias")
        gaz.add(country, row["iso3"], "code")
        for demonym in demonyms:
            gaz.add(country, demonym, "demonym")
        capital = row.get("capital", "")
        if capital:
            city = Name(
                f"city:{row['iso2']}",
                capital,
                "City",
                (),
                stands_for=label,
                note=f"capital of {label} (used as an actor)",
            )
            gaz.by_label.setdefault(capital, city)
            gaz.add(city, capital, "name")

    for path, number, row in rows:
        label, kind = row["label"], row["class"]
        if kind == "Country" and label in country_labels:
            continue
        aliases = _split(row.get("aliases", ""))
        stands_for = row.get("stands_for") or None
        if stands_for and stands_for not in gaz.by_label and stands_for not in {r[2]["label"] for r in rows}:
            raise OntologyError(f"{path}:{number}: stands_for {stands_for!r} names no known entity")
        name = Name(
            f"{kind.lower()}:{fold_name(label)}",
            label,
            kind,
            tuple(aliases),
            stands_for=stands_for,
            note=row.get("note") or None,
        )
        gaz.by_label[label] = name
        gaz.names[fold_name(label)] = replace(name, rule="name")  # curated entries win over generated ones
        for alias in aliases:
            adjective = alias[:1].isupper() and alias.endswith(("ish", "ian", "an", "ese", "i"))
            gaz.names[fold_name(alias)] = replace(name, rule="demonym" if adjective and kind == "Group" else "alias")
    return gaz
