"""A rule file of the user's own (``--agreements``) whose titles, quotes, notes, names and meanings carry
terminal escapes and spreadsheet formulas: ``list``, ``explain``, ``deadlines`` (also ``--ics``) and
``template`` show them, never obey them (issue #12, "Output that carries an attack")."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from tests.helpers import MINI, MINI_INDEX

AS_OF = "2023-03-01"
FORMULA = '=HYPERLINK("http://evil.example","klik")'
# What the hostile file says, as a terminal must show it: every control character as an escape.
SHOWN = {
    "agreement": "Testafspraken \\x1b[5mMini\\x07",
    "municipality": "Mi\\x1b[1mni",
    "party": "de \\x1b[31mAlliantie\\x07",
    "title": "Woningmarktmonitor \\x1b]0;pwned\\x07",
    "theme": "Moni\\x1b[7mtoring",
    "note": "\\x1b[31mROOD\\x07",
    "meaning": "\\x1b[31mbijeenkomsten\\x07",
}
# Replacements in the mini rule file: (as written in the fixture, as written in the hostile copy).
HOSTILE = [
    # A ';' and a ',' in the title: in a CSV comment line a spreadsheet starts a new cell there.
    ("title: Testafspraken Mini 2022-2023", 'title: "Testafspraken \\e[5mMini\\a;=1+1,=2+2 2022-2023"'),
    ("municipality: Mini", 'municipality: "Mi\\e[1mni"'),
    ("{id: alliantie, name: de Alliantie,", '{id: alliantie, name: "de \\e[31mAlliantie\\a",'),
    ("nl: Aantal bijeenkomsten", 'nl: "=HYPERLINK(\\"x\\") \\e[31mbijeenkomsten\\a"'),
    ("en: Number of meetings", 'en: "=HYPERLINK(\\"x\\") \\e[31mbijeenkomsten\\a"'),
    ("title: Maximaal 50% naar urgenten", 'title: "=HYPERLINK(\\"http://evil.example\\") \\e[31m50%\\a"'),
    ("note: Urgenten volgens de huisvestingsverordening.", 'note: "@SUM(1+1) \\e[31mROOD\\a"'),
    ("note_en: Urgent seekers as the housing ordinance defines them.", 'note_en: "@SUM(1+1) \\e[31mROOD\\a"'),
    ("title: Woningmarktmonitor", 'title: "Woningmarktmonitor \\e]0;pwned\\a"'),
    ('theme: Monitoring\n    source: {article: "8"', 'theme: "Moni\\e[7mtoring"\n    source: {article: "8"'),
    (
        'quote: "vóór 1 april van ieder jaar"',
        'quote: "=HYPERLINK(\\"http://evil.example\\") vóór 1 april \\e[2J"',
    ),
]
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what may never reach a terminal (\t and \n may)


@pytest.fixture
def index(tmp_path: Path) -> str:
    """The mini agreement as a user's own, with escapes and formulas in every kind of text."""
    source = MINI_INDEX.parent / "rules" / f"{MINI}.yaml"
    text = source.read_text(encoding="utf-8")
    for before, after in HOSTILE:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    folder = tmp_path / "eigen"
    (folder / "rules").mkdir(parents=True)
    (folder / "rules" / f"{MINI}.yaml").write_text(text, encoding="utf-8")
    (folder / "agreements.yaml").write_text(
        f"agreements:\n  - id: {MINI}\n    file: rules/{MINI}.yaml\n", encoding="utf-8"
    )
    return str(folder / "agreements.yaml")


@pytest.fixture
def run() -> Any:
    """The CLI as on a terminal: click keeps escape sequences (its default in tests strips some)."""
    from prestatiecheck.cli import cli

    def _run(*args: str, env: dict[str, str] | None = None) -> Any:
        return CliRunner().invoke(cli, list(args), env=env, color=True, catch_exceptions=False)

    return _run


def _no_raw_controls(text: str) -> None:
    assert not RAW.search(text), repr(RAW.search(text))


def _flat(text: str) -> str:
    """Table cells wrap: the text without line breaks, spaces and table borders."""
    return re.sub(r"[\s│┃|]", "", text)


def _shows(text: str, *keys: str) -> None:
    flat = _flat(text)
    for key in keys:
        assert _flat(SHOWN[key]) in flat, key


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", ["120", "50"])  # a table, or a block per rule
def test_list_rules_show_escapes(run: Any, index: str, lang: str, width: str) -> None:
    result = run("--lang", lang, "list", "--agreements", index, "-a", MINI, env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.stdout)
    _shows(result.stdout, "agreement", "party", "title")
    assert FORMULA[:10] in result.stdout  # shown as written; a terminal runs no formula


