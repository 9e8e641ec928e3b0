"""Reading figures from .xlsx: every cell type, and every way a workbook can be wrong (exit 2, the cell named)."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from prestatiecheck.loading.figures import read_figures
from tests.excel.common import AS_OF, MINI_ARGS, statuses, workbook


def check(invoke, *files: Path, fmt: str = "json"):  # type: ignore[no-untyped-def]
    args = [a for f in files for a in ("-f", str(f))]
    return invoke("check", *MINI_ARGS, *args, "--as-of", AS_OF, "--format", fmt, "--fail-on", "never")


def test_cells_are_read_as_typed(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [
            (2022, "alliantie", "verhuringen_totaal", 400),
            ("2022", "alliantie", "leefbaarheid_uitgaven_per_woning", "125,50"),
            (2022, "portaal", "verhuringen_totaal", "1.380"),
            (2022, "portaal", "leefbaarheid_uitgaven_per_woning", 131.38),
            (2022, "alliantie", "aanlevering_woningmarktmonitor", datetime(2022, 3, 30)),
            (2022, "portaal", "aanlevering_woningmarktmonitor", "30-3-2022"),
            (2022, "gemeente", "bijeenkomsten", None),
            (None, None, None, None),
            (2023, "alliantie", "verhuringen_totaal", "  "),
        ],
    )
    raw = read_figures(path)
    assert raw.problems == []
    values = {(str(r.period), r.party, r.metric): r.value for r in raw.rows}
    assert values[("2022", "alliantie", "verhuringen_totaal")] == Decimal(400)
    assert values[("2022", "alliantie", "leefbaarheid_uitgaven_per_woning")] == "125,50"
    assert values[("2022", "portaal", "verhuringen_totaal")] == "1.380"
    assert values[("2022", "portaal", "leefbaarheid_uitgaven_per_woning")] == Decimal("131.38")
    assert values[("2022", "alliantie", "aanlevering_woningmarktmonitor")] == date(2022, 3, 30)
    assert values[("2022", "gemeente", "bijeenkomsten")] == ""  # empty: not supplied
    assert values[("2023", "alliantie", "verhuringen_totaal")] == ""
    assert len(raw.rows) == 8  # the empty row is skipped
    row = raw.rows[0]
    assert str(row.location) == f"{path}:Blad1!A2"
    assert str(row.value_location) == f"{path}:Blad1!D2"


def test_dutch_numbers_dates_and_empty_cells_in_check(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [
            (2022, "alliantie", "verhuringen_totaal", "1.380"),
            (2022, "alliantie", "verhuringen_urgent", 380),
            (2022, "alliantie", "leefbaarheid_uitgaven_per_woning", "131,37"),
            (2022, "portaal", "verhuringen_totaal", None),  # empty: no_data, not 0
            (2022, "portaal", "verhuringen_urgent", 0),
            (2022, "alliantie", "aanlevering_woningmarktmonitor", datetime(2022, 3, 31)),
        ],
    )
    result = check(invoke, path)
    assert result.exit_code == 0, result.stderr
    got = statuses(result.stdout)
    assert got[("1", "alliantie", "2022")] == "met"  # 380 / 1.380 = 27,5%
    assert got[("5", "alliantie", "2022")] == "met"  # 131,37: the maximum itself
    assert got[("1", "portaal", "2022")] == "no_data"  # never 0 / 0 or 0%
    assert got[("8", "alliantie", "2022")] == "met"


def test_percent_formatted_cell_is_the_percentage_shown(tmp_path: Path) -> None:
    import openpyxl

    path = workbook(tmp_path / "p.xlsx", [(2022, "alliantie", "verhuringen_totaal", 0.341)])
    book = openpyxl.load_workbook(path)
    book.active["D2"].number_format = "0.0%"
    book.save(path)
    assert read_figures(path).rows[0].value == Decimal("34.1")


def test_header_below_a_title_extra_columns_and_dutch_names(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [
            ("Periode", "Partij", "Indicator", "Waarde", "Opmerking", "Uitleg voor de invuller"),
            (2022, "alliantie", "leefbaarheid_uitgaven_per_woning", 120, "inclusief wijkbeheer", "bedrag"),
        ],
        header=("Cijfers voor de monitor 2022",),
    )
    result = check(invoke, path)
    assert result.exit_code == 0, result.stderr
    assert statuses(result.stdout)[("5", "alliantie", "2022")] == "met"
    assert "inclusief wijkbeheer" in result.stdout


def test_figures_on_a_later_sheet(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Uitleg"
    book.active["A1"] = "Lees dit eerst"
    ws = book.create_sheet("Data")
    ws.append(["period", "party", "metric", "value"])
    ws.append([2022, "alliantie", "leefbaarheid_uitgaven_per_woning", 140])
    path = tmp_path / "cijfers.xlsx"
    book.save(path)
    result = check(invoke, path)
    assert result.exit_code == 0, result.stderr
    assert statuses(result.stdout)[("5", "alliantie", "2022")] == "not_met"


BAD_CELLS = [
    ("1.380,5", "verhuringen_totaal", "D2", "geen geheel aantal"),
    ("12.5", "leefbaarheid_uitgaven_per_woning", "D2", "bedoelt u 12,5?"),
    (datetime(2022, 3, 30), "verhuringen_totaal", "D2", "'2022-03-30' is een datum, verwacht een getal"),
    (True, "verhuringen_totaal", "D2", "WAAR"),
    (-3, "verhuringen_totaal", "D2", "negatief"),
    ("=D1*2", "verhuringen_totaal", "D2", "de formule =D1*2 heeft geen opgeslagen uitkomst"),
    ("dertig", "aanlevering_woningmarktmonitor", "D2", "geen datum"),
]


@pytest.mark.parametrize(("value", "metric", "cell", "message"), BAD_CELLS)
def test_bad_cells_are_named(invoke, tmp_path: Path, value, metric: str, cell: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "cijfers.xlsx", [(2022, "alliantie", metric, value)])
    result = check(invoke, path, fmt="table")
    assert result.exit_code == 2
    assert f"cijfers.xlsx:Blad1!{cell}: " in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_error_value_cell(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    path = workbook(tmp_path / "cijfers.xlsx", [(2022, "alliantie", "verhuringen_totaal", "#DIV/0!")])
    book = openpyxl.load_workbook(path)
    book.active["D2"].data_type = "e"
    book.save(path)
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "cijfers.xlsx:Blad1!D2: de cel bevat de foutwaarde #DIV/0!" in result.stderr


def test_unknown_metric_names_its_cell_with_a_suggestion(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [
            (2022, "alliantie", "verhuringen_total", 400),
            (2022, "portal", "verhuringen_totaal", 300),
            ("2022-H3", "alliantie", "sloop", 1),
        ],
    )
    result = check(invoke, path)
    assert result.exit_code == 2
    assert (
        "cijfers.xlsx:Blad1!C2: onbekend cijfer (metric) 'verhuringen_total' (bedoelde u 'verhuringen_totaal'?)"
        in result.stderr
    )
    assert "cijfers.xlsx:Blad1!B3: partij 'portal' hoort niet bij" in result.stderr
    assert "cijfers.xlsx:Blad1!A4: '2022-H3' is geen periode" in result.stderr


def test_english_messages(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "figures.xlsx", [(2022, "alliantie", "verhuringen_totaal", "=1+1")])
    result = invoke("check", *MINI_ARGS, "-f", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert "figures.xlsx:Blad1!D2: the formula =1+1 has no saved result" in result.stderr


def test_missing_header(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [(2022, "alliantie", "verhuringen_totaal", 400)],
        header=("period", "party", "metrc", "value"),
    )
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "cijfers.xlsx:Blad1!A1: geen blad met de kopregel period, party, metric, value" in result.stderr
    assert (
        "kolom 'metric' (of 'kengetal') ontbreekt" in result.stderr and "bedoelde u 'metrc'?" in result.stderr
    )


def test_wrong_sheet_layout(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Figures written across (one column per figure) instead of one row per figure."""
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [
            ("party", "alliantie", "portaal"),
            ("metric", "verhuringen_totaal", "verhuringen_totaal"),
            ("value", 400, 300),
        ],
        header=("period", 2022, 2022),
    )
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "geen blad met de kopregel" in result.stderr


