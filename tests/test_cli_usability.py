"""The CLI items of issue 13: date forms, list overview and width, ids, colour, progress, completion."""

from __future__ import annotations

import json

import pytest

from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

BASE = ["--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(MINI_FIGURES), "--format", "json"]


@pytest.mark.parametrize("as_of", ["2023-03-15", "15-3-2023", "15-03-2023", "2023-3-15", " 15-3-2023 "])
def test_as_of_takes_the_date_forms_of_figures_files(invoke, as_of: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(invoke("check", *BASE, "--as-of", as_of).stdout)
    assert data["as_of"] == "2023-03-15"


def test_as_of_forms_in_deadlines_too(invoke) -> None:  # type: ignore[no-untyped-def]
    iso = invoke("deadlines", "--agreements", str(MINI_INDEX), "--as-of", "2023-04-15", "--format", "json")
    dutch = invoke("deadlines", "--agreements", str(MINI_INDEX), "--as-of", "15-4-2023", "--format", "json")
    assert iso.stdout == dutch.stdout and iso.exit_code == dutch.exit_code == 1


def test_a_bad_as_of_in_english(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", *BASE, "--as-of", "15/4/2023", "--lang", "en")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--as-of': '15/4/2023' is ambiguous" in result.stderr
