"""Semantic checks on a rule file: what the schema cannot see.

Unknown parties and metrics (with "did you mean"), units that do not fit the
check kind, due-date wording we cannot read, targets that point nowhere; and, as
warnings, the places where the document disagrees with itself (a table row that
does not add up, per-party targets that do not sum to the joint target).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from prestatiecheck import checks
from prestatiecheck.checks.base import COMMON_PROPERTIES
from prestatiecheck.i18n import did_you_mean, t, thousands
from prestatiecheck.loading.yamlsafe import YamlMapping, where
from prestatiecheck.model import Location, Metric, Problem
from prestatiecheck.periods import PeriodError, parse_period

SHARE_KINDS = {"share", "band", "project_share"}
NATIONAL_ROLES = ("corporatie",)


def metric_problems(
    raw: Mapping[str, Any],
    display: str,
    known: Mapping[str, Metric],
    location: Location,
    *,
    known_file: str = "",
) -> list[Problem]:
    """A metrics section: part_of and derived must name known metrics; no unit clashes.
    ``known_file``: the file ``known`` comes from, when it is not the shipped metrics.yaml of a
    rule file (a user's metrics file beside the shipped vocabulary)."""
    problems: list[Problem] = []
    names = set(known) | set(raw)
    for name, spec in raw.items():
        loc = raw.where_key(name) if isinstance(raw, YamlMapping) else location
        if name in known and known[name].unit != spec.get("unit"):
            clash = (
                t(
                    "metric_unit_clash_file",
                    metric=name,
                    unit=spec.get("unit"),
                    known=known[name].unit,
                    file=known_file,
                )
                if known_file
                else t("metric_unit_clash", metric=name, unit=known[name].unit)
            )
            problems.append(Problem(loc, clash))
        part_of = spec.get("part_of")
        if part_of and part_of not in names:
            problems.append(
                Problem(
                    where(spec, "part_of", loc),
                    t("unknown_metric", metric=part_of) + did_you_mean(part_of, names),
                )
            )
        derived = spec.get("derived") or {}
        for component in list(derived.get("plus", [])) + list(derived.get("minus", [])):
            if component not in names:
                problems.append(
                    Problem(
                        where(spec, "derived", loc),
                        t("unknown_metric", metric=component) + did_you_mean(component, names),
                    )
                )
    return problems


def rule_file_problems(
    data: Mapping[str, Any],
    display: str,
    index_id: str | None,
    shared: Mapping[str, Metric],
    *,
    strict: bool,
) -> list[Problem]:

    from prestatiecheck.validation.todo import todo_problems

    root = getattr(data, "location", Location(display))
    todos = todo_problems(data, root)
    numbers = number_problems(data, root)
    if numbers:
        return todos + numbers  # (the checks below would compute with them)
    try:
        return todos + _rule_file_problems(data, display, index_id, shared, strict=strict)
    except (KeyError, TypeError, AttributeError, ValueError):
        return todos  # the structure itself is wrong: the schema has said where


def _rule_file_problems(
    data: Mapping[str, Any], display: str, index_id: str | None, shared: Mapping[str, Metric], *, strict: bool
) -> list[Problem]:
    from prestatiecheck.loading.rules import metrics_from

    root = getattr(data, "location", Location(display))
    problems: list[Problem] = []
    agreement = data["agreement"]
    agreement_id = agreement["id"]
    if index_id is not None and agreement_id != index_id:
        problems.append(
            Problem(
                where(agreement, "id", root),
                t("agreement_id_mismatch", found=agreement_id, expected=index_id),
            )
        )
    try:
        parse_period(agreement["period"])
    except PeriodError:
        problems.append(Problem(where(agreement, "period", root), t("bad_period", value=agreement["period"])))
    signed = agreement.get("signed")
    if isinstance(signed, str) and signed.strip():
        try:
            date.fromisoformat(signed.strip())
        except ValueError:
            problems.append(Problem(where(agreement, "signed", root), t("bad_signed_date", value=signed)))
    party_ids: list[str] = []
    for i, party in enumerate(agreement["parties"]):
        if party["id"] in party_ids:
            problems.append(
                Problem(where(agreement["parties"], i, root), t("duplicate_party", party=party["id"]))
            )
        party_ids.append(party["id"])
    national = agreement.get("kind") == "national"
    if national:
        # The national rule set names roles, not parties: it applies to the corporations of each
        # checked agreement (prestatiecheck.national.scope).
        party_ids = list(NATIONAL_ROLES)
        from prestatiecheck.validation.national import national_file_problems

        problems += national_file_problems(data, root)
    elif not party_ids:
        problems.append(Problem(where(agreement, "parties", root), t("national_parties_required")))

    own_raw = data.get("metrics") or {}
    problems += metric_problems(own_raw, display, shared, root)
    vocabulary = {**shared, **metrics_from(own_raw)}

    tables = {tbl["id"]: tbl for tbl in data.get("tables") or []}
    for tbl in data.get("tables") or []:
        problems += _table_problems(tbl, party_ids, root)

    refs: dict[str, Location] = {}
    for i, rule in enumerate(data["rules"]):
        rule_loc = where(data["rules"], i, root)
        ref = str(rule["ref"])
        if ref in refs:
            problems.append(Problem(rule_loc, t("duplicate_ref", ref=ref, line=refs[ref].line)))
        refs.setdefault(ref, rule_loc)
        try:
            problems += _one_rule_problems(rule, rule_loc, party_ids, vocabulary, tables, strict=strict)
        except (KeyError, TypeError, AttributeError, ValueError):
            continue  # this rule's structure is wrong: the schema has said where

    if not data["rules"]:  # a new agreement (prestatiecheck new) before its first rule
        problems.append(Problem(where(data, "rules", root), t("no_rules_yet"), "warning"))

    problems += _inconsistency_warnings(data.get("inconsistencies") or [], root)

    context_refs = {str(c["ref"]) for c in data.get("context") or []}
    coverage = data.get("coverage") or {}
    for inventory_ref, covered in coverage.items():
        for ref in covered:
            ref = str(ref)
            if ref != "context" and ref not in refs and ref not in context_refs:
                problems.append(
                    Problem(
                        where(coverage, inventory_ref, root),
                        t("coverage_unknown_ref", ref=ref) + did_you_mean(ref, refs),
                    )
                )
    return problems


def _inconsistency_warnings(items: list[Any], root: Location) -> list[Problem]:
    """The places where the document contradicts itself (or the law), as the rule file records
    them: a warning naming every place, at the item's line."""
    from prestatiecheck.i18n import pick

    out: list[Problem] = []
    for i, item in enumerate(items):
        places = []
        for place in item["places"]:
            article = str(place["article"])
            if article[:1].isdigit():  # "14", "1R": the document's article number, not "Tabel 1"
                article = f"{t('article_word')} {article}"
            where_text = f"{place['document']}, {article}" if place.get("document") else article
            quote = " ".join(str(place["quote"]).split())  # (table rows are quoted with their tabs)
            places.append(t("inconsistency_place", where=where_text, quote=quote))
        out.append(
            Problem(
                where(items, i, root),
                t(
                    "document_inconsistency",
                    places=t("inconsistency_against").join(places),
                    note=pick(str(item["note"]).strip(), str(item.get("note_en") or "").strip()),
                ),
                severity="warning",
            )
        )
    return out


def _one_rule_problems(
    rule: Mapping[str, Any],
    rule_loc: Location,
    party_ids: list[str],
    vocabulary: Mapping[str, Metric],
    tables: Mapping[str, Any],
    *,
    strict: bool,
) -> list[Problem]:
    problems: list[Problem] = []
    for p in rule["trekker"]:
        if p not in party_ids:
            problems.append(
                Problem(
                    where(rule, "trekker", rule_loc), t("unknown_party", party=p) + did_you_mean(p, party_ids)
                )
            )
    problems += _check_problems(
        rule["check"],
        where(rule, "check", rule_loc),
        party_ids,
        vocabulary,
        tables,
        list(rule["trekker"]),
        strict=strict,
    )
    return problems


def _table_problems(tbl: Mapping[str, Any], party_ids: list[str], root: Location) -> list[Problem]:
    problems: list[Problem] = []
    loc = getattr(tbl, "location", root)
    columns = [str(c) for c in tbl["columns"]]
    total = tbl.get("total_column")
    for column in columns:
        if column not in party_ids and column != total and column != "joint":
            problems.append(
                Problem(
                    where(tbl, "columns", loc),
                    t("unknown_party", party=column) + did_you_mean(column, party_ids),
                )
            )
    if total is not None and total not in columns:
        problems.append(Problem(where(tbl, "total_column", loc), t("table_total_unknown", column=total)))
    rows = tbl["rows"]
    # A cell that is not a number is the schema's to report; its row is left out of the sums.
    numeric = {name for name, values in rows.items() if all(_is_number(v) for v in values)}
    for name, values in rows.items():
        if name not in numeric:
            continue
        if len(values) != len(columns):
            problems.append(
                Problem(
                    where(rows, name, loc),
                    t("table_row_length", row=name, found=len(values), expected=len(columns)),
                )
            )
            continue
        if total is not None and total in columns:
            ti = columns.index(total)
            parts = sum((Decimal(str(v)) for j, v in enumerate(values) if j != ti), Decimal(0))
            if parts != Decimal(str(values[ti])):
                problems.append(
                    Problem(
                        where(rows, name, loc),
                        t(
                            "table_total_mismatch",
                            table=tbl["id"],
                            row=name,
                            parts=_num(parts),
                            total=_num(values[ti]),
                        ),
                        severity="warning",
                    )
                )
    for name, addends in (tbl.get("sums") or {}).items():
        unknown = [a for a in [name, *addends] if a not in rows]
        if unknown:
            for a in unknown:
                problems.append(
                    Problem(
                        where(tbl["sums"], name, loc), t("table_row_unknown", row=a) + did_you_mean(a, rows)
                    )
                )
            continue
        for j, column in enumerate(columns):
            if any(len(rows[a]) != len(columns) or a not in numeric for a in [name, *addends]):
                break
            added = sum((Decimal(str(rows[a][j])) for a in addends), Decimal(0))
            printed = Decimal(str(rows[name][j]))
            if added != printed:
                problems.append(
                    Problem(
                        where(tbl["sums"], name, loc),
                        t(
                            "table_sum_mismatch",
                            table=tbl["id"],
                            row=name,
                            column=column,
                            added=_num(added),
                            printed=_num(printed),
                            addends=" + ".join(addends),
                        ),
                        severity="warning",
                    )
                )
    return problems


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, Decimal))
        and not isinstance(value, bool)
        and abs(Decimal(value)) <= MAX_RULE_NUMBER
    )


