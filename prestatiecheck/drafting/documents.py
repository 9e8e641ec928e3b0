"""An agreement document -> blocks of text (paragraphs and table rows) under their headings.

Three readers, one result: ``.txt`` (also the Markdown-like and tab-separated extractions
of the seeds, with stray HTML such as ``<p>`` and ``<br>``), ``.pdf`` (pypdf's text, page
by page, then read as text) and ``.docx`` (python-docx: paragraphs with their heading
styles, and tables row by row). Layout is lost in every extraction; what the readers keep
is the order, the heading a block stands under, the afspraak number where a line starts
with one, and where the block is (line, or page).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prestatiecheck.errors import InputError
from prestatiecheck.i18n import t
from prestatiecheck.loading.resources import display_path
from prestatiecheck.loading.textfile import Unreadable, decode_text, read_bytes
from prestatiecheck.model import Location, Problem

SUFFIXES = (".txt", ".md", ".pdf", ".docx")
BREAK = "\u2029"  # a break inside a block (</p>, <li>, a bullet): sentences never run across it


@dataclass(frozen=True)
class Block:
    """A paragraph (``kind == "text"``) or a table row (``kind == "row"``)."""

    kind: str
    text: str
    heading: str
    article: str
    line: int = 0
    page: int = 0
    cells: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    trekker: str = ""


@dataclass
class Document:
    path: Path
    shown: str
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    party_names: dict[str, str] = field(default_factory=dict)  # short name -> full name, from the head

    def location(self, block: Block) -> Location:
        return Location(self.shown, block.line)


def read_document(path: Path) -> Document:
    """The document's blocks; an unreadable or unsupported file raises InputError naming it."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            [Problem(Location(shown), t("draft_unsupported_document", suffixes=", ".join(SUFFIXES)))]
        )
    try:
        data = read_bytes(path, display=shown)
    except Unreadable as e:
        raise InputError([e.problem]) from None
    document = Document(path, shown)
    reader = _Reader()
    if suffix == ".pdf":
        pages = _pdf_pages(data, shown)
        lines = [(line, page) for page, text in enumerate(pages, 1) for line in text.splitlines()]
        document.blocks = list(_text_blocks(reader, ((text, 0, page) for text, page in lines)))
    elif suffix == ".docx":
        document.blocks = list(_docx_blocks(reader, data, shown))
    else:
        try:
            text = decode_text(data, shown, fallback="cp1252")
        except Unreadable as e:
            raise InputError([e.problem]) from None
        numbered = ((line, n, 0) for n, line in enumerate(text.splitlines(), 1))
        document.blocks = list(_text_blocks(reader, numbered))
    if not any(b.text.strip() for b in document.blocks):
        raise InputError([Problem(Location(shown), t("draft_no_text"))])
    document.title = _title(reader.headings[:10], document.blocks)
    document.party_names = _party_names(document.blocks)
    return document


def _pdf_pages(data: bytes, shown: str) -> list[str]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError([Problem(Location(shown), t("draft_pdf_encrypted"))])
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise InputError([Problem(Location(shown), t("draft_pdf_unreadable", reason=str(e)))]) from None


def _docx_blocks(reader: _Reader, data: bytes, shown: str) -> Iterator[Block]:
    import io
    import zipfile

    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError([Problem(Location(shown), t("draft_docx_missing"))]) from None
    try:
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError([Problem(Location(shown), t("draft_docx_unreadable", reason=str(e)))]) from None
    position = 0
    for item in doc.iter_inner_content():
        position += 1
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            text = item.text.strip()
            if not text:
                yield from reader.flush()
                continue
            if style.lower().startswith(("heading", "kop", "title", "titel")):
                yield from reader.flush()
                reader.set_heading(text)
                continue
            yield from reader.line(text, position, 0)
            yield from reader.flush()
        elif isinstance(item, Table):
            yield from reader.flush()
            for row in item.rows:
                yield from reader.cells(_unique_cells(row.cells), position, 0)
            reader.columns = ()


def _unique_cells(cells: Iterable[Any]) -> list[str]:
    """A merged cell comes back once per grid column (the same cell element): keep it once."""
    out: list[str] = []
    previous = None
    for cell in cells:
        if cell._tc is previous:
            continue
        previous = cell._tc
        out.append(" ".join(cell.text.split()))
    return out


