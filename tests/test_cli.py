"""The public CLI: exit codes, formats, colour, quiet, languages, list/explain/deadlines, help."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from prestatiecheck import exitcodes
from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

BASE = ["--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(MINI_FIGURES), "--as-of", "2023-03-15"]


def check(invoke, *extra: str):  # type: ignore[no-untyped-def]
    return invoke("check", *BASE, *extra)


def test_exit_code_follows_fail_on(invoke) -> None:  # type: ignore[no-untyped-def]
    assert check(invoke).exit_code == exitcodes.FINDINGS  # there is something not met
    assert check(invoke, "--fail-on", "never").exit_code == exitcodes.OK
    only_met = check(invoke, "--theme", "Monitoring", "--party", "alliantie", "--fail-on", "not_met")
    assert only_met.exit_code == exitcodes.OK  # alliantie's monitoring: met and at_risk only
    assert (
        check(invoke, "--theme", "Monitoring", "--party", "alliantie", "--fail-on", "at_risk").exit_code == 1
    )


def test_json_contract(invoke) -> None:  # type: ignore[no-untyped-def]
    result = check(invoke, "--format", "json")
    data = json.loads(result.stdout)
    assert data["as_of"] == "2023-03-15"
    assert data["agreement"] == MINI and data["agreements"] == [MINI]
    assert set(data["summary"]) == {"met", "at_risk", "not_met", "no_data", "pending"}
    assert sum(data["summary"].values()) == len(data["results"])
    for r in data["results"]:
        for key in ("rule", "party", "project", "period", "status", "value", "provisional", "message"):
            assert key in r
        assert "limit" in r or "target" in r
        assert "\x1b" not in json.dumps(r)
    urgent_joint = next(
        r
        for r in data["results"]
        if r["rule"] == f"{MINI}/1" and r["party"] is None and r["period"] == "2022"
    )
    assert urgent_joint["status"] == "at_risk"
    assert urgent_joint["value"] == pytest.approx(48.5714, abs=1e-4)
    assert urgent_joint["numerator"] == 340 and urgent_joint["denominator"] == 700
    monitor = next(
        r
        for r in data["results"]
        if r["rule"] == f"{MINI}/8" and r["party"] == "portaal" and r["period"] == "2022"
    )
    assert (
        monitor["value"] == "2022-04-02"
        and monitor["limit"] == "2022-03-31"
        and monitor["status"] == "not_met"
    )
    assert "2 dagen te laat" in monitor["message"]
    noted = next(r for r in data["results"] if r["rule"] == f"{MINI}/1" and r["party"] == "portaal")
    assert noted["notes"] == [{"party": "portaal", "note": "Veel statushouders gehuisvest"}]


def test_json_in_english(invoke) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(check(invoke, "--format", "json", "--lang", "en").stdout)
    monitor = next(r for r in data["results"] if r["rule"] == f"{MINI}/8" and r["party"] == "portaal")
    assert "done 2 days late" in monitor["message"]
    assert monitor["status_label"] == "not met"


def test_language_from_environment(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", *BASE, "--format", "json", env={"PRESTATIECHECK_LANG": "en"})
    assert json.loads(result.stdout)["language"] == "en"


def test_csv_output(invoke) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(check(invoke, "--format", "csv").stdout)))
    assert rows and {"rule", "party", "period", "status", "value", "message"} <= set(rows[0])
    assert any(r["status"] == "not_met" for r in rows)


def test_markdown_output(invoke) -> None:  # type: ignore[no-untyped-def]
    text = check(invoke, "--format", "markdown").stdout
    assert text.startswith("# Toetsing prestatieafspraken")
    assert "| Afspraak | Partij | Periode | Waarde | Norm | Status | Bron | Toelichting |" in text
    assert "✗ niet voldaan" in text and "\x1b" not in text


def test_table_groups_by_agreement_and_theme_and_summarises(invoke) -> None:  # type: ignore[no-untyped-def]
    text = check(invoke).stdout
    assert "Testafspraken Mini 2022-2023 (mini-2022-2023)" in text
    for theme in ("Woonruimteverdeling", "Beschikbaarheid", "Monitoring"):
        assert theme in text
    assert "Samenvatting:" in text
    assert "48,6%" in text and "✓ voldaan" in text
    assert "\x1b[" not in text  # not a terminal: no colour


def test_colour_switches(invoke) -> None:  # type: ignore[no-untyped-def]
    assert "\x1b[" in check(invoke, "--color", "always").stdout
    assert "\x1b[" in invoke("check", *BASE, env={"FORCE_COLOR": "1"}).stdout
    assert (
        "\x1b["
        not in invoke("check", *BASE, "--color", "auto", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    )
    assert "\x1b[" not in check(invoke, "--color", "never").stdout


def test_quiet_shows_only_not_met_and_at_risk(invoke) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(check(invoke, "--quiet", "--format", "json").stdout)
    assert {r["status"] for r in data["results"]} == {"not_met", "at_risk"}
    text = check(invoke, "--quiet").stdout
    assert "geen gegevens" not in text.split("Samenvatting")[0]


def test_party_and_theme_filters(invoke) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(
        check(invoke, "--party", "portaal", "--theme", "woonruimteverdeling", "--format", "json").stdout
    )
    assert {r["party"] for r in data["results"]} == {"portaal"}
    assert {r["theme"] for r in data["results"]} == {"Woonruimteverdeling"}


def test_unknown_theme_and_party(invoke) -> None:  # type: ignore[no-untyped-def]
    result = check(invoke, "--theme", "Woonruimteverdeeling")
    assert result.exit_code == 2 and "bedoelde u 'Woonruimteverdeling'" in result.stderr
    result = check(invoke, "--party", "portal")
    assert result.exit_code == 2 and "bedoelde u 'portaal'" in result.stderr


def test_output_file_is_written_atomically(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "results.json"
    result = check(invoke, "--format", "json", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["agreement"] == MINI
    assert "geschreven" in result.stderr
    assert [p.name for p in target.parent.iterdir()] == ["results.json"]  # no temp files left


def test_figures_with_agreement_column_need_no_option(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text(
        "agreement,period,party,metric,value\n"
        f"{MINI},2022,alliantie,verhuringen_totaal,10\n{MINI},2022,alliantie,verhuringen_urgent,1\n",
        encoding="utf-8",
    )
    result = invoke(
        "check", "--agreements", str(MINI_INDEX), "-f", str(path), "--as-of", "2024-01-01", "--format", "json"
    )
    assert json.loads(result.stdout)["agreements"] == [MINI]


@pytest.mark.parametrize("word", ["", "gezamenlijk", "Totaal", "joint"])
def test_a_joint_figure_may_be_written_as_a_word(invoke, tmp_path: Path, word: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text(
        f"period,party,metric,value\n2022,{word},verhuringen_totaal,100\n2022,{word},verhuringen_urgent,60\n",
        encoding="utf-8",
    )
    result = invoke(
        "check",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        MINI,
        "-f",
        str(path),
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    joint = [
        r for r in json.loads(result.stdout)["results"] if r["rule"] == f"{MINI}/1" and r["period"] == "2022"
    ]
    assert [(r["party"], r["status"], r["value"]) for r in joint if r["party"] is None] == [
        (None, "not_met", 60)
    ]


def test_semicolon_csv_with_dutch_numbers(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffperiode;partij;indicator;waarde;toelichting\n"
        "2022;alliantie;verhuringen_totaal;1.380;\n"
        "2022;alliantie;verhuringen_urgent;690;\n"
        "2022;alliantie;leefbaarheid_uitgaven_per_woning;131,37;incl. buurtbemiddeling\n"
        "2022;alliantie;aanlevering_woningmarktmonitor;31-3-2022;\n".encode()
    )
    data = json.loads(
        invoke(
            "check",
            "--agreements",
            str(MINI_INDEX),
            "-a",
            MINI,
            "-f",
            str(path),
            "--as-of",
            "2024-01-01",
            "--format",
            "json",
            "--party",
            "alliantie",
        ).stdout
    )
    by_rule = {(r["rule"], r["period"]): r for r in data["results"]}
    assert (
        by_rule[(f"{MINI}/1", "2022")]["value"] == 50
        and by_rule[(f"{MINI}/1", "2022")]["status"] == "at_risk"
    )
    assert (
        by_rule[(f"{MINI}/5", "2022")]["value"] == 131.37
        and by_rule[(f"{MINI}/5", "2022")]["status"] == "met"
    )
    assert by_rule[(f"{MINI}/8", "2022")]["status"] == "met"


def test_windows_1252_csv_is_read(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "period;party;metric;value;note\n2022;alliantie;verhuringen_totaal;100;één\n"
        "2022;alliantie;verhuringen_urgent;10;\n".encode("cp1252")
    )
    data = json.loads(
        invoke(
            "check",
            "--agreements",
            str(MINI_INDEX),
            "-a",
            MINI,
            "-f",
            str(path),
            "--as-of",
            "2024-01-01",
            "--format",
            "json",
        ).stdout
    )
    assert any(n["note"] == "één" for r in data["results"] for n in r["notes"])


def test_yaml_figures(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.yaml"
    path.write_text(
        f"agreement: {MINI}\nfigures:\n"
        "  - {period: 2022, party: alliantie, metric: verhuringen_totaal, value: 200}\n"
        "  - {period: 2022, party: alliantie, metric: verhuringen_urgent, value: 120, note: 'veel urgenten'}\n"
        "  - {period: '2022', party: alliantie, metric: leefbaarheid_uitgaven_per_woning, value: 99.5}\n"
        "  - {period: 2022, party: alliantie, metric: aanlevering_woningmarktmonitor, value: 2022-03-01}\n",
        encoding="utf-8",
    )
    data = json.loads(
        invoke(
            "check",
            "--agreements",
            str(MINI_INDEX),
            "-f",
            str(path),
            "--as-of",
            "2024-01-01",
            "--format",
            "json",
            "--party",
            "alliantie",
        ).stdout
    )
    statuses = {(r["rule"], r["period"]): r["status"] for r in data["results"]}
    assert statuses[(f"{MINI}/1", "2022")] == "not_met"
    assert statuses[(f"{MINI}/5", "2022")] == "met"
    assert statuses[(f"{MINI}/8", "2022")] == "met"


def test_list_and_metrics(invoke) -> None:  # type: ignore[no-untyped-def]
    text = invoke("list", "--agreements", str(MINI_INDEX), "-a", MINI).stdout
    assert f"{MINI}/1" in text and "11 regels" in text
    rules = json.loads(invoke("list", "--agreements", str(MINI_INDEX), "-a", MINI, "--format", "json").stdout)
    assert rules[0]["threshold"] == "verhuringen_urgent / verhuringen_totaal ten hoogste 50%"
    assert (
        "| `mini-2022-2023/8` | deadline |"
        in invoke("list", "--agreements", str(MINI_INDEX), "-a", MINI, "--format", "markdown").stdout
    )
    metrics = invoke("list", "--agreements", str(MINI_INDEX), "-a", MINI, "--metrics").stdout
    assert "verhuringen_urgent" in metrics and "aantal" in metrics
    data = json.loads(
        invoke("list", "--agreements", str(MINI_INDEX), "-a", MINI, "--metrics", "--format", "json").stdout
    )
    assert any(m["metric"] == "netto_toename" and m["rules"] == [f"{MINI}/4"] for m in data)


def test_explain(invoke) -> None:  # type: ignore[no-untyped-def]
    text = invoke("explain", "--agreements", str(MINI_INDEX), f"{MINI}/8").stdout
    assert "vóór 1 april van ieder jaar" in text
    assert "31 maart 2022" in text and "jaarlijks" in text
    assert "aanlevering_woningmarktmonitor" in text
    english = invoke("explain", "--agreements", str(MINI_INDEX), f"{MINI}/8", "--lang", "en").stdout
    assert "March 31, 2022" in english or "31 March 2022" in english
    unknown = invoke("explain", "--agreements", str(MINI_INDEX), f"{MINI}/88")
    assert unknown.exit_code == 2 and "onbekende regel" in unknown.stderr


def test_deadlines_agenda(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "deadlines", "--agreements", str(MINI_INDEX), "-a", MINI, "--as-of", "2023-03-15", "--format", "json"
    )
    data = json.loads(result.stdout)
    dues = [r["due"] for r in data["results"]]
    assert dues == sorted(dues)
    assert {r["rule"] for r in data["results"]} == {f"{MINI}/8"}  # Q2 2022 evaluation is long past the window
    assert result.exit_code == 0  # only at_risk within 60 days, nothing missed yet
    late = invoke(
        "deadlines", "--agreements", str(MINI_INDEX), "-a", MINI, "--as-of", "2023-04-15", "--format", "json"
    )
    assert late.exit_code == 1
    assert {r["status"] for r in json.loads(late.stdout)["results"]} == {"not_met"}
    with_figures = invoke(
        "deadlines",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        MINI,
        "--as-of",
        "2022-04-15",
        "-f",
        str(MINI_FIGURES),
        "--format",
        "json",
    )
    assert json.loads(with_figures.stdout)["results"] == []  # both delivered (portaal late): nothing to do
    assert with_figures.exit_code == 0
    everything = invoke(
        "deadlines",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        MINI,
        "--as-of",
        "2022-04-15",
        "-f",
        str(MINI_FIGURES),
        "--format",
        "json",
        "--all",
    )
    assert {(r["party"], r["status"]) for r in json.loads(everything.stdout)["results"]} == {
        ("alliantie", "met"),
        ("portaal", "not_met"),
    }


def test_help_documents_exit_codes(invoke) -> None:  # type: ignore[no-untyped-def]
    for args in (["--help"], ["check", "--help"]):
        text = invoke(*args).stdout
        for code in ("0", "1", "2", "3"):
            assert f"  {code}  " in text


def test_english_help() -> None:
    from click.testing import CliRunner

    from prestatiecheck.cli import build_cli
    from prestatiecheck.i18n import set_language

    set_language("en")
    text = CliRunner().invoke(build_cli(), ["check", "--help"]).stdout
    assert "Check figures against the agreements" in text and "Exit codes:" in text


def test_main_entry_point_picks_language_from_argv(capsys: pytest.CaptureFixture[str]) -> None:
    from prestatiecheck.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["--lang", "en", "check", "--help"])
    assert exc.value.code == 0
    assert "Check figures against the agreements" in capsys.readouterr().out


def test_internal_errors_have_no_traceback_unless_debug(invoke, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import prestatiecheck.streaming as streaming

    def boom(options, jobs=1):  # type: ignore[no-untyped-def]
        raise RuntimeError("kapot")

    monkeypatch.setattr(streaming, "start_check", boom)
    result = check(invoke)
    assert result.exit_code == exitcodes.INTERNAL
    assert "interne fout" in result.stderr and "Traceback" not in result.stderr
    # --debug shows the traceback and never changes the exit code (it made 4 into 1)
    debug = check(invoke, "--debug")
    assert debug.exit_code == exitcodes.INTERNAL
    assert "Traceback" in debug.stderr and "RuntimeError: kapot" in debug.stderr
    assert "interne fout" in debug.stderr
    monkeypatch.setenv("PRESTATIECHECK_DEBUG", "1")
    assert check(invoke).exit_code == exitcodes.INTERNAL


def test_debug_in_a_real_process_exits_4(tmp_path: Path) -> None:
    """As cron sees it: a crash under --debug is exit 4 with the traceback, not Python's exit 1."""
    import subprocess
    import sys

    sitecustomize = tmp_path / "sitecustomize.py"
    sitecustomize.write_text(
        "import prestatiecheck.pipeline as p\n"
        "def boom(*a, **k):\n    raise RuntimeError('kapot')\n"
        "p.check_figures = boom\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{Path(__file__).resolve().parent.parent}"}
    done = subprocess.run(
        [sys.executable, "-m", "prestatiecheck", "check", "-a", "amersfoort-2021", "-f", "x.csv", "--debug"],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == exitcodes.INTERNAL, done.stderr
    assert "Traceback" in done.stderr and "RuntimeError: kapot" in done.stderr


def test_console_script_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "prestatiecheck", "check", *BASE, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert out.returncode == 1, out.stderr
    assert json.loads(out.stdout)["agreement"] == MINI


@pytest.mark.parametrize("width", [100, 120, 160, 240])
def test_table_columns_keep_short_words_whole(width: int) -> None:
    from prestatiecheck.rendering.table import column_widths

    widths = column_widths(width)
    assert len(widths) == 8
    assert sum(widths) + 16 <= max(width, 100)
    party, period, source = widths[1], widths[2], widths[6]
    assert party >= len("gezamenlijk") and period >= len("2026-2030") and source >= len("Hoofdstuk")
    assert widths[0] >= 12 and widths[7] >= 12


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "en", "explain", "--agreements", str(MINI_INDEX), f"{MINI}/1"],
        ["explain", "--lang", "en", "--agreements", str(MINI_INDEX), f"{MINI}/1"],
        ["--lang=en", "validate", "--agreements", str(MINI_INDEX)],
    ],
)
def test_lang_before_or_after_the_command(invoke, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    text = result.stdout + result.stderr
    assert "Agreement:" in text or "checked" in text, text
    assert "Afspraken:" not in text and "gecontroleerd" not in text


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        ("nl", "Urgenten volgens de huisvestingsverordening.", "Urgent seekers"),
        ("en", "Urgent seekers as the housing ordinance defines them.", "Urgenten volgens"),
    ],
)
def test_a_rule_note_in_the_chosen_language(invoke, lang: str, shown: str, hidden: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--lang", lang, "explain", "--agreements", str(MINI_INDEX), f"{MINI}/1")
    assert shown in result.stdout and hidden not in result.stdout


@pytest.mark.parametrize(
    ("lang", "shown"), [("nl", "Geen cijfer en geen datum."), ("en", "No figure and no date.")]
)
def test_a_context_note_in_the_report_language(invoke, tmp_path: Path, lang: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--lang",
        lang,
        "report",
        "--agreements",
        str(MINI_INDEX),
        "-a",
        MINI,
        "-f",
        str(MINI_INDEX.parent / "figures.csv"),
        "--as-of",
        "2024-04-15",
        "--format",
        "md",
        "--output",
        str(tmp_path),
        "--no-history",
    )
    assert result.exit_code == 0, result.stderr
    assert shown in (tmp_path / f"{MINI}-2024-04-15.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGPIPE"), reason="no SIGPIPE on this platform")
def test_output_into_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """`prestatiecheck check ... | head`: no 'internal error' when head stops reading."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prestatiecheck",
            "check",
            "-a",
            "amersfoort-2021",
            "--format",
            "json",
            "-f",
            str(Path(__file__).parent.parent / "examples" / "amersfoort-2021.csv"),
            "--as-of",
            "2022-05-01",
            "--fail-on",
            "never",
        ],  # more than a pipe holds (64 KiB), so the writer meets the closed pipe
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # the reader goes away, as head does
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "interne fout" not in stderr and "Traceback" not in stderr
    assert proc.returncode == -13  # stopped by SIGPIPE, like cat or grep
