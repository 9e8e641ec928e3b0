"""Results flattened into records: shared by the JSON, CSV and report renderers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import t
from prestatiecheck.model import Agreement, Result, Rule, Status
from prestatiecheck.rendering.formatting import to_decimal
from prestatiecheck.rendering.present import present

JSON_DECIMALS = 4


def visible(evaluation: Evaluation, quiet: bool) -> list[Result]:
    return visible_of(evaluation.results, quiet)


def visible_of(results: list[Result], quiet: bool) -> list[Result]:
    """The results shown: with --quiet only what is not met or at risk."""
    if not quiet:
        return results
    return [r for r in results if r.status in (Status.NOT_MET, Status.AT_RISK)]


def machine_number(value: Any, decimals: int | None = None) -> Any:
    """A JSON/CSV-ready number or ISO date; fractions rounded to enough decimals for the verdict."""
    kind = type(value)
    if kind is int or value is None:
        return value
    if kind is Fraction:
        if value.denominator == 1:
            return int(value)
        d = to_decimal(value, max(JSON_DECIMALS, decimals or 0))
        return float(d)
    if kind is Decimal:
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def rule_fields(rule: Rule) -> dict[str, Any]:
    """The part of a record that is the same for every result of a rule."""
    return {
        "rule": rule.id,
        "agreement": rule.agreement_id,
        "ref": rule.ref,
        "title": rule.title,
        "theme": rule.theme,
        "kind": rule.kind,
        "obligation": rule.obligation,
        "reading": rule.reading,
        "source": {"document": rule.source.document, "article": rule.source.article},
    }


def record(
    result: Result, agreement: Agreement | None, fields: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        **(fields if fields is not None else rule_fields(result.rule)),
        **result_fields(result, agreement),
    }


_FACT_NUMBERS = ("numerator", "denominator", "days_late", "days_left", "years_reported", "years")


def result_fields(result: Result, agreement: Agreement | None) -> dict[str, Any]:
    """The part of a record that is this result's own (everything after ``rule_fields``)."""
    shown = present(result, agreement)
    f = result.facts
    band = result.band
    # (machine_number is not called for what is None: most limits, targets and margins)
    limit, target, expected, margin = result.limit, result.target, result.expected, result.margin
    out: dict[str, Any] = {
        "party": result.party,
        "party_name": shown.party if result.project is None else shown.party.split(" · ")[0],
        "project": result.project,
        "period": result.period,
        "status": result.status._value_,
        "status_label": shown.status,
        "information": result.information,
        "value": machine_number(result.value, shown.decimals),
        "value_text": shown.value,
        "unit": result.unit,
        "bound": result.bound or None,
        "limit": None if limit is None else machine_number(limit),
        "target": None if target is None else machine_number(target),
        "expected": None if expected is None else machine_number(expected, 2),
        "band": [machine_number(x) for x in band] if band else None,
        "margin": None if margin is None else machine_number(margin),
        "norm_text": shown.norm,
        "provisional": result.provisional,
        "message": shown.message,
        "notes": [{"party": p, "note": n} for p, n in result.notes] if result.notes else [],
    }
    if f:
        for key in _FACT_NUMBERS:
            if key in f:
                out[key] = machine_number(f[key])
        if "missing" in f:
            out["missing"] = [{"metric": m, "period": p, "party": party} for m, p, party in f["missing"]]
        if "due" in f:
            out["due"] = f["due"].isoformat()
        if "parameter" in f:
            out["national_parameter"] = f["parameter"]
    rule = result.rule
    if rule.applies_to:
        out["applies_to"] = rule.applies_to  # the agreement whose corporations the national norm judged
        out["group"] = t("national_title")  # shown as its own group: "Wettelijke normen" / "National law"
    if rule.national_values:
        from prestatiecheck.rendering.national_text import record as national_record

        out["national_values"] = [national_record(v) for v in rule.national_values.values()]
    return out


def records(evaluation: Evaluation, quiet: bool = False) -> Iterator[dict[str, Any]]:
    agreements = evaluation.catalogue.agreements
    results = visible(evaluation, quiet)
    yield from records_of(results, lambda agreement_id: agreements.get(agreement_id))


def records_of(
    results: list[Result], agreement_of: Callable[[str], Agreement | None]
) -> Iterator[dict[str, Any]]:
    """The records of these results (the fields of a rule made once per rule)."""
    per_rule: dict[str, dict[str, Any]] = {}
    for result in results:
        rule = result.rule
        fields = per_rule.get(rule.id)
        if fields is None:
            fields = per_rule[rule.id] = rule_fields(rule)
        yield record(result, agreement_of(rule.agreement_id), fields)
