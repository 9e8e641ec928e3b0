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
