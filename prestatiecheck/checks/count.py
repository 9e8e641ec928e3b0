"""count: a minimum (or maximum) number of events: meetings held, complexes worked on."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from prestatiecheck.checks import value as _value
from prestatiecheck.checks.base import STRICT, EvalContext
from prestatiecheck.model import Result, Rule

ID = "count"
SCHEMA: dict[str, Any] = {
    "properties": {
        "metric": {"type": "string"},
        "max": {"type": "integer", "minimum": 0},
        "min": {"type": "integer", "minimum": 0},
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


def evaluate(rule: Rule, ctx: EvalContext) -> Iterator[Result]:
    # A count is a value with a whole-number limit; counts add up over sub-periods and parties.
    yield from _value.evaluate(rule, ctx, default_margin=DEFAULT_MARGIN)
