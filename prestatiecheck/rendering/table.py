"""The terminal table: grouped by agreement and theme, a word and a symbol with every colour.

In colour it is drawn by rich; without colour (a file, a pipe, cron, NO_COLOR) the same
text is laid out by ``tabledraw``, which follows rich's layout on plain strings at a
fraction of the cost (tests/test_table_drawing.py compares the two).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import t
from prestatiecheck.model import STATUS_ORDER, Agreement, Result
from prestatiecheck.rendering import formatting as fmt
from prestatiecheck.rendering import tabledraw
from prestatiecheck.rendering.grouping import by_agreement_and_theme
from prestatiecheck.rendering.labels import colour, label, symbol
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.present import present
from prestatiecheck.rendering.rows import visible_of
from prestatiecheck.rendering.safetext import visible_controls

if TYPE_CHECKING:  # (rich is imported when a table is drawn in colour)
    from rich.console import Console
    from rich.text import Text


def plain(text: str, style: str = "") -> Text:
    """Text from files as it is: control characters shown escaped, and never read as rich markup
    (a note with '[link=...]' stays those characters)."""
    from rich.text import Text

    return Text(visible_controls(text), style=style)


def make_console(options: RenderOptions) -> Console:
    from rich.console import Console

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
    header = options.title or t("check_title")
    title = f"{header} · {t('as_of_label')} {fmt.long_date(evaluation.as_of)}"
    figures = t("figures_label") + ": " + ", ".join(evaluation.figures_files)
    if not options.color:
        width = options.width or 120
        return tabledraw.printed(visible_controls(title), width) + (
            tabledraw.printed(visible_controls(figures), width) if evaluation.figures_files else ""
        )
    from rich.text import Text

    console = make_console(options)
    console.print(Text(title, style="bold"))
    if evaluation.figures_files:
        console.print(plain(figures, style="dim"))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def part(results: list[Result], agreements: Mapping[str, Agreement], options: RenderOptions) -> str:
    """The tables of these results: per agreement, a table per theme."""
    out: list[str] = []
    width = options.width or 120
    console = make_console(options) if options.color else None
    for agreement_id, themes in by_agreement_and_theme(visible_of(results, options.quiet)).items():
        agreement = agreements.get(agreement_id)
        title = agreement.title if agreement else agreement_id
        heading = f"{title} ({agreement_id})"
        if console is None:
            out.append("\n" + tabledraw.printed(visible_controls(heading), width))
        else:
            console.print()
            console.print(plain(heading, style="bold underline"))
        for theme, rows in themes.items():
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
            widths = column_widths(width, natural)
            cells: list[list[str]] = []
            previous_rule = None
            for r, shown in shown_rows:
                rule_cell = f"{r.rule.ref} {r.rule.title}" if r.rule.id != previous_rule else ""
                previous_rule = r.rule.id
                note_text = "".join(
                    "\n" + t("note_label", party=shown_party(agreement, p)) + f" {n}" for p, n in r.notes
                )
                status = f"{symbol(r.status, options.ascii_only)} {shown.status}"
                cells.append(
                    [
                        rule_cell,
                        shown.party,
                        r.period,
                        shown.value,
                        shown.norm,
                        status + "".join(f"\n({word})" for word in shown.marks),
                        r.rule.source.article,
                        shown.message + note_text,
                    ]
                )
            if console is None:
                drawn = _draw_plain(theme, widths, cells, width)
                if drawn is not None:
                    out.append(drawn)
                    continue
                console = make_console(options)  # (rich draws what tabledraw does not)
            console.print(_rich_table(theme, widths, cells, shown_rows, options))
            if not options.color:
                out.append(console.file.getvalue())  # type: ignore[attr-defined]
                console = None
    if console is not None:
        out.append(console.file.getvalue())  # type: ignore[attr-defined]
    return "".join(out)


HEADERS = (
    "col_rule",
    "col_party",
    "col_period",
    "col_value",
    "col_norm",
    "col_status",
    "col_source",
    "col_message",
)
RIGHT = (False, False, False, True, False, False, False, False)  # the value is right-aligned


def _draw_plain(theme: str, widths: list[int], cells: list[list[str]], width: int) -> str | None:
    """The table without colour, as rich draws it (None: a case for rich itself)."""
    texts = [[visible_controls(x) for x in row] for row in cells]
    title = visible_controls(theme)
    headers = [t(h) for h in HEADERS]
    if not tabledraw.drawable(title, *headers, *(x for row in texts for x in row)) or any(
        "[" in h for h in headers
    ):
        return None
    return tabledraw.table(title, headers, widths, RIGHT, texts, width)


def _rich_table(
    theme: str, widths: list[int], cells: list[list[str]], shown_rows: list[Any], options: RenderOptions
) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(
        title=plain(theme),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,
    )
    for header, column_width, right in zip(HEADERS, widths, RIGHT, strict=True):
        table.add_column(t(header), justify="right" if right else "left", overflow="fold", width=column_width)
    for row, (r, shown) in zip(cells, shown_rows, strict=True):
        status = plain(
            f"{symbol(r.status, options.ascii_only)} {shown.status}",
            style=colour(r.status, options.color_system),
        )
        for word in shown.marks:  # one line each, so the column stays narrow
            status.append(f"\n({word})", style="italic")
        table.add_row(*(plain(x) for x in row[:5]), status, *(plain(x) for x in row[6:]))
    return table


def end(evaluation: Any, options: RenderOptions, empty: bool) -> str:
    nothing = t("nothing_to_show_quiet") if options.quiet else t("nothing_to_show")
    if not options.color:
        width = options.width or 120
        return ("\n" + tabledraw.printed(nothing, width) if empty else "") + (
            "\n" + tabledraw.printed("".join(x for x, _ in summary_parts(evaluation, options)), width)
        )
    console = make_console(options)
    if empty:
        console.print()
        console.print(nothing)
    console.print()
    console.print(summary_text(evaluation, options))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    from prestatiecheck.rendering import chunks

    return "".join(str(c) for c in chunks("table", evaluation, options))


def shown_party(agreement, party):  # type: ignore[no-untyped-def]
    from prestatiecheck.rendering.present import party_name

    return party_name(agreement, party)


def summary_parts(evaluation: Any, options: RenderOptions) -> list[tuple[str, str]]:
    """The summary line as (text, style) pieces."""
    tally = evaluation.summary()
    parts: list[tuple[str, str]] = [(t("summary_label") + ": ", "bold")]
    for i, status in enumerate(STATUS_ORDER):
        if i:
            parts.append((" · ", ""))
        parts.append(
            (
                f"{symbol(status, options.ascii_only)} {label(status)} {tally[status]}",
                colour(status, options.color_system),
            )
        )
    information = sum(evaluation.information_summary().values())
    if information:
        parts.append((" · " + t("summary_information", count=information), ""))
    return parts


def summary_text(evaluation: Any, options: RenderOptions) -> Text:
    from rich.text import Text

    first, *rest = summary_parts(evaluation, options)
    text = Text(first[0], style=first[1])
    for piece, style in rest:
        text.append(piece, style=style or None)
    return text
