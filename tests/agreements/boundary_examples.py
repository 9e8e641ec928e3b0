"""Write boundary examples into the shipped rule files (run by hand: ``python -m tests.agreements.boundary_examples``).

For every rule without ``examples:`` it writes, under the rule, examples at its boundary: at the
limit, just past it, and without figures (for a deadline: on the due date, a day late, no date
after the due date, no date within the warning days). The expected statuses are derived here from
the documented status rules (docs/rule-format.md, "Statuses") and the rule's own threshold, never
from what the engine answers: ``prestatiecheck verify`` then holds the engine to them, and where
the two disagree a person looks at the rule (the examples are then corrected by hand, or the rule).
The engine is asked only for the shape of a rule's results (which party, period and due date a
result has), with no figures at all.

Rules that already have examples are left alone; so is every other line of the file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from prestatiecheck import checks
from prestatiecheck.checks.base import EvalContext, bound_of, margin_of, parties_of, window_of
from prestatiecheck.figureindex import FigureIndex
from prestatiecheck.loading.rules import load_catalogue
from prestatiecheck.loading.yamlsafe import load_yaml
from prestatiecheck.model import Agreement, Catalogue, Result, Rule
from prestatiecheck.periods import parse_period

MARGINS = {"share": Decimal(2), "band": Decimal(2), "project_share": Decimal(2)}


@dataclass
class Example:
    as_of: date
    note: str
    figures: list[tuple[Any, ...]]  # period, party, metric, value, project
    expect: list[dict[str, Any]]


# -- what the documentation says a value gives ------------------------------------------------


def spec_max(value: Decimal, limit: Decimal, margin: Decimal, strict: bool) -> str:
    """docs: value <= L - m met; L - m < value <= L at_risk; value > L not_met (strict: L too)."""
    if value > limit or (strict and value == limit):
        return "not_met"
    return "at_risk" if value > limit - margin else "met"


def spec_min(value: Decimal, limit: Decimal, margin: Decimal, strict: bool) -> str:
    if value < limit or (strict and value == limit):
        return "not_met"
    return "at_risk" if value < limit + margin else "met"


def spec(bound: str, value: Decimal, limit: Decimal, margin: Decimal, strict: bool) -> str:
    return (spec_max if bound == "max" else spec_min)(value, limit, margin, strict)


WORSE = ["met", "at_risk", "not_met"]


# -- the shape of a rule's results ----------------------------------------------------------------


def shape(catalogue: Catalogue, agreement: Agreement, rule: Rule, as_of: date) -> list[Result]:
    index = FigureIndex([], catalogue.vocabulary(agreement.id), catalogue.derivations_for(agreement.id))
    ctx = EvalContext(
        agreement=agreement, figures=index, metrics=catalogue.vocabulary(agreement.id), as_of=as_of
    )
    return list(checks.get(rule.kind).evaluate(rule, ctx))


def probe(rule: Rule, results: list[Result]) -> Result:
    """The result the examples are about: the first per-party result, else the joint one; for an
    afspraak that binds only jointly (joint_only) the joint one, the verdict."""
    joint = [r for r in results if r.party is None]
    if rule.check.get("joint_only") and joint:
        return joint[0]
    parties = [r for r in results if r.party is not None]
    return (parties or results)[0]


def who(result: Result) -> str:
    return result.party if result.party is not None else "joint"


def step_of(limit: Decimal) -> Decimal:
    exponent = limit.normalize().as_tuple().exponent
    return Decimal(1) if not isinstance(exponent, int) or exponent >= 0 else Decimal(10) ** exponent


def after(period_end: date) -> date:
    return period_end + timedelta(days=1)


# -- per kind ------------------------------------------------------------------------------------------


def _margin_cases(bound: str, limit: Decimal, margin: Decimal, step: Decimal) -> list[tuple[str, Decimal]]:
    """The limit, one step past it and, with a margin, the margin's edge and one step inside it."""
    sign = 1 if bound == "max" else -1
    cases = [("at the limit", limit), ("just past the limit", limit + sign * step)]
    if margin > 0:
        edge = limit - sign * margin
        cases += [("at the edge of the margin", edge), ("just inside the margin", edge + sign * step)]
    else:
        cases.append(("just inside the limit", limit - sign * step))
    return cases


def _pooled(rule: Rule, metrics: dict[str, Any], *names: str) -> bool:
    """Per-party figures that pool to the joint result (counts, a rule with a joint scope)."""
    scope = rule.check.get("scope") or ["party"]
    return "joint" in scope and all(n in metrics and metrics[n].unit == "count" for n in names)


