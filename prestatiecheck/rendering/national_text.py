"""National values in words: a dated value with its source, the value a result was judged against,
and the remark beside a verdict (unverified, set by the agreement, changed during the period)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from prestatiecheck.i18n import pick, t
from prestatiecheck.model import DatedValue, LegalSource, NationalValue, Parameter
from prestatiecheck.rendering import formatting as fmt


def amount(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "-"
    from prestatiecheck.rendering.present import show_amount

    d = Decimal(value)
    places = max(0, -int(d.normalize().as_tuple().exponent)) if d != d.to_integral_value() else 0  # type: ignore[operator]
    if unit == "eur":
        # Cents, unless a whole amount (an income limit is € 40.765, a cap € 126,25).
        return fmt.money(d, max(places, 2) if places else 0)
    return show_amount(d, unit, places)


def source(src: LegalSource, *, link: bool = True) -> str:
    """'Woningwet art. 48 lid 1, versie 2022-01-01 (https://...)'."""
    text = src.law
    if src.article and src.article != "-":  # a bill has no article to name
        text += f" {t('article_word')} {src.article}"
    if src.version:
        text += ", " + t("national_version_word", version=fmt.long_date(src.version))
    if src.publication:
        text += f"; {src.publication}"
    if link and src.url:
        text += f" ({src.url})"
    return text


def span(dated: DatedValue) -> str:
    start = fmt.long_date(dated.valid_from)
    if dated.valid_to is None:
        return t("national_span_open", start=start)
    return t("national_span", start=start, end=fmt.long_date(dated.valid_to))


def dated_line(dated: DatedValue, parameter: Parameter) -> str:
    """'1 januari 2022 en later: 7,5% (ten hoogste 15% bij prestatieafspraken) — Woningwet ...'."""
    if dated.complement_of:
        value = t("national_complement", parameter=dated.complement_of)
    else:
        value = amount(dated.value, parameter.unit)
    text = f"{span(dated)}: {value}"
    bounds = dated.agreements_may_set
    if bounds.get("max") is not None and bounds.get("min") is None:
        text += t("national_agreements_max", value=amount(bounds["max"], parameter.unit))
    elif bounds.get("min") is not None and bounds.get("max") is None:
        text += t("national_agreements_any")
    elif bounds:
        text += t(
            "national_agreements_range",
            low=amount(bounds.get("min"), parameter.unit),
            high=amount(bounds.get("max"), parameter.unit),
        )
    text += " — " + source(dated.source)
    if not dated.verified:
        text += " — " + t("national_unverified")
    note = pick(dated.note, dated.note_en)
    if note:
        text += f" ({note})"
    return text


def value_line(found: NationalValue | None, parameter: Parameter) -> str:
    """The value in force for one period, with its source; or that none is recorded."""
    if found is None:
        return t("national_no_value")
    text = amount(found.value, parameter.unit) + " — " + source(found.dated.source)
    remark = remarks(found, parameter.unit)
    return text + (f" ({remark})" if remark else "")


def remarks(found: NationalValue, unit: str) -> str:
    """What a reader must know beside a verdict against this value ('' when nothing)."""
    parts: list[str] = []
    if found.override is not None:
        parts.append(t("national_set_by_agreement", article=found.override.article))
    if found.refused_override is not None:
        parts.append(
            t(
                "national_override_refused",
                value=amount(found.refused_override.value, "percent" if found.inner else unit),
                article=found.refused_override.article,
            )
        )
    if found.earlier is not None:
        earlier = found.earlier
        value: Any = (
            amount(earlier.value, unit)
            if earlier.value is not None
            else t("national_complement", parameter=earlier.complement_of)
        )
        parts.append(t("national_changed", value=value, day=fmt.long_date(found.dated.valid_from)))
    if not found.verified:
        parts.append(t("national_unverified"))
    return "; ".join(parts)


def record(found: NationalValue) -> dict[str, Any]:
    """The value a result was judged against, for JSON/CSV/report records."""
    from prestatiecheck.rendering.rows import machine_number

    src = found.dated.source
    return {
        "parameter": found.parameter,
        "cited": found.cited,
        "value": machine_number(found.value),
        "valid_from": found.dated.valid_from.isoformat(),
        "valid_to": found.dated.valid_to.isoformat() if found.dated.valid_to else None,
        "source": {
            "law": src.law,
            "article": src.article,
            "version": src.version.isoformat() if src.version else None,
            "url": src.url or None,
            "publication": src.publication or None,
        },
        "verified": found.verified,
        "set_by_agreement": (
            {"value": machine_number(found.override.value), "article": found.override.article}
            if found.override
            else None
        ),
        "refused_agreement_value": (
            {"value": machine_number(found.refused_override.value), "article": found.refused_override.article}
            if found.refused_override
            else None
        ),
        "changed_during_period": found.earlier is not None,
    }
