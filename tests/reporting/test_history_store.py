"""The SQLite history store: migration, concurrent runs, a full disk, and `prestatiecheck history`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from prestatiecheck.reporting import history
from tests.helpers import HERE, MINI, MINI_FIGURES, MINI_INDEX
from tests.reporting.conftest import AS_OF, STEM, mini_args

ROOT = HERE.parent


def _record(
    run: str, as_of: str = "2023-03-01", results: dict[str, dict[str, object]] | None = None
) -> dict[str, object]:
    return {
        "kind": history.KIND,
        "version": 1,
        "run": run,
        "timestamp": "2023-03-02T10:00:00Z",
        "as_of": as_of,
        "agreement": MINI,
        "prestatiecheck": "0.1.0",
        "figures_files": ["cijfers.csv"],
        "summary": {},
        "results": results or {},
    }


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A history with two runs of the mini agreement: one result changes, one appears, one goes."""
    path = tmp_path / "h.sqlite"
    history.append(
        path,
        [
            _record(
                "aaaa1111" * 4,
                results={
                    "r1|alliantie||2022": {"status": "met", "value": 45},
                    "r2|||2022": {"status": "no_data", "value": None},
                },
            ),
            _record(
                "bbbb2222" * 4,
                "2024-03-01",
                {
                    "r1|alliantie||2022": {"status": "not_met", "value": 52.5},
                    "r3|portaal|Blok\u00a0A|2023": {"status": "met", "value": "2023-05-01"},
                },
            ),
        ],
    )
    return path


# --- the store ------------------------------------------------------------------------------------


def test_records_round_trip_and_a_run_is_recorded_once(store: Path) -> None:
    runs = history.read(store)
    assert [r.run[:4] for r in runs] == ["aaaa", "bbbb"]
    assert runs[1].results == {
        "r1|alliantie||2022": {"status": "not_met", "value": 52.5},
        "r3|portaal|Blok\u00a0A|2023": {"status": "met", "value": "2023-05-01"},
    }
    assert runs[1].summary["not_met"] == 1 and runs[1].summary["met"] == 1
    assert history.append(store, [runs[0].record()]) == 0  # the same run again: not added
    assert len(history.read(store)) == 2
    with sqlite3.connect(store) as db:  # a real database: queryable with any SQLite tool
        assert db.execute("SELECT count(*) FROM results WHERE status = 'not_met'").fetchone() == (1,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_old_history_jsonl_is_moved_in_once_and_said_so(report, tmp_path: Path) -> None:
    assert report("--format", "txt", history=True).exit_code == 0
    old = tmp_path / "old"
    old.mkdir()
    runs = history.read(tmp_path / "out" / "history.sqlite")
    (old / "history.jsonl").write_text("".join(json.dumps(r.record()) + "\n" for r in runs), encoding="utf-8")
    result = report("--format", "txt", "-o", str(old), history=True)
    assert result.exit_code == 0, result.stderr
    assert (
        "geschiedenis overgezet: 1 run(s) uit" in result.stderr and "history.jsonl.migrated" in result.stderr
    )
    assert not (old / "history.jsonl").exists() and (old / "history.jsonl.migrated").is_file()
    moved = history.read(old / "history.sqlite")
    assert [r.run for r in moved][0] == runs[0].run and len(moved) == 2
    # compared with the moved run: the same figures, so nothing changed
    assert "Geen veranderingen sinds de vorige run" in (old / f"{STEM}.txt").read_text(encoding="utf-8")


def test_a_jsonl_history_option_means_the_sqlite_beside_it(invoke, tmp_path: Path) -> None:
    legacy = tmp_path / "h.jsonl"
    assert invoke("check", *mini_args("--history", str(legacy), "--format", "csv")).exit_code == 1
    assert not legacy.exists() and len(history.read(tmp_path / "h.sqlite")) == 1
    exported = invoke("history", "export", "--history", str(tmp_path / "h.sqlite"))
    legacy.write_text(exported.stdout, encoding="utf-8")  # as if an old version had written it
    (tmp_path / "h.sqlite").unlink()
    result = invoke("check", *mini_args("--history", str(legacy), "--format", "csv", "--lang", "en"))
    assert result.exit_code == 1
    assert "history moved: 1 run(s) from" in result.stderr
    assert len(history.read(tmp_path / "h.sqlite")) == 2
    again = invoke("history", "export", "--history", str(legacy))  # the same name finds the database
    assert again.stdout.startswith(exported.stdout)


def test_ten_concurrent_reports_keep_every_record(tmp_path: Path) -> None:
    store = tmp_path / "shared.sqlite"
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PRESTATIECHECK_LANG": "nl"}
    command = [
        sys.executable, "-m", "prestatiecheck", "report", "--agreements", str(MINI_INDEX), "-a", MINI,
        "-f", str(MINI_FIGURES), "--as-of", AS_OF, "--format", "md", "-o", str(out), "--history", str(store),
    ]  # fmt: skip
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(10)
    ]
    outcomes = [(p.wait(timeout=300), p.stderr.read().decode()) for p in processes]  # type: ignore[union-attr]
    for p in processes:
        p.stdout.close()  # type: ignore[union-attr]
        p.stderr.close()  # type: ignore[union-attr]
    assert [code for code, _ in outcomes] == [0] * 10, outcomes
    assert all("geschiedenis bijgewerkt" in err for _, err in outcomes)
    runs = history.read(store)
    assert len(runs) == 10 and len({r.run for r in runs}) == 10
    assert all(len(r.results) == len(runs[0].results) > 0 for r in runs)
    # the ten atomic writes of the same report left one complete file and no temporary files
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}.md"]
    assert (out / f"{STEM}.md").read_text(encoding="utf-8").rstrip().endswith("*")


