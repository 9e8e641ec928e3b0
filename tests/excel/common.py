"""Shared helpers for the Excel tests: the mini agreement, workbooks made in the test, JSON results."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tests.helpers import MINI, MINI_INDEX

AS_OF = "2024-06-01"  # the mini agreement (2022-2023) is over: every verdict is final
MINI_ARGS = ("--agreements", str(MINI_INDEX), "-a", MINI)
HEADER = ("period", "party", "metric", "value")


def workbook(
    path: Path, rows: Iterable[Iterable[Any]], *, sheet: str = "Blad1", header: Iterable[str] = HEADER
) -> Path:
    """A workbook with one sheet: the header, then the rows (a value '=...' is a formula, never calculated)."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if header:
        ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def fill(template: Path, values: Mapping[tuple[str, str, str], Any], out: Path) -> Path:
    """Type values into a template's value column, found by (period, party, metric); save as ``out``."""
    import openpyxl

    book = openpyxl.load_workbook(template)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) for name in ("period", "party", "metric", "value")}
    left = dict(values)
    for row in ws.iter_rows(min_row=2):
        key = (row[col["period"]].value, row[col["party"]].value, row[col["metric"]].value)
        if key in left:
            row[col["value"]].value = left.pop(key)
    assert not left, f"not in the template: {sorted(left)}"
    book.save(out)
    return out


def statuses(stdout: str) -> dict[tuple[str, str | None, str], str]:
    """(rule ref, party, period) -> status from check --format json."""
    document = json.loads(stdout)
    return {(r["ref"], r["party"], r["period"]): r["status"] for r in document["results"]}
