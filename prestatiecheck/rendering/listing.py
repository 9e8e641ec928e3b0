"""``list`` and ``explain``: what is encoded, readable in a terminal, in Markdown or as JSON.

Titles, quotes, notes and names come from rule files anyone may have written: in a terminal
their control characters are shown escaped (:func:`~prestatiecheck.rendering.safetext.visible_controls`)
and never read as rich markup; in Markdown they are escaped as in the reports. JSON is data and
keeps them (JSON escapes the C0 controls itself).
"""

from __future__ import annotations

import io
import json
from typing import Any, NamedTuple

from prestatiecheck.i18n import get_language, pick, t
from prestatiecheck.model import Catalogue, Rule
from prestatiecheck.rendering import describe
from prestatiecheck.rendering.safetext import markdown_text, visible_controls


def _console(width: int = 120) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        force_terminal=False,
        no_color=True,
        color_system=None,
        width=width,
        highlight=False,
        emoji=False,
    )


LIST_COLUMNS = ("col_rule_id", "col_kind", "col_title", "col_norm", "col_source")


def rules(catalogue: Catalogue, ids: list[str], fmt: str, width: int = 120) -> str:
    if fmt == "json":
        data = []
        for agreement_id in ids:
            a = catalogue.agreements[agreement_id]
            for r in a.rules:
                data.append(
                    {
                        "rule": r.id,
                        "agreement": a.id,
                        "ref": r.ref,
                        "title": r.title,
                        "theme": r.theme,
                        "kind": r.kind,
                        "obligation": r.obligation,
                        "reading": r.reading,
                        "joint_only": r.joint_only,
                        "trekker": list(r.trekker),
                        "article": r.source.article,
                        "quote": r.source.quote,
                        "threshold": describe.threshold(r, a, catalogue.vocabulary(a.id)),
                        "metrics": describe.needed_metrics(r),
                    }
                )
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        lines = []
        for agreement_id in ids:
            a = catalogue.agreements[agreement_id]
            lines += [
                f"## {markdown_text(a.title)} (`{a.id}`)",
                "",
                "| " + " | ".join(t(c) for c in LIST_COLUMNS) + " |",
                "|---|---|---|---|---|",
            ]
            for r in a.rules:
                norm = describe.threshold(r, a, catalogue.vocabulary(a.id))
                cells = [
                    f"`{r.id}`",
                    r.kind,
                    markdown_text(r.title),
                    markdown_text(norm),
                    markdown_text(r.source.article),
                ]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        return "\n".join(lines)
    console = _console(width)
    for agreement_id in ids:
        _rules_table(console, catalogue, catalogue.agreements[agreement_id], width)
    return console.file.getvalue()  # type: ignore[no-any-return]


# The narrowest the title and the norm get before the table gives way to a block per rule.
_FLEX_MIN = 20
_GAP = 3  # between columns: padding on both sides and the (blank) divider of box.SIMPLE_HEAD


def _longest_word(texts: list[str], header: str) -> int:
    return max([len(header), *(len(w) for text in texts for w in text.split())])


def _rules_table(console: Any, catalogue: Catalogue, a: Any, width: int) -> None:
    """One agreement's rules as wide as the terminal: full ids where they fit, else the rule's
    own part (the agreement's id is in the heading), else one block per rule; never a column
    squeezed to a few letters."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    vocabulary = catalogue.vocabulary(a.id)
    rows = [_shown_rule(r, describe.threshold(r, a, vocabulary)) for r in a.rules]
    heading = f"{visible_controls(a.title)} ({a.id}) · {len(a.rules)} {t('rules_word')}"
    source_min = _longest_word([row.article for row in rows], t("col_source"))
    source_max = max(source_min, min(24, max([len(row.article) for row in rows], default=0)))
    kind_width = max([len(t("col_kind")), *(len(r.kind) for r in a.rules)])
    title_min = max(_FLEX_MIN, _longest_word([row.title for row in rows], t("col_title")))
    norm_min = max(_FLEX_MIN, _longest_word([row.norm for row in rows], t("col_norm")))
    layouts = (
        (lambda r: r.id, True),
        (lambda r: r.id, False),
        (lambda r: r.ref, False),
    )
    for shown_id, with_kind in layouts:
        id_width = max([len(t("col_rule_id")), *(len(shown_id(r)) for r in a.rules)])
        columns = 5 if with_kind else 4
        needed = id_width + (kind_width if with_kind else 0) + source_min + title_min + norm_min
        needed += _GAP * (columns - 1)
        if needed <= width:
            break
    else:
        _rules_blocks(console, heading, rows, width)
        return
    console.print(Text(heading, style="bold"))
    if shown_id is not layouts[0][0] and a.rules:
        console.print(t("list_rule_ref_hint", agreement=a.id, example=f"{a.id}/{a.rules[0].ref}"))
    # Title and norm share what is left, each at least its longest word, the rest by length.
    source_width = source_max
    rest = width - id_width - (kind_width + _GAP if with_kind else 0) - source_width - _GAP * 3
    if rest < title_min + norm_min:
        source_width -= title_min + norm_min - rest
        rest = title_min + norm_min
    title_len = max(len(row.title) for row in rows)
    norm_len = max(len(row.norm) for row in rows)
    spare = rest - title_min - norm_min
    title_width = min(title_len, title_min + spare * title_len // max(1, title_len + norm_len))
    norm_width = min(norm_len, rest - title_width) if norm_len > norm_min else norm_min
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("col_rule_id"), no_wrap=True, width=id_width)
    if with_kind:
        table.add_column(t("col_kind"), no_wrap=True, width=kind_width)
    table.add_column(t("col_title"), width=title_width)
    table.add_column(t("col_norm"), width=max(norm_min, norm_width))
    table.add_column(t("col_source"), width=source_width)
    for row in rows:
        r = row.rule
        cells = [shown_id(r), *([r.kind] if with_kind else []), row.title, row.norm, row.article]
        table.add_row(*(Text(cell) for cell in cells))  # never rich markup
    console.print(table)


class _ShownRule(NamedTuple):
    """A rule's texts as a terminal shows them: control characters escaped."""

    rule: Rule
    title: str
    norm: str
    article: str


