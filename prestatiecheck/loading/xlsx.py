"""Reading figures from an Excel workbook (.xlsx) into raw rows, every problem naming its cell.

The figures are on the first sheet that has the ``period, party, metric, value``
header (Dutch synonyms accepted) in one of its first rows; a title above the
header and extra columns (the explanations of a fill-in template) are ignored.
A cell is read as what it is: numbers and dates as typed, text with Dutch
formatting (``1.380``, ``34,1``) as a Dutch number, an empty cell as "not
supplied" (never zero). A formula counts with the value Excel or LibreOffice
saved with it; a formula saved without one (written by a script, never opened
in a spreadsheet program) is an error naming the cell, as are error values
(``#DIV/0!``) and TRUE/FALSE.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from prestatiecheck.i18n import t, thousands
from prestatiecheck.loading import limits
from prestatiecheck.loading.figures import (
    COLUMNS,
    REQUIRED_COLUMNS,
    RawFigures,
    RawRow,
    header_problems,
    normalise_header,
)
from prestatiecheck.loading.limits import Problems, size_text
from prestatiecheck.loading.textfile import ZIP_MAGIC, Unreadable, read_bytes
from prestatiecheck.model import Location, Problem

# A password-protected workbook (and an old .xls) is an OLE compound file, not a zip.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_SEARCH_ROWS = 20  # the header may sit below a title or an explanation
EXCEL_DIGITS_BOUND = Decimal(10) ** 20  # above any unit's bound; Excel keeps 15 digits anyway


@dataclass(frozen=True)
class Cell:
    """What one cell holds, as far as reading figures is concerned."""

    value: Any
    kind: str  # openpyxl data_type: n(umber) s(tring) d(ate) b(ool) e(rror) f(ormula)
    number_format: str
    formula: str = ""  # set when a formula has no saved value


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (no openpyxl import needed for a name)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_xlsx(path: Path, shown: str) -> RawFigures:
    try:
        data = read_bytes(path, display=shown, limit=limits.MAX_XLSX_BYTES)
    except Unreadable as e:
        return RawFigures([], [e.problem])
    where = Location(shown)
    if path.suffix.lower() == ".ods":
        return RawFigures([], [Problem(where, t("xlsx_ods"))])
    if data.startswith(OLE_MAGIC):
        return RawFigures([], [Problem(where, t("xlsx_encrypted_or_xls"))])
    if not data.startswith(ZIP_MAGIC):
        key = "xlsx_looks_like_text" if _looks_like_text(data) else "xlsx_not_a_workbook"
        return RawFigures([], [Problem(where, t(key))])
    too_large = _unpacked_too_large(data)
    if too_large is not None:
        return RawFigures([], [Problem(where, too_large)])
    try:
        sheets = _load(data, data_only=False)
    except _Broken as e:
        return RawFigures([], [Problem(where, t("xlsx_corrupt", reason=e.reason))])
    except _TooManyRows as e:
        cell = f"A{e.row}"
        return RawFigures(
            [],
            [
                Problem(
                    Location(shown, e.row, 1, sheet=e.sheet, cell=cell),
                    t("figures_too_many_rows", rows=thousands(limits.MAX_XLSX_ROWS)),
                )
            ],
        )
    found = _find_header(sheets)
    if found is None:
        return RawFigures([], [_no_header_problem(sheets, shown)])
    title, header_row, columns = found
    rows = sheets[title]
    formulas = [
        (r, c)
        for r, row in enumerate(rows[header_row:], header_row + 1)
        for c in columns.values()
        if c <= len(row) and row[c - 1].kind == "f"
    ]
    if formulas:
        try:
            cached_rows = _load(data, data_only=True, only=title)[title]
        except _Broken as e:  # pragma: no cover - the same bytes loaded once already
            return RawFigures([], [Problem(where, t("xlsx_corrupt", reason=e.reason))])
        for r, c in formulas:
            formula = rows[r - 1][c - 1].value
            cached = cached_rows[r - 1][c - 1] if c <= len(cached_rows[r - 1]) else Cell(None, "n", "")
            # A formula that gives "" (=ALS(...;"";...)) is saved as an empty text result ("str"):
            # not supplied. No saved result at all reads as an empty number cell.
            if cached.value is None and cached.kind != "str":
                cached = Cell(None, "uncached", "", formula=str(formula))
            rows[r - 1] = (*rows[r - 1][: c - 1], cached, *rows[r - 1][c:])
    return _rows(rows, title, header_row, columns, shown)


def _unpacked_too_large(data: bytes) -> str | None:
    """Why the workbook is refused before it is unpacked, from the sizes in its zip directory
    (a part that inflates to gigabytes, a shared-strings table of hundreds of MB), else None.

    The sizes in the directory bound what is unpacked: Python's zip reader stops at them."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # opening it says what is wrong
    if len(parts) > limits.MAX_XLSX_PARTS:
        return t("xlsx_too_many_parts", parts=thousands(len(parts)), limit=thousands(limits.MAX_XLSX_PARTS))
    for part in parts:
        limit = (
            limits.MAX_XLSX_SHARED_STRINGS_BYTES
            if part.filename.lower().endswith("sharedstrings.xml")
            else limits.MAX_XLSX_PART_BYTES
        )
        if part.file_size > limit:
            return t(
                "xlsx_part_too_large",
                part=part.filename,
                size=size_text(part.file_size),
                limit=size_text(limit),
            )
    total = sum(part.file_size for part in parts)
    if total > limits.MAX_XLSX_TOTAL_BYTES:
        limit = limits.MAX_XLSX_TOTAL_BYTES
        return t("xlsx_unpacked_too_large", size=size_text(total), limit=size_text(limit))
    return None


