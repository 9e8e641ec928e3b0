"""count: a minimum number of events, summed over sub-periods."""

from __future__ import annotations

import pytest

from tests.helpers import figure, run

MEETINGS = {
    "kind": "count",
    "metric": "bijeenkomsten",
    "min": 4,
    "periods": "window",
    "parties": ["gemeente"],
}


@pytest.mark.parametrize(("count", "expected"), [(3, "not_met"), (4, "met"), (9, "met")])
def test_minimum(count: int, expected: str) -> None:
    (result,) = run(MEETINGS, [figure("2022-2023", "gemeente", "bijeenkomsten", count)], trekker=["gemeente"])
    assert result.status.value == expected


def test_window_from_years() -> None:
    rows = [figure("2022", "gemeente", "bijeenkomsten", 2), figure("2023", "gemeente", "bijeenkomsten", 2)]
    (result,) = run(MEETINGS, rows, trekker=["gemeente"])
    assert result.value == 4 and result.status.value == "met"


def test_window_with_a_year_missing_is_no_data() -> None:
    (result,) = run(MEETINGS, [figure("2022", "gemeente", "bijeenkomsten", 5)], trekker=["gemeente"])
    assert result.status.value == "no_data"


def test_maximum() -> None:
    check = {
        "kind": "count",
        "metric": "bijeenkomsten",
        "max": 20,
        "periods": ["2022"],
        "parties": ["gemeente"],
    }
    assert (
        run(check, [figure("2022", "gemeente", "bijeenkomsten", 20)], trekker=["gemeente"])[0].status.value
        == "met"
    )
    assert (
        run(check, [figure("2022", "gemeente", "bijeenkomsten", 21)], trekker=["gemeente"])[0].status.value
        == "not_met"
    )