def test_empty_workbook(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "leeg.xlsx", [], header=())
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "leeg.xlsx: de werkmap bevat geen gegevens" in result.stderr


def _zip_bytes() -> bytes:
    # A fixed date: the bytes are in the test's id, which every pytest-xdist worker must collect
    # the same (writestr with a name stamps the current time).
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("hello.txt", date_time=(2024, 1, 1, 0, 0, 0)), "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"period,party,metric,value\n2022,alliantie,sloop,1\n",
            "is het een CSV-bestand met de extensie .xlsx?",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "met een wachtwoord beveiligd"),
        (b"PK\x03\x04" + b"\x00\xff" * 100, "beschadigd"),
        (_zip_bytes(), "beschadigd"),
        (b"\x00\x01\x02\x89PNG" * 10, "geen Excel-werkmap"),
        (b"", "het bestand is leeg"),
    ],
)
def test_not_a_workbook(invoke, tmp_path: Path, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cijfers.xlsx"
    path.write_bytes(content)
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "cijfers.xlsx: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr and "interne fout" not in result.stderr


def test_truncated_workbook(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = workbook(tmp_path / "goed.xlsx", [(2022, "alliantie", "sloop", 1)])
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    result = check(invoke, path)
    assert result.exit_code == 2
    assert "kapot.xlsx: de Excel-werkmap is beschadigd" in result.stderr


def test_missing_file(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = check(invoke, tmp_path / "nergens.xlsx")
    assert result.exit_code == 2
    assert "bestand bestaat niet" in result.stderr


def test_conflict_between_xlsx_and_csv_names_both_places(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xlsx = workbook(
        tmp_path / "alliantie.xlsx", [(2022, "alliantie", "verhuringen_totaal", 400)], sheet="Cijfers"
    )
    csv = tmp_path / "gemeente.csv"
    csv.write_text("period,party,metric,value\n2022,alliantie,verhuringen_totaal,410\n", encoding="utf-8")
    result = check(invoke, xlsx, csv)
    assert result.exit_code == 2
    assert (
        f"{csv}:2: verhuringen_totaal / 2022 / alliantie = 410 spreekt {xlsx}:Cijfers!A2 tegen, waar het 400 is"
        in result.stderr
    )


def test_same_value_twice_is_accepted_and_said_once(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xlsx = workbook(
        tmp_path / "alliantie.xlsx",
        [(2022, "alliantie", "verhuringen_totaal", 400), (2022, "alliantie", "verhuringen_urgent", "180")],
    )
    csv = tmp_path / "gemeente.csv"
    csv.write_text("period;party;metric;value\n2022;alliantie;verhuringen_totaal;400\n", encoding="utf-8")
    result = check(invoke, xlsx, csv)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("staat ook in") == 1
    assert f"{xlsx}:Blad1!A2, met dezelfde waarde; één keer gebruikt" in result.stderr
    assert statuses(result.stdout)[("1", "alliantie", "2022")] == "met"


def test_duplicate_within_one_workbook(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "cijfers.xlsx",
        [(2022, "alliantie", "verhuringen_totaal", 400), (2022, "alliantie", "verhuringen_totaal", 400)],
    )
    result = check(invoke, path)
    assert result.exit_code == 2
    assert (
        "cijfers.xlsx:Blad1!A3: verhuringen_totaal / 2022 / alliantie staat er twee keer in (eerder op"
        in result.stderr
    )


def test_semicolon_csv_with_dutch_number_formats(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cijfers.csv"
    path.write_bytes(
        (
            "period;party;metric;value\n"
            "2022;alliantie;verhuringen_totaal;1.380\n"
            "2022;alliantie;verhuringen_urgent;690\n"
            "2022;alliantie;leefbaarheid_uitgaven_per_woning;€ 131,38\n"
            "2022;portaal;leefbaarheid_uitgaven_per_woning;1.000,5\n"
        ).encode("cp1252")  # as Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)"
    )
    result = check(invoke, path)
    assert result.exit_code == 0, result.stderr
    got = statuses(result.stdout)
    assert got[("1", "alliantie", "2022")] == "at_risk"  # exactly 50,0%
    assert got[("5", "alliantie", "2022")] == "not_met"  # 131,38 > 131,37
    assert got[("5", "portaal", "2022")] == "not_met"


def test_validate_reads_xlsx(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "cijfers.xlsx", [(2022, "alliantie", "verhuringen_totaal", "12.5")])
    result = invoke("validate", "--agreements", MINI_ARGS[1], "-a", MINI_ARGS[3], str(path))
    assert result.exit_code == 2
    assert "cijfers.xlsx:Blad1!D2:" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cijfers.ods", b"PK\x03\x04" + b"\x00" * 100, "sla het in LibreOffice op als Excel-werkmap (.xlsx)"),
    ],
)
def test_other_spreadsheet_formats_say_what_to_do(
    invoke, tmp_path: Path, name: str, content: bytes, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(content)
    result = check(invoke, path)
    assert result.exit_code == 2
    assert message in result.stderr
