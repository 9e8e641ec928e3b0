"""The history store: one JSON Lines record per agreement per run, and what changed since the last.

A record::

    {"kind": "prestatiecheck-history", "version": 1, "run": "<id>", "timestamp": "...Z",
     "as_of": "2023-03-01", "agreement": "...", "prestatiecheck": "0.1.0",
     "figures_files": [...], "summary": {...},
     "results": {"<rule>|<party>|<project>|<period>": {"status": "met", "value": 45}}}

(an empty party means the joint result, an empty project: no project). Reading is
strict: a line that is not such a record is an error naming the file and line, never
skipped. Appending rewrites the file atomically (old text + the new lines), so a crash
never leaves half a line behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from prestatiecheck.errors import InputError
from prestatiecheck.i18n import t
from prestatiecheck.loading.resources import display_path
from prestatiecheck.model import Location, Problem, Status

KIND = "prestatiecheck-history"
VERSION = 1
FILE_NAME = "history.jsonl"


@dataclass(frozen=True)
class Run:
    """One earlier run of one agreement, as read back from the store."""

    run: str
    timestamp: str
    as_of: date
    agreement: str
    results: Mapping[str, Mapping[str, Any]]
    line: int


def result_key(rec: Mapping[str, Any]) -> str:
    return "|".join((rec["rule"], rec.get("party") or "", rec.get("project") or "", rec["period"]))


def records_for(doc: Mapping[str, Any], timestamp: datetime | None = None) -> list[dict[str, Any]]:
    """The history records of a results document: one per agreement."""
    from prestatiecheck import __version__

    stamp = (timestamp or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    out = []
    for agreement in doc["report"]["agreements"]:
        mine = [rec for rec in doc["results"] if rec["agreement"] == agreement["id"]]
        results = {result_key(rec): {"status": rec["status"], "value": rec.get("value")} for rec in mine}
        summary = {s.value: 0 for s in Status}
        for rec in mine:
            if not rec.get("information"):  # per-party results of a joint-only afspraak: not counted
                summary[rec["status"]] += 1
        out.append(
            {
                "kind": KIND,
                "version": VERSION,
                "run": doc["run"],
                "timestamp": stamp,
                "as_of": doc["as_of"],
                "agreement": agreement["id"],
                "prestatiecheck": __version__,
                "figures_files": list(doc.get("figures_files", [])),
                "summary": summary,
                "results": results,
            }
        )
    return out


def _bad(path: Path, line: int, reason: str) -> InputError:
    return InputError(
        [Problem(Location(display_path(path), line), t("report_history_bad_line", reason=reason))]
    )


def _parse(path: Path, number: int, text: str) -> Run:
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as e:
        raise _bad(path, number, t("report_history_not_json", reason=e.msg)) from None
    if not isinstance(rec, dict) or rec.get("kind") != KIND:
        raise _bad(path, number, t("report_history_foreign"))
    if rec.get("version") != VERSION:
        raise _bad(path, number, t("report_results_version", version=rec.get("version"), expected=VERSION))
    statuses = {s.value for s in Status}
    try:
        as_of = date.fromisoformat(rec["as_of"])
        results = rec["results"]
        if not isinstance(results, dict) or not isinstance(rec["agreement"], str):
            raise TypeError("results")
        for key, entry in results.items():
            if entry["status"] not in statuses:
                raise ValueError(f"{key}: status '{entry['status']}'")
        return Run(str(rec["run"]), str(rec["timestamp"]), as_of, rec["agreement"], results, number)
    except KeyError as e:
        raise _bad(path, number, t("report_history_missing", key=e.args[0])) from None
    except (TypeError, ValueError) as e:
        raise _bad(path, number, str(e)) from None


def read(path: Path) -> list[Run]:
    """Every run in the store, oldest first; a missing file is an empty history."""
    from prestatiecheck.loading.textfile import Unreadable, read_text

    if not path.exists():
        return []
    try:
        text = read_text(path, display=display_path(path))
    except Unreadable as e:
        if e.problem.message == t("file_empty"):
            return []
        raise InputError([e.problem]) from None
    return [_parse(path, n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def previous(runs: Sequence[Run], agreement: str, *, run: str, as_of: date) -> Run | None:
    """The latest earlier run of this agreement (another run, as-of date not later than this one)."""
    for candidate in reversed(runs):
        if candidate.agreement == agreement and candidate.run != run and candidate.as_of <= as_of:
            return candidate
    return None


def recorded(runs: Iterable[Run], run: str) -> bool:
    return any(r.run == run for r in runs)


def append(path: Path, records: Sequence[Mapping[str, Any]]) -> None:
    """Add records at the end; the file is replaced whole by a complete new one."""
    from prestatiecheck.outputs import write_atomic

    old = path.read_bytes() if path.exists() else b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    new = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    write_atomic(path, old + new.encode("utf-8"))


# What changed, per result: a mark code (report_change_<code> in i18n) or None.
CHANGES = ("new_not_met", "new_at_risk", "improved", "recovered", "changed")


def change(now: str, before: str | None) -> str | None:
    if before == now:
        return None
    if now == Status.NOT_MET:
        return "new_not_met"
    if now == Status.AT_RISK:
        return "improved" if before == Status.NOT_MET else "new_at_risk"
    if now == Status.MET and before in (Status.NOT_MET, Status.AT_RISK):
        return "recovered"
    if before is None:
        return None
    return "changed"
