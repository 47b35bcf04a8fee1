"""Names of things: countries (generated, ``countries.tsv``) and curated aliases and metonyms (``aliases.tsv``);
states, provinces and cities (generated, ``regions.tsv`` and ``cities.tsv``) settle what the NER calls a place.

>>> gaz = load_gazetteer()
>>> gaz.lookup("U.S.").label, gaz.lookup("Kenyan").label, gaz.lookup("Kenyan").rule
('United States', 'Kenya', 'demonym')
>>> kremlin = gaz.lookup("the Kremlin")
>>> kremlin.label, kremlin.stands_for
('Kremlin', 'Russia')
>>> gaz.lookup("Nairobi").type, gaz.lookup("Nairobi").stands_for
('City', 'Kenya')
>>> gaz.spellings.key("Ivan Petrovskiy") == gaz.spellings.key("Ivan Petrovsky")
True
>>> gaz.place("Ohio").key, gaz.place("Ohio").type, gaz.place("Leeds").type, gaz.lookup("Ohio")
('region:US-OH', 'Region', 'City', None)
>>> gaz.lookup("Georgia").type, gaz.region("Georgia").key, gaz.region("Georgia", "GE")
('Country', 'region:US-GA', None)
>>> gaz.gender("Karen Lind"), gaz.gender("Ola Berg"), gaz.gender("Kim Park"), gaz.gender("Moe")
(('female', True), ('female', False), None, None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.ontology.tables import read_tsv

__all__ = ["Gazetteer", "Name", "Spellings", "fold_name", "load_gazetteer", "load_spellings"]

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACE = re.compile(r"\s+")


_ARTICLE = re.compile(r"^(?:the|The)\s+")


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """The form names are compared in: no leading "the", no possessive or apostrophe, single spaces, case
    folded (short all-capital codes such as "US" keep their case, so the pronoun "us" never matches them).

    >>> fold_name("the People's Army's"), fold_name("US"), fold_name("Côte d'Ivoire")
    ('peoples army', 'US', 'côte divoire')
    """
    text = _SPACE.sub(" ", text.replace("’", "'")).strip()
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    if len(text) <= 3 and text.isupper():
        return text
    # "People's Liberation Army" and "Peoples Liberation Army" are one name, spelt with and without the mark
    return text.replace("'", "").casefold()


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


# Letters the romanisations of Russian confuse with one another, read as one: й, и and ы are all spelt "i" or
# "y"; е, ё and э all "e"; the soft and hard signs are mostly not written at all.
_SAME_LETTER = {"й": "и", "ы": "и", "ё": "е", "э": "е", "ъ": "", "ь": ""}


@dataclass(frozen=True, slots=True)
class Spellings:
    """Latin spellings of Russian letters and word endings (``transliteration.tsv``), longest first."""

    letters: tuple[tuple[str, str], ...] = ()
    endings: tuple[tuple[str, str], ...] = ()

    def key(self, name: str) -> str:
        """One key for the romanisations of one Russian name: "Petrovskiy", "Petrovsky" and "Petrovskii" share
        it. A key, not a spelling: names that share it are one name only with more evidence."""
        return " ".join(self._word(w) for w in fold_name(name).split())

    def _word(self, word: str) -> str:
        tail = ""
        for spelling, letter in self.endings:
            if len(word) - len(spelling) >= 2 and word.endswith(spelling):
                word, tail = word[: -len(spelling)], letter
                break
        out, i = [], 0
        while i < len(word):
            hit = next(((sp, letter) for sp, letter in self.letters if word.startswith(sp, i)), None)
            out.append(hit[1] if hit else word[i])
            i += len(hit[0]) if hit else 1
        return "".join(out) + tail


def load_spellings(path: Path) -> Spellings:
    """The spelling table; a Latin spelling several letters share goes to the first of them."""
    letters: dict[str, str] = {}
    endings: dict[str, str] = {}
    for _, row in read_tsv(path, ("cyrillic", "position", "spellings")):
        letter = "".join(_SAME_LETTER.get(c, c) for c in row["cyrillic"])
        table = endings if row["position"] == "end" else letters
        if row["cyrillic"] in ("ъ", "ь"):
            continue  # mostly unwritten; their spellings ("y", "ie") are other letters'
        for spelling in _split(row["spellings"]):
            table.setdefault(spelling, letter)

    def longest(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(table.items(), key=lambda item: (-len(item[0]), item[0])))

    return Spellings(longest(letters), longest(endings))


@dataclass(slots=True)
class Gazetteer:
    """``names``: countries, capitals and curated names, which every stage reads (extraction too);
    ``places``: generated regions and cities, which only settle the class and identity of a name the NER
    already calls a place (thousands of town names are also words and surnames)."""

    names: dict[str, Name] = field(default_factory=dict)
    by_label: dict[str, Name] = field(default_factory=dict)
    places: dict[str, Name] = field(default_factory=dict)
    spellings: Spellings = field(default_factory=Spellings)
    given_names: dict[str, tuple[str, bool]] = field(default_factory=dict)
    regions: dict[str, list[Name]] = field(default_factory=dict)  # every region by name, whatever shares it

    def gender(self, person: str) -> tuple[str, bool] | None:
        """The gender a person's first name says (``given_names.tsv``) and whether the name is common enough
        to settle it (borne by at least 1 in 1,000 of that gender: "Karen" does; "Ola" is a woman's in the
        US census and a man's in Norway), or None for one word or a name either gender bears."""
        words = person.split()
        return self.given_names.get(words[0].casefold()) if len(words) > 1 else None

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

    def region(self, text: str, country: str | None = None) -> Name | None:
        """The state, province or region a name names, in ``country`` (ISO code) when given, even where a
        city or country of that name wins elsewhere ("Georgia" after "Atlanta,", "Washington" after "Tacoma,")."""
        found = [r for r in self.regions.get(fold_name(text), []) if country is None or r.key[7:9] == country]
        return found[0] if found else None

    def place(self, text: str) -> Name | None:
        """The country, capital, curated name, region or city a place name names (None if none)."""
        return self.lookup(text) or self.places.get(fold_name(text))


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
        # A capital named "The" and one word ("The Valley") would be every "Valley" once the article is folded
        # away, as names are compared: such a capital is left to its country's context.
        if capital and not re.fullmatch(r"The \S+", capital):
            city = Name(
                f"city:{row['iso2']}:{fold_name(capital)}",  # the key cities.tsv gives it too: one London
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
    _load_places(gaz)
    gaz.spellings = load_spellings(ontology_file("transliteration.tsv"))
    given = read_tsv(ontology_file("given_names.tsv"), ("name", "gender", "percent"))
    gaz.given_names = {row["name"]: (row["gender"], float(row["percent"]) >= _COMMON_NAME) for _, row in given}
    return gaz


_METROPOLIS = 1_000_000
_COMMON_NAME = 0.1  # percent of the people of one gender bearing a first name


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _load_places(gaz: Gazetteer) -> None:
    """Regions and cities into ``gaz.places``. A name two cities share goes to the more populous; a name a
    region shares with a city of its own country is the city's (Turkish provinces and Japanese prefectures
    are named after their capitals; news means the city), with a smaller city of another country the
    region's ("Ontario"), with a city of a million or more the city's ("Córdoba")."""
    # complex: regions and cities that share a name are settled by fixed precedence rules while loading.
    from kg.resources import ontology_file

    cities: dict[str, tuple[int, Name]] = {}
    for _, row in read_tsv(ontology_file("cities.tsv"), ("country", "name", "population")):
        label, country, population = row["name"], row["country"], int(row["population"] or 0)
        name = Name(f"city:{country}:{fold_name(label)}", label, "City", rule="name")
        surfaces = [label] + ([label[: -len(" City")]] if label.endswith(" City") else [])
        surfaces += [_ascii(s) for s in surfaces if not s.isascii()]  # "Córdoba" is also written "Cordoba"
        for surface in surfaces:  # "New York City" is also "New York"
            folded = fold_name(surface)
            if folded not in cities or population > cities[folded][0]:
                cities[folded] = (population, name)
    for _, row in read_tsv(ontology_file("regions.tsv"), ("code", "country", "name")):
        region = Name(f"region:{row['code']}", row["name"], "Region", tuple(_split(row.get("names", ""))), rule="name")
        for surface in (row["name"], *region.aliases):
            folded = fold_name(surface)
            gaz.regions.setdefault(folded, []).append(region)
            same_name = cities.get(folded)
            if same_name is None or not (
                same_name[1].key.startswith(f"city:{row['country']}:") or same_name[0] >= _METROPOLIS
            ):
                gaz.places.setdefault(folded, region if surface == row["name"] else replace(region, rule="alias"))
    for folded, (_, city) in cities.items():
        gaz.places.setdefault(folded, city)
