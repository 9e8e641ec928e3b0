"""`prestatiecheck deadlines --ics FILE`: the deadline calendar, parsed back with icalendar."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

icalendar = pytest.importorskip("icalendar")

from prestatiecheck import exitcodes  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI_INDEX = ROOT / "tests" / "fixtures" / "mini" / "agreements.yaml"
MINI_FIGURES = ROOT / "tests" / "fixtures" / "mini" / "figures.csv"
BASE = ["deadlines", "--agreements", str(MINI_INDEX), "-a", "mini-2022-2023", "--as-of", "2023-03-01"]


def events(path: Path) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_every_occurrence_as_all_day_event(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ics = tmp_path / "termijnen.ics"
    result = invoke(*BASE, "--within", "0", "--ics", str(ics))
    assert result.exit_code == exitcodes.OK  # --within 0: the agenda itself is empty
    assert result.stderr == f"5 termijnen in de agenda geschreven naar {ics}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["termijnen.ics"]  # atomic: no temporary file left

    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//prestatiecheck//prestatiecheck ")
    assert str(cal["METHOD"]) == "PUBLISH"
    found = events(ics)
    assert sorted(found) == [
        "mini-2022-2023/8/alliantie/2022@prestatiecheck",
        "mini-2022-2023/8/alliantie/2023@prestatiecheck",
        "mini-2022-2023/8/portaal/2022@prestatiecheck",
        "mini-2022-2023/8/portaal/2023@prestatiecheck",
        "mini-2022-2023/9/gemeente/2022@prestatiecheck",
    ]
    due = {uid: e.decoded("DTSTART") for uid, e in found.items()}
    assert due["mini-2022-2023/8/alliantie/2022@prestatiecheck"] == date(2022, 3, 31)
    assert due["mini-2022-2023/8/portaal/2023@prestatiecheck"] == date(2023, 3, 31)
    assert due["mini-2022-2023/9/gemeente/2022@prestatiecheck"] == date(2022, 6, 30)
    for event in found.values():
        start = event.decoded("DTSTART")
        assert type(start) is date  # all-day, not a datetime
        assert event.decoded("DTEND") == start + timedelta(days=1)
        assert "DTSTAMP" in event
        assert [str(c) for c in event["CATEGORIES"].cats] == ["Monitoring"]
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(days=-14)

    evaluation = found["mini-2022-2023/9/gemeente/2022@prestatiecheck"]
    assert str(evaluation["SUMMARY"]) == "Termijn: Evaluatie (Gemeente Mini)"
    description = str(evaluation["DESCRIPTION"])
    assert description.splitlines()[:5] == [
        "Afspraak mini-2022-2023/9 (Testafspraken Mini 2022-2023)",
        "Verantwoordelijk: Gemeente Mini",
        "Periode: 2022",
        "Bron: artikel 9 (test)",
        'Citaat: "in het tweede kwartaal van 2022"',
    ]
    assert description.splitlines()[5].startswith("Stand op 1 maart 2023: niet voldaan")
    monitor = found["mini-2022-2023/8/portaal/2023@prestatiecheck"]
    assert "Verantwoordelijk: de Alliantie, Portaal" in str(monitor["DESCRIPTION"])
    assert str(monitor["SUMMARY"]) == "Termijn: Woningmarktmonitor (Portaal)"


def test_deadlines_met_are_in_the_calendar_too(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ics = tmp_path / "t.ics"
    result = invoke(*BASE, "-f", str(MINI_FIGURES), "--format", "json", "--ics", str(ics))
    assert '"mini-2022-2023/9"' not in result.stdout  # met, so not on the agenda without --all
    description = str(events(ics)["mini-2022-2023/9/gemeente/2022@prestatiecheck"]["DESCRIPTION"])
    assert "Stand op 1 maart 2023: voldaan" in description


def test_uids_are_stable_between_runs(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    invoke(*BASE, "--ics", str(first))
    invoke(*BASE[:-1], "2023-12-01", "--ics", str(second))
    assert sorted(events(first)) == sorted(events(second))


def test_party_filter(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ics = tmp_path / "portaal.ics"
    invoke(*BASE, "--party", "portaal", "--ics", str(ics))
    assert sorted(events(ics)) == [
        "mini-2022-2023/8/portaal/2022@prestatiecheck",
        "mini-2022-2023/8/portaal/2023@prestatiecheck",
    ]


def test_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ics = tmp_path / "deadlines.ics"
    result = invoke(*BASE, "--lang", "en", "--ics", str(ics))
    assert result.stderr.endswith(f"5 deadlines written to the calendar {ics}\n")
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Performance agreement deadlines: Testafspraken Mini 2022-2023"
    event = events(ics)["mini-2022-2023/9/gemeente/2022@prestatiecheck"]
    assert str(event["SUMMARY"]) == "Deadline: Evaluation (Gemeente Mini)" or str(
        event["SUMMARY"]
    ).startswith("Deadline: ")
    description = str(event["DESCRIPTION"])
    assert "Responsible: Gemeente Mini" in description
    assert "Source: article 9 (test)" in description
    assert "Status on 1 March 2023: not met" in description
    (alarm,) = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]).startswith("In 14 days: Deadline: ")


def test_unwritable_calendar_is_exit_2(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(*BASE, "--ics", str(blocker / "t.ics"))
    assert result.exit_code == exitcodes.INVALID
    assert "kan de agenda niet schrijven naar" in result.stderr


def test_help_mentions_reminder(invoke) -> None:  # type: ignore[no-untyped-def]
    assert "14 dagen vooraf" in invoke("deadlines", "--help").stdout
    from click.testing import CliRunner

    from prestatiecheck.cli import build_cli
    from prestatiecheck.i18n import set_language

    set_language("en")  # help texts are chosen when the CLI is built
    assert "14 days before" in CliRunner().invoke(build_cli(), ["deadlines", "--help"]).stdout


def test_icalendar_imported_lazily() -> None:
    code = (
        "import sys; from prestatiecheck.cli import cli; import prestatiecheck.cli.deadlines; "
        "import prestatiecheck.delivery.mail; print('icalendar' in sys.modules, 'smtplib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