def _share(
    rule: Rule, result: Result, as_of: date, metrics: dict[str, Any], project: str | None = None
) -> list[Example]:
    bound, limit = bound_of(rule.check)
    margin = margin_of(rule, MARGINS[rule.kind])
    strict = bool(rule.check.get("strict"))
    num, den = rule.check["numerator"], rule.check["denominator"]
    periods = _spread(rule, result)
    denominator = Decimal(10000)
    pooled = project is None and _pooled(rule, metrics, num, den)
    parties = parties_of(rule)
    scope = rule.check.get("scope") or ["party"]
    out: list[Example] = []
    for note, share in _margin_cases(bound, limit, margin, Decimal("0.01")):
        numerator = share * 100
        if not 0 <= numerator <= denominator:
            continue
        status = spec(bound, share, limit, margin, strict)
        if pooled:
            rows = [
                (pe, pa, m, v, None)
                for pa in parties
                for pe in periods
                for m, v in ((num, numerator), (den, denominator))
            ]
            shown = [r for r in [*(parties if "party" in scope else []), None]]
            expects = [_expect_for(pa, result.period, status, share) for pa in shown]
            note += ", every party and jointly (pooled)"
        else:
            rows = [
                (pe, result.party, m, v, project)
                for pe in periods
                for m, v in ((num, numerator), (den, denominator))
            ]
            expects = [_expect(result, status, share, project)]
        out.append(Example(as_of, f"{note}: {_n(share)}%", rows, expects))
    if project is None:
        out.append(Example(as_of, "no figures is no data, never zero", [], [_expect(result, "no_data")]))
    else:
        rows = [(p, result.party, den, denominator, project) for p in periods]
        out.append(
            Example(
                as_of, "without the numerator: no data", rows, [_expect(result, "no_data", project=project)]
            )
        )
    return out


def _band(rule: Rule, result: Result, as_of: date, metrics: dict[str, Any]) -> list[Example]:
    target, tolerance = Decimal(str(rule.check["target"])), Decimal(str(rule.check["tolerance"]))
    low, high = max(Decimal(0), target - tolerance), min(Decimal(100), target + tolerance)
    margin = margin_of(rule, MARGINS["band"])
    num, den = rule.check["numerator"], rule.check["denominator"]
    periods = _spread(rule, result)
    denominator = Decimal(10000)
    pooled = _pooled(rule, metrics, num, den)
    parties = parties_of(rule)
    scope = rule.check.get("scope") or ["party"]
    step = Decimal("0.01")
    cases = [(f"upper edge, {n}", v) for n, v in _margin_cases("max", high, margin, step)]
    cases += [(f"lower edge, {n}", v) for n, v in _margin_cases("min", low, margin, step)]
    out = []
    for note, share in cases:
        if not 0 <= share <= 100:
            continue
        numerator = share * 100
        status = max(
            spec_min(share, low, margin, False), spec_max(share, high, margin, False), key=WORSE.index
        )
        if pooled:
            rows = [
                (pe, pa, m, v, None)
                for pa in parties
                for pe in periods
                for m, v in ((num, numerator), (den, denominator))
            ]
            shown = [*(parties if "party" in scope else []), None]
            expects = [_expect_for(pa, result.period, status, share) for pa in shown]
            note += ", every party and jointly (pooled)"
        else:
            rows = [
                (pe, result.party, m, v, None)
                for pe in periods
                for m, v in ((num, numerator), (den, denominator))
            ]
            expects = [_expect(result, status, share)]
        out.append(Example(as_of, f"{note}: {_n(share)}%", rows, expects))
    out.append(Example(as_of, "no figures is no data, never zero", [], [_expect(result, "no_data")]))
    return out


def _value(rule: Rule, result: Result, as_of: date, metrics: dict[str, Any]) -> list[Example]:
    bound, limit = bound_of(rule.check)
    margin = margin_of(rule, Decimal(0))
    strict = bool(rule.check.get("strict"))
    metric = rule.check["metric"]
    step = step_of(limit)
    if margin > 0:
        step = min(step, step_of(margin))
    cases = _margin_cases(bound, limit, margin, step)
    out = []
    for note, value in cases:
        unsigned_count = metric in metrics and metrics[metric].unit == "count" and not metrics[metric].signed
        if value < 0 and unsigned_count:
            continue  # a count is 0 or more: no figure lies there
        status = spec(bound, value, limit, margin, strict)
        rows = [(result.period, result.party, metric, value, None)]
        out.append(Example(as_of, f"{note}: {_n(value)}", rows, [_expect(result, status, value)]))
    out.append(Example(as_of, "no figures is no data, never zero", [], [_expect(result, "no_data")]))
    return out


