"""value: one figure against a limit; margin 0 unless the rule sets one."""

from __future__ import annotations

import pytest

from tests.helpers import figure, run

LEEFBAARHEID = {
    "kind": "value",
    "metric": "leefbaarheid_uitgaven_per_woning",
    "max": "131.37",
    "periods": ["2022"],
    "parties": ["alliantie"],
}


@pytest.mark.parametrize(("value", "expected"), [("131.36", "met"), ("131.37", "met"), ("131.38", "not_met")])
def test_maximum_without_margin(value: str, expected: str) -> None:
    (result,) = run(LEEFBAARHEID, [figure("2022", "alliantie", "leefbaarheid_uitgaven_per_woning", value)])
    assert result.status.value == expected


def test_margin_gives_at_risk() -> None:
    (result,) = run(
        {**LEEFBAARHEID, "margin": 5}, [figure("2022", "alliantie", "leefbaarheid_uitgaven_per_woning", 130)]
    )
    assert result.status.value == "at_risk"


def test_minimum() -> None:
    check = {
        "kind": "value",
        "metric": "exploitatietermijn",
        "min": 10,
        "periods": ["2022"],
        "parties": ["alliantie"],
    }
    assert run(check, [figure("2022", "alliantie", "exploitatietermijn", 10)])[0].status.value == "met"
    assert run(check, [figure("2022", "alliantie", "exploitatietermijn", "9.9")])[0].status.value == "not_met"


def test_missing_is_no_data() -> None:
    (result,) = run(LEEFBAARHEID, [])
    assert result.status.value == "no_data"


def test_per_dwelling_values_are_not_summed_for_a_joint_result() -> None:
    rows = [
        figure("2022", "alliantie", "leefbaarheid_uitgaven_per_woning", 100),
        figure("2022", "portaal", "leefbaarheid_uitgaven_per_woning", 100),
    ]
    (joint,) = run({**LEEFBAARHEID, "parties": ["alliantie", "portaal"], "scope": ["joint"]}, rows)
    assert joint.status.value == "no_data"  # EUR per dwelling cannot be pooled: needs an explicit joint row
