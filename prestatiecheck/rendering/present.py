"""Results put into words and numbers for people: what every renderer shows.

``present(result, agreement)`` gives the value and the norm as text in the
chosen language, the party's name and a one-line message that explains the
verdict. The shown value has as many decimals as the verdict needs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from prestatiecheck.checks.target import expected_floor
from prestatiecheck.exact import ratio
from prestatiecheck.i18n import MESSAGES, get_language, t
from prestatiecheck.model import Agreement, Metric, Result, Status
from prestatiecheck.rendering import formatting as fmt
from prestatiecheck.rendering.labels import label

OPERATOR_SIGNS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "="}


@dataclass(slots=True)
class Presented:
    """What a result looks like in words (made once per result shown: a plain slotted record)."""

    party: str
    value: str
    norm: str
    status: str
    message: str
    decimals: int | None
    marks: tuple[str, ...] = ()  # "interpretatie", "ter informatie": shown beside the status


def marks(result: Result) -> tuple[str, ...]:
    """The words shown beside the verdict: the rule's reading is an interpretation, and/or the
    result is a per-party result of a joint-only afspraak (for information, not counted)."""
    if not result.rule.interpretation and not result.information:
        return ()
    words = []
    if result.rule.interpretation:
        words.append(t("mark_interpretation"))
    if result.information:
        words.append(t("mark_information"))
    return tuple(words)


def marks_text(words: tuple[str, ...]) -> str:
    """The marks as one text beside the status: "(interpretatie · ter informatie)"."""
    return f"({' · '.join(words)})" if words else ""


def party_name(agreement: Agreement | None, party: str | None) -> str:
    if party is None:
        return t("joint_word")
    found = agreement.party(party) if agreement else None
    return found.name if found else party


_PARTY_NAMES: dict[tuple[int, str | None, str | None, str], tuple[Agreement | None, str]] = {}


def _party_label(agreement: Agreement | None, party: str | None, project: str | None) -> str:
    """The party's name (and project), made once per agreement, party, project and language."""
    key = (id(agreement), party, project, get_language())
    found = _PARTY_NAMES.get(key)
    if found is None or found[0] is not agreement:  # (an id can be reused once an object is gone)
        if len(_PARTY_NAMES) > 100_000:
            _PARTY_NAMES.clear()
        found = _PARTY_NAMES[key] = (
            agreement,
            party_name(agreement, party) + (f" · {project}" if project else ""),
        )
    return found[1]


# An explanation in brackets after a word ("(personen)"), not a bracket inside one ("(de)liberalisatie").
_PARENTHESES = re.compile(r"\s+\([^()]*\)(?=[\s,.;:]|$)")
_OF_THOSE = re.compile(r"^(daarvan|of those),?\s+", re.IGNORECASE)


def _short(meaning: str) -> str:
    """A metric's meaning as words in a sentence: without the explanations in brackets, and
    lower case unless it starts with an abbreviation ("WOZ-waarde", "MPG")."""
    text = meaning
    while True:
        shorter = _PARENTHESES.sub("", text)
        if shorter == text:
            break
        text = shorter
    text = text.strip().rstrip(",;:") or meaning
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


_NAMES: dict[tuple[int, str, str], tuple[Agreement | None, str]] = {}


def metric_name(agreement: Agreement | None, key: str) -> str:
    """A metric as a person reads it ("gehuisveste statushouders"), never its key in the files.

    The name is the metric's meaning in metrics.yaml (or the rule file's own ``metrics:``) in the
    active language, shortened; a part ("Daarvan sociale huurwoningen") is named with its whole.
    A metric nobody described (a test fixture) keeps its key.
    """
    lang = get_language()
    cache_key = (id(agreement), key, lang)
    found = _NAMES.get(cache_key)
    if found is not None and found[0] is agreement:
        return found[1]
    vocabulary: Mapping[str, Metric] = {}
    if agreement is not None:
        vocabulary = agreement.vocabulary or agreement.metrics
    metric = vocabulary.get(key)
    if metric is None:
        name = key
    else:
        name = _short(metric.meaning(lang))
        whole = vocabulary.get(metric.part_of) if metric.part_of else None
        if whole is not None and _OF_THOSE.match(name):
            # "Daarvan sociale huurwoningen" says little alone: name the whole it is part of
            # (without its own "daarvan": one level up is enough to read it).
            name = f"{_OF_THOSE.sub('', _short(whole.meaning(lang)))}, {name}"
    if len(_NAMES) > 100_000:
        _NAMES.clear()
    _NAMES[cache_key] = (agreement, name)
    return name


