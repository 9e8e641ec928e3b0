"""Periods: a year, a half-year, a quarter, or a window of whole years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-?[Hh]([12])$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_WINDOW = re.compile(r"^(\d{4})\s*[-/]\s*(\d{4})$")

MIN_YEAR, MAX_YEAR = 1990, 2100


class PeriodError(ValueError):
    """Not a period label; the message says what is accepted."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    label: str
    kind: str  # year | half | quarter | window

    def __str__(self) -> str:
        return self.label

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def has_ended(self, as_of: date) -> bool:
        return self.end < as_of

    def parts(self) -> list[list[Period]]:
        """The ways this period splits into smaller ones, finest last (do not modify the lists)."""
        return _parts(self)

    def _make_parts(self) -> list[list[Period]]:
        if self.kind == "window":
            return [[year(y) for y in self.years]]
        if self.kind == "year":
            y = self.start.year
            return [[half(y, 1), half(y, 2)], [quarter(y, q) for q in range(1, 5)]]
        if self.kind == "half":
            y, h = self.start.year, 1 if self.start.month == 1 else 2
            return [[quarter(y, 2 * h - 1), quarter(y, 2 * h)]]
        return []

    def split(self, granularity: str) -> list[Period]:
        """The consecutive periods of a granularity (year/half/quarter) within this one."""
        return list(_split(self, granularity))

    def _make_split(self, granularity: str) -> tuple[Period, ...]:
        out: list[Period] = []
        for y in self.years:
            if granularity == "year":
                out.append(year(y))
            elif granularity == "half":
                out.extend(half(y, h) for h in (1, 2))
            elif granularity == "quarter":
                out.extend(quarter(y, q) for q in range(1, 5))
            else:
                raise ValueError(granularity)
        return tuple(p for p in out if self.contains(p))


@lru_cache(maxsize=4096)
def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), str(y), "year")


@lru_cache(maxsize=4096)
def half(y: int, h: int) -> Period:
    if h == 1:
        return Period(date(y, 1, 1), date(y, 6, 30), f"{y}-H1", "half")
    return Period(date(y, 7, 1), date(y, 12, 31), f"{y}-H2", "half")


@lru_cache(maxsize=4096)
def quarter(y: int, q: int) -> Period:
    ends = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
    m, d = ends[q]
    return Period(date(y, 3 * q - 2, 1), date(y, m, d), f"{y}-Q{q}", "quarter")


def window(first: int, last: int) -> Period:
    if first == last:
        return year(first)
    return Period(date(first, 1, 1), date(last, 12, 31), f"{first}-{last}", "window")


def containing(day: date, granularity: str) -> Period:
    if granularity == "half":
        return half(day.year, 1 if day.month <= 6 else 2)
    if granularity == "quarter":
        return quarter(day.year, (day.month - 1) // 3 + 1)
    return year(day.year)


def previous(period: Period) -> Period:
    """The period of the same kind just before this one (the year, half-year or quarter)."""
    return containing(period.start - timedelta(days=1), period.kind if period.kind != "window" else "year")


def _check_year(y: int, text: str) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise PeriodError(f"{text!r}: year {y} outside {MIN_YEAR}-{MAX_YEAR}")


def parse_period(raw: Any) -> Period:
    """Read a period label: 2022, 2022-H1, 2022-Q3, 2022-2023."""
    if isinstance(raw, bool) or raw is None:
        raise PeriodError(repr(raw))
    return _parse_text(str(raw).strip())


@lru_cache(maxsize=4096)
def _parts(period: Period) -> list[list[Period]]:
    return period._make_parts()


@lru_cache(maxsize=4096)
def _split(period: Period, granularity: str) -> tuple[Period, ...]:
    return period._make_split(granularity)


@lru_cache(maxsize=1024)
def _parse_text(text: str) -> Period:
    """Periods are immutable, and a figures file repeats the same few labels: parse each once."""
    if m := _YEAR.match(text):
        _check_year(int(m[1]), text)
        return year(int(m[1]))
    if m := _HALF.match(text):
        _check_year(int(m[1]), text)
        return half(int(m[1]), int(m[2]))
    if m := _QUARTER.match(text):
        _check_year(int(m[1]), text)
        return quarter(int(m[1]), int(m[2]))
    if m := _WINDOW.match(text):
        first, last = int(m[1]), int(m[2])
        _check_year(first, text)
        _check_year(last, text)
        if last < first:
            raise PeriodError(f"{text!r}: {last} < {first}")
        return window(first, last)
    raise PeriodError(text)
