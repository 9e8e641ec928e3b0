"""A paragraph -> its sentences, the way a Dutch agreement writes them.

A sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital, a digit or an
opening quote; not after an abbreviation (``o.a.``, ``m.b.t.``, ``t/m``, ``nr.``, ``bijv.``),
a single letter (``J.A.B.M.``) or inside a number (``1.380``). A list item (a bullet, a
``<li>``) is a sentence of its own. A semicolon ends a sentence only between list items.
"""

from __future__ import annotations

import re

from prestatiecheck.drafting.documents import BREAK

ABBREVIATIONS = frozenset(
    [
        "o.a",
        "a.s",
        "bijv",
        "bv",
        "ca",
        "dhr",
        "mevr",
        "mw",
        "nr",
        "nrs",
        "resp",
        "incl",
        "excl",
        "zgn",
        "m.n",
        "d.w.z",
        "i.s.m",
        "m.b.t",
        "t.a.v",
        "t.b.v",
        "i.v.m",
        "e.d",
        "e.a",
        "etc",
        "enz",
        "art",
        "lid",
        "blz",
        "p",
        "pag",
        "vs",
        "mln",
        "mld",
        "jr",
        "max",
        "min",
        "evt",
        "ivm",
        "tbv",
        "tav",
        "mbt",
        "ism",
        "gem",
        "o.b.v",
        "n.a.v",
        "m.u.v",
        "i.c.m",
        "i.p.v",
        "c.q",
        "dr",
        "ir",
        "drs",
        "ing",
        "mr",
        "prof",
        "st",
        "ong",
        "vgl",
    ]
)
_END = re.compile(r"(?<=[.!?])[\"'’”)]?\s+(?=[A-Z\u00C0-\u00DD0-9\"'‘“(€-])")


def split_sentences(text: str) -> list[str]:
    """The sentences of a block, verbatim (whitespace collapsed), in order."""
    out: list[str] = []
    for piece in text.split(BREAK):
        piece = " ".join(piece.split())
        if not piece:
            continue
        start = 0
        for m in _END.finditer(piece):
            before = piece[start : m.start()].rstrip("\"'’”)")
            if _is_abbreviation(before):
                continue
            sentence = piece[start : m.start()].strip()
            if sentence:
                out.append(sentence + piece[m.start() : m.end()].strip())
            start = m.end()
        rest = piece[start:].strip()
        if rest:
            out.append(rest)
    return [s.strip() for s in out if s.strip()]


def _is_abbreviation(before: str) -> bool:
    """Whether the full stop at the end of ``before`` belongs to an abbreviation."""
    if not before.endswith("."):
        return False
    word = before[:-1].rsplit(" ", 1)[-1].lower().lstrip("(\"'‘“")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: J.A.B.M. van der Burgt
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # o.a, m.b.t, d.w.z