def _same_kind(*values: Any) -> tuple[Any, ...]:
    """Decimals and ints as they are (cheap); anything else as exact fractions (Decimal - Fraction fails)."""
    if all(isinstance(v, (int, Decimal)) for v in values):
        return values
    return tuple(Fraction(v) for v in values)


def boundaries(result: Result) -> list[Fraction | Decimal | int]:
    """The values where the verdict changes: the shown value must not cross them."""
    m = result.margin or 0
    if result.bound in ("max", "min") and result.limit is not None and not isinstance(result.limit, date):
        lim, m = _same_kind(result.limit, m)
        return [lim, lim - m if result.bound == "max" else lim + m]
    if result.bound == "band" and result.band:
        lo, hi, m = _same_kind(*result.band, m)
        return [lo, lo + m, hi - m, hi]
    if result.bound in ("at_least", "at_most") and result.target is not None:
        out: list[Fraction | Decimal | int] = [result.target]
        if result.expected is not None:
            out += [result.expected, expected_floor(result.expected)]
        return out
    return []


def show_amount(value: Any, unit: str, decimals: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return fmt.long_date(value)
    if unit == "percent":
        return fmt.percent(value, 1 if decimals is None else decimals)
    if unit == "eur":
        return fmt.money(value, 2 if decimals is None or decimals < 2 else decimals)
    if unit == "pp":
        return fmt.number(value, decimals) + " " + t("unit_pp")
    if unit in ("years", "months"):
        return fmt.number(value, decimals) + " " + t(f"unit_{unit}")
    return fmt.number(value, decimals)


def _decimals(result: Result) -> int | None:
    value = result.value
    if value is None or isinstance(value, date):
        return None
    bounds = _boundary_ratios(result)
    if result.unit == "percent":
        return fmt.decimals_for_ratio(*ratio(value), bounds, minimum=1)
    if type(value) is Fraction or bounds:
        p, q = ratio(value)
        minimum = 2 if result.unit == "eur" else (0 if q == 1 else 1)
        return fmt.decimals_for_ratio(p, q, bounds, minimum=minimum) if bounds else minimum
    return None


_BOUNDARIES: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
_BOUNDED = frozenset({"max", "min", "band", "at_least", "at_most"})


def _boundary_ratios(result: Result) -> list[tuple[int, int]]:
    """``boundaries`` as integer ratios. A rule's limit and margin are the same for all its
    results (a trajectory's expected amount is not): made once per limit, margin and bound."""
    if result.bound not in _BOUNDED:
        return []
    if result.expected is not None:
        return [ratio(b) for b in boundaries(result)]
    key = (result.bound, result.limit, result.margin, result.band, result.target)
    found = _BOUNDARIES.get(key)
    if found is None:
        if len(_BOUNDARIES) > 10_000:
            _BOUNDARIES.clear()
        found = _BOUNDARIES[key] = [ratio(b) for b in boundaries(result)]
    return found


_NORMS: dict[tuple[Any, ...], str] = {}


def norm_text(result: Result, agreement: Agreement | None = None) -> str:
    """The norm in words; the same for every result of a rule with the same limit, so made once."""
    f = result.facts
    key = (
        id(agreement),
        result.rule.id,
        result.bound,
        result.limit,
        result.target,
        result.band,
        result.unit,
        f.get("op"),
        f.get("right"),
        get_language(),
    )
    found = _NORMS.get(key)
    if found is None:
        if len(_NORMS) > 100_000:
            _NORMS.clear()
        found = _NORMS[key] = _norm_text(result, agreement)
    return found


def _norm_text(result: Result, agreement: Agreement | None) -> str:
    unit = result.unit
    strict = bool(result.rule.check.get("strict"))
    if result.bound == "max" and result.limit is not None:
        sign = "< " if strict else "≤ "
        return sign + show_amount(result.limit, unit, _limit_decimals(result.limit, unit))
    if result.bound == "min" and result.limit is not None:
        sign = "> " if strict else "≥ "
        return sign + show_amount(result.limit, unit, _limit_decimals(result.limit, unit))
    if result.bound == "band" and result.band:
        lo, hi = result.band
        return t(
            "norm_band",
            target=show_amount(result.target, unit, _limit_decimals(result.target, unit)),
            low=show_amount(lo, unit, _limit_decimals(lo, unit)),
            high=show_amount(hi, unit, _limit_decimals(hi, unit)),
        )
    if result.bound == "at_least" and result.target is not None:
        return "≥ " + show_amount(result.target, unit, 0)
    if result.bound == "at_most" and result.target is not None:
        return "≤ " + show_amount(result.target, unit, 0)
    if result.bound == "due" and isinstance(result.limit, date):
        return t("norm_due", due=fmt.long_date(result.limit))
    if result.bound == "compare":
        # Without figures the facts are empty: the norm is the rule's own comparison, in words.
        raw_op = str(result.facts.get("op") or result.rule.check.get("op", ""))
        op = OPERATOR_SIGNS.get(raw_op, raw_op)
        if result.limit is not None:
            return f"{op} {show_amount(result.limit, unit)}"
        right = str(result.facts.get("right") or result.rule.check.get("right", ""))
        return f"{op} {metric_name(agreement, right)}" if right else op
    return ""


_LIMITS: dict[tuple[Any, ...], str] = {}


def _limit_text(result: Result) -> str:
    """The limit of a maximum or minimum as the norm shows it, without its sign (made once per
    limit, unit and language)."""
    key = (result.limit, result.unit, get_language())
    found = _LIMITS.get(key)
    if found is None:
        if len(_LIMITS) > 10_000:
            _LIMITS.clear()
        found = _LIMITS[key] = show_amount(
            result.limit, result.unit, _limit_decimals(result.limit, result.unit)
        )
    return found


def _limit_decimals(value: Any, unit: str) -> int | None:
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        places = max(0, -int(exponent)) if isinstance(exponent, int) else 0
        return max(places, 2) if unit == "eur" else places
    return None


def _at_a_strict_limit(result: Result) -> bool:
    """A value exactly at a limit the agreement excludes ("meer dan 10 jaar": 10 is not enough)."""
    return (
        bool(result.rule.check.get("strict"))
        and result.bound in ("max", "min")
        and result.value is not None
        and result.limit is not None
        and not isinstance(result.value, date)
        and not isinstance(result.limit, date)
        and Fraction(result.value) == Fraction(result.limit)
    )


def message(
    result: Result,
    agreement: Agreement | None,
    decimals: int | None,
    value: str | None = None,
    norm: str | None = None,
) -> str:
    """One line that explains the verdict (``value``/``norm``: the shown texts, when already made)."""
    f = result.facts
    unit = result.unit
    if value is None:
        value = show_amount(result.value, unit, decimals)
    if norm is None:
        norm = norm_text(result, agreement)
    detail = result.detail
    if detail == "missing":
        items = []
        for metric, period, party in f.get("missing", [])[:4]:
            who = party_name(agreement, party)
            items.append(t("missing_item", metric=metric_name(agreement, metric), period=period, party=who))
        more = len(f.get("missing", [])) - len(items)
        text = t("msg_missing", items="; ".join(items))
        if more > 0:
            text += t("msg_missing_more", count=more)
        if f.get("missing_parts_of"):
            wholes = [metric_name(agreement, m) for m in f["missing_parts_of"]]
            text += t("msg_missing_parts", whole=", ".join(wholes))
        return text
    if detail == "not_started":
        return t("msg_not_started", period=result.period)
    if detail == "national_value_missing":
        return t("msg_national_value_missing", parameter=f.get("parameter", ""), period=result.period)
    if detail == "zero_denominator":
        denominator = str(result.rule.check.get("denominator", ""))
        return t("msg_zero_denominator", denominator=metric_name(agreement, denominator))
    if detail in ("share", "band"):
        counts = t("share_counts", num=fmt.number(f["numerator"]), den=fmt.number(f["denominator"]))
        years = f.get("years")
        if years:
            counts += t("share_years", years=", ".join(years))
        if _at_a_strict_limit(result):
            return t(f"msg_strict_{result.bound}", value=f"{value} ({counts})", norm=norm)
        key = (
            f"msg_{detail}_{result.bound}_{result.status.value}"
            if detail == "share"
            else f"msg_band_{result.status.value}"
        )
        return t(
            key,
            value=value,
            counts=counts,
            norm=norm,
            limit=_limit_text(result),
            margin=fmt.number(result.margin or 0),
        )
    if _at_a_strict_limit(result):
        return t(f"msg_strict_{result.bound}", value=value, norm=norm)
    if detail == "value":
        return t(f"msg_value_{result.bound}_{result.status.value}", value=value, limit=_limit_text(result))
    if detail == "compare":
        key = "msg_compare_met" if result.status == Status.MET else f"msg_compare_not_met_{f['op']}"
        text = t(
            key,
            left=metric_name(agreement, f["left"]),
            right=metric_name(agreement, f["right"]),
            lvalue=value,
            rvalue=show_amount(result.limit, unit),
        )
        if f.get("years"):  # a window still running: the sums over these years so far
            text += t("share_years", years=", ".join(f["years"]))
        return text
    if detail == "target_final":
        return t(
            f"msg_target_final_{result.bound}_{result.status.value}",
            value=value,
            target=show_amount(result.target, unit, 0),
        )
    if detail == "target_running":
        return t(
            "msg_target_running_" + result.status.value,
            value=value,
            expected=show_amount(result.expected, unit, decimals if decimals else 0),
            target=show_amount(result.target, unit, 0),
            reported=fmt.number(
                Fraction(f["years_reported"]), 0 if Fraction(f["years_reported"]).denominator == 1 else 2
            ),
            years=f["years"],
        )
    if detail == "target_cap_running":
        return t(
            "msg_target_cap_" + result.status.value, value=value, target=show_amount(result.target, unit, 0)
        )
    if detail in ("done", "done_late", "overdue_no_date", "due_soon", "not_due"):
        due = fmt.long_date(f["due"])
        days = f.get("days_late", f.get("days_left", 0))
        key = f"msg_{detail}_one" if days == 1 and f"msg_{detail}_one" in MESSAGES else f"msg_{detail}"
        text = t(key, due=due, done=value, days=days)
        if "nominal_due" in f:
            text += t("msg_moved_working_day", nominal=fmt.long_date(f["nominal_due"]))
        if "done_after_as_of" in f:
            text += t("msg_done_after_as_of", done=fmt.long_date(f["done_after_as_of"]))
        return text
    return detail


def present(result: Result, agreement: Agreement | None) -> Presented:
    decimals = _decimals(result)
    value = show_amount(result.value, result.unit, decimals)
    norm = norm_text(result, agreement)
    text = message(result, agreement, decimals, value, norm)
    if result.provisional and result.status not in (Status.PENDING,) and result.rule.kind != "deadline":
        text += t("provisional_suffix")
    if result.rule.national_values:
        text += _national_remarks(result)
    return Presented(
        party=_party_label(agreement, result.party, result.project),
        value=value,
        norm=norm,
        status=label(result.status),
        message=text,
        decimals=decimals,
        marks=marks(result),
    )


def forget_agreements() -> None:
    """Let go of the words memoised per agreement (norms, party and metric names, keyed by the
    agreement): called before each agreement's part, so that a national run does not keep
    every agreement's words until the end."""
    _NORMS.clear()
    _PARTY_NAMES.clear()
    _NAMES.clear()


def _national_remarks(result: Result) -> str:
    """Beside a verdict against a statutory value: that it is unverified, set by the agreement,
    refused, or changed during the period ('' when none of these)."""
    from prestatiecheck.rendering.national_text import remarks

    parts = []
    for found in result.rule.national_values.values():
        if found.cited:
            remark = remarks(found, result.unit)
            if remark:
                parts.append(remark)
    return t("national_remark_suffix", remarks="; ".join(parts)) if parts else ""


def language() -> str:
    return get_language()