class _TooManyRows(Exception):
    def __init__(self, sheet: str, row: int):
        self.sheet = sheet
        self.row = row
        super().__init__(f"{sheet}!{row}")


class _Broken(Exception):
    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _load(data: bytes, *, data_only: bool, only: str | None = None) -> dict[str, list[tuple[Cell, ...]]]:
    """Worksheet rows (1-based row n is list index n - 1), streamed, the file closed again.

    Sheets are read in order: of a sheet without the header only its first rows (for the
    message), the first sheet with it in full, and nothing after it. ``only``: that sheet in full.
    """
    import zipfile

    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it does not read (extensions, styles).
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
            try:
                sheets: dict[str, list[tuple[Cell, ...]]] = {}
                for sheet in workbook.worksheets:
                    if only is not None and sheet.title != only:
                        continue
                    sheet.reset_dimensions()  # some programs save a wrong size; read what is there
                    rows = sheets[sheet.title] = []
                    found = only is not None
                    for row in sheet.iter_rows():
                        if len(rows) >= limits.MAX_XLSX_ROWS + HEADER_SEARCH_ROWS:
                            raise _TooManyRows(sheet.title, len(rows) + 1)
                        rows.append(tuple(_cell(c) for c in row))
                        if not found:
                            found = _columns(rows[-1]) is not None
                            if not found and len(rows) >= HEADER_SEARCH_ROWS:
                                break
                    if found:
                        break
            finally:
                workbook.close()
    except zipfile.BadZipFile as e:
        raise _Broken(str(e) or type(e).__name__) from e
    except _TooManyRows:
        raise
    except Exception as e:  # a damaged workbook can fail anywhere inside openpyxl
        raise _Broken(f"{type(e).__name__}: {e}" if str(e) else type(e).__name__) from e
    return sheets


def _cell(cell: Any) -> Cell:
    return Cell(cell.value, cell.data_type, getattr(cell, "number_format", None) or "")


def _looks_like_text(data: bytes) -> bool:
    head = data[:2048]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _header_of(row: tuple[Cell, ...]) -> list[str]:
    return [normalise_header(c.value) if isinstance(c.value, str) else "" for c in row]


def _find_header(sheets: dict[str, list[tuple[Cell, ...]]]) -> tuple[str, int, dict[str, int]] | None:
    """(sheet title, header row number, column name -> 1-based column) of the first figures sheet."""
    for title, rows in sheets.items():
        for number, row in enumerate(rows[:HEADER_SEARCH_ROWS], 1):
            columns = _columns(row)
            if columns is not None:
                return title, number, columns
    return None


