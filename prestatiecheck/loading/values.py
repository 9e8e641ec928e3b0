"""Reading one figure's value: numbers in the file's style, dates, never a guess.

A ``,``-separated file uses a decimal point and no thousands separator; a
``;``-separated file (Dutch Excel) uses a decimal comma and may group thousands
with dots (``1.380``, ``1.380,5``). Anything else is refused with the reading we
think was meant.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from prestatiecheck.i18n import t, thousands


class ValueProblem(ValueError):
    """The value cannot be read; the message says why and, where possible, what was meant."""


# The largest figure each unit takes (in absolute value): far beyond any real figure of a
# municipality or a corporation, far below what breaks exact arithmetic. README "Input limits".
BOUNDS: dict[str, int] = {
    "count": 10**9,
    "eur": 10**12,
    "percent": 1000,
    "pp": 1000,
    "years": 1000,
    "months": 12_000,
}
DEFAULT_BOUND = 10**12  # any other unit ("number")
MAX_DECIMALS = 6
MAX_SHOWN = 40  # characters of a value a message repeats


def shown(raw: Any) -> str:
    """A value as a message repeats it: a very long one cut short."""
    text = str(raw)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def foreign_digits(text: str) -> str | None:
    """The text with ASCII digits, when it holds digits of another script (١٥, １５); else None."""
    if text.isascii():
        return None
    out = []
    found = False
    for ch in text:
        digit = unicodedata.decimal(ch, None) if not ch.isascii() else None
        if digit is not None:
            out.append(str(digit))
            found = True
        else:
            out.append(ch)
    return "".join(out) if found else None


def check_bounds(number: Decimal, unit: str, raw: Any) -> Decimal:
    """The number, if it is a finite figure within the unit's bound and with at most six decimals."""
    if not number.is_finite():
        raise ValueProblem(t("value_not_number", value=shown(raw)))
    if abs(number) > BOUNDS.get(unit, DEFAULT_BOUND):
        raise ValueProblem(t("value_too_large", value=shown(raw), bound=bound_text(unit)))
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise ValueProblem(t("value_too_precise", value=shown(raw), decimals=MAX_DECIMALS))
    return number


def bound_text(unit: str) -> str:
    """The unit's bound as a message says it (1.000.000.000 / 1,000,000,000)."""
    return thousands(BOUNDS.get(unit, DEFAULT_BOUND))


_POINT = re.compile(r"^[-+]?\d+(\.\d+)?$")
_POINT_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}\.[0-9]{3}$")
_COMMA = re.compile(r"^[-+]?\d+(,\d+)?$")
_COMMA_GROUPED = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$")
_POINT_GROUPED = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CURRENCY = re.compile(r"^(€|eur|euro)\s*", re.IGNORECASE)


def parse_number(raw: Any, style: str, unit: str) -> Decimal:
    """A number within the unit's bounds (``check_bounds``), read in the file's style."""
    return check_bounds(_number(raw, style, unit), unit, raw)


def _number(raw: Any, style: str, unit: str) -> Decimal:
    if isinstance(raw, bool):
        raise ValueProblem(t("value_not_number", value=raw))
    if isinstance(raw, int):
        if abs(raw) > DEFAULT_BOUND * 10**6:  # (an integer of thousands of digits: not turned into text)
            raise ValueProblem(t("value_too_large", value="…", bound=bound_text(unit)))
        return Decimal(raw)
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, float):
        # openpyxl gives floats; repr is the shortest round-tripping text, so no binary noise.
        return Decimal(repr(raw))
    if isinstance(raw, (date, datetime)):
        raise ValueProblem(t("value_date_for_number", value=raw))
    text = str(raw).strip().replace("\u00a0", " ")
    ascii_text = foreign_digits(text)
    if ascii_text is not None:
        raise ValueProblem(t("value_foreign_digits", value=shown(raw), suggestion=shown(ascii_text)))
    if len(text) > 64:  # no figure is written with more characters
        raise ValueProblem(t("value_not_number", value=shown(raw)))
    if unit == "eur":
        text = _CURRENCY.sub("", text)
    if unit in ("percent", "pp") and text.endswith("%"):
        text = text[:-1].strip()
    if " " in text and re.fullmatch(r"[-+]?\d{1,3}( \d{3})+([.,]\d+)?", text):
        raise ValueProblem(t("value_space_grouping", value=raw, suggestion=text.replace(" ", "")))
    if style in ("comma", "cell"):  # "cell": text typed in a (Dutch) spreadsheet cell
        if _COMMA.match(text):
            return Decimal(text.replace(",", "."))
        if _COMMA_GROUPED.match(text):
            return Decimal(text.replace(".", "").replace(",", "."))
        if _POINT.match(text):
            key = "xlsx_value_point_in_text" if style == "cell" else "value_point_in_comma_file"
            raise ValueProblem(t(key, value=raw, suggestion=text.replace(".", ",")))
    else:
        if _POINT_THOUSANDS.match(text):
            # 1.380: a decimal number, or thousands grouped the Dutch way? (As 1,380 is.)
            decimal = text.rstrip("0") if text.endswith("0") else text + "0"
            raise ValueProblem(
                t(
                    "value_point_grouped_in_point_file",
                    value=raw,
                    grouped=text.replace(".", ""),
                    decimal=decimal,
                )
            )
        if _POINT.match(text):
            return Decimal(text)
        if _POINT_GROUPED.match(text):
            raise ValueProblem(t("value_grouped_in_point_file", value=raw, suggestion=text.replace(",", "")))
        if _COMMA.match(text):
            raise ValueProblem(t("value_comma_in_point_file", value=raw, suggestion=text.replace(",", ".")))
    with contextlib.suppress(InvalidOperation):
        Decimal(text)
    raise ValueProblem(t("value_not_number", value=raw))


def parse_date(raw: Any) -> date:
    if isinstance(raw, datetime):
        if raw.time() != datetime.min.time():
            return raw.date()
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    ascii_text = foreign_digits(text)
    if ascii_text is not None:
        raise ValueProblem(t("value_foreign_digits", value=shown(raw), suggestion=shown(ascii_text)))
    if m := _ISO.match(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _DUTCH_DATE.match(text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    elif m := _SLASH_DATE.match(text):
        raise ValueProblem(t("value_slash_date", value=raw))
    else:
        raise ValueProblem(t("value_not_date", value=raw))
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueProblem(t("impossible_date", value=raw)) from None


def parse_count(raw: Any, style: str, signed: bool) -> Decimal:
    number = parse_number(raw, style, "count")  # (within bounds: the quantize below cannot fail)
    if number != number.to_integral_value():
        raise ValueProblem(t("value_not_whole", value=raw))
    if number < 0 and not signed:
        raise ValueProblem(t("value_negative", value=raw))
    return number.quantize(Decimal(1))


def parse_value(raw: Any, style: str, unit: str, signed: bool = False) -> Decimal | date:
    if unit == "date":
        return parse_date(raw)
    if unit == "count":
        return parse_count(raw, style, signed)
    return parse_number(raw, style, unit)
