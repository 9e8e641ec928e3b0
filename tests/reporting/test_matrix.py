"""The stoplicht: one row per afspraak, a column per party and one joint, the most recent period
with figures; every status, a party without a result and several periods, in every format and
both languages."""

from __future__ import annotations

import html as htmllib
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from prestatiecheck.i18n import set_language
from prestatiecheck.reporting import context
from tests.reporting.conftest import MINI

AS_OF = "2023-02-01"  # the 2023 deadline of afspraak 8 is 58 days away: nog niet aan de orde
STEM = f"{MINI}-{AS_OF}"
LABELS = {
    "nl": ["✓ voldaan", "! aandacht", "✗ niet voldaan", "? geen gegevens", "… nog niet aan de orde"],
    "en": ["✓ met", "! at risk", "✗ not met", "? no data", "… pending"],
}
HEADINGS = {
    "nl": ("Stoplicht per afspraak", "Voor de agenda", "Resultaten per thema"),
    "en": ("Traffic lights per afspraak", "For the agenda", "Results per theme"),
}


def _section(text: str, fmt: str, lang: str) -> list[str]:
    """The stoplicht part of a report as the reader sees it, one string per row (tags gone,
    spaces folded); in the text report a row is the afspraak's line and its line of cells."""
    start, end = HEADINGS[lang][0], HEADINGS[lang][1]
    if fmt == "txt":
        start, end = start.upper(), end.upper()
    if fmt == "html":
        begin = text.index('<table class="matrix">')
        part = text[begin : text.index("</section>", begin)]
        rows = re.split(r"<tr|<p", part)
        rows = [htmllib.unescape(re.sub(r"<[^>]+>", " ", row)) for row in rows]
    elif fmt == "md":
        rows = text[text.index(start) : text.index(end)].splitlines()
    else:
        rows = []
        for line in text[text.index(start) : text.index(end)].splitlines():
            if line.startswith("    ") and rows:
                rows[-1] += " " + line  # the cells, under the afspraak
            else:
                rows.append(line)
    return [re.sub(r"\s+", " ", row.replace("*", "").replace("\u00a0", " ")) for row in rows]


def _row(rows: list[str], title: str) -> str:
    (found,) = [row for row in rows if title in row]
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_matrix_every_status_a_party_without_result_and_several_periods(
    invoke, tmp_path: Path, fmt: str, lang: str
) -> None:
    from tests.reporting.conftest import mini_args

    args = [a if a != "2023-03-01" else AS_OF for a in mini_args()]
    result = invoke(
        "--lang",
        lang,
        "report",
        *args,
        "--format",
        fmt,
        "-o",
        str(tmp_path),
        "--no-history",
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / f"{STEM}.{fmt}").read_text(encoding="utf-8")
    rows = _section(text, fmt, lang)
    matrix = "\n".join(rows)
    for label in LABELS[lang]:  # every status has a cell
        assert label in matrix, (label, matrix)
    # the columns: every party with a result, then the joint one; HBVA has none and is named
    joint = "gezamenlijk" if lang == "nl" else "joint"
    assert "HBVA" in matrix and ("Zonder resultaat" in matrix or "Without a result" in matrix)
    if fmt != "txt":
        header = matrix[: matrix.index("Woonruimteverdeling")]
        assert header.index("Gemeente Mini") < header.index("de Alliantie") < header.index("Portaal")
        assert header.index("Portaal") < header.index(joint)
        # a party without a result for an afspraak: an empty cell, not a status
        assert _row(rows, "Bijeenkomsten").count("–") == 3
    # several periods: the deadline of 2023 (begun, not yet due) is the row; 2022 is in the detail
    deadline = _row(rows, "Woningmarktmonitor")
    assert "2023" in deadline and deadline.count(LABELS[lang][4]) == 2
    detail = text[text.index(HEADINGS[lang][2] if fmt != "txt" else HEADINGS[lang][2].upper()) :]
    assert ("2 dagen te laat" if lang == "nl" else "done 2 days late") in detail
    # the afspraak with figures for 2022 only: the row is 2022, not a row of 2023's "geen gegevens"
    urgent = _row(rows, "Maximaal 50% naar urgenten")
    assert "2022" in urgent and "2023" not in urgent
    for label in (LABELS[lang][0], LABELS[lang][1], LABELS[lang][2]):
        assert label in urgent
    assert LABELS[lang][3] in _row(rows, "Energie")
    # an afspraak without any figure is not a row of the stoplicht (it is under "Zonder gegevens")
    assert "35% sociaal per project" not in matrix and "Exploitatietermijn" not in matrix


def _rows(**rules: list[tuple[str | None, str, str]]) -> list[dict[str, Any]]:
    """Themes with one rule each: (party, period, status) per result, as context.build makes them."""
    themes = []
    for name, results in rules.items():
        rows = []
        for party, period, status in results:
            rows.append(
                {
                    "party_id": party,
                    "period": period,
                    "status": context.status_info(status),
                    "information": False,
                }
            )
        rule = {
            "id": name,
            "ref": name,
            "title": name,
            "source": "art. 1",
            "interpretation": False,
            "rows": rows,
        }
        themes.append({"name": f"thema {name}", "rules": [rule]})
    return themes


BLOCK = {"parties": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}]}