def _columns(row: tuple[Cell, ...]) -> dict[str, int] | None:
    """Column name -> 1-based column when the row is the figures header, else None."""
    header = _header_of(row)
    if not all(column in header for column in REQUIRED_COLUMNS):
        return None
    columns: dict[str, int] = {}
    for index, name in enumerate(header, 1):
        if name in COLUMNS:
            columns.setdefault(name, index)  # the first of two same-named columns
    return columns


def _no_header_problem(sheets: dict[str, list[tuple[Cell, ...]]], shown: str) -> Problem:
    """The first sheet's first filled row, with the columns it lacks (and what they may be called)."""
    for title, rows in sheets.items():
        for number, row in enumerate(rows[:HEADER_SEARCH_ROWS], 1):
            if any(c.value not in (None, "") for c in row):
                header = _header_of(row)
                where = Location(shown, number, 1, sheet=title, cell=f"A{number}")
                found = header_problems(header, where, typed=[c.value for c in row])
                return Problem(
                    where,
                    t("xlsx_no_header", sheets=", ".join(sheets)) + " " + "; ".join(p.message for p in found),
                )
    return Problem(Location(shown), t("xlsx_empty", sheets=", ".join(sheets) or "-"))


def _rows(
    rows: list[tuple[Cell, ...]], title: str, header_row: int, columns: dict[str, int], shown: str
) -> RawFigures:
    out: list[RawRow] = []
    problems = Problems()
    for number, row in enumerate(rows[header_row:], header_row + 1):
        cells: dict[str, Any] = {}
        places: dict[str, Location] = {}
        bad = False
        for name, index in columns.items():
            cell = row[index - 1] if index <= len(row) else Cell(None, "n", "")
            where = Location(shown, number, index, sheet=title, cell=f"{column_letter(index)}{number}")
            places[name] = where
            try:
                cells[name] = cell_value(cell)
            except CellProblem as e:
                problems.append(Problem(where, e.message))
                bad = True
        if bad or all(v in (None, "") for v in cells.values()):
            continue
        if isinstance(cells.get("period"), Decimal):
            cells["period"] = _period_text(cells["period"])
        out.append(
            RawRow(
                place=Location(shown, number, 1, sheet=title, cell=f"A{number}"),
                period=cells.get("period"),
                party=cells.get("party"),
                metric=cells.get("metric"),
                value=cells.get("value", ""),
                number_style="cell",
                agreement=cells.get("agreement"),
                project=cells.get("project"),
                note=cells.get("note"),
                value_location=places.get("value"),
                cells=tuple(places.items()),
            )
        )
    return RawFigures(out, problems.closed())


class CellProblem(ValueError):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def cell_value(cell: Cell) -> Any:
    """A cell's content for the figures checks: text stripped, numbers exact, dates as dates."""
    value = cell.value
    if cell.kind == "uncached":
        raise CellProblem(t("xlsx_formula_uncached", formula=cell.formula))
    if cell.kind == "e":
        raise CellProblem(t("xlsx_error_value", value=value))
    if value is None:
        return ""
    if isinstance(value, bool):
        raise CellProblem(t("xlsx_boolean", value=t("xlsx_true") if value else t("xlsx_false")))
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value
    if isinstance(value, (date, time)):
        return value
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):  # 1e999 in the sheet's XML
            raise CellProblem(t("xlsx_number_not_finite"))
        if isinstance(value, int) and abs(value) >= EXCEL_DIGITS_BOUND:
            return value  # beyond every unit's bound: the value check refuses it, naming the cell
        number = Decimal(value) if isinstance(value, int) else excel_decimal(value)
        if "%" in cell.number_format:
            number *= 100  # a cell shown as 34,1% holds 0.341: the figure meant is 34.1
        if abs(number) >= EXCEL_DIGITS_BOUND:
            return number  # too large for any unit: the value check says so, naming the cell
        return number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
    if isinstance(value, str):
        return value.replace("\u00a0", " ").strip()
    return value


def excel_decimal(value: float) -> Decimal:
    """A float as Excel shows it: 15 significant digits (0.1 + 0.2 is 0.3, not 0.30000000000000004)."""
    return Decimal(format(value, ".15g"))


def _period_text(number: Decimal) -> str:
    """A year typed as a number (2026) is the period '2026'."""
    return str(int(number)) if number == number.to_integral_value() else str(number)
