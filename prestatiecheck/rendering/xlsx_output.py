"""XLSX: the results as a workbook a policy officer can filter and sort.

Sheet 1 has one row per result, with an autofilter and a frozen header; the
status cell says the status in words with its symbol and is filled with the
status colour (colour is never the only signal). Values, norms and targets are
numbers with number formats (a percentage with as many decimals as the verdict
needs, money in euro, dates as dates), so a spreadsheet can sort and sum them.
Sheet 2 counts the results per status (per agreement when there are several).
Binary output: ``check --format xlsx`` needs ``--output``.

Text from figures files is stored as text, never as a formula: a cell beginning with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a text cell with Excel's own
quote prefix (shown as typed, kept as text when edited), against formula injection; a
control character XML cannot hold (a vertical tab from Shift+Enter in Word or Excel)
becomes the line break it stood for, others are shown escaped.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import t
from prestatiecheck.model import STATUS_ORDER, Result, Status
from prestatiecheck.rendering.labels import HEX, label, symbol
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.present import party_name, present
from prestatiecheck.rendering.rows import visible
from prestatiecheck.rendering.safetext import xml_safe
from prestatiecheck.rendering.sheets import append_row, print_landscape, row_height, text_stays_text

HEADER_FILL = "1F4E79"
COLUMNS = (
    ("agreement", 18), ("ref", 7), ("title", 36), ("theme", 20), ("party", 18), ("project", 14),
    ("period", 11), ("status", 18), ("reading", 14), ("information", 12), ("value", 12), ("norm", 18),
    ("limit", 12), ("expected", 12), ("unit", 9), ("provisional", 11), ("message", 70), ("article", 10),
    ("notes", 40), ("rule", 24), ("status_code", 10),
)  # fmt: skip


def status_text(status: Status, ascii_only: bool = False) -> str:
    return f"{symbol(status, ascii_only)} {label(status)}"


def number_format(unit: str, decimals: int | None) -> str:
    """An Excel number format for a unit with a number of decimals."""
    places = "." + "0" * decimals if decimals else ""
    if unit == "percent":
        return f"0{places}%"
    if unit == "eur":
        return f'"€" #,##0{places or ".00"}'
    return f"#,##0{places}"


def cell_number(value: Any, unit: str, decimals: int | None) -> tuple[Any, str | None]:
    """(what the cell holds, its number format): dates as dates, percentages as fractions of 1."""
    if value is None:
        return None, None
    if isinstance(value, date):
        return value, "yyyy-mm-dd"
    exact = Fraction(value) if isinstance(value, (Fraction, Decimal, int)) else Fraction(str(value))
    if decimals is None:
        decimals = _places(value)
    if unit == "percent":
        return float(exact / 100), number_format(unit, max(decimals, 0))
    if exact.denominator == 1:
        return int(exact), number_format(unit, 2 if unit == "eur" else decimals)
    return float(exact), number_format(unit, decimals)


def _places(value: Any) -> int:
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0
    if isinstance(value, Fraction) and value.denominator != 1:
        return 2
    return 0


def render(evaluation: Evaluation, options: RenderOptions) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("xlsx_sheet_results")
    sheet.append([t(f"xlsx_col_{key}") for key, _ in COLUMNS])
    header_font = Font(bold=True, color="FFFFFF")
    for index, (_, width) in enumerate(COLUMNS, 1):
        cell = sheet.cell(1, index)
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    position = {key: index for index, (key, _) in enumerate(COLUMNS, 1)}
    agreements = evaluation.catalogue.agreements
    fills = {s: PatternFill("solid", fgColor=HEX[s].lstrip("#").upper()) for s in Status}
    status_font = Font(bold=True, color="FFFFFF")
    results = visible(evaluation, options.quiet)
    for number, result in enumerate(results, 2):
        agreement = agreements.get(result.rule.agreement_id)
        shown = present(result, agreement)
        for key, content in _row(result, agreement, shown, options.ascii_only).items():
            cell = sheet.cell(number, position[key])
            if isinstance(content, tuple):
                cell.value, fmt = content
                if fmt:
                    cell.number_format = fmt
            else:
                cell.value = xml_safe(content) if isinstance(content, str) else content
        status_cell = sheet.cell(number, position["status"])
        status_cell.fill = fills[result.status]
        status_cell.font = status_font
        sheet.cell(number, position["message"]).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[number].height = row_height((shown.message, dict(COLUMNS)["message"]))
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(len(results), 0) + 1}"
    sheet.freeze_panes = "A2"
    print_landscape(sheet)
    _summary(workbook.create_sheet(t("xlsx_sheet_summary")), evaluation, fills, Font, options)
    text_stays_text(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _row(result: Result, agreement: Any, shown: Any, ascii_only: bool) -> dict[str, Any]:
    rule = result.rule
    unit = result.unit
    limit = result.limit
    return {
        "agreement": (
            t(
                "xlsx_national_agreement",
                title=t("national_title"),
                law=rule.agreement_id,
                agreement=rule.applies_to,
            )
            if rule.applies_to
            else rule.agreement_id
        ),
        "ref": rule.ref,
        "title": rule.title,
        "theme": rule.theme,
        "party": party_name(agreement, result.party),
        "project": result.project or "",
        "period": result.period,
        "status": status_text(result.status, ascii_only),
        "reading": t("mark_interpretation") if rule.interpretation else "",
        "information": t("xlsx_yes") if result.information else t("xlsx_no"),
        "value": cell_number(result.value, unit, shown.decimals),
        "norm": shown.norm,
        "limit": cell_number(limit, unit, None),
        "expected": cell_number(result.expected, unit, 2 if result.expected is not None else None),
        "unit": unit,
        "provisional": t("xlsx_yes") if result.provisional else t("xlsx_no"),
        "message": shown.message,
        "article": rule.source.article,
        "notes": " | ".join(f"{party_name(agreement, p)}: {n}" for p, n in result.notes),
        "rule": rule.id,
        "status_code": result.status.value,
    }


def _summary(sheet: Any, evaluation: Evaluation, fills: dict[Status, Any], font: Any, options: Any) -> None:
    from openpyxl.styles import PatternFill

    sheet.column_dimensions["A"].width = 28
    append_row(sheet, [t("check_title")])
    sheet["A1"].font = font(bold=True, size=14)
    append_row(sheet, [t("as_of_label"), evaluation.as_of])
    sheet.cell(sheet.max_row, 2).number_format = "yyyy-mm-dd"
    for agreement in evaluation.agreements:
        append_row(sheet, [t("xlsx_col_agreement"), f"{agreement.title} ({agreement.id})"])
    # the national rule set applied to their corporations: its own group
    laws = sorted({r.rule.agreement_id for r in evaluation.results if r.rule.applies_to})
    for law in laws:
        append_row(sheet, [t("xlsx_col_agreement"), f"{t('national_title')} ({law})"])
    if evaluation.figures_files:
        append_row(sheet, [t("figures_label"), ", ".join(evaluation.figures_files)])
    append_row(sheet, [])
    several = len(evaluation.agreements) > 1
    heading = [t("xlsx_col_status"), t("xlsx_total")]
    if several:
        heading += [a.id for a in evaluation.agreements]
    append_row(sheet, heading)
    header_row = sheet.max_row
    for column in range(1, len(heading) + 1):
        cell = sheet.cell(header_row, column)
        cell.font = font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(str(cell.value)) + 2)
    counts = evaluation.summary()
    per_agreement = {
        a.id: {s: 0 for s in Status} for a in evaluation.agreements
    }  # every result, also with --quiet
    information = {a.id: 0 for a in evaluation.agreements}
    for result in evaluation.results:
        if result.information:  # a per-party result of a joint-only afspraak: not counted
            information[result.rule.agreement_id] = information.get(result.rule.agreement_id, 0) + 1
            continue
        per_agreement.setdefault(result.rule.agreement_id, {s: 0 for s in Status})[result.status] += 1
    for status in STATUS_ORDER:
        row = [status_text(status, options.ascii_only), counts[status.value]]
        if several:
            row += [per_agreement[a.id][status] for a in evaluation.agreements]
        append_row(sheet, row)
        cell = sheet.cell(sheet.max_row, 1)
        cell.fill = fills[status]
        cell.font = font(bold=True, color="FFFFFF")
    total = [t("xlsx_total"), sum(counts.values())]
    if several:
        total += [sum(per_agreement[a.id].values()) for a in evaluation.agreements]
    append_row(sheet, total)
    for column in range(1, len(total) + 1):
        sheet.cell(sheet.max_row, column).font = font(bold=True)
    if any(information.values()):
        row = [t("xlsx_information_row"), sum(information.values())]
        if several:
            row += [information.get(a.id, 0) for a in evaluation.agreements]
        append_row(sheet, row)
    if evaluation.notices:
        append_row(sheet, [])
        append_row(sheet, [t("xlsx_notices")])
        sheet.cell(sheet.max_row, 1).font = font(bold=True)
        for notice in evaluation.notices:
            append_row(sheet, [str(notice)])
