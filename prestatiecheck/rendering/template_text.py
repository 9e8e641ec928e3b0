"""The fill-in template as CSV or YAML text.

CSV: the same columns as the workbook; in Dutch ``;``-separated with a
byte-order mark, as Dutch Excel opens and saves it (decimal comma), in English
``,``-separated (decimal point). Lines starting with ``#`` explain and are
skipped by the reader. YAML: one item per figure, the explanations as comments.

Names, titles and meanings come from rule files anyone may have written, and the file
goes to the terminal unless ``--output`` is given: control characters are shown escaped,
and a CSV cell (also a piece of a comment line between separators) that a spreadsheet
would run as a formula gets a quote before it, as in ``check --format csv``.
"""

from __future__ import annotations

import csv
import io
import json

from prestatiecheck.i18n import get_language, t
from prestatiecheck.rendering.safetext import neutralize_formula, visible_controls
from prestatiecheck.templating import Template, cell_texts, header


def _intro(template: Template) -> list[str]:
    agreement = template.agreement
    period = template.period.label if template.period else agreement.period.label
    party = template.party or t("template_all_parties")
    lines = [
        t("template_text_title", title=agreement.title, period=period, party=party),
        t("template_how_value"),
        t("template_how_numbers"),
        t("template_how_dates"),
        t("template_how_joint"),
    ]
    if template.has_projects:
        lines.append(t("template_how_projects"))
    lines.append(t("template_how_check", agreement=agreement.id))
    return [_comment(line) for line in lines]


def _comment(text: str) -> str:
    # No quotes in a comment line: a CSV reader must not see the start of a quoted field.
    return "# " + " ".join(visible_controls(text).replace('"', "'").split())


def _csv_comment(line: str, delimiter: str) -> str:
    # A spreadsheet splits a comment line at the separator too: no piece of it may be a formula.
    return delimiter.join(neutralize_formula(piece) for piece in line.split(delimiter))


def _csv_cell(text: str) -> str:
    return neutralize_formula(visible_controls(text))


def render_csv(template: Template) -> str:
    delimiter = ";" if get_language() == "nl" else ","
    out = io.StringIO()
    out.write("\ufeff")
    for line in _intro(template):
        out.write(_csv_comment(line, delimiter) + "\n")
    columns = template.columns()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([header(c) for c in columns])
    for row in template.rows:
        texts = cell_texts(template, row)
        writer.writerow([_csv_cell(texts[c]) for c in columns])
    return out.getvalue()


def render_yaml(template: Template) -> str:
    lines = _intro(template)
    lines.append(f"agreement: {json.dumps(template.agreement.id)}")
    lines.append("figures:")
    for row in template.rows:
        texts = cell_texts(template, row)
        rules = f"{t('template_col_rules')}: {texts['rules']} ({texts['article']})"
        about = f"{texts['meaning']} [{texts['unit']}] {rules}"
        lines.append("  " + _comment(about))
        item = {"period": texts["period"], "party": texts["party"], "metric": texts["metric"]}
        if row.per_project:
            item["project"] = ""
        fields = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
        lines.append(f"  - {{{fields}, value: null, note: null}}")
    return "\n".join(lines) + "\n"
