"""The fill-in template as an Excel workbook, made for the people who fill it in.

Sheet 1 holds the rows: the figure columns first (period, party, metric, value,
note), then greyed explanations. Only the value and note cells (and project,
where a rule asks per project) are open; the sheet is protected without a
password, so a user who must add rows can lift it (Review > Unprotect Sheet).
Each value cell has a data validation fitting its unit. Sheet 2 explains the
agreement's checks in words.

Names, titles, meanings and quotes come from rule files anyone may have written: they are
stored as text, never as formulas (Excel's quote prefix, as in the results workbook), and a
control character XML cannot hold is shown escaped.
"""

from __future__ import annotations

import io
from typing import Any

from prestatiecheck.i18n import t
from prestatiecheck.rendering import describe
from prestatiecheck.rendering.sheets import append_row, print_landscape, row_height, text_stays_text
from prestatiecheck.templating import EXPLANATION_COLUMNS, Template, TemplateRow, cell_texts, header

HEADER_FILL = "1F4E79"
EXPLANATION_FILL = "EDEDED"
EXPLANATION_FONT = "595959"
OPEN_FILL = "FFF9DB"  # the cells to fill in: a light yellow
WIDTHS = {
    "period": 11, "party": 14, "metric": 34, "value": 14, "note": 30, "project": 20,
    "party_name": 22, "meaning": 60, "unit": 30, "rules": 48, "article": 18, "agreement": 20,
}  # fmt: skip
OPEN_COLUMNS = ("value", "note", "project")
NUMBER_FORMATS = {"date": "yyyy-mm-dd", "eur": "#,##0.00"}
MIN_DATE, MAX_DATE = "DATE(1990,1,1)", "DATE(2100,12,31)"


