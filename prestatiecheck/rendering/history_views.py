"""The history store shown: a list of runs, one run, the difference of two, and exports.

Plain aligned text for the terminal (every text from the store with its control
characters shown escaped), JSON for scripts, JSON Lines and CSV for exports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from prestatiecheck.i18n import t
from prestatiecheck.model import STATUS_ORDER, Status
from prestatiecheck.rendering.labels import label, symbol
from prestatiecheck.rendering.safetext import neutralize_formula, visible_controls
from prestatiecheck.reporting.history import Run, change, split_key

SHORT_ID = 8


def _text(value: object) -> str:
    return visible_controls(str(value), newlines=False)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> str:
    rows = [[_text(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n"


def _status(code: str | None) -> str:
    if code is None:
        return "–"
    status = Status(code)
    return f"{symbol(status)} {label(status)}"


def _value(entry: Mapping[str, Any] | None) -> str:
    if entry is None or entry.get("value") is None:
        return "–"
    value = entry["value"]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from decimal import Decimal

        from prestatiecheck.rendering import formatting as fmt

        return fmt.number(Decimal(repr(value)))
    return str(value)


def _party(party: str) -> str:
    return party or t("joint_word")


def when(timestamp: str) -> str:
    """A recorded timestamp (ISO, UTC) shown as date and time; as recorded when it is not ISO."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    return f"{moment:%Y-%m-%d %H:%M} UTC"


# --- list ---------------------------------------------------------------------------------------


