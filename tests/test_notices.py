"""Figures that count for nothing are never dropped without a word; figures of another agreement are one error.

Notices go to stderr and into the JSON ``notices``; they never change the exit code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def check(invoke, *figures: Path, as_of: str = "2024-01-15", lang: str = "nl", agreement: str = MINI):  # type: ignore[no-untyped-def]
    args = ["check", "--agreements", str(MINI_INDEX), "-a", agreement, "--as-of", as_of, "--format", "json"]
    for f in figures:
        args += ["-f", str(f)]
    return invoke(*args, "--lang", lang)


# The mini figures without their one row no rule reads (a project figure without a project):
# 21 lines, so a row added is line 22.
BASE = "".join(
    line + "\n" for line in MINI_FIGURES.read_text(encoding="utf-8").splitlines() if "nieuwbouw" not in line
)


def with_rows(tmp_path: Path, *rows: str, name: str = "figures.csv") -> Path:
    path = tmp_path / name
    path.write_text(BASE + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def notices(result) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    return json.loads(result.stdout)["notices"]  # type: ignore[no-any-return]


def test_the_mini_figures_have_one_notice_for_a_figure_without_project(invoke) -> None:  # type: ignore[no-untyped-def]
    result = check(invoke, MINI_FIGURES)
    assert result.exit_code in (0, 1)
    (notice,) = notices(result)
    assert notice["line"] == 22
    assert notice["message"] == (
        "nieuwbouw_woningen 2022 (gezamenlijk) telt niet mee: de regels lezen nieuwbouw_woningen alleen "
        "per project: vul de kolom project in"
    )
    assert result.stderr.count("waarschuwing") == 1


def test_a_window_where_the_rules_read_years_is_noticed(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plain = check(invoke, with_rows(tmp_path, name="plain.csv"))
    path = with_rows(tmp_path, "2022/2023,alliantie,verhuringen_totaal,800")
    result = check(invoke, path)
    assert result.exit_code == plain.exit_code  # a notice never changes the exit code
    assert json.loads(result.stdout)["results"] == json.loads(plain.stdout)["results"]
    (notice,) = notices(result)
    assert notice["file"].endswith("figures.csv") and notice["line"] == 22
    assert "verhuringen_totaal 2022-2023 (alliantie) telt niet mee" in notice["message"]
    assert "bedoelde u 2022 en 2023 afzonderlijk?" in notice["message"]
    assert f"figures.csv:22: waarschuwing: {notice['message']}" in result.stderr


def test_many_unread_rows_are_one_notice_with_a_count_and_the_first_lines(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [f"{p},gemeente,verhuringen_totaal,1" for p in ("2022-Q1", "2022-Q2", "2023", "2022-Q4")]
    rows += ["2022,hbva,verhuringen_totaal,7", "2022,alliantie,toevoegingen_tijdelijk,0"]
    result = check(invoke, with_rows(tmp_path, *rows))
    messages = [n["message"] for n in notices(result)]
    assert len(messages) == 3, messages
    by_party = next(m for m in messages if "'gemeente'" in m)
    assert by_party.startswith("4 cijfers tellen niet mee (regels 22, 23, 24, 25; het eerste: ")
    assert (
        "de regels lezen verhuringen_totaal niet van 'gemeente', wel van alliantie, portaal, gezamenlijk"
        in (by_party)
    )
    assert any("niet van 'hbva'" in m for m in messages)
    assert any("geen van de gekozen regels leest 'toevoegingen_tijdelijk'" in m for m in messages)


def test_a_grouped_notice_names_five_lines_and_how_many_more(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    periods = [f"{y}-Q{q}" for y in (2022, 2023) for q in range(1, 5)] + [
        f"{y}-H{h}" for y in (2022, 2023) for h in (1, 2)
    ]
    rows = [f"{p},gemeente,toevoegingen_tijdelijk,{2 if 'H' in p else 1}" for p in periods]
    (notice,) = notices(check(invoke, with_rows(tmp_path, *rows)))
    assert notice["message"].startswith("12 cijfers tellen niet mee (regels 22, 23, 24, 25, 26 en 7 meer;")


def test_a_joint_figure_where_the_rules_read_each_party(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = with_rows(tmp_path, "2023,gezamenlijk,leefbaarheid_uitgaven_per_woning,120")
    (notice,) = notices(check(invoke, path))
    assert (
        "de regels lezen leefbaarheid_uitgaven_per_woning per partij (alliantie, portaal), niet gezamenlijk"
        in (notice["message"])
    )


@pytest.mark.parametrize("period", ["2013", "2033"])
def test_a_period_outside_the_agreement_suggests_the_close_one(invoke, tmp_path: Path, period: str) -> None:  # type: ignore[no-untyped-def]
    path = with_rows(tmp_path, f"{period},alliantie,leefbaarheid_uitgaven_per_woning,120")
    (notice,) = notices(check(invoke, path))
    assert f"niet voor {period}, wel voor 2022, 2023" in notice["message"]
    assert "(bedoelde u '2023'?)" in notice["message"]


def test_notices_in_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = with_rows(tmp_path, "2022-2023,alliantie,verhuringen_totaal,800")
    (notice,) = notices(check(invoke, path, lang="en"))
    assert "verhuringen_totaal 2022-2023 (alliantie) is not used" in notice["message"]
    assert "did you mean 2022 and 2023 separately?" in notice["message"]
    assert "warning: " in check(invoke, path, lang="en").stderr


def test_a_figure_only_a_rule_of_another_theme_reads_is_not_noticed(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(with_rows(tmp_path)),
        "--as-of", "2024-01-15", "--theme", "Duurzaamheid", "--format", "json",
    )  # fmt: skip
    assert result.exit_code in (0, 1)
    assert notices(result) == []


# -- periods after the as-of date ---------------------------------------------------------------


def test_figures_for_a_period_not_begun_are_pending_with_a_notice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = ["2023,alliantie,verhuringen_totaal,300", "2023,alliantie,verhuringen_urgent,290"]
    path = with_rows(tmp_path, *rows)
    before = check(invoke, path, as_of="2022-11-01")
    results = json.loads(before.stdout)["results"]
    share_2023 = [r for r in results if r["rule"] == f"{MINI}/1" and r["period"] == "2023"]
    assert share_2023 and {r["status"] for r in share_2023} == {"pending"}
    (notice,) = [n for n in notices(before) if "peildatum" in n["message"]]
    assert notice["message"].startswith(
        "2 cijfers voor 2023 (regels 22, 23), maar de peildatum is 1 november 2022"
    )
    # On a later as-of date the same figures are read: 290 of 300 is not met.
    after = json.loads(check(invoke, path, as_of="2024-01-15").stdout)["results"]
    assert {
        r["status"]
        for r in after
        if r["rule"] == f"{MINI}/1" and r["period"] == "2023" and r["party"] == "alliantie"
    } == {"not_met"}


def test_a_period_not_begun_in_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = with_rows(tmp_path, "2023,alliantie,verhuringen_totaal,300")
    (notice,) = notices(check(invoke, path, as_of="2022-11-01", lang="en"))
    assert "a figure for 2023, but the as-of date is 1 November 2022" in notice["message"]


def test_only_figures_for_a_period_not_begun_is_no_error(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text("period,party,metric,value\n2023,alliantie,verhuringen_totaal,300\n", encoding="utf-8")
    result = check(invoke, path, as_of="2022-11-01")
    assert result.exit_code in (0, 1), result.stderr
    assert "cijfer voor 2023, maar de peildatum is 1 november 2022" in result.stderr


# -- the missing-figures message names the components ----------------------------------------------


def test_missing_components_are_named_not_the_derived_figure(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = BASE
    path = tmp_path / "f.csv"
    path.write_text(
        "".join(
            line + "\n" for line in text.splitlines() if "verkoop" not in line and "liberalisatie" not in line
        ),
        encoding="utf-8",
    )
    for lang, fragment in (
        ("nl", "(onderdelen van netto toename"),
        ("en", "(components of net "),
    ):
        results = json.loads(check(invoke, path, lang=lang).stdout)["results"]
        (result,) = [r for r in results if r["rule"] == f"{MINI}/4" and r["party"] == "alliantie"]
        assert result["status"] == "no_data"
        missing = {(m["metric"], m["period"]) for m in result["missing"]}
        assert {("deliberalisatie", "2022"), ("verkoop", "2022"), ("liberalisatie", "2022")} <= missing
        assert ("netto_toename", "2022") not in missing
        assert fragment in result["message"]
        assert result["message"].endswith(
            "; vul 0 in waar er geen waren)" if lang == "nl" else "; write 0 where there were none)"
        )


# -- figures of another agreement ----------------------------------------------------------------


def test_agreement_column_naming_another_agreement_is_one_error(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text(
        "period,party,metric,value,agreement\n2022,portaal,verhuringen_totaal,10,soest-2021-2022\n"
        "2022,portaal,verhuringen_urgent,3,soest-2021-2022\n",
        encoding="utf-8",
    )
    result = invoke("check", "-a", "amersfoort-2022-2023", "-f", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines
    assert "f.csv:2:" in lines[0]
    assert "horen volgens de kolom agreement bij soest-2021-2022, niet bij 'amersfoort-2022-2023'" in lines[0]


def test_figures_without_agreement_column_for_another_agreement_is_one_error(invoke) -> None:  # type: ignore[no-untyped-def]
    for asked, figures, belongs in (
        ("amersfoort-2022-2023", "soest-2021-2022.csv", "soest-2021-2022"),
        ("amersfoort-2021", "amersfoort-2022-2023.csv", "amersfoort-2022-2023"),
    ):
        result = invoke("check", "-a", asked, "-f", str(EXAMPLES / figures), "--lang", "en")
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 2, lines
        assert f"these figures belong to agreement '{belongs}', not to '{asked}'" in lines[0]
        assert f"use -a {belongs}" in lines[0]


def test_a_row_with_a_wrong_party_is_still_named_row_by_row(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = with_rows(tmp_path, "2022,omnia-wonen,verhuringen_totaal,10")
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "figures.csv:22" in result.stderr and "horen bij" not in result.stderr


def test_rows_of_another_agreement_in_a_file_of_several_are_one_notice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    body = (EXAMPLES / "amersfoort-2022-2023.csv").read_text(encoding="utf-8").splitlines()
    lines = [body[0] + ",agreement"] + [line + ",amersfoort-2022-2023" for line in body[1:]]
    lines += [f"{y},portaal,verhuringen_totaal,{y - 1900},,,soest-2021-2022" for y in (2021, 2022, 2023)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke(
        "check", "-a", "amersfoort-2022-2023", "-f", str(path), "--as-of", "2024-06-01", "--format", "json"
    )
    assert result.exit_code in (0, 1), result.stderr
    (notice,) = [n for n in notices(result) if "soest" in n["message"]]
    first = len(body) + 1
    assert notice["message"].startswith(
        f"3 rijen voor afspraken 'soest-2021-2022' overgeslagen (regels {first}, {first + 1}, {first + 2})"
    )
    assert "gekozen is amersfoort-2022-2023 (--agreement)" in notice["message"]


# -- the same file twice --------------------------------------------------------------------------


def test_the_same_file_given_twice_is_read_once(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = with_rows(tmp_path, name="f.csv")
    once = check(invoke, copy)
    twice = check(invoke, copy, tmp_path / "." / "f.csv")
    assert twice.exit_code == once.exit_code
    assert json.loads(twice.stdout)["results"] == json.loads(once.stdout)["results"]
    (notice,) = notices(twice)
    assert "hetzelfde bestand is nogmaals opgegeven" in notice["message"]
    assert "ook in" not in twice.stderr  # no notice per figure


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_notice_is_in_the_xlsx_summary_too(invoke, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    path = with_rows(tmp_path, "2022-2023,alliantie,verhuringen_totaal,800")
    out = tmp_path / "r.xlsx"
    invoke(
        "check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(path), "--as-of", "2024-01-15",
        "--format", "xlsx", "-o", str(out), "--lang", lang,
    )  # fmt: skip
    cells = [
        str(c.value)
        for sheet in openpyxl.load_workbook(out).worksheets
        for row in sheet.iter_rows()
        for c in row
    ]
    assert any("verhuringen_totaal 2022-2023 (alliantie)" in c for c in cells)
