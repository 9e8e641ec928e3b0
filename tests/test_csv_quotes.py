"""Quotes in a CSV: a note may run over lines (Excel writes them so), a quote left open never swallows rows.

The rule (README, "Figures files"): a quoted cell that spans lines is a note when it closes
within 100 lines and 32.767 characters and none of the lines it spans is a row of figures by
itself (a period in the first field, four fields or more). Otherwise the error names the line
where the quote opened, and the rows after it are still read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prestatiecheck.loading.csvrecords import OpenQuote, Record, looks_like_row, records
from tests.helpers import MINI, MINI_INDEX

HEADER = "period,party,metric,value,note\r\n"
ROWS = (
    "2022,alliantie,verhuringen_totaal,400,\r\n"
    "2022,alliantie,verhuringen_urgent,180,\r\n"
    "2022,portaal,verhuringen_totaal,300,\r\n"
    "2022,portaal,verhuringen_urgent,160,\r\n"
)


def run(invoke, path: Path, lang: str = "nl"):  # type: ignore[no-untyped-def]
    return invoke(
        "check", "--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(path), "--as-of", "2024-01-15",
        "--format", "json", "--lang", lang,
    )  # fmt: skip


def notes(result) -> dict[tuple[str, str], list[str]]:  # type: ignore[no-untyped-def]
    out: dict[tuple[str, str], list[str]] = {}
    for r in json.loads(result.stdout)["results"]:
        for n in r["notes"]:
            out.setdefault((r["rule"], r["party"] or ""), []).append(n["note"])
    return out


def test_a_note_over_several_lines_as_excel_writes_it_is_read(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    note = "Veel statushouders gehuisvest.\nIn 2023 volgt nog een correctie;\n2023: 12 woningen, 2024: 8"
    path = tmp_path / "f.csv"
    path.write_bytes(
        (HEADER + ROWS.replace("300,\r\n", '300,"' + note.replace('"', '""') + '"\r\n')).encode("utf-8")
    )
    result = run(invoke, path)
    assert result.exit_code in (0, 1), result.stderr
    assert note in notes(result)[(f"{MINI}/1", "portaal")]
    # the row after the note is read: portaal's share is 160 of 300
    document = json.loads(result.stdout)
    (share,) = [r for r in document["results"] if r["rule"] == f"{MINI}/1" and r["party"] == "portaal"
                and r["period"] == "2022"]  # fmt: skip
    assert (share["numerator"], share["denominator"]) == (160, 300)


def test_an_unclosed_note_names_its_line_and_the_rows_after_it_are_still_read(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text(
        HEADER + '2022,alliantie,verhuringen_totaal,400,"Inclusief ""Soesterkwartier,\n'
        + ROWS.split("\r\n", 1)[1] + "2022,portaal,verhuringen_urgent,veel,\n",
        encoding="utf-8",
    )  # fmt: skip
    result = run(invoke, path)
    assert result.exit_code == 2
    assert 'f.csv:2: een aanhalingsteken (") op deze regel is niet gesloten: regel 3 is een eigen rij' in (
        result.stderr
    )
    assert "f.csv:6:" in result.stderr  # the bad value after it is found too
    english = run(invoke, path, lang="en")
    assert 'f.csv:2: a quote (") on this line is not closed: line 3 is a row of figures of its own' in (
        english.stderr
    )


def test_a_quote_open_beyond_the_cell_limit_names_the_line_where_it_opened(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Past the csv module's own field limit (131.072 characters): the error is still at line 3.
    text = "toelichting zonder einde " * 40 + "\n"
    path = tmp_path / "f.csv"
    path.write_text(
        HEADER + ROWS[:40] + '2022,portaal,verhuringen_totaal,300,"open\n' + text * 200, encoding="utf-8"
    )
    result = run(invoke, path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "f.csv:3: een aanhalingsteken" in lines[0]
    assert "binnen 32.767 tekens of 100 regels" in lines[0]
    assert len(lines) == 2  # one error, not one per swallowed line; the rows after it are read


def test_a_quote_open_for_more_than_a_hundred_short_lines(tmp_path: Path) -> None:
    text = 'period,party,metric,value,note\n2022,a,m,1,"open\n' + "kort\n" * 150
    found = list(records(text, ","))
    assert isinstance(found[1], OpenQuote) and (found[1].line, found[1].reason) == (2, "long")
    assert len(found) == 2  # no line after it is a row: nothing more to read


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("2022,alliantie,sloop,10\n", True),
        ("2022-H1;portaal;sloop;10;\n", True),
        ("2023: nog 12 woningen, later 8\n", False),
        ("2023,2024 en 2025 volgen\n", False),
        ('uit de verkoopvijver",\n', False),
    ],
)
def test_which_line_reads_as_a_row_of_its_own(line: str, row: bool) -> None:
    assert looks_like_row(line, ";" if ";" in line else ",") is row


def test_records_name_the_lines_they_span() -> None:
    text = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n'
    assert [(r.fields, r.first, r.last) for r in records(text, ",") if isinstance(r, Record)] == [
        (["a", "b"], 1, 1),
        (["1", "x\r\ny"], 2, 3),
        (["2", "z"], 4, 4),
    ]


def test_a_vertical_tab_from_excel_is_not_a_line_break(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.csv"
    path.write_text(HEADER + ROWS.replace("300,\r\n", "300,regel een\x0bregel twee\r\n"), encoding="utf-8")
    result = run(invoke, path)
    assert result.exit_code in (0, 1), result.stderr
    assert "regel een\x0bregel twee" in notes(result)[(f"{MINI}/1", "portaal")]
