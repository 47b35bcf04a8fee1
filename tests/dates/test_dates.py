"""kg.dates: publication dates and the event dates of time phrases, with and without a publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.dates import Resolved, publication_date, resolve

WED = date(2020, 1, 8)  # Wednesday 8 January 2020, the issue's example
THU_JAN_2 = date(2020, 1, 2)  # the second day of a year: "last week" and "in December" reach back into 2019
LEAP_DAY = date(2020, 2, 29)  # a Saturday


def d(text: str) -> date:
    return date.fromisoformat(text)


# phrase, publication date, start, end, rule
CASES = [
    # weekdays: the latest such day on or before publication
    ("on Tuesday", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("Tuesday", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("on Wednesday", WED, "2020-01-08", "2020-01-08", "relative.weekday"),
    ("on Thursday", WED, "2020-01-02", "2020-01-02", "relative.weekday"),
    ("Monday night", WED, "2020-01-06", "2020-01-06", "relative.weekday"),
    ("late Tuesday", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("Tuesday at 3 p.m.", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("Tues.", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("Tuesday's", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("last Tuesday", WED, "2020-01-07", "2020-01-07", "relative.weekday"),
    ("last Wednesday", WED, "2020-01-01", "2020-01-01", "relative.weekday"),
    ("next Wednesday", WED, "2020-01-15", "2020-01-15", "relative.weekday"),
    ("next Friday", WED, "2020-01-10", "2020-01-10", "relative.weekday"),
    ("on Monday", THU_JAN_2, "2019-12-30", "2019-12-30", "relative.weekday"),
    ("on Friday", d("2020-03-02"), "2020-02-28", "2020-02-28", "relative.weekday"),
    ("on Saturday", d("2020-03-02"), "2020-02-29", "2020-02-29", "relative.weekday"),
    # days
    ("yesterday", WED, "2020-01-07", "2020-01-07", "relative.day"),
    ("yesterday morning", WED, "2020-01-07", "2020-01-07", "relative.day"),
    ("last night", WED, "2020-01-07", "2020-01-07", "relative.day"),
    ("today", WED, "2020-01-08", "2020-01-08", "relative.day"),
    ("this morning", WED, "2020-01-08", "2020-01-08", "relative.day"),
    ("tomorrow", WED, "2020-01-09", "2020-01-09", "relative.day"),
    ("two days ago", WED, "2020-01-06", "2020-01-06", "relative.day"),
    ("10 days ago", WED, "2019-12-29", "2019-12-29", "relative.day"),
    ("yesterday", date(2020, 3, 1), "2020-02-29", "2020-02-29", "relative.day"),
    ("yesterday", date(2020, 1, 1), "2019-12-31", "2019-12-31", "relative.day"),
    # calendar weeks, Monday to Sunday
    ("last week", WED, "2019-12-30", "2020-01-05", "relative.week"),
    ("last week", THU_JAN_2, "2019-12-23", "2019-12-29", "relative.week"),
    ("this week", THU_JAN_2, "2019-12-30", "2020-01-05", "relative.week"),
    ("next week", WED, "2020-01-13", "2020-01-19", "relative.week"),
    ("earlier this week", WED, "2020-01-06", "2020-01-08", "relative.week"),
    ("later this week", WED, "2020-01-08", "2020-01-12", "relative.week"),
    ("two weeks ago", WED, "2019-12-23", "2019-12-29", "relative.week"),
    ("a week ago", WED, "2019-12-30", "2020-01-05", "relative.week"),
    # months
    ("next month", WED, "2020-02-01", "2020-02-29", "relative.month"),
    ("last month", WED, "2019-12-01", "2019-12-31", "relative.month"),
    ("this month", WED, "2020-01-01", "2020-01-31", "relative.month"),
    ("earlier this month", WED, "2020-01-01", "2020-01-08", "relative.month"),
    ("later this month", WED, "2020-01-08", "2020-01-31", "relative.month"),
    ("at the end of last month", WED, "2019-12-01", "2019-12-31", "relative.month"),
    ("three months ago", WED, "2019-10-01", "2019-10-31", "relative.month"),
    ("last month", date(2020, 3, 31), "2020-02-01", "2020-02-29", "relative.month"),
    ("next month", date(2019, 12, 31), "2020-01-01", "2020-01-31", "relative.month"),
    # years
    ("this year", WED, "2020-01-01", "2020-12-31", "relative.year"),
    ("last year", WED, "2019-01-01", "2019-12-31", "relative.year"),
    ("late last year", WED, "2019-01-01", "2019-12-31", "relative.year"),
    ("earlier this year", WED, "2020-01-01", "2020-01-08", "relative.year"),
    ("next year", WED, "2021-01-01", "2021-12-31", "relative.year"),
    ("a year ago", LEAP_DAY, "2019-01-01", "2019-12-31", "relative.year"),
    # months and days without their year: the latest one not after publication
    ("in May", WED, "2019-05-01", "2019-05-31", "anchored.month"),
    ("in January", WED, "2020-01-01", "2020-01-31", "anchored.month"),
    ("in December", THU_JAN_2, "2019-12-01", "2019-12-31", "anchored.month"),
    ("late May", WED, "2019-05-01", "2019-05-31", "anchored.month"),
    ("in February", LEAP_DAY, "2020-02-01", "2020-02-29", "anchored.month"),
    ("on March 3", WED, "2019-03-03", "2019-03-03", "anchored.day"),
    ("on March 3", date(2020, 3, 3), "2020-03-03", "2020-03-03", "anchored.day"),
    ("on Jan. 5", WED, "2020-01-05", "2020-01-05", "anchored.day"),
    ("Dec. 31", THU_JAN_2, "2019-12-31", "2019-12-31", "anchored.day"),
    ("Feb. 29", date(2021, 3, 1), "2020-02-29", "2020-02-29", "anchored.day"),
    ("on Feb. 29", LEAP_DAY, "2020-02-29", "2020-02-29", "anchored.day"),
    ("Feb. 29", WED, "2016-02-29", "2016-02-29", "anchored.day"),
    # absolute dates: the publication date does not matter
    ("March 3, 2019", WED, "2019-03-03", "2019-03-03", "absolute.day"),
    ("on 5 January 2020", WED, "2020-01-05", "2020-01-05", "absolute.day"),
    ("Tuesday, Jan. 7, 2020", WED, "2020-01-07", "2020-01-07", "absolute.day"),
    ("2020-01-05", WED, "2020-01-05", "2020-01-05", "absolute.day"),
    ("February 29, 2020", WED, "2020-02-29", "2020-02-29", "absolute.day"),
    ("May 2019", WED, "2019-05-01", "2019-05-31", "absolute.month"),
    ("in February 2020", WED, "2020-02-01", "2020-02-29", "absolute.month"),
    ("in 2017", WED, "2017-01-01", "2017-12-31", "absolute.year"),
    ("mid-2017", WED, "2017-01-01", "2017-12-31", "absolute.year"),
    ("during 1989", WED, "1989-01-01", "1989-12-31", "absolute.year"),
    ("in the 1990s", WED, "1990-01-01", "1999-12-31", "absolute.decade"),
    ("the early 1980s", WED, "1980-01-01", "1989-12-31", "absolute.decade"),
    ("the 1970's", WED, "1970-01-01", "1979-12-31", "absolute.decade"),
]


@pytest.mark.parametrize(("phrase", "published", "start", "end", "rule"), CASES, ids=[c[0] + f"@{c[1]}" for c in CASES])
def test_resolve(phrase: str, published: date, start: str, end: str, rule: str) -> None:
    assert resolve(phrase, published) == Resolved(d(start), d(end), rule)


@pytest.mark.parametrize(("phrase", "published", "start", "end", "rule"), CASES, ids=[c[0] + f"@{c[1]}" for c in CASES])
def test_without_a_publication_date_only_absolute_dates_resolve(
    phrase: str, published: date, start: str, end: str, rule: str
) -> None:
    expected = Resolved(d(start), d(end), rule) if rule.startswith("absolute.") else None
    assert resolve(phrase, None) == expected


def test_the_issue_example() -> None:
    """ "on Tuesday" in an article of Wednesday 8 January 2020 is 7 January 2020."""
    assert WED.strftime("%A") == "Wednesday"
    resolved = resolve("on Tuesday", WED)
    assert resolved is not None
    assert (resolved.start, resolved.end, resolved.rule) == (date(2020, 1, 7), date(2020, 1, 7), "relative.weekday")


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("on Friday", WED, "2020-01-10", "2020-01-10"),
        ("on Wednesday", WED, "2020-01-08", "2020-01-08"),
        ("on Tuesday", WED, "2020-01-14", "2020-01-14"),
        ("last Tuesday", WED, "2020-01-07", "2020-01-07"),  # "last" wins over the tense
        ("in May", WED, "2020-05-01", "2020-05-31"),
        ("in January", WED, "2020-01-01", "2020-01-31"),
        ("in December", THU_JAN_2, "2020-12-01", "2020-12-31"),
        ("on March 3", date(2020, 3, 3), "2020-03-03", "2020-03-03"),
        ("on March 2", date(2020, 3, 3), "2021-03-02", "2021-03-02"),
        ("Feb. 29", date(2021, 3, 1), "2024-02-29", "2024-02-29"),
        ("next week", WED, "2020-01-13", "2020-01-19"),
    ],
)
def test_future_tense_reads_forward(phrase: str, published: date, start: str, end: str) -> None:
    resolved = resolve(phrase, published, tense="future")
    assert resolved is not None
    assert (resolved.start, resolved.end) == (d(start), d(end))


@pytest.mark.parametrize(
    "phrase",
    [
        # durations, open intervals, approximations
        "for three years",
        "three years",
        "for two weeks",
        "since 2017",
        "until May",
        "by the end of the year",
        "within a week",
        "about two weeks ago",
        # times of day alone
        "at 3 p.m.",
        "3:30 a.m.",
        "at noon",
        "midnight",
        # ages
        "41 years old",
        "aged 41",
        "the 41-year-old",
        # vague, seasonal or ambiguous
        "recently",
        "now",
        "soon",
        "in recent weeks",
        "the past week",
        "the weekend",
        "last summer",
        "in the spring",
        "decades ago",
        "a few days ago",
        "the 2000s",  # a decade or a century
        "the '90s",
        "later",
        # ranges and impossible dates
        "2017-18",
        "2017 to 2019",
        "between 2017 and 2019",
        "Jan. 5 to Jan. 7",
        "February 29, 2019",
        "April 31, 2020",
        "Feb. 30",
        # numbers that are no date
        "5",
        "the 5th",
        "2",
        # junk
        "",
        "   ",
        "!!!",
        "Tuesday Tuesday",
        "x" * 500,
        "on",
        "last",
        "the",
    ],
)
def test_phrases_that_name_no_date(phrase: str) -> None:
    assert resolve(phrase, WED) is None
    assert resolve(phrase, None) is None


def test_results_are_cached() -> None:
    first = resolve("in May", date(2021, 6, 30))
    assert first is not None
    assert resolve("in May", date(2021, 6, 30)) is first


# How far back each phrase may reach from the publication date, and whether it may end after it.
REACH = {"on Monday": 6, "Sunday": 6, "yesterday": 1, "on March 3": 365, "Jan. 31": 365, "Feb. 29": 4 * 366,
         "in December": 366, "in May": 366, "last week": 13, "two weeks ago": 20, "last month": 61,
         "earlier this month": 30, "this week": 6, "this year": 365}  # fmt: skip
MAY_END_LATER = {"in December", "in May", "this week", "this year"}


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    phrase=st.sampled_from(sorted(REACH)),
)
def test_past_readings_hold_or_precede_the_publication_date(published: date, phrase: str) -> None:
    """For any publication date, a past reading starts on or before it, within the reach of its unit (a
    weekday within six days, a day without its year within a year, Feb. 29 within four), and ends by it
    unless the period holds it ("this year", "in May" in May)."""
    resolved = resolve(phrase, published)
    assert resolved is not None
    assert resolved.start <= resolved.end
    assert resolved.start <= published
    assert published - resolved.start <= timedelta(days=REACH[phrase])
    if phrase not in MAY_END_LATER:
        assert resolved.end <= published


@given(
    text=st.text(max_size=80), published=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
)
def test_any_text_resolves_or_gives_none(text: str, published: date | None) -> None:
    resolved = resolve(text, published)
    assert resolved is None or resolved.start <= resolved.end


# -- publication dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-01-08", "2020-01-08"),
        ("2020-01-08T14:03:00Z", "2020-01-08"),
        ("2020-01-08T23:30:00-05:00", "2020-01-08"),  # the writer's day, not UTC's
        ("20200108", "2020-01-08"),
        ("Wed, 08 Jan 2020 14:03:00 +0000", "2020-01-08"),  # RFC 2822
        ("Wed, 08 Jan 2020 23:30:00 -0500", "2020-01-08"),
        ("Jan 8, 2020", "2020-01-08"),
        ("January 8th, 2020 11:03 PM EST", "2020-01-08"),
        ("8 January 2020", "2020-01-08"),
        ("Wednesday, January 8, 2020", "2020-01-08"),
        ("  2020/01/08 ", "2020-01-08"),
        ("01/08/2020", "2020-01-08"),  # month first, as English-language news writes it
        ("1578492180", "2020-01-08"),  # Unix seconds, read in UTC
        ("1578492180000", "2020-01-08"),  # milliseconds
        ("2020-02-29", "2020-02-29"),
    ],
)
def test_publication_date(raw: str, expected: str) -> None:
    assert publication_date(raw) == d(expected)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "  ",
        "garbage",
        "yesterday",
        "last week",
        "2020",
        "January 2020",
        "2019-02-29",
        "2020-13-01",
        "Tuesday",
        "0",
        "n/a",
        "x" * 300,
    ],
)
def test_publication_date_garbage(raw: str | None) -> None:
    assert publication_date(raw) is None


def test_a_publication_date_feeds_resolve() -> None:
    assert resolve("on Tuesday", publication_date("Wed, 08 Jan 2020 09:00:00 +0100")) == Resolved(
        date(2020, 1, 7), date(2020, 1, 7), "relative.weekday"
    )
    assert resolve("on Tuesday", publication_date("not a date")) is None
