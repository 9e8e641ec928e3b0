"""Exact numbers as integer ratios: what the judges and the decimals chooser compare in.

Cross-multiplying two ints is exact and, over hundreds of thousands of results,
much cheaper than ``Fraction`` arithmetic (whose constructor and comparisons are
pure Python).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def ratio(x: Fraction | Decimal | int) -> tuple[int, int]:
    """x as (numerator, denominator) with a positive denominator, without building a Fraction."""
    kind = type(x)  # (isinstance on Fraction goes through ABCMeta: slow in a hot loop)
    if kind is int:
        return x, 1  # type: ignore[return-value]
    if kind is Fraction:
        return x.numerator, x.denominator  # type: ignore[union-attr]
    if kind is Decimal:
        return x.as_integer_ratio()  # type: ignore[union-attr]
    exact = Fraction(x)
    return exact.numerator, exact.denominator
