"""The exit codes in ``--help`` are wrapped to the terminal like the options, in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prestatiecheck import exitcodes

HEADING = {"nl": "Exitcodes:", "en": "Exit codes:"}


def _exit_codes_section(text: str, lang: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(HEADING[lang]) + 1
    end = lines.index("", start)
    return lines[start:end]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", [[], ["check"], ["deadlines"], ["report"]])
def test_exit_codes_fit_80_columns(invoke: Any, lang: str, command: list[str]) -> None:
    result = invoke("--lang", lang, *command, "--help")  # click's test runner: 80 columns
    assert result.exit_code == 0, result.output
    _fits(result.stdout, lang, 80)


def _fits(text: str, lang: str, columns: int) -> None:
    too_wide = [line for line in text.splitlines() if len(line) > columns]
    assert not too_wide
    section = _exit_codes_section(text, lang)
    # Each code starts a line; its description follows, wrapped under itself (a hanging indent).
    entries: list[tuple[str, str]] = []
    for line in section:
        if line[:3].strip().isdigit():
            entries.append((line[:3].strip(), line[3:].strip()))
        else:
            assert line.startswith(" " * 5) and entries, line
            entries[-1] = (entries[-1][0], entries[-1][1] + " " + line.strip())
    wanted = [(str(code), texts[0 if lang == "nl" else 1]) for code, texts in exitcodes.DESCRIPTIONS.items()]
    assert entries == wanted


@pytest.mark.parametrize(("columns", "widest"), [(60, 60), (250, 100)])  # 100: max_content_width
def test_exit_codes_follow_the_terminal_width(columns: int, widest: int) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(root)}
    env.pop("PRESTATIECHECK_LANG", None)
    text = subprocess.run(
        [sys.executable, "-m", "prestatiecheck", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    _fits(text, "nl", widest)
    assert max(len(line) for line in text.splitlines()) > widest - 10  # the room is used