MAX_RULE_NUMBER: int = 10**12  # the largest number a rule file may hold (a limit, a target, a table cell)


def number_problems(data: Any, root: Location) -> list[Problem]:
    """A number beyond MAX_RULE_NUMBER anywhere in a rule file (a threshold, a target, a table
    cell), or with more than six decimals: no document sets one, and exact arithmetic would not
    stay within bounds."""
    problems: list[Problem] = []
    stack: list[tuple[Any, Location]] = [(data, root)]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, Mapping):
            stack.extend((value, where(node, key, loc)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, where(node, i, loc)) for i, value in enumerate(node))
        elif isinstance(node, (int, Decimal)) and not isinstance(node, bool):
            if abs(Decimal(node)) > MAX_RULE_NUMBER:
                problems.append(Problem(loc, t("rule_number_too_large", bound=thousands(MAX_RULE_NUMBER))))
            elif isinstance(node, Decimal) and _decimals(node) > 6:
                problems.append(Problem(loc, t("rule_number_too_precise", value=format(node, "f"))))
    return problems


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _num(value: Any) -> str:
    d = Decimal(str(value))
    return str(d.quantize(Decimal(1))) if d == d.to_integral_value() else str(d)


def _check_problems(
    check: Mapping[str, Any],
    loc: Location,
    party_ids: list[str],
    vocabulary: Mapping[str, Metric],
    tables: Mapping[str, Any],
    trekker: list[str],
    *,
    strict: bool,
) -> list[Problem]:
    problems: list[Problem] = []
    kind_name = check.get("kind")
    if kind_name not in checks.KINDS:
        return [
            Problem(
                where(check, "kind", loc),
                t("unknown_kind", kind=kind_name, kinds=", ".join(checks.KINDS))
                + did_you_mean(str(kind_name), checks.KINDS),
            )
        ]
    kind = checks.get(kind_name)
    if strict:
        from prestatiecheck.validation.schema import schema_problems

        schema = {
            "type": "object",
            "properties": {**COMMON_PROPERTIES, **kind.SCHEMA["properties"]},
            "required": kind.SCHEMA.get("required", []),
            "additionalProperties": False,
        }
        if "oneOf" in kind.SCHEMA:
            schema["oneOf"] = kind.SCHEMA["oneOf"]
        found = schema_problems(check, schema, loc.file)
        if found:
            return found
    for p in check.get("parties") or []:
        if p not in party_ids:
            problems.append(
                Problem(
                    where(check, "parties", loc), t("unknown_party", party=p) + did_you_mean(p, party_ids)
                )
            )
    for key in ("window",):
        if check.get(key) is not None:
            try:
                parse_period(check[key])
            except PeriodError:
                problems.append(Problem(where(check, key, loc), t("bad_period", value=check[key])))
    if isinstance(check.get("periods"), list):
        for label in check["periods"]:
            try:
                parse_period(label)
            except PeriodError:
                problems.append(Problem(where(check, "periods", loc), t("bad_period", value=label)))
    for name in kind.metrics(check):
        if name not in vocabulary:
            problems.append(Problem(loc, t("unknown_metric", metric=name) + did_you_mean(name, vocabulary)))
    if not problems:
        problems += _unit_problems(kind_name, check, loc, vocabulary)
    for key, message in kind.validate(check):
        problems.append(Problem(where(check, key, loc) if key else loc, message))
    if check.get("joint_only") and set(check.get("scope") or ["party"]) != {"party", "joint"}:
        problems.append(Problem(where(check, "joint_only", loc), t("joint_only_scope")))
    if kind_name == "target":
        problems += _target_problems(check, loc, party_ids, tables, trekker)
    return problems


