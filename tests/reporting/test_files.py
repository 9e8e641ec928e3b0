"""Atomic writes: a failed run never leaves a half-written report, and never damages the old one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reporting.conftest import STEM


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_rename_keeps_the_old_report_and_leaves_no_temp_file(
    report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert report("--format", "html").exit_code == 0
    old = (out / f"{STEM}.html").read_bytes()

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = report("--format", "html", "--lang", "en")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and f"{STEM}.html" in result.stderr
    assert (out / f"{STEM}.html").read_bytes() == old
    assert leftovers(out) == []


def test_template_error_writes_nothing_at_all(report, tmp_path: Path) -> None:
    """Every format is rendered before the first file is written."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.txt.j2").write_text("{{ broken(\n", encoding="utf-8")
    result = report("--format", "html", "--format", "txt", "--template-dir", str(folder))
    assert result.exit_code == 2
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []


def test_output_folder_that_is_a_file(report, tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    result = report("--format", "txt")
    assert result.exit_code == 2
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_rerun_replaces_the_report_whole(report, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert report("--format", "txt").exit_code == 0
    assert report("--format", "txt", "--lang", "en").exit_code == 0
    text = (out / f"{STEM}.txt").read_text(encoding="utf-8")
    assert text.startswith("PERFORMANCE AGREEMENTS REPORT") and "RAPPORTAGE" not in text
    assert leftovers(out) == []
