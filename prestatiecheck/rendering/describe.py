"""A rule's check in words: the threshold, the scope and the periods (for list, explain and reports)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from prestatiecheck import checks
from prestatiecheck.checks.base import periods_of, window_of
from prestatiecheck.i18n import t
from prestatiecheck.model import Agreement, Metric, Rule
from prestatiecheck.rendering import formatting as fmt


def _national(value: Any) -> str | None:
    """A limit that names a national parameter, in words; None for a number."""
    if isinstance(value, Mapping) and value.get("national"):
        return t("describe_national_limit", parameter=value["national"])
    return None


def _pct(value: Any) -> str:
    named = _national(value)
    if named is not None:
        return named
    d = Decimal(str(value))
    places = max(0, -int(d.normalize().as_tuple().exponent)) if d != d.to_integral_value() else 0
    return fmt.percent(d, places)


def _places(value: Decimal, unit: str) -> int:
    places = max(0, -int(value.normalize().as_tuple().exponent)) if value != value.to_integral_value() else 0
    return max(places, 2) if unit == "eur" else places


def threshold(rule: Rule, agreement: Agreement, vocabulary: Mapping[str, Metric] | None = None) -> str:
    """The check in words; with the vocabulary, limits are shown in their unit (EUR, years ...)."""
    c = rule.check
    kind = rule.kind
    if kind in ("share", "project_share"):
        bound = "max" if c.get("max") is not None else "min"
        text = t(
            f"describe_share_{bound}" + ("_strict" if c.get("strict") else ""),
            numerator=c["numerator"],
            denominator=c["denominator"],
            limit=_pct(c[bound]),
        )
        if kind == "project_share":
            text += t("describe_per_project")
        if c.get("average_per_year"):
            text += t("describe_average_per_year")
        return text
    if kind == "band":
        return t(
            "describe_band",
            numerator=c["numerator"],
            denominator=c["denominator"],
            target=_pct(c["target"]),
            tolerance=fmt.number(Decimal(str(c["tolerance"]))),
        )
    if kind in ("value", "count"):
        bound = "max" if c.get("max") is not None else "min"
        metric = (vocabulary or agreement.metrics).get(c["metric"])
        named = _national(c[bound])
        if named is not None:
            return t(
                f"describe_value_{bound}" + ("_strict" if c.get("strict") else ""),
                metric=c["metric"],
                limit=named,
            )
        limit = Decimal(str(c[bound]))
        unit = metric.unit if metric else ""
        from prestatiecheck.rendering.present import show_amount

        return t(
            f"describe_value_{bound}" + ("_strict" if c.get("strict") else ""),
            metric=c["metric"],
            limit=show_amount(limit, unit, _places(limit, unit)),
        )
    if kind == "compare":
        return t("describe_compare", left=c["left"], op=c["op"], right=c["right"])
    if kind == "target":
        from prestatiecheck.checks.target import targets_of
        from prestatiecheck.rendering.present import party_name

        targets = targets_of(rule, agreement)
        parts = ", ".join(f"{party_name(agreement, p)} {fmt.number(v, 0)}" for p, v in targets.items())
        key = "describe_target_at_most" if c.get("direction") == "at_most" else "describe_target"
        text = t(key, metric=c["metric"], window=window_of(rule, agreement).label, targets=parts)
        if c.get("per_year"):
            text += t("describe_per_year")
        return text
    if kind == "deadline":
        from prestatiecheck.checks.deadline import occurrences

        dates = ", ".join(fmt.long_date(o.due) for o in occurrences(rule, agreement)[:6])
        recurrence = c.get("recurrence", "once")
        due = str(c.get("due") or "").strip()
        text = (
            t("describe_deadline", evidence=c["evidence"], due=due, dates=dates)
            if due
            else t("describe_deadline_period_end", evidence=c["evidence"], dates=dates)
        )
        if recurrence != "once":
            text += t(f"describe_recurrence_{recurrence.replace('-', '_')}")
        if c.get("reports_on") == "previous":
            text += t("describe_reports_on_previous")
        if c.get("working_day"):
            text += t("describe_working_day")
        return text
    return kind


def scope(rule: Rule, agreement: Agreement) -> str:
    from prestatiecheck.checks.base import parties_of
    from prestatiecheck.rendering.present import party_name

    wanted = rule.check.get("scope") or ["party"]
    names = ", ".join(party_name(agreement, p) for p in parties_of(rule))
    parts = []
    if "party" in wanted:
        parts.append(t("scope_per_party", parties=names))
    if "joint" in wanted:
        parts.append(t("scope_joint", parties=names))
    if rule.kind == "project_share":
        parts = [t("scope_per_project")]
    return "; ".join(parts)


def periods(rule: Rule, agreement: Agreement) -> str:
    if agreement.national and not rule.applies_to:
        return t("describe_national_periods") + validity(rule)
    if rule.kind in ("deadline", "project_share"):
        return window_of(rule, agreement).label
    if rule.kind == "target":
        window = window_of(rule, agreement)
        return (
            ", ".join(p.label for p in window.split("year")) if rule.check.get("per_year") else window.label
        )
    if rule.check.get("average_per_year"):
        return window_of(rule, agreement).label
    return ", ".join(p.label for p in periods_of(rule, agreement))


def validity(rule: Rule) -> str:
    """' (in force from 1 July 2015 to 31 December 2021)' for a dated rule, else ''."""
    if rule.valid_from and rule.valid_to:
        return t(
            "describe_valid_from_to", start=fmt.long_date(rule.valid_from), end=fmt.long_date(rule.valid_to)
        )
    if rule.valid_from:
        return t("describe_valid_from", start=fmt.long_date(rule.valid_from))
    if rule.valid_to:
        return t("describe_valid_to", end=fmt.long_date(rule.valid_to))
    return ""


def needed_metrics(rule: Rule) -> list[str]:
    return list(checks.get(rule.kind).metrics(rule.check))
