"""National law beside the local afspraken: dated values, and the national rule set applied to a
checked agreement's corporations.

A national parameter (an income limit, a percentage, an amount) has dated values, each with its
source. A rule's limit may name one (``max: {national: leefbaarheid-maximum}``); it is then
judged period by period against the value in force for that period: the value in force on the
period's last day (a value that changed during the period is named beside the verdict). An
agreement may lawfully set a parameter itself (``national:`` in its head) within the bounds the
value allows (``agreements_may_set``); outside them the law's value applies and the result says so.

``scope(law, context, years)`` makes the national rule set into one more agreement for the
evaluation: its rules per corporation of ``context``, for the years its figures cover.
``evaluate(rule, ctx, law)`` evaluates a rule that cites a national value or is dated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from prestatiecheck.model import (
    Agreement,
    DatedValue,
    NationalOverride,
    NationalValue,
    Parameter,
    Party,
    Result,
    Rule,
    Status,
)
from prestatiecheck.periods import Period

BOUNDS = ("max", "min")
HUNDRED = Decimal(100)


def cited(check: Mapping[str, Any]) -> dict[str, str]:
    """{"max" or "min": parameter name} for every limit that names a national parameter."""
    out = {}
    for key in BOUNDS:
        ref = check.get(key)
        if isinstance(ref, Mapping) and ref.get("national"):
            out[key] = str(ref["national"])
    return out


def applies(rule: Rule) -> bool:
    """A rule judged per period against the law: it cites a national value or is itself dated."""
    return bool(rule.valid_from or rule.valid_to or cited(rule.check))


def in_force(rule: Rule, period: Period) -> bool:
    """A dated rule applies to a period when it is in force on the period's last day."""
    day = period.end
    return (rule.valid_from is None or rule.valid_from <= day) and (
        rule.valid_to is None or day <= rule.valid_to
    )


def dated(parameter: Parameter, day: date) -> DatedValue | None:
    return next((v for v in reversed(parameter.values) if v.in_force(day)), None)


def value_in_force(
    law: Agreement,
    name: str,
    period: Period,
    overrides: Mapping[str, NationalOverride] | None = None,
    overrides_period: Period | None = None,
) -> NationalValue | None:
    """The value of parameter ``name`` for ``period``: in force on its last day, an agreement's
    lawful setting applied (only for periods within the agreement's own period)."""
    parameter = law.parameters.get(name)
    if parameter is None:
        return None
    found = dated(parameter, period.end)
    if found is None:
        return None
    earlier = dated(parameter, period.start)
    changed = earlier if earlier is not None and earlier is not found else None
    if found.complement_of:
        inner = value_in_force(law, found.complement_of, period, overrides, overrides_period)
        if inner is None:
            return None
        return NationalValue(
            parameter=name,
            value=HUNDRED - inner.value,
            dated=found,
            override=inner.override,
            refused_override=inner.refused_override,
            earlier=changed,
            inner=inner,
        )
    assert found.value is not None
    override = (overrides or {}).get(name)
    if override is not None and overrides_period is not None and not overrides_period.contains(period):
        override = None  # the agreement speaks for its own years only
    if override is not None:
        if lawful(found, override.value):
            return NationalValue(name, override.value, found, override=override, earlier=changed)
        return NationalValue(name, found.value, found, refused_override=override, earlier=changed)
    return NationalValue(name, found.value, found, earlier=changed)


def lawful(found: DatedValue, value: Decimal) -> bool:
    """Whether prestatieafspraken may set ``value`` where the law has ``found``."""
    bounds = found.agreements_may_set
    if not bounds:
        return value == found.value
    return (bounds.get("min") is None or value >= bounds["min"]) and (
        bounds.get("max") is None or value <= bounds["max"]
    )


def lawful_range(found: DatedValue) -> tuple[Decimal | None, Decimal | None]:
    """The lowest and highest value the law allows (its own value unless agreements may set one)."""
    if not found.agreements_may_set:
        return found.value, found.value
    low = found.agreements_may_set.get("min", found.value)
    high = found.agreements_may_set.get("max", found.value)
    return low, high


# -- the national rule set for one checked agreement ------------------------------------------


def corporations(agreement: Agreement) -> list[Party]:
    return [p for p in agreement.parties if p.role == "corporatie"]


