"""The domain: agreements, rules, figures and results. Small frozen dataclasses, no I/O."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from prestatiecheck.periods import Period


class Status(enum.StrEnum):
    MET = "met"
    AT_RISK = "at_risk"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    PENDING = "pending"

    @property
    def severity(self) -> int:
        """Order for --fail-on: only at_risk and not_met can fail a run."""
        return {"not_met": 2, "at_risk": 1}.get(self.value, 0)


STATUS_ORDER = (Status.NOT_MET, Status.AT_RISK, Status.NO_DATA, Status.PENDING, Status.MET)
READINGS = ("literal", "interpretation")


class Location(NamedTuple):
    """Where something is in a file; 1-based line/column or a spreadsheet cell.

    A named tuple (immutable, ordered by file, line, column, sheet, cell): one is made for every
    row of a figures file, and a tuple is made several times faster than a frozen dataclass."""

    file: str
    line: int = 0
    col: int = 0
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        if self.sheet or self.cell:
            return f"{self.file}:{self.sheet}!{self.cell}" if self.sheet else f"{self.file}:{self.cell}"
        if self.line and self.col:
            return f"{self.file}:{self.line}:{self.col}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file. Collected, sorted, reported all at once."""

    location: Location
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        from prestatiecheck.i18n import t
        from prestatiecheck.rendering.safetext import visible_controls

        prefix = t("warning_prefix") if self.severity == "warning" else ""
        # A message may quote a file's text: control characters shown, never sent to a terminal.
        return visible_controls(f"{self.location}: {prefix}{self.message}")


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    role: str  # gemeente | corporatie | huurdersorganisatie


@dataclass(frozen=True)
class Source:
    document: str
    article: str
    quote: str


@dataclass(frozen=True)
class ContextItem:
    """An afspraak with no date and no figure: mentioned in reports, never checked."""

    ref: str
    title: str
    theme: str
    quote: str
    note: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    article: str
    columns: tuple[str, ...]
    rows: Mapping[str, tuple[Decimal, ...]]
    total_column: str | None = None
    sums: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""
    location: Location = Location("")
    note_en: str = ""


