"""What every renderer may be told: language is global (i18n); the rest is here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class RenderOptions:
    color: bool = False
    quiet: bool = False  # only what is not met or at risk
    width: int | None = None
    ascii_only: bool = False
    title: str | None = None  # e.g. "Deadlines" for the agenda
