"""Datelines: the place (and wire agency) that opens a news story, kept as metadata rather than as prose.

Left in the text, "LISBON, Portugal (AP) — The minister said ..." gives the parser a sentence whose subject is
"Portugal". Wire and newspaper datelines come in a few shapes, all at the very start of the story:

* ``CITY, State (AP) —`` and ``CITY (Reuters) -``: a place, an agency in brackets, a dash;
* ``CITY, Country --`` and ``CITY —``: a place in capitals and a dash;
* ``CITY, Nov. 20 (Xinhua) --``: a date between the place and the agency.

The city is written in capitals, or the agency in brackets is there, or a state code follows the city (so
"Lisbon, Portugal (Lusa) -" and "Tarvik, NY –" count and "Lisbon - the capital ..." does not); the dash is
followed by a space.

>>> split_dateline("VALDORA, Norland (AP) — Dock workers stopped work on Thursday.")
(Dateline(place='VALDORA, Norland', agency='AP'), 'Dock workers stopped work on Thursday.')
>>> split_dateline("The minister arrived in Valdora on Monday.") is None
True
>>> split_dateline("Tarvik, NY – Acme is adding a new chief.")
(Dateline(place='Tarvik, NY', agency=None), 'Acme is adding a new chief.')
"""

from __future__ import annotations

import re

from kg.model import Dateline

__all__ = ["split_dateline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
_CAPS_WORD = r"(?:[A-Z][A-Z'’.-]*[A-Z.]|[A-Z])"  # VALDORA, ST., O'HARE, WINSTON-SALEM
_WORD = r"(?:[A-Z][\w'’.-]*)"  # Vietnam, Mich., N.Y.
_DATELINE = re.compile(
    rf"""^
    (?P<place>
        (?P<city>{_WORD}(?:\s+{_WORD}){{0,3}})          # the city: up to four words
        (?:,\s+{_WORD}(?:\s+{_WORD}){{0,2}})?            # its state or country
    )
    (?:,?\s+(?P<date>{_MONTH}))?                          # a date, some agencies write one
    (?:\s*\((?P<agency>[A-Za-z][\w&.' -]{{0,30}}?)\))?     # the agency in brackets
    \s*(?:—|–|--|-|:)\s+                                  # a dash (or a colon), then the story
    (?=["“‘(]?[A-Z0-9])
    """,
    re.VERBOSE,
)
_CAPS_CITY = re.compile(rf"^{_CAPS_WORD}(?:\s+{_CAPS_WORD})*$")


# A state written as a postal code or an abbreviation: "NY", "Calif.", "N.Y.", "D.C."
_STATE_CODE = re.compile(r"^,\s+(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2})$")


def _state_code(match: re.Match[str]) -> bool:
    """ "New York, NY –", as press releases write it: a city in mixed case is a dateline's only with a state
    code after it ("Lisbon - the capital" is prose)."""
    return bool(_STATE_CODE.match(match["place"][len(match["city"]) :].rstrip()))


def split_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """The dateline opening ``paragraph`` and the paragraph without it, or None when it opens with prose."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    city_in_capitals = bool(_CAPS_CITY.match(match["city"])) and any(c.isalpha() for c in match["city"])
    if match["agency"] is None and not (city_in_capitals and len(match["city"]) >= 3) and not _state_code(match):
        # "Lisbon - the capital" (a mixed-case word and a dash) and "US - China talks" (an initialism) are prose
        return None
    if match["agency"] is None and match.group(0).rstrip().endswith(":"):
        return None  # "WARNING: ..." or "UPDATE: ..." is a label; a colon only closes a dateline with an agency
    return Dateline(place=match["place"].strip(), agency=match["agency"]), paragraph[match.end() :]
