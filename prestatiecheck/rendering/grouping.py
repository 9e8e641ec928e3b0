"""Results grouped as people read them: per agreement, per theme (document order)."""

from __future__ import annotations

from collections.abc import Iterable

from prestatiecheck.model import Result, Status


def by_agreement_and_theme(results: Iterable[Result]) -> dict[str, dict[str, list[Result]]]:
    grouped: dict[str, dict[str, list[Result]]] = {}
    for r in results:
        grouped.setdefault(r.rule.agreement_id, {}).setdefault(r.rule.theme, []).append(r)
    return grouped


def counts(results: Iterable[Result]) -> dict[Status, int]:
    """The count per status of the results that count (per-party results of a joint-only
    afspraak are for information and left out; see ``information_count``)."""
    out = {s: 0 for s in Status}
    for r in results:
        if not r.information:
            out[r.status] += 1
    return out


def information_count(results: Iterable[Result]) -> int:
    return sum(1 for r in results if r.information)
