"""Markdown: for wikis, Git and the meeting papers' appendix. No colour; words and symbols."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import t
from prestatiecheck.model import STATUS_ORDER, Agreement, Result
from prestatiecheck.rendering import formatting as fmt
from prestatiecheck.rendering.grouping import by_agreement_and_theme
from prestatiecheck.rendering.labels import label, symbol
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.present import marks_text, party_name, present
from prestatiecheck.rendering.rows import visible_of
from prestatiecheck.rendering.safetext import markdown_text


def cell(text: object) -> str:
    """Text in Markdown: no raw HTML, no live link or image (a note's '[x](url)'), no broken table."""
    return markdown_text(text)


# The summary is at the top: a streamed check keeps the parts in a temporary file until the counts
# are known (see rendering.chunks).
SUMMARY_FIRST = True
SEPARATOR = ""


def start(evaluation: Any, options: RenderOptions) -> str:
    lines: list[str] = []
    lines.append(f"# {options.title or t('check_title')}")
    lines.append("")
    lines.append(f"{t('as_of_label')}: {fmt.long_date(evaluation.as_of)}  ")
    if evaluation.figures_files:
        lines.append(f"{t('figures_label')}: {', '.join(cell(f) for f in evaluation.figures_files)}")
    tally = evaluation.summary()
    lines.append("")
    lines.append(
        "**"
        + t("summary_label")
        + "**: "
        + " · ".join(f"{symbol(s)} {label(s)} {tally[s]}" for s in STATUS_ORDER)
    )
    information = sum(evaluation.information_summary().values())
    if information:
        lines[-1] += " · " + t("summary_information", count=information)
    return "\n".join(lines)


def part(results: list[Result], agreements: Mapping[str, Agreement], options: RenderOptions) -> str:
    """The sections of these results: per agreement, a table per theme (each line after a newline)."""
    lines: list[str] = []
    for agreement_id, themes in by_agreement_and_theme(visible_of(results, options.quiet)).items():
        agreement = agreements.get(agreement_id)
        lines += ["", f"## {cell(agreement.title if agreement else agreement_id)} ({agreement_id})"]
        for theme, rows in themes.items():
            lines += ["", f"### {cell(theme)}", ""]
            lines.append(
                "| "
                + " | ".join(
                    t(c)
                    for c in (
                        "col_rule",
                        "col_party",
                        "col_period",
                        "col_value",
                        "col_norm",
                        "col_status",
                        "col_source",
                        "col_message",
                    )
                )
                + " |"
            )
            lines.append("|---|---|---|--:|---|---|---|---|")
            for r in rows:
                shown = present(r, agreement)
                explained = shown.message + "".join(
                    "\n" + t("note_label", party=party_name(agreement, p)) + " " + n for p, n in r.notes
                )
                lines.append(
                    "| "
                    + " | ".join(
                        cell(x)
                        for x in (
                            f"{r.rule.ref} {r.rule.title}",
                            shown.party,
                            r.period,
                            shown.value,
                            shown.norm,
                            f"{symbol(r.status)} {shown.status}"
                            + (f"\n{marks_text(shown.marks)}" if shown.marks else ""),
                            r.rule.source.article,
                            explained,
                        )
                    )
                    + " |"
                )
    return "".join("\n" + line for line in lines)


def end(evaluation: Any, options: RenderOptions, empty: bool) -> str:
    if empty:
        return "\n\n" + (t("nothing_to_show_quiet") if options.quiet else t("nothing_to_show")) + "\n"
    return "\n"


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    from prestatiecheck.rendering import chunks

    return "".join(str(c) for c in chunks("markdown", evaluation, options))
