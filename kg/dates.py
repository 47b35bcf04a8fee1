"""When: a document's publication date, and the event date a clause's time phrase gives.

:func:`publication_date` normalises a document's ``published`` metadata; :func:`resolve` turns a time phrase
("on Tuesday", "last week", "in 2017") into the interval it names, anchored on the publication date, with
the rule that resolved it:

=================  ====================================================  ==============================
rule               phrases                                               interval
=================  ====================================================  ==============================
absolute.day       "March 3, 2019", "2019-03-03", "5 January 2020"       that day
absolute.month     "May 2019"                                            the month
absolute.year      "in 2017", "early 2017"                               the year
absolute.decade    "in the 1990s"                                        1990-01-01 .. 1999-12-31
anchored.day       "on March 3", "Jan. 5" (no year)                      that day in the latest year
                                                                         not after publication
anchored.month     "in May", "in December" (no year)                     the latest such month
                                                                         containing or before it
relative.day       "yesterday", "today", "last night", "two days ago"    that day
relative.weekday   "on Tuesday", "Monday night", "last Friday"           the latest such day on or
                                                                         before publication
relative.week      "last week", "this week", "two weeks ago"             a calendar week, Monday-Sunday
relative.month     "next month", "earlier this month"                    a month (or its part up to or
                                                                         from publication)
relative.year      "this year", "last year", "three years ago"           a year (or its part)
=================  ====================================================  ==============================

**News reports what happened**, so an underspecified date is read as the latest one on or before the
publication date: "on Tuesday" in an article of Wednesday 8 January 2020 is 7 January, "on Wednesday" in it
is the same day, and "in December" in an article of 2 January is last December. A clause about the future
("will meet on Friday") can ask for ``tense="future"``: the earliest such date on or after publication.
"last Tuesday" is always strictly before, "next Tuesday" strictly after. Qualifiers that narrow a period
("early 2017", "late May", "the end of last month") resolve to the whole period: true, if coarse.

Without a publication date only phrases that carry their year resolve. Durations ("for three years"), open
intervals ("since 2017", "by May"), ranges ("2017-18"), times of day alone ("at 3 p.m."), ages, seasons,
and vague phrases ("recently", "in recent weeks", "the 2000s": decade or century) give None.

>>> resolve("on Tuesday", date(2020, 1, 8))
Resolved(start=datetime.date(2020, 1, 7), end=datetime.date(2020, 1, 7), rule='relative.weekday')
>>> r = resolve("last week", date(2020, 1, 2))
>>> r.start.isoformat(), r.end.isoformat(), r.rule
('2019-12-23', '2019-12-29', 'relative.week')
>>> resolve("on Tuesday", None) is None, resolve("March 3, 2019", None).rule
(True, 'absolute.day')
>>> publication_date("Wed, 08 Jan 2020 14:03:00 +0000")
datetime.date(2020, 1, 8)
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["Resolved", "Tense", "publication_date", "resolve"]

Tense = Literal["past", "future"]


@dataclass(frozen=True, slots=True)
class Resolved:
    """The interval a time phrase names (``start == end`` for one day) and the rule that resolved it."""

    start: date
    end: date
    rule: str


# -- publication dates ------------------------------------------------------------------------------------

_EPOCH = re.compile(r"\d{9,10}(?:\d{3})?")
_ISO_SHAPED = re.compile(r"\d{4}-\d")


def publication_date(raw: str | None) -> date | None:
    """The date a document's ``published`` metadata gives, or None for a missing or unreadable one.

    ISO 8601 and Unix timestamps (seconds or milliseconds, read in UTC) are read directly; RFC 2822 and
    written dates ("Jan 8, 2020", "8 January 2020") by dateparser. A timestamp with an offset keeps the date
    its writer saw (23:30 -05:00 on 8 January is 8 January), since that is the day "today" in the article
    means. A date without its day ("January 2020") or relative to the reader's clock ("yesterday") is no
    publication date: None.

    >>> publication_date("2020-01-08T14:03:00Z"), publication_date("Jan 8, 2020")
    (datetime.date(2020, 1, 8), datetime.date(2020, 1, 8))
    >>> publication_date("January 2020"), publication_date("soon"), publication_date(None)
    (None, None, None)
    """
    if raw is None:
        return None
    text = " ".join(raw.split())
    if not text or len(text) > 100:
        return None
    return _publication_date(text)


@lru_cache(maxsize=4096)
def _publication_date(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        if _ISO_SHAPED.match(text):  # "2020-13-01" is a broken ISO date; dateparser would read it day-first
            return None
    if _EPOCH.fullmatch(text):
        seconds = int(text) / (1000 if len(text) > 10 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    parsed = _parser(None, "past", whole_date=True).get_date_data(text)
    return parsed.date_obj.date() if parsed.date_obj is not None else None


# -- dateparser, pinned -------------------------------------------------------------------------------------

# Any fixed instant: the base dateparser falls back on when no publication date is given, so that a result
# never depends on the clock of the machine that runs kg (phrases without their year never reach it then).
_NO_BASE = datetime(2000, 1, 1)


@lru_cache(maxsize=1024)
def _parser(published: date | None, tense: Tense, whole_date: bool = False) -> DateDataParser:
    """A dateparser parser for English, anchored on ``published`` (about 10 µs to build; kept per date).

    Only its absolute-date parser runs: relative phrases are kg's own (below), and reading Unix timestamps
    in the machine's time zone would make results depend on where kg runs. The base sits just before the
    publication day for the future, so that a date on that day counts as "on or after" it, and a month
    alone falls on its last day then, so that the current month counts too.
    """
    from dateparser.date import DateDataParser

    base = _NO_BASE if published is None else datetime.combine(published, datetime.min.time())
    settings: dict[str, object] = {
        "PARSERS": ["absolute-time"],
        "DATE_ORDER": "MDY",  # English-language news: 3/4/2020 is March 4 (a 13 in front still reads DMY)
        "PREFER_DATES_FROM": tense,
        "PREFER_DAY_OF_MONTH": "last" if tense == "future" else "first",
        "RELATIVE_BASE": base - timedelta(microseconds=1) if tense == "future" else base,
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    if whole_date:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    elif published is None:
        settings["REQUIRE_PARTS"] = ["year"]
    return DateDataParser(languages=["en"], settings=settings)


# -- intervals ----------------------------------------------------------------------------------------------
# dateparser returns one datetime (and, from get_date_data, the period it saw: day, week, month, year);
# the intervals, calendar weeks, "earlier this month" and the on-or-before reading of weekdays are kg's.

Span = tuple[date, date]


def _month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _span(unit: str, day: date, offset: int) -> Span:
    """The day, calendar week (Monday-Sunday), month or year ``offset`` units from the one holding ``day``."""
    if unit == "day":
        moved = day + timedelta(days=offset)
        return moved, moved
    if unit == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month0 = divmod(day.year * 12 + day.month - 1 + offset, 12)
        return _month_span(year, month0 + 1)
    return date(day.year + offset, 1, 1), date(day.year + offset, 12, 31)


# -- kg's grammar of relative phrases -------------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Abbreviations only with their dot: "Sun", "Sat" and "Wed" are words too.
_WEEKDAY_ABBREVIATIONS = {"mon.": 0, "tue.": 1, "tues.": 1, "wed.": 2, "thu.": 3, "thur.": 3, "thurs.": 3,
                          "fri.": 4, "sat.": 5, "sun.": 6}  # fmt: skip
_WEEKDAY_INDEX = {name: i for i, name in enumerate(_WEEKDAYS)} | _WEEKDAY_ABBREVIATIONS
_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
         "last night": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip

_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_WEEKDAY = re.compile(r"(?:(last|this|next)\s+)?(" + "|".join(re.escape(name) for name in _WEEKDAY_INDEX) + ")")
_UNIT = re.compile(r"(?:(earlier|later)\s+)?(last|this|next)\s+(week|month|year)")
_AGO = re.compile(r"(\d{1,3}|" + "|".join(_NUMBERS) + r")\s+(day|week|month|year)s?\s+ago")
_YEAR = re.compile(r"(1\d{3}|2\d{3})")
_DECADE = re.compile(r"(?:the\s+)?(1\d{2}|2\d{2})0'?s")

# Words that make a phrase something other than the date of the event: a duration, an open interval, an
# approximation; and the prepositions and qualifiers that leave it the same date (or a narrower part of it).
_NOT_A_DATE = frozenset(("for", "since", "until", "till", "by", "before", "after", "from", "within", "over",
                         "through", "between", "around", "about", "nearly", "almost", "past", "recent",
                         "recently"))  # fmt: skip
_LEADING = re.compile(r"^(?:(?:on|in|during|at|of)\s+)?(?:(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+)?"
                      r"(?:(?:the\s+)?(?:early|mid|late)(?:\s+|-))?")  # fmt: skip
_CLOCK = re.compile(
    r"(?:,?\s*\bat\s+)?\b(?:\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b\.?|noon|midnight)(?:\s+(?:local time|[a-z]{2,4}t))?"
)
# What dateparser is given at all: a phrase naming a month, a year or a numeric date. Without this gate it
# reads bare numbers ("5", "the 5th") and durations ("three years") as dates.
_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b"
)
_HAS_YEAR = re.compile(r"\b[12]\d{3}\b|\b\d{1,2}/\d{1,2}/\d{2}\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}\b")
# "2017-18", "2017/2018", "2017 to 2019", "Jan 5 to Jan 7": a range is not one date.
_RANGE = re.compile(r"\b\d{4}\s*[-–/]\s*\d{2}(?:\d{2})?\b(?!-)|\b(?:to|and|or|through)\b|[–—]")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _normalise(phrase: str) -> str | None:
    """Lower-case, one space, possessive, clock time and leading preposition or qualifier gone; None when
    the phrase is something other than an event date."""
    text = " ".join(phrase.lower().replace("’", "'").split()).strip(",;:")
    if not text or len(text) > 64 or text.split()[0] in _NOT_A_DATE:
        return None
    text = _CLOCK.sub("", text).strip(" ,")
    text = _LEADING.sub("", text, count=1)
    return re.sub(r"(?<=[a-z])'s$", "", text).strip(" ,") or None


def _weekday(match: re.Match[str], published: date | None, tense: Tense) -> Resolved | None:
    if published is None:
        return None
    direction, name = match.groups()
    back = (published.weekday() - _WEEKDAY_INDEX[name]) % 7  # days since the latest such day, 0 on the day
    if direction == "next" or (direction != "last" and tense == "future"):
        ahead = (7 - back) % 7 or (7 if direction == "next" else 0)
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=back or (7 if direction == "last" else 0))
    return Resolved(day, day, "relative.weekday")


def _unit(match: re.Match[str], published: date | None, tense: Tense) -> Resolved | None:
    if published is None:
        return None
    part, direction, unit = match.groups()
    start, end = _span(unit, published, {"last": -1, "this": 0, "next": 1}[direction])
    if direction == "this" and part == "earlier":
        end = published
    elif direction == "this" and part == "later":
        start = published
    return Resolved(start, end, f"relative.{unit}")


def _ago(match: re.Match[str], published: date | None, tense: Tense) -> Resolved | None:
    if published is None:
        return None
    count, unit = match.groups()
    n = int(count) if count.isdigit() else _NUMBERS[count]
    if unit == "week":
        start, end = _span("week", published - timedelta(weeks=n), 0)
    else:
        start, end = _span(unit, published, -n)
    return Resolved(start, end, f"relative.{unit}")


def _year(match: re.Match[str], published: date | None, tense: Tense) -> Resolved:
    # A four-digit year needs no parser; it is the commonest absolute date in news, so it stays cheap.
    year = int(match.group(1))
    return Resolved(date(year, 1, 1), date(year, 12, 31), "absolute.year")


def _decade(match: re.Match[str], published: date | None, tense: Tense) -> Resolved | None:
    decade = int(match.group(1)) * 10
    if decade % 100 == 0:  # "the 1900s", "the 2000s": a century or a decade; the text does not say
        return None
    return Resolved(date(decade, 1, 1), date(decade + 9, 12, 31), "absolute.decade")


def _day(match: re.Match[str], published: date | None, tense: Tense) -> Resolved | None:
    if published is None:
        return None
    day = published + timedelta(days=_DAYS[match.group(0)])
    return Resolved(day, day, "relative.day")


Rule = Callable[[re.Match[str], date | None, Tense], Resolved | None]
_GRAMMAR: tuple[tuple[re.Pattern[str], Rule], ...] = (
    (re.compile("|".join(_DAYS)), _day),
    (_WEEKDAY, _weekday),
    (_UNIT, _unit),
    (_AGO, _ago),
    (_YEAR, _year),
    (_DECADE, _decade),
)


@lru_cache(maxsize=65536)
def _parse(text: str, published: date | None, tense: Tense) -> tuple[date, str] | None:
    """dateparser's day and period (``day``, ``month``, ``year``) for ``text``; cached apart from
    :func:`resolve`, so that a date with its year is parsed once whatever the publication date (about
    300 µs a parse)."""
    parsed = _parser(published, tense).get_date_data(text)
    return None if parsed.date_obj is None else (parsed.date_obj.date(), str(parsed.period))


def _calendar(text: str, published: date | None, tense: Tense) -> Resolved | None:
    """A date that names its month, year or numbers ("March 3, 2019", "on Jan. 5", "in May"), by dateparser."""
    has_year = bool(_HAS_YEAR.search(text))
    if not (has_year or _MONTH.search(text) or _NUMERIC_DATE.search(text)):
        return None
    if (published is None and not has_year) or (_RANGE.search(text) and not _ISO_DAY.fullmatch(text)):
        return None
    parsed = _parse(text, None, "past") if has_year else _parse(text, published, tense)
    if parsed is None:
        return None
    day, period = parsed
    kind = "absolute" if has_year else "anchored"
    if period == "day":
        return Resolved(day, day, f"{kind}.day")
    if period == "month":
        return Resolved(*_month_span(day.year, day.month), f"{kind}.month")
    if period == "year" and has_year:
        return Resolved(*_span("year", day, 0), "absolute.year")
    return None


def resolve(phrase: str, published: date | None, tense: Tense = "past") -> Resolved | None:
    """The interval ``phrase`` names, read against the publication date; None when it names no date.

    Results are cached per (phrase, published, tense): a corpus repeats its time phrases.

    >>> [resolve(p, date(2020, 1, 8)).start.isoformat() for p in ("yesterday", "on Jan. 5", "in May")]
    ['2020-01-07', '2020-01-05', '2019-05-01']
    >>> resolve("next month", date(2020, 1, 8))
    Resolved(start=datetime.date(2020, 2, 1), end=datetime.date(2020, 2, 29), rule='relative.month')
    >>> resolve("on Friday", date(2020, 1, 8), tense="future").start
    datetime.date(2020, 1, 10)
    >>> resolve("for three years", date(2020, 1, 8)), resolve("recently", date(2020, 1, 8))
    (None, None)
    """
    return _resolve(phrase, published, tense)


@lru_cache(maxsize=65536)
def _resolve(phrase: str, published: date | None, tense: Tense) -> Resolved | None:
    text = _normalise(phrase)
    if text is None:
        return None
    bare = _PART_OF_DAY.sub("", text)  # "Monday night", "yesterday morning": the day
    for pattern, rule in _GRAMMAR:
        match = pattern.fullmatch(text) or pattern.fullmatch(bare)
        if match:
            return rule(match, published, tense)
    return _calendar(text, published, tense)