_TAG_BREAK = re.compile(r"</?(?:p|li|ul|ol|tr|div)\b[^>]*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_CHAPTER = re.compile(r"^\s*(?:hoofdstuk|artikel|bijlage|paragraaf|thema)\s+\S", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
_TABLE_TITLE = re.compile(r"^\s*(?:tabel|table|overzicht)\s+\d+\b", re.IGNORECASE)
_ARTICLE = re.compile(
    r"^\s*(?:[xX]\s+)?(?P<nr>\d{1,2}[A-Z]?)(?:\)|\.(?=\s)|(?=\s))\s*(?=[A-Z\u00C0-\u00DD(‘'\"]|Actie\b)"
)
_ACTION = re.compile(r"^Actie\s+(?P<year>\d{4})\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-\u2022\u2013\u25aa\uf0b7\uf0a7*]|o(?=\s))\s+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_TEXT_ROW = re.compile(
    r"^(?P<label>[^\d\s][^\t]{1,80}?[A-Za-z)\u00b9\u00b2\u00b3\u2070-\u2079\d])\s+"
    r"(?P<numbers>(?:[-\u2212]?\d[\d.,]*\s+)+[-\u2212]?\d[\d.,]*)\s*$"
)
_NUMBERS_ONLY = re.compile(r"^\s*(?:[-\u2212]?\d[\d.,]*\s+)+[-\u2212]?\d[\d.,]*\s*$")
_NUMBERISH = re.compile(r"^[-+\u2212]?\s*(?:€\s*)?[\d.,]+\s*%?(?:\s*[\u00b9\u00b2\u00b3\u2070-\u2079]+)?$")


def is_number_cell(cell: str) -> bool:
    return bool(_NUMBERISH.match(cell.strip())) and any(ch.isdigit() for ch in cell)


def _clean(text: str) -> str:
    text = _TAG_BREAK.sub(BREAK, text)
    text = _TAG.sub("", text)
    text = text.replace("**", "").replace("&nbsp;", " ").replace("&amp;", "&")
    return text


def _text_blocks(reader: _Reader, lines: Iterable[tuple[str, int, int]]) -> Iterator[Block]:
    for raw, line_no, page in lines:
        yield from reader.raw_line(raw, line_no, page)
    yield from reader.flush()


class _Reader:
    """Turns lines into blocks, remembering the heading and the afspraak number above them."""

    def __init__(self) -> None:
        self.heading = ""
        self.article = ""
        self.parts: list[str] = []
        self.start = (0, 0)
        self.columns: tuple[str, ...] = ()
        self.trekker = ""
        self.blank = False  # a blank line was seen after the last text line
        self.headings: list[str] = []

    def set_heading(self, text: str) -> None:
        self.heading = " ".join(text.split()).strip(" :|")
        self.article = ""
        self.headings.append(self.heading)

    def flush(self) -> Iterator[Block]:
        text = " ".join(" ".join(self.parts).split(" "))
        text = re.sub(r"[ \t]+", " ", text).strip()
        if text.strip(BREAK + " "):
            yield Block(
                "text",
                text,
                self.heading,
                self.article or self.heading,
                self.start[0],
                self.start[1],
                trekker=self.trekker,
            )
        self.parts = []
        self.trekker = ""

    def raw_line(self, raw: str, line_no: int, page: int) -> Iterator[Block]:
        if raw.lstrip().startswith("|"):
            yield from self.flush()
            if _TABLE_SEPARATOR.match(raw.strip().strip("|")):
                return
            cells = [
                " ".join(_clean(c).replace(BREAK, " ").split()) for c in raw.strip().strip("|").split("|")
            ]
            yield from self.cells(cells, line_no, page)
            return
        if "\t" in raw and raw.strip():
            yield from self.flush()
            cells = [_clean(c).strip() for c in raw.split("\t")]
            yield from self.tab_row([c for c in cells if c.strip(BREAK + " ")], line_no, page)
            return
        self.columns = ()
        text = _clean(raw)
        if not text.strip(BREAK + " "):
            self.blank = True  # a paragraph ends here, unless the next line carries on the sentence
            return
        if _NUMBERS_ONLY.match(text) and self.parts:
            label = " ".join(" ".join(self.parts).replace(BREAK, " ").split())
            if len(label) <= 120 and label[-1:] not in ".:;!?":  # the label on the line(s) above
                self.parts, self.blank = [], False
                yield from self.cells([label, *text.split()], line_no, page)
                return
        if self.blank:
            self.blank = False
            if not self._carries_on(text):
                yield from self.flush()
        if m := _TEXT_ROW.match(text.strip()):  # a table row whose columns extraction flattened
            yield from self.flush()
            cells = [m["label"].strip(), *m["numbers"].split()]
            yield from self.cells(cells, line_no, page)
            return
        yield from self.line(text, line_no, page)

    def _carries_on(self, text: str) -> bool:
        """Whether a line after a blank line continues the paragraph (double-spaced extraction)."""
        if not self.parts:
            return False
        last = self.parts[-1].rstrip()
        first = text.strip()[:1]
        return bool(last) and last[-1] not in ".:;!?" and (first.islower() or first in "(,")

    def line(self, text: str, line_no: int, page: int) -> Iterator[Block]:
        stripped = text.strip()
        if not stripped.strip(BREAK):
            yield from self.flush()
            return
        if m := _MD_HEADING.match(stripped):
            yield from self.flush()
            self.set_heading(m[1])
            return
        if _is_heading(stripped) and not self.parts:
            self.set_heading(stripped)
            if _TABLE_TITLE.match(stripped):  # a table's title is also what a rule may quote
                self.start = (line_no, page)
                self.parts = [stripped]
                yield from self.flush()
            return
        if _TABLE_TITLE.match(stripped):
            yield from self.flush()
            self.set_heading(stripped)
            self.start = (line_no, page)
            self.parts = [stripped]
            yield from self.flush()
            return
        if m := _ARTICLE.match(stripped):
            yield from self.flush()
            rest = stripped[m.end() :]
            self.article = _article_name(m["nr"], rest)
            stripped = rest
        elif _BULLET.match(stripped):
            stripped = BREAK + _BULLET.sub("", stripped)
        if not self.parts:
            self.start = (line_no, page)
        if self.parts and self.parts[-1].endswith("-") and stripped[:1].islower():
            self.parts[-1] = self.parts[-1][:-1] + stripped  # a word broken over two lines
        else:
            self.parts.append(stripped)

    def tab_row(self, cells: list[str], line_no: int, page: int) -> Iterator[Block]:
        if not cells:
            return
        first = cells[0].strip(BREAK + " ")
        if first.lower().rstrip(".") in ("nr", "no", "nummer"):
            return  # a header row: Nr. | Afspraken | Trekker
        numeric = [c for c in cells[1:] if is_number_cell(c)]
        if len(numeric) >= 1 and len(numeric) == len(cells) - 1:
            yield from self.cells(cells, line_no, page)
            return
        if re.fullmatch(r"\d{1,3}[A-Za-z]?", first) and len(cells) >= 2:
            body = max(cells[1:], key=len)
            self.article = _article_name(first, body)
            self.start = (line_no, page)
            self.parts = [body]
            # the last column of an afspraken table names who is responsible (the trekker)
            self.trekker = cells[-1] if cells[-1] is not body and len(cells) > 2 else ""
            yield from self.flush()
            return
        if len(cells) >= 2 and all(len(c) < 40 for c in cells):
            self.columns = tuple(" ".join(c.replace(BREAK, " ").split()) for c in cells)
            return
        self.start = (line_no, page)
        self.parts = [" ".join(cells)]
        yield from self.flush()

    def cells(self, cells: list[str], line_no: int, page: int) -> Iterator[Block]:
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not any(cells):
            return
        numbers = [c for c in cells[1:] if is_number_cell(c)]
        if not numbers:
            if len(cells) >= 2 and not self.columns:
                self.columns = tuple(cells)
                return
            self.start = (line_no, page)
            self.parts = [" ".join(c for c in cells if c)]
            yield from self.flush()
            return
        if len(numbers) < 2 and len(cells) <= 2:  # "Inleiding | 4": a table of contents, not figures
            return
        yield Block(
            "row",
            " ".join(c for c in cells if c),
            self.heading,
            self.article or self.heading,
            line_no,
            page,
            cells=tuple(cells),
            columns=self.columns,
        )


def _is_heading(text: str) -> bool:
    text = text.strip(BREAK + " ")
    if not text or len(text) > 90:
        return False
    if _CHAPTER.match(text) or _NUMBERED_HEADING.match(text) and not text.endswith("."):
        return True
    if _TABLE_TITLE.match(text):
        return True
    if text.endswith((".", ",", ";", ":")) or not text[0].isupper() and not text[0].isdigit():
        return False
    words = text.split()
    digits = re.sub(r"^\d{1,2}\.?\s+", "", text)
    return len(words) <= 6 and not re.search(r"\d", digits) and text[0] != "("


def _article_name(number: str, text: str) -> str:
    if m := _ACTION.match(text.strip()):
        return f"Actie {m['year']} nr. {number}"
    return number


_HEAD_NAME = re.compile(
    r"(?P<full>[^,:;\n]{3,120}?),?\s*(?:hierna(?: te)? noemen|hierna genoemd|hierna)\s*:?\s*"
    r"[\"'‘“]?(?P<short>[^\"'’”,.;]{2,60})",
    re.IGNORECASE,
)


def _party_names(blocks: list[Block]) -> dict[str, str]:
    """'X, hierna te noemen: Y' in the head of the document: Y -> X."""
    names: dict[str, str] = {}
    for block in blocks[:80]:
        for m in _HEAD_NAME.finditer(block.text.replace(BREAK, " ")):
            short = m["short"].strip().strip("'\"‘’“”")
            full = re.sub(r"^(?:\d+\.\s*|en\s+)", "", m["full"].strip().strip("'\"")).strip()
            if short and len(short.split()) <= 5:
                names.setdefault(short, full)
    return names


def _title(headings: list[str], blocks: list[Block]) -> str:
    for heading in headings:
        if re.search(r"(prestatie|samenwerkings)afspraken", heading, re.IGNORECASE):
            return heading[:120]
    for block in blocks[:20]:
        for candidate in (block.heading, block.text):
            if re.search(r"(prestatie|samenwerkings)afspraken", candidate, re.IGNORECASE):
                return " ".join(candidate.replace(BREAK, " ").split())[:120]
    return ""
