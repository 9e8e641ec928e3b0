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
# (--no-national: mini's own deadlines; the statutory ones are in tests/test_national.py)
BASE = [
    "deadlines",
    "--agreements",
    str(MINI_INDEX),
    "-a",
    "mini-2022-2023",
    "--no-national",
    "--as-of",
    "2023-03-01",
]


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


# -- long quotes: cut between words, with an ellipsis ---------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from prestatiecheck.rendering.ics import QUOTE_LIMIT, shorten  # noqa: E402

_word = st.text(alphabet="abcdéfghijklmnopqrstuvwxyz0123456789,.;-", min_size=1, max_size=30)


@given(words=st.lists(_word, min_size=1, max_size=80), limit=st.integers(min_value=10, max_value=300))
def test_shorten_never_cuts_a_word(words: list[str], limit: int) -> None:
    text = " ".join(words)
    shown = shorten(text, limit)
    if len(text) <= limit:
        assert shown == text
        return
    assert shown.endswith("…")
    kept = shown[:-1].split()
    assert kept and kept == words[: len(kept)][:-1] + [kept[-1]]
    assert words[len(kept) - 1].startswith(kept[-1])  # the last word whole, only a trailing ,;: dropped
    assert words[len(kept) - 1].rstrip(",;:") == kept[-1] or len(kept) < len(words)
    assert len(shown) <= limit or len(kept) == 1


def test_shorten_examples() -> None:
    assert shorten("kort citaat", 20) == "kort citaat"
    assert shorten("  meer   ruimte\nhier ", 20) == "meer ruimte hier"
    assert (
        shorten("De gemeente implementeert uiterlijk 1 januari het proces", 30)
        == "De gemeente implementeert…"
    )
    assert shorten("huisvestingsverordening", 10) == "huisvestingsverordening…"
    assert shorten("een, twee, drie, vier", 12) == "een, twee…"


def test_long_quotes_in_the_calendar_are_cut_between_words(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from prestatiecheck.pipeline import load_selected

    catalogue, _ = load_selected(["soest-2021-2022"], None)
    # Soest's own deadlines and the statutory ones for its corporations (the national rule set).
    agreements = (catalogue.agreements["soest-2021-2022"], catalogue.agreements["woningwet"])
    quotes = {r.id: " ".join(r.source.quote.split()) for a in agreements for r in a.rules}
    assert max(len(q) for q in quotes.values()) > QUOTE_LIMIT  # the shipped Soest rules have a long one
    ics = tmp_path / "soest.ics"
    result = invoke("deadlines", "-a", "soest-2021-2022", "--as-of", "2021-06-01", "--ics", str(ics))
    assert result.exit_code in (0, 1), result.stderr
    cut = 0
    for event in events(ics).values():
        description = str(event["DESCRIPTION"])
        rule_id = description.split("\n")[0].split()[1]
        (line,) = [x for x in description.split("\n") if x.startswith("Citaat: ")]
        shown = line.removeprefix('Citaat: "').removesuffix('"')
        full = quotes[rule_id]
        if shown.endswith("…"):
            cut += 1
            assert len(shown) <= QUOTE_LIMIT
            kept = shown[:-1]
            assert full.startswith(kept) and full[len(kept)] in " ,;:"  # ends where a word ends
        else:
            assert shown == full
    assert cut