def _shown_rule(rule: Rule, norm: str) -> _ShownRule:
    return _ShownRule(
        rule, visible_controls(rule.title), visible_controls(norm), visible_controls(rule.source.article)
    )


def _rules_blocks(console: Any, heading: str, rows: list[_ShownRule], width: int) -> None:
    """A terminal too narrow for a table: each rule as a few lines, wrapped between words."""
    import textwrap

    from rich.text import Text

    console.print(Text(heading, style="bold"))
    for row in rows:
        console.print()
        console.print(Text(row.rule.id, style="bold"))
        for label, text in (
            (t("col_title"), row.title),
            (t("col_norm"), row.norm),
            (t("col_source"), row.article),
        ):
            lines = textwrap.wrap(
                f"{label}: {text}",
                width=max(20, width),
                initial_indent="  ",
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            for line in lines:
                console.print(Text(line))


def overview(catalogue: Catalogue, ids: list[str], fmt: str, width: int = 120) -> str:
    """One line per agreement: id, municipality, period, number of rules (``list`` without -a)."""
    rows = [catalogue.agreements[i] for i in ids]
    if fmt == "json":
        data = [
            {
                "agreement": a.id,
                "title": a.title,
                "municipality": a.municipality,
                "period": a.period.label,
                "rules": len(a.rules),
            }
            for a in rows
        ]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    headers = (t("col_agreement"), t("col_municipality"), t("col_period"), t("col_rules"))
    if fmt == "markdown":
        lines = ["| " + " | ".join(headers) + " |", "|---|---|---|---:|"]
        for a in rows:
            lines.append(
                f"| `{a.id}` | {markdown_text(a.municipality)} | {a.period.label} | {len(a.rules)} |"
            )
        return "\n".join(lines) + "\n"
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = _console(width)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, show_edge=False)
    for i, header in enumerate(headers):
        table.add_column(header, no_wrap=True, justify="right" if i == 3 else "left")
    for a in rows:
        table.add_row(a.id, Text(visible_controls(a.municipality)), a.period.label, str(len(a.rules)))
    console.print(table)
    console.print(t("list_overview_hint"))
    return console.file.getvalue()  # type: ignore[no-any-return]


