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


# Bad figures files, one folder each under tests/cases/figures/: the file (figures.csv or
# figures.yaml) and expected.txt, the fragments the error must contain (one per line). A new case
# is a new folder.
CASES = Path(__file__).parent / "cases" / "figures"


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_bad_figures_file(case: Path, invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (figures,) = [p for p in case.iterdir() if p.name.startswith("figures.")]
    fragments = [line for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines() if line]
    assert fragments, f"{case.name}: expected.txt names nothing to look for"
    monkeypatch.chdir(case)
    assert_input_error(invoke(*check_args(figures.name)), *fragments)


def test_every_case_folder_is_complete() -> None:
    for case in _cases():
        assert (case / "expected.txt").is_file(), case.name
        assert len([p for p in case.iterdir() if p.name.startswith("figures.")]) == 1, case.name


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


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2024-02-30", "'2024-02-30' is geen bestaande datum"),
        ("30-2-2024", "'30-2-2024' is geen bestaande datum"),
        ("gisteren", "'gisteren' is geen datum; gebruik JJJJ-MM-DD (of D-M-JJJJ)"),
        ("4/15/2024", "'4/15/2024' is dubbelzinnig"),
        ("2024-4", "'2024-4' is geen datum"),
    ],
)
def test_bad_as_of_is_a_usage_error(invoke, value: str, said: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "-a", MINI, "-f", "x.csv", "--as-of", value)
    assert result.exit_code == 2
    assert f"Fout: Ongeldige waarde voor '--as-of': {said}" in result.stderr


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
    # input limits (issue 12): never a crash, always the position
    "table_cell_not_a_number": (
        "toevoegingen: [100, 50, 150]",
        "toevoegingen: [100, veel, 150]",
        ["yaml:33:27: toevoegingen, 2e waarde: verwacht een getal", "'veel'"],
    ),
    "table_cell_empty": (
        "toevoegingen: [100, 50, 150]",
        "toevoegingen: [100, ~, 150]",
        ["yaml:33:27:", "None"],
    ),
    "number_too_large": (
        "toevoegingen: [100, 50, 150]",
        "toevoegingen: [100, 100000000000000000000000000000000000, 150]",
        ["yaml:33:27: een getal groter dan 1.000.000.000.000"],
    ),
    "threshold_too_precise": (
        "      max: 50\n",
        "      max: 50.00000001\n",
        ["'50.00000001' heeft meer dan 6"],
    ),
    "yaml_integer_of_thousands_of_digits": (
        "      max: 50\n",
        "      max: " + "9" * 5000 + "\n",
        ["een getal van meer dan 40 tekens"],
    ),
    "yaml_recursive_alias": ("  source: test\n", "  source: &s [*s]\n", ["alias (*naam) die naar zichzelf"]),
    "yaml_deep_nesting": (
        "  source: test\n",
        "  source: " + "[" * 300 + "]" * 300 + "\n",
        ["meer dan 64 lagen"],
    ),
    "yaml_billion_laughs": (
        "\nrules:\n",
        "\nx0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"x{i + 1}: &x{i + 1} [{', '.join([f'*x{i}'] * 10)}]\n" for i in range(9))
        + "rules:\n",
        ["aliassen (*naam) die dit stuk laten uitdijen tot meer dan 100.000"],
    ),
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
