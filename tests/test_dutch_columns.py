"""Dutch column names in a figures file (CSV, YAML, XLSX) read as the English ones; a header error shows the header as typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.excel.common import workbook
from tests.helpers import MINI, MINI_INDEX

ROWS = [
    ("2022", "alliantie", "leefbaarheid_uitgaven_per_woning", "125.50", "inclusief wijkbeheer", ""),
    ("2022", "portaal", "leefbaarheid_uitgaven_per_woning", "131.38", "", ""),
]
ENGLISH = ("period", "party", "metric", "value", "note", "project")
DUTCH = ("Periode", "Partij", "Cijfer", "Waarde", "Toelichting", "Project")


def run(invoke, path: Path, lang: str = "nl"):  # type: ignore[no-untyped-def]
    return invoke(
        "check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(path), "--as-of", "2024-01-15",
        "--format", "json", "--lang", lang,
    )  # fmt: skip


def results(result) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["results"]  # type: ignore[no-any-return]


def write_csv(path: Path, header: tuple[str, ...]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [header, *ROWS]) + "\n", encoding="utf-8")
    return path


def write_yaml(path: Path, header: tuple[str, ...], top: str = "figures") -> Path:
    lines = [f"{top}:"]
    for row in ROWS:
        first = True
        for key, value in zip(header, row, strict=True):
            if value:
                lines.append(f"  {'- ' if first else '  '}{key.lower()}: {json.dumps(value)}")
                first = False
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, header: tuple[str, ...]) -> Path:
    typed = [(int(r[0]), r[1], r[2], float(r[3]), r[4] or None, r[5] or None) for r in ROWS]
    return workbook(path, typed, header=header)


@pytest.mark.parametrize("writer", [write_csv, write_yaml, write_xlsx], ids=["csv", "yaml", "xlsx"])
def test_dutch_column_names_read_as_the_english_ones(invoke, tmp_path: Path, writer) -> None:  # type: ignore[no-untyped-def]
    suffix = {"write_csv": ".csv", "write_yaml": ".yaml", "write_xlsx": ".xlsx"}[writer.__name__]
    english = results(run(invoke, writer(tmp_path / f"en{suffix}", ENGLISH)))
    dutch = results(run(invoke, writer(tmp_path / f"nl{suffix}", DUTCH)))
    assert dutch == english
    assert any(n["note"] == "inclusief wijkbeheer" for r in dutch for n in r["notes"])


def test_dutch_top_key_in_yaml(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    english = results(run(invoke, write_yaml(tmp_path / "en.yaml", ENGLISH)))
    assert results(run(invoke, write_yaml(tmp_path / "nl.yaml", DUTCH, top="cijfers"))) == english


def test_the_same_column_twice_in_yaml(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.yaml"
    path.write_text(
        "figures:\n  - period: 2022\n    periode: 2023\n    metric: sloop\n    value: 1\n", encoding="utf-8"
    )
    result = run(invoke, path)
    assert result.exit_code == 2
    assert "f.yaml:3:5: 'periode' is dezelfde kolom als 'period' hierboven" in result.stderr


def test_a_header_error_shows_the_header_as_typed(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text("Periode;Partij;Kengetal;Waarden\n2022;alliantie;sloop;1\n", encoding="utf-8")
    result = run(invoke, path)
    assert result.exit_code == 2
    assert (
        "kolom 'value' (of 'waarde') ontbreekt in de kopregel (Periode, Partij, Kengetal, Waarden) "
        "(bedoelde u 'Waarden'?)"
    ) in result.stderr
    english = run(invoke, path, lang="en")
    assert "column 'value' (or 'waarde') is missing from the header (Periode, Partij, Kengetal, Waarden)" in (
        english.stderr
    )


def test_a_header_error_in_a_workbook_shows_the_header_as_typed(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "f.xlsx",
        [("2022", "alliantie", "sloop", 1)],
        header=("Periode", "Partij", "Soort", "Waarde"),
    )
    result = run(invoke, path)
    assert result.exit_code == 2
    assert (
        "kolom 'metric' (of 'kengetal') ontbreekt in de kopregel (Periode, Partij, Soort, Waarde)"
        in result.stderr
    )
