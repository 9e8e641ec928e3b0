"""compare: one figure against another of the same party and period."""

from __future__ import annotations

import pytest

from tests.helpers import figure, run

ENERGY = {
    "kind": "compare",
    "left": "huurverhoging_energiemaatregelen",
    "op": "<=",
    "right": "daling_energielasten",
    "periods": ["2022"],
    "parties": ["alliantie"],
}


@pytest.mark.parametrize(
    ("rent", "saving", "expected"), [("10", "12", "met"), ("12", "12", "met"), ("12.01", "12", "not_met")]
)
def test_less_or_equal(rent: str, saving: str, expected: str) -> None:
    rows = [
        figure("2022", "alliantie", "huurverhoging_energiemaatregelen", rent),
        figure("2022", "alliantie", "daling_energielasten", saving),
    ]
    assert run(ENERGY, rows)[0].status.value == expected


@pytest.mark.parametrize(("housed", "expected"), [(99, "not_met"), (100, "met"), (130, "met")])
def test_greater_or_equal(housed: int, expected: str) -> None:
    check = {
        "kind": "compare",
        "left": "statushouders_gehuisvest",
        "op": ">=",
        "right": "statushouders_taakstelling",
        "periods": ["2022-H1"],
        "parties": ["gemeente"],
    }
    rows = [
        figure("2022-H1", "gemeente", "statushouders_gehuisvest", housed),
        figure("2022-H1", "gemeente", "statushouders_taakstelling", 100),
    ]
    assert run(check, rows, trekker=["gemeente"])[0].status.value == expected


def test_strict_operators() -> None:
    rows = [
        figure("2022", "alliantie", "huurverhoging_energiemaatregelen", 5),
        figure("2022", "alliantie", "daling_energielasten", 5),
    ]
    assert run({**ENERGY, "op": "<"}, rows)[0].status.value == "not_met"
    assert run({**ENERGY, "op": "=="}, rows)[0].status.value == "met"


def test_one_side_missing() -> None:
    (result,) = run(ENERGY, [figure("2022", "alliantie", "daling_energielasten", 5)])
    assert result.status.value == "no_data"


SALES = {
    "kind": "compare",
    "left": "toevoegingen",
    "op": ">=",
    "right": "verkoop",
    "periods": "window",
    "parties": ["alliantie"],
}


def test_a_window_sums_its_years() -> None:
    """Sales in 2022 before the new build of 2023: over the window the new build compensates."""
    rows = [
        figure("2022", "alliantie", "toevoegingen", 0),
        figure("2022", "alliantie", "verkoop", 10),
        figure("2023", "alliantie", "toevoegingen", 10),
        figure("2023", "alliantie", "verkoop", 0),
    ]
    (result,) = run(SALES, rows)
    assert (result.period, result.status.value, result.value, result.limit) == ("2022-2023", "met", 10, 10)
    assert not result.provisional
    rows[2] = figure("2023", "alliantie", "toevoegingen", 9)
    assert run(SALES, rows)[0].status.value == "not_met"


def test_a_running_window_is_the_sum_so_far_and_provisional() -> None:
    from datetime import date

    rows = [figure("2022", "alliantie", "toevoegingen", 3), figure("2022", "alliantie", "verkoop", 5)]
    (result,) = run(SALES, rows, date(2023, 6, 1))
    assert (result.status.value, result.value, result.limit, result.provisional) == ("not_met", 3, 5, True)
    assert result.facts["years"] == ["2022"]
    # the years without both figures are left out, not read as zero
    rows.append(figure("2023", "alliantie", "toevoegingen", 4))
    assert run(SALES, rows, date(2023, 6, 1))[0].value == 3
    # once the window is over every year must be in
    assert run(SALES, rows, date(2024, 6, 1))[0].status.value == "no_data"


def test_a_running_window_without_any_year_is_no_data() -> None:
    from datetime import date

    (result,) = run(SALES, [figure("2022", "alliantie", "toevoegingen", 3)], date(2023, 6, 1))
    assert result.status.value == "no_data" and result.provisional
