"""prestatiecheck template: exactly the rows the rules need, made for people, never overwriting a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from prestatiecheck.needs import Need, rule_needs
from prestatiecheck.periods import parse_period
from prestatiecheck.templating import build_template
from tests.excel.common import MINI_ARGS
from tests.helpers import MINI, mini_catalogue


def _rows(template) -> set[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    return {(r.period.label, r.party, r.metric.name) for r in template.rows}


def test_template_lists_exactly_what_the_rules_read() -> None:
    template = build_template(mini_catalogue(), MINI, national=False)  # mini's own rules only
    rows = _rows(template)
    # share with scope [party, joint]: each party's counts; the joint result adds them up (no joint row)
    for year in ("2022", "2023"):
        for party in ("alliantie", "portaal"):
            assert (year, party, "verhuringen_totaal") in rows
            assert (year, party, "aanlevering_woningmarktmonitor") in rows  # yearly deadline
            # target on netto_toename: per year, per party, asked as the components it is derived from
            assert (year, party, "netto_toename") not in rows
            for part in ("toevoegingen", "deliberalisatie", "sloop", "verkoop", "liberalisatie"):
                assert (year, party, part) in rows
    assert ("2022-2023", "gemeente", "bijeenkomsten") in rows  # count over the window
    assert ("2022-2023", "alliantie", "exploitatietermijn") in rows  # value over the window
    assert ("2022", "gemeente", "evaluatie_afgerond") in rows  # a one-off deadline in Q2 2022
    assert ("2023", "gemeente", "evaluatie_afgerond") not in rows
    assert not any(party is None for _, party, _ in rows)  # nothing here needs a joint-only figure
    assert not any(party == "hbva" for _, party, _ in rows)  # no rule reads the tenants' figures
    assert len(rows) == len(template.rows) == 56
    assert [r.ref for r in template.rules] == [str(n) for n in range(1, 12)]


def test_joint_only_amount_is_one_joint_row() -> None:
    catalogue = mini_catalogue()
    agreement = catalogue.agreements[MINI]
    rule = next(r for r in agreement.rules if r.ref == "5")
    joint = type(rule)(**{**rule.__dict__, "check": {**rule.check, "scope": ["joint"]}})
    needs = rule_needs(joint, agreement, catalogue.vocabulary(MINI))
    assert needs == [
        Need("leefbaarheid_uitgaven_per_woning", parse_period("2022"), None),
        Need("leefbaarheid_uitgaven_per_woning", parse_period("2023"), None),
    ]


def test_period_and_party_select_rows() -> None:
    template = build_template(mini_catalogue(), MINI, period="2022", party="portaal")
    rows = _rows(template)
    assert {party for _, party, _ in rows} == {"portaal"}
    assert {period for period, _, _ in rows} == {"2022"}
    assert ("2022", "portaal", "verhuringen_urgent") in rows
    assert not any(metric == "exploitatietermijn" for *_, metric in rows)  # a window value: not per year
    half = _rows(build_template(mini_catalogue(), MINI, period="2022-H1", party="gemeente"))
    # a count over the window is asked for the half-year (it adds up); the Q2 deadline's date too
    assert half == {
        ("2022-H1", "gemeente", "bijeenkomsten"),
        ("2022", "gemeente", "evaluatie_afgerond"),
        ("2022-H1", "gemeente", "nieuwbouw_woningen"),  # per project, per half-year
        ("2022-H1", "gemeente", "nieuwbouw_sociale_huur"),
    }


def test_xlsx_template_is_made_for_people(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    out = tmp_path / "invul.xlsx"
    result = invoke("template", *MINI_ARGS, "--output", str(out), "--no-national")
    assert result.exit_code == 0, result.stderr
    assert "56 cijfer(s)" in result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Cijfers", "Toelichting"]
    ws = book["Cijfers"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["period", "party", "metric", "value", "note", "project"]
    assert header[-1] == "agreement" and "betekenis" in header and "bron" in header
    assert ws.freeze_panes == "D2"
    assert ws.column_dimensions["H"].width >= 40  # the meaning
    assert ws.protection.sheet is True
    value_col, note_col, meaning_col = (header.index(n) + 1 for n in ("value", "note", "betekenis"))
    assert ws.cell(2, value_col).protection.locked is False
    assert ws.cell(2, note_col).protection.locked is False
    assert ws.cell(2, 1).protection.locked is True
    assert ws.cell(2, meaning_col).fill.fgColor.rgb.endswith("EDEDED")  # greyed explanation
    kinds = {(v.type, v.operator, v.formula1) for v in ws.data_validations.dataValidation}
    assert ("whole", "greaterThanOrEqual", "0") in kinds  # counts
    assert ("date", "between", "DATE(1990,1,1)") in kinds  # deadline evidence
    assert ("decimal", "greaterThanOrEqual", "0") in kinds  # EUR
    rows = {(r[0], r[1], r[2]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    row = rows[("2022", "portaal", "leefbaarheid_uitgaven_per_woning")]
    assert row[3] is None  # empty value
    assert "Portaal" in row and "artikel 5" in row and "5 Leefbaarheid" in row
    assert "euro" in row[header.index("eenheid")]
    explanation = [c for r in book["Toelichting"].iter_rows(values_only=True) for c in r if c]
    assert "Testafspraken Mini 2022-2023" in explanation
    assert any("Leeg" in str(c) or "leeg" in str(c) for c in explanation)
    assert any("maximaal EUR 131,37" in str(c) for c in explanation)  # the source quote


def test_template_in_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    out = tmp_path / "template.xlsx"
    result = invoke("template", *MINI_ARGS, "--lang", "en", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Figures", "Explanation"]
    header = [c.value for c in book["Figures"][1]]
    assert "meaning" in header and "unit" in header
    texts = [str(c) for r in book["Explanation"].iter_rows(values_only=True) for c in r if c]
    assert any("never type 0" in c for c in texts)


def test_never_overwrites_without_force(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "invul.xlsx"
    out.write_bytes(b"precious")
    result = invoke("template", *MINI_ARGS, "-o", str(out))
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"precious"
    result = invoke("template", *MINI_ARGS, "-o", str(out), "--force")
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("invul.csv", b"\xef\xbb\xbf#"),
        ("invul.yaml", b"#"),
        ("invul.YML", b"#"),
        ("invul.xlsx", b"PK"),
        ("invul", b"PK"),
    ],
)
def test_the_format_follows_the_extension(invoke, tmp_path: Path, name: str, start: bytes) -> None:  # type: ignore[no-untyped-def]
    # '-o t.csv' once wrote a workbook into t.csv; without --format the extension decides.
    out = tmp_path / name
    result = invoke("template", *MINI_ARGS, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(start)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_format_against_the_extension_is_refused(invoke, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "invul.csv"
    result = invoke("--lang", lang, "template", *MINI_ARGS, "-o", str(out), "--format", "xlsx")
    assert result.exit_code == 2
    words = (
        ("de extensie .csv hoort bij csv", "--format is xlsx")
        if lang == "nl"
        else ("the extension .csv belongs to csv", "--format is xlsx")
    )
    assert all(w in result.stderr for w in words), result.stderr
    assert "invul.csv" in result.stderr and not out.exists()


def test_xlsx_default_file_name(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = invoke("template", *MINI_ARGS, "--period", "2022", "--party", "alliantie")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / f"invulbestand-{MINI}-2022-alliantie.xlsx").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--party", "portal"), "bedoelde u 'portaal'?"),
        (("--period", "2022-H3"), "geen periode"),
        (("--period", "2030"), "buiten de looptijd"),
        (("--party", "hbva"), "geen enkele regel"),
    ],
)
def test_template_usage_errors(invoke, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("template", *MINI_ARGS, "--format", "csv", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_agreement_is_a_usage_error(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("template", "--agreements", MINI_ARGS[1], "-a", "mini-2022-2024", "--format", "csv")
    assert result.exit_code == 2
    assert "mini-2022-2023" in result.stderr


def test_csv_template_dutch_and_english(invoke) -> None:  # type: ignore[no-untyped-def]
    nl = invoke(
        "template", *MINI_ARGS, "--format", "csv", "--period", "2022", "--party", "alliantie", "--no-national"
    )
    assert nl.exit_code == 0
    lines = [line for line in nl.stdout.lstrip("\ufeff").splitlines() if not line.startswith("#")]
    assert lines[0].startswith("period;party;metric;value;note")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert len(rows) == 12 and all(r["value"] == "" for r in rows)
    assert all(r["agreement"] == MINI for r in rows)
    en = invoke(
        "template", *MINI_ARGS, "--format", "csv", "--period", "2022", "--party", "alliantie", "--lang", "en"
    )
    assert [line for line in en.stdout.lstrip("\ufeff").splitlines() if not line.startswith("#")][
        0
    ].startswith("period,party,metric,value,note")


def test_yaml_template_reads_back_with_nothing_filled_in(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "invul.yaml"
    assert invoke("template", *MINI_ARGS, "--format", "yaml", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "# Uitgaven aan leefbaarheid" in text and "value: null" in text
    result = invoke("validate", "--agreements", MINI_ARGS[1], "-a", MINI, str(out))
    assert result.exit_code == 0, result.stdout + result.stderr
    # Nothing filled in: check says so instead of judging zeros.
    result = invoke("check", *MINI_ARGS, "-f", str(out))
    assert result.exit_code == 2
    assert "geen ingevulde cijfers" in result.stderr


def test_help_lists_template(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--help")
    assert "template" in result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explanation_headers_are_never_read_as_figure_columns(lang: str) -> None:
    from prestatiecheck.i18n import set_language
    from prestatiecheck.loading.figures import COLUMNS, normalise_header
    from prestatiecheck.templating import EXPLANATION_COLUMNS, header

    set_language(lang)
    for column in EXPLANATION_COLUMNS:
        assert normalise_header(header(column)) not in COLUMNS


def test_english_template_round_trip(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.excel.common import AS_OF, fill, statuses

    template = tmp_path / "template.xlsx"
    assert (
        invoke("template", *MINI_ARGS, "--lang", "en", "--period", "2022", "-o", str(template)).exit_code == 0
    )
    filled = fill(
        template,
        {
            ("2022", "alliantie", "leefbaarheid_uitgaven_per_woning"): 131.37,
            ("2022", "portaal", "leefbaarheid_uitgaven_per_woning"): "131,38",
        },
        tmp_path / "filled.xlsx",
    )
    result = invoke(
        "check",
        *MINI_ARGS,
        "-f",
        str(filled),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--lang",
        "en",
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.stderr
    got = statuses(result.stdout)
    assert got[("5", "alliantie", "2022")] == "met"
    assert got[("5", "portaal", "2022")] == "not_met"
