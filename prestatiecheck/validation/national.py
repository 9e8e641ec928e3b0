"""National law in ``validate``: the national rule file's own consistency, and every agreement's
local norms held against the law in force for their periods.

File level (errors): a dated value that ends before it starts, two values of one parameter in
force on the same day, a value or a limit that names an unknown parameter.

Catalogue level (``law_problems``): a limit ``{national: name}`` or an agreement's ``national:``
setting that names no parameter is an error; as warnings, naming the rule and the national norm
with its source: an agreement setting a parameter beyond what the law allows, a local norm
beyond the lawful value of its period (``local_norms`` in the national file says which local
norms correspond to which parameter), a local limit that differs from the statutory one, and a
local cap called statutory ("wettelijk", "Woningwet") for a period in which the law had none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from prestatiecheck.i18n import did_you_mean, pick, t
from prestatiecheck.loading.yamlsafe import where
from prestatiecheck.model import Agreement, Catalogue, DatedValue, LegalSource, Location, Problem, Rule
from prestatiecheck.periods import Period, PeriodError

STATUTORY_WORDS = ("wettelijk", "woningwet", "statutory")


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None


def national_file_problems(data: Mapping[str, Any], root: Location) -> list[Problem]:
    problems: list[Problem] = []
    parameters = data.get("parameters") or {}
    names = set(parameters)
    for name, spec in parameters.items():
        loc = where(parameters, name, root)
        spans: list[tuple[date, date | None, Any]] = []
        for i, raw in enumerate(spec.get("values") or []):
            vloc = where(spec["values"], i, loc)
            start, end = _date(raw.get("valid_from")), _date(raw.get("valid_to"))
            for key in ("valid_from", "valid_to"):
                if raw.get(key) is not None and _date(raw.get(key)) is None:
                    problems.append(
                        Problem(where(raw, key, vloc), t("national_bad_date", value=raw.get(key)))
                    )
            if start and end and end < start:
                problems.append(Problem(where(raw, "valid_to", vloc), t("national_ends_before_start")))
            other = raw.get("complement_of")
            if other and other not in names:
                problems.append(
                    Problem(
                        where(raw, "complement_of", vloc),
                        t("national_unknown_parameter", parameter=other) + did_you_mean(other, names),
                    )
                )
            if start:
                spans.append((start, end, vloc))
        spans.sort(key=lambda x: x[0])
        for (_s1, e1, _), (s2, _e2, loc2) in zip(spans, spans[1:], strict=False):
            if e1 is None or s2 <= e1:
                problems.append(Problem(loc2, t("national_overlap", parameter=name, day=s2.isoformat())))
    for i, rule in enumerate(data.get("rules") or []):
        rloc = where(data["rules"], i, root)
        start, end = _date(rule.get("valid_from")), _date(rule.get("valid_to"))
        if start and end and end < start:
            problems.append(Problem(where(rule, "valid_to", rloc), t("national_ends_before_start")))
        check = rule.get("check") or {}
        cited = [v["national"] for v in (check.get("max"), check.get("min")) if isinstance(v, Mapping)]
        for name in [*cited, *(rule.get("shows") or [])]:
            if name not in names:
                problems.append(
                    Problem(rloc, t("national_unknown_parameter", parameter=name) + did_you_mean(name, names))
                )
    return problems


# -- the catalogue: local norms against the law --------------------------------------------------


def source_text(source: LegalSource) -> str:
    """'Woningwet art. 48 lid 1, versie 1 januari 2022' (or the publication), without the link."""
    from prestatiecheck.rendering.national_text import source as text

    return text(source, link=False)


def law_problems(catalogue: Catalogue) -> list[Problem]:
    law = catalogue.national
    if law is None:
        return []
    problems: list[Problem] = []
    for agreement in catalogue.agreements.values():
        if agreement.national:
            continue
        problems += _references(agreement, law)
        problems += _overrides(agreement, law)
        problems += _local_norms(agreement, law)
    return problems


def _loc(agreement: Agreement, rule: Rule | None = None) -> Location:
    from prestatiecheck.loading.resources import display_path

    return (
        rule.location if rule is not None and rule.location.file else Location(display_path(agreement.file))
    )


def _references(agreement: Agreement, law: Agreement) -> list[Problem]:
    from prestatiecheck.national import cited

    out = []
    for rule in agreement.rules:
        for name in [*cited(rule.check).values(), *rule.shows]:
            if name not in law.parameters:
                out.append(
                    Problem(
                        _loc(agreement, rule),
                        t("national_unknown_parameter", parameter=name) + did_you_mean(name, law.parameters),
                    )
                )
    return out


def _years(period: Period) -> list[Period]:
    return period.split("year")


def _overrides(agreement: Agreement, law: Agreement) -> list[Problem]:
    from prestatiecheck.national import dated, lawful, lawful_range
    from prestatiecheck.rendering.national_text import amount

    out: list[Problem] = []
    for name, override in agreement.overrides.items():
        parameter = law.parameters.get(name)
        if parameter is None:
            out.append(
                Problem(
                    _loc(agreement),
                    t("national_unknown_parameter", parameter=name) + did_you_mean(name, law.parameters),
                )
            )
            continue
        for year in _years(agreement.period):
            found = dated(parameter, year.end)
            if found is None or found.complement_of or lawful(found, override.value):
                continue
            low, high = lawful_range(found)
            unit = parameter.unit
            out.append(
                Problem(
                    _loc(agreement),
                    t(
                        "national_override_unlawful",
                        parameter=name,
                        value=amount(override.value, unit),
                        article=override.article,
                        period=year.label,
                        law=amount(found.value, unit),
                        low=amount(low, unit),
                        high=amount(high, unit),
                        source=source_text(found.source),
                    ),
                    severity="warning",
                )
            )
    return out


def _rule_periods(rule: Rule, agreement: Agreement) -> list[Period]:
    from prestatiecheck.checks.base import periods_of, window_of

    try:
        if rule.check.get("average_per_year"):
            return window_of(rule, agreement).split("year")
        found = periods_of(rule, agreement)
    except (PeriodError, KeyError, ValueError):
        return []
    out: list[Period] = []
    for p in found:
        out.extend(p.split("year") if p.kind == "window" else [p])
    return out


def _matches(rule: Rule, norm: Mapping[str, Any]) -> bool:
    check = rule.check
    if check.get("kind") != norm["kind"]:
        return False
    metric = check.get("numerator") if norm["kind"] == "share" else check.get("metric")
    limit = check.get(norm["bound"])
    return metric == norm["metric"] and limit is not None and not isinstance(limit, Mapping)


def _local_norms(agreement: Agreement, law: Agreement) -> list[Problem]:
    from prestatiecheck.national import value_in_force

    out: list[Problem] = []
    for norm in law.local_norms:
        parameter = law.parameters.get(norm["parameter"])
        if parameter is None:
            continue
        for rule in agreement.rules:
            if not _matches(rule, norm):
                continue
            local = Decimal(str(rule.check[norm["bound"]]))
            for period in _rule_periods(rule, agreement):
                found = value_in_force(law, parameter.name, period, agreement.overrides, agreement.period)
                problem = _compare(law, norm, rule, local, period, found)
                if problem is not None:
                    out.append(Problem(_loc(agreement, rule), problem, severity="warning"))
    return _once(out)


def lawful_bounds(law: Agreement, value: Any, period: Period) -> tuple[Decimal | None, Decimal | None]:
    """The lowest and highest value prestatieafspraken may lawfully use for the period."""
    from prestatiecheck.national import HUNDRED, dated, lawful_range

    found: DatedValue = value.dated
    if not found.complement_of:
        return lawful_range(found)
    other = law.parameters.get(found.complement_of)
    inner = dated(other, period.end) if other is not None else None
    if inner is None:
        return None, None
    low, high = lawful_range(inner)
    return (HUNDRED - high if high is not None else None, HUNDRED - low if low is not None else None)


def _compare(
    law: Agreement, norm: Mapping[str, Any], rule: Rule, local: Decimal, period: Period, found: Any
) -> str | None:
    compare = norm["compare"]
    name = norm["parameter"]
    if compare == "claimed_statutory":
        text = " ".join([rule.title, rule.source.quote, rule.note, rule.note_en]).casefold()
        if found is None and any(w in text for w in STATUTORY_WORDS):
            return t("national_claimed_not_in_force", rule=rule.id, parameter=name, period=period.label)
        return None
    if found is None:
        return None
    low, high = lawful_bounds(law, found, period)
    from prestatiecheck.rendering.national_text import amount

    unit = law.parameters[name].unit
    common = dict(
        rule=rule.id,
        period=period.label,
        local=amount(local, unit),
        parameter=name,
        source=source_text(found.dated.source),
    )
    if compare == "above_lawful" and high is not None and local > high:
        return t("national_local_above", law=amount(high, unit), **common)
    if compare == "below_lawful" and low is not None and local < low:
        return t("national_local_below", law=amount(low, unit), **common)
    if compare == "differs" and local != found.value:
        return t("national_local_differs", law=amount(found.value, unit), **common)
    return None


def _once(problems: Iterable[Problem]) -> list[Problem]:
    seen: dict[tuple[Location, str], Problem] = {}
    for p in problems:
        seen.setdefault((p.location, p.message), p)
    return list(seen.values())


def pending_mentions(law: Agreement | None, rule: Rule) -> list[str]:
    """The pending laws a rule's text mentions, in words (for explain and reports)."""
    if law is None:
        return []
    text = " ".join([rule.title, rule.source.quote, rule.note, rule.note_en]).casefold()
    out = []
    for pending in law.pending:
        if any(m.casefold() in text for m in pending.mentions):
            from prestatiecheck.rendering.national_text import source

            out.append(
                t(
                    "national_pending_mention",
                    title=pending.title,
                    status=pick(pending.status, pending.status_en),
                )
                + f" ({source(pending.source)})"
            )
    return out
