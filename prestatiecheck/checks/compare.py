"""compare: one figure against another of the same party and period.

For example: rent increase from energy measures <= drop in energy costs;
status holders housed >= the taakstelling. Over a window (``periods: window``) counts
are summed; while the window runs, over the years so far that have both figures
(provisional), as a share over a running window is.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from prestatiecheck.checks.base import (
    EvalContext,
    iter_scoped_periods,
    missing_result,
    notes_of,
    parties_of,
)
from prestatiecheck.figureindex import Lookup, Missing
from prestatiecheck.model import Result, Rule, Status
from prestatiecheck.periods import Period

ID = "compare"
OPERATORS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt, "==": operator.eq}
SCHEMA: dict[str, Any] = {
    "properties": {
        "left": {"type": "string"},
        "op": {"enum": list(OPERATORS)},
        "right": {"type": "string"},
    },
    "required": ["left", "op", "right"],
}
DEFAULT_MARGIN = Decimal(0)


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["left"], check["right"]]


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    return []


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    left, right, op = rule.check["left"], rule.check["right"], rule.check["op"]
    unit = ctx.metrics[left].unit if left in ctx.metrics else "number"
    parties = parties_of(rule)
    for party, period in iter_scoped_periods(rule, ctx):
        a = ctx.figures.scoped(left, period, party, parties)
        b = ctx.figures.scoped(right, period, party, parties)
        years: list[str] = []
        if (
            period.kind == "window"
            and not (a.found and b.found)
            and period.start <= ctx.as_of
            and not period.has_ended(ctx.as_of)
            and _additive(ctx, left, right)
        ):
            # A window that is still running: the sums so far, over the years that have both
            # figures (provisional), rather than nothing until the last year is reported.
            a, b, years = _so_far(ctx, left, right, period, party, parties)
        if not (a.found and b.found):
            yield missing_result(
                rule, party, period, [a, b], as_of=ctx.as_of, unit=unit, bound="compare", notes=notes_of(a, b)
            )
            continue
        va, vb = Decimal(a.value), Decimal(b.value)  # type: ignore[arg-type]
        yield Result(
            rule=rule,
            party=party,
            project=None,
            period=period.label,
            status=Status.MET if OPERATORS[op](va, vb) else Status.NOT_MET,
            detail="compare",
            unit=unit,
            value=va,
            limit=vb,
            bound="compare",
            provisional=not period.has_ended(ctx.as_of),
            facts={"op": op, "left": left, "right": right, **({"years": years} if years else {})},
            notes=notes_of(a, b),
        )


def _additive(ctx: EvalContext, *names: str) -> bool:
    return all(name in ctx.metrics and ctx.metrics[name].additive for name in names)


def _so_far(
    ctx: EvalContext, left: str, right: str, window: Period, party: str | None, parties: list[str]
) -> tuple[Lookup, Lookup, list[str]]:
    """Both counts summed over the years of the window that have both figures."""
    lefts: list[Lookup] = []
    rights: list[Lookup] = []
    years: list[str] = []
    for year in window.split("year"):
        a = ctx.figures.scoped(left, year, party, parties)
        b = ctx.figures.scoped(right, year, party, parties)
        if a.found and b.found:
            lefts.append(a)
            rights.append(b)
            years.append(year.label)
    if not years:
        none = [Missing(m, window.label, party) for m in (left, right)]
        return Lookup(None, missing=none), Lookup(None), []

    def total(found: list[Lookup]) -> Lookup:
        return Lookup(
            sum((Decimal(x.value) for x in found), Decimal(0)),  # type: ignore[arg-type]
            figures=[f for x in found for f in x.figures],
        )

    return total(lefts), total(rights), years
