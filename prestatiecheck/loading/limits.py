"""The limits on what prestatiecheck reads, in one place (README "Input limits").

Each is far beyond any real figures or rule file, and far below what would take
minutes or gigabytes to read. Beyond a limit a file is refused with exit 2 and a
message naming the file (and where it can, the line or part), never a crash.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from prestatiecheck.i18n import t, thousands
from prestatiecheck.model import Problem

MB = 1024 * 1024

MAX_TEXT_BYTES = 64 * MB  # a CSV or YAML figures file, a rule file
MAX_XLSX_BYTES = 64 * MB  # a workbook as stored (compressed)
MAX_XLSX_PART_BYTES = 256 * MB  # one part of a workbook unpacked (a sheet)
MAX_XLSX_SHARED_STRINGS_BYTES = 64 * MB  # the shared-strings part unpacked (read whole by openpyxl)
MAX_XLSX_TOTAL_BYTES = 512 * MB  # every part unpacked
MAX_XLSX_PARTS = 10_000
MAX_ROWS = 500_000  # rows of figures in one CSV or YAML file
MAX_XLSX_ROWS = 100_000  # rows of a workbook's figures sheet (reading a workbook is slower)
MAX_PROBLEMS_PER_FILE = 100  # errors named per file; the rest are counted ("… en 999.900 meer")


def size_text(size: int) -> str:
    """A size in whole MB (as messages say it)."""
    return thousands(max(1, round(size / MB)))


class Problems(list[Problem]):
    """Problems, at most MAX_PROBLEMS_PER_FILE errors per file; the others are only counted.

    ``closed()`` gives the list with, per file, one last problem saying how many more there
    were, at the first one left out (so it sorts after the ones named)."""

    def __init__(self, problems: Iterable[Problem] = (), limit: int = MAX_PROBLEMS_PER_FILE):
        super().__init__()
        self.limit = limit
        self._named: Counter[str] = Counter()
        self._more: Counter[str] = Counter()
        self._first_left_out: dict[str, Problem] = {}
        self.extend(problems)

    def append(self, problem: Problem) -> None:
        file = problem.location.file
        if problem.severity == "error" and self._named[file] >= self.limit:
            self._more[file] += 1
            self._first_left_out.setdefault(file, problem)
            return
        if problem.severity == "error":
            self._named[file] += 1
        super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iadd__(self, problems: Iterable[Problem]) -> Problems:  # type: ignore[override,misc]
        self.extend(problems)
        return self

    def closed(self) -> list[Problem]:
        out = list(self)
        for file, count in self._more.items():
            first = self._first_left_out[file]
            out.append(Problem(first.location, t("problems_more", count=thousands(count))))
        return out
