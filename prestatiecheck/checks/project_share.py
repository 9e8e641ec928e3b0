"""project_share: a share checked in every project (35% social rent in each new-build project)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from prestatiecheck.checks.base import PERCENT, SHARE_MARGIN, STRICT, EvalContext, Threshold, window_of
from prestatiecheck.checks.share import share_result
from prestatiecheck.model import Result, Rule

ID = "project_share"
SCHEMA: dict[str, Any] = {
    "properties": {
        "numerator": {"type": "string"},
        "denominator": {"type": "string"},
        "max": PERCENT,
        "min": PERCENT,
        "strict": STRICT,
    },
    "required": ["numerator", "denominator"],
    "oneOf": [{"required": ["max"]}, {"required": ["min"]}],
}
DEFAULT_MARGIN = SHARE_MARGIN


def metrics(check: Mapping[str, Any]) -> list[str]:
    return [check["numerator"], check["denominator"]]


def validate(check: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    return []


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    numerator, denominator = rule.check["numerator"], rule.check["denominator"]
    window = window_of(rule, ctx.agreement)
    wanted = rule.check.get("parties")
    threshold = Threshold(rule, SHARE_MARGIN)
    for party, project, period in ctx.figures.projects([numerator, denominator]):
        if not window.contains(period) and not period.contains(window):
            continue
        if wanted and party is not None and party not in wanted:
            continue
        num = ctx.figures.get(numerator, period, party, project)
        den = ctx.figures.get(denominator, period, party, project)
        yield share_result(rule, ctx, party, period, num, den, project=project, threshold=threshold)
