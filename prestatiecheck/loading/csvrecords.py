"""CSV records with the lines they span, and a quote left open named at the line where it opened.

A quoted cell may run over several lines: Excel writes a line break typed in a cell
(Alt+Enter) that way. A quote left open by mistake looks the same to a CSV reader,
which then swallows the rest of the file into one cell. The rule that tells them
apart (documented in the README):

- a quoted cell that spans lines ends within ``MAX_CELL_LINES`` lines and
  ``MAX_CELL_CHARS`` characters (Excel's own limit for a cell), and
- none of the lines it would swallow reads as a row of figures on its own (at least
  four fields, a period in the first one).

Otherwise the quote was left open: a problem at the line where it opened, and reading
goes on at the next line, so that the rows after it are read (and checked) as rows.
Which columns may hold a line break is for the caller to say (only a note).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Generator
from dataclasses import dataclass
from typing import NamedTuple

from prestatiecheck.periods import PeriodError, parse_period

MAX_CELL_CHARS = 32_767  # the most a cell in Excel holds
MAX_CELL_LINES = 100
ROW_FIELDS = 4  # period, party, metric, value


class Record(NamedTuple):
    fields: list[str]
    first: int  # the line it starts on (1-based)
    last: int  # the line it ends on


@dataclass(frozen=True)
class OpenQuote:
    """A quote opened on ``line`` and never closed as a cell that spans lines may be."""

    line: int
    reason: str  # "row" (line ``until`` is a row of its own) | "long" | "end" (the end of the file)
    until: int


class _Abort(Exception):
    def __init__(self, found: OpenQuote):
        self.found = found
        super().__init__(found.reason)


class _Lines:
    """The physical lines for csv.reader, watching the lines a record continues on."""

    def __init__(self, lines: list[str], offset: int, delimiter: str):
        self.lines = lines
        self.position = offset  # index of the next line to hand out
        self.delimiter = delimiter
        self.start: int | None = None  # index of the current record's first line
        self.chars = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            raise StopIteration
        line = self.lines[self.position]
        if self.start is None:
            self.start = self.position
            self.chars = len(line)
        else:  # csv asks for more before the record is complete: a quoted cell runs on
            self.chars += len(line)
            first = self.start + 1
            if looks_like_row(line, self.delimiter):
                raise _Abort(OpenQuote(first, "row", self.position + 1))
            if self.chars > MAX_CELL_CHARS or self.position - self.start >= MAX_CELL_LINES:
                raise _Abort(OpenQuote(first, "long", self.position + 1))
        self.position += 1
        return line


def looks_like_row(line: str, delimiter: str) -> bool:
    """A line that is a row of figures by itself: four or more fields, a period in the first."""
    if line.count(delimiter) < ROW_FIELDS - 1:
        return False
    fields = next(csv.reader([line], delimiter=delimiter), [])
    if len(fields) < ROW_FIELDS:
        return False
    try:
        parse_period(fields[0].strip())
    except PeriodError:
        return False
    return True


def _closed(text: str, delimiter: str) -> bool:
    """Whether every quote in a record's text is closed (a strict reader reaches its end)."""
    try:
        list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        return False
    return True


@dataclass(frozen=True)
class Malformed:
    """A line the csv module refuses (a NUL character, a cell beyond its size limit)."""

    line: int
    reason: str


Result = Record | OpenQuote | Malformed


def records(text: str, delimiter: str) -> Generator[Result, None, None]:
    """Every record of the text with its lines; an ``OpenQuote`` where a quote runs away.

    After an open quote, reading goes on at the next line that is a row by itself (the
    lines before it were meant as the text of the cell); after a line the csv module
    refuses, at the line after it. Records on one line each are read by the csv module
    alone; only a record that spans lines (or that the module refuses) is read again
    line by line to see where a quote runs away.
    """
    lines = io.StringIO(text, newline="").readlines()
    offset = 0
    while offset < len(lines):
        offset = yield from _fast(lines, offset, delimiter)


def _fast(lines: list[str], offset: int, delimiter: str) -> Generator[Result, None, int]:
    """Records from line index ``offset`` until one needs a closer look; returns where to go on."""
    reader = csv.reader(itertools.islice(lines, offset, None), delimiter=delimiter)
    consumed = 0  # lines the reader has taken
    while True:
        start = offset + consumed
        try:
            fields = next(reader)
        except StopIteration:
            return len(lines)
        except csv.Error:
            found, after = _careful(lines, start, delimiter)
            yield found
            return after
        consumed = reader.line_num
        last = offset + consumed
        if last - start > 1:  # a quoted cell ran over lines: a note, or a quote left open?
            found, after = _careful(lines, start, delimiter)
            yield found
            if not isinstance(found, Record) or after != last:
                return after
            continue
        yield Record(fields, start + 1, last)


def _next_row(lines: list[str], index: int, delimiter: str) -> int:
    """The index of the first line from ``index`` on that is a row by itself (past the end if none)."""
    return next((i for i in range(index, len(lines)) if looks_like_row(lines[i], delimiter)), len(lines))


def _careful(lines: list[str], start: int, delimiter: str) -> tuple[Result, int]:
    """The record that starts at line index ``start``, read line by line; and where to go on."""
    source = _Lines(lines, start, delimiter)
    reader = csv.reader(source, delimiter=delimiter)
    try:
        fields = next(reader)
    except StopIteration:  # pragma: no cover - there is a line at ``start``
        return Malformed(start + 1, "no record"), len(lines)
    except _Abort as e:
        resume = e.found.until - 1 if e.found.reason == "row" else e.found.line
        return e.found, _next_row(lines, resume, delimiter)
    except csv.Error as e:
        return Malformed(start + 1, str(e)), start + 1
    last = source.position
    if last - start > 1 and last == len(lines) and not _closed("".join(lines[start:last]), delimiter):
        return OpenQuote(start + 1, "end", last), _next_row(
            lines, start + 1, delimiter
        )  # the file ended inside
    return Record(fields, start + 1, last), last
