"""The engine: every selected rule of every selected agreement, evaluated against the figures.

It returns results and never prints; rendering decides how they are shown.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from prestatiecheck import checks
from prestatiecheck.checks.base import EvalContext
from prestatiecheck.figureindex import FigureIndex
from prestatiecheck.model import Agreement, Catalogue, Figure, Problem, Result, Rule, Status


@dataclass
class Evaluation:
    as_of: date
    catalogue: Catalogue
    agreements: list[Agreement]
    results: list[Result]
    figures_files: list[str] = field(default_factory=list)
    figures_count: int = 0
    figures_used: int = 0
    notices: list[Problem] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """The count per status of the results that count (not those for information)."""
        counts = {status.value: 0 for status in Status}
        for r in self.results:
            if not r.information:
                counts[r.status.value] += 1
        return counts

    def information_summary(self) -> dict[str, int]:
        """The count per status of the per-party results of joint-only afspraken (not counted)."""
        counts = {status.value: 0 for status in Status}
        for r in self.results:
            if r.information:
                counts[r.status.value] += 1
        return counts

    def counted_statuses(self) -> list[Status]:
        """The statuses that decide the exit code: information results do not count."""
        return [r.status for r in self.results if not r.information]

    def worst(self) -> int:
        return max((s.severity for s in self.counted_statuses()), default=0)


def select_rules(
    agreement: Agreement, themes: Collection[str] | None = None, kinds: Collection[str] | None = None
) -> list[Rule]:
    wanted = {t.casefold() for t in themes} if themes else None
    return [
        rule
        for rule in agreement.rules
        if (wanted is None or rule.theme.casefold() in wanted) and (kinds is None or rule.kind in kinds)
    ]


def evaluate(
    catalogue: Catalogue,
    figures: Sequence[Figure],
    agreement_ids: Iterable[str],
    as_of: date,
    *,
    parties: Collection[str] | None = None,
    themes: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
) -> tuple[list[Result], int]:
    """Results for the selected rules, and how many figures some rule read."""
    results: list[Result] = []
    used = 0
    by_agreement: dict[str | None, list[Figure]] = {}
    for f in figures:
        by_agreement.setdefault(f.agreement, []).append(f)
    for agreement_id in agreement_ids:
        agreement = catalogue.agreements[agreement_id]
        vocabulary = catalogue.vocabulary(agreement_id)
        index = FigureIndex(
            by_agreement.get(agreement_id, ()),
            vocabulary,
            catalogue.derivations_for(agreement_id),
        )
        ctx = EvalContext(agreement=agreement, figures=index, metrics=vocabulary, as_of=as_of)
        for rule in select_rules(agreement, themes, kinds):
            for result in checks.get(rule.kind).evaluate(rule, ctx):
                if parties and result.party not in parties:
                    continue
                results.append(result)
        used += len(index.used)
    return results, used
