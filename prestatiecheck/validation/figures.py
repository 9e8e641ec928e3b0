"""From raw rows to Figures: every row and every combination of rows checked, all problems at once.

Row level: period, party, metric and value must make sense for the agreement.
Set level: the same figure twice (an error within a file, and across files when
the values differ; the same value from two files is said once), a part larger
than its whole, components that disagree with a given ``netto_toename``, and
half-years or quarters that do not add up to a given year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from prestatiecheck.i18n import did_you_mean, t
from prestatiecheck.loading.figures import RawRow
from prestatiecheck.loading.limits import Problems
from prestatiecheck.loading.values import ValueProblem, foreign_digits, parse_value, shown
from prestatiecheck.loading.yamlsafe import Ambiguous
from prestatiecheck.model import Catalogue, Figure, Location, Problem
from prestatiecheck.periods import Period, PeriodError, parse_period
from prestatiecheck.validation.unread import grouped

# Words a policy officer writes in the party column for a joint figure (an empty cell works too).
JOINT_WORDS = frozenset({"joint", "gezamenlijk", "totaal", "samen"})

FigureKey = tuple[str | None, str, str | None, str | None, str]


@dataclass
class Checked:
    figures: list[Figure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # errors
    notices: list[Problem] = field(default_factory=list)  # said once, not fatal


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def convert_rows(
    rows: Iterable[RawRow],
    catalogue: Catalogue,
    agreement_ids: Sequence[str],
    default: str | None,
    known_ids: Sequence[str],
    *,
    set_checks: bool = True,
) -> Checked:
    """Rows for the selected agreements become Figures; rows for other agreements are skipped (a notice).

    ``set_checks`` False: the checks of the figures together (``check_set``) are left to the
    caller, who may let the rows go first."""
    out = Checked(problems=Problems())
    values: dict[tuple[Any, ...], Any] = {}  # (a value or period text repeats: read once, kept once)
    skipped: dict[tuple[str, str], list[RawRow]] = {}
    known, selected = frozenset(known_ids), frozenset(agreement_ids)  # (a list is searched per row)
    for row in rows:
        agreement_id = _text(row.agreement) or default
        if agreement_id is None:
            continue  # the caller made sure a default exists when a row has no agreement
        if agreement_id not in known:
            out.problems.append(
                Problem(
                    row.at("agreement"),
                    t("unknown_agreement_row", agreement=agreement_id)
                    + did_you_mean(agreement_id, known_ids),
                )
            )
            continue
        if agreement_id not in selected:
            if _supplied(row.value):
                skipped.setdefault((row.location.file, agreement_id), []).append(row)
            continue
        figure = _convert(row, catalogue, agreement_id, out.problems, values)
        if figure is not None:
            out.figures.append(figure)
    for (_, other), group in skipped.items():
        out.notices.append(
            grouped(
                [r.at("agreement") for r in group],
                other,
                "figures_other_agreement_skipped",
                "figures_other_agreement_skipped_many",
                asked=", ".join(agreement_ids),
            )
        )
    if set_checks:
        check_set(out, catalogue)
    return out


def check_set(out: Checked, catalogue: Catalogue) -> None:
    """The figures together: duplicates, parts and wholes, derived figures, sub-periods.

    A figure is compared with figures of its own agreement only, so the figures are checked
    agreement by agreement (what is looked up is then one agreement's, not a national run's);
    the problems are said in the order of the figures, duplicates first, as of one list."""
    figures = out.figures
    groups: dict[str | None, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.agreement, []).append(f)
    twice: list[tuple[Figure, Problem]] = []
    same: list[tuple[Figure, Problem]] = []
    found: list[tuple[Figure, Problem]] = []
    dropped: set[int] = set()  # (ids of) figures given before
    for agreement_id in list(groups):
        own = groups.pop(agreement_id)
        unique = _duplicates(own, twice, same)
        if len(unique) != len(own):
            kept = {id(f) for f in unique}
            dropped.update(id(f) for f in own if id(f) not in kept)
        _set_checks(unique, catalogue, found)
    if dropped:
        out.figures = [f for f in figures if id(f) not in dropped]
    if twice or same or found:
        position = {id(f): i for i, f in enumerate(figures)}
        for tagged, into in ((twice, out.problems), (same, out.notices), (found, out.problems)):
            tagged.sort(key=lambda pair: position[id(pair[0])])  # (stable: a figure's own order)
            into.extend(problem for _, problem in tagged)
    out.problems = out.problems.closed() if isinstance(out.problems, Problems) else out.problems


def _supplied(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def other_agreement(rows: Sequence[RawRow], asked: str, known: Sequence[str]) -> list[Problem]:
    """An error per file whose supplied rows all name (``agreement`` column) another agreement than asked."""
    by_file: dict[str, list[RawRow]] = {}
    for row in rows:
        if _supplied(row.value):
            by_file.setdefault(row.location.file, []).append(row)
    problems = []
    for group in by_file.values():
        named = [_text(r.agreement) for r in group]
        if all(a is not None and a != asked and a in known for a in named):
            found = sorted({a for a in named if a is not None})
            problems.append(
                Problem(
                    group[0].at("agreement"),
                    t("figures_belong_elsewhere_column", found=", ".join(found), asked=asked, first=found[0]),
                )
            )
    return problems


def best_agreement(
    rows: Sequence[RawRow], asked: str, catalogue: Catalogue, known: Sequence[str]
) -> Problem | None:
    """One error when most rows do not fit the asked agreement and another one fits them better.

    A row fits an agreement when its party (or a joint figure) is one of the agreement's
    parties and its metric is in the agreement's vocabulary. Only rows without an
    agreement of their own count. Another agreement is named when it fits every row, or
    when at most half the rows fit the one asked and it fits more; it must be the only
    best one. Otherwise None: the row errors say what is wrong, row by row.
    """
    candidates = [r for r in rows if _supplied(r.value) and _text(r.agreement) in (None, asked)]
    if len(candidates) < 2:
        return None

    def fits(agreement_id: str) -> int:
        agreement = catalogue.agreements[agreement_id]
        vocabulary = catalogue.vocabulary(agreement_id)
        parties = set(agreement.party_ids)
        count = 0
        for r in candidates:
            party = _text(r.party)
            if party is not None and party.casefold() not in JOINT_WORDS and party not in parties:
                continue
            if _text(r.metric) not in vocabulary:
                continue
            count += 1
        return count

    here = fits(asked)
    if here == len(candidates):
        return None
    scores = {a: fits(a) for a in known if a in catalogue.agreements and a != asked}
    if not scores:
        return None
    best = max(scores, key=lambda a: scores[a])
    if scores[best] <= here or list(scores.values()).count(scores[best]) > 1:
        return None
    # Another agreement that fits every row, or most rows not fitting the one asked.
    if scores[best] < len(candidates) and here * 2 > len(candidates):
        return None
    first = candidates[0]
    return Problem(
        Location(first.location.file),
        t(
            "figures_belong_elsewhere",
            best=best,
            asked=asked,
            fit=scores[best],
            fit_asked=here,
            count=len(candidates),
        ),
    )


def _convert(
    row: RawRow,
    catalogue: Catalogue,
    agreement_id: str,
    problems: list[Problem],
    values: dict[tuple[Any, ...], Any] | None = None,
) -> Figure | None:
    agreement = catalogue.agreements[agreement_id]
    vocabulary = catalogue.vocabulary(agreement_id)
    value_raw = row.value
    if Ambiguous in (type(row.period), type(row.party), type(row.metric), type(value_raw), type(row.project)):
        return None  # the YAML reader already reported it, with its position
    if value_raw is None or (isinstance(value_raw, str) and not value_raw.strip()):
        return None  # not supplied: no_data, never zero
    ok = True
    period: Period | None = None
    # (a file repeats a few period texts: each read once)
    period_key = ("period", row.period) if values is not None and type(row.period) is str else None
    if period_key is not None:
        period = values.get(period_key)  # type: ignore[union-attr,assignment]
    if period is None:
        foreign = foreign_digits(str(row.period)) if isinstance(row.period, str) else None
        if foreign is not None:
            problems.append(
                Problem(
                    row.at("period"), t("figures_period_foreign_digits", value=row.period, suggestion=foreign)
                )
            )
            ok = False
        else:
            try:
                period = parse_period(row.period)
            except PeriodError:
                problems.append(Problem(row.at("period"), t("figures_bad_period", value=shown(row.period))))
                ok = False
            else:
                if period_key is not None:
                    values[period_key] = period  # type: ignore[index]
    party = _text(row.party)
    if party is not None and party.casefold() in JOINT_WORDS:
        party = None  # an explicit joint figure
    if party is not None and not agreement.national and party not in agreement.party_ids:
        # (the national rule set has no parties of its own: it checks whoever its figures name)
        problems.append(
            Problem(
                row.at("party"),
                t("figures_unknown_party", party=party, agreement=agreement_id)
                + did_you_mean(party, agreement.party_ids),
            )
        )
        ok = False
    metric_name = _text(row.metric)
    metric = vocabulary.get(metric_name or "")
    if metric is None:
        problems.append(
            Problem(
                row.at("metric"),
                t("figures_unknown_metric", metric=metric_name or "")
                + did_you_mean(metric_name or "", vocabulary),
            )
        )
        return None
    try:
        if values is None or type(value_raw) is not str:
            value = parse_value(value_raw, row.number_style, metric.unit, metric.signed)
        else:
            value_key = (value_raw, row.number_style, metric.unit, metric.signed)
            value = values.get(value_key)  # type: ignore[assignment]
            if value is None:
                value = values[value_key] = parse_value(
                    value_raw, row.number_style, metric.unit, metric.signed
                )
    except ValueProblem as e:
        problems.append(
            Problem(
                row.value_location or row.location, t("figures_bad_value", metric=metric.name, reason=str(e))
            )
        )
        return None
    if not ok or period is None:
        return None
    return Figure(
        period=period,
        party=party,
        project=_text(row.project),
        metric=metric.name,
        value=value,
        place=row.place,
        file=row.file,
        line=row.line,
        agreement=agreement_id,
        note=_text(row.note) or "",
    )


def _amount_sum(figures: Iterable[Figure | None]) -> Decimal:
    total = Decimal(0)
    for figure in figures:
        if figure is not None and isinstance(figure.value, Decimal):
            total += figure.value
    return total


def _duplicates(
    figures: list[Figure], problems: list[tuple[Figure, Problem]], notices: list[tuple[Figure, Problem]]
) -> list[Figure]:
    """The figures without those given before; a problem (or notice) for each of those."""
    seen: dict[FigureKey, Figure] = {}
    unique: list[Figure] = []
    for f in figures:
        first = seen.get(f.key)
        if first is None:
            seen[f.key] = f
            unique.append(f)
            continue
        label = _describe(f)
        if first.location.file == f.location.file:
            message = t("figures_duplicate_row", figure=label, first=str(first.location))
            if first.value != f.value:  # which one is meant, only the author knows
                message += t("figures_duplicate_values", value=_show(f.value), first_value=_show(first.value))
            problems.append((f, Problem(f.location, message)))
        elif first.value != f.value:
            problems.append(
                (
                    f,
                    Problem(
                        f.location,
                        t(
                            "figures_conflict",
                            figure=label,
                            value=_show(f.value),
                            first=str(first.location),
                            first_value=_show(first.value),
                        ),
                    ),
                )
            )
        else:
            notices.append(
                (
                    f,
                    Problem(
                        f.location,
                        t("figures_same_twice", figure=label, first=str(first.location)),
                        severity="warning",
                    ),
                )
            )
    return unique


def _describe(f: Figure) -> str:
    parts = [f.metric, f.period.label, f.party or t("joint_word")]
    if f.project:
        parts.append(f.project)
    return " / ".join(parts)


def _show(value: Decimal | date) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _set_problem(f: Figure, key: str, **words: str) -> tuple[Figure, Problem]:
    """A problem of a figure against the others of its period and party (named in the message)."""
    return f, Problem(f.location, t(key, period=f.period.label, party=f.party or t("joint_word"), **words))


def _set_checks(figures: list[Figure], catalogue: Catalogue, problems: list[tuple[Figure, Problem]]) -> None:
    by_key: dict[FigureKey, Figure] = {f.key: f for f in figures}
    # A split of a period is looked for only when some figure has the first period of it (most
    # files give years only: no half-year is looked up for every yearly count).
    labels = {f.period.label for f in figures}
    per_agreement: dict[str | None, tuple[dict[str, Any], dict[str, Any]]] = {}
    for f in figures:
        found_for = per_agreement.get(f.agreement)
        if found_for is None:
            found_for = per_agreement[f.agreement] = (
                catalogue.vocabulary(f.agreement or ""),
                catalogue.derivations_for(f.agreement or ""),
            )
        vocabulary, derivations = found_for
        metric = vocabulary[f.metric]
        if metric.part_of:
            whole = by_key.get((f.agreement, f.period.label, f.party, f.project, metric.part_of))
            if (
                whole is not None
                and isinstance(f.value, Decimal)
                and isinstance(whole.value, Decimal)
                and f.value > whole.value
            ):
                problems.append(
                    _set_problem(
                        f,
                        "figures_part_exceeds_whole",
                        part=f.metric,
                        part_value=_show(f.value),
                        whole=metric.part_of,
                        whole_value=_show(whole.value),
                        where=str(whole.location),
                    )
                )
        derivation = derivations.get(f.metric)
        if derivation is not None:
            parts = {
                c: by_key.get((f.agreement, f.period.label, f.party, f.project, c))
                for c in derivation.components
            }
            if all(p is not None for p in parts.values()):
                plus = _amount_sum(parts[c] for c in derivation.plus)
                minus = _amount_sum(parts[c] for c in derivation.minus)
                if plus - minus != f.value:
                    formula = " + ".join(derivation.plus) + " - " + " - ".join(derivation.minus)
                    problems.append(
                        _set_problem(
                            f,
                            "figures_derived_mismatch",
                            metric=f.metric,
                            value=_show(f.value),
                            computed=_show(plus - minus),
                            formula=formula,
                        )
                    )
        if metric.additive and isinstance(f.value, Decimal):
            for parts_list in f.period.parts():
                if parts_list and parts_list[0].label not in labels:
                    continue  # (then not every part is there)
                found = [by_key.get((f.agreement, p.label, f.party, f.project, f.metric)) for p in parts_list]
                if all(x is not None for x in found):
                    total = sum((x.value for x in found), Decimal(0))  # type: ignore[union-attr,misc]
                    if total != f.value:
                        problems.append(
                            _set_problem(
                                f,
                                "figures_parts_mismatch",
                                metric=f.metric,
                                value=_show(f.value),
                                total=_show(total),
                                parts=" + ".join(p.label for p in parts_list),
                            )
                        )
