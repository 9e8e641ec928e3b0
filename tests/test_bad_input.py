"""Every bad-input path: exit code 2, a message naming the file and the line or row, no traceback."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import MINI, MINI_INDEX

HEADER = "period,party,metric,value\n"


def check_args(figures: Path | str) -> list[str]:
    return ["check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(figures), "--as-of", "2024-01-15"]


def assert_input_error(result, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


FIGURES_CASES = {
    "non_numeric": (
        HEADER + "2022,alliantie,verhuringen_totaal,veel\n",
        ["figures.csv:2", "'veel' is geen getal"],
    ),
    "impossible_date": (
        HEADER + "2022,alliantie,aanlevering_woningmarktmonitor,2023-02-30\n",
        ["figures.csv:2", "'2023-02-30' is geen bestaande datum"],
    ),
    "negative_component": (HEADER + "2022,alliantie,sloop,-4\n", ["figures.csv:2", "negatief"]),
    "part_larger_than_whole": (
        HEADER + "2022,alliantie,verhuringen_totaal,100\n2022,alliantie,verhuringen_urgent,101\n",
        ["figures.csv:3", "verhuringen_urgent (101) is groter dan verhuringen_totaal (100, figures.csv:2)"],
    ),
    "duplicate_row": (
        HEADER + "2022,alliantie,verhuringen_totaal,100\n2022,alliantie,verhuringen_totaal,100\n",
        ["figures.csv:3", "twee keer", "figures.csv:2"],
    ),
    "components_disagree": (
        HEADER
        + "".join(
            f"2022,alliantie,{m},{v}\n"
            for m, v in [
                ("toevoegingen", 50),
                ("deliberalisatie", 0),
                ("sloop", 10),
                ("verkoop", 5),
                ("liberalisatie", 0),
                ("netto_toename", 40),
            ]
        ),
        ["netto_toename = 40", "de onderdelen geven 35"],
    ),
    "unknown_metric": (
        HEADER + "2022,alliantie,verhuringen_totaa,100\n",
        ["figures.csv:2", "onbekend cijfer (metric) 'verhuringen_totaa'", "bedoelde u 'verhuringen_totaal'"],
    ),
    "unknown_party": (
        HEADER + "2022,aliantie,verhuringen_totaal,100\n",
        ["figures.csv:2", "partij 'aliantie'", "bedoelde u 'alliantie'"],
    ),
    "unknown_agreement_row": (
        "agreement," + HEADER + "mini-2022-2024,2022,alliantie,verhuringen_totaal,100\n",
        ["figures.csv:2", "onbekende afspraken 'mini-2022-2024'", f"bedoelde u '{MINI}'"],
    ),
    "bad_period": (
        HEADER + "2022-H3,alliantie,verhuringen_totaal,100\n",
        ["figures.csv:2", "'2022-H3' is geen periode"],
    ),
    "missing_column": (
        "period,party,metrc,value\n2022,alliantie,verhuringen_totaal,1\n",
        ["figures.csv:1", "kolom 'metric' ontbreekt", "bedoelde u 'metrc'"],
    ),
    "decimal_comma_in_comma_file": (
        HEADER + '2022,alliantie,leefbaarheid_uitgaven_per_woning,"131,5"\n',
        ["figures.csv:2", "bedoelt u 131.5"],
    ),
    "decimal_point_in_semicolon_file": (
        "period;party;metric;value\n2022;alliantie;leefbaarheid_uitgaven_per_woning;131.5\n",
        ["figures.csv:2", "bedoelt u 131,5"],
    ),
    "fraction_count": (HEADER + "2022,alliantie,verhuringen_totaal,10.5\n", ["geen geheel aantal"]),
    "slash_date": (HEADER + "2022,alliantie,aanlevering_woningmarktmonitor,03/04/2022\n", ["dubbelzinnig"]),
    "halves_disagree_with_year": (
        HEADER + "2022,alliantie,verhuringen_totaal,100\n2022-H1,alliantie,verhuringen_totaal,40\n"
        "2022-H2,alliantie,verhuringen_totaal,50\n",
        ["2022-H1 + 2022-H2 = 90"],
    ),
    "only_empty_values": (HEADER + "2022,alliantie,verhuringen_totaal,\n", ["geen ingevulde cijfers"]),
    "matches_no_rule": (HEADER + "2031,alliantie,verhuringen_totaal,100\n", ["passen bij geen enkele regel"]),
}


@pytest.mark.parametrize("case", sorted(FIGURES_CASES))
def test_bad_figures_csv(case: str, tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    text, fragments = FIGURES_CASES[case]
    path = tmp_path / "figures.csv"
    path.write_text(text, encoding="utf-8")
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.csv")), *fragments)


YAML_CASES = {
    "malformed": ("figures:\n  - {period: 2022, party: alliantie\n", ["figures.yaml:3", "ongeldige YAML"]),
    "duplicate_key": (
        "figures:\n  - period: 2022\n    period: 2023\n    party: alliantie\n"
        "    metric: sloop\n    value: 1\n",
        ["figures.yaml:3:5", "sleutel 'period' komt twee keer voor"],
    ),
    "yaml11_no": (
        "figures:\n  - {period: 2022, party: no, metric: sloop, value: 1}\n",
        ["figures.yaml:2:27", "'no' is dubbelzinnig"],
    ),
    "yaml11_on": (
        "figures:\n  - {period: 2022, party: alliantie, metric: sloop, value: 1, note: on}\n",
        ["'on' is dubbelzinnig"],
    ),
    "yaml11_exponent": (
        "figures:\n  - {period: 2022, party: alliantie, metric: sloop, value: 1e3}\n",
        ["figures.yaml:2:60", "'1e3' is dubbelzinnig"],
    ),
    "unknown_key": (
        "figures:\n  - {period: 2022, party: alliantie, metrik: sloop, value: 1}\n",
        ["onbekende sleutel 'metrik'", "bedoelde u 'metric'"],
    ),
    "wrong_shape": ("- 2022\n", ["figures:"]),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_bad_figures_yaml(case: str, tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    text, fragments = YAML_CASES[case]
    (tmp_path / "figures.yaml").write_text(text, encoding="utf-8")
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.yaml")), *fragments)


def test_empty_file(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "figures.csv").write_text("", encoding="utf-8")
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.csv")), "figures.csv", "het bestand is leeg")


def test_binary_file(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "figures.csv").write_bytes(b"\x00\x01\x02binary\x00")
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.csv")), "figures.csv", "binaire inhoud")


def test_excel_file_with_csv_extension(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "figures.csv").write_bytes(b"PK\x03\x04rest-of-a-zip")
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.csv")), "Excel-bestand")


def test_missing_path(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("nergens.csv")), "nergens.csv", "bestand bestaat niet")


def test_directory_instead_of_file(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "map.csv").mkdir()
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("map.csv")), "map.csv", "dit is een map")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_path(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "figures.csv"
    path.write_text(HEADER, encoding="utf-8")
    path.chmod(0)
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.csv")), "figures.csv", "kan het bestand niet lezen")


def test_unknown_extension(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "figures.pdf").write_bytes(b"%PDF-1.7")
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.pdf")), "figures.pdf", "onbekend bestandstype")


def test_old_excel_file_says_to_save_as_xlsx(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "figures.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    os.chdir(tmp_path)
    assert_input_error(invoke(*check_args("figures.xls")), "figures.xls", "oud Excel-bestand (.xls)")


def test_all_problems_in_one_pass(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.csv").write_text(
        HEADER + "2022,alliantie,verhuringen_totaal,veel\n2022,x,sloop,1\n", encoding="utf-8"
    )
    (tmp_path / "b.csv").write_text(HEADER + "2022,alliantie,sloop,-1\n", encoding="utf-8")
    os.chdir(tmp_path)
    result = invoke("check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", "a.csv", "-f", "b.csv")
    assert_input_error(result, "a.csv:2", "a.csv:3", "b.csv:2", "3 fout(en)")


def test_conflict_across_files_names_both_places(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.csv").write_text(HEADER + "2022,alliantie,verhuringen_totaal,100\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(HEADER + "2022,alliantie,verhuringen_totaal,120\n", encoding="utf-8")
    os.chdir(tmp_path)
    result = invoke("check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", "a.csv", "-f", "b.csv")
    assert_input_error(result, "b.csv:2", "a.csv:2", "120", "100")


def test_same_value_in_two_files_is_said_once(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    row = "2022,alliantie,verhuringen_totaal,100\n2022,alliantie,verhuringen_urgent,10\n"
    (tmp_path / "a.csv").write_text(HEADER + row, encoding="utf-8")
    (tmp_path / "b.csv").write_text(HEADER + row, encoding="utf-8")
    os.chdir(tmp_path)
    result = invoke(
        "check",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        MINI,
        "-f",
        "a.csv",
        "-f",
        "b.csv",
        "--as-of",
        "2024-01-15",
        "--format",
        "json",
    )
    assert result.exit_code in (0, 1)
    assert result.stderr.count("ook in a.csv") == 2  # two figures, each said once


def test_agreement_required_lists_the_ids(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "f.csv").write_text(HEADER + "2022,alliantie,sloop,1\n", encoding="utf-8")
    result = invoke("check", "--agreements", str(MINI_INDEX), "-f", str(tmp_path / "f.csv"))
    assert_input_error(result, "--agreement", MINI)


def test_unknown_agreement_option(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "f.csv").write_text(HEADER + "2022,alliantie,sloop,1\n", encoding="utf-8")
    result = invoke(
        "check", "--agreements", str(MINI_INDEX), "-a", "mini-2022", "-f", str(tmp_path / "f.csv")
    )
    assert_input_error(result, "onbekende afspraken 'mini-2022'", f"bedoelde u '{MINI}'")


def test_bad_as_of_is_a_usage_error(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "-a", MINI, "-f", "x.csv", "--as-of", "2024-02-30")
    assert result.exit_code == 2 and "JJJJ-MM-DD" in result.stderr


def test_english_messages(tmp_path: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "figures.csv").write_text(
        HEADER + "2022,alliantie,verhuringen_totaa,veel\n", encoding="utf-8"
    )
    os.chdir(tmp_path)
    result = invoke(*check_args("figures.csv"), "--lang", "en")
    assert_input_error(result, "unknown metric 'verhuringen_totaa'", "did you mean 'verhuringen_totaal'")


# -- rule files --------------------------------------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the mini agreement set that a test may break."""
    target = tmp_path / "set"
    shutil.copytree(MINI_INDEX.parent, target)
    shutil.copy(Path(__file__).resolve().parent.parent / "metrics.yaml", target / "metrics.yaml")
    index = target / "agreements.yaml"
    index.write_text(
        index.read_text(encoding="utf-8").replace("../../../metrics.yaml", "metrics.yaml"), encoding="utf-8"
    )
    return target


