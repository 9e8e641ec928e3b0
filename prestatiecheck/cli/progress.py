"""Progress on a terminal: one line on stderr, rewritten in place and cleared when the stage ends.

Only when stderr is a terminal and stdout is not the same terminal (the output itself would
be torn): pipes, files and cron get nothing. Nothing shows for work that ends within
:data:`DELAY` seconds, so short runs do not flicker. A stage without a known total shows the
seconds it has taken, kept up to date by a small thread (a PDF renders in one call).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import IO

from prestatiecheck import progress
from prestatiecheck.i18n import t

DELAY = 0.5
"""Seconds of work before anything is shown."""
STAGES = {"figures": "progress_figures", "evaluate": "progress_evaluate", "pdf": "progress_pdf"}


def wanted(stderr: IO[str], stdout: IO[str] | None) -> bool:
    """Progress on ``stderr``: a terminal, not a dumb one, and not the terminal the output goes to."""
    if os.environ.get("TERM") == "dumb" or os.environ.get("PRESTATIECHECK_NO_PROGRESS"):
        return False
    if not _isatty(stderr):
        return False
    return stdout is None or not _isatty(stdout)


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class TerminalProgress:
    def __init__(
        self, stream: IO[str], width: int = 80, delay: float = DELAY, clock: object = time.monotonic
    ):
        self.stream = stream
        self.width = width
        self.delay = delay
        self.clock = clock
        self.lock = threading.Lock()
        self.started = 0.0
        self.stage = ""
        self.detail = ""
        self.done = 0
        self.total: int | None = None
        self.shown = False
        self.ticker: threading.Thread | None = None
        self.stop = threading.Event()

    def __call__(self, stage: str, detail: str, done: int, total: int | None) -> None:
        with self.lock:
            if not stage:
                self._end()
                return
            if stage != self.stage:
                self._end()
                self.stage, self.started = stage, self.clock()  # type: ignore[operator]
            self.detail, self.done, self.total = detail, done, total
            if total is None and self.ticker is None:
                self.stop.clear()
                self.ticker = threading.Thread(target=self._tick, daemon=True)
                self.ticker.start()
            self._draw()

    def line(self) -> str:
        label = t(STAGES.get(self.stage, "progress_working"))
        elapsed = int(self.clock() - self.started)  # type: ignore[operator]
        if self.total:
            counted = f"{self.done}/{self.total} ({100 * self.done // self.total}%)"
        else:
            counted = t("progress_seconds", seconds=elapsed)
        text = f"{label}: {counted}" + (f" · {self.detail}" if self.detail else "")
        return text if len(text) < self.width else text[: max(0, self.width - 2)] + "…"

    def _draw(self) -> None:
        if self.clock() - self.started < self.delay:  # type: ignore[operator]
            return
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def _tick(self) -> None:
        while not self.stop.wait(1.0):
            with self.lock:
                if self.stage:
                    self._draw()

    def _end(self) -> None:
        if self.ticker is not None:
            self.stop.set()
            self.ticker = None
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        self.stage, self.shown = "", False

    def close(self) -> None:
        with self.lock:
            self._end()


def show_progress(stdout_is_output: bool) -> None:
    """For the running command: progress on stderr if a person watches it, until the command ends."""
    import click

    shown = start(stdout_is_output)
    if shown is not None:
        click.get_current_context().call_on_close(lambda: stop(shown))


def start(stdout_is_output: bool) -> TerminalProgress | None:
    """Listen to the core's progress on this process's stderr, if a person is watching it."""
    from prestatiecheck.terminal import width

    if not wanted(sys.stderr, sys.stdout if stdout_is_output else None):
        return None
    delay = os.environ.get("PRESTATIECHECK_PROGRESS_DELAY", "")  # seconds before showing anything
    shown = TerminalProgress(
        sys.stderr, width(sys.stderr), float(delay) if delay.replace(".", "", 1).isdigit() else DELAY
    )
    progress.listen(shown)
    return shown


def stop(shown: TerminalProgress | None) -> None:
    progress.listen(None)
    if shown is not None:
        shown.close()
