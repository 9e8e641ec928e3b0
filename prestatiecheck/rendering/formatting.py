"""Dutch (and English) numbers, percentages, money and dates, via Babel.

``decimals_for`` picks the fewest decimals that keep a shown value on the same
side of every status boundary as the exact value: 50.04% against a 50% maximum
is shown as "50,04%", never as "50,0%" next to "niet voldaan".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from prestatiecheck.i18n import get_language

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _locale() -> str:
    return LOCALES.get(get_language(), "nl_NL")


def to_decimal(value: Fraction | Decimal | int, decimals: int) -> Decimal:
    """Round half up to a number of decimals, exactly (no binary floats on the way)."""
    quantum = Decimal(1).scaleb(-decimals)
    if isinstance(value, Fraction):
        # Exact: round the fraction itself (half away from zero), no decimal context in between.
        scaled = abs(value) * 10**decimals
        whole = scaled.numerator // scaled.denominator
        if scaled - whole >= Fraction(1, 2):
            whole += 1
        return (Decimal(whole if value >= 0 else -whole) * quantum).quantize(quantum)
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def _sign(x: Fraction) -> int:
    return (x > 0) - (x < 0)


def decimals_for(
    value: Fraction | Decimal,
    boundaries: Iterable[Fraction | Decimal],
    *,
    minimum: int = 1,
    maximum: int = 12,
) -> int:
    exact = Fraction(value)
    bounds = [Fraction(b) for b in boundaries]
    for decimals in range(minimum, maximum + 1):
        shown = Fraction(to_decimal(exact, decimals))
        if all(_sign(shown - b) == _sign(exact - b) for b in bounds):
            return decimals
    return maximum


@lru_cache(maxsize=256)
def _pattern(decimals: int, grouping: bool = True) -> str:
    base = "#,##0" if grouping else "0"
    return base + ("." + "0" * decimals if decimals else "")


def number(value: Fraction | Decimal | int, decimals: int | None = None) -> str:
    from babel.numbers import format_decimal

    if decimals is None:
        d = Decimal(value) if not isinstance(value, Fraction) else to_decimal(value, 2)
        decimals = max(0, -d.normalize().as_tuple().exponent) if d != d.to_integral_value() else 0  # type: ignore[operator]
    rounded = to_decimal(value, decimals)
    return format_decimal(rounded, format=_pattern(decimals), locale=_locale(), decimal_quantization=True)


def percent(value: Fraction | Decimal | int, decimals: int = 1) -> str:
    return number(value, decimals) + "%"


def money(value: Decimal | Fraction, decimals: int = 2) -> str:
    from babel.numbers import format_currency

    rounded = to_decimal(value, decimals)
    return format_currency(rounded, "EUR", locale=_locale())


def long_date(value: date) -> str:
    from babel.dates import format_date

    return format_date(value, format="long", locale=_locale())


def short_date(value: date) -> str:
    from babel.dates import format_date

    return format_date(value, format="short" if get_language() == "en" else "d-M-yyyy", locale=_locale())
