"""The engine: every selected rule of every selected agreement, evaluated against the figures.

It returns results and never prints; rendering decides how they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import TypeVar

from prestatiecheck import checks
from prestatiecheck.checks.base import EvalContext
from prestatiecheck.figureindex import FigureIndex
from prestatiecheck.model import Agreement, Catalogue, Figure, Problem, Result, Rule, Status

T = TypeVar("T")


@dataclass
class Evaluation:
    """Every result of a check, held in memory (reports, Excel, saved results).

    ``check`` streams instead (``prestatiecheck.streaming.StreamedEvaluation``): the
    renderers see both through ``agreement_ids``, ``parts`` and the counts, which a
    streamed evaluation knows once its parts are consumed.
    """

    as_of: date
    catalogue: Catalogue
    agreements: list[Agreement]
    results: list[Result]
    figures_files: list[str] = field(default_factory=list)
    figures_count: int = 0
    figures_used: int = 0
    notices: list[Problem] = field(default_factory=list)
    # per checked agreement: the national rule set scoped to its corporations (see ``parts``)
    national: dict[str, Agreement] = field(default_factory=dict)

    @property
    def agreement_ids(self) -> list[str]:
        return [a.id for a in self.agreements]

    def agreement(self, agreement_id: str) -> Agreement | None:
        for agreement in self.agreements:
            if agreement.id == agreement_id:
                return agreement
        return self.catalogue.agreements.get(agreement_id)

    def parts(self, render_part: Callable[[list[Result], Mapping[str, Agreement]], T]) -> Iterator[T]:
        """The results rendered by ``render_part`` (with the agreements they belong to): here in one
        part, in their order; a streamed evaluation renders one part per agreement.

        With the national rule set applied (``national``), one part per checked agreement, as a
        streamed evaluation does: its results and those of the law for its corporations, which
        are shown with the law as scoped to that agreement (its names for the corporations)."""
        agreements = {**self.catalogue.agreements, **{a.id: a for a in self.agreements}}
        if not self.national:
            yield render_part(self.results, agreements)
            return
        for home, found in groupby(self.results, key=lambda r: r.rule.applies_to or r.rule.agreement_id):
            scoped = self.national.get(home)
            shown = agreements if scoped is None else {**agreements, scoped.id: scoped}
            yield render_part(list(found), shown)

    def tally(self) -> Tally:
        tally = Tally()
        tally.add(self.results)
        return tally

    def summary(self) -> dict[str, int]:
        """The count per status of the results that count (not those for information)."""
        return self.tally().summary()

    def information_summary(self) -> dict[str, int]:
        """The count per status of the per-party results of joint-only afspraken (not counted)."""
        return self.tally().information_summary()

    def counted_statuses(self) -> list[Status]:
        """The statuses that decide the exit code: information results do not count."""
        return [r.status for r in self.results if not r.information]

    def worst(self) -> int:
        return max((s.severity for s in self.counted_statuses()), default=0)


@dataclass
class Tally:
    """The count per status, of the results that count and of those for information: what the
    summary and the exit code need, kept while results stream past."""

    counted: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})
    information: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Status})

    def add(self, results: Iterable[Result]) -> None:
        counted, information = self.counted, self.information
        for r in results:
            (information if r.information else counted)[r.status.value] += 1

    def merge(self, other: Tally) -> None:
        for key, value in other.counted.items():
            self.counted[key] += value
        for key, value in other.information.items():
            self.information[key] += value

    def summary(self) -> dict[str, int]:
        return dict(self.counted)

    def information_summary(self) -> dict[str, int]:
        return dict(self.information)

    def counted_statuses(self) -> list[Status]:
        """One status per counted result is not kept: the statuses present, once each."""
        return [Status(s) for s, n in self.counted.items() if n]

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


def evaluate_agreement(
    catalogue: Catalogue,
    agreement_id: str,
    figures: Iterable[Figure],
    as_of: date,
    *,
    parties: Collection[str] | None = None,
    themes: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    national: Agreement | None = None,
) -> tuple[list[Result], FigureIndex]:
    """One agreement's results for its selected rules, and the index of its figures (``used``:
    the figures some rule read).

    ``national``: the national rule set scoped to this agreement's corporations
    (``prestatiecheck.national.scope``), evaluated on the same figures after its own rules.
    """
    from prestatiecheck import national as national_law

    agreement = catalogue.agreements[agreement_id]
    vocabulary = catalogue.vocabulary(agreement_id)
    index = FigureIndex(figures, vocabulary, catalogue.derivations_for(agreement_id))
    law = catalogue.national
    results: list[Result] = []
    # The national rule set itself is only ever evaluated scoped to the parties it applies to.
    subjects = ((agreement,) if not agreement.national else ()) + ((national,) if national else ())
    for subject in subjects:
        ctx = EvalContext(agreement=subject, figures=index, metrics=vocabulary, as_of=as_of)
        for rule in select_rules(subject, themes, kinds):
            produced = (
                national_law.evaluate(rule, ctx, law)
                if national_law.applies(rule)
                else checks.get(rule.kind).evaluate(rule, ctx)
            )
            for result in produced:
                if parties and result.party not in parties:
                    continue
                results.append(result)
    return results, index


def evaluate(
    catalogue: Catalogue,
    figures: Sequence[Figure],
    agreement_ids: Iterable[str],
    as_of: date,
    *,
    parties: Collection[str] | None = None,
    themes: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    national: Mapping[str, Agreement] | None = None,
) -> tuple[list[Result], int]:
    """Results for the selected rules, and how many figures some rule read (``national``: per
    agreement id, the national rule set scoped to its corporations)."""
    from prestatiecheck import progress

    results: list[Result] = []
    used = 0
    ids = list(agreement_ids)
    for number, (agreement_id, own) in enumerate(group_by_agreement(figures, ids)):
        progress.report("evaluate", agreement_id, number, len(ids))
        found, index = evaluate_agreement(
            catalogue,
            agreement_id,
            own,
            as_of,
            parties=parties,
            themes=themes,
            kinds=kinds,
            national=(national or {}).get(agreement_id),
        )
        results.extend(found)
        used += len(index.used)
    progress.done()
    return results, used


def group_by_agreement(
    figures: Iterable[Figure], agreement_ids: Iterable[str]
) -> Iterator[tuple[str, list[Figure]]]:
    """Each agreement id with its figures, in the order of ``agreement_ids``. The figures are
    grouped at once (the caller may let ``figures`` go), and each group is let go once given."""
    by_agreement: dict[str | None, list[Figure]] = {}
    for f in figures:
        by_agreement.setdefault(f.agreement, []).append(f)
    return _each(by_agreement, list(agreement_ids))


def _each(
    by_agreement: dict[str | None, list[Figure]], agreement_ids: list[str]
) -> Iterator[tuple[str, list[Figure]]]:
    for agreement_id in agreement_ids:
        yield agreement_id, by_agreement.pop(agreement_id, [])
