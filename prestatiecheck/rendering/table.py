"""The terminal table (rich): grouped by agreement and theme, a word and a symbol with every colour."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import t
from prestatiecheck.model import STATUS_ORDER, Agreement, Result
from prestatiecheck.rendering import formatting as fmt
from prestatiecheck.rendering.grouping import by_agreement_and_theme
from prestatiecheck.rendering.labels import colour, label, symbol
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.present import present
from prestatiecheck.rendering.rows import visible_of
from prestatiecheck.rendering.safetext import visible_controls


def plain(text: str, style: str = "") -> Text:
    """Text from files as it is: control characters shown escaped, and never read as rich markup
    (a note with '[link=...]' stays those characters)."""
    return Text(visible_controls(text), style=style)


def make_console(options: RenderOptions) -> Console:
    return Console(
        file=io.StringIO(),
        force_terminal=options.color,
        no_color=not options.color,
        color_system=options.color_system if options.color else None,  # type: ignore[arg-type]
        width=options.width or 120,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


# party, period, value, norm, status, source: at most this wide (longer texts wrap), and the
# narrowest they get on a small terminal ("gezamenlijk", "2026-2030", "Hoofdstuk" stay whole).
_SHORT_MAX = (16, 9, 16, 28, 16, 14)
_SHORT_MIN = (11, 9, 7, 12, 9, 10)


def column_widths(total: int, natural: list[int] | None = None) -> list[int]:
    """Widths of the eight columns. The six short ones get the width of their longest text (up to
    a maximum) while the rule and the explanation keep enough room; on a narrow terminal they
    shrink towards their minimums. ``natural``: the longest text per short column."""
    gaps = 8 * 2
    wanted = natural or [12, 9, 13, 13, 14, 12]
    short = [min(hi, w) for w, hi in zip(wanted, _SHORT_MAX, strict=True)]
    floor = [min(lo, w) for w, lo in zip(short, _SHORT_MIN, strict=True)]
    while total - gaps - sum(short) < 40 and any(w > lo for w, lo in zip(short, floor, strict=True)):
        widest = max(range(6), key=lambda i: short[i] - floor[i])
        short[widest] -= 1
    rest = max(total - gaps - sum(short), 24)
    rule = max(12, rest * 9 // 20)
    return [rule, *short, max(12, rest - rule)]


def _longest_words(texts: list[str], header: str) -> int:
    """The width a column needs to show its texts on one line each (and its header)."""
    return max([len(header), *(len(x) for x in texts)])


SEPARATOR = ""


def start(evaluation: Any, options: RenderOptions) -> str:
    console = make_console(options)
    header = options.title or t("check_title")
    console.print(Text(f"{header} · {t('as_of_label')} {fmt.long_date(evaluation.as_of)}", style="bold"))
    if evaluation.figures_files:
        console.print(plain(t("figures_label") + ": " + ", ".join(evaluation.figures_files), style="dim"))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def part(results: list[Result], agreements: Mapping[str, Agreement], options: RenderOptions) -> str:
    """The tables of these results: per agreement, a table per theme."""
    console = make_console(options)
    for agreement_id, themes in by_agreement_and_theme(visible_of(results, options.quiet)).items():
        agreement = agreements.get(agreement_id)
        console.print()
        title = agreement.title if agreement else agreement_id
        console.print(plain(f"{title} ({agreement_id})", style="bold underline"))
        for theme, rows in themes.items():
            table = Table(
                title=plain(theme),
                title_justify="left",
                title_style="bold",
                box=box.SIMPLE_HEAD,
                expand=True,
                pad_edge=False,
                collapse_padding=True,
            )
            shown_rows = [(r, present(r, agreement)) for r in rows]
            natural = [
                _longest_words([p.party for _, p in shown_rows], t("col_party")),
                _longest_words([r.period for r, _ in shown_rows], t("col_period")),
                _longest_words([p.value for _, p in shown_rows], t("col_value")),
                _longest_words([p.norm for _, p in shown_rows], t("col_norm")),
                _longest_words(
                    [f"x {p.status}" for _, p in shown_rows]
                    + [f"({word})" for _, p in shown_rows for word in p.marks],
                    t("col_status"),
                ),
                _longest_words([r.rule.source.article for r, _ in shown_rows], t("col_source")),
            ]
            widths = column_widths(console.width, natural)
            table.add_column(t("col_rule"), overflow="fold", width=widths[0])
            table.add_column(t("col_party"), overflow="fold", width=widths[1])
            table.add_column(t("col_period"), overflow="fold", width=widths[2])
            table.add_column(t("col_value"), justify="right", overflow="fold", width=widths[3])
            table.add_column(t("col_norm"), overflow="fold", width=widths[4])
            table.add_column(t("col_status"), overflow="fold", width=widths[5])
            table.add_column(t("col_source"), overflow="fold", width=widths[6])
            table.add_column(t("col_message"), overflow="fold", width=widths[7])
            previous_rule = None
            for r, shown in shown_rows:
                rule_cell = f"{r.rule.ref} {r.rule.title}" if r.rule.id != previous_rule else ""
                previous_rule = r.rule.id
                status = plain(
                    f"{symbol(r.status, options.ascii_only)} {shown.status}",
                    style=colour(r.status, options.color_system),
                )
                for word in shown.marks:  # one line each, so the column stays narrow
                    status.append(f"\n({word})", style="italic")
                note_text = "".join(
                    "\n" + t("note_label", party=shown_party(agreement, p)) + f" {n}" for p, n in r.notes
                )
                table.add_row(
                    plain(rule_cell),
                    plain(shown.party),
                    plain(r.period),
                    plain(shown.value),
                    plain(shown.norm),
                    status,
                    plain(r.rule.source.article),
                    plain(shown.message + note_text),
                )
            console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def end(evaluation: Any, options: RenderOptions, empty: bool) -> str:
    console = make_console(options)
    if empty:
        console.print()
        console.print(t("nothing_to_show_quiet") if options.quiet else t("nothing_to_show"))
    console.print()
    console.print(summary_text(evaluation, options))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    from prestatiecheck.rendering import chunks

    return "".join(str(c) for c in chunks("table", evaluation, options))


def shown_party(agreement, party):  # type: ignore[no-untyped-def]
    from prestatiecheck.rendering.present import party_name

    return party_name(agreement, party)


def summary_text(evaluation: Any, options: RenderOptions) -> Text:
    tally = evaluation.summary()
    text = Text(t("summary_label") + ": ", style="bold")
    parts = [s for s in STATUS_ORDER]
    for i, status in enumerate(parts):
        if i:
            text.append(" · ")
        text.append(
            f"{symbol(status, options.ascii_only)} {label(status)} {tally[status]}",
            style=colour(status, options.color_system),
        )
    information = sum(evaluation.information_summary().values())
    if information:
        text.append(" · " + t("summary_information", count=information))
    return text
