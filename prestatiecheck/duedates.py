"""Due dates from Dutch wording, as the agreements write them.

"vóór 1 april" is the day before; "uiterlijk 1 april" is that day; "in 2021" and
"voor eind 2026" are 31 December; "Q1 2021" is the quarter's last day; "eerste
helft" and "medio" are 30 June; "begin 2026" is 31 March. Without a year the
wording describes a recurring date, resolved per year by ``DueRule.on``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_ORDINAL = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4,
            "4e": 4, "laatste": 4}  # fmt: skip
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_DAY = re.compile(
    rf"^(?P<how>voor|uiterlijk op|uiterlijk|op|per|tot en met|t/m)?\s*(?P<day>\d{{1,2}})\s+"
    rf"(?P<month>{_MONTH_RE})(?:\s+(?P<year>\d{{4}}))?$"
)
_YEAR_END = re.compile(
    r"^(?:(?:uiterlijk\s+)?(?:in|eind|einde|voor eind|voor het einde van|uiterlijk eind|"
    r"aan het eind van|uiterlijk in|uiterlijk|gedurende)\s+)?(?P<year>\d{4})?$"
)
_QUARTER = re.compile(
    r"^(?:in\s+)?(?:het\s+)?(?:q(?P<q1>[1-4])(?:\s*[-/]\s*q?(?P<q2>[1-4]))?|"
    r"(?P<ord>eerste|1e|tweede|2e|derde|3e|vierde|4e|laatste)\s+kwartaal)"
    r"(?:\s+(?:van\s+)?(?P<year>\d{4}))?$"
)
_HALF = re.compile(
    r"^(?:in\s+)?(?:de\s+)?(?P<ord>eerste|tweede)\s+(?:helft|halfjaar|half jaar)"
    r"(?:\s+(?:van\s+)?(?P<year>\d{4}))?$"
)
_SEASON = re.compile(r"^(?P<when>begin|medio|midden|eind|einde)(?:\s+(?P<year>\d{4}))?$")
_MONTH = re.compile(
    rf"^(?:(?P<when>in|eind|einde|medio|begin|uiterlijk in|uiterlijk eind)\s+)?"
    rf"(?P<month>{_MONTH_RE})(?:\s+(?P<year>\d{{4}}))?$"
)


class DueDateError(ValueError):
    """Wording we cannot turn into a date."""


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass(frozen=True)
class DueRule:
    """A due date read from wording; ``year`` is None for a recurring one."""

    month: int
    day: int | None  # None: the month's last day
    shift_days: int  # -1 for "vóór"
    year: int | None
    wording: str

    def on(self, year: int) -> date:
        """The due date in a given year."""
        base = _month_end(year, self.month) if self.day is None else date(year, self.month, self.day)
        return base + timedelta(days=self.shift_days)

    @property
    def anchor_month(self) -> int:
        return self.month

    @property
    def date(self) -> date:
        if self.year is None:
            raise DueDateError(self.wording)
        return self.on(self.year)


def _normalise(text: str) -> str:
    text = text.strip().lower().replace("vóór", "voor").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(".")


@lru_cache(maxsize=512)
def parse_due(wording: str) -> DueRule:
    """Read Dutch due-date wording. Raises DueDateError when it is not understood."""
    text = _normalise(wording)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as e:
            raise DueDateError(wording) from e
        return DueRule(day.month, day.day, 0, day.year, wording)
    if m := _DAY.match(text):
        month = MONTHS[m["month"]]
        day_no = int(m["day"])
        y = int(m["year"]) if m["year"] else None
        if day_no < 1 or day_no > calendar.monthrange(y or 2024, month)[1]:
            raise DueDateError(wording)
        return DueRule(month, day_no, -1 if m["how"] == "voor" else 0, y, wording)
    if m := _QUARTER.match(text):
        q = int(m["q2"] or m["q1"]) if m["q1"] else _ORDINAL[m["ord"]]
        return DueRule(3 * q, None, 0, _year(m["year"]), wording)
    if m := _HALF.match(text):
        return DueRule(6 if m["ord"] == "eerste" else 12, None, 0, _year(m["year"]), wording)
    if m := _SEASON.match(text):
        month = {"begin": 3, "medio": 6, "midden": 6}.get(m["when"], 12)
        return DueRule(month, None, 0, _year(m["year"]), wording)
    if m := _MONTH.match(text):
        month = MONTHS[m["month"]]
        when = m["when"] or "in"
        if when == "medio":
            return DueRule(month, 15, 0, _year(m["year"]), wording)
        if when == "begin":
            return DueRule(month, 10, 0, _year(m["year"]), wording)
        return DueRule(month, None, 0, _year(m["year"]), wording)
    if text and (m := _YEAR_END.match(text)) and m["year"]:
        return DueRule(12, None, 0, int(m["year"]), wording)
    raise DueDateError(wording)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


SUPPORTED_WORDING = (
    "vóór 1 april 2021",
    "uiterlijk 1 april 2021",
    "in 2021",
    "voor eind 2026",
    "Q1 2021",
    "Q2-3 2021",
    "eerste helft van 2026",
    "tweede helft van 2026",
    "begin 2026",
    "medio 2021",
    "september 2021",
    "2021-04-01",
)


@lru_cache(maxsize=64)
def _dutch_holidays(year: int) -> frozenset[date]:
    import holidays  # heavy-ish; only when a rule asks for working days

    days = set(holidays.country_holidays("NL", years=year))
    # The Algemene termijnenwet counts 5 May (Bevrijdingsdag) every year.
    days.add(date(year, 5, 5))
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def next_working_day(day: date) -> date:
    """Algemene termijnenwet: a term ending on a weekend or holiday moves to the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