def _compare(rule: Rule, result: Result, as_of: date) -> list[Example]:
    left, op, right = rule.check["left"], rule.check["op"], rule.check["right"]
    base = Decimal(100)
    holds = {
        "<=": lambda a, b: a <= b,
        "<": lambda a, b: a < b,
        ">=": lambda a, b: a >= b,
        ">": lambda a, b: a > b,
        "==": lambda a, b: a == b,
    }[op]
    out = []
    for note, a in (("equal", base), ("left one more", base + 1), ("left one less", base - 1)):
        rows = [
            (result.period, result.party, left, a, None),
            (result.period, result.party, right, base, None),
        ]
        status = "met" if holds(a, base) else "not_met"
        out.append(Example(as_of, f"{note}: {_n(a)} {op} {_n(base)}", rows, [_expect(result, status, a)]))
    out.append(Example(as_of, "no figures is no data, never zero", [], [_expect(result, "no_data")]))
    return out


def _target(
    rule: Rule, agreement: Agreement, result: Result, as_of: date, metrics: dict[str, Any]
) -> list[Example]:
    from prestatiecheck.checks.target import targets_of

    target = targets_of(rule, agreement)[result.party]
    direction = rule.check.get("direction", "at_least")
    metric = rule.check["metric"]
    signed = (
        metrics[metric].signed
        or metrics[metric].name == "netto_toename"
        or bool(getattr(metrics[metric], "derived", False))
    )
    cases = [("exactly the target, after the window", target)]
    if direction == "at_least" and (target - 1 >= 0 or signed):
        cases.append(("one short, after the window", target - 1))
    if direction == "at_most":
        cases.append(("one over the cap, after the window", target + 1))
    out = []
    for note, value in cases:
        met = value >= target if direction == "at_least" else value <= target
        rows = [(result.period, result.party, metric, value, None)]
        out.append(
            Example(
                as_of,
                f"{note}: {_n(value)} of {_n(target)}",
                rows,
                [_expect(result, "met" if met else "not_met", value)],
            )
        )
    if direction == "at_most" and len(years := parse_period(result.period).split("year")) > 1:
        first = years[0]
        value = target + 1
        rows = [(first.label, result.party, metric, value, None)]
        note = f"over the cap while the window runs (after {first.label}): {_n(value)} of {_n(target)}"
        out.append(Example(after(first.end), note, rows, [_expect(result, "not_met", value)]))
    out.append(Example(as_of, "no figures is no data, never zero", [], [_expect(result, "no_data")]))
    return out


def _deadline(rule: Rule, result: Result) -> list[Example]:
    due: date = result.limit  # type: ignore[assignment]
    warning_days = int(rule.check.get("warning_days", 30))
    evidence = rule.check["evidence"]
    late = after(due)
    row = lambda done: [(result.period, result.party, evidence, done, None)]  # noqa: E731
    out = [
        Example(
            late,
            f"done on the due date ({due.isoformat()}) is in time",
            row(due),
            [_expect(result, "met", due)],
        ),
        Example(late, "done a day after the due date is late", row(late), [_expect(result, "not_met", late)]),
        Example(late, "no date once the due date has passed: not met", [], [_expect(result, "not_met")]),
    ]
    early = due - timedelta(days=warning_days + 1)
    out.append(
        Example(
            early,
            f"no date {warning_days + 1} days before the due date: pending",
            [],
            [_expect(result, "pending")],
        )
    )
    before = due - timedelta(days=1)
    soon = "at_risk" if warning_days >= 1 else "pending"
    out.append(
        Example(
            before,
            f"no date the day before the due date: {soon.replace('_', ' ')}",
            [],
            [_expect(result, soon)],
        )
    )
    return out


def _spread(rule: Rule, result: Result) -> list[str]:
    """The periods the figures of one example are given for: the result's own, or (a share averaged
    over the years of its window) each year of it, with the same values."""
    if rule.kind == "share" and rule.check.get("average_per_year"):
        return [y.label for y in parse_period(result.period).split("year")]
    return [result.period]


def _expect_for(party: str | None, period: str, status: str, value: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "party": party if party is not None else "joint",
        "period": period,
        "status": status,
    }
    if value is not None:
        out["value"] = value
    return out


def _expect(result: Result, status: str, value: Any = None, project: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"party": who(result), "period": result.period}
    if project is not None:
        out["project"] = project
    out["status"] = status
    if value is not None:
        out["value"] = value
    return out


