"""`check` writes agreement by agreement, in one process or several (--jobs): the same output."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from prestatiecheck import exitcodes
from prestatiecheck.pipeline import CheckOptions, run_check
from prestatiecheck.rendering import chunks
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.shards import ShardSpec
from prestatiecheck.streaming import start_check

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {
    "soest-2021-2022": "soest-2021-2022.csv",
    "amersfoort-2021": "amersfoort-2021.csv",
    "nijkerk-2025-2027": "nijkerk-2025-2027.csv",
    "amersfoort-2026-2030": "amersfoort-2026-2030.csv",
}


@pytest.fixture
def several(tmp_path: Path) -> Path:
    """The figures of four agreements in one file with an agreement column, not in id order."""
    rows = []
    for agreement, name in EXAMPLES.items():
        with (ROOT / "examples" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows.append({"agreement": agreement, **row})
    rows = rows[len(rows) // 3 :] + rows[: len(rows) // 3]  # agreements interleaved
    path = tmp_path / "several.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["agreement", "period", "party", "metric", "value", "note", "project"]
        )
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_jobs_give_the_same_output(invoke, several: Path, fmt: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Every format in both languages with two workers; three (uneven shards) and 'auto' in one
    language (the language reaches the workers the same way whatever their number)."""
    args = ["check", "-f", str(several), "--as-of", "2024-06-01", "--format", fmt, "--lang", lang]
    one = invoke(*args)
    assert one.exit_code == exitcodes.FINDINGS, one.output
    for jobs in ("2", "3", "auto") if lang == "nl" else ("2",):
        more = invoke(*args, "--jobs", jobs)
        assert (more.exit_code, more.stdout, more.stderr) == (one.exit_code, one.stdout, one.stderr), jobs


def test_jobs_give_the_same_output_with_quiet_party_and_theme(invoke, several: Path) -> None:  # type: ignore[no-untyped-def]
    args = ["check", "-f", str(several), "--as-of", "2022-06-01", "-q", "-p", "portaal", "--format", "json"]
    one = invoke(*args)
    two = invoke(*args, "-j", "2")
    assert (two.exit_code, two.stdout) == (one.exit_code, one.stdout)
    assert json.loads(one.stdout)["results"]
    assert all(r["party"] == "portaal" for r in json.loads(one.stdout)["results"])


def test_the_streamed_document_is_the_document_of_all_results(several: Path) -> None:
    """Written agreement by agreement, or rendered from every result held in memory: the same bytes."""
    options = CheckOptions(figures=[several], as_of=date(2024, 6, 1))
    held = run_check(options)
    assert [a.id for a in held.agreements] == sorted(EXAMPLES)
    render = RenderOptions()
    for fmt in ("json", "csv", "markdown", "table"):
        streamed = b"".join(_bytes(c) for c in chunks(fmt, start_check(options), render))
        assert streamed == b"".join(_bytes(c) for c in chunks(fmt, held, render)), fmt


def test_each_agreement_is_rendered_on_its_own_and_in_order(several: Path) -> None:
    evaluation = start_check(CheckOptions(figures=[several], as_of=date(2024, 6, 1)))
    seen: list[set[str]] = []
    for _ in evaluation.parts(
        lambda results, agreements: seen.append({r.rule.applies_to or r.rule.agreement_id for r in results})
    ):
        pass
    # (the national rule set's results for an agreement's corporations come with that agreement)
    assert seen == [{a} for a in sorted(EXAMPLES)]
    assert sum(evaluation.summary().values()) > 0  # the counts are known once the parts are done