def list_json(runs: Sequence[Run]) -> str:
    return (
        json.dumps(
            [
                {
                    "id": r.run,
                    "timestamp": r.timestamp,
                    "as_of": r.as_of.isoformat(),
                    "agreement": r.agreement,
                    "summary": {s.value: r.summary.get(s.value, 0) for s in STATUS_ORDER},
                }
                for r in runs
            ],
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def list_table(runs: Sequence[Run], source: str) -> str:
    if not runs:
        return t("history_list_empty", path=source) + "\n"
    header = [
        t("history_col_run"),
        t("history_col_made"),
        t("history_col_as_of"),
        t("history_col_agreement"),
        *(f"{symbol(s)} {label(s)}" for s in STATUS_ORDER),
    ]
    rows = [
        [
            r.run[:SHORT_ID],
            when(r.timestamp),
            r.as_of.isoformat(),
            r.agreement,
            *(str(r.summary.get(s.value, 0)) for s in STATUS_ORDER),
        ]
        for r in runs
    ]
    right = tuple(range(4, 4 + len(STATUS_ORDER)))
    return t("history_list_heading", path=source, count=len(runs)) + "\n\n" + _table(header, rows, right)


# --- show ---------------------------------------------------------------------------------------


def show_text(runs: Sequence[Run]) -> str:
    parts = []
    for r in runs:
        head = [
            f"{t('history_col_run')}: {r.run}",
            f"{t('history_col_agreement')}: {r.agreement}",
            f"{t('history_col_as_of')}: {r.as_of.isoformat()}",
            f"{t('history_col_made')}: {when(r.timestamp)}",
            f"{t('history_col_files')}: {', '.join(r.figures_files) or '–'}",
            f"{t('history_col_version')}: {r.version or '–'}",
            t("history_summary_line")
            + ": "
            + " · ".join(f"{symbol(s)} {label(s)} {r.summary.get(s.value, 0)}" for s in STATUS_ORDER),
        ]
        rows = []
        for key, entry in r.results.items():
            rule, party, project, period = split_key(key)
            rows.append(
                [rule, _party(party), project or "–", period, _status(entry["status"]), _value(entry)]
            )
        header = [
            t("history_col_rule"),
            t("history_col_party"),
            t("history_col_project"),
            t("history_col_period"),
            t("history_col_status"),
            t("history_col_value"),
        ]
        parts.append("\n".join(_text(h) for h in head) + "\n\n" + _table(header, rows, (5,)))
    return "\n".join(parts)


def show_json(runs: Sequence[Run]) -> str:
    return json.dumps([r.record() for r in runs], ensure_ascii=False, indent=2) + "\n"


# --- diff ---------------------------------------------------------------------------------------


def differences(before: Run, after: Run) -> list[dict[str, Any]]:
    """Every result whose status or value differs between two runs of one agreement (or is in one only)."""
    out = []
    for key in list(dict.fromkeys([*before.results, *after.results])):
        old = before.results.get(key)
        new = after.results.get(key)
        if old is not None and new is not None and old == new:
            continue
        rule, party, project, period = split_key(key)
        mark = change(new["status"], old["status"] if old else None) if new else None
        out.append(
            {
                "agreement": after.agreement,
                "key": key,
                "rule": rule,
                "party": party or None,
                "project": project or None,
                "period": period,
                "before": dict(old) if old is not None else None,
                "after": dict(new) if new is not None else None,
                "change": mark if mark else ("removed" if new is None else "changed" if old else "added"),
            }
        )
    return out


def diff_text(pairs: Sequence[tuple[Run, Run]]) -> str:
    parts = []
    for before, after in pairs:
        found = differences(before, after)
        heading = t(
            "history_diff_heading",
            agreement=before.agreement,
            before=before.run[:SHORT_ID],
            before_as_of=before.as_of.isoformat(),
            after=after.run[:SHORT_ID],
            after_as_of=after.as_of.isoformat(),
        )
        if not found:
            parts.append(_text(heading) + "\n" + t("history_diff_none") + "\n")
            continue
        header = [
            t("history_col_rule"),
            t("history_col_party"),
            t("history_col_project"),
            t("history_col_period"),
            t("history_col_before"),
            t("history_col_after"),
            t("history_col_change"),
        ]
        rows = [
            [
                d["rule"],
                _party(d["party"] or ""),
                d["project"] or "–",
                d["period"],
                f"{_status(d['before']['status'])} ({_value(d['before'])})" if d["before"] else "–",
                f"{_status(d['after']['status'])} ({_value(d['after'])})" if d["after"] else "–",
                t(f"history_change_{d['change']}"),
            ]
            for d in found
        ]
        parts.append(_text(heading) + "\n\n" + _table(header, rows))
    return "\n".join(parts)


def diff_json(pairs: Sequence[tuple[Run, Run]]) -> str:
    return (
        json.dumps(
            [
                {
                    "agreement": before.agreement,
                    "before": {
                        "id": before.run,
                        "as_of": before.as_of.isoformat(),
                        "timestamp": before.timestamp,
                    },
                    "after": {
                        "id": after.run,
                        "as_of": after.as_of.isoformat(),
                        "timestamp": after.timestamp,
                    },
                    "differences": differences(before, after),
                }
                for before, after in pairs
            ],
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


# --- export -------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "run",
    "timestamp",
    "as_of",
    "agreement",
    "rule",
    "party",
    "project",
    "period",
    "status",
    "value",
)


def export_jsonl(runs: Iterable[Run]) -> Iterator[str]:
    """The interchange records, one per line (what the JSON Lines store of earlier versions held)."""
    for r in runs:
        yield json.dumps(r.record(), ensure_ascii=False, separators=(",", ":")) + "\n"


def export_csv(runs: Iterable[Run]) -> Iterator[str]:
    """One row per result; text cells a spreadsheet would run as a formula get a quote before them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    yield out.getvalue()
    for r in runs:
        out.seek(0)
        out.truncate()
        for key, entry in r.results.items():
            rule, party, project, period = split_key(key)
            value = entry.get("value")
            cells: list[Any] = [
                r.run,
                r.timestamp,
                r.as_of.isoformat(),
                r.agreement,
                rule,
                party,
                project,
                period,
            ]
            cells = [neutralize_formula(c) for c in cells]
            cells += [
                entry["status"],
                "" if value is None else value if not isinstance(value, str) else neutralize_formula(value),
            ]
            writer.writerow(cells)
        yield out.getvalue()
