"""Result messages speak words, not internal names: metrics by their meaning, norms with their number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from prestatiecheck.i18n import set_language
from prestatiecheck.loading.rules import load_catalogue
from prestatiecheck.rendering.present import metric_name, present
from tests.helpers import MINI, figure, make_agreement, mini_catalogue, run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STATUSHOUDERS = {
    "kind": "compare",
    "left": "statushouders_gehuisvest",
    "op": ">=",
    "right": "statushouders_taakstelling",
    "periods": ["2022"],
    "parties": ["gemeente"],
}


def _metric_keys() -> set[str]:
    """Every metric key a result could name (shared vocabulary and the agreements' own)."""
    catalogue = load_catalogue()
    return {k for k in catalogue.all_metrics() if "_" in k}  # one-word keys are ordinary words too


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", sorted(p.stem for p in EXAMPLES.glob("*.csv") if "excel" not in p.stem))
def test_no_metric_key_in_any_shown_text_of_the_examples(invoke, example: str, lang: str) -> None:
    result = invoke(
        "--lang", lang, "check", "-a", example, "-f", str(EXAMPLES / f"{example}.csv"),
        "--as-of", "2026-12-01", "--format", "json", "--fail-on", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    keys = _metric_keys()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, keys), key=len, reverse=True)) + r")\b")
    for rec in json.loads(result.stdout)["results"]:
        for field in ("message", "norm_text", "value_text"):
            found = pattern.search(rec[field])
            assert found is None, (rec["rule"], field, rec[field])


@pytest.mark.parametrize(
    ("lang", "housed", "expected"),
    [
        ("nl", 44, "gehuisveste statushouders 44, minder dan taakstelling huisvesting statushouders 57"),
        ("nl", 57, "gehuisveste statushouders 57, taakstelling huisvesting statushouders 57"),
        ("en", 44, "status holders housed 44, less than target for housing status holders 57"),
    ],
)
def test_compare_names_the_metrics(lang: str, housed: int, expected: str) -> None:
    set_language(lang)
    rows = [figure("2022", "gemeente", "statushouders_gehuisvest", housed)]
    rows.append(figure("2022", "gemeente", "statushouders_taakstelling", 57))
    (result,) = run(STATUSHOUDERS, rows, trekker=["gemeente"])
    shown = present(result, make_agreement())
    assert shown.message == expected
    assert shown.norm == "≥ 57"


@pytest.mark.parametrize(
    ("op", "nl"),
    [(">", "niet meer dan"), ("<=", "meer dan"), ("<", "niet minder dan"), ("==", "niet gelijk aan")],
)
def test_compare_not_met_says_the_relation_in_words(op: str, nl: str) -> None:
    rows = [figure("2022", "gemeente", "statushouders_gehuisvest", 57 if op in (">", "==") else 60)]
    rows.append(figure("2022", "gemeente", "statushouders_taakstelling", 57 if op != "==" else 58))
    (result,) = run({**STATUSHOUDERS, "op": op}, rows, trekker=["gemeente"])
    assert result.status.value == "not_met"
    assert f", {nl} taakstelling huisvesting statushouders" in present(result, make_agreement()).message


def test_compare_without_figures_names_the_other_metric_in_the_norm() -> None:
    (result,) = run(STATUSHOUDERS, [], trekker=["gemeente"])
    shown = present(result, make_agreement())
    assert shown.norm == "≥ taakstelling huisvesting statushouders"
    assert shown.message.startswith("geen gegevens: gehuisveste statushouders 2022 (Gemeente Mini)")
    assert "statushouders_" not in shown.message + shown.norm


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("nl", 601, "601, onder het minimum van 605"),
        ("nl", 606, "606, net boven het minimum van 605"),
        ("nl", 700, "700, minimum van 605 gehaald"),
        ("en", 601, "601, below the minimum of 605"),
    ],
)
def test_a_minimum_is_stated_with_its_number_as_a_maximum_is(lang: str, value: int, expected: str) -> None:
    set_language(lang)
    check = {"kind": "value", "metric": "bijeenkomsten", "min": 605, "margin": 2, "periods": ["2022"]}
    (result, *_) = run(check, [figure("2022", "alliantie", "bijeenkomsten", value)], trekker=["alliantie"])
    assert present(result, make_agreement()).message == expected


def test_a_share_names_its_limit() -> None:
    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
        "periods": ["2022"],
    }
    rows = [
        figure("2022", "alliantie", "verhuringen_urgent", 60),
        figure("2022", "alliantie", "verhuringen_totaal", 100),
    ]
    (result,) = run(check, rows, trekker=["alliantie"])
    assert present(result, make_agreement()).message == "60,0% (60 van 100), boven het maximum van 50%"


def test_zero_denominator_names_the_metric() -> None:
    check = {
        "kind": "share",
        "numerator": "verhuringen_urgent",
        "denominator": "verhuringen_totaal",
        "max": 50,
        "periods": ["2022"],
    }
    rows = [
        figure("2022", "alliantie", "verhuringen_urgent", 0),
        figure("2022", "alliantie", "verhuringen_totaal", 0),
    ]
    (result,) = run(check, rows, trekker=["alliantie"])
    message = present(result, make_agreement()).message
    assert message.startswith("verhuringen van sociale huurwoningen uit vrijkomend aanbod is 0")
    assert "verhuringen_totaal" not in message


@pytest.mark.parametrize(
    ("lang", "key", "expected"),
    [
        # the explanation in brackets goes, a bracket inside a word stays
        ("nl", "statushouders_gehuisvest", "gehuisveste statushouders"),
        ("en", "statushouders_gehuisvest", "status holders housed"),
        ("nl", "liberalisatie", "liberalisatie"),
        # a part is named with its whole
        (
            "nl",
            "nieuwbouw_sociale_huur",
            "woningen in een nieuwbouwproject, daarvan sociale huurwoningen",
        ),
        (
            "en",
            "nieuwbouw_sociale_huur",
            "dwellings in a new-build project, of those, social rental dwellings",
        ),
        # the agreement's own metrics, and a key nobody described stays as it is
        ("nl", "bijeenkomsten", "aantal bijeenkomsten"),
        ("nl", "no_such_metric", "no_such_metric"),
    ],
)
def test_metric_names(lang: str, key: str, expected: str) -> None:
    set_language(lang)
    assert metric_name(mini_catalogue().agreements[MINI], key) == expected


def test_metric_name_keeps_abbreviations_and_brackets_inside_words() -> None:
    from prestatiecheck.rendering.present import _short

    assert _short("MPG van de nieuwbouw (hoogste)") == "MPG van de nieuwbouw"
    assert _short("Saldo (de)liberalisatie (per jaar)") == "saldo (de)liberalisatie"
    assert _short("Uitstroom uit (jeugd)zorg") == "uitstroom uit (jeugd)zorg"
    assert _short("(alleen haakjes)") == "(alleen haakjes)"
