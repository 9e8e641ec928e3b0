"""Dutch (and English) numbers, percentages, money and dates, via Babel.

``decimals_for`` picks the fewest decimals that keep a shown value on the same
side of every status boundary as the exact value: 50.04% against a 50% maximum
is shown as "50,04%", never as "50,0%" next to "niet voldaan".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from prestatiecheck import i18n
from prestatiecheck.exact import ratio
from prestatiecheck.i18n import get_language

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _locale() -> str:
    return LOCALES.get(i18n._language, "nl_NL")


def to_decimal(value: Fraction | Decimal | int, decimals: int) -> Decimal:
    """Round half up to a number of decimals, exactly (no binary floats on the way)."""
    if type(value) is Fraction:  # (isinstance on Fraction goes through ABCMeta: slow in a hot loop)
        # Exact: round the fraction itself (half away from zero), in integers.
        return Decimal(_round_scaled(value.numerator, value.denominator, decimals)).scaleb(-decimals)
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)  # type: ignore[arg-type]


def _round_scaled(numerator: int, denominator: int, decimals: int) -> int:
    """numerator/denominator x 10**decimals, rounded half away from zero (denominator > 0)."""
    whole, rest = divmod(abs(numerator) * 10**decimals, denominator)
    if 2 * rest >= denominator:
        whole += 1
    return whole if numerator >= 0 else -whole


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


def decimals_for(
    value: Fraction | Decimal,
    boundaries: Iterable[Fraction | Decimal | int],
    *,
    minimum: int = 1,
    maximum: int = 12,
) -> int:
    p, q = ratio(value)
    return decimals_for_ratio(p, q, [ratio(b) for b in boundaries], minimum=minimum, maximum=maximum)


def decimals_for_ratio(
    p: int, q: int, bounds: Sequence[tuple[int, int]], *, minimum: int = 1, maximum: int = 12
) -> int:
    """``decimals_for`` of the value p/q (q > 0), the boundaries given as integer ratios."""
    # The exact value's side of each boundary: sign(p/q - bp/bq) = sign(p*bq - bp*q). The shown
    # value is shown/scale; it must be on the same side of every boundary.
    sides = [(bq, bp, _sign(p * bq - bp * q)) for bp, bq in bounds]
    for decimals in range(minimum, maximum + 1):
        scale = 10**decimals  # an int: 10 ** (minimum - 1) was the float 0.1 for minimum 0
        shown = _round_scaled(p, q, decimals)
        for bq, bp, side in sides:
            if _sign(shown * bq - bp * scale) != side:
                break
        else:
            return decimals
    return maximum


# What the texts are made of, from the CLDR data as Babel has it for the two locales: decimal and
# group symbols, what stands before and after a euro amount (positive, negative), the month names.
# Importing Babel and loading its locale data takes longer than a small check itself, so these are
# written here; tests/test_properties.py holds every number, amount and date to Babel's own text.
_CLDR: dict[str, tuple[str, str, tuple[str, str], tuple[str, str], tuple[str, ...]]] = {
    "nl_NL": (
        ",", ".", ("€\xa0", ""), ("€\xa0-", ""),
        ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
         "oktober", "november", "december"),
    ),
    "en_GB": (
        ".", ",", ("€", ""), ("-€", ""),
        ("January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"),
    ),
}  # fmt: skip


@lru_cache(maxsize=8)
def _symbols(locale: str) -> tuple[dict[int, str], tuple[str, str], tuple[str, str]]:
    """A locale's symbols: a translation table for separators, money prefix/suffix (+ and -).

    A number is formatted by Python's own fixed-point formatting with the locale's separators:
    the same text as ``babel.numbers.format_decimal`` (tests compare the two), at a fraction of
    the cost per value, which matters with hundreds of thousands of results.
    """
    if locale in _CLDR:
        decimal, group, positive, negative, _ = _CLDR[locale]
        return str.maketrans({",": group, ".": decimal}), positive, negative
    from babel.numbers import format_currency, get_decimal_symbol, get_group_symbol

    table = str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})
    shape = "1" + get_decimal_symbol(locale) + "00"

    def around(text: str) -> tuple[str, str]:
        before, _, after = text.partition(shape)
        return before, after

    positive = around(format_currency(Decimal("1.00"), "EUR", locale=locale))
    negative = around(format_currency(Decimal("-1.00"), "EUR", locale=locale))
    return table, positive, negative


def _digits(rounded: Decimal, decimals: int, locale: str) -> str:
    text = f"{rounded:,.{decimals}f}"
    if text.startswith("-") and rounded.is_zero():
        text = text[1:]
    return text.translate(_symbols(locale)[0])


_NUMBERS: dict[tuple[object, ...], str] = {}


def number(value: Fraction | Decimal | int, decimals: int | None = None) -> str:
    # The text depends on the value (not its type: 2, Decimal("2.0") and Fraction(2) are equal
    # and hash alike, and are shown alike), the decimals and the locale. Counts and limits repeat
    # across hundreds of thousands of results, so each text is made once.
    # (Keyed by the value's integer ratio: ints hash fast, a Fraction hashes in pure Python.)
    locale = _locale()
    key = (*ratio(value), decimals, locale)
    found = _NUMBERS.get(key)
    if found is None:
        if len(_NUMBERS) > 200_000:
            _NUMBERS.clear()
        found = _NUMBERS[key] = _number(value, decimals, locale)
    return found


def _number(value: Fraction | Decimal | int, decimals: int | None, locale: str) -> str:
    if decimals is None:
        d = to_decimal(value, 2) if type(value) is Fraction else Decimal(value)  # type: ignore[arg-type]
        decimals = max(0, -d.normalize().as_tuple().exponent) if d != d.to_integral_value() else 0  # type: ignore[operator]
    return _digits(to_decimal(value, decimals), decimals, locale)


def percent(value: Fraction | Decimal | int, decimals: int = 1) -> str:
    return number(value, decimals) + "%"


def money(value: Decimal | Fraction, decimals: int = 2) -> str:
    locale = _locale()
    key = ("eur", *ratio(value), decimals, locale)
    found = _NUMBERS.get(key)
    if found is None:
        if len(_NUMBERS) > 200_000:
            _NUMBERS.clear()
        found = _NUMBERS[key] = _money(value, decimals, locale)
    return found


def _money(value: Decimal | Fraction, decimals: int, locale: str) -> str:
    rounded = to_decimal(value, decimals)
    _, positive, negative = _symbols(locale)
    before, after = negative if rounded < 0 else positive
    return before + _digits(abs(rounded), decimals, locale) + after


def long_date(value: date) -> str:
    return _long_date(value, _locale())


@lru_cache(maxsize=4096)
def _long_date(value: date, locale: str) -> str:
    if locale in _CLDR:  # both locales' long date is "d MMMM y"
        return f"{value.day} {_CLDR[locale][4][value.month - 1]} {value.year}"
    from babel.dates import format_date

    return format_date(value, format="long", locale=locale)


def short_date(value: date) -> str:
    from babel.dates import format_date

    return format_date(value, format="short" if get_language() == "en" else "d-M-yyyy", locale=_locale())
