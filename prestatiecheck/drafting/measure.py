"""How a draft compares with a finished rule file (used by bench/draft_recall.py and the tests).

A candidate matches a shipped quote when, after normalising whitespace, footnote markers and
markup, one contains the other, or they share a run of at least 40 characters (or half the
shorter text); a quote with omissions ("...") matches when one of its pieces does. A table
row matches a rule that quotes its table's title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from prestatiecheck.drafting.promises import Candidate

_MARKS = re.compile(r"\^\[\d+\]|[\u00b9\u00b2\u00b3\u2070-\u2079]|</?[a-z][^>]*>|\*\*|[|]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", _MARKS.sub(" ", str(text))).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def fragments(quote: str) -> list[str]:
    """A quote with omissions ("...", "…") is several verbatim pieces."""
    pieces = [normalise(p) for p in re.split(r"\.\.\.|…|\[\.\.\.\]", quote)]
    return [p.strip(" .,;:") for p in pieces if len(p.strip(" .,;:")) >= 8]


def matches(candidate: Candidate, quote: str) -> bool:
    if candidate.from_row and candidate.heading and normalise(candidate.heading) == normalise(quote):
        return True
    cand = normalise(candidate.quote)
    pieces = fragments(quote)
    if not pieces or not cand:
        return False
    for piece in pieces:
        if piece in cand or (len(cand) >= 30 and cand in piece):
            return True
        m = SequenceMatcher(None, cand, piece, autojunk=False).find_longest_match()
        if m.size >= min(40, max(12, min(len(cand), len(piece)) // 2)):
            return True
    return False


@dataclass
class Measurement:
    rules: int = 0
    found: int = 0
    as_context: int = 0
    candidates: int = 0
    precise: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (ref, "missed"|"context", quote)

    def add(self, other: Measurement) -> None:
        self.rules += other.rules
        self.found += other.found
        self.as_context += other.as_context
        self.candidates += other.candidates
        self.precise += other.precise


def measure(found: Sequence[Candidate], shipped: Mapping[str, Any]) -> Measurement:
    """Compare a draft's candidates with a shipped rule file's data (rules and context)."""
    rules = [(str(r["source"]["quote"]), str(r["ref"])) for r in shipped["rules"]]
    context = [str(c.get("quote") or c.get("title") or "") for c in shipped.get("context") or []]
    proposed = [c for c in found if c.kind]
    as_context = [c for c in found if not c.kind]
    out = Measurement(rules=len(rules), candidates=len(proposed))
    for quote, ref in rules:
        if any(matches(c, quote) for c in proposed):
            out.found += 1
        elif any(matches(c, quote) for c in as_context):
            out.as_context += 1
            out.missed.append((ref, "context", quote))
        else:
            out.missed.append((ref, "missed", quote))
    quotes = [q for q, _ in rules] + context
    out.precise = sum(1 for c in proposed if any(matches(c, q) for q in quotes))
    return out
