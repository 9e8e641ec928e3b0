"""A results document (and the previous run) -> the plain data one agreement's report shows.

Templates get only strings, numbers, lists and dicts (plus ready-made SVG), in the
active language: they format nothing themselves, so a user template in the sandbox
cannot get anything wrong that matters, and every format shows the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from prestatiecheck import __version__
from prestatiecheck.i18n import get_language, pick, t
from prestatiecheck.model import STATUS_ORDER, Status
from prestatiecheck.rendering import formatting as fmt
from prestatiecheck.rendering.labels import ASCII_SYMBOLS, HEX, SYMBOLS, label
from prestatiecheck.reporting import charts
from prestatiecheck.reporting.history import Run, change, result_key

DEADLINE_DAYS = 60
AGENDA = (Status.NOT_MET, Status.AT_RISK)
TREND_KINDS = ("share", "band")
MULTI_YEAR = re.compile(r"\d{4}-\d{4}")  # a window, not a point on a trend


def status_info(status: str | None) -> dict[str, str] | None:
    if status is None:
        return None
    s = Status(status)
    return {
        "code": s.value,
        "label": label(s),
        "symbol": SYMBOLS[s],
        "ascii": ASCII_SYMBOLS[s],
        "colour": HEX[s],
        "marks": "",  # set per result: "interpretatie", "ter informatie"
    }


def build(
    doc: Mapping[str, Any],
    agreement_id: str,
    *,
    previous: Run | None = None,
    history_used: bool = False,
) -> dict[str, Any]:
    lang = get_language()
    as_of = date.fromisoformat(doc["as_of"])
    block = next(a for a in doc["report"]["agreements"] if a["id"] == agreement_id)
    names = {p["id"]: p["name"] for p in block["parties"]}
    rules = {r["id"]: r for r in block["rules"]}
    texts = doc["report"]["texts"][lang]

    def party(pid: str | None) -> str:
        return t("joint_word") if pid is None else names.get(pid, pid)

    rows: list[dict[str, Any]] = []
    for rec, shown in zip(doc["results"], texts, strict=True):
        if rec["agreement"] != agreement_id:
            continue
        rule = rules.get(rec["rule"], {})
        before = previous.results.get(result_key(rec), {}).get("status") if previous else None
        mark = change(rec["status"], before) if previous else None
        marks = [t("mark_interpretation")] if rec.get("reading") == "interpretation" else []
        if rec.get("information"):
            marks.append(t("mark_information"))
        rows.append(
            {
                "key": result_key(rec),
                "rule": rec["rule"],
                "ref": rec["ref"],
                "title": rec["title"],
                "theme": rec["theme"],
                "kind": rec["kind"],
                "party": shown["party_name"],
                "party_id": rec.get("party"),
                "project": rec.get("project"),
                "period": rec["period"],
                "value": shown["value_text"],
                "norm": shown["norm_text"],
                # "marks" beside the status word: an interpretation, or for information only
                "status": {**status_info(rec["status"]), "marks": " · ".join(marks)},  # type: ignore[dict-item]
                "information": bool(rec.get("information")),
                "message": shown["message"],
                "article": rec["source"]["article"],
                "notes": [{"party": party(n.get("party")), "note": n["note"]} for n in rec.get("notes", [])],
                "trekker": ", ".join(party(p) for p in rule.get("trekker", [])),
                "previous": status_info(before),
                "change": {"code": mark, "label": t(f"report_change_{mark}")} if mark else None,
                "record": rec,
                "shown": shown,
            }
        )

    counts = {s: 0 for s in Status}
    for row in rows:  # per-party results of a joint-only afspraak are for information: not counted
        if not row["information"]:
            counts[Status(row["status"]["code"])] += 1
    summary = [{**status_info(s), "count": counts[s]} for s in STATUS_ORDER]  # type: ignore[dict-item]

    themes: list[dict[str, Any]] = []
    by_theme: dict[str, dict[str, Any]] = {}
    for row in rows:
        theme = by_theme.get(row["theme"])
        if theme is None:
            theme = by_theme[row["theme"]] = {"name": row["theme"], "rules": [], "progress": [], "trends": []}
            themes.append(theme)
        if not theme["rules"] or theme["rules"][-1]["id"] != row["rule"]:
            theme["rules"].append(
                {
                    "id": row["rule"],
                    "ref": row["ref"],
                    "title": row["title"],
                    "article": row["article"],
                    "trekker": row["trekker"],
                    "rows": [],
                }
            )
        theme["rules"][-1]["rows"].append(row)
    for theme in themes:
        for rule in theme["rules"]:
            theme["progress"] += _progress(rule)
            theme["trends"] += _trends(rule)

    end = as_of + timedelta(days=DEADLINE_DAYS)
    deadlines = [
        {
            **row,
            "due": fmt.long_date(date.fromisoformat(row["record"]["due"])),
            "days_left": _days(row, as_of),
        }
        for row in rows
        if row["kind"] == "deadline"
        and row["record"].get("due")
        and row["record"].get("value") is None
        and as_of <= date.fromisoformat(row["record"]["due"]) <= end
    ]
    deadlines.sort(key=lambda r: (r["record"]["due"], r["ref"], r["party"]))

    with_results = {row["rule"] for row in rows}
    without = [
        {"ref": r["ref"], "title": r["title"], "theme": r["theme"], "article": r["article"]}
        for r in block["rules"]
        if r["id"] not in with_results
    ]
    parties = [
        {"name": p["name"], "role": t(f"report_role_{p['role']}") if p["role"] in ROLES else p["role"]}
        for p in block["parties"]
    ]
    rule_files = [block["rule_file"]]
    return {
        "lang": lang,
        "title": t("report_title"),
        "t": t,
        "agreement": {
            "id": block["id"],
            "title": block["title"],
            "municipality": block["municipality"],
            "period": block["period"],
            "source": block.get("source", ""),
        },
        "parties": parties,
        "as_of": fmt.long_date(as_of),
        "as_of_iso": as_of.isoformat(),
        "figures_files": list(doc.get("figures_files", [])),
        "summary": summary,
        "total": sum(counts.values()),
        "information_count": sum(1 for row in rows if row["information"]),
        "agenda": [row for row in rows if Status(row["status"]["code"]) in AGENDA and not row["information"]],
        "history_used": history_used,
        "previous": (
            {
                "as_of": fmt.long_date(previous.as_of),
                "timestamp": _when(previous.timestamp),
            }
            if previous
            else None
        ),
        "changes": [row for row in rows if row["change"]],
        "themes": themes,
        "deadlines": deadlines,
        "deadline_days": DEADLINE_DAYS,
        "no_data": [row for row in rows if row["status"]["code"] == Status.NO_DATA],
        "without_results": without,
        # A context item's note in the report's language (saved results carry both).
        "context_items": [
            {**c, "note": pick(c.get("note") or "", c.get("note_en") or "")} for c in block.get("context", [])
        ],
        "footer": {
            "version": doc.get("prestatiecheck", __version__),
            "rule_files": rule_files,
            "agreements_index": doc["report"].get("agreements_index", ""),
            "disclaimer": t("report_disclaimer"),
        },
    }


ROLES = ("gemeente", "corporatie", "huurdersorganisatie")


def _when(timestamp: str) -> str:
    """A history timestamp (ISO, UTC) as a date and time for people; as recorded if it is not ISO."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    return f"{fmt.long_date(moment.date())} {moment:%H:%M} UTC"


