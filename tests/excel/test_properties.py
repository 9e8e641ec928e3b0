"""Properties: a Dutch number typed as text in a cell, or a number cell, reads as the number meant."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from prestatiecheck.loading.values import parse_value
from prestatiecheck.loading.xlsx import Cell, cell_value, excel_decimal

amounts = st.decimals(min_value=Decimal("-999999999.99"), max_value=Decimal("999999999.99"), places=2)


def dutch(number: Decimal, grouped: bool) -> str:
    """How a Dutch spreadsheet user types it: 1.380,5 (or 1380,5)."""
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return sign + whole + ("," + fraction if fraction else "")


@given(amounts, st.booleans())
def test_dutch_text_cells_read_as_meant(number: Decimal, grouped: bool) -> None:
    text = dutch(number, grouped)
    raw = cell_value(Cell(f" {text} ", "s", "General"))
    assert parse_value(raw, "cell", "eur", signed=True) == number


@given(amounts)
def test_number_cells_read_as_shown(number: Decimal) -> None:
    raw = cell_value(Cell(float(number), "n", "General"))
    assert parse_value(raw, "cell", "eur", signed=True) == number


@given(st.integers(min_value=0, max_value=10**9))
def test_whole_numbers_stay_whole(count: int) -> None:
    assert parse_value(cell_value(Cell(count, "n", "General")), "cell", "count") == count
    assert parse_value(cell_value(Cell(float(count), "n", "General")), "cell", "count") == count


def test_excel_shows_fifteen_digits() -> None:
    assert excel_decimal(0.1 + 0.2) == Decimal("0.3")
