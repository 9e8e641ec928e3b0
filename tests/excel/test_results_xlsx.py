"""check --format xlsx --output FILE: a results sheet to filter and sort, and a summary sheet."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from prestatiecheck.model import Status
from prestatiecheck.rendering.labels import HEX
from prestatiecheck.rendering.xlsx_output import cell_number
from tests.excel.common import AS_OF, MINI_ARGS
from tests.helpers import MINI_FIGURES


def results_workbook(invoke, tmp_path: Path, *extra: str):  # type: ignore[no-untyped-def]
    import openpyxl

    out = tmp_path / "resultaten.xlsx"
    result = invoke(
        "check",
        *MINI_ARGS,
        "-f",
        str(MINI_FIGURES),
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "-o",
        str(out),
        *extra,
    )
    assert result.exit_code == 1, result.stderr  # the mini figures miss some norms
    return openpyxl.load_workbook(out)


def test_results_sheet(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = results_workbook(invoke, tmp_path)
    assert book.sheetnames == ["Resultaten", "Samenvatting"]
    ws = book["Resultaten"]
    header = [c.value for c in ws[1]]
    assert header[:8] == ["Afspraken", "Nr.", "Afspraak", "Thema", "Partij", "Project", "Periode", "Status"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:U{ws.max_row}"
    col = {name: header.index(name) + 1 for name in header}
    rows = {
        (ws.cell(r, col["Nr."]).value, ws.cell(r, col["Partij"]).value, ws.cell(r, col["Periode"]).value): r
        for r in range(2, ws.max_row + 1)
    }
    # A share: a number (a fraction of 1) shown as a percentage with enough decimals.
    r = rows[("1", "Portaal", "2022")]
    value = ws.cell(r, col["Waarde"])
    assert value.value == pytest.approx(160 / 300)
    assert value.number_format == "0.0%"
    assert ws.cell(r, col["Grens"]).value == 0.5
    status = ws.cell(r, col["Status"])
    assert status.value == "✗ niet voldaan"  # the word and the symbol: colour is never the only signal
    assert status.fill.fgColor.rgb.endswith(HEX[Status.NOT_MET].lstrip("#").upper())
    assert ws.cell(r, col["Statuscode"]).value == "not_met"
    # Money with two decimals, a date as a date.
    money = ws.cell(rows[("5", "Portaal", "2022")], col["Waarde"])
    assert (
        money.value == pytest.approx(131.38) and "0.00" in money.number_format and "€" in money.number_format
    )
    due = ws.cell(rows[("8", "Portaal", "2022")], col["Waarde"])
    assert due.value == datetime(2022, 4, 2) and due.number_format == "yyyy-mm-dd"
    met = ws.cell(rows[("8", "de Alliantie", "2022")], col["Status"])
    assert met.value == "✓ voldaan" and met.fill.fgColor.rgb.endswith("1A7F37")
    notes = ws.cell(rows[("1", "Portaal", "2022")], col["Opmerkingen bij de cijfers"]).value
    assert "Veel statushouders gehuisvest" in notes


def test_summary_counts_every_status(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = results_workbook(invoke, tmp_path)
    summary = json.loads(
        invoke("check", *MINI_ARGS, "-f", str(MINI_FIGURES), "--as-of", AS_OF, "--format", "json").stdout
    )["summary"]
    ws = book["Samenvatting"]
    counts = {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row and row[0]}
    assert counts["✗ niet voldaan"] == summary["not_met"]
    assert counts["! aandacht"] == summary["at_risk"]
    assert counts["? geen gegevens"] == summary["no_data"]
    assert counts["✓ voldaan"] == summary["met"]
    assert counts["Totaal"] == sum(summary.values())
    assert counts["peildatum"] == datetime(2024, 6, 1)


def test_quiet_keeps_the_full_summary(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = results_workbook(invoke, tmp_path, "--quiet")
    statuses = {row[-1] for row in book["Resultaten"].iter_rows(min_row=2, values_only=True)}
    assert statuses <= {"not_met", "at_risk"}
    counts = {row[0]: row[1] for row in book["Samenvatting"].iter_rows(values_only=True) if row and row[0]}
    assert counts["✓ voldaan"] > 0


def test_results_in_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = results_workbook(invoke, tmp_path, "--lang", "en")
    assert book.sheetnames == ["Results", "Summary"]
    header = [c.value for c in book["Results"][1]]
    assert "Status" in header and "Value" in header
    assert any(row[7] == "✗ not met" for row in book["Results"].iter_rows(min_row=2, values_only=True))


def test_xlsx_needs_an_output_file(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", *MINI_ARGS, "-f", str(MINI_FIGURES), "--format", "xlsx")
    assert result.exit_code == 2
    assert "--output" in result.stderr
    assert result.stdout == ""


def test_cell_numbers() -> None:
    from decimal import Decimal
    from fractions import Fraction

    assert cell_number(Fraction(1, 3) * 100, "percent", 2) == (pytest.approx(1 / 3), "0.00%")
    assert cell_number(Decimal("131.37"), "eur", None) == (131.37, '"€" #,##0.00')
    assert cell_number(Decimal(12), "count", None) == (12, "#,##0")
    assert cell_number(date(2026, 4, 1), "date", None) == (date(2026, 4, 1), "yyyy-mm-dd")
    assert cell_number(None, "count", None) == (None, None)


def test_percentages_keep_enough_decimals_for_the_verdict(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    figures = tmp_path / "cijfers.csv"
    figures.write_text(
        "period,party,metric,value\n2022,alliantie,verhuringen_totaal,2500\n2022,alliantie,verhuringen_urgent,1251\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    result = invoke(
        "check", *MINI_ARGS, "-f", str(figures), "--as-of", AS_OF, "--format", "xlsx", "-o", str(out)
    )
    assert result.exit_code == 1
    ws = openpyxl.load_workbook(out)["Resultaten"]
    header = [c.value for c in ws[1]]
    value, status = header.index("Waarde"), header.index("Status")
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "1" and r[4].value == "de Alliantie")
    assert row[value].value == pytest.approx(0.5004)
    assert row[value].number_format == "0.00%"  # 50,04%, never "50,0%" beside "niet voldaan"
    assert row[status].value == "✗ niet voldaan"


def test_help_does_not_import_openpyxl() -> None:
    import subprocess
    import sys

    code = "import sys, prestatiecheck.cli; print('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
