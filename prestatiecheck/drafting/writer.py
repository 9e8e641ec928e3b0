"""The candidates -> the text of a draft rule file (YAML, in the format of docs/rule-format.md).

The draft has the agreement head (title, municipality, period and parties as far as the
document's head tells them), a metric of its own for every figure no shared metric fits,
one rule per candidate and one context item per promise without a figure. Every item
carries a ``todo:`` list: what was guessed and what extraction may have changed.
``prestatiecheck validate`` reports each ``todo:`` until a person removes it, so a draft
is never checked as if it were a finished rule file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from prestatiecheck.drafting.documents import Document, read_document
from prestatiecheck.drafting.promises import Candidate, PartyGuess, candidates
from prestatiecheck.i18n import t

# Shared metrics (metrics.yaml) a sentence's words point at, most specific first.
_SHARE_METRICS = (
    (r"urgent", "verhuringen_urgent", "verhuringen_totaal"),
    (
        r"inkomen|inkomensgrens|vrije toewijzing|vrije ruimte|middeninkomen",
        "verhuringen_vrije_toewijzing",
        "verhuringen_totaal",
    ),
    (r"jongeren", "verhuringen_jongeren_kkg", "verhuringen_totaal"),
    (r"sociale huur", "nieuwbouw_sociale_huur", "nieuwbouw_woningen"),
)  # fmt: skip
_TARGET_METRICS = (
    (r"netto|per saldo|groei|toename", "netto_toename"),
    (r"tijdelijk", "toevoegingen_tijdelijk"),
    (r"sloop|slopen|sloopt", "sloop"),
    (r"verko\w+", "verkoop"),
    (r"deliberalis", "deliberalisatie"),
    (r"liberalis", "liberalisatie"),
    (r"toevoeg|nieuwbouw|aankoop|transformat|realiser|bouw", "toevoegingen"),
)
_UNITS = {"share": "count", "project_share": "count", "band": "count", "target": "count", "count": "count"}


@dataclass(frozen=True)
class Draft:
    text: str
    rules: int
    context: int


def draft_candidates(document: Document) -> list[Candidate]:
    """The candidates of a document, before they are written (for measuring and tests)."""
    period = guess_period(document)
    return candidates(document.blocks, guess_parties(document, guess_municipality(document)), period)


def draft_document(document: Document, agreement_id: str | None = None) -> Draft:
    period = guess_period(document)
    municipality = guess_municipality(document)
    parties = guess_parties(document, municipality)
    found = candidates(document.blocks, parties, period)
    if agreement_id is None:
        agreement_id = slug(" ".join(x for x in (municipality, _period_label(period)) if x)) or slug(
            document.path.stem
        )
    writer = _Writer(document, agreement_id, municipality, period, parties)
    text = writer.render(found)
    return Draft(text, writer.rule_count, writer.context_count)


def draft_file(path: Any, agreement_id: str | None = None) -> Draft:
    from pathlib import Path

    return draft_document(read_document(Path(path)), agreement_id)


def slug(text: str, max_words: int = 6) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words[:max_words])


def guess_period(document: Document) -> tuple[int, int] | None:
    texts = (
        [document.title] + [b.text for b in document.blocks[:15]] + [b.heading for b in document.blocks[:15]]
    )
    texts = [x for x in texts if x]
    for text in texts:
        m = re.search(r"\b(20\d{2})\s*(?:-|–|t/m|tot en met|\|)\s*(20\d{2})\b", text)
        if m and int(m[1]) <= int(m[2]):
            return int(m[1]), int(m[2])
    for text in texts:
        m = re.search(r"(?:afspraken|overeenkomst)\w*\s+(?:\w+\s+){0,3}(20\d{2})\b", text, re.IGNORECASE)
        if m:
            return int(m[1]), int(m[1])
    return None


def _period_label(period: tuple[int, int] | None) -> str:
    if period is None:
        return ""
    return str(period[0]) if period[0] == period[1] else f"{period[0]}-{period[1]}"


def guess_municipality(document: Document) -> str:
    texts = (
        [document.title] + [b.text for b in document.blocks[:40]] + [b.heading for b in document.blocks[:10]]
    )
    for text in texts:
        m = re.search(
            r"(?i:prestatie|samenwerkings)afspraken\s+(?:in\s+)?(?i:gemeente\s+)?([A-Z][a-z]+)", text
        )
        if m and m[1].lower() not in ("gemeente", "voor", "in"):
            return m[1]
    for text in texts:
        m = re.search(r"\bgemeente\s+([A-Z][a-z]+)", text)
        if m:
            return m[1]
    return ""


def guess_parties(document: Document, municipality: str) -> list[PartyGuess]:
    out: list[PartyGuess] = []
    seen: set[str] = set()
    for short, full in document.party_names.items():
        short = re.sub(r"[\s\d\u00b9\u00b2\u00b3\u2070-\u2079]+$", "", short).strip()
        full = full.strip(" .")
        base = re.sub(r"^(?:de|het)\s+", "", short, flags=re.IGNORECASE)
        party_id = slug(base, 3)
        if not party_id or party_id in seen:
            continue
        seen.add(party_id)
        both = f"{short} {full}".lower()
        if "gemeente" in both:
            role = "gemeente"
        elif re.search(r"huurder|bewoner|hbv|\bshow\b|\bhon\b", both):
            role = "huurdersorganisatie"
        else:
            role = "corporatie"
        name = full if len(full) > len(short) and len(full) < 80 and not full[:1].islower() else short
        words = tuple(
            dict.fromkeys(w for w in (short, base) if w and (role != "gemeente" or w.lower() != "gemeente"))
        )
        out.append(PartyGuess(party_id, name, role, words))
    if not any(p.role == "gemeente" for p in out):
        name = f"Gemeente {municipality}" if municipality else "Gemeente"
        out.insert(0, PartyGuess("gemeente", name, "gemeente", ()))
    return out


def _q(text: str) -> str:
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, int):
        return str(value)
    return _q(str(value))


class _Writer:
    def __init__(
        self,
        document: Document,
        agreement_id: str,
        municipality: str,
        period: tuple[int, int] | None,
        parties: list[PartyGuess],
    ) -> None:
        self.document = document
        self.agreement_id = agreement_id
        self.municipality = municipality
        self.period = period
        self.parties = parties
        self.refs: set[str] = set()
        self.metrics: dict[str, tuple[str, str]] = {}  # name -> (unit, nl)
        self.rule_count = 0
        self.context_count = 0

    def render(self, found: list[Candidate]) -> str:
        rules = [c for c in found if c.kind]
        context = [c for c in found if not c.kind]
        rule_lines = [line for c in rules for line in self._rule(c)]
        context_lines = [line for c in context for line in self._context(c)]
        lines = [
            f"# {t('draft_header', document=self.document.path.name)}",
            f"# {t('draft_header_todo')}",
            f"# {t('draft_header_counts', rules=len(rules), context=len(context))}",
            *self._head(),
            "",
        ]
        if self.metrics:
            lines.append("metrics:")
            for name, (unit, nl) in self.metrics.items():
                lines += [
                    f"  {name}:",
                    f"    unit: {unit}",
                    f"    nl: {_q(nl)}",
                    f"    en: {_q(t('draft_metric_en', text=nl))}",
                ]
            lines.append("")
        lines.append("rules:" if rule_lines else "rules: []")
        lines += rule_lines
        if context_lines:
            lines += ["", "context:", *context_lines]
        self.rule_count, self.context_count = len(rules), len(context)
        return "\n".join(lines) + "\n"

    def _head(self) -> Iterator[str]:
        title = self.document.title or self.document.path.stem
        yield "agreement:"
        yield f"  id: {self.agreement_id}"
        yield f"  title: {_q(title)}"
        yield f"  municipality: {_q(self.municipality or '?')}"
        yield f"  period: {_q(_period_label(self.period) or '?')}"
        yield f"  source: {_q(self.document.path.name)}"
        yield "  parties:"
        for p in self.parties:
            yield f"    - {{id: {p.id}, name: {_q(p.name)}, role: {p.role}}}"
        todo = [t("draft_todo_head")]
        if not self.municipality:
            todo.append(t("draft_todo_municipality"))
        if self.period is None:
            todo.append(t("draft_todo_period"))
        yield "  todo:"
        for item in todo:
            yield f"    - {_q(item)}"

    def _ref(self, candidate: Candidate) -> str:
        base = slug(candidate.article, 4) if candidate.article else ""
        if not base or len(base) > 30:
            base = slug(candidate.heading or candidate.title, 3) or "regel"
        ref, n = base, 1
        while ref in self.refs:
            n += 1
            ref = f"{base}-{n}"
        self.refs.add(ref)
        return ref

    def _metric(self, ref: str, role: str, unit: str, nl: str) -> str:
        name = re.sub(r"[^a-z0-9_]", "_", f"{ref}_{role}".lower()).strip("_")
        if not name[:1].isalpha():
            name = f"m_{name}"
        name = re.sub(r"_+", "_", name)
        self.metrics[name] = (unit, nl)
        return name

    def _check(self, candidate: Candidate, ref: str) -> tuple[list[str], list[str]]:
        """The check's lines and the notes about metrics chosen."""
        kind = candidate.kind or ""
        body = dict(candidate.check)
        notes: list[str] = []
        text = candidate.quote.lower()
        if kind in ("share", "band", "project_share"):
            for pattern, numerator, denominator in _SHARE_METRICS:
                if re.search(pattern, text):
                    body["numerator"], body["denominator"] = numerator, denominator
                    notes.append(t("draft_note_metric_guess", metric=f"{numerator} / {denominator}"))
                    break
            else:
                body["numerator"] = self._metric(ref, "teller", "count", candidate.title)
                body["denominator"] = self._metric(ref, "noemer", "count", candidate.title)
                notes.append(t("draft_note_metric_new"))
        elif kind == "target":
            for pattern, metric in _TARGET_METRICS:
                if re.search(pattern, text):
                    body["metric"] = metric
                    notes.append(t("draft_note_metric_guess", metric=metric))
                    break
            else:
                body["metric"] = self._metric(ref, "aantal", "count", candidate.title)
                notes.append(t("draft_note_metric_new"))
            if self.period:
                body = {"metric": body.pop("metric"), "window": _period_label(self.period), **body}
        elif kind == "deadline":
            body["evidence"] = self._metric(
                ref, "datum", "date", t("draft_metric_date", text=candidate.title)
            )
            if not body.get("due"):
                body.pop("due", None)
                year = next((y for y in re.findall(r"\b(?:19|20)\d{2}\b", candidate.quote)), None)
                if year and not body.get("recurrence"):
                    body["due"] = f"in {year}"  # the year the sentence names; the note asks to check it
            notes.append(t("draft_note_metric_new"))
        elif kind == "compare":
            if "statushouder" in text:
                body["left"], body["right"] = "statushouders_gehuisvest", "statushouders_taakstelling"
                notes.append(
                    t(
                        "draft_note_metric_guess",
                        metric="statushouders_gehuisvest >= statushouders_taakstelling",
                    )
                )
            else:
                body["left"] = self._metric(ref, "gerealiseerd", "count", candidate.title)
                body["right"] = self._metric(ref, "taakstelling", "count", candidate.title)
                notes.append(t("draft_note_metric_new"))
        elif kind in ("value", "count"):
            unit = "count"
            if kind == "value":
                unit = "eur" if any("€" in n or "euro" in n.lower() for n in [candidate.quote]) else "years"
                if re.search(r"\bmaand", text):
                    unit = "months"
            body["metric"] = self._metric(
                ref, "waarde" if kind == "value" else "aantal", unit, candidate.title
            )
            notes.append(t("draft_note_metric_new"))
        lines = [f"      kind: {kind}"]
        for key, value in body.items():
            if isinstance(value, dict):
                inner = ", ".join(f"{k}: {_scalar(v) if v is not None else 'null'}" for k, v in value.items())
                lines.append(f"      {key}: {{{inner}}}")
            elif value is None:
                lines.append(f"      {key}: null")
            else:
                lines.append(f"      {key}: {_scalar(value)}")
        if kind == "target":
            targets = body.get("targets") or {}
            per_party = [k for k in targets if k != "joint"]
            if per_party:
                lines.append(f"      parties: [{', '.join(per_party)}]")
            lines.append(
                "      scope: [party, joint]"
                if per_party and "joint" in targets
                else "      scope: [party]"
                if per_party
                else "      scope: [joint]"
            )
        else:
            parties = [p for p in candidate.parties if p in {x.id for x in self.parties}]
            if len(parties) > 1 and kind in ("share", "band", "count"):
                lines.append("      scope: [party, joint]")
        return lines, notes

    def _where(self, candidate: Candidate) -> str:
        if candidate.page:
            return t("draft_where_page", page=candidate.page)
        return t("draft_where_line", line=candidate.line)

    def _rule(self, candidate: Candidate) -> Iterator[str]:
        ref = self._ref(candidate)
        check_lines, metric_notes = self._check(candidate, ref)
        trekker = (
            candidate.parties
            or [p.id for p in self.parties if p.role == "corporatie"][:1]
            or [self.parties[0].id]
        )
        todo = [t("draft_todo_rule", kind=candidate.kind, where=self._where(candidate))]
        if not candidate.parties:
            todo.append(t("draft_todo_trekker"))
        todo += metric_notes + candidate.notes
        yield f"  - ref: {_q(ref)}"
        yield f"    title: {_q(candidate.title)}"
        yield f"    theme: {_q(candidate.heading or '?')}"
        yield "    source:"
        yield f"      article: {_q(candidate.article or candidate.heading or '?')}"
        yield f"      quote: {_q(candidate.quote)}"
        yield f"    trekker: [{', '.join(trekker)}]"
        yield f"    obligation: {candidate.obligation}"
        yield "    check:"
        yield from check_lines
        yield "    todo:"
        for item in dict.fromkeys(todo):
            yield f"      - {_q(item)}"

    def _context(self, candidate: Candidate) -> Iterator[str]:
        ref = self._ref(candidate)
        yield f"  - ref: {_q(ref)}"
        yield f"    title: {_q(candidate.title)}"
        yield f"    theme: {_q(candidate.heading or '?')}"
        yield f"    quote: {_q(candidate.quote)}"
        yield f"    todo: {_q(t('draft_todo_context', where=self._where(candidate)))}"