def _unit_problems(
    kind: str, check: Mapping[str, Any], loc: Location, vocabulary: Mapping[str, Metric]
) -> list[Problem]:
    from prestatiecheck import checks as _checks

    names = _checks.get(kind).metrics(check)
    units = [vocabulary[n].unit for n in names]
    wanted: str | None = None
    if kind in SHARE_KINDS or kind in ("target", "count"):
        wanted = "count"
    elif kind == "deadline":
        wanted = "date"
    bad = [n for n, u in zip(names, units, strict=True) if wanted and u != wanted]
    if kind == "value" and units[0] == "date":
        bad = names
    if kind == "compare" and units[0] != units[1]:
        return [Problem(loc, t("compare_units", left=names[0], right=names[1], lu=units[0], ru=units[1]))]
    return [Problem(loc, t("metric_wrong_unit", metric=n, unit=vocabulary[n].unit, kind=kind)) for n in bad]


def _target_problems(
    check: Mapping[str, Any],
    loc: Location,
    party_ids: list[str],
    tables: Mapping[str, Any],
    trekker: list[str],
) -> list[Problem]:
    problems: list[Problem] = []
    spec = check["targets"]
    tloc = where(check, "targets", loc)
    scope = check.get("scope") or ["party"]
    parties = list(check.get("parties") or trekker)
    if set(spec) == {"table", "row"}:
        table = tables.get(spec["table"])
        if table is None:
            return [
                Problem(tloc, t("table_unknown", table=spec["table"]) + did_you_mean(spec["table"], tables))
            ]
        if spec["row"] not in table["rows"]:
            return [
                Problem(
                    tloc, t("table_row_unknown", row=spec["row"]) + did_you_mean(spec["row"], table["rows"])
                )
            ]
        total = table.get("total_column")
        keys = ["joint" if c in (total, "joint") else str(c) for c in table["columns"]]
        values = dict(zip(keys, table["rows"][spec["row"]], strict=False))
    else:
        values = {str(k): v for k, v in spec.items()}
        for key in values:
            if key != "joint" and key not in party_ids:
                problems.append(Problem(tloc, t("unknown_party", party=key) + did_you_mean(key, party_ids)))
        party_targets = [Decimal(str(v)) for k, v in values.items() if k != "joint"]
        if "joint" in values and party_targets and len(party_targets) == len(parties):
            total = sum(party_targets, Decimal(0))
            if total != Decimal(str(values["joint"])):
                problems.append(
                    Problem(
                        tloc,
                        t("targets_sum_mismatch", parties=_num(total), joint=_num(values["joint"])),
                        severity="warning",
                    )
                )
    if "joint" in scope and "joint" not in values:
        problems.append(Problem(tloc, t("target_joint_missing")))
    if "party" in scope:
        for p in parties:
            if p not in values:
                problems.append(Problem(tloc, t("target_party_missing", party=p)))
    return problems
