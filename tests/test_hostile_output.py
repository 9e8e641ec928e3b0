"""Output that would carry an attack from a figures file: formulas in spreadsheets, terminal escapes,
Markdown links, and templates that try to change what a run decided."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatiecheck.rendering import safetext
from prestatiecheck.reporting import history
from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

AS_OF = "2023-03-01"
PROJECT = '=HYPERLINK("http://evil.example","klik")'
NOTE = "@SUM(1+1) zie [hier](http://evil.example) ![x](http://evil.example/x.png) \x1b[31mROOD\x07\x0bregel"
MARKUP = "[link=http://evil.example]klik[/link] [bold]vet[/bold]"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The mini figures with a project named like a formula and notes full of escapes and links."""
    lines = MINI_FIGURES.read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",project"] + [line + "," for line in lines[1:]]
    rows = [r.replace("Veel statushouders gehuisvest", MARKUP) for r in rows]
    quoted = '"' + PROJECT.replace('"', '""') + '"'
    rows.append(f'2022,,nieuwbouw_woningen,40,"{NOTE}",{quoted}')
    rows.append(f"2022,,nieuwbouw_sociale_huur,10,-5 woningen minder,{quoted}")
    path = tmp_path / "hostile.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _args(figures: Path, *extra: str) -> list[str]:
    return ["--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(figures), "--as-of", AS_OF, *extra]


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x0b" not in text


# --- spreadsheets ---------------------------------------------------------------------------------------


def test_csv_text_cells_cannot_be_formulas_and_numbers_stay_numbers(invoke, hostile: Path) -> None:
    result = invoke("check", *_args(hostile, "--format", "csv"))
    assert result.exit_code == 1, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    [project_row] = [r for r in rows if r["project"]]
    assert project_row["project"] == "'" + PROJECT
    assert project_row["value"] == "25" and project_row["limit"] == "35"  # numbers untouched
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            if cell.startswith("-"):
                float(cell)  # only a negative number may begin with '-'


def test_xlsx_stores_text_as_text_and_survives_a_vertical_tab(invoke, hostile: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "results.xlsx"
    result = invoke("check", *_args(hostile, "--format", "xlsx", "-o", str(target)))
    assert result.exit_code == 1, result.stderr
    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in xml for xml in sheets)  # not one formula in the workbook
    sheet = load_workbook(target).worksheets[0]
    header = [c.value for c in sheet[1]]
    cells = [
        row[header.index("Project")]
        for row in sheet.iter_rows(min_row=2)
        if row[header.index("Project")].value
    ]
    assert cells and all(c.value == PROJECT and c.data_type == "s" and c.quotePrefix for c in cells)
    notes = [
        row[header.index("Opmerkingen bij de cijfers")].value or "" for row in sheet.iter_rows(min_row=2)
    ]
    assert any(
        "\\x1b[31mROOD\\x07\nregel" in n for n in notes
    )  # the vertical tab: the line break it stood for


def test_xlsx_text_that_looks_like_a_formula_keeps_a_quote_prefix_numbers_do_not() -> None:
    from openpyxl import Workbook

    from prestatiecheck.rendering.xlsx_output import text_stays_text

    workbook = Workbook()
    workbook.active.append(["=1+1", "+31 33", "-5 woningen", "@SUM(A1)", "\tx", "gewoon", -5, 3.5])
    text_stays_text(workbook)
    cells = list(workbook.active.iter_rows())[0]
    assert [c.quotePrefix for c in cells] == [True] * 5 + [False] * 3
    assert [c.data_type for c in cells] == ["s"] * 6 + ["n", "n"]
    assert [c.value for c in cells][-2:] == [-5, 3.5]


# --- terminals ------------------------------------------------------------------------------------------


def test_terminal_table_shows_escapes_and_no_markup(invoke, hostile: Path) -> None:
    plain = invoke("check", *_args(hostile, "--color", "never"))
    _no_raw_controls(plain.stdout)
    assert "\\x1b[31mROOD\\x07\\x0bregel" in plain.stdout.replace("\n", "").replace(" ", "")
    assert "[bold]vet[/bold]" in plain.stdout and "[link=http://evil.exampl" in plain.stdout  # as written
    coloured = invoke("check", *_args(hostile, "--color", "always"))
    assert "\x1b[" in coloured.stdout  # our own colours
    assert "\x1b[31mROOD" not in coloured.stdout and "\x07" not in coloured.stdout
    assert "\x1b]8;" not in coloured.stdout  # no terminal hyperlink from the note's markup


def test_stderr_shows_escapes(invoke, tmp_path: Path) -> None:
    figures = tmp_path / "f.csv"
    figures.write_text(
        "period,party,metric,value\n2022,port\x1b[2J\x1b]0;pwned\x07aal,verhuringen_totaal,400\n",
        encoding="utf-8",
    )
    result = invoke("check", *_args(figures))
    assert result.exit_code == 2
    _no_raw_controls(result.stderr)
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in result.stderr


# --- reports --------------------------------------------------------------------------------------------


def test_text_and_markdown_reports_are_safe(invoke, hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(
        "report", *_args(hostile, "--format", "txt", "--format", "md", "-o", str(out), "--no-history",
                         "--mail-to", "a@example.org", "--dry-run"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (out / f"{MINI}-{AS_OF}.txt").read_text(encoding="utf-8")
    markdown = (out / f"{MINI}-{AS_OF}.md").read_text(encoding="utf-8")
    mail = (out / f"{MINI}-{AS_OF}.eml").read_text(encoding="utf-8")
    for document in (text, markdown, mail):
        _no_raw_controls(document)
    assert "\\x1b[31mROOD\\x07" in text
    assert "\\[hier\\](http://evil.example)" in markdown and "!\\[x\\](http://evil.example/x.png)" in markdown
    assert "[hier](" not in markdown and "![x](" not in markdown
    assert "\\[link=http://evil.example\\]klik\\[/link\\]" in markdown


def test_check_markdown_escapes_links(invoke, hostile: Path) -> None:
    result = invoke("check", *_args(hostile, "--format", "markdown"))
    _no_raw_controls(result.stdout)
    assert "\\[hier\\](http://evil.example)" in result.stdout and "](http" not in result.stdout.replace(
        "\\](", ""
    )


# --- templates cannot change decisions -----------------------------------------------------------------

HOSTILE_TEMPLATE = """{% for r in agenda %}{% set _ = r.record.update({"status": "met"}) %}{% endfor %}\
{% set _ = summary.clear() %}{% set _ = agenda.clear() %}{{ title }}
"""


def _hostile_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.txt.j2").write_text(HOSTILE_TEMPLATE, encoding="utf-8")
    return folder


def test_a_template_cannot_change_the_report_data(invoke, tmp_path: Path) -> None:
    store = tmp_path / "h.sqlite"
    result = invoke(
        "report", *_args(MINI_FIGURES, "--format", "txt", "-o", str(tmp_path / "out"), "--history", str(store),
                         "--template-dir", str(_hostile_templates(tmp_path)), "--fail-on", "not_met"),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "sjabloon probeert iets wat niet mag" in result.stderr and "report.txt.j2" in result.stderr
    assert not (tmp_path / "out").exists() and not store.exists()


def test_decisions_are_made_before_rendering(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even in a sandbox that let a template change lists and dicts, it changes only its own copy."""
    import jinja2.sandbox

    monkeypatch.setattr(jinja2.sandbox, "ImmutableSandboxedEnvironment", jinja2.sandbox.SandboxedEnvironment)
    store = tmp_path / "h.sqlite"
    out = tmp_path / "out"
    result = invoke(
        "report", *_args(MINI_FIGURES, "--format", "txt", "-o", str(out), "--history", str(store),
                         "--template-dir", str(_hostile_templates(tmp_path)), "--fail-on", "not_met",
                         "--mail-to", "a@example.org", "--dry-run", "--mail-on", "not_met"),
    )  # fmt: skip
    assert (out / f"{MINI}-{AS_OF}.txt").read_text(encoding="utf-8").startswith("Rapportage")
    assert result.exit_code == 1, result.stderr  # six results are not met, whatever the template did
    assert (out / f"{MINI}-{AS_OF}.eml").is_file()  # --mail-on not_met still sends
    [run] = history.read(store)
    assert run.summary["not_met"] == 6
    assert sum(1 for r in run.results.values() if r["status"] == "not_met") == 6


# --- the helpers, for any text ---------------------------------------------------------------------------


@given(st.text())
def test_visible_controls_leaves_no_control_and_only_changes_controls(text: str) -> None:
    shown = safetext.visible_controls(text)
    assert not safetext.has_controls(shown)
    if not safetext.has_controls(text):
        assert shown == text


@given(st.text())
def test_markdown_text_has_no_live_link_html_or_line_break(text: str) -> None:
    shown = safetext.markdown_text(text)
    assert "<" not in shown.replace("<br>", "") and "\n" not in shown
    # every '[' or ']' is escaped (preceded by an odd number of backslashes)
    for i, ch in enumerate(shown):
        if ch in "[]|":
            run = len(shown[:i]) - len(shown[:i].rstrip("\\"))
            assert run % 2 == 1


@given(st.text())
def test_neutralize_formula_only_prefixes_formula_like_text(text: str) -> None:
    out = safetext.neutralize_formula(text)
    assert out == ("'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
