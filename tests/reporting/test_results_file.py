"""`check --results-json` and `report --from-results`: the same report without evaluating again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reporting.conftest import STEM, mini_args


@pytest.fixture
def saved(invoke, tmp_path: Path) -> Path:
    path = tmp_path / "results.json"
    result = invoke("check", *mini_args("--results-json", str(path), "--format", "json"))
    assert result.exit_code == 1  # findings, as without --results-json
    assert str(path) in result.stderr
    return path


def test_results_file_extends_the_json_contract(saved: Path, invoke) -> None:
    doc = json.loads(saved.read_text(encoding="utf-8"))
    plain = json.loads(invoke("check", *mini_args("--format", "json")).stdout)
    for key in ("prestatiecheck", "as_of", "agreement", "agreements", "figures_files", "summary", "results"):
        assert doc[key] == plain[key], key
    assert doc["kind"] == "prestatiecheck-results" and doc["version"] == 1
    assert len(doc["report"]["texts"]["en"]) == len(doc["results"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_gives_the_same_report(report, invoke, saved: Path, tmp_path: Path, lang: str) -> None:
    formats = ["--format", "html", "--format", "md", "--format", "txt"]
    direct = report(*formats, "--lang", lang, "-o", str(tmp_path / "direct"))
    assert direct.exit_code == 0, direct.stderr
    again = invoke(
        "report", "--from-results", str(saved), *formats, "--lang", lang, "-o", str(tmp_path / "again"),
        "--no-history",
    )  # fmt: skip
    assert again.exit_code == 0, again.stderr
    for ext in ("html", "md", "txt"):
        first = (tmp_path / "direct" / f"{STEM}.{ext}").read_text(encoding="utf-8")
        second = (tmp_path / "again" / f"{STEM}.{ext}").read_text(encoding="utf-8")
        assert first == second, ext


def test_from_results_does_not_read_figures_or_rules(
    invoke, saved: Path, tmp_path: Path, mini_copy: Path
) -> None:
    """The saved file is enough: the fixture it came from may be gone."""
    moved = tmp_path / "elsewhere.json"
    moved.write_bytes(saved.read_bytes())
    result = invoke(
        "report", "--from-results", str(moved), "--format", "txt", "-o", str(tmp_path / "o"), "--no-history"
    )
    assert result.exit_code == 0, result.stderr
    assert "Woningmarktmonitor" in (tmp_path / "o" / f"{STEM}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "leeg"),
        ("{not json", "ongeldige JSON"),
        ('{"results": []}', "geen resultatenbestand van prestatiecheck"),
        ("[1, 2]", "geen resultatenbestand van prestatiecheck"),
        ('{"kind": "prestatiecheck-results", "version": 99}', "onbekende versie 99"),
        ('{"kind": "prestatiecheck-results", "version": 1, "as_of": "2023-01-01"}', "onvolledig"),
    ],
)
def test_broken_or_foreign_results_file(invoke, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    result = invoke("report", "--from-results", str(path), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "broken.json" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_damaged_results_entry(invoke, saved: Path, tmp_path: Path) -> None:
    doc = json.loads(saved.read_text(encoding="utf-8"))
    doc["results"][3]["status"] = "prima"
    saved.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke("report", "--from-results", str(saved), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2 and "results.json" in result.stderr and "prima" in result.stderr


def test_missing_results_file(invoke, tmp_path: Path) -> None:
    result = invoke("report", "--from-results", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "nope.json" in result.stderr


@pytest.mark.parametrize("extra", [["--as-of", "2023-01-01"], ["--theme", "Monitoring"], ["-f", "x.csv"]])
def test_from_results_fixes_the_selection(invoke, saved: Path, extra: list[str]) -> None:
    result = invoke("report", "--from-results", str(saved), *extra)
    assert result.exit_code == 2
    assert extra[0] in result.stderr


def test_from_results_unknown_agreement(invoke, saved: Path) -> None:
    result = invoke("report", "--from-results", str(saved), "-a", "elders-2020", "--no-history")
    assert result.exit_code == 2 and "elders-2020" in result.stderr and "mini-2022-2023" in result.stderr
