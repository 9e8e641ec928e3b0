"""Finding an agreement, party, theme or rule by the id a person typed: case does not matter.

An exact match wins; otherwise the one id that matches without regard to case. A rule may be
given by its own part (``1Y`` for ``soest-2021-2022/1Y``) when one agreement has it. "Did you
mean" suggestions are always full ids, so they can be copied as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from prestatiecheck.i18n import t


def match(wanted: str, known: Iterable[str]) -> list[str]:
    """The ids ``wanted`` stands for: the exact one, else every one equal but for case."""
    known = list(known)
    if wanted in known:
        return [wanted]
    folded = wanted.strip().casefold()
    return [k for k in known if k.casefold() == folded]


def resolve(wanted: str, known: Iterable[str]) -> str | None:
    """The one id ``wanted`` stands for, or None (none, or several equal but for case)."""
    found = match(wanted, known)
    return found[0] if len(found) == 1 else None


def suggest(wanted: str, candidates: Sequence[tuple[str, str]]) -> str:
    """' (bedoelde u 'FULL-ID'?)' for the closest of ``candidates`` (typed form, full id), or ''.

    The typed form is compared without regard to case; the suggestion is the full id.
    """
    folded: dict[str, str] = {}
    for typed, full in candidates:
        folded.setdefault(typed.casefold(), full)
    import difflib  # (only when an id is not found: start-up is measured)

    close = difflib.get_close_matches(wanted.strip().casefold(), list(folded), n=1, cutoff=0.6)
    return t("did_you_mean", suggestion=folded[close[0]]) if close else ""
