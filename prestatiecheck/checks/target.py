"""target: a cumulative amount over a window, with a trajectory while the window runs.

Once the window is over: realised >= target met, else not_met. While it runs the
realised amount is compared with the expected part of the target:
expected = target x reported years / years in the window (half-years and quarters
count as parts of a year); realised >= expected met, >= 80% of it at_risk, else
not_met. ``direction: at_most`` caps a cumulative amount (sales, demolition):
exceeding it is not_met at any time. ``per_year`` applies the target to each year.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck.checks.base import EvalContext, missing_facts, parties_of, scopes, window_of
from prestatiecheck.figureindex import Lookup, Missing
from prestatiecheck.model import Agreement, Result, Rule, Status
from prestatiecheck.periods import Period, half, quarter

ID = "target"
SCHEMA: dict[str, Any] = {
    "properties": {
        "metric": {"type": "string"},
        "targets": {
            "anyOf": [
                {
                    "type": "object",
                    "properties": {"table": {"type": "string"}, "row": {"type": "string"}},
                    "required": ["table", "row"],
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "additionalProperties": {"type": ["number", "integer"]},
                    "minProperties": 1,
                },
            ]
        },
        "direction": {"enum": ["at_least", "at_most"]},
        "per_year": {"type": "boolean"},
    },
    "required": ["metric", "targets"],
}
DEFAULT_MARGIN = Decimal(0)
AT_RISK_SHARE = Fraction(4, 5)  # >= 80% of the expected amount: aandacht
JOINT = "joint"


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["metric"]]


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    return []


def targets_of(rule: Rule, agreement: Agreement) -> dict[str | None, Decimal]:
    """Target per party id, with None for the joint target."""
    spec = rule.check["targets"]
    if "table" in spec and "row" in spec and len(spec) == 2:
        table = agreement.tables[spec["table"]]
        row = table.rows[spec["row"]]
        out: dict[str | None, Decimal] = {}
        for column, number in zip(table.columns, row, strict=True):
            out[None if column in (table.total_column, JOINT) else column] = Decimal(number)
        return out
    return {(None if k == JOINT else str(k)): Decimal(str(v)) for k, v in spec.items()}


def _reported_part(
    ctx: EvalContext, metric: str, year: Period, party: str | None, parties: list[str]
) -> tuple[Lookup, Fraction]:
    """The figure for as much of a running year as has been reported, and that fraction."""
    y = year.start.year
    attempts: list[tuple[list[Period], Fraction]] = [
        ([year], Fraction(1)),
        ([half(y, 1), quarter(y, 3)], Fraction(3, 4)),
        ([half(y, 1)], Fraction(1, 2)),
        ([quarter(y, 1)], Fraction(1, 4)),
    ]
    whole: Lookup | None = None
    for periods, fraction in attempts:
        found = [ctx.figures.scoped(metric, p, party, parties) for p in periods]
        if all(x.found for x in found):
            total = sum((Decimal(x.value) for x in found), Decimal(0))  # type: ignore[arg-type]
            return Lookup(total, figures=[f for x in found for f in x.figures]), fraction
        whole = whole or found[0]
    # What the whole year lacks (the components of a derived figure, when some were given).
    missing = whole.missing if whole is not None and whole.missing else [Missing(metric, year.label, party)]
    return Lookup(None, missing=missing), Fraction(0)


def expected_floor(expected: Fraction) -> Fraction:
    """The at_risk floor: 80% of a positive expectation (120% of a negative one)."""
    return expected - abs(expected) * (1 - AT_RISK_SHARE)


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    metric = rule.check["metric"]
    direction = rule.check.get("direction", "at_least")
    targets = targets_of(rule, ctx.agreement)
    parties = parties_of(rule)
    window = window_of(rule, ctx.agreement)
    windows = window.split("year") if rule.check.get("per_year") else [window]
    for w in windows:
        for party in scopes(rule):
            target = targets.get(party)
            if target is None:
                continue
            yield _one(rule, ctx, metric, direction, target, w, party, parties)


def _one(
    rule: Rule,
    ctx: EvalContext,
    metric: str,
    direction: str,
    target: Decimal,
    window: Period,
    party: str | None,
    parties: list[str],
) -> Result:
    common: dict[str, Any] = dict(
        rule=rule,
        party=party,
        project=None,
        period=window.label,
        unit="count",
        target=target,
        limit=target,
        bound=direction,
    )
    years = window.split("year")
    running = not window.has_ended(ctx.as_of)
    if not running:
        found = ctx.figures.scoped(metric, window, party, parties)
        if not found.found:
            per_year = [ctx.figures.scoped(metric, y, party, parties) for y in years]
            missing = [m for x in per_year if not x.found for m in x.missing] or found.missing
            return Result(
                status=Status.NO_DATA,
                detail="missing",
                provisional=False,
                facts=missing_facts(missing),
                **common,
            )
        realised = Decimal(found.value)  # type: ignore[arg-type]
        met = realised >= target if direction == "at_least" else realised <= target
        return Result(
            status=Status.MET if met else Status.NOT_MET,
            detail="target_final",
            value=realised,
            provisional=False,
            facts={"years_reported": Fraction(len(years)), "years": len(years)},
            notes=found.notes,
            **common,
        )
    parts = [_reported_part(ctx, metric, y, party, parties) for y in years]
    reported = sum((fraction for _, fraction in parts), Fraction(0))
    lookups = [lookup for lookup, fraction in parts if fraction]
    if not reported:
        not_started = window.start > ctx.as_of
        return Result(
            status=Status.PENDING if not_started else Status.NO_DATA,
            detail="not_started" if not_started else "missing",
            provisional=True,
            facts=missing_facts(
                [m for (x, _), y in zip(parts, years, strict=True) if y.start <= ctx.as_of for m in x.missing]
                or [Missing(metric, years[0].label, party)]
            ),
            **common,
        )
    realised = sum((Decimal(x.value) for x in lookups), Decimal(0))  # type: ignore[arg-type]
    notes = tuple(dict.fromkeys(n for x in lookups for n in x.notes))
    facts = {"years_reported": reported, "years": len(years)}
    if direction == "at_most":
        status = Status.NOT_MET if realised > target else Status.MET
        return Result(
            status=status,
            detail="target_cap_running",
            value=realised,
            provisional=True,
            facts=facts,
            notes=notes,
            **common,
        )
    expected = Fraction(target) * reported / len(years)
    value = Fraction(realised)
    if value >= expected:
        status = Status.MET
    elif value >= expected_floor(expected):
        status = Status.AT_RISK
    else:
        status = Status.NOT_MET
    return Result(
        status=status,
        detail="target_running",
        value=realised,
        expected=expected,
        provisional=True,
        facts=facts,
        notes=notes,
        **common,
    )