def render(template: Template) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("template_sheet_figures")
    columns = template.columns()
    letters = {c: get_column_letter(i) for i, c in enumerate(columns, 1)}
    append_row(sheet, [header(c) for c in columns])
    bold_white = Font(bold=True, color="FFFFFF")
    for column in columns:
        cell = sheet[f"{letters[column]}1"]
        cell.font = bold_white
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[letters[column]].width = WIDTHS.get(column, 16)
    sheet[f"{letters['value']}1"].comment = Comment(t("template_value_comment"), "prestatiecheck")
    grey = PatternFill("solid", fgColor=EXPLANATION_FILL)
    grey_font = Font(color=EXPLANATION_FONT)
    open_fill = PatternFill("solid", fgColor=OPEN_FILL)
    unlocked = Protection(locked=False)
    validations = _validations(DataValidation)
    for number, row in enumerate(template.rows, 2):
        texts = cell_texts(template, row)
        append_row(sheet, [texts[c] for c in columns])
        for column in columns:
            cell = sheet[f"{letters[column]}{number}"]
            cell.alignment = Alignment(vertical="top")
            if column in OPEN_COLUMNS and (column != "project" or row.per_project):
                cell.protection = unlocked
                cell.fill = open_fill
            elif column in EXPLANATION_COLUMNS or column == "agreement":
                cell.fill = grey
                cell.font = grey_font
                cell.alignment = Alignment(vertical="top", wrap_text=column in ("meaning", "unit", "rules"))
        # Spreadsheet programs do not grow a row for wrapped text they did not write: set its height.
        sheet.row_dimensions[number].height = row_height(
            *((texts[c], WIDTHS[c]) for c in ("meaning", "unit", "rules"))
        )
        value_cell = sheet[f"{letters['value']}{number}"]
        value_cell.number_format = NUMBER_FORMATS.get(row.metric.unit, "General")
        validations[_validation_kind(row)].add(value_cell)
    for validation in validations.values():
        if validation.sqref:
            sheet.add_data_validation(validation)
    sheet.freeze_panes = f"{letters['value']}2"
    print_landscape(sheet)
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(template.rows) + 1}"
    sheet.protection.sheet = True
    # Protected, yet sorting, filtering and resizing still work; no password.
    sheet.protection.autoFilter = False
    sheet.protection.sort = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    _explanation_sheet(workbook.create_sheet(t("template_sheet_explanation")), template, Font, Alignment)
    text_stays_text(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _validation_kind(row: TemplateRow) -> str:
    unit = row.metric.unit
    if unit == "count":
        return "count_signed" if row.metric.signed else "count"
    if unit == "date":
        return "date"
    return "decimal_signed" if row.metric.signed else "decimal"


def _validations(data_validation: Any) -> dict[str, Any]:
    def make(kind: str, operator: str, first: str, second: str | None, key: str) -> Any:
        validation = data_validation(
            type=kind, operator=operator, formula1=first, formula2=second, allow_blank=True
        )
        validation.error = t(key)
        validation.errorTitle = t("template_validation_title")
        validation.prompt = t(key)
        validation.showErrorMessage = True
        validation.showInputMessage = True
        return validation

    return {
        "count": make("whole", "greaterThanOrEqual", "0", None, "template_validation_count"),
        "count_signed": make("whole", "between", "-1000000000", "1000000000", "template_validation_whole"),
        "date": make("date", "between", MIN_DATE, MAX_DATE, "template_validation_date"),
        "decimal": make("decimal", "greaterThanOrEqual", "0", None, "template_validation_decimal"),
        "decimal_signed": make(
            "decimal", "between", "-1000000000000", "1000000000000", "template_validation_decimal_signed"
        ),
    }


EXPLANATION_WIDTHS = (22, 34, 56, 30, 16, 56)  # A..F: ref/label, rule, check, scope, periods, source


def _explanation_sheet(sheet: Any, template: Template, font: Any, alignment: Any) -> None:
    agreement = template.agreement
    for letter, width in zip("ABCDEF", EXPLANATION_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    text_width = sum(EXPLANATION_WIDTHS[1:])
    append_row(sheet, [agreement.title])
    sheet["A1"].font = font(bold=True, size=14)
    party = agreement.party(template.party) if template.party else None
    facts = [
        (t("template_about_agreement"), agreement.id),
        (t("template_about_period"), template.period.label if template.period else agreement.period.label),
        (t("template_about_party"), party.name if party else t("template_all_parties")),
        (t("template_about_rows"), len(template.rows)),
    ]
    for label, value in facts:
        append_row(sheet, [label, value])
        sheet.cell(sheet.max_row, 2).alignment = alignment(horizontal="left")
    append_row(sheet, [])
    append_row(sheet, [t("template_how_title")])
    sheet.cell(sheet.max_row, 1).font = font(bold=True)
    how = [t(f"template_how_{k}") for k in ("value", "numbers", "dates", "joint")]
    if template.has_projects:
        how.append(t("template_how_projects"))
    how.append(t("template_how_check", agreement=agreement.id))
    for text in how:
        append_row(sheet, ["•", text])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        sheet.cell(row, 1).alignment = alignment(horizontal="right", vertical="top")
        sheet.cell(row, 2).alignment = alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = row_height((text, text_width))
    append_row(sheet, [])
    append_row(sheet, [t("template_rules_title")])
    sheet.cell(sheet.max_row, 1).font = font(bold=True)
    heading = [
        t("template_rules_ref"),
        t("template_rules_rule"),
        t("template_rules_check"),
        t("template_rules_scope"),
        t("template_rules_periods"),
        t("template_rules_source"),
    ]
    append_row(sheet, heading)
    for column in range(1, len(heading) + 1):
        sheet.cell(sheet.max_row, column).font = font(bold=True)
    for rule in template.rules:
        source = f"{t('article_word')} {rule.source.article}: “{rule.source.quote.strip()}”"
        texts = [
            rule.ref,
            rule.title,
            describe.threshold(rule, agreement, template.metrics),
            describe.scope(rule, agreement),
            describe.periods(rule, agreement),
            source,
        ]
        append_row(sheet, texts)
        row = sheet.max_row
        for column in range(1, len(texts) + 1):
            sheet.cell(row, column).alignment = alignment(wrap_text=True, vertical="top", horizontal="left")
        sheet.row_dimensions[row].height = row_height(*zip(texts, EXPLANATION_WIDTHS, strict=True))
    print_landscape(sheet)
    sheet.print_title_rows = None
