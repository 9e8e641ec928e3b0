"""What the per-agreement tests share: running `check` on a figures file and finding results."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from prestatiecheck.cli import cli

HEADER = "period,party,metric,value,note\n"
Results = list[dict[str, Any]]


class AgreementChecks:
    """`check --format json` on one agreement, and lookups in its results by rule ref."""

    def __init__(
        self,
        agreement: str,
        as_of: str,
        header: str = HEADER,
        number: Callable[[Any], Any] = float,
    ) -> None:
        self.agreement = agreement
        self.as_of = as_of
        self.header = header
        self.number = number

    def run_check(self, figures: Path, as_of: str | None = None) -> Results:
        result = CliRunner().invoke(
            cli,
            ["check", "--agreement", self.agreement, "--figures", str(figures), "--as-of",
             as_of or self.as_of, "--format", "json", "--fail-on", "never"],
            catch_exceptions=False,
        )  # fmt: skip
        assert result.exit_code == 0, result.output + result.stderr
        return json.loads(result.stdout)["results"]  # type: ignore[no-any-return]

    def pick(
        self,
        results: Results,
        ref: str,
        party: str | None = None,
        period: str | None = None,
        project: str | None = None,
    ) -> dict[str, Any]:
        found = [
            r
            for r in results
            if r["rule"] == f"{self.agreement}/{ref}"
            and r["party"] == party
            and (period is None or r["period"] == period)
            and (project is None or r.get("project") == project)
        ]
        assert len(found) == 1, f"{ref} {party} {period}: {[(r['party'], r['period']) for r in found]}"
        return found[0]

    def status(self, results: Results, ref: str, party: str | None = None, period: str | None = None) -> str:
        return str(self.pick(results, ref, party, period)["status"])

    def value(self, results: Results, ref: str, party: str | None = None, period: str | None = None) -> Any:
        raw = self.pick(results, ref, party, period)["value"]
        return raw if raw is None or isinstance(raw, str) else self.number(raw)

    def small(self, tmp_path: Path, rows: str, name: str = "figures.csv") -> Path:
        """A figures file of a few rows (after the header)."""
        path = tmp_path / name
        path.write_text(self.header + rows, encoding="utf-8")
        return path
