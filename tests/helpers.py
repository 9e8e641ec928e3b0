"""A tiny harness for check-kind tests: one rule, a few figures, the results."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from prestatiecheck import checks
from prestatiecheck.checks.base import EvalContext
from prestatiecheck.figureindex import FigureIndex
from prestatiecheck.loading.rules import load_catalogue
from prestatiecheck.model import Agreement, Catalogue, Figure, Location, Party, Result, Rule, Source, Table
from prestatiecheck.periods import parse_period

HERE = Path(__file__).resolve().parent
MINI_INDEX = HERE / "fixtures" / "mini" / "agreements.yaml"
MINI_FIGURES = HERE / "fixtures" / "mini" / "figures.csv"
MINI = "mini-2022-2023"

LONG_ENV = "PRESTATIECHECK_LONG_TESTS"


def examples(normal: int, long: int) -> int:
    """Hypothesis examples for a property test: ``normal`` in the everyday suite, ``long`` with
    PRESTATIECHECK_LONG_TESTS=1 (a long run now and then; a failure found is replayed from
    .hypothesis/ by the next everyday run)."""
    return long if os.environ.get(LONG_ENV) else normal


def languages(everyday: str) -> list[str]:
    """The languages a costly layout test runs in: ``everyday`` in the everyday suite, Dutch and
    English with PRESTATIECHECK_LONG_TESTS=1. Such tests pair up so that the everyday suite still
    lays out every shipped example in both languages: the PDF (WeasyPrint) in Dutch, the HTML in
    Chromium in English."""
    return ["nl", "en"] if os.environ.get(LONG_ENV) else [everyday]


@lru_cache(maxsize=1)
def mini_catalogue() -> Catalogue:
    return load_catalogue(MINI_INDEX, only=[MINI], strict=True)


def make_agreement(period: str = "2022-2023", tables: Mapping[str, Table] | None = None) -> Agreement:
    base = mini_catalogue().agreements[MINI]
    return Agreement(
        id=base.id,
        title=base.title,
        municipality=base.municipality,
        period=parse_period(period),
        parties=(
            Party("gemeente", "Gemeente Mini", "gemeente"),
            Party("alliantie", "de Alliantie", "corporatie"),
            Party("portaal", "Portaal", "corporatie"),
        ),
        source="test",
        rules=(),
        file=base.file,
        tables=dict(tables or {}),
        metrics=base.metrics,
        vocabulary=base.vocabulary,
    )


def make_rule(check: Mapping[str, Any], trekker: Iterable[str] = ("alliantie", "portaal")) -> Rule:
    return Rule(
        id=f"{MINI}/t",
        agreement_id=MINI,
        ref="t",
        title="Test",
        theme="Test",
        source=Source("test", "1", "citaat"),
        trekker=tuple(trekker),
        obligation="inspanning",
        check=dict(check),
    )


def figure(
    period: str, party: str | None, metric: str, value: Any, project: str | None = None, note: str = ""
) -> Figure:
    if isinstance(value, (int, str, float)) and not isinstance(value, bool):
        value = Decimal(str(value)) if not isinstance(value, str) or value[:1].isdigit() else value
    return Figure(
        period=parse_period(period),
        party=party,
        project=project,
        metric=metric,
        value=value,
        place=Location("test.csv", 1),
        agreement=MINI,
        note=note,
    )


def run(
    check: Mapping[str, Any],
    figures: Iterable[Figure],
    as_of: date = date(2030, 1, 1),
    *,
    trekker: Iterable[str] = ("alliantie", "portaal"),
    agreement: Agreement | None = None,
) -> list[Result]:
    catalogue = mini_catalogue()
    agreement = agreement or make_agreement()
    vocabulary = catalogue.vocabulary(MINI)
    index = FigureIndex(list(figures), vocabulary, catalogue.derivations_for(MINI))
    ctx = EvalContext(agreement=agreement, figures=index, metrics=vocabulary, as_of=as_of)
    rule = make_rule(check, trekker)
    return list(checks.get(rule.kind).evaluate(rule, ctx))


def statuses(results: Iterable[Result]) -> dict[tuple[str | None, str], str]:
    return {(r.party, r.period): r.status.value for r in results}
