"""share: maximum and minimum, margin boundaries, pooled joint shares, averages over a window."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from tests.helpers import figure, run

URGENT = {
    "kind": "share",
    "numerator": "verhuringen_urgent",
    "denominator": "verhuringen_totaal",
    "max": 50,
    "periods": ["2022"],
}
YOUTH = {
    "kind": "share",
    "numerator": "verhuringen_jongeren_kkg",
    "denominator": "verhuringen_totaal",
    "min": 5,
    "periods": ["2022"],
}


def one(check, num, den, party="alliantie", numerator="verhuringen_urgent"):  # type: ignore[no-untyped-def]
    results = run(
        {**check, "parties": [party]},
        [figure("2022", party, numerator, num), figure("2022", party, "verhuringen_totaal", den)],
    )
    assert len(results) == 1
    return results[0]


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (4800, 10000, "met"),  # exactly L - m
        (4801, 10000, "at_risk"),  # just above L - m
        (5000, 10000, "at_risk"),  # exactly at the limit: allowed
        (5004, 10000, "not_met"),  # 50.04%
        (5001, 10000, "not_met"),
        (0, 10, "met"),
        (10, 10, "not_met"),
    ],
)
def test_maximum_boundaries(num: int, den: int, expected: str) -> None:
    assert one(URGENT, num, den).status.value == expected


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (700, 10000, "met"),  # exactly L + m
        (699, 10000, "at_risk"),
        (500, 10000, "at_risk"),  # exactly at the minimum: allowed
        (499, 10000, "not_met"),
    ],
)
def test_minimum_boundaries(num: int, den: int, expected: str) -> None:
    assert one(YOUTH, num, den, numerator="verhuringen_jongeren_kkg").status.value == expected


def test_custom_margin() -> None:
    check = {**URGENT, "margin": 0}
    assert one(check, 50, 100).status.value == "met"  # with no margin there is no "aandacht" band
    assert one(check, 5001, 10000).status.value == "not_met"
    wide = {**URGENT, "margin": 5}
    assert one(wide, 4600, 10000).status.value == "at_risk"


def test_value_is_exact_fraction() -> None:
    result = one(URGENT, 1, 3)
    assert result.value == Fraction(100, 3)
    assert result.facts["numerator"] == 1 and result.facts["denominator"] == 3


def test_joint_share_is_pooled_not_averaged() -> None:
    # alliantie 90/100 = 90%, portaal 10/900 = 1.1%: average of ratios 45.6% (met), pooled 10% (met);
    # turn it around so the two disagree: pooled 51% (not_met) vs average 47.5%.
    rows = [
        figure("2022", "alliantie", "verhuringen_urgent", 500),
        figure("2022", "alliantie", "verhuringen_totaal", 900),  # 55.6%
        figure("2022", "portaal", "verhuringen_urgent", 40),
        figure("2022", "portaal", "verhuringen_totaal", 100),  # 40%
    ]
    results = run({**URGENT, "scope": ["joint"]}, rows)
    (joint,) = results
    assert joint.party is None
    assert joint.value == Fraction(540 * 100, 1000)  # 54%, not (55.6 + 40) / 2 = 47.8%
    assert joint.status.value == "not_met"


def test_explicit_joint_row_wins_over_pooling() -> None:
    rows = [
        figure("2022", None, "verhuringen_urgent", 30),
        figure("2022", None, "verhuringen_totaal", 100),
        figure("2022", "alliantie", "verhuringen_urgent", 90),
        figure("2022", "alliantie", "verhuringen_totaal", 100),
    ]
    (joint,) = run({**URGENT, "scope": ["joint"]}, rows)
    assert joint.value == 30


def test_joint_with_a_party_missing_is_no_data_naming_it() -> None:
    rows = [
        figure("2022", "alliantie", "verhuringen_urgent", 10),
        figure("2022", "alliantie", "verhuringen_totaal", 100),
    ]
    (joint,) = run({**URGENT, "scope": ["joint"]}, rows)
    assert joint.status.value == "no_data"
    missing_parties = {party for _, _, party in joint.facts["missing"]}
    assert missing_parties == {"portaal"}


def test_missing_figure_is_no_data_never_zero() -> None:
    results = run(
        {**URGENT, "parties": ["alliantie"]}, [figure("2022", "alliantie", "verhuringen_totaal", 100)]
    )
    assert results[0].status.value == "no_data"
    assert results[0].facts["missing"] == [("verhuringen_urgent", "2022", "alliantie")]


def test_zero_denominator_is_no_data() -> None:
    result = one(URGENT, 0, 0)
    assert result.status.value == "no_data"
    assert result.detail == "zero_denominator"


def test_year_from_half_years() -> None:
    rows = [
        figure("2022-H1", "alliantie", "verhuringen_urgent", 30),
        figure("2022-H2", "alliantie", "verhuringen_urgent", 30),
        figure("2022-H1", "alliantie", "verhuringen_totaal", 100),
        figure("2022-H2", "alliantie", "verhuringen_totaal", 100),
    ]
    (result,) = run({**URGENT, "parties": ["alliantie"]}, rows)
    assert result.value == 30


def test_periods_default_to_each_year_of_the_agreement() -> None:
    check = {k: v for k, v in URGENT.items() if k != "periods"}
    results = run({**check, "parties": ["alliantie"]}, [])
    assert [r.period for r in results] == ["2022", "2023"]


def test_half_yearly_periods() -> None:
    check = {**{k: v for k, v in URGENT.items() if k != "periods"}, "periods": "half-yearly"}
    results = run({**check, "parties": ["alliantie"]}, [])
    assert [r.period for r in results] == ["2022-H1", "2022-H2", "2023-H1", "2023-H2"]


def test_provisional_while_the_period_runs() -> None:
    rows = [
        figure("2022", "alliantie", "verhuringen_urgent", 1),
        figure("2022", "alliantie", "verhuringen_totaal", 10),
    ]
    (running,) = run({**URGENT, "parties": ["alliantie"]}, rows, as_of=date(2022, 12, 31))
    (final,) = run({**URGENT, "parties": ["alliantie"]}, rows, as_of=date(2023, 1, 1))
    assert running.provisional and not final.provisional


AVERAGE = {
    "kind": "share",
    "numerator": "verhuringen_urgent",
    "denominator": "verhuringen_totaal",
    "max": 30,
    "average_per_year": True,
    "window": "2025-2027",
    "scope": ["party", "joint"],
}


def test_average_per_year_pools_over_years_with_figures() -> None:
    rows = [
        figure("2025", "alliantie", "verhuringen_urgent", 40),
        figure("2025", "alliantie", "verhuringen_totaal", 100),  # 40%
        figure("2026", "alliantie", "verhuringen_urgent", 60),
        figure("2026", "alliantie", "verhuringen_totaal", 300),  # 20%
        figure("2026", "portaal", "verhuringen_urgent", 10),
        figure("2026", "portaal", "verhuringen_totaal", 100),
    ]
    results = run(AVERAGE, rows, as_of=date(2027, 2, 1))
    by_party = {r.party: r for r in results}
    assert by_party["alliantie"].period == "2025-2027"
    assert by_party["alliantie"].value == 25  # 100 / 400, not (40 + 20) / 2 = 30
    assert by_party["alliantie"].facts["years"] == ["2025", "2026"]
    assert by_party["alliantie"].provisional
    assert by_party["portaal"].value == 10
    # joint: only years where both parties have figures can be pooled jointly: 2026
    assert by_party[None].value == Fraction(70 * 100, 400)


def test_average_per_year_without_any_figures_is_no_data() -> None:
    results = run(AVERAGE, [], as_of=date(2028, 1, 1))
    assert {r.status.value for r in results} == {"no_data"}


def test_a_period_that_has_not_begun_is_pending_not_no_data() -> None:
    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
    }
    results = run(check, [], as_of=date(2022, 12, 31))
    by_period = {r.period: r.status.value for r in results if r.party == "alliantie"}
    assert by_period == {"2022": "no_data", "2023": "pending"}


@pytest.mark.parametrize(("urgent", "expected"), [(49, "at_risk"), (50, "not_met"), (51, "not_met")])
def test_strict_share_maximum(urgent: int, expected: str) -> None:
    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
        "strict": True,
        "parties": ["alliantie"],
        "periods": ["2022"],
    }
    rows = [
        figure("2022", "alliantie", "verhuringen_totaal", 100),
        figure("2022", "alliantie", "verhuringen_urgent", urgent),
    ]
    (result,) = run(check, rows)
    assert result.status.value == expected


def test_a_running_window_share_pools_the_years_so_far() -> None:
    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
        "periods": "window",
        "parties": ["alliantie"],
    }
    rows = [
        figure("2022", "alliantie", "verhuringen_totaal", 100),
        figure("2022", "alliantie", "verhuringen_urgent", 40),
    ]
    (running,) = run(check, rows, as_of=date(2023, 6, 1))
    assert (running.status.value, running.value, running.provisional) == ("met", Fraction(40), True)
    assert running.facts["years"] == ["2022"]
    (ended,) = run(check, rows, as_of=date(2024, 6, 1))
    assert ended.status.value == "no_data"  # once the window is over, every year must be in
    assert ("verhuringen_totaal", "2023", "alliantie") in ended.facts["missing"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "50,0% (50 van 100), precies op de grens"), ("en", "50.0% (50 of 100), exactly at the limit")],
)
def test_strict_share_at_the_limit_says_so(lang: str, words: str) -> None:
    from prestatiecheck.i18n import set_language
    from prestatiecheck.rendering.present import present

    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
        "strict": True,
        "parties": ["alliantie"],
        "periods": ["2022"],
    }
    rows = [
        figure("2022", "alliantie", "verhuringen_totaal", 100),
        figure("2022", "alliantie", "verhuringen_urgent", 50),
    ]
    (result,) = run(check, rows)
    set_language(lang)
    try:
        assert words in present(result, None).message
    finally:
        set_language("nl")
