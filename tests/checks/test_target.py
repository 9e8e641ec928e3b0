"""target: cumulative over a window, the trajectory while it runs, per-year targets, caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from prestatiecheck.model import Table
from tests.helpers import figure, make_agreement, run

GROWTH = {
    "kind": "target",
    "metric": "netto_toename",
    "window": "2022-2023",
    "targets": {"alliantie": 78, "portaal": 114, "joint": 192},
    "scope": ["party", "joint"],
}


def net(period: str, party: str, value: int):  # type: ignore[no-untyped-def]
    return figure(period, party, "netto_toename", value)


@pytest.mark.parametrize(("realised", "expected"), [(77, "not_met"), (78, "met"), (200, "met")])
def test_final_at_the_target(realised: int, expected: str) -> None:
    rows = [net("2022", "alliantie", realised - 10), net("2023", "alliantie", 10)]
    results = run({**GROWTH, "scope": ["party"], "parties": ["alliantie"]}, rows, as_of=date(2024, 1, 1))
    assert results[0].status.value == expected and not results[0].provisional


def test_final_with_a_year_missing_is_no_data_naming_the_year() -> None:
    results = run(
        {**GROWTH, "scope": ["party"], "parties": ["alliantie"]},
        [net("2022", "alliantie", 100)],
        as_of=date(2024, 1, 1),
    )
    assert results[0].status.value == "no_data"
    assert results[0].facts["missing"] == [("netto_toename", "2023", "alliantie")]


@pytest.mark.parametrize(
    ("realised", "expected"),
    [(39, "met"), (Fraction(312, 10), "at_risk"), (32, "at_risk"), (31, "not_met")],
)
def test_trajectory_while_running(realised: object, expected: str) -> None:
    # one of two years reported: expected 78 * 1/2 = 39; at_risk from 80% of 39 = 31.2
    value = int(realised) if isinstance(realised, int) else 32  # 31.2 cannot be a count: use 32 (>= 31.2)
    results = run(
        {**GROWTH, "scope": ["party"], "parties": ["alliantie"]},
        [net("2022", "alliantie", value)],
        as_of=date(2023, 6, 1),
    )
    (result,) = results
    assert result.expected == Fraction(39)
    assert result.provisional
    assert result.status.value == expected


def test_trajectory_counts_half_years() -> None:
    rows = [net("2022", "alliantie", 40), net("2023-H1", "alliantie", 19)]
    (result,) = run({**GROWTH, "scope": ["party"], "parties": ["alliantie"]}, rows, as_of=date(2023, 8, 1))
    assert result.facts["years_reported"] == Fraction(3, 2)
    assert result.expected == Fraction(78 * 3, 4)  # 58.5
    assert result.value == 59 and result.status.value == "met"


def test_nothing_reported_yet_is_no_data() -> None:
    (result,) = run({**GROWTH, "scope": ["party"], "parties": ["alliantie"]}, [], as_of=date(2022, 3, 1))
    assert result.status.value == "no_data"


def test_joint_is_pooled_over_parties() -> None:
    rows = [
        net("2022", "alliantie", 50),
        net("2023", "alliantie", 30),
        net("2022", "portaal", 50),
        net("2023", "portaal", 70),
    ]
    results = run(GROWTH, rows, as_of=date(2024, 2, 1))
    by_party = {r.party: r for r in results}
    assert by_party[None].value == 200 and by_party[None].status.value == "met"
    assert by_party["portaal"].status.value == "met"


def test_netto_toename_derived_from_components() -> None:
    rows = [
        figure("2022-2023", "alliantie", m, v)
        for m, v in [
            ("toevoegingen", 289),
            ("deliberalisatie", 0),
            ("sloop", 144),
            ("verkoop", 40),
            ("liberalisatie", 27),
        ]
    ]
    (result,) = run({**GROWTH, "scope": ["party"], "parties": ["alliantie"]}, rows, as_of=date(2024, 2, 1))
    assert result.value == 78 and result.status.value == "met"


def test_targets_from_a_table() -> None:
    table = Table(
        id="tabel-1",
        title="t",
        article="Tabel 1",
        columns=("alliantie", "portaal", "totaal"),
        rows={"netto": (Decimal(78), Decimal(114), Decimal(192))},
        total_column="totaal",
    )
    agreement = make_agreement(tables={"tabel-1": table})
    check = {**GROWTH, "targets": {"table": "tabel-1", "row": "netto"}}
    results = run(check, [], as_of=date(2024, 2, 1), agreement=agreement)
    assert {r.party: r.target for r in results} == {"alliantie": 78, "portaal": 114, None: 192}


def test_per_year_targets() -> None:
    check = {
        "kind": "target",
        "metric": "netto_toename",
        "window": "2025-2027",
        "per_year": True,
        "targets": {"joint": 50},
        "scope": ["joint"],
    }
    rows = [
        net("2025", "alliantie", 30),
        net("2025", "portaal", 25),
        net("2026", "alliantie", 20),
        net("2026", "portaal", 10),
    ]
    results = run(check, rows, as_of=date(2026, 11, 22))
    assert [(r.period, r.status.value) for r in results] == [
        ("2025", "met"),
        ("2026", "not_met"),
        ("2027", "pending"),  # not begun yet: not a gap in the data
    ]
    assert not results[0].provisional and results[1].provisional


def test_cap_over_a_window() -> None:
    check = {
        "kind": "target",
        "metric": "verkoop",
        "window": "2022-2023",
        "direction": "at_most",
        "targets": {"alliantie": 40},
        "parties": ["alliantie"],
    }
    running_ok = run(check, [figure("2022", "alliantie", "verkoop", 40)], as_of=date(2023, 5, 1))
    running_over = run(check, [figure("2022", "alliantie", "verkoop", 41)], as_of=date(2023, 5, 1))
    final = run(
        check,
        [figure("2022", "alliantie", "verkoop", 20), figure("2023", "alliantie", "verkoop", 21)],
        as_of=date(2024, 5, 1),
    )
    assert running_ok[0].status.value == "met" and running_ok[0].provisional
    assert running_over[0].status.value == "not_met"
    assert final[0].status.value == "not_met"


def test_negative_targets_keep_the_trajectory_sensible() -> None:
    check = {**GROWTH, "targets": {"alliantie": -20}, "scope": ["party"], "parties": ["alliantie"]}
    # expected after one of two years: -10; at_risk down to -12
    assert run(check, [net("2022", "alliantie", -10)], as_of=date(2023, 3, 1))[0].status.value == "met"
    assert run(check, [net("2022", "alliantie", -12)], as_of=date(2023, 3, 1))[0].status.value == "at_risk"
    assert run(check, [net("2022", "alliantie", -13)], as_of=date(2023, 3, 1))[0].status.value == "not_met"
