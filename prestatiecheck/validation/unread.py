"""Figures that count for nothing: for a period not begun on the as-of date, or read by no rule.

Neither changes a verdict or the exit code, but a supplied figure is never dropped
without a word: each becomes a notice (stderr, the JSON ``notices``, the xlsx
summary). Rows with the same cause in the same file are one notice with a count
and their first lines, and the notice says what the rules read instead, which is
usually what was meant (a window ``2021-2022`` where the rules read 2021 and 2022,
a joint figure where they read each party's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from prestatiecheck.figureindex import FigureIndex
from prestatiecheck.i18n import did_you_mean, t, thousands
from prestatiecheck.model import Figure, Location, Problem
from prestatiecheck.periods import Period, PeriodError, parse_period

FIRST_PLACES = 5  # rows named in a grouped notice before "and N more"


def count_text(count: int) -> str:
    return thousands(count)


def places(locations: Sequence[Location]) -> str:
    """'regels 5, 6, 7, 8, 9 en 35 meer' (cells for a spreadsheet)."""
    cells = all(loc.cell for loc in locations)
    shown = [loc.cell if cells else str(loc.line) for loc in locations[:FIRST_PLACES]]
    text = t("places_cells" if cells else "places_lines", places=", ".join(shown))
    if len(locations) > FIRST_PLACES:
        text += t("places_more", count=count_text(len(locations) - FIRST_PLACES))
    return text


def _describe(f: Figure) -> str:
    who = f.party or t("joint_word")
    text = f"{f.metric} {f.period.label} ({who})"
    return f"{text} [{f.project}]" if f.project else text


def grouped(locations: Sequence[Location], figure: str, one: str, many: str, **params: str) -> Problem:
    """One notice for rows with the same cause: the first row's place, the count and the first rows."""
    if len(locations) == 1:
        return Problem(locations[0], t(one, figure=figure, **params), severity="warning")
    return Problem(
        locations[0],
        t(many, count=count_text(len(locations)), places=places(locations), figure=figure, **params),
        severity="warning",
    )


def _grouped(figures: Sequence[Figure], one: str, many: str, **params: str) -> Problem:
    return grouped([f.location for f in figures], _describe(figures[0]), one, many, **params)


def not_begun(
    figures: Iterable[Figure], as_of: date, windows: Mapping[str, Period]
) -> tuple[list[Figure], list[Problem]]:
    """The figures to evaluate, and a notice per file and agreement for those of periods not begun.

    A period of the agreement (``windows``: agreement id -> its period) that has not begun on
    the as-of date cannot have a result yet: its figures (a forecast, or a wrong --as-of)
    are left out, so its results are ``pending``. A date (deadline evidence) is kept:
    something done early is done, and a date after the as-of date is already read as "not
    done yet". A period outside the agreement is left to the notice about figures no rule
    reads, which says which periods the rules read.
    """
    from prestatiecheck.rendering.formatting import long_date

    kept: list[Figure] = []
    later: dict[tuple[str, str | None], list[Figure]] = {}  # per file and agreement
    for f in figures:
        window = windows.get(f.agreement or "")
        inside = window is not None and window.contains(f.period)
        if inside and f.period.start > as_of and not isinstance(f.value, date):
            later.setdefault((f.location.file, f.agreement), []).append(f)
        else:
            kept.append(f)
    notices = []
    for group in later.values():
        labels = sorted({f.period for f in group}, key=lambda p: (p.start, -p.end.toordinal()))
        notices.append(
            _grouped(
                group,
                "figures_not_begun",
                "figures_not_begun_many",
                period=_and([p.label for p in labels]),
                as_of=long_date(as_of),
            )
        )
    return kept, notices


@dataclass(frozen=True)
class _Cause:
    file: str
    kind: str  # metric | party | project | period
    subject: str