def _days(row: Mapping[str, Any], as_of: date) -> int:
    return (date.fromisoformat(row["record"]["due"]) - as_of).days


def _progress(rule: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for row in rule["rows"]:
        rec = row["record"]
        if row["kind"] != "target" or rec.get("value") is None or not rec.get("target"):
            continue
        expected = rec.get("expected")
        text = t(
            "report_progress_text",
            party=row["party"],
            value=row["value"],
            target=fmt.number(rec["target"], 0),
        )
        if expected is not None and rec.get("bound") == "at_least":
            text += t("report_progress_expected", expected=fmt.number(expected, 0))
        svg = charts.progress_bar(
            value=float(rec["value"]),
            target=float(rec["target"]),
            expected=float(expected) if expected is not None and rec.get("bound") == "at_least" else None,
            status=row["status"]["code"],
            label=f"{rule['ref']} {rule['title']}: {text}",
        )
        out.append({"rule": f"{rule['ref']} {rule['title']}", "text": text, "row": row, "svg": Markup(svg)})
    return out


def _trends(rule: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = [r for r in rule["rows"] if r["kind"] in TREND_KINDS and not MULTI_YEAR.fullmatch(r["period"])]
    by_party: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_party.setdefault(row["party"], []).append(row)
    out = []
    for party_name, series in by_party.items():
        if not any(r["record"].get("value") is not None for r in series):
            continue
        series = sorted(series, key=lambda r: r["period"])
        points = [
            charts.Point(
                r["period"],
                None if r["record"].get("value") is None else float(r["record"]["value"]),
                r["status"]["code"],
                r["value"],
            )
            for r in series
        ]
        rec = series[0]["record"]
        limits = [float(x) for x in (rec.get("band") or [rec.get("limit")]) if x is not None]
        text = "; ".join(f"{p.period}: {p.text or t('report_no_figures_short')}" for p in points)
        label_text = f"{rule['ref']} {rule['title']} · {party_name} · {series[0]['norm']}: {text}"
        out.append(
            {
                "rule": f"{rule['ref']} {rule['title']}",
                "party": party_name,
                "norm": series[0]["norm"],
                "text": text,
                "svg": Markup(charts.share_trend(points, limits=limits, label=label_text)),
            }
        )
    return out