def test_list_overview_metrics_markdown_and_audit_show_escapes(run: Any, index: str) -> None:
    overview = run("list", "--agreements", index)
    _no_raw_controls(overview.stdout)
    _shows(overview.stdout, "municipality")
    metrics = run("list", "--agreements", index, "-a", MINI, "--metrics")
    _no_raw_controls(metrics.stdout)
    _shows(metrics.stdout, "meaning")
    markdown = run("list", "--agreements", index, "-a", MINI, "--format", "markdown")
    _no_raw_controls(markdown.stdout)
    assert "\\\\x1b\\[5mMini" in markdown.stdout  # escaped for Markdown too: no live link or image
    audit = run("list", "--agreements", index, "-a", MINI, "--format", "audit")
    assert audit.exit_code == 0, audit.output
    _no_raw_controls(audit.stdout)
    _shows(audit.stdout, "title")
    for result in (overview, metrics, markdown):
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explain_shows_escapes(run: Any, index: str, lang: str) -> None:
    first = run("--lang", lang, "explain", "--agreements", index, f"{MINI}/1")
    eighth = run("--lang", lang, "explain", "--agreements", index, f"{MINI}/8")
    for result in (first, eighth):
        assert result.exit_code == 0, result.output
        _no_raw_controls(result.stdout)
    _shows(first.stdout, "agreement", "municipality", "party", "note")
    _shows(eighth.stdout, "title", "theme")
    assert "vóór 1 april \\x1b[2J" in eighth.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_deadlines_and_calendar_show_escapes(run: Any, index: str, tmp_path: Path, lang: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    ics = tmp_path / "termijnen.ics"
    args = ["--lang", lang, "deadlines", "--agreements", index, "-a", MINI, "--as-of", AS_OF]
    result = run(*args, "--ics", str(ics), "--color", "always", env={"COLUMNS": "250"})  # no cell wraps
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout  # our own colours are there; nothing else steers the terminal
    _no_raw_controls(re.sub("\x1b\\[[0-9;]*m", "", result.stdout) + result.stderr)
    _shows(result.stdout, "agreement", "title", "theme")
    assert "\\x1b[31mAllianti" in result.stdout  # the party column is narrow: the name wraps

    raw = ics.read_bytes().decode("utf-8")
    _no_raw_controls(raw.replace("\r\n", ""))  # RFC 5545: no control characters in text
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    assert SHOWN["agreement"] in str(calendar["X-WR-CALNAME"])
    events = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(f"{MINI}/8/")]
    assert len(events) == 4  # two parties, two years
    for event in events:
        assert SHOWN["title"] in str(event["SUMMARY"])
        assert SHOWN["agreement"] in str(event["DESCRIPTION"])
        assert "vóór 1 april \\x1b[2J" in str(event["DESCRIPTION"])
        assert SHOWN["party"] in str(event["DESCRIPTION"])  # the trekkers
        assert [str(c) for c in event["CATEGORIES"].cats] == [SHOWN["theme"]]
        for alarm in event.walk("VALARM"):
            assert SHOWN["title"] in str(alarm["DESCRIPTION"])


@pytest.mark.parametrize(("lang", "delimiter"), [("nl", ";"), ("en", ",")])
def test_csv_template_cells_cannot_be_formulas_and_still_check(
    run: Any, index: str, tmp_path: Path, lang: str, delimiter: str
) -> None:
    result = run("--lang", lang, "template", "--agreements", index, "-a", MINI, "--format", "csv")
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.stdout)
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=delimiter))
    comments = [row for row in rows if row[0].startswith("#")]
    assert len(comments[0]) > 1  # the title's separator splits the line in a spreadsheet
    for row in rows:  # comment lines too: a spreadsheet splits them at the separator
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    header, *figures = [row for row in rows if not row[0].startswith("#")]
    meaning = header.index("betekenis" if lang == "nl" else "meaning")
    [meetings] = [row for row in figures if row[header.index("metric")] == "bijeenkomsten"]
    assert meetings[meaning] == "'" + '=HYPERLINK("x") \\x1b[31mbijeenkomsten\\x07'
    party_name = [row[header.index("naam partij" if lang == "nl" else "party name")] for row in figures]
    assert SHOWN["party"] in party_name

    # The columns check reads are untouched: filled in, the file is read as it is.
    blank = f"{delimiter}gemeente{delimiter}bijeenkomsten{delimiter}{delimiter}"
    assert result.stdout.count(blank) == 1
    filled = tmp_path / "ingevuld.csv"
    filled.write_text(result.stdout.replace(blank, blank[:-1] + "4" + delimiter), encoding="utf-8")
    check = run(
        "--lang", lang, "check", "--agreements", index, "-a", MINI, "-f", str(filled), "--as-of", AS_OF
    )
    assert check.exit_code in (0, 1), check.output


def test_yaml_template_shows_escapes_and_reads_back(run: Any, index: str) -> None:
    result = run("template", "--agreements", index, "-a", MINI, "--format", "yaml")
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.stdout)
    assert "# " + "=HYPERLINK('x') \\x1b[31mbijeenkomsten\\x07" in result.stdout
    assert yaml.safe_load(result.stdout)["agreement"] == MINI


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_xlsx_template_stores_text_as_text(run: Any, index: str, tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "invul.xlsx"
    result = run("--lang", lang, "template", "--agreements", index, "-a", MINI, "-o", str(target))
    assert result.exit_code == 0, result.output  # an ESC in a name made openpyxl fail (exit 4)
    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in xml for xml in sheets)  # not one formula in the workbook
    cells = [cell for sheet in load_workbook(target).worksheets for row in sheet.iter_rows() for cell in row]
    texts = [c for c in cells if isinstance(c.value, str)]
    formula_like = [c for c in texts if c.value.startswith(("=", "+", "-", "@"))]
    assert formula_like and all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    assert {c.value for c in formula_like} >= {
        '=HYPERLINK("x") \\x1b[31mbijeenkomsten\\x07',  # the metric's meaning, sheet 1
        '=HYPERLINK("http://evil.example") \\x1b[31m50%\\x07',  # the rule's title, sheet 2
    }
    assert SHOWN["party"] in {c.value for c in texts}
    assert not any(RAW.search(c.value) for c in texts)
