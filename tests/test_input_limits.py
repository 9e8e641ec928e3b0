"""Input limits (README "Input limits"): beyond each, exit 2 naming the file (and the line, cell or
part), in bounded time and memory; never a crash. The limits are lowered here where reaching the
real one would make the test slow; the code path is the same."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from prestatiecheck import exitcodes
from prestatiecheck.loading import limits
from tests.excel.common import workbook
from tests.helpers import MINI, MINI_INDEX

HEADER = "period,party,metric,value\n"


def check(invoke, path: Path, lang: str = "nl"):  # type: ignore[no-untyped-def]
    return invoke(
        "check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(path), "--as-of", "2024-01-15",
        "--lang", lang,
    )  # fmt: skip


def refused(result, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == exitcodes.INVALID, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


# -- sizes and rows ------------------------------------------------------------------------------


def test_a_device_that_never_ends_is_refused_by_size(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / "figures.csv"
    link.symlink_to("/dev/zero")
    refused(check(invoke, link), "figures.csv: het bestand is groter dan 64 MB")


def test_a_file_over_the_size_limit(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 2 * limits.MB)
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "2022,alliantie,verhuringen_totaal,100\n" * 60_000, encoding="utf-8")
    refused(check(invoke, path, lang="en"), "figures.csv: the file is larger than 2 MB")


@pytest.mark.parametrize("suffix", ["csv", "yaml"])
def test_too_many_rows(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    path = tmp_path / f"figures.{suffix}"
    if suffix == "csv":
        path.write_text(HEADER + "".join(f"2022,alliantie,m{i},1\n" for i in range(20)), encoding="utf-8")
        where = "figures.csv:12:"
    else:
        items = "".join(
            f"  - {{period: 2022, party: alliantie, metric: m{i}, value: 1}}\n" for i in range(20)
        )
        path.write_text("figures:\n" + items, encoding="utf-8")
        where = "figures.yaml:12:"
    refused(check(invoke, path), where, "meer dan 10 rijen cijfers; splits het bestand")


def test_errors_are_named_up_to_a_hundred_per_file_and_the_rest_counted(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "".join(f"2022,alliantie,m{i},veel\n" for i in range(1234)), encoding="utf-8")
    result = check(invoke, path)
    refused(result, "figures.csv:102: … en 1.134 meer fouten in dit bestand")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 102  # a hundred named, the count, the total line
    assert "figures.csv:101:" in result.stderr and "figures.csv:103:" not in result.stderr
    english = check(invoke, path, lang="en")
    assert "… and 1,134 more errors in this file (only the first are named)" in english.stderr


# -- numbers ---------------------------------------------------------------------------------------


def _patched(path: Path, old: bytes, new: bytes) -> Path:
    """The workbook with ``old`` replaced by ``new`` in its sheet XML (what openpyxl cannot write)."""
    source = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                assert old in data
                data = data.replace(old, new)
            target.writestr(item, data)
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        (1e28, "is groter dan dit kengetal ooit kan zijn (ten hoogste 1.000.000.000)"),
        (10**30, "is groter dan dit kengetal ooit kan zijn"),
        ("１５", "'１５' heeft cijfers uit een ander schrift; typ ze als 0-9 (15?)"),
        ("١٥", "'١٥' heeft cijfers uit een ander schrift; typ ze als 0-9 (15?)"),
    ],
)
def test_numbers_in_a_workbook(invoke, tmp_path: Path, cell: object, fragment: str) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", "verhuringen_totaal", cell)])
    refused(check(invoke, path), "f.xlsx:Blad1!D2:", fragment)


def test_an_infinite_number_in_a_workbook(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", "verhuringen_totaal", 123456)])
    _patched(path, b"<v>123456</v>", b"<v>1e999</v>")
    refused(check(invoke, path), "f.xlsx:Blad1!D2:", "een getal dat geen getal is")


# -- workbooks that unpack too far ------------------------------------------------------------------


def _with_part(path: Path, name: str, size: int) -> Path:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, b"\0" * size)
    return path


def test_a_part_that_unpacks_too_far_is_refused_before_it_is_read(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_XLSX_PART_BYTES", 2 * limits.MB)
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", "verhuringen_totaal", 1)])
    _with_part(path, "xl/media/bom.bin", 3 * limits.MB)  # 3 MB of zeros: a few kB in the zip
    assert path.stat().st_size < 100_000
    refused(check(invoke, path), "f.xlsx: het deel 'xl/media/bom.bin' van de werkmap wordt uitgepakt 3 MB")


def test_a_shared_strings_table_too_large(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_XLSX_SHARED_STRINGS_BYTES", 1000)
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", "verhuringen_totaal", 1)])
    _with_part(path, "xl/sharedStrings.xml", 2 * limits.MB)  # (openpyxl writes none; Excel does)
    refused(check(invoke, path, lang="en"), "the part 'xl/sharedStrings.xml' of the workbook unpacks to 2 MB")


def test_a_workbook_that_unpacks_too_far_in_total(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_XLSX_TOTAL_BYTES", 2 * limits.MB)
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", "verhuringen_totaal", 1)])
    for i in range(3):
        _with_part(path, f"xl/media/{i}.bin", limits.MB)
    refused(check(invoke, path), "de werkmap wordt uitgepakt 3 MB (ten hoogste 2 MB)")


def test_a_workbook_of_too_many_parts(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_XLSX_PARTS", 12)
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", "verhuringen_totaal", 1)])
    for i in range(10):
        _with_part(path, f"xl/media/{i}.bin", 1)
    refused(check(invoke, path), "de werkmap bestaat uit")


def test_a_sheet_of_too_many_rows(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_XLSX_ROWS", 30)
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", f"m{i}", 1) for i in range(200)])
    refused(check(invoke, path), "f.xlsx:Blad1!A51: meer dan 30 rijen cijfers")


def test_a_workbook_with_many_bad_cells_names_a_hundred(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "f.xlsx", [(2022, "alliantie", f"m{i}", True) for i in range(150)])
    result = check(invoke, path)
    refused(result, "f.xlsx:Blad1!D102: … en 50 meer fouten in dit bestand")
    assert len(result.stderr.strip().splitlines()) == 102


def test_limits_are_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Input limits", 1)[1].split("\n## ", 1)[0]
    for value in ("64 MB", "256 MB", "512 MB", "500.000", "100.000", "64 levels", "1.000.000.000", "32.767"):
        assert value in section, value
    assert os.path.basename(limits.__file__) == "limits.py"
