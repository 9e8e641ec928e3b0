"""Progress on a terminal only (stderr), from hooks in the core that never print."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prestatiecheck import progress
from prestatiecheck.cli.progress import TerminalProgress, wanted
from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

ROOT = Path(__file__).resolve().parent.parent
CHECK = ["--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(MINI_FIGURES), "--as-of", "2023-03-15"]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Tty(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_a_stage_shows_after_the_delay_and_is_cleared_at_its_end() -> None:
    clock, out = Clock(), io.StringIO()
    shown = TerminalProgress(out, width=80, delay=0.5, clock=clock)
    shown("evaluate", "soest-2021-2022", 1, 4)
    assert out.getvalue() == ""  # quick work shows nothing
    clock.now += 0.6
    shown("evaluate", "nijkerk-2025-2027", 2, 4)
    assert out.getvalue() == "\rToetsen: 2/4 (50%) · nijkerk-2025-2027\x1b[K"
    shown("", "", 0, None)
    assert out.getvalue().endswith("\r\x1b[K")
    shown.close()


def test_a_stage_without_total_counts_seconds_and_the_line_fits_the_terminal() -> None:
    clock, out = Clock(), io.StringIO()
    shown = TerminalProgress(out, width=30, delay=0, clock=clock)
    shown("figures", "cijfers/" + "x" * 60 + ".csv", 0, None)
    clock.now += 3
    assert shown.line().startswith("Cijfers lezen: 3 s · cijfers")
    assert len(shown.line()) == 29 and shown.line().endswith("…")
    shown.close()
    assert out.getvalue().endswith("\r\x1b[K")


def test_english_labels() -> None:
    from prestatiecheck.i18n import set_language

    set_language("en")
    shown = TerminalProgress(io.StringIO(), width=80, delay=0, clock=Clock())
    shown("pdf", "", 0, None)
    assert shown.line() == "Rendering the PDF: 0 s"
    shown.close()


@pytest.mark.parametrize(
    ("stderr_tty", "stdout_tty", "env", "expected"),
    [
        (True, False, {}, True),  # output into a file or a pipe, a person watching stderr
        (True, True, {}, False),  # the output itself is on the terminal: it would be torn
        (False, False, {}, False),  # cron, pipes
        (True, False, {"TERM": "dumb"}, False),
        (True, False, {"PRESTATIECHECK_NO_PROGRESS": "1"}, False),
    ],
)
def test_progress_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, stderr_tty: bool, stdout_tty: bool, env: dict[str, str], expected: bool
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert wanted(Tty(stderr_tty), Tty(stdout_tty)) is expected
    assert wanted(Tty(stderr_tty), None) is (stderr_tty and not env)


def test_the_core_tells_only_a_listener_in_its_own_process() -> None:
    heard: list[tuple[str, str, int, int | None]] = []
    progress.report("figures", "a.csv", 0, 2)  # nobody listens: nothing happens
    progress.listen(lambda *event: heard.append(event))
    try:
        progress.report("figures", "a.csv", 0, 2)
        progress.done()
        progress._pid = -1  # a worker process forked from this one
        progress.report("figures", "b.csv", 1, 2)
    finally:
        progress.listen(None)
    assert heard == [("figures", "a.csv", 0, 2), ("", "", 0, None)]


@pytest.fixture
def heard():  # type: ignore[no-untyped-def]
    events: list[tuple[str, str, int, int | None]] = []
    progress.listen(lambda *event: events.append(event))
    yield events
    progress.listen(None)


def test_check_reports_reading_and_evaluating(invoke, heard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    more = tmp_path / "meer.csv"
    more.write_text("period,party,metric,value\n2023,alliantie,verhuringen_totaal,410\n", encoding="utf-8")
    result = invoke("check", *CHECK, "-f", str(more), "-o", str(tmp_path / "out.txt"))
    assert result.exit_code == 1, result.stderr
    stages = [e[0] for e in heard]
    from prestatiecheck.loading.resources import display_path

    assert ("figures", display_path(MINI_FIGURES), 0, 2) in heard
    assert ("figures", display_path(more), 1, 2) in heard
    assert ("evaluate", MINI, 1, 1) in heard
    assert stages.index("evaluate") > stages.index("figures") and stages[-1] == ""
    assert "\x1b[K" not in result.stderr  # CliRunner's stderr is no terminal


def test_deadlines_report_evaluating_many_agreements(invoke, heard) -> None:  # type: ignore[no-untyped-def]
    invoke("deadlines", "--as-of", "2023-03-15", "--format", "json")
    evaluated = [e for e in heard if e[0] == "evaluate"]
    assert len(evaluated) >= 5 and {e[3] for e in evaluated} == {len(evaluated)}
    assert [e[2] for e in evaluated] == list(range(len(evaluated)))


def test_rendering_a_pdf_is_a_stage(heard) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("weasyprint")
    from prestatiecheck.reporting.templates import pdf

    assert pdf("<p>test</p>").startswith(b"%PDF")
    assert heard == [("pdf", "", 0, None), ("", "", 0, None)]


def _on_a_terminal(args: list[str], stdout_tty: bool) -> tuple[int, str]:
    """Run the CLI with stderr (and maybe stdout) on a pseudo-terminal; what the terminal showed."""
    import pty

    main, side = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PRESTATIECHECK_PROGRESS_DELAY": "0", "TERM": "xterm"}
    env.pop("PRESTATIECHECK_NO_PROGRESS", None)
    running = subprocess.Popen(
        [sys.executable, "-m", "prestatiecheck", *args],
        stdout=side if stdout_tty else subprocess.DEVNULL,
        stderr=side,
        env=env,
        cwd=ROOT,
    )
    os.close(side)  # read while it runs: a full terminal buffer would stop it
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    running.wait(timeout=120)
    return running.returncode, shown.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_on_a_terminal_progress_shows_and_is_cleared(tmp_path: Path) -> None:
    code, shown = _on_a_terminal(["check", *CHECK, "-o", str(tmp_path / "out.txt")], stdout_tty=False)
    assert code == 1
    assert f"\rCijfers lezen: 0 s · {MINI_FIGURES.relative_to(ROOT)}\x1b[K" in shown
    assert f"\rToetsen: 1/1 (100%) · {MINI}\x1b[K" in shown
    import re

    # Every progress line is cleared before other text comes: without them, plain messages remain.
    plain = re.sub(r"\r[^\r\n\x1b]*\x1b\[K", "", shown)
    assert "\x1b" not in plain and "Cijfers lezen" not in plain and "Toetsen" not in plain
    assert plain.startswith(f"geschreven: {tmp_path / 'out.txt'}\r\n"), plain
    code, shown = _on_a_terminal(["check", *CHECK], stdout_tty=True)  # the table on the terminal: no progress
    assert code == 1 and "Cijfers lezen" not in shown and "\x1b[K" not in shown
