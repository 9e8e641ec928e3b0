"""Shared pieces for the report tests: the mini fixture (or a copy to change), and running reports."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import HERE, MINI, MINI_FIGURES, MINI_INDEX

AS_OF = "2023-03-01"
STEM = f"{MINI}-{AS_OF}"


def mini_args(*extra: str, figures: Path = MINI_FIGURES, index: Path = MINI_INDEX) -> list[str]:
    return ["--agreements", str(index), "-a", MINI, "-f", str(figures), "--as-of", AS_OF, *extra]


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A copy of the mini fixture to change; returns the copied agreements.yaml."""
    target = tmp_path / "mini"
    shutil.copytree(HERE / "fixtures" / "mini", target)
    index = target / "agreements.yaml"
    metrics = (HERE.parent / "metrics.yaml").resolve()
    index.write_text(index.read_text(encoding="utf-8").replace("../../../metrics.yaml", str(metrics)))
    return index


@pytest.fixture
def report(invoke, tmp_path: Path) -> Callable[..., object]:  # type: ignore[no-untyped-def]
    """Run `prestatiecheck report` on the mini fixture into tmp_path/out (no history unless asked)."""

    def _report(*extra: str, figures: Path = MINI_FIGURES, index: Path = MINI_INDEX, history: bool = False):  # type: ignore[no-untyped-def]
        args = ["report", *mini_args(*extra, figures=figures, index=index)]
        if "-o" not in extra and "--output" not in extra:
            args += ["-o", str(tmp_path / "out")]
        if not history and "--history" not in extra:
            args.append("--no-history")
        return invoke(*args)

    return _report
