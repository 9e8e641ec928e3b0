"""CSV: one row per result, for spreadsheets and scripts (comma-separated, UTF-8).

A text cell that a spreadsheet would run as a formula (beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return: a project called ``=HYPERLINK(...)``) gets a quote
before it, the OWASP advice against CSV injection; numbers are never changed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.model import Agreement, Result
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.rows import records_of, visible_of
from prestatiecheck.rendering.safetext import neutralize_formula

COLUMNS = (
    "agreement", "rule", "title", "theme", "party", "party_name", "project", "period", "status",
    "status_label", "reading", "information", "value", "unit", "limit", "target", "expected",
    "provisional", "message", "article", "notes", "applies_to", "national_value", "group",
)  # fmt: skip


def _national(value: dict[str, object]) -> str:
    """'daeb-doelgroep-minimum=92.5 (Woningwet art. 48 lid 1, 2022-01-01)', unverified marked."""
    source = value["source"]
    assert isinstance(source, dict)
    text = f"{value['parameter']}={value['value']} ({source['law']} {source['article']}"
    text += f", {source['version']})" if source.get("version") else ")"
    return text + ("" if value["verified"] else " [unverified]")


SEPARATOR = ""


def start(evaluation: Any, options: RenderOptions) -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n").writeheader()
    return out.getvalue()


def part(results: list[Result], agreements: Mapping[str, Agreement], options: RenderOptions) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    for rec in records_of(visible_of(results, options.quiet), agreements.get):
        rec["article"] = rec["source"]["article"]
        rec["notes"] = " | ".join(f"{n['party'] or ''}: {n['note']}" for n in rec["notes"])
        rec["provisional"] = "true" if rec["provisional"] else "false"
        rec["information"] = "true" if rec["information"] else "false"
        rec["limit"] = "" if rec["limit"] is None else rec["limit"]
        rec["national_value"] = " | ".join(_national(v) for v in rec.get("national_values", []) if v["cited"])
        writer.writerow({key: _cell(rec.get(key)) for key in COLUMNS})
    return out.getvalue()


def end(evaluation: Any, options: RenderOptions, empty: bool) -> str:
    return ""


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    from prestatiecheck.rendering import chunks

    return "".join(str(c) for c in chunks("csv", evaluation, options))


def _cell(value: object) -> object:
    """Text made formula-safe; numbers (also negative ones), booleans and empties as they are."""
    return neutralize_formula(value) if isinstance(value, str) else value
