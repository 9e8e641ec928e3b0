"""band: a share that should be about a target ("circa 30%"): target ± tolerance, edges inside."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from prestatiecheck.checks.base import (
    PERCENT,
    SHARE_MARGIN,
    EvalContext,
    judge_max,
    judge_min,
    margin_of,
    missing_result,
    notes_of,
    parties_of,
    periods_of,
    scopes,
)
from prestatiecheck.checks.share import percent
from prestatiecheck.i18n import t
from prestatiecheck.model import Result, Rule, Status

ID = "band"
SCHEMA: dict[str, Any] = {
    "properties": {
        "numerator": {"type": "string"},
        "denominator": {"type": "string"},
        "target": PERCENT,
        "tolerance": {"type": ["number", "integer"], "exclusiveMinimum": 0, "maximum": 50},
    },
    "required": ["numerator", "denominator", "target", "tolerance"],
}
DEFAULT_MARGIN = SHARE_MARGIN


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["numerator"], check["denominator"]]


def edges(check: Mapping[str, Any]) -> tuple[Decimal, Decimal]:
    target, tolerance = Decimal(str(check["target"])), Decimal(str(check["tolerance"]))
    return max(Decimal(0), target - tolerance), min(Decimal(100), target + tolerance)


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    margin = Decimal(str(check.get("margin", SHARE_MARGIN)))
    if margin > Decimal(str(check["tolerance"])):
        return [("margin", t("check_band_margin"))]
    return []


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    low, high = edges(rule.check)
    margin = margin_of(rule, SHARE_MARGIN)
    parties = parties_of(rule)
    for period in periods_of(rule, ctx.agreement):
        for party in scopes(rule):
            num = ctx.figures.scoped(rule.check["numerator"], period, party, parties)
            den = ctx.figures.scoped(rule.check["denominator"], period, party, parties)
            target = Decimal(str(rule.check["target"]))
            common: dict[str, Any] = dict(
                unit="percent",
                bound="band",
                band=(low, high),
                target=target,
                margin=margin,
            )
            if not (num.found and den.found):
                yield missing_result(
                    rule, party, period, [num, den], as_of=ctx.as_of, notes=notes_of(num, den), **common
                )
                continue
            n, d = Decimal(num.value), Decimal(den.value)  # type: ignore[arg-type]
            provisional = not period.has_ended(ctx.as_of)
            facts = {"numerator": n, "denominator": d}
            if d == 0:
                yield Result(
                    rule=rule,
                    party=party,
                    project=None,
                    period=period.label,
                    status=Status.NO_DATA,
                    detail="zero_denominator",
                    provisional=provisional,
                    facts=facts,
                    **common,
                )
                continue
            value = percent(n, d)
            below, above = judge_min(value, low, margin), judge_max(value, high, margin)
            status = max(below, above, key=lambda s: s.severity)
            yield Result(
                rule=rule,
                party=party,
                project=None,
                period=period.label,
                status=status,
                detail="band",
                value=value,
                provisional=provisional,
                facts=facts,
                notes=notes_of(num, den),
                **common,
            )