def test_every_figure_problem_is_reported_whatever_the_jobs(invoke, tmp_path: Path, several: Path) -> None:  # type: ignore[no-untyped-def]
    text = several.read_text(encoding="utf-8").splitlines()
    # A bad value in two agreements (which go to different workers), and a row of an unknown agreement.
    broken = [text[0]]
    for line in text[1:]:
        if line.startswith("soest-2021-2022,2021,portaal,verhuringen_totaal,"):
            line = line.replace(",verhuringen_totaal,", ",verhuringen_totaal,veel")
        if line.startswith("nijkerk-2025-2027,2025,wsn,verhuringen_totaal,"):
            line = line.replace(",verhuringen_totaal,", ",verhuringen_totaal,xyz")
        broken.append(line)
    broken.append("amersfoort-2099,2024,portaal,verhuringen_totaal,5,,")
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    assert ShardSpec(0, 2).owns("soest-2021-2022") != ShardSpec(0, 2).owns("nijkerk-2025-2027")
    args = ["check", "-f", str(path), "--as-of", "2024-06-01", "--format", "json"]
    one = invoke(*args)
    assert one.exit_code == exitcodes.INVALID
    assert one.stdout == ""  # nothing written
    assert "veel" in one.stderr and "xyz" in one.stderr and "amersfoort-2099" in one.stderr
    assert "verhuringen_totaal" in one.stderr.split("veel")[0].splitlines()[-1]
    for jobs in ("2", "3"):
        more = invoke(*args, "-j", jobs)
        assert (more.exit_code, more.stdout, more.stderr) == (one.exit_code, one.stdout, one.stderr)


def test_figures_that_match_nothing_write_nothing(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.csv"
    path.write_text(
        "agreement,period,party,metric,value\n"
        "soest-2021-2022,2015,portaal,verhuringen_totaal,10\n"
        "nijkerk-2025-2027,2015,wsn,verhuringen_totaal,10\n",
        encoding="utf-8",
    )
    for jobs in ("1", "2"):
        result = invoke(
            "check", "-f", str(path), "--format", "json", "-j", jobs, "-o", str(tmp_path / "out.json")
        )
        assert result.exit_code == exitcodes.INVALID, result.output
        assert "soest-2021-2022, nijkerk" not in result.stderr  # the agreements are named in order
        assert "nijkerk-2025-2027, soest-2021-2022" in result.stderr
        assert not (tmp_path / "out.json").exists()
        assert result.stdout == ""


def test_rows_without_agreement_need_one_whatever_the_jobs(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.csv"
    path.write_text(
        "agreement,period,party,metric,value\nsoest-2021-2022,2021,portaal,verhuringen_totaal,10\n,2021,portaal,verhuringen_urgent,3\n",
        encoding="utf-8",
    )
    one = invoke("check", "-f", str(path))
    two = invoke("check", "-f", str(path), "-j", "2")
    assert one.exit_code == two.exit_code == exitcodes.INVALID
    assert one.stderr == two.stderr and "--agreement" in one.stderr


def test_workers_end_by_themselves_when_the_check_stops_early(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A check with --jobs that stops after its first phase (bad figures): every worker reads the
    end of its pipe and stops; none is left waiting to be terminated (each waited 5 s before)."""
    import multiprocessing.process

    terminated: list[object] = []
    terminate = multiprocessing.process.BaseProcess.terminate

    def recorded(process: multiprocessing.process.BaseProcess) -> None:
        terminated.append(process)
        terminate(process)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "terminate", recorded)
    path = tmp_path / "mixed.csv"
    path.write_text(
        "agreement,period,party,metric,value\nsoest-2021-2022,2021,portaal,verhuringen_totaal,veel\n",
        encoding="utf-8",
    )
    for jobs in ("2", "3"):
        result = invoke("check", "-f", str(path), "-j", jobs)
        assert result.exit_code == exitcodes.INVALID and "veel" in result.stderr
    assert terminated == []


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_bad_jobs(invoke, value: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "-a", "soest-2021-2022", "-f", "examples/soest-2021-2022.csv", "-j", value)
    assert result.exit_code == exitcodes.INVALID
    assert "'auto'" in result.stderr
    english = invoke(
        "--lang", "en", "check", "-a", "soest-2021-2022", "-f", "examples/soest-2021-2022.csv", "-j", value
    )
    assert "not a number of processes" in english.stderr


def test_shards_split_the_agreements_between_them() -> None:
    ids = [f"gemeente-{i:03d}" for i in range(350)]
    for count in (1, 2, 3):
        owners = [[a for a in ids if ShardSpec(i, count).owns(a)] for i in range(count)]
        assert sorted(a for owned in owners for a in owned) == ids  # each agreement once
        assert all(len(owned) > 350 / count * 0.8 for owned in owners)  # about evenly


def _bytes(chunk: str | bytes) -> bytes:
    return chunk if isinstance(chunk, bytes) else chunk.encode("utf-8")