def break_rule_file(rules_copy: Path, old: str, new: str) -> None:
    path = rules_copy / "rules" / f"{MINI}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


RULE_CASES = {
    "unknown_key_did_you_mean": (
        "    trekker: [alliantie, portaal]\n    obligation: inspanning\n    note:",
        "    trekker: [alliantie, portaal]\n    obligaton: inspanning\n    note:",
        ["onbekende sleutel 'obligaton'", "bedoelde u 'obligation'"],
    ),
    "unknown_check_key": (
        "      max: 50\n",
        "      maxx: 50\n",
        ["onbekende sleutel 'maxx'", "bedoelde u 'max'"],
    ),
    "unknown_kind": ("kind: band", "kind: bandd", ["onbekende soort toets 'bandd'", "bedoelde u 'band'"]),
    "unknown_metric": (
        "numerator: verhuringen_jongeren_kkg",
        "numerator: verhuringen_jongere_kkg",
        ["onbekend cijfer (metric) 'verhuringen_jongere_kkg'"],
    ),
    "unknown_party": (
        "trekker: [gemeente]\n    obligation: resultaat\n    check:\n      kind: count",
        "trekker: [gemeentee]\n    obligation: resultaat\n    check:\n      kind: count",
        ["onbekende partij 'gemeentee'", "bedoelde u 'gemeente'"],
    ),
    "yaml11_surprise": (
        "obligation: resultaat\n    check:\n      kind: count",
        "obligation: no\n    check:\n      kind: count",
        ["'no' is dubbelzinnig"],
    ),
    "duplicate_key": (
        "      min: 4\n      periods: window\n",
        "      min: 4\n      min: 5\n      periods: window\n",
        ["sleutel 'min' komt twee keer voor"],
    ),
    "bad_due": ("due: Q2 2022", "due: ergens in 2022", ["termijn 'ergens in 2022' niet begrepen"]),
    "recurring_due_with_year": ("due: vóór 1 april\n", "due: vóór 1 april 2022\n", ["terugkerende termijn"]),
    "max_and_min": ("      max: 50\n", "      max: 50\n      min: 10\n", ["precies één van 'max' of 'min'"]),
    "wrong_unit": ("evidence: evaluatie_afgerond", "evidence: bijeenkomsten", ["eenheid 'count'"]),
    "malformed": ("    title: Evaluatie\n", "    title: [Evaluatie\n", ["ongeldige YAML"]),
    "bad_signed_date": (
        "  source: test\n",
        "  source: test\n  signed: 14 december 2021\n",
        ["signed: '14 december 2021'"],
    ),
    "unknown_table_row": ("row: netto}", "row: nett}", ["onbekende tabelrij 'nett'", "bedoelde u 'netto'"]),
}


