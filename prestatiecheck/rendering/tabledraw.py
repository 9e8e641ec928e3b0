"""Plain (uncoloured) text laid out exactly as rich lays it out, without rich's per-cell machinery.

rich builds a styled Text, a Padding and a list of Segments for every cell of a table,
which makes the terminal table the slowest part of a small ``check`` (about 100 ms for
a shipped example). Without colour none of that is needed: this module follows the
same steps on plain strings, using rich's own width, cutting and wrapping helpers
(``cell_len``, ``set_cell_size``, ``divide_line``, ``ratio_*``), for the one kind of
table ``rendering/table.py`` draws: ``box.SIMPLE_HEAD``, ``expand=True``,
``pad_edge=False``, ``collapse_padding=True``, padding (0, 1), every column of a
fixed width, overflow ``fold``. tests/test_table_drawing.py holds it to rich's output
over random texts and widths. Coloured output is still drawn by rich.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich._ratio import ratio_distribute, ratio_reduce
from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size


def wrap(text: str, width: int, justify: str | None = None) -> list[str]:
    """``Text(text).wrap(width, justify=..., overflow="fold")`` as plain lines (``justify`` None:
    as ``console.print`` leaves them, not padded). Texts with a tab are not handled (see
    ``drawable``)."""
    lines: list[str] = []
    for line in text.split("\n"):
        # A line that fits is not divided (divide_line breaks only where the words so far, the
        # last without its trailing spaces, exceed the width): most cells of a table fit.
        offsets = [] if cell_len(line) <= width else divide_line(line, width, fold=True)
        if offsets:
            bounds = [0, *offsets, len(line)]
            pieces = [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        else:
            pieces = [line]
        for piece in pieces:
            if len(piece) > width:  # Text.rstrip_end: whitespace beyond the width goes
                piece = piece[: max(len(piece.rstrip()), width)]
            if justify == "left":
                piece = _truncate(piece, width, pad=True)
            elif justify == "right":
                piece = _truncate(piece.rstrip(), width)
                piece = " " * (width - cell_len(piece)) + piece
            lines.append(_truncate(piece, width))
    return lines


def _truncate(text: str, width: int, pad: bool = False) -> str:
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width)
    if pad and length < width:
        return text + " " * (width - length)
    return text


def _fit(line: str, width: int) -> str:
    """A line made exactly ``width`` cells (rich's Segment.adjust_line_length, unstyled)."""
    length = cell_len(line)
    if length < width:
        return line + " " * (width - length)
    if length > width:
        return set_cell_size(line, width)
    return line


def drawable(*texts: str) -> bool:
    """Whether this module draws these texts as rich would (a tab is expanded by rich: not here)."""
    return not any("\t" in text for text in texts)


def column_widths(widths: Sequence[int], console_width: int) -> list[int]:
    """The widths rich gives the columns (padding included), as Table._calculate_column_widths."""
    count = len(widths)
    extra = 2 + count - 1  # the edges and the dividers
    max_width = console_width - extra
    padding = [0 if i == count - 1 else 1 for i in range(count)]
    if max_width < 1:
        result = [1] * count
    else:
        result = [min(w + p, max_width) or 1 for w, p in zip(widths, padding, strict=True)]
    table_width = sum(result)
    if table_width > max_width:
        # (No column may wrap: each has its width. rich reduces them evenly, then measures again.)
        result = ratio_reduce(table_width - max_width, [1] * count, result, result)
        table_width = sum(result)
        result = [
            0 if width < 1 else min(w + p, width) for width, w, p in zip(result, widths, padding, strict=True)
        ]
    if table_width < max_width:
        pads = ratio_distribute(max_width - table_width, result)
        result = [w + p for w, p in zip(result, pads, strict=True)]
    return result


def table(
    title: str,
    headers: Sequence[str],
    widths: Sequence[int],
    right: Sequence[bool],
    rows: Sequence[Sequence[str]],
    console_width: int,
) -> str | None:
    """The table as ``console.print(Table(...))`` writes it without colour (see the module's text),
    or None where this module does not follow rich (a column too narrow for a character: let rich
    draw it).

    ``widths``: the columns' own widths (``add_column(width=...)``); ``right``: which columns are
    right-justified; ``rows``: the cells' texts.
    """
    columns = column_widths(widths, console_width)
    count = len(columns)
    if any(width - (0 if i == count - 1 else 1) < 1 for i, width in enumerate(columns)):
        return None
    table_width = sum(columns) + 2 + count - 1
    out: list[str] = []
    if title:  # (rich leaves out an empty title)
        out.extend(line + "\n" for line in wrap(title, table_width, "left"))
    blank = " " * table_width + "\n"
    out.append(blank)  # the top edge of SIMPLE_HEAD is blank
    for index, cells in enumerate([headers, *rows]):
        rendered = []
        for i, text in enumerate(cells):
            width = columns[i]
            inner = width - (0 if i == count - 1 else 1)
            lines = wrap(text, inner, "right" if right[i] else "left")
            rendered.append([_fit(_fit(line, inner) + " " * (width - inner), width) for line in lines])
        height = max(len(lines) for lines in rendered)
        for i, lines in enumerate(rendered):
            missing = height - len(lines)
            if missing:
                spaces = " " * columns[i]
                # The header sits at the bottom of its row, the other rows at the top.
                rendered[i] = [spaces] * missing + lines if index == 0 else lines + [spaces] * missing
        for line_no in range(height):
            out.append(" " + " ".join(lines[line_no] for lines in rendered) + " \n")
        if index == 0:
            out.append(" " + "─" * (sum(columns) + count - 1) + " \n")
    out.append(blank)
    return "".join(out)


def printed(text: str, console_width: int) -> str:
    """``console.print(Text(text))`` without colour: wrapped at the console's width."""
    return "".join(line + "\n" for line in wrap(text, console_width))
