"""Looking figures up for an agreement: direct, summed over sub-periods, pooled over parties, derived.

A lookup never treats a missing figure as zero: it returns ``None`` and says which
figures are missing. Counts (``unit: count``) add up over half-years, quarters,
years and parties; other units are only used as given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from prestatiecheck.model import Derivation, Figure, FigureValue, Metric
from prestatiecheck.periods import Period

Key = tuple[str, str | None, str | None, str]  # (period label, party, project, metric)


def _sum(values: Iterable[FigureValue | None]) -> Decimal:
    """The sum of figures that add up (counts); only called on found, additive figures."""
    total = Decimal(0)
    for value in values:
        if not isinstance(value, Decimal):
            raise TypeError(f"not an amount: {value!r}")
        total += value
    return total


@dataclass(frozen=True)
class Missing:
    metric: str
    period: str
    party: str | None
    project: str | None = None
    part_of: str | None = None  # a component of this derived metric (its other components were given)


@dataclass(slots=True)
class Lookup:
    value: FigureValue | None
    missing: list[Missing] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    _notes: tuple[tuple[str | None, str], ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def found(self) -> bool:
        return self.value is not None

    @property
    def notes(self) -> tuple[tuple[str | None, str], ...]:
        """(party, note) of the figures read, each once (a lookup is memoised, and so are these)."""
        if self._notes is None:
            seen: dict[tuple[str | None, str], None] = {}
            for f in self.figures:
                if f.note:
                    seen.setdefault((f.party, f.note), None)
            self._notes = tuple(seen)
        return self._notes


class FigureIndex:
    """The figures that apply to one agreement, keyed for lookup."""

    def __init__(
        self,
        figures: Iterable[Figure],
        metrics: Mapping[str, Metric],
        derivations: Mapping[str, Derivation],
    ):
        self.by_key: dict[Key, Figure] = {}
        # (party, project, metric) that have any figure at all: lets a lookup skip the
        # search through sub-periods and derivations when nothing can be found.
        self._present: set[tuple[str | None, str | None, str]] = set()
        for f in figures:
            self.by_key[(f.period.label, f.party, f.project, f.metric)] = f
            self._present.add((f.party, f.project, f.metric))
        self._memo: dict[tuple[str, str, str | None, str | None], Lookup] = {}
        self._joint_memo: dict[tuple[str, str, tuple[str, ...], str | None], Lookup] = {}
        self.metrics = metrics
        self.derivations = derivations
        self._projects: dict[tuple[str, ...], list[tuple[str | None, str, Period]]] = {}
        self.used: set[Key] = set()  # the figures some rule actually read
        self.per_project: set[str] = set()  # metrics some rule reads per project

    def __len__(self) -> int:
        return len(self.by_key)

    def asked(self) -> set[tuple[str, str, str | None, str | None]]:
        """Every (metric, period label, party, project) a rule looked up, found or not."""
        return set(self._memo)

    def unread(self) -> list[Figure]:
        """The figures no rule read, in file order."""
        return [f for key, f in self.by_key.items() if key not in self.used]

    def additive(self, metric: str) -> bool:
        m = self.metrics.get(metric)
        return m is not None and m.additive

    # -- single party (or an explicit joint row) -------------------------------------
    def get(self, metric: str, period: Period, party: str | None, project: str | None = None) -> Lookup:
        memo_key = (metric, period.label, party, project)
        cached = self._memo.get(memo_key)
        if cached is None:
            cached = self._memo[memo_key] = self._get(metric, period, party, project)
        return cached

    def _get(self, metric: str, period: Period, party: str | None, project: str | None) -> Lookup:
        direct = self.by_key.get((period.label, party, project, metric))
        if direct is not None:
            self.used.add((period.label, party, project, metric))
            return Lookup(direct.value, figures=[direct])
        if self.additive(metric) and (party, project, metric) in self._present:
            for parts in period.parts():
                found = [self.get(metric, p, party, project) for p in parts]
                if all(x.found for x in found):
                    total = _sum(x.value for x in found)
                    return Lookup(total, figures=[f for x in found for f in x.figures])
        derivation = self.derivations.get(metric)
        if derivation is not None:
            lookups = {c: self.get(c, period, party, project) for c in derivation.components}
            if all(x.found for x in lookups.values()):
                plus = _sum(lookups[c].value for c in derivation.plus)
                minus = _sum(lookups[c].value for c in derivation.minus)
                return Lookup(plus - minus, figures=[f for x in lookups.values() for f in x.figures])
            if any(x.found for x in lookups.values()):
                # Some components given: name the ones missing, not the derived figure.
                return Lookup(
                    None,
                    missing=[
                        Missing(m.metric, m.period, m.party, m.project, part_of=metric)
                        for x in lookups.values()
                        for m in x.missing
                    ],
                )
        if period.kind == "window" and self.additive(metric):
            # Name the years that are missing, not the window: that is what a figures file holds.
            years = [y for y in period.parts()[0] if not self.get(metric, y, party, project).found]
            if years:
                return Lookup(None, missing=[Missing(metric, y.label, party, project) for y in years])
        return Lookup(None, missing=[Missing(metric, period.label, party, project)])

    # -- a scope: one party, or jointly over several ------------------------------------
    def scoped(
        self,
        metric: str,
        period: Period,
        party: str | None,
        parties: Sequence[str],
        project: str | None = None,
    ) -> Lookup:
        """One party's figure, or (party None) the joint figure: explicit, else pooled over parties."""
        if party is not None:
            return self.get(metric, period, party, project)
        memo_key = (metric, period.label, tuple(parties), project)
        cached = self._joint_memo.get(memo_key)
        if cached is None:
            cached = self._joint_memo[memo_key] = self._joint(metric, period, parties, project)
        return cached

    def _joint(self, metric: str, period: Period, parties: Sequence[str], project: str | None) -> Lookup:
        explicit = self.get(metric, period, None, project)
        if explicit.found:
            return explicit
        if not parties:
            return explicit
        if not self.additive(metric):
            unit = self.metrics[metric].unit if metric in self.metrics else ""
            if unit == "date":
                return self._latest_date(metric, period, parties, project)
            return explicit
        parts = [self.get(metric, period, p, project) for p in parties]
        missing = [m for x in parts for m in x.missing]
        if missing:
            return Lookup(None, missing=missing)
        total = _sum(x.value for x in parts)
        return Lookup(total, figures=[f for x in parts for f in x.figures])

    def _latest_date(
        self, metric: str, period: Period, parties: Sequence[str], project: str | None
    ) -> Lookup:
        """A joint date is reached when the last party reached it."""
        parts = [self.get(metric, period, p, project) for p in parties]
        missing = [m for x in parts for m in x.missing]
        if missing:
            return Lookup(None, missing=[Missing(metric, period.label, None, project)] + missing)
        values = [x.value for x in parts if isinstance(x.value, date)]
        if len(values) != len(parts):
            return Lookup(None, missing=[Missing(metric, period.label, None, project)])
        return Lookup(max(values), figures=[f for x in parts for f in x.figures])

    def projects(self, metrics: Sequence[str]) -> list[tuple[str | None, str, Period]]:
        """(party, project, period) for every project figure of these metrics, sorted."""
        key = tuple(metrics)
        self.per_project.update(metrics)
        if key not in self._projects:
            found = {
                (f.party, f.project, f.period)
                for f in self.by_key.values()
                if f.project is not None and f.metric in metrics
            }
            self._projects[key] = sorted(found, key=lambda x: (x[1], x[0] or "", x[2].label))
        return self._projects[key]
