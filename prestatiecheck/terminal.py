"""Colour and width decisions for terminal output: --color, NO_COLOR, FORCE_COLOR, and TTY detection."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from typing import IO


def use_color(choice: str, stream: IO[str]) -> bool:
    """``always``/``never`` win; ``auto`` follows NO_COLOR, then FORCE_COLOR, then the terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def color_system(environ: Mapping[str, str] | None = None) -> str:
    """How many colours the terminal shows: 'truecolor', '256' or 'standard' (16), from COLORTERM and TERM."""
    env = os.environ if environ is None else environ
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit") or env.get("WT_SESSION"):
        return "truecolor"
    if "256" in env.get("TERM", ""):
        return "256"
    return "standard"


def width(stream: IO[str]) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 40:
        return int(columns)
    isatty = getattr(stream, "isatty", None)
    if isatty and isatty():
        return max(80, shutil.get_terminal_size((120, 24)).columns)
    return 120  # cron, pipes, files: wide enough that tables do not fold needlessly


def can_encode(stream: IO[str], text: str = "✓✗…") -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