@pytest.mark.parametrize("case", sorted(RULE_CASES))
def test_bad_rule_file(case: str, rules_copy: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    old, new, fragments = RULE_CASES[case]
    break_rule_file(rules_copy, old, new)
    index = str(rules_copy / "agreements.yaml")
    validate = invoke("validate", "--agreements", index)
    assert validate.exit_code == 2, validate.stdout
    assert "Traceback" not in validate.stdout + validate.stderr
    for fragment in fragments:
        assert fragment in validate.stdout
    assert f"rules/{MINI}.yaml:" in validate.stdout.replace(os.sep, "/")
    # check refuses the same rules before evaluating anything
    check = invoke("check", "--agreements", index, "-a", MINI, "-f", str(MINI_INDEX.parent / "figures.csv"))
    assert check.exit_code == 2
    assert "Traceback" not in check.stdout + check.stderr


@pytest.mark.parametrize("written", ["2021-12-14", "'2021-12-14'"])
def test_signed_date_quoted_or_not(written: str, rules_copy: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    from prestatiecheck.loading.rules import load_catalogue

    break_rule_file(rules_copy, "  source: test\n", f"  source: test\n  signed: {written}\n")
    index = str(rules_copy / "agreements.yaml")
    assert invoke("validate", "--agreements", index).exit_code == 0
    assert load_catalogue(index).agreements[MINI].signed == date(2021, 12, 14)


def test_validate_reports_every_problem_with_positions(rules_copy: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    break_rule_file(rules_copy, "kind: band", "kind: bandd")
    break_rule_file(rules_copy, "obligation: inspanning", "obligation: maybe")
    break_rule_file(rules_copy, "due: Q2 2022", "due: ooit")
    result = invoke("validate", "--agreements", str(rules_copy / "agreements.yaml"))
    lines = [line for line in result.stdout.splitlines() if f"{MINI}.yaml:" in line]
    assert len(lines) == 3
    for line in lines:
        file_part, line_no, col, _ = line.split(":", 3)
        assert line_no.isdigit() and col.isdigit()


def test_document_inconsistencies_are_warnings(rules_copy: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    break_rule_file(rules_copy, "netto: [80, 40, 120]", "netto: [80, 40, 125]")
    result = invoke("validate", "--agreements", str(rules_copy / "agreements.yaml"))
    assert result.exit_code == 0
    assert "waarschuwing" in result.stdout
    assert "de kolommen tellen op tot 120, het document noemt als totaal 125" in result.stdout
    assert "toevoegingen + sloop = 120, het document noemt 125" in result.stdout
    strict = invoke("validate", "--agreements", str(rules_copy / "agreements.yaml"), "--strict-warnings")
    assert strict.exit_code == 2


def test_missing_index(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("validate", "--agreements", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "bestand bestaat niet" in result.stderr


def test_strict_is_a_known_check_key(rules_copy: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    break_rule_file(rules_copy, "      max: 50\n", "      max: 50\n      strict: true\n")
    assert invoke("validate", "--agreements", str(rules_copy / "agreements.yaml")).exit_code == 0
    break_rule_file(rules_copy, "      strict: true\n", "      strict: yes\n")
    result = invoke("validate", "--agreements", str(rules_copy / "agreements.yaml"))
    assert result.exit_code == 2 and "'yes' is dubbelzinnig" in result.stdout
