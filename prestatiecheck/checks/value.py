"""value: one figure against a limit (EUR per dwelling, years, months, percentage points)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from prestatiecheck.checks.base import (
    NUMBER_OR_NATIONAL,
    STRICT,
    EvalContext,
    Threshold,
    iter_scoped_periods,
    missing_result,
    notes_of,
    parties_of,
)
from prestatiecheck.model import Result, Rule

ID = "value"
SCHEMA: dict[str, Any] = {
    "properties": {
        "metric": {"type": "string"},
        "max": NUMBER_OR_NATIONAL,
        "min": NUMBER_OR_NATIONAL,
        "strict": STRICT,
    },
    "required": ["metric"],
    "oneOf": [{"required": ["max"]}, {"required": ["min"]}],
}
DEFAULT_MARGIN = Decimal(0)


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["metric"]]


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    return []


def evaluate(rule: Rule, ctx: EvalContext, *, default_margin: Decimal = DEFAULT_MARGIN) -> Iterator[Result]:
    metric = rule.check["metric"]
    unit = ctx.metrics[metric].unit if metric in ctx.metrics else "number"
    threshold = Threshold(rule, default_margin)
    bound, limit, margin = threshold.bound, threshold.limit, threshold.margin
    parties = parties_of(rule)
    for party, period in iter_scoped_periods(rule, ctx):
        found = ctx.figures.scoped(metric, period, party, parties)
        if not found.found:
            yield missing_result(
                rule,
                party,
                period,
                [found],
                as_of=ctx.as_of,
                unit=unit,
                limit=limit,
                bound=bound,
                margin=margin,
            )
            continue
        value = Decimal(found.value)  # type: ignore[arg-type]
        yield Result(
            rule=rule,
            party=party,
            project=None,
            period=period.label,
            status=threshold.judge(value),
            detail="value",
            unit=unit,
            value=value,
            limit=limit,
            bound=bound,
            margin=margin,
            provisional=not period.has_ended(ctx.as_of),
            notes=notes_of(found),
        )