def _n(value: Decimal) -> str:
    text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return text


# -- a rule's examples, and the text that goes into its file ---------------------------------------------


def examples_for(catalogue: Catalogue, agreement: Agreement, rule: Rule) -> list[Example]:
    window = window_of(rule, agreement)
    far = after(window.end)
    metrics = catalogue.vocabulary(agreement.id)
    if rule.kind == "deadline":
        results = shape(catalogue, agreement, rule, date(window.end.year + 5, 12, 31))
        return _deadline(rule, probe(rule, results)) if results else []
    if rule.kind == "project_share":
        probe_result = Result(
            rule=rule,
            party=parties_of(rule)[0] if rule.check.get("parties") else None,
            project="project-a",
            period=str(window.split("year")[0].label),
            status=None,  # type: ignore[arg-type]
            detail="",
        )
        return _share(rule, probe_result, far, metrics, project="project-a")
    results = shape(catalogue, agreement, rule, far)
    if not results:
        return []
    result = probe(rule, results)
    if rule.kind == "share":
        return _share(rule, result, far, metrics)
    if rule.kind == "band":
        return _band(rule, result, far, metrics)
    if rule.kind in ("value", "count"):
        return _value(rule, result, far, metrics)
    if rule.kind == "compare":
        return _compare(rule, result, far)
    if rule.kind == "target":
        return _target(rule, agreement, result, far, metrics)
    return []


def _yaml_value(value: Any) -> str:
    if value is None:
        return '""'
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _n(value)
    text = str(value)
    return text if text.replace("-", "").replace("_", "").isalnum() and not text.isdigit() else f'"{text}"'


def _flow(items: Iterable[tuple[str, Any]]) -> str:
    return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in items) + "}"


def examples_text(examples: list[Example], indent: str) -> str:
    lines = [f"{indent}examples:"]
    for ex in examples:
        lines.append(f"{indent}  - as_of: {ex.as_of.isoformat()}")
        lines.append(f"{indent}    note: {json.dumps(ex.note, ensure_ascii=False)}")
        if ex.figures:
            lines.append(f"{indent}    figures:")
            for period, party, metric, value, project in ex.figures:
                items: list[tuple[str, Any]] = [
                    ("period", period),
                    ("party", party),
                    ("metric", metric),
                    ("value", value),
                ]
                if project is not None:
                    items.append(("project", project))
                lines.append(f"{indent}      - {_flow(items)}")
        else:
            lines.append(f"{indent}    figures: []")
        lines.append(f"{indent}    expect:")
        for expect in ex.expect:
            lines.append(f"{indent}      - {_flow(expect.items())}")
    return "\n".join(lines) + "\n"


def write(path: Path, inserts: dict[int, str]) -> None:
    """``inserts``: line number (1-based, the rule's first line) -> examples text for that rule."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = sorted(inserts)
    data, _ = load_yaml(path, str(path))
    rule_lines = sorted(data["rules"].item_locations[i].line for i in range(len(data["rules"])))
    out = list(lines)
    for start in reversed(starts):
        following = [n for n in rule_lines if n > start]
        end = (following[0] - 1) if following else _end_of_rules(lines, start)
        # the rule's block ends at its last line that is neither blank nor a comment
        last = end
        while last > start and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
            last -= 1
        out[last:last] = [inserts[start]]
    path.write_text("".join(out), encoding="utf-8")


def _end_of_rules(lines: list[str], start: int) -> int:
    for n in range(start, len(lines)):
        text = lines[n]
        if text.strip() and not text.startswith((" ", "#", "-")):
            return n  # the next top-level key, 1-based line before it
    return len(lines)


def main(argv: list[str]) -> int:
    catalogue = load_catalogue(strict=True)
    wanted = set(argv)
    for agreement in catalogue.agreements.values():
        if wanted and agreement.id not in wanted:
            continue
        data, _ = load_yaml(agreement.file, str(agreement.file))
        has = {str(r.get("ref")) for r in data["rules"] if r.get("examples")}
        inserts: dict[int, str] = {}
        for rule in agreement.rules:
            if rule.ref in has:
                continue
            made = examples_for(catalogue, agreement, rule)
            if not made:
                print(f"{rule.id}: no examples made", file=sys.stderr)
                continue
            indent = " " * (rule.location.col - 1)
            inserts[rule.location.line] = examples_text(made, indent)
        write(agreement.file, inserts)
        print(f"{agreement.id}: examples on {len(inserts)} rule(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
