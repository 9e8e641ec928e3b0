"""deadline: something done by a due date, once or recurring; the evidence is the date it was done.

Done on or before the due date: met. Done later: not_met, with the days late. No
date recorded and overdue: not_met (a missed deadline never turns grey). No date
and due within the warning window: at_risk. Otherwise pending.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from prestatiecheck.checks.base import EvalContext, notes_of, parties_of, scopes, window_of
from prestatiecheck.duedates import DueDateError, parse_due
from prestatiecheck.i18n import t
from prestatiecheck.model import Agreement, Result, Rule, Status
from prestatiecheck.periods import Period, containing, previous

ID = "deadline"
RECURRENCE = {"yearly": (12, "year"), "half-yearly": (6, "half"), "quarterly": (3, "quarter")}
SCHEMA: dict[str, Any] = {
    "properties": {
        "evidence": {"type": "string"},
        "due": {"type": ["string", "integer"], "format": "due"},
        "recurrence": {"enum": ["once", *RECURRENCE]},
        "working_day": {"type": "boolean"},
        "warning_days": {"type": "integer", "minimum": 0},
        # "previous": the evidence is about the period before the due date (a report on the
        # closed year, due before 1 March): the occurrence is labelled with that period.
        "reports_on": {"enum": ["same", "previous"]},
    },
    "required": ["evidence"],
}
DEFAULT_MARGIN = Decimal(0)
DEFAULT_WARNING_DAYS = 30


@dataclass(frozen=True)
class Occurrence:
    due: date
    nominal_due: date  # before moving to a working day
    period: Period


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["evidence"]]


def _due_text(check: Mapping[str, Any]) -> str | None:
    due = check.get("due")
    return None if due is None else str(due)


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    recurrence = check.get("recurrence", "once")
    text = _due_text(check)
    if text is None:
        return [] if recurrence != "once" else [("due", t("check_due_required"))]
    try:
        rule = parse_due(text)
    except DueDateError:
        return [("due", t("check_due_unknown", due=text))]
    if recurrence == "once" and rule.year is None:
        return [("due", t("check_due_needs_year", due=text))]
    if recurrence != "once" and rule.year is not None:
        return [("due", t("check_due_recurring_year", due=text))]
    return []


def occurrences(rule: Rule, agreement: Agreement) -> list[Occurrence]:
    """Every due date of the rule within its window, each labelled with its period."""
    check = rule.check
    return list(
        _schedule(
            check.get("recurrence", "once"),
            _due_text(check),
            window_of(rule, agreement),
            check.get("reports_on") == "previous",
            bool(check.get("working_day")),
        )
    )


@lru_cache(maxsize=1024)
def _schedule(
    recurrence: str, text: str | None, window: Period, previous_period: bool, working_day: bool
) -> tuple[Occurrence, ...]:
    """The due dates of a schedule: the same for every rule (and agreement) that has it, so made once."""
    nominal: list[tuple[date, str]] = []
    if recurrence == "once":
        due = parse_due(str(text)).date
        nominal.append((due, "year"))
    else:
        step, granularity = RECURRENCE[recurrence]
        if text is None:
            # Without wording: at the end of each period (or, for a report on the period before,
            # at the end of the period after it).
            for p in window.split(granularity):
                nominal.append((_next_end(p) if previous_period else p.end, granularity))
        else:
            # The first day of every ``step``-th month from the anchor month a year before the
            # window to the end of the year after it; the due day in that month (its last day
            # when the wording names none, a day past the month's end becoming its last), moved
            # by the wording's shift. (Plain date arithmetic: no dateutil to import.)
            due_rule = parse_due(text)
            month = (due_rule.anchor_month - 1) % step  # months since January, 0-based
            year_ = window.start.year - 1
            while year_ <= window.end.year + 1:
                length = monthrange(year_, month + 1)[1]
                day = length if due_rule.day is None else min(due_rule.day, length)
                due = date(year_, month + 1, day) + timedelta(days=due_rule.shift_days)
                if previous_period:
                    if window.contains(previous(containing(due, granularity))):
                        nominal.append((due, granularity))
                elif window.start <= due <= window.end:
                    nominal.append((due, granularity))
                month += step
                year_, month = year_ + month // 12, month % 12
    out = []
    for due, granularity in nominal:
        moved = due
        if working_day:
            from prestatiecheck.duedates import next_working_day

            moved = next_working_day(due)
        label = containing(due, granularity)
        out.append(Occurrence(moved, due, previous(label) if previous_period else label))
    return tuple(out)


def _next_end(period: Period) -> date:
    """The last day of the period after ``period`` (of the same kind)."""
    return containing(period.end + timedelta(days=1), period.kind).end


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    evidence = rule.check["evidence"]
    warning_days = int(rule.check.get("warning_days", DEFAULT_WARNING_DAYS))
    parties = parties_of(rule)
    wanted = scopes(rule)
    for occurrence in occurrences(rule, ctx.agreement):
        for party in wanted:
            found = ctx.figures.scoped(evidence, occurrence.period, party, parties)
            yield judge_deadline(
                rule, party, occurrence, found.value, ctx.as_of, warning_days, notes=notes_of(found)
            )


def judge_deadline(
    rule: Rule,
    party: str | None,
    occurrence: Occurrence,
    done: object,
    as_of: date,
    warning_days: int,
    notes: tuple[tuple[str | None, str], ...] = (),
) -> Result:
    due = occurrence.due
    facts: dict[str, Any] = {"due": due}
    if occurrence.nominal_due != due:
        facts["nominal_due"] = occurrence.nominal_due
    if isinstance(done, date) and done > as_of:
        facts["done_after_as_of"] = done  # not yet done on the as-of date
        done = None
    common: dict[str, Any] = dict(
        rule=rule,
        party=party,
        project=None,
        period=occurrence.period.label,
        unit="date",
        limit=due,
        bound="due",
        notes=notes,
    )
    if isinstance(done, date):
        late = (done - due).days
        facts["days_late"] = max(late, 0)
        status = Status.MET if late <= 0 else Status.NOT_MET
        return Result(
            status=status,
            detail="done" if late <= 0 else "done_late",
            value=done,
            provisional=False,
            facts=facts,
            **common,
        )
    days_left = (due - as_of).days
    facts["days_left"] = days_left
    if days_left < 0:
        facts["days_late"] = -days_left
        return Result(
            status=Status.NOT_MET, detail="overdue_no_date", provisional=False, facts=facts, **common
        )
    if days_left <= warning_days:
        return Result(status=Status.AT_RISK, detail="due_soon", provisional=True, facts=facts, **common)
    return Result(status=Status.PENDING, detail="not_due", provisional=True, facts=facts, **common)
