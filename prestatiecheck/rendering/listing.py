"""``list`` and ``explain``: what is encoded, readable in a terminal, in Markdown or as JSON."""

from __future__ import annotations

import io
import json
from typing import Any

from prestatiecheck.i18n import get_language, pick, t
from prestatiecheck.model import Catalogue, Rule
from prestatiecheck.rendering import describe


def _console() -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        force_terminal=False,
        no_color=True,
        color_system=None,
        width=120,
        highlight=False,
        emoji=False,
    )


LIST_COLUMNS = ("col_rule_id", "col_kind", "col_title", "col_norm", "col_source")


def rules(catalogue: Catalogue, ids: list[str], fmt: str) -> str:
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
                f"## {a.title} (`{a.id}`)",
                "",
                "| " + " | ".join(t(c) for c in LIST_COLUMNS) + " |",
                "|---|---|---|---|---|",
            ]
            for r in a.rules:
                norm = describe.threshold(r, a, catalogue.vocabulary(a.id))
                cells = [f"`{r.id}`", r.kind, _md(r.title), _md(norm), _md(r.source.article)]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        return "\n".join(lines)
    from rich.table import Table

    console = _console()
    for agreement_id in ids:
        a = catalogue.agreements[agreement_id]
        table = Table(title=f"{a.title} ({a.id}) · {len(a.rules)} {t('rules_word')}", title_justify="left")
        table.add_column(t("col_rule_id"), no_wrap=True)
        table.add_column(t("col_kind"), no_wrap=True)
        table.add_column(t("col_title"), overflow="fold")
        table.add_column(t("col_norm"), overflow="fold")
        table.add_column(t("col_source"), no_wrap=True)
        for r in a.rules:
            table.add_row(
                r.id, r.kind, r.title, describe.threshold(r, a, catalogue.vocabulary(a.id)), r.source.article
            )
        console.print(table)
    return console.file.getvalue()  # type: ignore[no-any-return]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def metrics(catalogue: Catalogue, ids: list[str], fmt: str) -> str:
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
            lines.append(f"| `{m.name}` | {m.unit} | {_md(m.meaning(lang))} | {len(used.get(m.name, []))} |")
        return "\n".join(lines) + "\n"
    from rich.table import Table

    console = _console()
    table = Table(title=t("metrics_title"), title_justify="left")
    table.add_column("metric", no_wrap=True)
    table.add_column(t("col_unit"), no_wrap=True)
    table.add_column(t("col_meaning"), overflow="fold")
    table.add_column(t("col_rules"), justify="right")
    for m in sorted(vocabulary.values(), key=lambda m: m.name):
        table.add_row(m.name, t(f"unit_name_{m.unit}"), m.meaning(lang), str(len(used.get(m.name, []))))
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
    return "\n".join(lines) + "\n"