def test_latest_period_with_figures_and_a_cell_of_another_period() -> None:
    set_language("nl")
    themes = _rows(
        # b has no 2023 result at all: its 2022 result, with the period named
        r1=[("a", "2022", "met"), ("a", "2023", "not_met"), ("b", "2022", "at_risk"), (None, "2023", "met")],
        # 2023 has no figures yet (only geen gegevens): the row stays at 2022
        r2=[("a", "2022", "met"), ("a", "2023", "no_data")],
        # nothing but geen gegevens: no row
        r3=[("a", "2022", "no_data")],
        # nothing to check yet: no row, named under the table with its first period to come
        r4=[("a", "2024", "pending"), ("a", "2025", "pending")],
        # no figure at all (geen gegevens, and a deadline to come): no row ("Zonder gegevens")
        r5=[("a", "2022", "no_data"), (None, "2023", "pending")],
    )
    matrix = context._matrix(themes, BLOCK, date(2023, 6, 1))
    assert [c["name"] for c in matrix["columns"]] == ["A", "B", "gezamenlijk"]
    assert matrix["parties_without_results"] == ["C"]
    rows = {row["id"]: row for group in matrix["groups"] for row in group["rows"]}
    assert set(rows) == {"r1", "r2"}
    a, b, joint = rows["r1"]["cells"]
    assert rows["r1"]["period"] == "2023"
    assert a["status"]["code"] == "not_met" and a["other_period"] is None
    assert b["status"]["code"] == "at_risk" and b["other_period"] == "2022"
    assert (
        rows["r1"]["line"]
        == "A:\xa0✗\xa0niet\xa0voldaan | B:\xa0!\xa0aandacht (2022) | gezamenlijk:\xa0✓\xa0voldaan"
    )
    assert rows["r2"]["period"] == "2022" and rows["r2"]["cells"][0]["status"]["code"] == "met"
    assert rows["r2"]["cells"][1] is None
    assert [x["line"] for x in matrix["not_yet"]] == ["r4 (art.\xa01\xa0·\xa02024)"]


def test_several_results_in_a_cell_show_the_worst_and_how_many() -> None:
    set_language("nl")
    themes = _rows(p=[("a", "2022", "met"), ("a", "2022", "not_met"), ("a", "2022", "met")])
    matrix = context._matrix(themes, BLOCK, date(2023, 6, 1))
    (cell,) = matrix["groups"][0]["rows"][0]["cells"]
    assert cell["status"]["code"] == "not_met" and cell["detail"] == "1 van 3 projecten"


def test_column_widths_fit_the_words_and_the_page() -> None:
    set_language("nl")
    themes = _rows(r=[("a", "2022", "pending"), ("b", "2022", "met"), (None, "2022", "no_data")])
    matrix = context._matrix(themes, BLOCK, date(2023, 6, 1))
    widths = [c["width"] for c in matrix["columns"]]
    # "… nog niet aan de orde" needs more room than "✓ voldaan"
    assert widths[0] > widths[1]
    total = matrix["rule_width"] + matrix["period_width"] + sum(widths)
    assert total == pytest.approx(context.PAGE_MM, abs=0.2)
    assert matrix["rule_width"] >= context.MIN_RULE_MM or not matrix["period_column"]


def test_keep_together_escapes_and_keeps_periods_and_ranges_whole() -> None:
    kept = str(context.keep_together("<b>x</b> over 2021-2022, 45-55 en 31-12-2021 & meer"))
    assert "<b>" not in kept and "&lt;b&gt;x&lt;/b&gt;" in kept and "&amp; meer" in kept
    for run in ("2021-2022", "45-55", "31-12-2021"):
        assert f'<span class="nw">{run}</span>' in kept
    assert str(context.keep_together("geen getallen")) == "geen getallen"


def test_a_title_that_ends_in_its_source_does_not_repeat_it() -> None:
    """'... 2021-2022 (tabel 2)' with source 'Tabel 2' is shown as '... 2021-2022 (Tabel 2)'."""
    strip = context._without_source
    assert strip("Netto mutatie 2021-2022 (tabel 2)", "Tabel 2") == "Netto mutatie 2021-2022"
    assert strip("Sloop (tabel 2) in 2021", "Tabel 2") == "Sloop (tabel 2) in 2021"
    assert strip("Netto mutatie (tabel 2)", "art. 2") == "Netto mutatie (tabel 2)"
    assert strip("(art. 1)", "art. 1") == "(art. 1)"  # nothing would be left: kept
    assert strip("Bijeenkomsten", "") == "Bijeenkomsten"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_matrix_in_the_pdf(invoke, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The same stoplicht as the PDF prints it (read back with pypdf, a row per line)."""
    pypdf = pytest.importorskip("pypdf")
    try:
        import weasyprint  # noqa: F401 -- needs Debian's pango as well as the Python package
    except (ImportError, OSError) as e:
        pytest.skip(f"WeasyPrint cannot load here ({e})")
    from tests.reporting.conftest import mini_args

    args = [a if a != "2023-03-01" else AS_OF for a in mini_args()]
    result = invoke(
        "--lang", lang, "report", *args, "--format", "pdf", "-o", str(tmp_path), "--no-history",
        "--fail-on", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / f"{STEM}.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    matrix = text[text.index(HEADINGS[lang][0]) : text.index(HEADINGS[lang][1])]
    rows = matrix.splitlines()
    for label in LABELS[lang]:  # every status has a cell
        assert label in matrix, label
    joint = "gezamenlijk" if lang == "nl" else "joint"
    header = matrix[: matrix.index("Woonruimteverdeling")]
    assert header.index("Mini") < header.index("Alliantie") < header.index("Portaal") < header.index(joint)
    assert "HBVA" in matrix  # the party without a result, named under the table
    assert _row(rows, "Bijeenkomsten").count("–") == 3
    deadline = _row(rows, "Woningmarktmonitor")
    assert " 2023 " in deadline and deadline.count(LABELS[lang][4]) == 2
    urgent = _row(rows, "Maximaal 50% naar urgenten")
    assert " 2022 " in urgent and all(label in urgent for label in LABELS[lang][:3])
    assert LABELS[lang][3] in _row(rows, "Energie")
    assert "35% sociaal per project" not in matrix and "Exploitatietermijn" not in matrix
