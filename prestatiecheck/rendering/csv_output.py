"""CSV: one row per result, for spreadsheets and scripts (comma-separated, UTF-8)."""

from __future__ import annotations

import csv
import io

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.rows import records

COLUMNS = (
    "agreement", "rule", "title", "theme", "party", "party_name", "project", "period", "status",
    "status_label", "reading", "information", "value", "unit", "limit", "target", "expected",
    "provisional", "message", "article", "notes",
)  # fmt: skip


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for rec in records(evaluation, options.quiet):
        rec = dict(rec)
        rec["article"] = rec["source"]["article"]
        rec["notes"] = " | ".join(f"{n['party'] or ''}: {n['note']}" for n in rec["notes"])
        rec["provisional"] = "true" if rec["provisional"] else "false"
        rec["information"] = "true" if rec["information"] else "false"
        rec["limit"] = "" if rec["limit"] is None else rec["limit"]
        writer.writerow(rec)
    return out.getvalue()