# --- refusing what is not a history -----------------------------------------------------------------


def test_a_foreign_or_garbled_database_is_refused(invoke, tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE invoices (id INTEGER)")
    result = invoke("check", *mini_args("--history", str(foreign)))
    assert result.exit_code == 2 and "other.sqlite: " in result.stderr
    assert "van een ander programma" in result.stderr

    lines = tmp_path / "lines.sqlite"
    lines.write_text('{"kind": "prestatiecheck-history"}\n', encoding="utf-8")
    result = invoke("check", *mini_args("--history", str(lines), "--lang", "en"))
    assert result.exit_code == 2
    assert (
        "not a prestatiecheck history database" in result.stderr
        and "name the file lines.jsonl" in result.stderr
    )


def test_a_history_that_is_not_a_regular_file_is_refused(invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = invoke("check", *mini_args("--history", str(fifo)))
    assert result.exit_code == 2 and "geen map, apparaat, FIFO of socket" in result.stderr
    assert fifo.exists() and not fifo.is_file()


def test_a_symlinked_history_is_written_through(invoke, tmp_path: Path) -> None:
    real = tmp_path / "data" / "history.sqlite"
    real.parent.mkdir()
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    assert invoke("check", *mini_args("--history", str(link), "--format", "json")).exit_code == 1
    assert link.is_symlink() and len(history.read(real)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "link.sqlite"]


# --- a full disk while recording ----------------------------------------------------------------------


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(history, "_insert", full)


def test_full_disk_while_recording_says_the_report_was_written(
    report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert report("--format", "md", history=True).exit_code == 0
    store = tmp_path / "out" / "history.sqlite"
    before = history.read(store)
    _disk_full(monkeypatch)
    result = report("--format", "md", "--mail-to", "a@example.org", "--dry-run", history=True)
    assert result.exit_code == 3
    assert "het rapport is geschreven (" in result.stderr and f"{STEM}.md" in result.stderr
    assert (
        "de geschiedenis is niet bijgewerkt" in result.stderr and "database or disk is full" in result.stderr
    )
    assert (tmp_path / "out" / f"{STEM}.md").is_file()
    assert (tmp_path / "out" / f"{STEM}.eml").is_file()  # the report is still delivered
    monkeypatch.undo()
    assert history.read(store) == before  # the store is as it was


def test_full_disk_while_check_records(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _disk_full(monkeypatch)
    result = invoke(
        "check", *mini_args("--history", str(tmp_path / "h.sqlite"), "--format", "csv", "--lang", "en")
    )
    assert result.exit_code == 3
    assert result.stdout.startswith("agreement,rule,")
    assert "the output was written, but the history was not updated" in result.stderr


# --- prestatiecheck history ---------------------------------------------------------------------------


def test_history_list_table_and_json(invoke, store: Path) -> None:
    table = invoke("history", "list", "--history", str(store))
    assert table.exit_code == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].startswith("2 run(s) in ") and "Peildatum" in lines[2] and "✗ niet voldaan" in lines[2]
    assert lines[4].startswith("aaaa1111  2023-03-02 10:00 UTC  2023-03-01  mini-2022-2023")
    english = invoke("history", "list", "--history", str(store), "--lang", "en")
    assert "As of" in english.stdout and "✗ not met" in english.stdout
    data = json.loads(invoke("history", "list", "--history", str(store), "--format", "json").stdout)
    assert data == [
        {
            "id": "aaaa1111" * 4,
            "timestamp": "2023-03-02T10:00:00Z",
            "as_of": "2023-03-01",
            "agreement": MINI,
            "summary": {"not_met": 0, "at_risk": 0, "no_data": 1, "pending": 0, "met": 1},
        },
        {
            "id": "bbbb2222" * 4,
            "timestamp": "2023-03-02T10:00:00Z",
            "as_of": "2024-03-01",
            "agreement": MINI,
            "summary": {"not_met": 1, "at_risk": 0, "no_data": 0, "pending": 0, "met": 1},
        },
    ]
    none = invoke("history", "list", "--history", str(store), "-a", "elders")
    assert none.exit_code == 0 and none.stdout.startswith("geen runs in ")


def _cells(text: str) -> list[list[str]]:
    import re

    return [re.split(r" {2,}", line.strip()) for line in text.splitlines()]


def test_history_show(invoke, store: Path) -> None:
    shown = invoke("history", "show", "bbbb", "--history", str(store))
    assert shown.exit_code == 0, shown.stderr
    assert f"Run: {'bbbb2222' * 4}" in shown.stdout and "Peildatum: 2024-03-01" in shown.stdout
    assert ["r1", "alliantie", "–", "2022", "✗ niet voldaan", "52,5"] in _cells(shown.stdout)
    assert ["r3", "portaal", "Blok\u00a0A", "2023", "✓ voldaan", "2023-05-01"] in _cells(shown.stdout)
    english = invoke("history", "show", "bbbb", "--history", str(store), "--lang", "en")
    assert "52.5" in english.stdout and "✗ not met" in english.stdout
    data = json.loads(
        invoke("history", "show", "aaaa1111", "--history", str(store), "--format", "json").stdout
    )
    assert data[0]["results"]["r2|||2022"] == {"status": "no_data", "value": None}


def test_history_diff(invoke, store: Path) -> None:
    result = invoke("history", "diff", "aaaa", "bbbb", "--history", str(store))
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()
    assert (
        rows[0] == "mini-2022-2023: run aaaa1111 (peildatum 2023-03-01) → run bbbb2222 (peildatum 2024-03-01)"
    )
    assert any(
        r.startswith("r1")
        and "✓ voldaan (45)" in r
        and "✗ niet voldaan (52,5)" in r
        and r.endswith("nieuw niet voldaan")
        for r in rows
    )
    assert any(r.startswith("r2") and r.endswith("vervallen") for r in rows)
    assert any(r.startswith("r3") and r.endswith("nieuw") for r in rows)
    data = json.loads(
        invoke(
            "history", "diff", "aaaa", "bbbb", "--history", str(store), "--format", "json", "--lang", "en"
        ).stdout
    )
    changes = {d["rule"]: d["change"] for d in data[0]["differences"]}
    assert changes == {"r1": "new_not_met", "r2": "removed", "r3": "added"}
    same = invoke("history", "diff", "aaaa", "aaaa", "--history", str(store), "--lang", "en")
    assert same.stdout.endswith("No differences.\n")


def test_history_export_jsonl_round_trips_and_csv_is_spreadsheet_safe(
    invoke, store: Path, tmp_path: Path
) -> None:
    hostile = {'r4|portaal|=HYPERLINK("http://x")|2022': {"status": "met", "value": -5}}
    history.append(store, [_record("cccc3333" * 4, results=hostile)])
    exported = invoke("history", "export", "--history", str(store))
    assert exported.exit_code == 0
    assert [json.loads(line)["run"][:4] for line in exported.stdout.splitlines()] == ["aaaa", "bbbb", "cccc"]
    again = tmp_path / "again"
    again.mkdir()
    (again / "history.jsonl").write_text(exported.stdout, encoding="utf-8")
    assert invoke("history", "export", "--history", str(again / "history.sqlite")).stdout == exported.stdout

    csv_text = invoke("history", "export", "--format", "csv", "--history", str(store)).stdout
    assert csv_text.splitlines()[0] == "run,timestamp,as_of,agreement,rule,party,project,period,status,value"
    assert (
        f'{"cccc3333" * 4},2023-03-02T10:00:00Z,2023-03-01,mini-2022-2023,r4,portaal,"\'=HYPERLINK(""http://x"")",2022,met,-5'
        in csv_text
    )
    target = tmp_path / "export.csv"
    assert (
        invoke("history", "export", "--format", "csv", "--history", str(store), "-o", str(target)).exit_code
        == 0
    )
    assert target.read_text(encoding="utf-8") == csv_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "ffff"), "run 'ffff' staat niet in"),
        (("show", "abc"), "run 'abc' staat niet in"),  # fewer than 4 characters: only a whole id
        (("diff", "aaaa", "ffff"), "run 'ffff' staat niet in"),
        (("show", "aaaa", "-a", "elders"), "run 'aaaa' staat niet in"),
    ],
)
def test_history_unknown_run(invoke, store: Path, args: tuple[str, ...], message: str) -> None:
    result = invoke("history", *args, "--history", str(store))
    assert result.exit_code == 2 and message in result.stderr
    assert "laatste runs: aaaa1111, bbbb2222" in result.stderr


def test_history_ambiguous_run_and_missing_store(invoke, store: Path, tmp_path: Path) -> None:
    history.append(store, [_record("aaaa9999" * 4)])
    result = invoke("history", "show", "aaaa", "--history", str(store))
    assert result.exit_code == 2 and "'aaaa' past bij meer dan één run" in result.stderr
    missing = invoke("history", "list", "--history", str(tmp_path / "nothing.sqlite"), "--lang", "en")
    assert missing.exit_code == 2 and "no history at" in missing.stderr and "nothing.sqlite" in missing.stderr
    assert not (tmp_path / "nothing.sqlite").exists()


def test_history_escapes_control_characters(invoke, tmp_path: Path) -> None:
    store = tmp_path / "h.sqlite"
    hostile = {"r1|portaal|\x1b]0;pwned\x07|2022": {"status": "met", "value": 1}}
    history.append(store, [_record("dddd4444" * 4, results=hostile)])
    shown = invoke("history", "show", "dddd", "--history", str(store))
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "\\x1b]0;pwned\\x07" in shown.stdout