@dataclass(frozen=True)
class Metric:
    name: str
    unit: str  # count | eur | years | months | percent | pp | date | number
    nl: str
    en: str
    part_of: str | None = None
    signed: bool = False

    @property
    def additive(self) -> bool:
        """Counts add up over sub-periods and parties; EUR per dwelling or dates do not."""
        return self.unit == "count"

    def meaning(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class Derivation:
    """A metric computed from others: sum(plus) - sum(minus)."""

    plus: tuple[str, ...]
    minus: tuple[str, ...]

    @property
    def components(self) -> tuple[str, ...]:
        return self.plus + self.minus


@dataclass(frozen=True)
class LegalSource:
    """Where a national value is laid down: the law and article, the version date, a link."""

    law: str
    article: str
    version: date | None = None
    url: str = ""
    publication: str = ""  # an official publication, when the value is not in the consolidated text


@dataclass(frozen=True)
class DatedValue:
    """One value of a national parameter with the dates it was in force (``valid_to`` inclusive).

    ``complement_of``: the value is 100 minus another parameter's value in force (a share that
    must go to the target group is what the free room leaves). ``agreements_may_set``: the
    bounds within which prestatieafspraken may lawfully set their own value (``{"max": 15}``).
    """

    valid_from: date
    source: LegalSource
    value: Decimal | None = None
    complement_of: str | None = None
    valid_to: date | None = None
    verified: bool = True
    agreements_may_set: Mapping[str, Decimal] = field(default_factory=dict)
    note: str = ""
    note_en: str = ""

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Parameter:
    """A national norm's value over time (an income limit, a percentage, an amount)."""

    name: str
    unit: str
    nl: str
    en: str
    values: tuple[DatedValue, ...]

    def meaning(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class NationalOverride:
    """An agreement's lawful setting of a national parameter (``national:`` in its head)."""

    parameter: str
    value: Decimal
    article: str
    quote: str = ""


@dataclass(frozen=True)
class PendingLaw:
    """A law that is not in force: recorded, never checked; rules that mention it are explained."""

    ref: str
    title: str
    status: str
    status_en: str
    source: LegalSource
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class NationalValue:
    """The value of a national parameter a result was judged against, and why that one."""

    parameter: str
    value: Decimal
    dated: DatedValue
    override: NationalOverride | None = None
    refused_override: NationalOverride | None = None  # an agreement value the law does not allow
    earlier: DatedValue | None = None  # in force at the start of the period, when it changed during it
    inner: NationalValue | None = None  # for a complement: the value it is the complement of
    cited: bool = True  # the verdict depends on it (False: shown beside the rule, `shows:`)

    @property
    def verified(self) -> bool:
        return self.dated.verified and (self.inner is None or self.inner.verified)


@dataclass(frozen=True)
class Rule:
    id: str
    agreement_id: str
    ref: str
    title: str
    theme: str
    source: Source
    trekker: tuple[str, ...]
    obligation: str  # inspanning | resultaat
    check: Mapping[str, Any]
    note: str = ""
    location: Location = Location("")
    note_en: str = ""
    reading: str = "literal"  # literal | interpretation (the text allows more than one reading)
    valid_from: date | None = None  # national norms: the first day the norm is in force
    valid_to: date | None = None  # ... and the last (inclusive)
    applies_to: str = ""  # a national rule applied to this agreement's corporations
    national_values: Mapping[str, NationalValue] = field(default_factory=dict)  # resolved for one period
    shows: tuple[str, ...] = ()  # national parameters explain and reports show beside the rule

    @property
    def kind(self) -> str:
        return str(self.check["kind"])

    @property
    def interpretation(self) -> bool:
        """The verdict rests on a judgement call the note explains: shown as "interpretatie"."""
        return self.reading == "interpretation"

    @property
    def joint_only(self) -> bool:
        """The afspraak binds the parties together only ("in totaal", "op gemeenteniveau"):
        its per-party results are information, not counted as a party's failure."""
        return bool(self.check.get("joint_only"))


@dataclass(frozen=True)
class Agreement:
    id: str
    title: str
    municipality: str
    period: Period
    parties: tuple[Party, ...]
    source: str
    rules: tuple[Rule, ...]
    file: Path
    signed: date | None = None
    context: tuple[ContextItem, ...] = ()
    tables: Mapping[str, Table] = field(default_factory=dict)
    coverage: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    metrics: Mapping[str, Metric] = field(default_factory=dict)
    derivations: Mapping[str, Derivation] = field(default_factory=dict)
    # The metrics its results may name: the shared vocabulary and its own (set by the catalogue
    # loader, not cached with the rule file). Messages name a metric by its meaning, not its key.
    vocabulary: Mapping[str, Metric] = field(default_factory=dict, compare=False, repr=False)
    national: bool = False  # the national rule set: applied to the corporations of other agreements
    parameters: Mapping[str, Parameter] = field(default_factory=dict)
    overrides: Mapping[str, NationalOverride] = field(default_factory=dict)  # this agreement's `national:`
    pending: tuple[PendingLaw, ...] = ()
    local_norms: tuple[Mapping[str, Any], ...] = ()  # how validate matches local rules to the law

    def party(self, party_id: str) -> Party | None:
        return self._parties_by_id.get(party_id)

    @cached_property
    def _parties_by_id(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}

    @cached_property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parties)


@dataclass(frozen=True)
class Catalogue:
    """Everything agreements.yaml points at: the metric vocabulary and the agreements."""

    index_file: Path
    metrics: Mapping[str, Metric]
    agreements: Mapping[str, Agreement]
    warnings: tuple[Problem, ...] = ()
    derivations: Mapping[str, Derivation] = field(default_factory=dict)
    known_ids: tuple[str, ...] = ()  # every id in the index, loaded or not
    _merged: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def vocabulary(self, agreement_id: str) -> dict[str, Metric]:
        """The metrics an agreement's rules and figures may use (do not modify the mapping)."""
        key = ("metrics", agreement_id)
        if key not in self._merged:
            self._merged[key] = {**self.metrics, **self.agreements[agreement_id].metrics}
        return self._merged[key]

    def derivations_for(self, agreement_id: str) -> dict[str, Derivation]:
        key = ("derivations", agreement_id)
        if key not in self._merged:
            self._merged[key] = {**self.derivations, **self.agreements[agreement_id].derivations}
        return self._merged[key]

    @property
    def national(self) -> Agreement | None:
        """The national rule set (``kind: national``), when the index has one."""
        return next((a for a in self.agreements.values() if a.national), None)

    def rule(self, rule_id: str) -> Rule | None:
        agreement_id, _, _ = rule_id.partition("/")
        agreement = self.agreements.get(agreement_id)
        if agreement is None:
            return None
        return next((r for r in agreement.rules if r.id == rule_id), None)

    def metric(self, name: str, agreement_id: str | None = None) -> Metric | None:
        if agreement_id and agreement_id in self.agreements:
            own = self.agreements[agreement_id].metrics.get(name)
            if own is not None:
                return own
        if name in self.metrics:
            return self.metrics[name]
        for agreement in self.agreements.values():
            if name in agreement.metrics:
                return agreement.metrics[name]
        return None

    def all_metrics(self) -> dict[str, Metric]:
        merged = dict(self.metrics)
        for agreement in self.agreements.values():
            for name, metric in agreement.metrics.items():
                merged.setdefault(name, metric)
        return merged


FigureValue = Decimal | date


# The records made once per figure and once per result are plain slotted dataclasses, not frozen
# ones (a frozen dataclass sets each field through object.__setattr__: three to five times the
# cost, paid hundreds of thousands of times). Nothing changes them after they are made.


@dataclass(slots=True, unsafe_hash=True)
class Figure:
    """One supplied monitoring figure: a row of a figures file.

    Where it is: ``place``, or (a CSV row: a national run holds hundreds of thousands) only its
    ``file`` and ``line``, the Location made when asked for."""

    period: Period
    party: str | None  # None: a joint figure
    project: str | None
    metric: str
    value: FigureValue
    place: Location | None = None
    agreement: str | None = None
    note: str = ""
    file: str = ""
    line: int = 0

    @property
    def location(self) -> Location:
        return self.place if self.place is not None else Location(self.file, self.line)

    @property
    def key(self) -> tuple[str | None, str, str | None, str | None, str]:
        return (self.agreement, self.period.label, self.party, self.project, self.metric)


@dataclass(slots=True)
class Result:
    """The verdict on one rule for one party (or jointly), project and period."""

    rule: Rule
    party: str | None
    project: str | None
    period: str
    status: Status
    detail: str  # what happened, as a message code the renderers put into words
    unit: str = "count"  # unit of value/limit: percent, count, eur, date, ...
    value: Fraction | Decimal | date | None = None
    limit: Decimal | date | None = None  # max/min, or the due date
    bound: str = ""  # max | min | band | at_least | at_most | compare | due
    target: Decimal | None = None
    expected: Fraction | None = None
    band: tuple[Decimal, Decimal] | None = None
    margin: Decimal | None = None
    provisional: bool = False
    facts: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[tuple[str | None, str], ...] = ()  # (party, note) from the figures

    @property
    def information(self) -> bool:
        """A per-party result of a joint-only afspraak: shown, but not counted in the summary or
        the exit code (the joint result is the verdict)."""
        return self.party is not None and self.rule.joint_only

    @property
    def sort_key(self) -> tuple[str, str, str, str, str, str]:
        return (
            self.rule.agreement_id,
            self.rule.applies_to,
            self.rule.id,
            self.period,
            self.party or "~",
            self.project or "",
        )