class _Asked:
    """What the rules of one agreement looked up, by metric."""

    def __init__(self, index: FigureIndex):
        self.by_metric: dict[str, set[tuple[str, str | None, str | None]]] = {}
        for metric, period, party, project in index.asked():
            self.by_metric.setdefault(metric, set()).add((period, party, project))
        self.per_project = index.per_project

    def cause(self, f: Figure) -> _Cause:
        asked = self.by_metric.get(f.metric, set())
        file = f.location.file
        if f.project is None and f.metric in self.per_project and all(j is not None for _, _, j in asked):
            return _Cause(file, "project", "")
        if not asked:
            return _Cause(file, "metric", f.metric)
        if not any(party == f.party for _, party, _ in asked):
            return _Cause(file, "party", f.party or "")
        if not any(party == f.party and project == f.project for _, party, project in asked):
            return _Cause(file, "project", f.project or "")
        return _Cause(file, "period", f.period.label)

    def parties(self, metrics: set[str]) -> set[str | None]:
        return {party for m in metrics for _, party, _ in self.by_metric.get(m, ())}

    def projects(self, metrics: set[str]) -> set[str | None]:
        return {project for m in metrics for _, _, project in self.by_metric.get(m, ())}

    def periods(self, group: Sequence[Figure]) -> list[str]:
        wanted = {(f.metric, f.party, f.project) for f in group}
        labels = {
            period
            for metric, party, project in wanted
            for period, p, j in self.by_metric.get(metric, ())
            if (p, j) == (party, project)
        }
        return sorted(labels)


def _names(items: Iterable[str | None]) -> str:
    """Parties by id, the joint figure last."""
    ordered = sorted(set(items), key=lambda x: (x is None, x or ""))
    return ", ".join(x or t("joint_word") for x in ordered)


def _reason(cause: _Cause, group: Sequence[Figure], asked: _Asked) -> str:
    metrics = {f.metric for f in group}
    what = next(iter(metrics)) if len(metrics) == 1 else t("unread_these_figures")
    if cause.kind == "metric":
        return t("unread_metric", metric=cause.subject)
    if cause.kind == "party":
        parties = asked.parties(metrics)
        if not cause.subject:
            return t("unread_joint", what=what, parties=_names(parties))
        if parties == {None}:
            return t("unread_only_joint", what=what, party=cause.subject)
        return t("unread_party", what=what, party=cause.subject, parties=_names(parties))
    if cause.kind == "project":
        projects = asked.projects(metrics)
        if not cause.subject:
            return t("unread_per_project", what=what)
        if projects <= {None}:
            return t("unread_without_project", what=what, project=cause.subject)
        return t("unread_project", what=what, project=cause.subject)
    labels = asked.periods(group)
    period = parse_period(cause.subject)
    inside = [
        p for x in labels if x != cause.subject and (p := _period(x)) is not None and period.contains(p)
    ]
    # The coarsest periods asked (2021 and 2022, not also their halves and quarters, looked up on the way).
    parts = [p.label for p in sorted(inside) if not any(q != p and q.contains(p) for q in inside)]
    if parts:
        return t("unread_period_parts", what=what, period=cause.subject, parts=_and(parts))
    wholes = [x for x in labels if (p := _period(x)) is not None and p.contains(period)]
    if wholes:
        return t("unread_period_whole", what=what, period=cause.subject, periods=_and(wholes))
    shown = labels if len(labels) <= 8 else [*labels[:3], "…", *labels[-3:]]
    return t("unread_period_other", what=what, period=cause.subject, periods=", ".join(shown)) + did_you_mean(
        cause.subject, labels
    )


def _period(label: str):  # type: ignore[no-untyped-def]
    try:
        return parse_period(label)
    except PeriodError:
        return None


def _and(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + t("and_word") + items[-1]


def unread_notices(indexes: Mapping[str, FigureIndex]) -> list[Problem]:
    """A notice per file and cause for the figures no selected rule read, saying what they do read."""
    notices: list[Problem] = []
    for index in indexes.values():
        unread = index.unread()
        if not unread:
            continue
        asked = _Asked(index)
        groups: dict[_Cause, list[Figure]] = {}
        for f in unread:
            groups.setdefault(asked.cause(f), []).append(f)
        for cause, group in groups.items():
            notices.append(
                _grouped(group, "figures_unread", "figures_unread_many", reason=_reason(cause, group, asked))
            )
    return notices