def scope(
    law: Agreement,
    context: Agreement,
    years: Iterable[int],
    *,
    parties: Iterable[str] = (),
    title: str = "",
) -> Agreement | None:
    """The national rules for ``context``'s corporations (or, when the national rule set is itself
    checked, the ``parties`` of the figures), for ``years``; None when there is no one to check."""
    if context.national:
        members = [Party(p, p, "corporatie") for p in sorted(set(parties))]
    else:
        members = corporations(context)
    labels = [str(y) for y in sorted(set(years))]
    if not members or not labels:
        return None
    ids = [p.id for p in members]
    rules = []
    for rule in law.rules:
        check = dict(rule.check)
        check["parties"] = ids
        check["periods"] = labels
        check.pop("window", None)
        rules.append(replace(rule, check=check, trekker=tuple(ids), applies_to=context.id))
    return replace(
        law,
        title=title or law.title,
        parties=tuple(members),
        rules=tuple(rules),
        period=context.period,
        overrides=context.overrides,
    )


def for_display(law: Agreement, scopes: Iterable[Agreement], title: str) -> Agreement:
    """The national rule set as the renderers see it: every corporation it was applied to."""
    members: dict[str, Party] = {}
    for scoped in scopes:
        for p in scoped.parties:
            members.setdefault(p.id, p)
    return replace(law, title=title, parties=tuple(members.values()))


# -- evaluation -------------------------------------------------------------------------------


def periods(rule: Rule, agreement: Agreement) -> list[Period]:
    from prestatiecheck.checks.base import periods_of, window_of

    if rule.kind == "deadline":
        years = window_of(rule, agreement).split("year")
        wanted = rule.check.get("periods")
        if isinstance(wanted, list):  # scoped to the years of the figures
            years = [y for y in years if y.label in {str(w) for w in wanted}]
        return years
    if rule.check.get("average_per_year") or rule.kind == "target":
        return [window_of(rule, agreement)]
    return periods_of(rule, agreement)


def resolved(rule: Rule, period: Period, law: Agreement | None, agreement: Agreement) -> Rule | str | None:
    """The rule for one period with every national limit replaced by the value in force.

    Returns the parameter name when a cited value has none for the period, None when the rule
    itself is not in force then.
    """
    if not in_force(rule, period):
        return None
    check = dict(rule.check)
    values: dict[str, NationalValue] = {}
    for bound, name in cited(check).items():
        found = (
            value_in_force(law, name, period, agreement.overrides, agreement.period)
            if law is not None
            else None
        )
        if found is None:
            return name
        check[bound] = found.value
        values[name] = found
    for name in rule.shows:
        found = value_in_force(law, name, period) if law is not None else None
        if found is not None:
            values.setdefault(name, replace(found, cited=False))
    if rule.kind == "deadline":
        check["window"] = period.label
    elif rule.kind != "target" and not check.get("average_per_year"):
        check["periods"] = [period.label]
    return replace(rule, check=check, national_values=values)


def evaluate(rule: Rule, ctx: Any, law: Agreement | None) -> Iterator[Result]:
    """Results of a dated rule or one citing national values, period by period."""
    from prestatiecheck import checks
    from prestatiecheck.checks.base import scopes

    kind = checks.get(rule.kind)
    for period in periods(rule, ctx.agreement):
        concrete = resolved(rule, period, law, ctx.agreement)
        if concrete is None:
            continue
        if isinstance(concrete, str):
            for party in scopes(rule):
                yield _no_value(rule, party, period, concrete, ctx.as_of)
            continue
        for result in kind.evaluate(concrete, ctx):
            if result.detail == "overdue_no_date":
                # The law is applied without being asked: a statutory deadline for which the
                # figures record no date is unknown (no data), not missed; a date recorded after
                # the deadline is.
                result = replace(result, status=Status.NO_DATA)
            yield result


def _no_value(rule: Rule, party: str | None, period: Period, parameter: str, as_of: date) -> Result:
    not_started = period.start > as_of
    return Result(
        rule=rule,
        party=party,
        project=None,
        period=period.label,
        status=Status.PENDING if not_started else Status.NO_DATA,
        detail="not_started" if not_started else "national_value_missing",
        unit="",
        provisional=not period.has_ended(as_of),
        facts={"parameter": parameter},
    )
