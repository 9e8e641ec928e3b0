"""``docs/agreements.md``: every encoded rule beside its source, for auditing the encoding.

A reader with the signed document at hand can go through it article by article:
per agreement the parties, the tables as encoded, every rule with its quote,
threshold, scope, periods and the note on how the text was read, the afspraken
kept as context (not checkable), the coverage of the inventory, and what
``prestatiecheck validate`` says about the document's own arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from prestatiecheck.i18n import pick, t
from prestatiecheck.model import Agreement, Catalogue, Metric, Problem
from prestatiecheck.rendering import describe
from prestatiecheck.rendering.formatting import number
from prestatiecheck.rendering.present import party_name
from prestatiecheck.rendering.safetext import visible_controls


def _md(text: object) -> str:
    # Control characters shown escaped: a rule file's title or quote never steers a terminal.
    return visible_controls(str(text).replace("|", "\\|").replace("\n", " ").strip())


def document(catalogue: Catalogue, ids: Sequence[str], warnings: Sequence[Problem] = ()) -> str:
    lines = [
        f"# {t('audit_title')}",
        "",
        t("audit_intro"),
        "",
        f"| {t('audit_col_agreement')} | {t('audit_col_period')} | {t('audit_col_source')} "
        f"| {t('audit_col_rules')} | {t('audit_col_context')} |",
        "|---|---|---|---:|---:|",
    ]
    for agreement_id in ids:
        a = catalogue.agreements[agreement_id]
        lines.append(
            f"| [`{a.id}`](#{a.id}) {_md(a.title)} | {a.period.label} | {_md(a.source)} "
            f"| {len(a.rules)} | {len(a.context)} |"
        )
    lines.append("")
    for agreement_id in ids:
        lines += _agreement(catalogue.agreements[agreement_id], warnings, catalogue.vocabulary(agreement_id))
    return "\n".join(lines).rstrip("\n") + "\n"


def _agreement(a: Agreement, warnings: Sequence[Problem], vocabulary: Mapping[str, Metric]) -> list[str]:
    lines = [
        f'<a id="{a.id}"></a>',
        "",
        f"## {_md(a.title)} (`{a.id}`)",
        "",
        f"- {t('audit_municipality')}: {_md(a.municipality)}",
        f"- {t('audit_col_period')}: {a.period.label}"
        + (f"; {t('audit_signed')} {a.signed.isoformat()}" if a.signed else ""),
        f"- {t('audit_col_source')}: {_md(a.source)}",
        f"- {t('audit_parties')}: " + ", ".join(f"{_md(p.name)} (`{p.id}`, {p.role})" for p in a.parties),
        "",
    ]
    for table in a.tables.values():
        lines += [f"### {_md(table.title)}", ""]
        if table.article:
            lines += [f"{t('audit_col_source')}: {_md(table.article)}", ""]
        lines += ["| | " + " | ".join(table.columns) + " |", "|---|" + "---:|" * len(table.columns)]
        for row, values in table.rows.items():
            lines.append(f"| {_md(row)} | " + " | ".join(number(v) for v in values) + " |")
        lines.append("")
        if table.note:
            lines += [f"> {_md(pick(table.note, table.note_en))}", ""]
    own = [p for p in warnings if p.location.file.endswith(a.file.name)]
    if own:
        lines += [f"### {t('audit_warnings')}", ""]
        lines += [f"- {_md(p.message)} (`{p.location}`)" for p in own]
        lines.append("")
    themes: dict[str, list] = {}
    for rule in a.rules:
        themes.setdefault(rule.theme, []).append(rule)
    for theme, rules in themes.items():
        lines += [f"### {_md(theme)}", ""]
        for r in rules:
            lines += [
                f"#### `{r.id}` — {_md(r.title)}",
                "",
                f"- {t('explain_source')}: {_md(r.source.article)} — \u201c{_md(r.source.quote)}\u201d",
                f"- {t('explain_check')}: {r.kind}, {_md(describe.threshold(r, a, vocabulary))}",
                f"- {t('explain_scope')}: {_md(describe.scope(r, a))}; "
                f"{t('explain_periods').lower()}: {_md(describe.periods(r, a))}",
                f"- {t('explain_trekker')}: {', '.join(_md(party_name(a, p)) for p in r.trekker)}; "
                f"{t('explain_obligation').lower()}: {t('obligation_' + r.obligation)}",
                f"- {t('explain_figures')}: " + ", ".join(f"`{m}`" for m in describe.needed_metrics(r)),
            ]
            if r.interpretation:
                lines.append(f"- {t('explain_interpretation')}: {t('explain_interpretation_text')}")
            if r.joint_only:
                lines.append(f"- {t('explain_joint_only')}: {t('explain_joint_only_text')}")
            if r.note:
                lines.append(f"- {t('explain_note')}: {_md(pick(r.note, r.note_en))}")
            lines.append("")
    if a.context:
        lines += [f"### {t('audit_context')}", ""]
        for c in a.context:
            note = f" ({_md(pick(c.note, c.note_en))})" if c.note else ""
            lines.append(f"- **{_md(c.ref)}** {_md(c.title)}: \u201c{_md(c.quote)}\u201d{note}")
        lines.append("")
    if a.coverage:
        lines += [
            f"### {t('audit_coverage')}",
            "",
            f"| {t('audit_inventory_ref')} | {t('audit_col_rules')} |",
            "|---|---|",
        ]
        for ref, covered in a.coverage.items():
            lines.append(f"| {_md(ref)} | {', '.join(f'`{c}`' for c in covered)} |")
        lines.append("")
    return lines