def metrics(catalogue: Catalogue, ids: list[str], fmt: str, width: int = 120) -> str:
    lang = get_language()
    used: dict[str, list[str]] = {}
    for agreement_id in ids:
        for r in catalogue.agreements[agreement_id].rules:
            for m in describe.needed_metrics(r):
                used.setdefault(m, []).append(r.id)
    vocabulary: dict[str, Any] = {}
    for agreement_id in ids:
        vocabulary.update(catalogue.vocabulary(agreement_id))
    if fmt == "json":
        return (
            json.dumps(
                [
                    {
                        "metric": m.name,
                        "unit": m.unit,
                        "meaning": m.meaning(lang),
                        "rules": used.get(m.name, []),
                    }
                    for m in sorted(vocabulary.values(), key=lambda m: m.name)
                ],
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    if fmt == "markdown":
        lines = [f"| metric | {t('col_unit')} | {t('col_meaning')} | {t('col_rules')} |", "|---|---|---|---|"]
        for m in sorted(vocabulary.values(), key=lambda m: m.name):
            lines.append(
                f"| `{m.name}` | {m.unit} | {markdown_text(m.meaning(lang))} | {len(used.get(m.name, []))} |"
            )
        return "\n".join(lines) + "\n"
    from rich.table import Table
    from rich.text import Text

    console = _console(width)
    table = Table(title=t("metrics_title"), title_justify="left")
    table.add_column("metric", no_wrap=True)
    table.add_column(t("col_unit"), no_wrap=True)
    table.add_column(t("col_meaning"), overflow="fold")
    table.add_column(t("col_rules"), justify="right")
    for m in sorted(vocabulary.values(), key=lambda m: m.name):
        meaning = Text(visible_controls(m.meaning(lang)))
        table.add_row(m.name, t(f"unit_name_{m.unit}"), meaning, str(len(used.get(m.name, []))))
    console.print(table)
    return console.file.getvalue()  # type: ignore[no-any-return]


def explain(catalogue: Catalogue, rule: Rule) -> str:
    agreement = catalogue.agreements[rule.agreement_id]
    lang = get_language()
    vocabulary = catalogue.vocabulary(agreement.id)
    from prestatiecheck.rendering.present import party_name

    lines = [
        f"{rule.id} — {rule.title}",
        "",
        f"{t('explain_agreement')}: {agreement.title} ({agreement.municipality}, {agreement.period.label})",
        f"{t('explain_theme')}: {rule.theme}",
        f"{t('explain_source')}: {rule.source.document}, {t('article_word')} {rule.source.article}",
        f"{t('explain_quote')}: \u201c{rule.source.quote}\u201d",
        f"{t('explain_trekker')}: {', '.join(party_name(agreement, p) for p in rule.trekker)}",
        f"{t('explain_obligation')}: {t('obligation_' + rule.obligation)}",
        f"{t('explain_check')}: {rule.kind} — {describe.threshold(rule, agreement, vocabulary)}",
        f"{t('explain_scope')}: {describe.scope(rule, agreement)}",
        f"{t('explain_periods')}: {describe.periods(rule, agreement)}",
        f"{t('explain_figures')}:",
    ]
    for name in describe.needed_metrics(rule):
        m = vocabulary.get(name)
        meaning = m.meaning(lang) if m else ""
        unit = t(f"unit_name_{m.unit}") if m else ""
        lines.append(f"  - {name} ({unit}): {meaning}")
    if rule.interpretation:
        lines.append(f"{t('explain_interpretation')}: {t('explain_interpretation_text')}")
    if rule.joint_only:
        lines.append(f"{t('explain_joint_only')}: {t('explain_joint_only_text')}")
    if rule.note:
        lines.append(f"{t('explain_note')}: {pick(rule.note, rule.note_en)}")
    lines += national_lines(catalogue, rule, agreement)
    return visible_controls("\n".join(lines) + "\n")  # titles, quotes, names: shown, never obeyed


def national_lines(catalogue: Catalogue, rule: Rule, agreement: Any) -> list[str]:
    """The statutory values a rule is judged against (every dated value with its source, or for an
    agreement's rule those of its periods), the agreement's own lawful setting, and pending laws
    the rule mentions."""
    from prestatiecheck import national
    from prestatiecheck.rendering import national_text
    from prestatiecheck.validation.national import pending_mentions

    law = catalogue.national
    lines: list[str] = []
    if law is None:
        return lines
    names = [*national.cited(rule.check).values(), *rule.shows]
    for name in list(names):  # a share that is 100 minus another parameter: show that one too
        parameter = law.parameters.get(name)
        names += [v.complement_of for v in parameter.values if v.complement_of] if parameter else []
    for name in dict.fromkeys(names):
        parameter = law.parameters.get(name)
        if parameter is None:
            continue
        lines.append(
            f"{t('explain_national_values', parameter=parameter.meaning(get_language()), name=name)}:"
        )
        if agreement.national:
            for dated in parameter.values:
                lines.append("  - " + national_text.dated_line(dated, parameter))
        else:
            for period in national.periods(rule, agreement):
                found = national.value_in_force(law, name, period, agreement.overrides, agreement.period)
                lines.append(f"  - {period.label}: " + national_text.value_line(found, parameter))
        override = agreement.overrides.get(name)
        if override is not None:
            lines.append(
                "  "
                + t(
                    "explain_national_override",
                    value=national_text.amount(override.value, parameter.unit),
                    article=override.article,
                )
            )
    lines += pending_mentions(law, rule)
    return lines
