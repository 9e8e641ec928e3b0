"""Shared pieces for the report tests: the mini fixture (or a copy to change), and running reports."""

from __future__ import annotations

import shutil
import unicodedata
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


# The shipped examples and the as-of date each is reported at (the meeting's date).
EXAMPLES = HERE.parent / "examples"
SHIPPED = {
    "soest-2021-2022": "2023-04-15",
    "amersfoort-2021": "2022-04-15",
    "amersfoort-2022-2023": "2024-04-15",
    "amersfoort-2026-2030": "2026-12-01",
    "nijkerk-2025-2027": "2026-12-01",
}
MATRIX_HEADINGS = {
    "nl": ("Stoplicht per afspraak", "Voor de agenda"),
    "en": ("Traffic lights per afspraak", "For the agenda"),
}


def matrix_pages(texts: list[str], lang: str) -> int:
    """How many pages the stoplicht takes in a printed report (one text per page): from its
    heading's page to the agenda's, that page counted when the table's header (repeated on every
    page the table reaches, first cell "Afspraak") comes before the agenda's heading there."""
    heading, agenda = MATRIX_HEADINGS[lang]
    texts = [unicodedata.normalize("NFKC", text) for text in texts]  # "ﬃ" in a PDF's text is "ffi"
    start = next(i for i, text in enumerate(texts) if heading in text)
    end = next(i for i, text in enumerate(texts) if agenda in text)
    assert start <= end
    if start == end:
        return 1
    before = texts[end][: texts[end].index(agenda)]
    return end - start + (1 if "Afspraak" in before else 0)
