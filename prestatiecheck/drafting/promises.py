"""A sentence (or a table row) -> a candidate rule, a context item, or nothing.

A sentence holds a checkable promise when it has a figure (a percentage, an amount, a
count, a duration) or a date or deadline wording ("vóór 1 april", "uiterlijk", "in 2022",
"jaarlijks", "per kwartaal"). The check kind follows from what it holds: a percentage is a
share (of new-build projects: a project share; "tussen 25 en 35%": a band), an amount in
euro or a duration is a value, dwellings to add, build, sell or demolish are a target, other
counts ("minimaal 2 bijeenkomsten") a count, and a date without a figure a deadline. The
direction comes from the words around the figure ("maximaal", "ten hoogste", "niet meer
dan" -> max; "ten minste", "minimaal" -> min). Sentences that promise something without a
figure or date are context. Everything proposed is a guess for a person to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from prestatiecheck.drafting.documents import Block, is_number_cell
from prestatiecheck.drafting.numbers import Figure, Reading, dutch_number, read_figures
from prestatiecheck.drafting.sentences import split_sentences
from prestatiecheck.duedates import MONTHS, DueDateError, parse_due
from prestatiecheck.i18n import t

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
MAX_WORDS = re.compile(
    r"\b(?:maximaal|max\.|ten hoogste|hoogstens|hooguit|niet meer dan|niet hoger dan|minder dan|"
    r"lager dan|onder|tot(?: een)? maximum van|tot)\s*$",
    re.IGNORECASE,
)
MIN_WORDS = re.compile(
    r"\b(?:minimaal|min\.|ten minste|tenminste|minstens|op zijn minst|niet minder dan|meer dan|"
    r"langer dan|ruim|boven|vanaf)\s*$",
    re.IGNORECASE,
)
STRICT_WORDS = re.compile(r"\b(?:meer dan|minder dan|langer dan|korter dan|onder|boven)\s*$", re.IGNORECASE)
_OR_MORE = re.compile(r"^\s*(?:\w+\s+){0,2}(?:of meer|of langer|of hoger)\b", re.IGNORECASE)
_OR_LESS = re.compile(r"^\s*(?:\w+\s+){0,2}(?:of minder|of korter|of lager)\b", re.IGNORECASE)
_BAND = re.compile(
    r"(?:tussen\s+)?(?P<lo>\d+(?:,\d+)?)\s*%?\s*(?:en|tot|-|–)\s*(?P<hi>\d+(?:,\d+)?)\s*%", re.IGNORECASE
)
_PROJECT_WORDS = re.compile(
    r"\b(?:project|projecten|nieuwbouwproject\w*|bouwplan\w*|plannen|programmer\w*)\b", re.I
)
_DWELLING_WORDS = re.compile(
    r"\b(?:\w*woningen|wooneenheden|eenheden|huurwoningen|appartementen|units|woonwagen\w*|standplaatsen)\b",
    re.I,
)
_ADD_WORDS = re.compile(
    r"\b(?:toe\s?\w*|toevoeg\w*|toename|groei\w*|realiser\w*|bouw\w*|opleveren|opgeleverd|oplevering\w*|"
    r"verko\w+|sloop|slopen|sloopt|liberalis\w*|aankoop|aankopen|transformat\w*|netto|bruto|per saldo|"
    r"verduurza\w*|label\w*|renover\w*)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"(?P<n>\d+(?:,\d+)?)\s*(?P<unit>jaar|jaren|maanden|maand|weken|dagen)\b", re.I)
_TIMES = re.compile(
    r"\b(?:(?P<n>\d+|een|één|twee|drie|vier|vijf|zes)\s*(?:keer|maal)\s+per\s+(?P<per>jaar|kwartaal|maand))\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}
_QUARTERLY = r"\b(?:per kwartaal|elk kwartaal|ieder kwartaal|kwartaalrapportage\w*|vier keer per jaar)\b"
_HALF_YEARLY = (
    r"\b(?:halfjaarlijks\w*|elk half jaar|ieder half jaar|per half jaar|elke zes maanden|"
    r"twee keer per jaar|tweemaal per jaar|2 keer per jaar)\b"
)
_YEARLY = (
    r"\b(?:jaarlijks\w*|ieder jaar|elk jaar|elke twee jaar|iedere twee jaar|om het jaar|per jaar|"
    r"van ieder jaar|van elk jaar|jaarschijf|jaarverslag\w*)\b"
)
RECURRENCE = (
    (re.compile(_QUARTERLY, re.I), "quarterly"),
    (re.compile(_HALF_YEARLY, re.I), "half-yearly"),
    (re.compile(_YEARLY, re.I), "yearly"),
)
_DUE_PATTERNS = (
    rf"(?:vóór|voor|uiterlijk op|uiterlijk|op|per)\s+\d{{1,2}}\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?",
    r"(?:in\s+)?(?:het\s+)?(?:eerste|tweede|derde|vierde|laatste)\s+kwartaal(?:\s+(?:van\s+)?\d{4})?",
    r"\bQ[1-4](?:\s*[-/]\s*Q?[1-4])?\s+(?:van\s+)?\d{4}",
    r"(?:in\s+)?(?:de\s+)?(?:eerste|tweede)\s+(?:helft|halfjaar|half jaar)(?:\s+(?:van\s+)?\d{4})?",
    r"(?:voor eind|uiterlijk eind|uiterlijk in|voor het einde van|aan het eind van|eind|einde|begin|medio)"
    r"\s+\d{4}",
    rf"(?:eind|einde|medio|begin|uiterlijk in|in)\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?",
    r"(?:uiterlijk|in|gedurende)\s+\d{4}(?![-–/]\d)",
)
_DUE = re.compile("|".join(f"(?:{p})" for p in _DUE_PATTERNS), re.IGNORECASE)
_DEADLINE_WORDS = re.compile(
    r"\b(?:vóór|uiterlijk|deadline|termijn|binnen \d+ (?:dagen|weken|maanden))\b", re.I
)
COMMITMENT = re.compile(
    r"\b(?:zetten zich (?:\w+ )?in|spannen zich (?:\w+ )?in|zet zich (?:\w+ )?in|spant zich (?:\w+ )?in|"
    r"streven|streeft|garander\w*|zorgen|zorgt|verplicht\w*|leveren|levert|realiseren|realiseert|"
    r"wijzen|wijst|stellen|stelt|bespreken|bespreekt|evalueren|evalueert|monitoren|monitort|"
    r"rapporteren|rapporteert|informeren|informeert|betrekken|betrekt|maken|maakt|onderzoeken|onderzoekt|"
    r"organiseren|organiseert|nemen|neemt|werken|werkt|gaan|gaat|zullen|zal|blijven|blijft|"
    r"bieden|biedt|dragen|draagt|houden|houdt|voeren|voert|passen|past|verhuren|verhuurt|bouwen|bouwt|"
    r"toewijzen|afspraken|afspreken|spreken af|committeren|moeten|moet|willen|wil|we|wij|partijen)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|waren|werd|werden|hebben\s+\w+\s+gedaan|is\s+(?:\w+\s+){0,6}(?:vastgesteld|gedaan|gebleken|"
    r"opgesteld|ingevoerd|gerealiseerd)|blijkt|bleek|bleken)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\b(?:onder)?getekend\s+(?:op|te|door)\b|\bondertekend\s+(?:op|te|door)\b", re.IGNORECASE
)
_QUOTA = re.compile(r"\btaakstelling\w*\b", re.IGNORECASE)
_HALF = re.compile(r"\b(?:de|het) helft\b", re.IGNORECASE)
_TWICE = re.compile(r"\b(?:tweemaal|twee keer|driemaal|drie keer)\b", re.IGNORECASE)


@dataclass
class PartyGuess:
    id: str
    name: str
    role: str
    words: tuple[str, ...]  # how the document names it


@dataclass
class Candidate:
    """A proposed rule (``kind`` set) or context item (``kind`` None), with its place and doubts."""

    quote: str
    article: str
    heading: str
    line: int
    page: int
    title: str
    kind: str | None = None
    check: dict[str, Any] = field(default_factory=dict)
    parties: list[str] = field(default_factory=list)
    obligation: str = "inspanning"
    notes: list[str] = field(default_factory=list)
    from_row: bool = False  # a table row (its heading is the table's title)


def candidates(
    blocks: list[Block], parties: list[PartyGuess], period: tuple[int, int] | None
) -> list[Candidate]:
    """One candidate per sentence or table row that promises something, in document order."""
    out: list[Candidate] = []
    for block in blocks:
        if block.kind == "row":
            row = _row_candidate(block, parties)
            if row is not None:
                out.append(row)
            continue
        sentences = split_sentences(block.text)
        title = _block_title(sentences, block)
        for sentence in sentences:
            found = _sentence_candidate(sentence, block, title, parties, period)
            if found is not None:
                out.append(found)
    return out


def _block_title(sentences: list[str], block: Block) -> str:
    if sentences and len(sentences[0].split()) <= 8 and not sentences[0].endswith((".", ":")):
        return sentences[0]
    return ""


def _short_title(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:10]).rstrip(",;:") + (" …" if len(words) > 10 else "")


def _sentence_candidate(
    sentence: str, block: Block, title: str, parties: list[PartyGuess], period: tuple[int, int] | None
) -> Candidate | None:
    words = sentence.split()
    if len(words) < 4 or sentence == title or _SIGNED.search(sentence) or "hierna te noemen" in sentence:
        return None  # the head of the document: who signed, and when
    reading = read_figures(sentence)
    candidate = Candidate(
        quote=sentence,
        article=block.article,
        heading=block.heading,
        line=block.line,
        page=block.page,
        title=title or _short_title(sentence),
    )
    candidate.parties = named_parties(sentence, parties) or named_parties(block.trekker, parties)
    if re.search(r"\bgarander\w*|\bverplicht\w*|\bmoet(?:en)?\b", sentence, re.IGNORECASE):
        candidate.obligation = "resultaat"
    check = _propose(reading, period)
    if check is None:
        if not COMMITMENT.search(sentence) or _PAST.search(sentence):
            return None
        return candidate  # context
    kind, body, notes = check
    candidate.kind = kind
    candidate.check = body
    candidate.notes = notes + reading.notes
    return candidate


def _propose(
    reading: Reading, period: tuple[int, int] | None
) -> tuple[str, dict[str, Any], list[str]] | None:
    text = reading.clean
    percents = reading.of("percent")
    if percents:
        return _share(text, percents)
    euros = reading.of("euro")
    if euros:
        return _value(text, euros[0], "eur")
    counts = [f for f in reading.of("count") if f.value != 0 or f.text.strip() == "0"]
    durations = [m for m in _DURATION.finditer(text)]
    times = _TIMES.search(text)
    due = _due(text)
    if times:
        n = int(times["n"]) if times["n"].isdigit() else _WORD_NUMBERS[times["n"].lower()]
        return "count", {"metric": None, "min": n, "periods": _periods_of(times["per"])}, []
    if _QUOTA.search(text) and not counts:
        return "compare", {"left": None, "op": ">=", "right": None}, [t("draft_note_quota")]
    if (half := _HALF.search(text)) and not counts:
        direction, strict = _direction(text, Figure("percent", half[0], Decimal(50), half.start()), "min")
        half_body: dict[str, Any] = {"numerator": None, "denominator": None, direction or "min": Decimal(50)}
        if strict:
            half_body["strict"] = True
        return "share", half_body, [t("draft_note_half")]
    if durations and counts:
        duration = durations[0]
        value = dutch_number(duration["n"])
        unit = "months" if duration["unit"].lower().startswith("maand") else "years"
        if value is not None and any(c.start == duration.start() for c in counts):
            return _value(text, _figure_at(reading, duration.start()) or counts[0], unit)
    dwellings = [c for c in counts if _DWELLING_WORDS.search(text[c.start : c.start + 60])]
    if dwellings and _ADD_WORDS.search(text):
        return _target(text, dwellings[0])
    if due is not None:
        return "deadline", due, []
    years = reading.of("year", "date")
    if counts and not years:
        return _count(text, counts[0])
    if (twice := _TWICE.search(text)) and not counts:
        n = 2 if twice[0].lower().startswith("twee") else 3
        return "count", {"metric": None, "min": n}, [t("draft_note_times")]
    if years:
        if period and all(int(y.value) < period[0] for y in reading.of("year")):
            return None  # only years before the agreement: history, not a promise
        if period and all(int(y.value) > period[1] + 10 for y in reading.of("year")):
            return None  # only a far horizon ("in 2050"): an ambition beyond the agreement
        recurrence = _recurrence(text)
        year_body: dict[str, Any] = {"evidence": None, "due": None}
        if recurrence:
            year_body["recurrence"] = recurrence
        return "deadline", year_body, [t("draft_note_due_unread")]
    recurrence = _recurrence(text)
    if recurrence:
        return "deadline", {"evidence": None, "recurrence": recurrence}, [t("draft_note_due_period_end")]
    if counts:
        return _count(text, counts[0])
    return None


def _figure_at(reading: Reading, start: int) -> Figure | None:
    return next((f for f in reading.figures if f.start == start), None)


def _periods_of(per: str) -> str:
    return {"jaar": "yearly", "kwartaal": "quarterly", "maand": "yearly"}.get(per.lower(), "yearly")


def _direction(text: str, figure: Figure, default: str | None) -> tuple[str | None, bool]:
    before = text[max(0, figure.start - 40) : figure.start]
    after = text[figure.start + len(figure.text) : figure.start + len(figure.text) + 30]
    if MAX_WORDS.search(before) or _OR_LESS.match(after):
        return "max", bool(STRICT_WORDS.search(before))
    if MIN_WORDS.search(before) or _OR_MORE.match(after):
        return "min", bool(STRICT_WORDS.search(before))
    return default, False


def _share(text: str, percents: list[Figure]) -> tuple[str, dict[str, Any], list[str]]:
    notes: list[str] = []
    band = _BAND.search(text)
    if band and len(percents) >= 1:
        lo, hi = dutch_number(band["lo"]), dutch_number(band["hi"])
        if lo is not None and hi is not None and lo < hi:
            middle = (lo + hi) / 2
            return (
                "band",
                {"numerator": None, "denominator": None, "target": middle, "tolerance": (hi - lo) / 2},
                notes,
            )
    figure = percents[-1] if re.search(r"\bnaar\b", text) and len(percents) > 1 else percents[0]
    direction, strict = _direction(text, figure, None)
    if direction is None:
        direction = "min"
        notes.append(t("draft_note_direction_unclear", figure=figure.text.strip()))
    kind = "project_share" if _PROJECT_WORDS.search(text) else "share"
    body: dict[str, Any] = {"numerator": None, "denominator": None, direction: figure.value}
    if strict:
        body["strict"] = True
    if len(percents) > 1:
        notes.append(t("draft_note_several_figures", figures=", ".join(p.text.strip() for p in percents)))
    return kind, body, notes


def _value(text: str, figure: Figure, unit: str) -> tuple[str, dict[str, Any], list[str]]:
    notes: list[str] = []
    direction, strict = _direction(text, figure, None)
    if direction is None:
        direction = "max" if unit == "eur" else "min"
        notes.append(t("draft_note_direction_unclear", figure=figure.text.strip()))
    body: dict[str, Any] = {"metric": None, direction: figure.value}
    if strict:
        body["strict"] = True
    notes.append(t("draft_note_unit", unit=unit))
    return "value", body, notes


def _count(text: str, figure: Figure) -> tuple[str, dict[str, Any], list[str]]:
    notes: list[str] = []
    direction, strict = _direction(text, figure, None)
    if direction is None:
        direction = "min"
        notes.append(t("draft_note_direction_unclear", figure=figure.text.strip()))
    body: dict[str, Any] = {"metric": None, direction: figure.value}
    if strict:
        body["strict"] = True
    return "count", body, notes


def _target(text: str, figure: Figure) -> tuple[str, dict[str, Any], list[str]]:
    notes: list[str] = []
    direction, _ = _direction(text, figure, "min")
    body: dict[str, Any] = {"metric": None, "targets": {"joint": figure.value}}
    if direction == "max":
        body["direction"] = "at_most"
    if re.search(r"\bper jaar\b|\bjaarlijks\b", text, re.IGNORECASE):
        body["per_year"] = True
    if re.search(r"\bgemiddeld\w*\b", text, re.IGNORECASE):
        notes.append(t("draft_note_average"))
    return "target", body, notes


def _recurrence(text: str) -> str | None:
    for pattern, name in RECURRENCE:
        if pattern.search(text):
            return name
    return None


def _due(text: str) -> dict[str, Any] | None:
    """A deadline's due wording, when the project's own reader understands it."""
    recurrence = _recurrence(text)
    text = re.sub(r"\bhalverwege\b", "medio", text, flags=re.IGNORECASE)
    for m in _DUE.finditer(text):
        wording = m[0].strip()
        try:
            rule = parse_due(wording)
        except DueDateError:
            continue
        body: dict[str, Any] = {"evidence": None, "due": wording}
        if rule.year is None:
            body["recurrence"] = recurrence or "yearly"
        return body
    return None


def named_parties(text: str, parties: list[PartyGuess]) -> list[str]:
    """The parties a sentence names, directly or as a group ("corporaties", "partijen")."""
    found: list[str] = []
    lower = text.lower()
    for party in parties:
        if any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", lower) for w in party.words):
            found.append(party.id)
    groups = {
        "corporatie": r"\b(?:corporaties|woningcorporaties|toegelaten instellingen)\b",
        "gemeente": r"\bgemeente\b",
        "huurdersorganisatie": r"\bhuurdersorganisaties\b|\bhuurders(?:belangen)?verenigingen\b",
    }
    for role, pattern in groups.items():
        if re.search(pattern, lower):
            found += [p.id for p in parties if p.role == role]
    if re.search(r"\bpartijen\b|\balle partijen\b|\ballen\b", lower):
        found += [p.id for p in parties]
    return list(dict.fromkeys(found))


def _plain_number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


def _row_candidate(block: Block, parties: list[PartyGuess]) -> Candidate | None:
    """A table row with figures: a target per column (the columns are usually the parties)."""
    cells = list(block.cells)
    label = cells[0] if cells and not is_number_cell(cells[0]) else ""
    reading = read_figures(block.text)
    values = [dutch_number(re.sub(r"[^\d,.\-−]", "", c)) for c in cells[1:]]
    if not label or not any(v is not None for v in values):
        return None
    targets: dict[str, Decimal] = {}
    columns = list(block.columns[1:]) if len(block.columns) == len(cells) else []
    notes = list(reading.notes)
    for i, value in enumerate(values):
        if value is None:
            continue
        column = columns[i] if i < len(columns) else f"kolom {i + 2}"
        ids = named_parties(column, parties)
        key = (
            "joint"
            if re.search(r"\btota\w*\b|\bsamen\b", column, re.IGNORECASE)
            else ids[0]
            if len(ids) == 1
            else None
        )
        if key is None:
            notes.append(t("draft_note_column_unknown", column=column, value=cells[i + 1]))
            continue
        targets[key] = value
    if not targets:  # no column named: the last figure of a row is most often its total
        last = next(v for v in reversed(values) if v is not None)
        targets["joint"] = last
        notes.append(t("draft_note_row_total", value=_plain_number(last)))
    body: dict[str, Any] = {"metric": None, "targets": targets}
    notes.append(t("draft_note_table_row", table=block.heading))
    return Candidate(
        quote=block.text,
        article=block.article,
        heading=block.heading,
        line=block.line,
        page=block.page,
        title=label,
        kind="target",
        from_row=True,
        check=body,
        parties=[k for k in targets if k != "joint"],
        notes=notes,
    )
