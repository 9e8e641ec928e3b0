"""The uncoloured table is laid out by tabledraw exactly as rich lays it out (rich draws it in colour)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from prestatiecheck.rendering import table as table_module
from prestatiecheck.rendering import tabledraw
from prestatiecheck.rendering.table import column_widths
from tests.helpers import examples

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ["Afspraak", "Partij", "Periode", "Waarde", "Norm", "Status", "Bron", "Toelichting"]
RIGHT = [False, False, False, True, False, False, False, False]


def drawn_by_rich(title: str, widths: list[int], rows: list[list[str]], width: int) -> str:
    console = Console(
        file=io.StringIO(), no_color=True, color_system=None, width=width, highlight=False, emoji=False
    )
    table = Table(
        title=Text(title),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,
    )
    for header, column_width, right in zip(HEADERS, widths, RIGHT, strict=True):
        table.add_column(header, justify="right" if right else "left", overflow="fold", width=column_width)
    for row in rows:
        table.add_row(*(Text(x) for x in row))
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


# Words as the table holds them: short and long, wide (CJK) and accented, spaces and line breaks.
WORD = st.sampled_from(
    ["a", "voldaan", "niet", "gezamenlijk", "2022-2030", "40,0%", "≥ 35%", "Toelichting", "é", "ééé",
     "漢字テスト", "x" * 17, "a" * 45, "", " ", "(interpretatie)", "Omnia Wonen"]
)  # fmt: skip
TEXT = st.lists(st.tuples(WORD, st.sampled_from([" ", " ", "  ", "\n", ""])), max_size=10).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=examples(100, long=1000), deadline=None)
@given(
    width=st.integers(min_value=40, max_value=240),
    natural=st.lists(st.integers(min_value=1, max_value=40), min_size=6, max_size=6),
    title=TEXT,
    rows=st.lists(st.lists(TEXT, min_size=8, max_size=8), max_size=4),
)
def test_tabledraw_lays_out_as_rich(
    width: int, natural: list[int], title: str, rows: list[list[str]]
) -> None:
    widths = column_widths(width, natural)
    drawn = tabledraw.table(title, HEADERS, widths, RIGHT, rows, width)
    if drawn is None:  # a column too narrow for a character: left to rich
        assert any(w < 2 for w in tabledraw.column_widths(widths, width))
        return
    assert drawn == drawn_by_rich(title, widths, rows, width)


@settings(max_examples=examples(100, long=1000), deadline=None)
@given(width=st.integers(min_value=20, max_value=240), text=TEXT)
def test_printed_text_wraps_as_rich(width: int, text: str) -> None:
    console = Console(
        file=io.StringIO(), no_color=True, color_system=None, width=width, highlight=False, emoji=False
    )
    console.print(Text(text))
    assert tabledraw.printed(text, width) == console.file.getvalue()  # type: ignore[attr-defined]


def test_a_tab_is_left_to_rich() -> None:
    assert tabledraw.drawable("a b", "c\nd")
    assert not tabledraw.drawable("a\tb")


@pytest.mark.parametrize("columns", ["40", "80", "120", "200"])
@pytest.mark.parametrize("example", ["amersfoort-2021", "soest-2021-2022", "nijkerk-2025-2027"])
def test_every_example_table_is_the_table_rich_draws(
    invoke, monkeypatch: pytest.MonkeyPatch, example: str, columns: str
) -> None:  # type: ignore[no-untyped-def]
    args = ["check", "-a", example, "-f", str(ROOT / "examples" / f"{example}.csv"), "--as-of", "2024-06-01"]
    fast = invoke(*args, env={"COLUMNS": columns})
    monkeypatch.setattr(table_module.tabledraw, "table", lambda *a, **k: None)  # rich draws every table
    slow = invoke(*args, env={"COLUMNS": columns})
    assert fast.exit_code == slow.exit_code
    assert fast.stdout == slow.stdout
    assert "─" * 20 in fast.stdout
