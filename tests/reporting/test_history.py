"""The history store: one record per run, what changed since the previous run, strict reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prestatiecheck.reporting import history
from tests.reporting.conftest import STEM, mini_args


def _worse_and_better(figures: Path) -> Path:
    """de Alliantie goes over the 50% maximum, Portaal comes back under it."""
    changed = figures.parent / "figures-later.csv"
    text = figures.read_text(encoding="utf-8")
    text = text.replace("2022,alliantie,verhuringen_urgent,180,", "2022,alliantie,verhuringen_urgent,210,")
    text = text.replace("2022,portaal,verhuringen_urgent,160,", "2022,portaal,verhuringen_urgent,130,")
    changed.write_text(text, encoding="utf-8")
    return changed


def test_second_run_marks_what_changed(report, mini_copy: Path, tmp_path: Path) -> None:
    figures = mini_copy.parent / "figures.csv"
    first = report("--format", "md", index=mini_copy, figures=figures, history=True)
    assert first.exit_code == 0, first.stderr
    store = tmp_path / "out" / "history.sqlite"  # the default: beside the reports
    md = (tmp_path / "out" / f"{STEM}.md").read_text(encoding="utf-8")
    assert "Geen eerdere run in de geschiedenis" in md

    later = _worse_and_better(figures)
    second = report("--format", "md", "--format", "html", index=mini_copy, figures=later, history=True)
    assert second.exit_code == 0, second.stderr
    md = (tmp_path / "out" / f"{STEM}.md").read_text(encoding="utf-8")
    assert "Sinds de vorige run (peildatum 1 maart 2023" in md
    assert (
        "- **nieuw niet voldaan**: Maximaal 50% naar urgenten (art. 1), de Alliantie, 2022 — ✓ voldaan → ✗ niet voldaan"
        in md
    )
    assert (
        "- **hersteld**: Maximaal 50% naar urgenten (art. 1), Portaal, 2022 — ✗ niet voldaan → ✓ voldaan"
        in md
    )
    assert "| Vorige |" in md
    # unchanged results carry no mark, but do show the previous status
    assert "| ✓ voldaan | ✓ voldaan | 7,5% (30 van 400)" in md
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    assert '<span class="change">nieuw niet voldaan</span>' in html
    assert '<span class="prev">(vorige: <span aria-hidden="true">✓</span> voldaan)</span>' in html

    runs = history.read(store)
    assert len(runs) == 2
    record = runs[1].record()
    assert record["kind"] == "prestatiecheck-history" and record["agreement"] == "mini-2022-2023"
    assert record["as_of"] == "2023-03-01" and record["timestamp"].endswith("Z")
    assert record["results"]["mini-2022-2023/1|alliantie||2022"] == {"status": "not_met", "value": 52.5}
    assert record["results"]["mini-2022-2023/1|||2022"]["status"] in ("met", "at_risk")


def test_english_change_marks(report, mini_copy: Path) -> None:
    figures = mini_copy.parent / "figures.csv"
    assert report("--format", "txt", index=mini_copy, figures=figures, history=True).exit_code == 0
    result = report(
        "--format", "txt", "--lang", "en", index=mini_copy, figures=_worse_and_better(figures), history=True
    )
    assert result.exit_code == 0
    text = (Path(mini_copy).parent.parent / "out" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert (
        "newly not met: Maximaal 50% naar urgenten (art. 1) - de Alliantie, 2022: ✓ met -> ✗ not met" in text
    )
    assert "recovered: Maximaal 50% naar urgenten (art. 1) - Portaal, 2022: ✗ not met -> ✓ met" in text


def test_same_figures_again_no_changes(report, tmp_path: Path) -> None:
    assert report("--format", "txt", history=True).exit_code == 0
    assert report("--format", "txt", history=True).exit_code == 0
    text = (tmp_path / "out" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert "Geen veranderingen sinds de vorige run" in text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "ongeldige JSON"),
        ('{"kind": "iets anders"}', "geen geschiedenisregel"),
        ('{"kind": "prestatiecheck-history", "version": 1, "as_of": "2023-01-01"}', "'results' ontbreekt"),
        (
            '{"kind": "prestatiecheck-history", "version": 1, "run": "x", "timestamp": "t", "as_of": "2023-01-01",'
            ' "agreement": "mini-2022-2023", "results": {"k|||2022": {"status": "prima"}}}',
            "prima",
        ),
        (
            '{"kind": "prestatiecheck-history", "version": 1, "run": "x", "timestamp": "t", "as_of": "2023-01-01",'
            ' "agreement": "mini-2022-2023", "results": {"k|||2022": {"status": "met", "value": [1]}}}',
            "geen getal",
        ),
        (
            '{"kind": "prestatiecheck-history", "version": 1, "run": 7, "timestamp": "t", "as_of": "2023-01-01",'
            ' "agreement": "mini-2022-2023", "results": {}}',
            "'run' heeft het verkeerde type",
        ),
    ],
)
def test_damaged_old_history_line_is_an_error_never_skipped(
    report, tmp_path: Path, line: str, reason: str
) -> None:
    assert report("--format", "txt", history=True).exit_code == 0
    legacy = _legacy_copy(tmp_path / "out" / "history.sqlite", tmp_path / "old")
    good = legacy.read_text(encoding="utf-8")
    legacy.write_text(good + "\n" + line + "\n" + good, encoding="utf-8")  # line 3 (line 2 is blank)
    before = legacy.read_bytes()
    result = report("--format", "txt", "-o", str(tmp_path / "old"), history=True)
    assert result.exit_code == 2
    assert "history.jsonl:3:" in result.stderr and reason in result.stderr
    assert legacy.read_bytes() == before  # not renamed, not changed
    assert not (tmp_path / "old" / "history.sqlite").exists()  # nothing moved in
    assert not list((tmp_path / "old").glob("*.txt"))  # stopped before writing a report


def _legacy_copy(database: Path, folder: Path) -> Path:
    """An earlier version's history.jsonl in ``folder``, made from the runs in ``database``."""
    folder.mkdir(exist_ok=True)
    legacy = folder / "history.jsonl"
    legacy.write_text(
        "".join(json.dumps(r.record(), ensure_ascii=False) + "\n" for r in history.read(database)),
        encoding="utf-8",
    )
    return legacy


