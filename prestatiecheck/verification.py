"""Examples as tests: every rule's ``examples:`` evaluated, and the ones that do not hold reported.

An example is a few figures, an as-of date and the results they must give::

    examples:
      - as_of: 2024-04-15
        figures:
          - {period: 2022, party: alliantie, metric: verhuringen_urgent, value: 50}
          - {period: 2022, party: alliantie, metric: verhuringen_totaal, value: 100}
        expect:
          - {party: alliantie, period: 2022, status: at_risk, value: 50}

Each ``expect`` entry selects the rule's results by the keys it gives (``party``: a party id,
or ``joint``; ``period``; ``project``) and says the status (and optionally the value) every
selected result must have; an entry that selects nothing fails too. The figures go through
the same checks as a figures file, so an example can never hold figures a user could not
give. Nothing here prints: the CLI (cli/verify.py) reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck import checks
from prestatiecheck.checks.base import EvalContext
from prestatiecheck.figureindex import FigureIndex
from prestatiecheck.i18n import t
from prestatiecheck.loading.figures import RawRow
from prestatiecheck.loading.resources import display_path
from prestatiecheck.loading.yamlsafe import load_yaml, where
from prestatiecheck.model import Agreement, Catalogue, Location, Problem, Result

STATUSES = ("met", "at_risk", "not_met", "no_data", "pending")


@dataclass
class VerifyOutcome:
    failures: list[Problem] = field(default_factory=list)
    examples: int = 0
    rules_with_examples: int = 0
    without_examples: list[str] = field(default_factory=list)  # rule ids


def verify(catalogue: Catalogue, agreement_ids: Sequence[str], rule_ids: Sequence[str] = ()) -> VerifyOutcome:
    """Evaluate every example of the selected agreements (or rules) and collect what fails."""
    outcome = VerifyOutcome()
    for agreement_id in agreement_ids:
        agreement = catalogue.agreements[agreement_id]
        raw = _raw_rules(agreement)
        for rule in agreement.rules:
            if rule_ids and rule.id not in rule_ids:
                continue
            examples = raw.get(rule.ref)
            if not examples:
                outcome.without_examples.append(rule.id)
                continue
            outcome.rules_with_examples += 1
            for index, example in enumerate(examples):
                outcome.examples += 1
                loc = where(examples, index, rule.location)
                outcome.failures += _check_example(catalogue, agreement, rule.ref, example, loc)
    outcome.failures.sort()
    return outcome


def _raw_rules(agreement: Agreement) -> dict[str, Any]:
    """Each rule's ``examples`` as read from its file, with their positions."""
    data, _ = load_yaml(agreement.file, display_path(agreement.file))
    out: dict[str, Any] = {}
    for raw in (data or {}).get("rules") or []:
        if isinstance(raw, Mapping) and raw.get("examples"):
            out[str(raw.get("ref"))] = raw["examples"]
    return out


def _as_of(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _check_example(
    catalogue: Catalogue, agreement: Agreement, ref: str, example: Any, loc: Location
) -> list[Problem]:
    from prestatiecheck.validation.figures import convert_rows

    rule = next(r for r in agreement.rules if r.ref == ref)
    if not isinstance(example, Mapping):
        return [Problem(loc, t("example_not_mapping"))]
    as_of = _as_of(example.get("as_of"))
    if as_of is None:
        return [Problem(where(example, "as_of", loc), t("example_bad_as_of", value=example.get("as_of")))]
    rows = []
    figures_raw = example.get("figures") or []
    for i, row in enumerate(figures_raw):
        row_loc = where(figures_raw, i, loc)
        if not isinstance(row, Mapping):
            return [Problem(row_loc, t("example_not_mapping"))]
        rows.append(
            RawRow(
                place=row_loc,
                period=row.get("period"),
                party=row.get("party"),
                metric=row.get("metric"),
                value=row.get("value"),
                number_style="native",
                agreement=agreement.id,
                project=row.get("project"),
                value_location=where(row, "value", row_loc),
            )
        )
    checked = convert_rows(rows, catalogue, [agreement.id], agreement.id, list(catalogue.agreements))
    if checked.problems:
        return [p for p in checked.problems if p.severity == "error"] or []
    index = FigureIndex(
        checked.figures, catalogue.vocabulary(agreement.id), catalogue.derivations_for(agreement.id)
    )
    ctx = EvalContext(
        agreement=agreement, figures=index, metrics=catalogue.vocabulary(agreement.id), as_of=as_of
    )
    from prestatiecheck import national

    if national.applies(rule):  # a limit from the national rule set, or a dated rule
        results = list(national.evaluate(rule, ctx, catalogue.national))
    else:
        results = list(checks.get(rule.kind).evaluate(rule, ctx))
    problems: list[Problem] = []
    expectations = example.get("expect") or []
    if not expectations:
        return [Problem(loc, t("example_no_expect"))]
    for i, expect in enumerate(expectations):
        expect_loc = where(expectations, i, loc)
        problems += _check_expectation(expect, expect_loc, results, as_of)
    return problems


def _selects(expect: Mapping[str, Any], result: Result) -> bool:
    if "party" in expect:
        wanted = str(expect["party"]).strip()
        party = result.party or "joint"
        if wanted.lower() in ("joint", "gezamenlijk", ""):
            wanted = "joint"
        if party != wanted:
            return False
    if "period" in expect and str(expect["period"]).strip() != result.period:
        return False
    return not ("project" in expect and str(expect["project"]).strip() != (result.project or ""))


def _describe(result: Result) -> str:
    who = result.party or "joint"
    where_ = f"{who} {result.period}" + (f" {result.project}" if result.project else "")
    return f"{where_}: {result.status.value}" + (
        f" ({_show(result.value)})" if result.value is not None else ""
    )


def _show(value: Any) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{float(value):.4g}"
    return str(value)


def _same_value(expected: Any, actual: Any) -> bool:
    if actual is None:
        return expected is None
    if isinstance(actual, date):
        return _as_of(expected) == actual
    try:
        return Fraction(str(expected)) == Fraction(actual if not isinstance(actual, Decimal) else str(actual))
    except (ValueError, TypeError, ZeroDivisionError):
        return False


def _check_expectation(expect: Any, loc: Location, results: list[Result], as_of: date) -> list[Problem]:
    if not isinstance(expect, Mapping) or str(expect.get("status")) not in STATUSES:
        status = expect.get("status") if isinstance(expect, Mapping) else expect
        return [Problem(loc, t("example_bad_status", status=status, known=", ".join(STATUSES)))]
    selected = [r for r in results if _selects(expect, r)]
    if not selected:
        got = "; ".join(_describe(r) for r in results) or "-"
        return [Problem(loc, t("example_selects_nothing", got=got))]
    problems = []
    for result in selected:
        wrong_status = result.status.value != expect["status"]
        wrong_value = "value" in expect and not _same_value(expect["value"], result.value)
        if wrong_status or wrong_value:
            wanted = str(expect["status"]) + (f" ({expect['value']})" if "value" in expect else "")
            problems.append(
                Problem(
                    loc, t("example_failed", wanted=wanted, got=_describe(result), as_of=as_of.isoformat())
                )
            )
    return problems
