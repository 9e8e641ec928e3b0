"""Fill-in templates: the figures an agreement's rules need, as rows to be filled in.

``build_template`` lists exactly the (period, party, metric) rows the rules read
(see ``needs``) for one agreement, optionally one period and one party, each with
what a person filling it in needs: the metric's meaning and unit, the rules that
use it and their source articles. The writers (``rendering/template_*``) turn the
rows into a workbook, a CSV or a YAML file that ``check`` reads back unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from prestatiecheck.errors import UsageError
from prestatiecheck.i18n import MESSAGES, did_you_mean, get_language, t
from prestatiecheck.model import Agreement, Catalogue, Derivation, Metric, Rule
from prestatiecheck.needs import Need, rule_needs, within
from prestatiecheck.periods import Period, PeriodError, parse_period

FORMATS = ("xlsx", "csv", "yaml")
# The columns check reads, then the explanations it ignores (header names must stay distinct from
# the figures reader's column names and their Dutch synonyms, see loading.figures.COLUMN_SYNONYMS).
FIGURE_COLUMNS = ("period", "party", "metric", "value", "note")
EXPLANATION_COLUMNS = ("party_name", "meaning", "unit", "rules", "article")


@dataclass(frozen=True)
class TemplateRow:
    period: Period
    party: str | None
    metric: Metric
    rules: tuple[Rule, ...]
    per_project: bool = False

    def party_cell(self) -> str:
        return self.party if self.party is not None else t("joint_word")


@dataclass
class Template:
    agreement: Agreement
    period: Period | None
    party: str | None
    rows: list[TemplateRow]
    rules: list[Rule]  # the rules that read at least one of the rows
    metrics: Mapping[str, Metric] = field(default_factory=dict)

    @property
    def has_projects(self) -> bool:
        return any(r.per_project for r in self.rows)

    def columns(self) -> list[str]:
        """Column keys in order: ``agreement`` last, so the file names its agreement for check."""
        figure = list(FIGURE_COLUMNS) + (["project"] if self.has_projects else [])
        return figure + list(EXPLANATION_COLUMNS) + ["agreement"]


def header(column: str) -> str:
    """The header cell of a column: the reader's own names for what it reads, words for the rest."""
    if column in EXPLANATION_COLUMNS:
        return t(f"template_col_{column}")
    return column


def components(needs: list[Need], derivations: Mapping[str, Derivation]) -> list[Need]:
    """A derived figure (netto_toename) is asked as its parts: what the parties actually count,
    and what lets check verify the sum. Either may be supplied, so a filled-in template never
    conflicts with a separately supplied total."""
    out: list[Need] = []
    for need in needs:
        derivation = derivations.get(need.metric)
        if derivation is None:
            out.append(need)
            continue
        nested = [replace(need, metric=part) for part in derivation.components]
        out.extend(components(nested, derivations))
    return list(dict.fromkeys(out))


def build_template(
    catalogue: Catalogue,
    agreement_id: str,
    *,
    period: str | None = None,
    party: str | None = None,
    national: bool = True,
) -> Template:
    """``national``: also the figures the national rule set reads for the agreement's corporations."""
    from prestatiecheck import national as national_law

    agreement = catalogue.agreements[agreement_id]
    if agreement.national:
        raise UsageError(t("template_national_direct", agreement=agreement_id))
    vocabulary = catalogue.vocabulary(agreement_id)
    wanted = _period(period, agreement)
    if party is not None:
        from prestatiecheck.ids import resolve

        party = resolve(party, agreement.party_ids) or party
    if party is not None and party not in agreement.party_ids:
        raise UsageError(
            t(
                "template_unknown_party",
                party=party,
                agreement=agreement_id,
                known=", ".join(agreement.party_ids),
            )
            + did_you_mean(party, agreement.party_ids)
        )
    by_need: dict[Need, list[Rule]] = {}
    derivations = catalogue.derivations_for(agreement_id)
    subjects: list[tuple[Agreement, Rule]] = [(agreement, rule) for rule in agreement.rules]
    law = catalogue.national
    scoped = (
        national_law.scope(law, agreement, agreement.period.years, title=t("national_title"))
        if national and law is not None
        else None
    )
    if scoped is not None:
        subjects += [(scoped, rule) for rule in scoped.rules]
    for subject, rule in subjects:
        for need in components(rule_needs(rule, subject, vocabulary), derivations):
            if national_law.applies(rule) and not national_law.in_force(rule, need.period):
                continue  # a dated norm asks figures only for the years it was in force
            if law is not None and subject is scoped and _no_value(law, rule, need.period):
                continue  # nor for a year without a recorded statutory value (not judged)
            if wanted is not None:
                found = within(need, wanted, vocabulary)
                if found is None:
                    continue
                need = found
            if need.metric not in vocabulary:
                continue  # validate reports a rule with an unknown metric
            if party is not None and need.party != party:
                continue  # joint figures are asked in the template for all parties
            key = Need(need.metric, need.period, need.party, need.per_project)
            rules = by_need.setdefault(key, [])
            if rule not in rules:
                rules.append(rule)
    if not by_need:
        raise UsageError(
            t(
                "template_nothing_needed",
                agreement=agreement_id,
                period=wanted.label if wanted else agreement.period.label,
                party=party or t("template_all_parties"),
            )
        )
    order = {p: i for i, p in enumerate(agreement.party_ids)}
    rule_order = {r.id: i for i, (_, r) in enumerate(subjects)}
    rows = [
        TemplateRow(need.period, need.party, vocabulary[need.metric], tuple(rules), need.per_project)
        for need, rules in by_need.items()
    ]
    rows.sort(
        key=lambda r: (
            order.get(r.party, len(order)) if r.party is not None else len(order),
            r.period.start,
            r.period.end,
            rule_order[r.rules[0].id],
            r.metric.name,
        )
    )
    used = {rule.id for row in rows for rule in row.rules}
    return Template(
        agreement=agreement,
        period=wanted,
        party=party,
        rows=rows,
        rules=[r for _, r in subjects if r.id in used],
        metrics=vocabulary,
    )


