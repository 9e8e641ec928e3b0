"""project_share: a share in every project found in the figures."""

from __future__ import annotations

from datetime import date

from tests.helpers import figure, run

SOCIAL = {
    "kind": "project_share",
    "numerator": "nieuwbouw_sociale_huur",
    "denominator": "nieuwbouw_woningen",
    "min": 35,
}


def test_each_project_gets_its_own_verdict() -> None:
    rows = [
        figure("2022", None, "nieuwbouw_woningen", 100, project="Hoef"),
        figure("2022", None, "nieuwbouw_sociale_huur", 35, project="Hoef"),  # exactly 35%: at_risk (margin 2)
        figure("2023", "portaal", "nieuwbouw_woningen", 200, project="Wagenwerkplaats"),
        figure("2023", "portaal", "nieuwbouw_sociale_huur", 80, project="Wagenwerkplaats"),  # 40%
        figure("2023", None, "nieuwbouw_woningen", 50, project="Zuid"),
        figure("2023", None, "nieuwbouw_sociale_huur", 10, project="Zuid"),  # 20%
    ]
    results = run(SOCIAL, rows, as_of=date(2024, 1, 1))
    assert {(r.project, r.status.value) for r in results} == {
        ("Hoef", "at_risk"),
        ("Wagenwerkplaats", "met"),
        ("Zuid", "not_met"),
    }


def test_a_project_with_half_its_figures_is_no_data() -> None:
    rows = [figure("2022", None, "nieuwbouw_woningen", 100, project="Hoef")]
    (result,) = run(SOCIAL, rows, as_of=date(2024, 1, 1))
    assert result.status.value == "no_data" and result.project == "Hoef"


def test_projects_outside_the_window_are_ignored() -> None:
    rows = [
        figure("2021", None, "nieuwbouw_woningen", 100, project="Oud"),
        figure("2021", None, "nieuwbouw_sociale_huur", 10, project="Oud"),
    ]
    assert run(SOCIAL, rows) == []
