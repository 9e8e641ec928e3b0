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


STRICT_TERM = {
    "kind": "value",
    "metric": "exploitatietermijn",
    "min": 10,
    "strict": True,
    "periods": ["2022"],
    "parties": ["alliantie"],
}


@pytest.mark.parametrize(
    ("value", "expected"), [("9.9", "not_met"), ("10", "not_met"), ("10.01", "met"), ("11", "met")]
)
def test_strict_minimum_does_not_allow_the_limit(value: str, expected: str) -> None:
    """'langer dan 10 jaar': exactly 10 is not enough."""
    (result,) = run(STRICT_TERM, [figure("2022", "alliantie", "exploitatietermijn", value)])
    assert result.status.value == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("131.36", "met"), ("131.37", "not_met"), ("131.38", "not_met")]
)
def test_strict_maximum_does_not_allow_the_limit(value: str, expected: str) -> None:
    (result,) = run(
        {**LEEFBAARHEID, "strict": True},
        [figure("2022", "alliantie", "leefbaarheid_uitgaven_per_woning", value)],
    )
    assert result.status.value == expected


@pytest.mark.parametrize(("lang", "words"), [("nl", "precies op de grens"), ("en", "exactly at the limit")])
def test_strict_limit_says_why_the_limit_itself_fails(lang: str, words: str) -> None:
    from prestatiecheck.i18n import set_language
    from prestatiecheck.rendering.present import present

    (result,) = run(STRICT_TERM, [figure("2022", "alliantie", "exploitatietermijn", 10)])
    set_language(lang)
    try:
        shown = present(result, None)
    finally:
        set_language("nl")
    assert words in shown.message
    assert shown.norm.startswith("> ")
