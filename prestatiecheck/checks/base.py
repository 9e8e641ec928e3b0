"""What every check kind shares: the evaluation context, scopes, periods and threshold verdicts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck.exact import ratio
from prestatiecheck.figureindex import FigureIndex, Lookup, Missing
from prestatiecheck.model import Agreement, Metric, Result, Rule, Status
from prestatiecheck.periods import Period, parse_period

SHARE_MARGIN = Decimal(2)  # percentage points
GRANULARITY = {"yearly": "year", "half-yearly": "half", "quarterly": "quarter"}

# Keys every kind accepts (validated by the rule-file schema).
COMMON_PROPERTIES: dict[str, Any] = {
    "kind": {"type": "string"},
    "parties": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "scope": {
        "type": "array",
        "items": {"enum": ["party", "joint"]},
        "minItems": 1,
        "uniqueItems": True,
    },
    "periods": {
        "anyOf": [
            {"enum": ["yearly", "half-yearly", "quarterly", "window"]},
            {"type": "array", "items": {"type": ["string", "integer"]}, "minItems": 1},
        ]
    },
    "window": {"type": ["string", "integer"]},
    "margin": {"type": ["number", "integer"], "minimum": 0},
    # The afspraak binds only jointly: per-party results are information (needs scope party + joint).
    "joint_only": {"type": "boolean"},
}
NUMBER = {"type": ["number", "integer"]}
PERCENT = {"type": ["number", "integer"], "minimum": 0, "maximum": 100}
# A limit that is a national parameter's value in force for the period (``max: {national: name}``),
# resolved per period before evaluation (prestatiecheck.national).
NATIONAL_REF = {
    "type": "object",
    "properties": {"national": {"type": "string", "minLength": 1}},
    "required": ["national"],
    "additionalProperties": False,
}
NUMBER_OR_NATIONAL = {"anyOf": [NUMBER, NATIONAL_REF]}
PERCENT_OR_NATIONAL = {"anyOf": [PERCENT, NATIONAL_REF]}


@dataclass(frozen=True)
class EvalContext:
    agreement: Agreement
    figures: FigureIndex
    metrics: Mapping[str, Metric]
    as_of: date


def parties_of(rule: Rule) -> list[str]:
    return list(rule.check.get("parties") or rule.trekker)


def scopes(rule: Rule) -> list[str | None]:
    """The party ids to give a result for, with None for the joint result."""
    wanted = rule.check.get("scope") or ["party"]
    out: list[str | None] = []
    if "party" in wanted:
        out.extend(parties_of(rule))
    if "joint" in wanted:
        out.append(None)
    return out


def window_of(rule: Rule, agreement: Agreement) -> Period:
    raw = rule.check.get("window")
    return parse_period(raw) if raw is not None else agreement.period


def periods_of(rule: Rule, agreement: Agreement) -> list[Period]:
    spec = rule.check.get("periods", "yearly")
    window = window_of(rule, agreement)
    if isinstance(spec, list):
        return [parse_period(p) for p in spec]
    if spec == "window":
        return [window]
    return window.split(GRANULARITY[spec])


def margin_of(rule: Rule, default: Decimal) -> Decimal:
    raw = rule.check.get("margin")
    return Decimal(str(raw)) if raw is not None else default


def judge_max(value: Fraction, limit: Decimal, margin: Decimal, strict: bool = False) -> Status:
    """value <= L - m met; L - m < value <= L at_risk; value > L not_met.

    ``strict`` ("minder dan", "onder"): the limit itself is not allowed either.
    Compared exactly in integers, cross-multiplied (``prestatiecheck.exact``).
    """
    return _judge_max(ratio(value), ratio(limit), ratio(margin), strict)


Ratio = tuple[int, int]


def _judge_max(value: Ratio, limit: Ratio, margin: Ratio, strict: bool) -> Status:
    vn, vd = value
    ln, ld = limit
    mn, md = margin
    above = vn * ld - ln * vd  # sign of value - L
    if above > 0 or (strict and above == 0):
        return Status.NOT_MET
    if vn * ld * md > (ln * md - mn * ld) * vd:  # value > L - m
        return Status.AT_RISK
    return Status.MET


def judge_min(value: Fraction, limit: Decimal, margin: Decimal, strict: bool = False) -> Status:
    """value >= L + m met; L <= value < L + m at_risk; value < L not_met.

    ``strict`` ("meer dan", "langer dan"): the limit itself is not enough.
    Compared in integers, as ``judge_max``.
    """
    return _judge_min(ratio(value), ratio(limit), ratio(margin), strict)


def _judge_min(value: Ratio, limit: Ratio, margin: Ratio, strict: bool) -> Status:
    vn, vd = value
    ln, ld = limit
    mn, md = margin
    below = ln * vd - vn * ld  # sign of L - value
    if below > 0 or (strict and below == 0):
        return Status.NOT_MET
    if vn * ld * md < (ln * md + mn * ld) * vd:  # value < L + m
        return Status.AT_RISK
    return Status.MET


def bound_of(check: Mapping[str, Any]) -> tuple[str, Decimal]:
    """('max', L) or ('min', L) from a check with either key."""
    if check.get("max") is not None:
        return "max", Decimal(str(check["max"]))
    return "min", Decimal(str(check["min"]))


def judge(bound: str, value: Fraction, limit: Decimal, margin: Decimal, strict: bool = False) -> Status:
    if bound == "max":
        return judge_max(value, limit, margin, strict)
    return judge_min(value, limit, margin, strict)


class Threshold:
    """A rule's maximum or minimum with its margin and strictness: read from the rule once, and
    used for each of its results."""

    __slots__ = ("bound", "limit", "margin", "strict", "_limit", "_margin", "_judge")

    def __init__(self, rule: Rule, default_margin: Decimal):
        self.bound, self.limit = bound_of(rule.check)
        self.margin = margin_of(rule, default_margin)
        self.strict = bool(rule.check.get("strict"))
        self._limit, self._margin = ratio(self.limit), ratio(self.margin)
        self._judge = _judge_max if self.bound == "max" else _judge_min

    def judge(self, value: Fraction | Decimal) -> Status:
        return self._judge(ratio(value), self._limit, self._margin, self.strict)  # type: ignore[no-any-return]


STRICT = {"type": "boolean"}  # the limit itself does not count ("meer dan", "minder dan", "onder")


def missing_result(
    rule: Rule,
    party: str | None,
    period: Period,
    lookups: list[Lookup],
    *,
    as_of: date,
    unit: str,
    **extra: Any,
) -> Result:
    missing = [m for x in lookups for m in x.missing]
    # A period that has not begun cannot have figures yet: that is not a gap in the data.
    not_started = period.start > as_of
    return Result(
        rule=rule,
        party=party,
        project=extra.pop("project", None),
        period=period.label,
        status=Status.PENDING if not_started else Status.NO_DATA,
        detail="not_started" if not_started else "missing",
        unit=unit,
        provisional=not period.has_ended(as_of),
        facts=missing_facts(missing),
        **extra,
    )


def missing_facts(missing: Iterable[Missing]) -> dict[str, Any]:
    """The ``missing`` facts of a result: (metric, period, party) of each figure it lacks.

    ``missing_parts_of``: the derived metrics (netto_toename) of which only some components
    were given; the message then says to fill in 0 where there were none.
    """
    items = list(dict.fromkeys(missing))
    facts: dict[str, Any] = {"missing": [(m.metric, m.period, m.party) for m in items]}
    wholes = sorted({m.part_of for m in items if m.part_of})
    if wholes:
        facts["missing_parts_of"] = wholes
    return facts


def notes_of(*lookups: Lookup) -> tuple[tuple[str | None, str], ...]:
    found = [n for x in lookups for n in x.notes]
    return tuple(dict.fromkeys(found)) if found else ()


def iter_scoped_periods(rule: Rule, ctx: EvalContext) -> Iterator[tuple[str | None, Period]]:
    for period in periods_of(rule, ctx.agreement):
        for party in scopes(rule):
            yield party, period
