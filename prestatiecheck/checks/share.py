"""share: numerator / denominator against a maximum or minimum percentage.

Joint results are pooled (sum of numerators over sum of denominators). With
``average_per_year`` one result covers the whole window, pooled over its years
that have figures.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck.checks.base import (
    PERCENT_OR_NATIONAL,
    SHARE_MARGIN,
    STRICT,
    EvalContext,
    Threshold,
    missing_result,
    notes_of,
    parties_of,
    periods_of,
    scopes,
    window_of,
)
from prestatiecheck.figureindex import Lookup, Missing
from prestatiecheck.i18n import t
from prestatiecheck.model import Result, Rule, Status
from prestatiecheck.periods import Period

ID = "share"
SCHEMA: dict[str, Any] = {
    "properties": {
        "numerator": {"type": "string"},
        "denominator": {"type": "string"},
        "max": PERCENT_OR_NATIONAL,
        "min": PERCENT_OR_NATIONAL,
        "average_per_year": {"type": "boolean"},
        "strict": STRICT,
    },
    "required": ["numerator", "denominator"],
    "oneOf": [{"required": ["max"]}, {"required": ["min"]}],
}
DEFAULT_MARGIN = SHARE_MARGIN


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["numerator"], check["denominator"]]


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    if check.get("average_per_year") and check.get("periods") not in (None, "window"):
        return [("periods", t("check_average_periods"))]
    return []


def percent(numerator: Decimal, denominator: Decimal) -> Fraction:
    """numerator / denominator x 100, exactly (denominator not zero)."""
    a, b = Decimal(numerator).as_integer_ratio()
    c, d = Decimal(denominator).as_integer_ratio()
    return Fraction(a * 100 * d, b * c)


def share_result(
    rule: Rule,
    ctx: EvalContext,
    party: str | None,
    period: Period,
    num: Lookup,
    den: Lookup,
    *,
    project: str | None = None,
    default_margin: Decimal = SHARE_MARGIN,
    threshold: Threshold | None = None,
    **facts: Any,
) -> Result:
    """The verdict on one share, shared by ``share`` and ``project_share`` (``threshold``: the
    rule's, when the caller has it already)."""
    if threshold is None:
        threshold = Threshold(rule, default_margin)
    bound, limit, margin = threshold.bound, threshold.limit, threshold.margin
    provisional = not period.has_ended(ctx.as_of)
    if not (num.found and den.found):
        return missing_result(
            rule,
            party,
            period,
            [num, den],
            as_of=ctx.as_of,
            unit="percent",
            limit=limit,
            bound=bound,
            margin=margin,
            project=project,
            notes=notes_of(num, den),
        )
    n, d = Decimal(num.value), Decimal(den.value)  # type: ignore[arg-type]
    if d == 0:
        return Result(
            rule=rule,
            party=party,
            project=project,
            period=period.label,
            status=Status.NO_DATA,
            detail="zero_denominator",
            unit="percent",
            limit=limit,
            bound=bound,
            margin=margin,
            provisional=provisional,
            facts={"numerator": n, "denominator": d, **facts},
            notes=notes_of(num, den),
        )
    value = percent(n, d)
    return Result(
        rule=rule,
        party=party,
        project=project,
        period=period.label,
        status=threshold.judge(value),
        detail="share",
        unit="percent",
        value=value,
        limit=limit,
        bound=bound,
        margin=margin,
        provisional=provisional,
        facts={"numerator": n, "denominator": d, **facts},
        notes=notes_of(num, den),
    )


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    numerator, denominator = rule.check["numerator"], rule.check["denominator"]
    parties = parties_of(rule)
    threshold = Threshold(rule, SHARE_MARGIN)
    wanted = scopes(rule)
    if rule.check.get("average_per_year"):
        window = window_of(rule, ctx.agreement)
        for party in wanted:
            yield _average(rule, ctx, party, parties, window, numerator, denominator, threshold)
        return
    figures, as_of = ctx.figures, ctx.as_of
    for period in periods_of(rule, ctx.agreement):
        for party in wanted:
            num = figures.scoped(numerator, period, party, parties)
            den = figures.scoped(denominator, period, party, parties)
            if (
                period.kind == "window"
                and not (num.found and den.found)
                and period.start <= as_of
                and not period.has_ended(as_of)
            ):
                # A window that is still running: the share so far, pooled over the years that
                # are in (provisional), rather than nothing until the last year is reported.
                yield _average(rule, ctx, party, parties, period, numerator, denominator, threshold)
                continue
            yield share_result(rule, ctx, party, period, num, den, threshold=threshold)


def _average(
    rule: Rule,
    ctx: EvalContext,
    party: str | None,
    parties: list[str],
    window: Period,
    numerator: str,
    denominator: str,
    threshold: Threshold | None = None,
) -> Result:
    """Pooled over the years of the window that have both figures."""
    nums: list[Lookup] = []
    dens: list[Lookup] = []
    years: list[str] = []
    for year in window.split("year"):
        num = ctx.figures.scoped(numerator, year, party, parties)
        den = ctx.figures.scoped(denominator, year, party, parties)
        if num.found and den.found:
            nums.append(num)
            dens.append(den)
            years.append(year.label)
    if not years:
        none = [Missing(m, window.label, party) for m in (numerator, denominator)]
        return share_result(
            rule, ctx, party, window, Lookup(None, missing=none), Lookup(None), threshold=threshold, years=[]
        )
    total_num = Lookup(
        sum((Decimal(x.value) for x in nums), Decimal(0)),  # type: ignore[arg-type]
        figures=[f for x in nums for f in x.figures],
    )
    total_den = Lookup(
        sum((Decimal(x.value) for x in dens), Decimal(0)),  # type: ignore[arg-type]
        figures=[f for x in dens for f in x.figures],
    )
    return share_result(rule, ctx, party, window, total_num, total_den, threshold=threshold, years=years)