def _period(raw: str | None, agreement: Agreement) -> Period | None:
    if raw is None:
        return None
    try:
        period = parse_period(raw)
    except PeriodError:
        raise UsageError(t("template_bad_period", value=raw)) from None
    if period.end < agreement.period.start or period.start > agreement.period.end:
        raise UsageError(
            t(
                "template_period_outside",
                value=period.label,
                agreement=agreement.id,
                window=agreement.period.label,
            )
        )
    return period


def explanation(row: TemplateRow, column: str) -> str:
    """The text of an explanation column for one row, in the chosen language."""
    if column == "party_name":
        return t("template_joint_explained") if row.party is None else row.party  # name: cell_texts
    if column == "meaning":
        return row.metric.meaning(get_language())
    if column == "unit":
        text = unit_text(row.metric)
        if row.per_project:
            text += "; " + t("template_per_project")
        return text
    if column == "rules":
        return "; ".join(f"{r.ref} {r.title}" for r in row.rules)
    if column == "article":
        return "; ".join(dict.fromkeys(_article(r) for r in row.rules))
    raise KeyError(column)


def _article(rule: Rule) -> str:
    article = rule.source.article
    if rule.applies_to:
        return article  # a national norm: "Woningwet art. 48 lid 1" names its law
    return f"{t('article_word')} {article}" if article else rule.source.document


def unit_text(metric: Metric) -> str:
    if metric.unit == "count" and metric.signed:
        return t("template_unit_count_signed")
    key = f"template_unit_{metric.unit}"
    return t(key) if key in MESSAGES else metric.unit


def cell_texts(template: Template, row: TemplateRow) -> dict[str, str]:
    """Every column of a row as text; the value (and note, project) empty, to be filled in."""
    out = {
        "period": row.period.label,
        "party": row.party_cell(),
        "metric": row.metric.name,
        "value": "",
        "note": "",
        "project": "",
        "agreement": template.agreement.id,
    }
    for column in EXPLANATION_COLUMNS:
        out[column] = explanation(row, column)
    if row.party is not None:
        found = template.agreement.party(row.party)
        out["party_name"] = found.name if found else row.party
    return out


def default_filename(template: Template, fmt: str) -> str:
    parts = [t("template_file_word"), template.agreement.id]
    if template.period is not None:
        parts.append(template.period.label)
    if template.party is not None:
        parts.append(template.party)
    return "-".join(parts) + "." + fmt


def render(template: Template, fmt: str) -> str | bytes:
    """The template in a format: bytes for xlsx, text for csv and yaml."""
    if fmt == "xlsx":
        from prestatiecheck.rendering import template_xlsx

        return template_xlsx.render(template)
    from prestatiecheck.rendering import template_text

    if fmt == "csv":
        return template_text.render_csv(template)
    if fmt == "yaml":
        return template_text.render_yaml(template)
    raise UsageError(t("template_unknown_format", format=fmt) + did_you_mean(fmt, FORMATS))


def make_template(
    agreement_id: str,
    *,
    agreements_index: str | None = None,
    period: str | None = None,
    party: str | None = None,
    national: bool = True,
) -> Template:
    """Load the agreement (a usage error names an unknown id) and list the rows its rules need."""
    from prestatiecheck.pipeline import load_selected

    catalogue, (agreement_id,) = load_selected([agreement_id], agreements_index)  # as the index spells it
    return build_template(catalogue, agreement_id, period=period, party=party, national=national)


def _no_value(law: Agreement, rule: Rule, period: Period) -> bool:
    """Whether a national norm cites a parameter that has no value recorded for ``period``."""
    from prestatiecheck import national as national_law

    return any(
        national_law.value_in_force(law, name, period) is None
        for name in national_law.cited(rule.check).values()
    )
