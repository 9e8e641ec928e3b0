"""The figures in a sentence, read the Dutch way, and what extraction may have done to them.

Every figure is returned with how it was read (``1.380`` -> 1380, ``7,5%`` -> 7.5 percent,
``€ 131,37`` -> 131.37 euro) and the suspicions a person must check: a footnote marker glued
to a figure (``2023¹``, ``-1 ⁸``, ``aankoop3 521``), a thousands separator that could be a
decimal point, a year that has swallowed a footnote number (``20213``). Nothing is guessed
silently: each reading becomes a ``todo:`` note in the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from prestatiecheck.duedates import MONTHS
from prestatiecheck.i18n import t

SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "1230456789")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

# A Dutch number: 1.380 (thousands), 131,37 (decimals), 1.380,50, 30, -27, 7,5.
_NUMBER = r"[-\u2212]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-\u2212]?\d+(?:,\d+)?"
_PERCENT = re.compile(rf"(?P<n>{_NUMBER})\s*(?:%|procent\b)")
_EURO = re.compile(
    rf"(?:€|EUR\b)\s*(?P<n>{_NUMBER})(?:,-)?|(?P<n2>{_NUMBER})\s*(?:euro\b|EUR\b)", re.IGNORECASE
)
_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE})\b(?:\s+(?P<year>\d{{4}}))?", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")
_ANY_NUMBER = re.compile(rf"(?<![\w.,])(?:{_NUMBER})(?![\w]|[.,]\d)")
_GLUED_WORD = re.compile(r"\b(?P<word>[a-zà-ÿ]{3,})(?P<marker>\d{1,2})\b")
_GLUED_SUPER = re.compile(rf"(?P<before>\S*?)\s?(?P<marker>[{SUPERSCRIPTS}]+)")
_CARET_NOTE = re.compile(r"\^\[(?P<marker>\d{1,3})\]")
_YEAR_NOTE = re.compile(r"\b(?P<year>20[0-9]{2})(?P<marker>[1-9])\b")
_REFERENCE = re.compile(
    r"\b(?:afspraak|afspraken|tabel|zie|artikel|art\.|hoofdstuk|paragraaf|bijlage|nr\.|nummer|lid|actie|"
    r"thema|pijler|fase|stap|figuur|voetnoot|bladzijde|pagina|blz\.)\s+(?P<n>\d{1,3}[a-zA-Z]?"
    r"(?:\s*(?:,|en|of|en/of|t/m|-)\s*\d{1,3}[a-zA-Z]?)*)",
    re.IGNORECASE,
)
_LEGIT_GLUED = {"co", "h", "q", "stadsring", "nr", "a", "b", "c"}


@dataclass(frozen=True)
class Figure:
    """One figure found in a sentence."""

    kind: str  # percent | euro | count | year | date
    text: str  # as printed
    value: Decimal
    start: int


@dataclass
class Reading:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    clean: str = ""  # the sentence with footnote markers taken out

    def of(self, *kinds: str) -> list[Figure]:
        return [f for f in self.figures if f.kind in kinds]


def dutch_number(text: str) -> Decimal | None:
    raw = text.replace("\u2212", "-").replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def read_figures(sentence: str) -> Reading:
    """Every figure in the sentence and a note for each reading that needs a person's eye."""
    reading = Reading()
    notes = reading.notes
    clean = sentence
    for m in _CARET_NOTE.finditer(sentence):
        notes.append(t("draft_note_footnote_caret", marker=m[0]))
    clean = _CARET_NOTE.sub("", clean)
    for m in _GLUED_SUPER.finditer(clean):
        marker = m["marker"].translate(_SUPER_TO_DIGIT)
        before = m["before"] or "…"
        notes.append(t("draft_note_footnote_super", marker=m["marker"], before=before, digits=marker))
    clean = re.sub(rf"\s?[{SUPERSCRIPTS}]+", "", clean)
    for m in _GLUED_WORD.finditer(clean):
        if m["word"].lower() not in _LEGIT_GLUED:
            notes.append(t("draft_note_footnote_glued", text=m[0], word=m["word"], marker=m["marker"]))
    clean = _GLUED_WORD.sub(lambda m: m[0] if m["word"].lower() in _LEGIT_GLUED else m["word"], clean)
    for m in _YEAR_NOTE.finditer(clean):
        notes.append(t("draft_note_year_footnote", text=m[0], year=m["year"], marker=m["marker"]))
    # References to other parts of the document are not figures: "afspraak 7", "tabel 1", "zie 2".
    clean = _REFERENCE.sub(lambda m: m[0][: m.start("n") - m.start()] + "#" * len(m["n"]), clean)
    reading.clean = clean

    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(kind: str, text: str, value: Decimal | None, start: int, end: int) -> None:
        if value is None or not free(start, end):
            return
        taken.append((start, end))
        reading.figures.append(Figure(kind, text, value, start))

    for m in _DATE.finditer(clean):
        add("date", m[0], Decimal(m["year"] or 0), m.start(), m.end())
    for m in _NUMERIC_DATE.finditer(clean):
        add("date", m[0], Decimal(0), m.start(), m.end())
    for m in _PERCENT.finditer(clean):
        value = dutch_number(m["n"])
        add("percent", m[0], value, m.start(), m.end())
        if value is not None:
            notes.append(t("draft_note_percent", text=m[0].strip(), value=_plain(value)))
    for m in _EURO.finditer(clean):
        number = m["n"] or m["n2"]
        value = dutch_number(number)
        add("euro", m[0], value, m.start(), m.end())
        if value is not None:
            notes.append(t("draft_note_euro", text=m[0].strip(), value=_plain(value)))
    for m in _YEAR.finditer(clean):
        add("year", m[0], Decimal(m[0]), m.start(), m.end())
    for m in _ANY_NUMBER.finditer(clean):
        value = dutch_number(m[0])
        if value is None or not free(m.start(), m.end()):
            continue
        add("count", m[0], value, m.start(), m.end())
        if "." in m[0]:
            notes.append(t("draft_note_thousands", text=m[0], value=_plain(value)))
        elif "," in m[0]:
            notes.append(t("draft_note_decimal_comma", text=m[0], value=_plain(value)))
    reading.figures.sort(key=lambda f: f.start)
    return reading


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