def test_no_history(report, tmp_path: Path) -> None:
    assert report("--format", "txt").exit_code == 0  # the fixture passes --no-history
    assert not (tmp_path / "out" / "history.sqlite").exists()
    both = report("--format", "txt", "--history", str(tmp_path / "h.sqlite"), "--no-history")
    assert both.exit_code == 2


def test_check_records_and_report_from_results_does_not_record_twice(invoke, tmp_path: Path) -> None:
    store = tmp_path / "h.sqlite"
    saved = tmp_path / "r.json"
    assert invoke("check", *mini_args("--history", str(store), "--format", "csv")).exit_code == 1
    assert invoke("check", *mini_args("--history", str(store), "--results-json", str(saved))).exit_code == 1
    assert len(history.read(store)) == 2
    result = invoke(
        "report",
        "--from-results",
        str(saved),
        "--history",
        str(store),
        "--format",
        "txt",
        "-o",
        str(tmp_path / "o"),
    )
    assert result.exit_code == 0, result.stderr
    assert len(history.read(store)) == 2
    assert "geschiedenis bijgewerkt" not in result.stderr  # nothing new was recorded
    text = (tmp_path / "o" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert "Geen veranderingen sinds de vorige run" in text  # compared with the first check, not itself


def test_check_without_history_option_writes_none(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("check", *mini_args()).exit_code == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("now", "before", "mark"),
    [
        ("not_met", "met", "new_not_met"),
        ("not_met", None, "new_not_met"),
        ("not_met", "not_met", None),
        ("at_risk", "met", "new_at_risk"),
        ("at_risk", "not_met", "improved"),
        ("met", "not_met", "recovered"),
        ("met", "at_risk", "recovered"),
        ("met", "no_data", "changed"),
        ("no_data", "met", "changed"),
        ("met", None, None),
    ],
)
def test_change_marks(now: str, before: str | None, mark: str | None) -> None:
    assert history.change(now, before) == mark


def test_previous_skips_own_run_other_agreements_and_later_as_of(tmp_path: Path) -> None:
    from datetime import date

    def run(run_id: str, agreement: str, as_of: str) -> history.Run:
        return history.Run(run_id, "t", date.fromisoformat(as_of), agreement, {}, 1)  # (seq 1)

    runs = [
        run("a", "x", "2023-01-01"),
        run("b", "y", "2023-02-01"),
        run("c", "x", "2024-01-01"),
        run("d", "x", "2023-02-01"),
    ]
    assert history.previous(runs, "x", run="d", as_of=date(2023, 2, 1)).run == "a"  # type: ignore[union-attr]
    assert history.previous(runs, "x", run="e", as_of=date(2023, 3, 1)).run == "d"  # type: ignore[union-attr]
    assert history.previous(runs, "z", run="e", as_of=date(2023, 3, 1)) is None


def test_check_with_damaged_history_stops_before_output(invoke, tmp_path: Path) -> None:
    store = tmp_path / "h.sqlite"
    store.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    result = invoke("check", *mini_args("--history", str(store)))
    assert result.exit_code == 2
    assert "h.sqlite:" in result.stderr and "beschadigde geschiedenis" in result.stderr
    assert result.stdout == ""
    assert store.read_bytes() == b"SQLite format 3\x00" + b"\x07" * 200
