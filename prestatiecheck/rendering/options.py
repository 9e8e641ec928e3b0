"""What every renderer may be told: language is global (i18n); the rest is here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class RenderOptions:
    color: bool = False
    color_system: str = "standard"  # 'standard' (16 colours), '256' or 'truecolor': see terminal.color_system
    quiet: bool = False  # only what is not met or at risk
    width: int | None = None
    ascii_only: bool = False
    title: str | None = None  # e.g. "Deadlines" for the agenda
