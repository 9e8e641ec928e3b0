"""A results document (and the previous run) -> the plain data one agreement's report shows.

Templates get only strings, numbers, lists and dicts (plus ready-made SVG), in the
active language: they format nothing themselves, so a user template in the sandbox
cannot get anything wrong that matters, and every format shows the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from markupsafe import Markup

from prestatiecheck import __version__
from prestatiecheck.i18n import get_language, pick, t
from prestatiecheck.model import STATUS_ORDER, Status
from prestatiecheck.periods import PeriodError, parse_period
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
    # National law applied to this agreement's corporations (issue 11): its results carry the
    # agreement in ``applies_to`` and are shown as groups of their own after the local themes.
    national = doc["report"].get("national") or {}
    names = {p["id"]: p["name"] for p in [*national.get("parties", []), *block["parties"]]}
    rules = {r["id"]: r for r in [*national.get("rules", []), *block["rules"]]}
    texts = doc["report"]["texts"][lang]

    def party(pid: str | None) -> str:
        return t("joint_word") if pid is None else names.get(pid, pid)

    rows: list[dict[str, Any]] = []
    for rec, shown in zip(doc["results"], texts, strict=True):
        is_law = (
            bool(national)
            and rec["agreement"] == national.get("id")
            and rec.get("applies_to") == agreement_id
        )
        if rec["agreement"] != agreement_id and not is_law:
            continue
        rule = rules.get(rec["rule"], {})
        # the law's own articles name the law ("Woningwet art. 48 lid 1")
        source = str(rec["source"].get("article") or "") if is_law else source_text(rec["source"], block)
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
                "title": _without_source(rec["title"], source),
                "theme": f"{_law_title()}: {rec['theme']}" if is_law else rec["theme"],
                "national": is_law,
                "kind": rec["kind"],
                # who the result is about, as shown: the party, and the project where there is one
                "party": shown["party_name"] + (f" · {rec['project']}" if rec.get("project") else ""),
                "party_name": shown["party_name"],
                "party_id": rec.get("party"),
                "project": rec.get("project"),
                "period": rec["period"],
                "value": shown["value_text"],
                "norm": shown["norm_text"],
                # in the narrow columns of the tables: dates as 9-11-2021 (the finding says them in full)
                **_compact_dates(rec, shown),
                # "marks" beside the status word: an interpretation, or for information only
                "status": {**status_info(rec["status"]), "marks": " · ".join(marks)},  # type: ignore[dict-item]
                "information": bool(rec.get("information")),
                "interpretation": rec.get("reading") == "interpretation",
                "message": shown["message"],
                "article": rec["source"]["article"],
                "source": source,
                # every note of the figures behind this result; `notes` keeps each note once (below)
                "all_notes": [
                    {"party": party(n.get("party")), "note": n["note"]} for n in rec.get("notes", [])
                ],
                "notes": [],
                # national law binds each corporation itself: the trekker is the party judged
                "trekker": party(rec.get("party"))
                if is_law
                else ", ".join(party(p) for p in rule.get("trekker", [])),
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
            theme = by_theme[row["theme"]] = {
                "name": row["theme"],
                "rules": [],
                "progress": [],
                "trends": [],
                "progress_groups": [],
                "trend_groups": [],
            }
            themes.append(theme)
        if not theme["rules"] or theme["rules"][-1]["id"] != row["rule"]:
            theme["rules"].append(_rule_head(row))
        theme["rules"][-1]["rows"].append(row)
    for theme in themes:
        for rule in theme["rules"]:
            if rule["rows"][0]["national"]:
                rule["trekker"] = ", ".join(dict.fromkeys(row["trekker"] for row in rule["rows"]))
            _place_notes(rule["rows"], party)
            progress, trends = _progress(rule), _trends(rule)
            theme["progress"] += progress
            theme["trends"] += trends
            # the same charts per afspraak: its name once, then a small chart per party
            if progress:
                theme["progress_groups"].append({"rule": _rule_name(rule), "charts": progress})
            if trends:
                theme["trend_groups"].append({"rule": _rule_name(rule), "charts": trends})
    agenda = [row for row in rows if Status(row["status"]["code"]) in AGENDA and not row["information"]]

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
        {
            "ref": r["ref"],
            "title": r["title"],
            "theme": r["theme"],
            "article": r["article"],
            "source": source_text({"article": r["article"], "document": r.get("document")}, block),
        }
        for r in block["rules"]
        if r["id"] not in with_results
    ]
    # the rule files behind the report: the agreement's, and the national rule set's when it judged
    sources = [block] + ([national] if any(row["national"] for row in rows) else [])
    parties = [
        {"name": p["name"], "role": t(f"report_role_{p['role']}") if p["role"] in ROLES else p["role"]}
        for p in block["parties"]
    ]
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
            "signed": fmt.long_date(date.fromisoformat(block["signed"])) if block.get("signed") else None,
        },
        # the document every "art." refers to unless a rule names another one
        "source_document": block["title"],
        "parties": parties,
        "as_of": fmt.long_date(as_of),
        "as_of_iso": as_of.isoformat(),
        "figures_files": list(doc.get("figures_files", [])),
        "summary": summary,
        "total": sum(counts.values()),
        "information_count": sum(1 for row in rows if row["information"]),
        "matrix": _matrix(themes, block, as_of),
        "widths": _detail_widths(rows),
        "keep": keep_together,
        "agenda": agenda,
        "agenda_rules": _by_rule(agenda),
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
        # national law: the value in force each norm was judged against, with its source
        "law_values": _law_values(rows),
        "deadlines": deadlines,
        "deadline_days": DEADLINE_DAYS,
        "no_data": [row for row in rows if row["status"]["code"] == Status.NO_DATA],
        "without_results": without,
        # A context item's note in the report's language (saved results carry both).
        "context_items": [
            {
                **c,
                "note": pick(c.get("note") or "", c.get("note_en") or ""),
                "source": article_label(str(c["ref"])),
            }
            for c in block.get("context", [])
        ],
        "footer": {
            "version": doc.get("prestatiecheck", __version__),
            # as text ("soest-2021-2022.yaml (meegeleverd, sha256 ...)"), and the parts of it
            "rule_files": [_rule_file(b)["text"] for b in sources],
            "rule_file_details": [_rule_file(b) for b in sources],
            # where a package is installed is nobody's business: the rule files are named by
            # file name and content hash (above), the index is not named
            "agreements_index": "",
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


def _without_source(title: str, source: str) -> str:
    """A title that ends in its own source ("... 2021-2022 (tabel 2)", source "Tabel 2") without
    it: the report puts the source after every title, so it would read "(tabel 2) (Tabel 2)"."""
    tail = f"({source})"
    if source and title.casefold().endswith(tail.casefold()) and len(title) > len(tail):
        return title[: -len(tail)].rstrip()
    return title


def _rule_name(rule: Mapping[str, Any]) -> str:
    return f"{rule['title']} ({rule['source']})" if rule.get("source") else str(rule["title"])


def _progress(rule: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A bar per result of a cumulative target: realised against the target, zero on the scale."""
    out = []
    for row in rule["rows"]:
        rec = row["record"]
        if row["kind"] != "target" or rec.get("value") is None or rec.get("target") is None:
            continue
        value, target = float(rec["value"]), float(rec["target"])
        bound = rec.get("bound")
        expected = rec.get("expected") if bound == "at_least" else None
        if bound == "at_least" and target > 0 and value >= 0:
            text = t(
                "report_progress_text",
                party=row["party"],
                value=row["value"],
                target=fmt.number(rec["target"], 0),
            )
        else:  # a maximum, or a target at or below zero: "-34 of -35" would read wrongly
            text = t("report_progress_norm", party=row["party"], value=row["value"], norm=row["norm"])
        if expected is not None:
            text += t("report_progress_expected", expected=fmt.number(expected, 0))
        name = _rule_name(rule)
        svg = charts.progress_bar(
            value=value,
            target=target,
            expected=float(expected) if expected is not None else None,
            status=row["status"]["code"],
            label=f"{name}: {text}",
            value_text=row["value"],
            target_text=row["norm"],
        )
        out.append({"rule": name, "party": row["party"], "text": text, "row": row, "svg": Markup(svg)})
    return out


