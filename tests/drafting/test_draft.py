"""`prestatiecheck draft`: candidates from a text, a PDF and a Word file made here, and from a seed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from prestatiecheck.drafting.documents import read_document
from prestatiecheck.drafting.measure import measure
from prestatiecheck.drafting.numbers import read_figures
from prestatiecheck.drafting.sentences import split_sentences
from prestatiecheck.drafting.writer import draft_candidates
from prestatiecheck.loading.yamlsafe import load_yaml, parse_yaml
from tests.drafting.pdfmaker import make_pdf

ROOT = Path(__file__).resolve().parents[2]
# A copy of seed document 002 (Prestatieafspraken Amersfoort 2022-2023), so that the floor is checked
# in every clone, not only where the shared seeds are.
SEED = ROOT / "tests" / "fixtures" / "seeds" / "002_34629708bfba645e.txt"

AGREEMENT = """\
Prestatieafspraken Voorbeeldstad 2025-2027

De stichting 'Woonstichting Voorbeeld', hierna te noemen: "Woonvoorbeeld".
De vereniging 'Huurdersvereniging Voorbeeld', hierna te noemen: "HVV".

Hoofdstuk 1 Beschikbaarheid

1.1 Voorraad
7 Corporaties spannen zich in voor een netto toename van de voorraad sociale huurwoningen in 2025-2027¹ met 1.380 woningen.
8 Woonvoorbeeld wijst per jaar maximaal 15% van het vrijkomend aanbod toe aan urgenten.
9 De gemeente en Woonvoorbeeld evalueren de pilot doorstroming vóór 1 april 2026.
10 Partijen bespreken de voortgang per kwartaal.

Tabel 1: Prognose voorraad
| | Woonvoorbeeld | Totaal |
|---|---|---|
| Nieuwbouw ² | 120 | 120 |
| Sloop | -20 | -20 |

