"""Progress of long work, told to whoever listens (the CLI, on a terminal); the core never prints.

The core calls :func:`report` as work goes on (a stage, what it is at, how far of how much)
and :func:`done` when the stage ends. Nobody listens unless the command line asked for it
(:func:`listen`); a listener only hears the process that registered it, never a worker
process forked from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable

Listener = Callable[[str, str, int, "int | None"], None]
"""``(stage, detail, done, total)``; stage '' means: the stage ended."""

_listener: Listener | None = None
_pid = 0


def listen(listener: Listener | None) -> None:
    global _listener, _pid
    _listener, _pid = listener, os.getpid()


def report(stage: str, detail: str = "", done: int = 0, total: int | None = None) -> None:
    """``stage`` ('figures', 'evaluate', 'pdf') is at ``detail``, ``done`` of ``total`` (None: not known)."""
    if _listener is not None and os.getpid() == _pid:
        _listener(stage, detail, done, total)


def done() -> None:
    """The stage ended (the listener clears what it showed)."""
    report("")