def _trends(rule: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Bars per period for a share, per party, where there is more than one period to compare."""
    rows = [r for r in rule["rows"] if r["kind"] in TREND_KINDS and not MULTI_YEAR.fullmatch(r["period"])]
    by_party: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_party.setdefault(row["party"], []).append(row)
    out = []
    name = _rule_name(rule)
    for party_name, series in by_party.items():
        if not any(r["record"].get("value") is not None for r in series) or len(series) < 2:
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
        label_text = f"{name} · {party_name} · {series[0]['norm']}: {text}"
        out.append(
            {
                "rule": name,
                "party": party_name,
                "norm": series[0]["norm"],
                "text": text,
                "svg": Markup(charts.share_trend(points, limits=limits, label=label_text)),
            }
        )
    return out


def _law_title() -> str:
    """The group national law is shown under ("Wettelijke normen")."""
    from prestatiecheck.i18n import MESSAGES

    return t("national_title") if "national_title" in MESSAGES else "Woningwet"


def _rule_head(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": row["rule"],
        "ref": row["ref"],
        "title": row["title"],
        "theme": row["theme"],
        "article": row["article"],
        "source": row["source"],
        "trekker": row["trekker"],
        "interpretation": row["interpretation"],
        "rows": [],
    }


def _by_rule(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows grouped per afspraak, in their order: the title and trekker once, then each result."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if not out or out[-1]["id"] != row["rule"]:
            out.append(_rule_head(row))
        out[-1]["rows"].append(row)
    for rule in out:
        if rule["rows"][0]["national"]:
            rule["trekker"] = ", ".join(dict.fromkeys(row["trekker"] for row in rule["rows"]))
    return out


def article_label(article: str) -> str:
    """ "art. 1A" for a numbered article; a heading ("Tabel 2", "Bijlage II") as the document names it."""
    return t("report_article", article=article) if article[:1].isdigit() else article


def source_text(source: Mapping[str, Any], block: Mapping[str, Any]) -> str:
    """Where an afspraak is written: its article, and the document's title when that is not the
    agreement's own document (named once, in the header). Never a file name."""
    where = article_label(str(source.get("article") or ""))
    document = source.get("document")
    if not document or document == block.get("source"):
        return where
    title = str(source.get("title") or document)
    return f"{title}, {where}" if where else title


def _rule_file(block: Mapping[str, Any]) -> dict[str, Any]:
    """A rule file by its name and content hash, never by the folder it is installed in."""
    name = block.get("rule_file_name") or PurePath(block.get("rule_file", "")).name
    digest = block.get("rule_file_sha256")
    short = digest[:12] if digest else None
    shipped = bool(block.get("rule_file_shipped"))
    if short:
        text = t(
            "report_footer_rule_file_shipped" if shipped else "report_footer_rule_file",
            name=name,
            sha256=short,
        )
    else:
        text = name
    return {"name": name, "sha256": short, "shipped": shipped, "text": text}


def _place_notes(rows: list[dict[str, Any]], party: Any) -> None:
    """Each note on a figure once per afspraak, at the result of the party it belongs to.

    A joint result carries the notes of every party's figures; where that party has its own
    result for the same period, the note is shown there and not again on the joint row.
    """
    own = {(row["party_id"], row["period"]) for row in rows if row["party_id"] is not None}
    seen: set[tuple[str | None, str]] = set()
    for row in rows:
        placed = []
        for note in row["record"].get("notes", []):
            key = (note.get("party"), note["note"])
            if row["party_id"] is None and key[0] is not None and (key[0], row["period"]) in own:
                continue
            if key in seen:
                continue
            seen.add(key)
            placed.append({"party": party(key[0]), "note": key[1]})
        row["notes"] = placed


def _span(label_text: str) -> tuple[date, date]:
    try:
        period = parse_period(label_text)
    except PeriodError:
        return date.min, date.min
    return period.start, period.end


def _recency(label_text: str) -> tuple[date, date]:
    start, end = _span(label_text)
    return end, start


def _latest(rows: list[dict[str, Any]], as_of: date) -> str:
    """The most recent period with figures: the latest period that has begun with a result that is
    not "geen gegevens"; failing that the latest that has begun, failing that the first to come."""
    begun = [r for r in rows if _span(r["period"])[0] <= as_of]
    with_figures = [r for r in begun if r["status"]["code"] != Status.NO_DATA]
    if with_figures or begun:
        return max((r["period"] for r in with_figures or begun), key=_recency)
    return min((r["period"] for r in rows), key=_span)


def _cell(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One matrix cell: the status of a party's latest result; of several (per project), the worst."""
    worst = min(rows, key=lambda r: STATUS_ORDER.index(Status(r["status"]["code"])))
    same = sum(r["status"]["code"] == worst["status"]["code"] for r in rows)
    return {
        "status": worst["status"],
        "period": worst["period"],
        "information": all(r["information"] for r in rows),
        "detail": t("report_matrix_several", count=same, total=len(rows)) if len(rows) > 1 else "",
        "other_period": None,
    }


NBSP = "\u00a0"


def _where(source: str, period: str) -> str:
    """ "art. 1A · 2021-2022" kept on one line; a long source ("Woningwet art. 48 lid 1 (tekst
    2021); BTIV ...") may wrap between its words, its last word stays with the period."""
    glue = f"{NBSP}·{NBSP}{period}"
    if len(source) <= 24:
        return source.replace(" ", NBSP) + glue
    head, _, last = source.rpartition(" ")
    return f"{head} {last}{glue}" if head else source + glue


def _cell_text(cell: Mapping[str, Any]) -> str:
    """A cell as text; the status word joined by no-break spaces, so wrapping never splits it."""
    extra = [x for x in (cell["other_period"], cell["detail"]) if x]
    if cell["information"]:
        extra.append(t("mark_information"))
    text = f"{cell['status']['symbol']} {cell['status']['label']}".replace(" ", NBSP)
    return text + "".join(f" ({x})" for x in extra)


def _matrix(themes: list[dict[str, Any]], block: Mapping[str, Any], as_of: date) -> dict[str, Any]:
    """The stoplicht: per afspraak (rows, per theme) and party (columns) the latest status.

    A column per party with a result in this report, in the agreement's order, and one for the
    joint results; parties without any result are named under the table, never silently left
    out. A cell holds the party's result for the most recent period that has begun; a cell whose
    period differs from its row's names it. Earlier periods are in the detail.
    """
    names = {p["id"]: p["name"] for p in block["parties"]}
    # An afspraak without any figure is not a row of "geen gegevens" or "nog niet aan de orde":
    # what is missing is named under "Zonder gegevens"; one with nothing to check yet (every
    # result "nog niet aan de orde") is named in one line under the table, its results are in the
    # detail.
    nothing_yet = (Status.NO_DATA, Status.PENDING)
    included = [
        (
            theme,
            [
                rule
                for rule in theme["rules"]
                if any(r["status"]["code"] not in nothing_yet for r in rule["rows"])
            ],
        )
        for theme in themes
    ]
    not_yet = [
        {
            "title": rule["title"],
            "line": f"{rule['title']} ({_where(rule['source'], _latest(rule['rows'], as_of))})",
        }
        for theme in themes
        for rule in theme["rules"]
        if rule["rows"] and all(r["status"]["code"] == Status.PENDING for r in rule["rows"])
    ]
    used: list[str | None] = []
    for _, rules in included:
        for rule in rules:
            for row in rule["rows"]:
                if row["party_id"] not in used:
                    used.append(row["party_id"])
    order = [p["id"] for p in block["parties"]]
    party_ids: list[str | None] = [p for p in order if p in used]
    party_ids += [p for p in used if p is not None and p not in order]
    if None in used:
        party_ids.append(None)
    columns = [
        {"id": pid, "name": t("joint_word") if pid is None else names.get(pid, pid)} for pid in party_ids
    ]
    groups = []
    for theme, rules in included:
        matrix_rows = []
        for rule in rules:
            # the afspraak's most recent period with figures; a party without a result in that
            # period shows its own most recent one, with the period named in the cell
            period = _latest(rule["rows"], as_of)
            cells: list[dict[str, Any] | None] = []
            for pid in party_ids:
                mine = [r for r in rule["rows"] if r["party_id"] == pid]
                if not mine:
                    cells.append(None)
                    continue
                now = [r for r in mine if r["period"] == period]
                cell = _cell(now or [r for r in mine if r["period"] == _latest(mine, as_of)])
                cell["other_period"] = None if now else cell["period"]
                cells.append(cell)
            matrix_rows.append(
                {
                    **{k: v for k, v in rule.items() if k != "rows"},
                    "period": period,
                    "cells": cells,
                    # the article and the period as one unbreakable unit after the title
                    "where": _where(rule["source"], period),
                    "earlier": len({r["period"] for r in rule["rows"]}) > 1,
                    # the row as one line of text (plain-text report): "Portaal: ✓ voldaan | ..."
                    "line": " | ".join(
                        f"{column['name']}:{NBSP}{_cell_text(cell)}"
                        for column, cell in zip(columns, cells, strict=True)
                        if cell is not None
                    ),
                }
            )
        if matrix_rows:
            groups.append({"theme": theme["name"], "rows": matrix_rows})
    widths = _matrix_widths(columns, groups)
    return {
        "columns": columns,
        "groups": groups,
        "parties_without_results": [names[p] for p in order if p not in used],
        "not_yet": not_yet,
        **widths,
    }


PAGE_MM = 186.0  # A4 less the margins (and the body's width on screen)
MATRIX_PT = 6.8  # the stoplicht's font size (report.css: .matrix)
MATRIX_HEAD_PT = 7.2
MATRIX_NOTE_PT = 6.5
CELL_EXTRA_MM = 4.0  # cell padding, borders and the status's colour bar
MATRIX_CELL_EXTRA_MM = 3.8  # the same in the stoplicht (a thinner bar)
MIN_RULE_MM = 80.0  # below this the period moves into the afspraak's cell


def _matrix_widths(columns: list[dict[str, Any]], groups: list[dict[str, Any]]) -> dict[str, Any]:
    """Fixed column widths in mm: each party column as wide as its widest status word, cell note
    or header word, so no status breaks and no word is cut; the afspraak takes what is left."""
    from prestatiecheck.reporting.layout import longest_word_mm, text_mm

    for i, column in enumerate(columns):
        need = longest_word_mm(column["name"], MATRIX_HEAD_PT, bold=True)
        for group in groups:
            for row in group["rows"]:
                cell = row["cells"][i]
                if cell is None:
                    continue
                need = max(need, text_mm(f"{cell['status']['symbol']} {cell['status']['label']}", MATRIX_PT))
                note = " ".join(x for x in (cell["other_period"], cell["detail"]) if x)
                need = max(need, longest_word_mm(note, MATRIX_NOTE_PT))
        column["width"] = round(need + MATRIX_CELL_EXTRA_MM, 1)
    periods = [row["period"] for group in groups for row in group["rows"]]
    period_width = round(
        max(
            [text_mm(p, MATRIX_PT) for p in periods]
            + [longest_word_mm(t("col_period"), MATRIX_HEAD_PT, bold=True)]
        )
        + CELL_EXTRA_MM,
        1,
    )
    rest = PAGE_MM - sum(c["width"] for c in columns)
    period_column = rest - period_width >= MIN_RULE_MM
    return {
        "period_column": period_column,
        "period_width": period_width if period_column else 0,
        "rule_width": round(rest - (period_width if period_column else 0), 1),
    }


DETAIL_PT = 7.2  # the detail and agenda tables' font size (report.css: table)
NORM_MAX_MM = 30.0


def _detail_widths(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Fixed widths (mm) for the detail and agenda columns: party, period, value, norm and status
    each fit their longest word (a status as a whole); the finding takes the rest."""
    from prestatiecheck.reporting.layout import longest_word_mm, text_mm

    def widest(
        texts: list[str], minimum: float, *, whole: bool = False, bold: bool = False, extra: float = 2.6
    ) -> float:
        measure = text_mm if whole else longest_word_mm
        found = max([measure(x, DETAIL_PT, bold=bold) for x in texts if x] + [0.0])
        return round(max(found, minimum) + extra, 1)

    heads = {
        k: longest_word_mm(t(k), DETAIL_PT, bold=True)
        for k in ("col_party", "col_period", "col_value", "col_norm", "col_status")
    }
    out = {
        "party": widest([r["party"] for r in rows], max(heads["col_party"], 18.0)),
        "period": widest([r["period"] for r in rows], heads["col_period"], whole=True),
        "value": widest([r["value_short"] for r in rows], max(heads["col_value"], 10.0)),
        # a norm on one line where it is short ("uiterlijk 31-12-2021"), else it wraps between words
        "norm": widest(
            [r["norm_short"] for r in rows if text_mm(r["norm_short"], DETAIL_PT) <= NORM_MAX_MM],
            max([heads["col_norm"], 16.0] + [longest_word_mm(r["norm_short"], DETAIL_PT) for r in rows]),
            whole=True,
        ),
        "status": widest(
            [f"{r['status']['symbol']} {r['status']['label']}" for r in rows],
            heads["col_status"],
            whole=True,
            bold=True,
            extra=CELL_EXTRA_MM + 0.3,  # and the status's colour bar
        ),
    }
    out["message"] = round(PAGE_MM - sum(out.values()), 1)
    # the detail shows the status at the start of the finding, in one column
    out["verdict"] = round(PAGE_MM - out["party"] - out["period"] - out["value"] - out["norm"], 1)
    out["agenda_message"] = round(PAGE_MM - out["status"] - out["party"] - out["period"], 1)
    return out


_NUMBERISH = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:[-–/][0-9]+(?:[.,][0-9]+)*)+")


def keep_together(text: str) -> Markup:
    """Text for HTML in which a period or range ("2021-2025", "45%–55%", "12/5") never breaks at
    its hyphen: such runs are kept on one line; everything else is escaped as usual."""
    out: list[str] = []
    last = 0
    for found in _NUMBERISH.finditer(text):
        out.append(str(Markup.escape(text[last : found.start()])))
        out.append(f'<span class="nw">{Markup.escape(found.group())}</span>')
        last = found.end()
    out.append(str(Markup.escape(text[last:])))
    return Markup("".join(out))


def _compact_dates(rec: Mapping[str, Any], shown: Mapping[str, Any]) -> dict[str, str]:
    if rec.get("bound") != "due" or not rec.get("limit"):
        return {"value_short": shown["value_text"], "norm_short": shown["norm_text"]}
    value = rec.get("value")
    return {
        "value_short": fmt.short_date(date.fromisoformat(value))
        if isinstance(value, str)
        else shown["value_text"],
        "norm_short": t("norm_due", due=fmt.short_date(date.fromisoformat(rec["limit"]))),
    }


def _law_source(src: Mapping[str, Any]) -> str:
    """'Woningwet art. 48 lid 1, versie 1 januari 2022 (https://...)' from a record's source."""
    text = f"{src['law']} {t('article_word')} {src['article']}"
    if src.get("version"):
        text += ", " + t("national_version_word", version=fmt.long_date(date.fromisoformat(src["version"])))
    if src.get("publication"):  # the publication named, its quote left to `explain`
        text += "; " + str(src["publication"]).split(": ", 1)[0]
    if src.get("url"):
        text += f" ({src['url']})"
    return text


def _law_values(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per national norm and period: the value in force it was judged against (as its norm
    reads), its source, and what a reader must know (unverified, set by the agreement)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        if not row["national"]:
            continue
        for value in row["record"].get("national_values", []):
            key = (row["rule"], row["period"], value["parameter"])
            if not value.get("cited") or key in seen:
                continue
            seen.add(key)
            remarks = []
            if value.get("set_by_agreement"):
                remarks.append(t("national_set_by_agreement", article=value["set_by_agreement"]["article"]))
            if not value.get("verified", True):
                remarks.append(t("national_unverified"))
            entry = {
                "title": row["title"],
                "norm": row["norm"],
                "source": _law_source(value["source"]),
                "remark": "; ".join(remarks),
            }
            # the periods with the same value and source on one line ("2021, 2022")
            same = next((o for o in out if all(o[k] == entry[k] for k in entry)), None)
            if same is None:
                out.append({**entry, "periods": [row["period"]]})
            elif row["period"] not in same["periods"]:
                same["periods"].append(row["period"])
    for entry in out:
        entry["period"] = ", ".join(sorted(entry.pop("periods")))
    return out
