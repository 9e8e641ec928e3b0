"""Which figures a rule reads: (metric, period, party) for every result it gives.

This follows the check kinds (``checks/*``) and the figure lookup
(``figureindex``): a per-party result reads that party's figure; a joint result
of a count is the sum of the parties' figures (so each party supplies its own),
while a joint amount, share input or date that cannot be added up is one joint
figure (party ``gezamenlijk`` in a figures file). ``project_share`` reads one
figure per project, which no rule can list in advance: its needs are marked
``per_project``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from prestatiecheck import checks
from prestatiecheck.checks.base import parties_of, periods_of, scopes, window_of
from prestatiecheck.model import Agreement, Metric, Rule
from prestatiecheck.periods import Period


@dataclass(frozen=True, order=True)
class Need:
    metric: str
    period: Period
    party: str | None  # None: one joint figure
    per_project: bool = False
    due: date | None = None  # deadline evidence: the due date it answers


def rule_needs(rule: Rule, agreement: Agreement, metrics: Mapping[str, Metric]) -> list[Need]:
    """Every figure the rule reads, without duplicates, in the order the rule reads them."""
    return list(dict.fromkeys(_needs(rule, agreement, metrics)))


def _needs(rule: Rule, agreement: Agreement, metrics: Mapping[str, Metric]) -> Iterator[Need]:
    check = rule.check
    parties = parties_of(rule)
    wanted = check.get("scope") or ["party"]
    kind = rule.kind
    if kind == "deadline":
        from prestatiecheck.checks.deadline import occurrences

        for occurrence in occurrences(rule, agreement):
            for party in scopes(rule):
                for need in _scoped(check["evidence"], occurrence.period, party, parties, wanted, metrics):
                    yield Need(need.metric, need.period, need.party, due=occurrence.due)
        return
    if kind == "project_share":
        window = window_of(rule, agreement)
        for year in window.split("year"):
            for party in check.get("parties") or rule.trekker:
                for metric in checks.get(kind).metrics(check):
                    yield Need(metric, year, party, per_project=True)
        return
    if kind == "target":
        from prestatiecheck.checks.target import targets_of

        targets = targets_of(rule, agreement)
        # Figures come per year; the window's total and a running window's trajectory add them up.
        for year in window_of(rule, agreement).split("year"):
            for party in scopes(rule):
                if party in targets:
                    yield from _scoped(check["metric"], year, party, parties, wanted, metrics)
        return
    if check.get("average_per_year"):
        periods = window_of(rule, agreement).split("year")
    else:
        periods = periods_of(rule, agreement)
    for period in periods:
        for party in scopes(rule):
            for metric in checks.get(kind).metrics(check):
                yield from _scoped(metric, period, party, parties, wanted, metrics)


def _scoped(
    metric: str,
    period: Period,
    party: str | None,
    parties: list[str],
    wanted: list[str],
    metrics: Mapping[str, Metric],
) -> Iterator[Need]:
    """What ``FigureIndex.scoped`` reads for one party, or for the joint result."""
    if party is not None:
        yield Need(metric, period, party)
        return
    found = metrics.get(metric)
    unit = found.unit if found else ""
    if parties and found is not None and found.additive:
        for p in parties:  # a joint count is the parties' counts added up
            yield Need(metric, period, p)
    elif parties and unit == "date" and "party" in wanted:
        for p in parties:  # a joint date is the last party's date; the per-party rows give it
            yield Need(metric, period, p)
    else:
        yield Need(metric, period, None)


def within(need: Need, period: Period, metrics: Mapping[str, Metric]) -> Need | None:
    """The need as far as it falls in the asked period (a count of a year asked per half: the half)."""
    if period.contains(need.period):
        return need
    if need.due is not None and period.start <= need.due <= period.end:
        return need  # the date a deadline in this period was met
    found = metrics.get(need.metric)
    if found is not None and found.additive and need.period.contains(period):
        return Need(need.metric, period, need.party, need.per_project)
    return None
