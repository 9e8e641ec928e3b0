"""Layout helpers shared by the workbooks we write (fill-in template, results)."""

from __future__ import annotations

from typing import Any

from prestatiecheck.rendering.safetext import is_formula_like, xml_safe


def row_height(*texts: tuple[str, float]) -> float:
    """Points for a row whose wrapped cells hold these texts in columns this wide (characters).

    Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves.
    """
    lines = max((-(-len(text) // max(int(width) - 2, 1)) for text, width in texts), default=1)
    return 15.0 * max(lines, 1)


def print_landscape(sheet: Any) -> None:
    """Printed (or saved as PDF): landscape, every column on one page width, the header on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def append_row(sheet: Any, row: list[Any]) -> None:
    """``sheet.append`` for rows holding text from files: every text as an .xlsx cell can hold it."""
    sheet.append([xml_safe(v) if isinstance(v, str) else v for v in row])


def text_stays_text(workbook: Any) -> None:
    """No cell of ours is a formula: text that looks like one is stored as text with a quote prefix."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    cell.data_type = "s"  # openpyxl made '=...' a formula
                    cell.quotePrefix = True