Hoofdstuk 2 Betaalbaarheid
11 De huurverhoging voor energiemaatregelen is niet meer dan € 131,37 per jaar.
12 Partijen werken samen aan een goede communicatie met huurders.
"""


def _draft(invoke: Any, tmp_path: Path, document: Path, *extra: str) -> tuple[dict[str, Any], str]:
    out = tmp_path / "draft.yaml"
    result = invoke("draft", str(document), "--output", str(out), *extra)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    data, problems = parse_yaml(text, str(out))
    assert not [p for p in problems if p.severity == "error"], problems
    return data, text


def _rule(data: dict[str, Any], needle: str) -> dict[str, Any]:
    found = [r for r in data["rules"] if needle in r["source"]["quote"]]
    assert len(found) == 1, [r["source"]["quote"] for r in data["rules"]]
    return found[0]


def test_text_candidates_kinds_thresholds_and_dates(invoke: Any, tmp_path: Path) -> None:
    doc = tmp_path / "voorbeeld.txt"
    doc.write_text(AGREEMENT, encoding="utf-8")
    data, text = _draft(invoke, tmp_path, doc)
    head = data["agreement"]
    assert head["id"] == "voorbeeldstad-2025-2027"
    assert head["period"] == "2025-2027" and head["municipality"] == "Voorbeeldstad"
    assert {p["id"]: p["role"] for p in head["parties"]} == {
        "gemeente": "gemeente",
        "woonvoorbeeld": "corporatie",
        "hvv": "huurdersorganisatie",
    }

    growth = _rule(data, "netto toename")
    assert growth["source"]["article"] == "7"
    assert growth["theme"] == "1.1 Voorraad"
    assert growth["check"]["kind"] == "target"
    assert growth["check"]["metric"] == "netto_toename"
    assert growth["check"]["targets"] == {"joint": 1380}
    todo = " ".join(growth["todo"])
    assert "'1.380' gelezen als 1380" in todo  # the thousands separator is a note
    assert "voetnootteken ¹" in todo  # and so is the footnote marker glued to the period

    urgent = _rule(data, "urgenten")
    assert urgent["check"]["kind"] == "share"
    assert urgent["check"]["max"] == 15
    assert (urgent["check"]["numerator"], urgent["check"]["denominator"]) == (
        "verhuringen_urgent",
        "verhuringen_totaal",
    )
    assert urgent["trekker"] == ["woonvoorbeeld"]

    pilot = _rule(data, "evalueren")
    assert pilot["check"]["kind"] == "deadline"
    assert pilot["check"]["due"] == "vóór 1 april 2026"
    assert sorted(pilot["trekker"]) == ["gemeente", "woonvoorbeeld"]

    quarterly = _rule(data, "per kwartaal")
    assert quarterly["check"]["kind"] == "deadline"
    assert quarterly["check"]["recurrence"] == "quarterly"

    rent = _rule(data, "131,37")
    assert rent["check"]["kind"] == "value" and rent["check"]["max"] == Decimal("131.37")
    assert "'€ 131,37' gelezen als 131.37 euro" in " ".join(rent["todo"])

    row = _rule(data, "Nieuwbouw")
    assert row["check"]["targets"] == {"woonvoorbeeld": 120, "joint": 120}
    assert row["source"]["article"].startswith("Tabel 1")
    assert "voetnootteken ²" in " ".join(row["todo"])

    # a promise without a figure or date is context, with its own todo
    assert [c["quote"] for c in data["context"]] == [
        "Partijen werken samen aan een goede communicatie met huurders."
    ]
    assert "todo" in data["context"][0]
    assert text.startswith("# Concept-regelbestand")


def test_draft_is_reported_by_validate_until_the_todos_are_removed(invoke: Any, tmp_path: Path) -> None:
    doc = tmp_path / "voorbeeld.txt"
    doc.write_text(AGREEMENT, encoding="utf-8")
    _, text = _draft(invoke, tmp_path, doc)
    draft = tmp_path / "draft.yaml"
    result = invoke("validate", str(draft))
    assert result.exit_code == 2
    todo_lines = [
        line for line in result.output.splitlines() if line.startswith(f"{draft}:") and "todo bij" in line
    ]
    lines = text.splitlines()
    assert len(todo_lines) >= len([x for x in lines if x.strip().startswith("- ref:")])
    for line in todo_lines:  # each names the line of its todo entry
        number = int(line.split(":")[1])
        assert lines[number - 1].strip().startswith(("- ", "todo:"))
    # once a person has removed every todo, validate no longer reports any
    (tmp_path / "clean.yaml").write_text(_without_todos(lines), encoding="utf-8")
    result = invoke("validate", str(tmp_path / "clean.yaml"))
    assert "todo bij" not in result.output
    assert "clean.yaml:" not in result.output.replace("todo", "")  # and the draft had nothing else wrong


def _without_todos(lines: list[str]) -> str:
    out: list[str] = []
    skipping: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skipping is not None and indent > skipping:
            continue
        skipping = None
        if line.strip().startswith("todo:"):
            skipping = indent
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def test_draft_in_english(invoke: Any, tmp_path: Path) -> None:
    doc = tmp_path / "voorbeeld.txt"
    doc.write_text(AGREEMENT, encoding="utf-8")
    data, text = _draft(invoke, tmp_path, doc, "--lang", "en")
    assert text.startswith("# Draft rule file")
    assert "'1.380' read as 1380" in " ".join(_rule(data, "netto toename")["todo"])


def test_pdf_made_here(invoke: Any, tmp_path: Path) -> None:
    pdf = tmp_path / "afspraken.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                "Prestatieafspraken Pdfdorp 2024",
                "Hoofdstuk 3 Duurzaamheid",
                "5 De corporaties leveren uiterlijk 1 juli 2024 hun routekaart aan de",
                "gemeente.",
                "6 Corporaties verduurzamen ten minste 250 woningen naar label B in 20242.",
                "7 Tenminste 30% van de nieuwbouw is sociale huur in ieder nieuwbouwproject.",
            ]
        )
    )
    data, _ = _draft(invoke, tmp_path, pdf, "--id", "pdfdorp-2024")
    assert data["agreement"]["id"] == "pdfdorp-2024"
    route = _rule(data, "routekaart")
    assert route["source"]["quote"] == (
        "De corporaties leveren uiterlijk 1 juli 2024 hun routekaart aan de gemeente."
    )
    assert route["check"]["due"] == "uiterlijk 1 juli 2024"
    assert "pagina 1" in route["todo"][0]
    label = _rule(data, "label B")
    assert label["check"]["kind"] == "target" and label["check"]["targets"] == {"joint": 250}
    assert "het jaar 2024 met voetnoot 2" in " ".join(label["todo"])
    share = _rule(data, "30%")
    assert share["check"]["kind"] == "project_share" and share["check"]["min"] == 30


def test_docx_made_here(invoke: Any, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Prestatieafspraken Wordstad 2026-2027", 0)
    document.add_heading("Leefbaarheid", 1)
    document.add_paragraph("De gemeente organiseert jaarlijks minimaal 2 bijeenkomsten met huurders.")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["", "Wonen Wordstad", "Totaal"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Sloop", "-12", "-12"], strict=True):
        cell.text = text
    path = tmp_path / "afspraken.docx"
    document.save(str(path))
    data, _ = _draft(invoke, tmp_path, path)
    meetings = _rule(data, "bijeenkomsten")
    assert meetings["theme"] == "Leefbaarheid"
    assert meetings["check"]["kind"] == "count" and meetings["check"]["min"] == 2
    sloop = _rule(data, "Sloop")
    assert sloop["check"]["kind"] == "target" and sloop["check"]["metric"] == "sloop"


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("x.odt", b"something", "kan prestatiecheck niet lezen"),
        ("x.pdf", b"%PDF-1.4 not really", "geen leesbare PDF"),
        ("x.docx", b"PK\x03\x04 broken", "geen leesbaar Word-bestand"),
        ("x.txt", b"   \n", "leeg"),
        ("x.txt", b"\xff\xfe\x00\x00binary\x00", "binair"),
    ],
)
def test_bad_documents(invoke: Any, tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = invoke("draft", str(path))
    assert result.exit_code == 2
    assert str(path.name) in result.stderr and fragment in result.stderr
    assert "Traceback" not in result.output


def test_missing_document_and_refusing_to_overwrite(invoke: Any, tmp_path: Path) -> None:
    result = invoke("draft", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "nope.txt" in result.stderr
    doc = tmp_path / "voorbeeld.txt"
    doc.write_text(AGREEMENT, encoding="utf-8")
    existing = tmp_path / "out.yaml"
    existing.write_text("mine\n", encoding="utf-8")
    result = invoke("draft", str(doc), "-o", str(existing))
    assert result.exit_code == 2 and "bestaat al" in result.stderr
    assert existing.read_text(encoding="utf-8") == "mine\n"
    result = invoke("draft", str(doc), "--id", "Niet Goed")
    assert result.exit_code == 2 and "geen geldig id" in result.stderr


def test_sentences_keep_abbreviations_and_numbers_together() -> None:
    assert split_sentences("Zie o.a. afspraak 3. De groei is 1.380 woningen t/m 2025. Klaar!") == [
        "Zie o.a. afspraak 3.",
        "De groei is 1.380 woningen t/m 2025.",
        "Klaar!",
    ]
    assert split_sentences("mw. J.A.B.M. van der Burgt tekent. Daarna volgt meer.") == [
        "mw. J.A.B.M. van der Burgt tekent.",
        "Daarna volgt meer.",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("maximaal 7,5% van de toewijzingen", "percent", Decimal("7.5")),
        ("een huur van € 1.180,50 per maand", "euro", Decimal("1180.50")),
        ("met 1.380 woningen", "count", Decimal(1380)),
        ("groei in 2024 met -27 woningen", "count", Decimal(-27)),
    ],
)
def test_numbers_read_the_dutch_way(sentence: str, kind: str, value: Decimal) -> None:
    figures = read_figures(sentence).of(kind)
    assert [f.value for f in figures] == [value]


def test_references_are_not_figures() -> None:
    reading = read_figures("Zie afspraak 7 en tabel 1; hoofdstuk 2 en 3 gaan hierover.")
    assert reading.figures == []


def test_a_seed_floor() -> None:
    """Amersfoort 2022-2023: the draft proposes most of the shipped rules (bench/draft_recall.py measures all five)."""
    shipped, problems = load_yaml(ROOT / "rules" / "amersfoort-2022-2023.yaml")
    assert shipped is not None, problems
    found = draft_candidates(read_document(SEED))
    result = measure(found, shipped)
    assert result.found / result.rules >= 0.85, result.missed
    assert result.precise / result.candidates >= 0.5
