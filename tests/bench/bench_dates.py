"""Benchmark: microseconds per kg.dates.resolve call, the first time a (phrase, date) pair is seen and again.

    python tests/bench/bench_dates.py [--days N]

Resolving runs once per clause that carries a time phrase, so it sits on the extraction's hot path. The
phrases are the kinds news clauses keep, written for this benchmark; each is resolved against N consecutive
publication dates (default 365), so every first call misses the cache. Prints, per group, µs per call on a
miss (kg's own grammar of relative phrases; dateparser for dates that name a month or year) and on a hit.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

GROUPS: dict[str, tuple[str, ...]] = {
    "relative (kg's grammar)": ("on Tuesday", "Monday night", "yesterday", "last week", "earlier this month",
                                "next month", "two days ago", "this year", "last year", "three weeks ago"),
    "absolute year and decade": ("in 2017", "in the 1990s", "mid-2009"),
    "dates with their year (dateparser)": ("March 3, 2019", "May 2019", "Tuesday, Jan. 7, 2020"),
    "dates without (dateparser)": ("on March 3", "on Jan. 5", "in May"),
    "no date": ("for three years", "recently", "at 3 p.m.", "41 years old"),
}  # fmt: skip


def per_call(calls: Sequence[tuple[str, date]], resolve: Callable[[str, date], object]) -> float:
    started = time.perf_counter()
    for phrase, published in calls:
        resolve(phrase, published)
    return (time.perf_counter() - started) / len(calls) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365, help="publication dates per phrase (default 365)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from kg import dates

    dates.resolve("on Tuesday", date(2020, 1, 8))  # dateparser loads its English data on first use
    dates.resolve("March 3, 2019", date(2020, 1, 8))
    days = [date(2021, 1, 1) + timedelta(days=i) for i in range(args.days)]
    print(f"kg.dates.resolve, µs per call ({args.days} publication dates per phrase)")
    print(f"{'phrases':36} {'miss':>8} {'hit':>8}")
    for name, phrases in GROUPS.items():
        calls = [(phrase, day) for day in days for phrase in phrases]
        miss = per_call(calls, dates.resolve)
        hit = per_call(calls, dates.resolve)
        print(f"{name:36} {miss:8.1f} {hit:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
