"""compare: one figure against another of the same party and period.

For example: rent increase from energy measures <= drop in energy costs;
status holders housed >= the taakstelling.
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
from prestatiecheck.model import Result, Rule, Status

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
            facts={"op": op, "left": left, "right": right},
            notes=notes_of(a, b),
        )
