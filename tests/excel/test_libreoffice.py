"""A workbook saved by LibreOffice: formulas carry the values LibreOffice calculated.

Made in the test with ``soffice --headless --convert-to xlsx``; skipped (with the
reason) where LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.excel.common import AS_OF, MINI_ARGS, fill, statuses, workbook

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui",
)


def save_with_libreoffice(path: Path, tmp_path: Path) -> Path:
    """Open and save ``path`` in LibreOffice (headless, own profile); the saved copy."""
    out_dir = tmp_path / "saved-by-libreoffice"
    out_dir.mkdir(exist_ok=True)
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out_dir), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
    )  # fmt: skip
    saved = out_dir / path.name
    assert done.returncode == 0 and saved.exists(), done.stdout + done.stderr
    return saved


def test_formulas_saved_by_libreoffice_are_read_by_their_values(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "invul.xlsx"
    assert invoke("template", *MINI_ARGS, "--period", "2022", "-o", str(template)).exit_code == 0
    filled = fill(
        template,
        {
            ("2022", "alliantie", "verhuringen_totaal"): "=200+200",
            ("2022", "alliantie", "verhuringen_urgent"): "=ROUND(400*0.45,0)",
            ("2022", "alliantie", "leefbaarheid_uitgaven_per_woning"): "125,50",
            (
                "2022",
                "portaal",
                "leefbaarheid_uitgaven_per_woning",
            ): '=IF(1=1,"",0)',  # empty text: not supplied
        },
        tmp_path / "ingevuld.xlsx",
    )
    # Written by openpyxl, the formulas have no saved result: an error naming the cell.
    before = invoke("check", *MINI_ARGS, "-f", str(filled), "--as-of", AS_OF)
    assert before.exit_code == 2
    assert "heeft geen opgeslagen uitkomst" in before.stderr
    saved = save_with_libreoffice(filled, tmp_path)
    result = invoke(
        "check", *MINI_ARGS, "-f", str(saved), "--as-of", AS_OF, "--format", "json", "--fail-on", "never"
    )
    assert result.exit_code == 0, result.stderr
    got = statuses(result.stdout)
    assert got[("1", "alliantie", "2022")] == "met"  # 180 / 400 = 45%
    assert got[("5", "alliantie", "2022")] == "met"
    assert got[("5", "portaal", "2022")] == "no_data"


def test_error_value_calculated_by_libreoffice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "cijfers.xlsx", [(2022, "alliantie", "verhuringen_totaal", "=1/0")])
    saved = save_with_libreoffice(path, tmp_path)
    result = invoke("check", *MINI_ARGS, "-f", str(saved))
    assert result.exit_code == 2
    assert "cijfers.xlsx:Blad1!D2: de cel bevat de foutwaarde #DIV/0!" in result.stderr


def test_template_saved_by_libreoffice_still_reads(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "invul.xlsx"
    assert invoke("template", *MINI_ARGS, "-o", str(template)).exit_code == 0
    saved = save_with_libreoffice(template, tmp_path)
    result = invoke("check", *MINI_ARGS, "-f", str(saved))
    assert result.exit_code == 2
    assert "er staan geen ingevulde cijfers in" in result.stderr  # read fine, nothing filled in
