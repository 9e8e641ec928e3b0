"""Every report format in both languages: the content, not the pixels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prestatiecheck import __version__
from tests.reporting.conftest import STEM

EXPECTED = {
    "nl": {
        "words": ["niet voldaan", "aandacht", "geen gegevens", "voldaan", "Rapportage prestatieafspraken"],
        "numbers": ["53,3%", "48,6%", "€ 131,38", "€ 125,50", "1 maart 2023"],
        "sections": [
            "Samenvatting",
            "Voor de agenda: niet voldaan of aandacht",
            "Termijnen in de komende 60 dagen",
            "Zonder gegevens",
            "Bijlage: niet toetsbaar",
        ],
        "deadline": "nog 30 dagen",
        "disclaimer": "bij verschil gaan de ondertekende documenten voor",
        "note": "Toelichting Portaal: Veel statushouders gehuisvest",
        "trekker": "Trekker: de Alliantie, Portaal",
        "version": f"Gemaakt met prestatiecheck {__version__}",
    },
    "en": {
        "words": ["not met", "at risk", "no data", "met", "Performance agreements report"],
        "numbers": ["53.3%", "48.6%", "€131.38", "€125.50", "1 March 2023"],
        "sections": [
            "Summary",
            "For the agenda: not met or at risk",
            "Deadlines in the next 60 days",
            "Without figures",
            "Appendix: not checkable",
        ],
        "deadline": "30 days left",
        "disclaimer": "where they differ, the signed documents prevail",
        "note": "Note Portaal: Veel statushouders gehuisvest",
        "trekker": "Responsible: de Alliantie, Portaal",
        "version": f"Made with prestatiecheck {__version__}",
    },
}


def plain(text: str) -> str:
    """HTML/Markdown as the reader sees it: tags and emphasis gone, entities and spaces folded."""
    import html

    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("*", "")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_every_format_and_language_shows_the_report(report, tmp_path: Path, fmt: str, lang: str) -> None:
    result = report("--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "out" / f"{STEM}.{fmt}"
    assert str(path) in result.stderr
    text = plain(path.read_text(encoding="utf-8"))
    want = EXPECTED[lang]
    folded = text.casefold()  # the text report has its headings in capitals
    for key in ("words", "sections"):
        for item in want[key]:
            assert item.casefold() in folded, (key, item)
    for item in want["numbers"]:
        assert item in text, item
    for key in ("deadline", "disclaimer", "note", "trekker", "version"):
        assert want[key] in text, key
    # the header: agreement, municipality, parties, figures file
    assert "Testafspraken Mini 2022-2023" in text and "mini-2022-2023" in text
    assert "Gemeente Mini" in text and "HBVA" in text and "figures.csv" in text
    # nothing silently disappears: the rule without any figure and the context item are named
    assert "35% sociaal per project" in text
    assert "Samenwerking" in text and "Partijen werken samen." in text
    # the rule files used, in the footer
    assert "mini-2022-2023.yaml" in text
    other = EXPECTED["en" if lang == "nl" else "nl"]
    assert other["sections"][-1].casefold() not in folded


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_summary_counts_per_status(report, tmp_path: Path, fmt: str) -> None:
    assert report("--format", fmt).exit_code == 0
    text = plain((tmp_path / "out" / f"{STEM}.{fmt}").read_text(encoding="utf-8"))
    # mini at 2023-03-01: 6 not met, 6 at risk, 14 no data, 0 pending, 7 met; with the national
    # law for its corporations 16 more without data (mini's figures have none of the law's) and
    # 4 pending (2023)
    if fmt == "txt":
        for line in ("✗ niet voldaan: 6", "! aandacht: 6", "? geen gegevens: 30", "✓ voldaan: 7"):
            assert line in text
    else:
        assert re.search(r"niet voldaan .*aandacht .*geen gegevens .*voldaan .*6 .*6 .*14 .*0 .*7", text)


def test_html_is_self_contained_accessible_and_printable(report, tmp_path: Path) -> None:
    assert report("--format", "html").exit_code == 0
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "size: A4" in html and "<style>" in html
    assert '<th scope="col">' in html and 'scope="rowgroup"' in html and "<caption>" in html
    # status as word + symbol + colour: the symbol is hidden from screen readers, the word is not
    assert '<span class="status st-not_met"><span aria-hidden="true">✗</span> niet voldaan</span>' in html
    # inline SVG charts with a text alternative
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"') >= 4
    assert 'aria-label="Netto groei (art. 4): Portaal: 12 van 40; volgens schema nu 20"' in html


def test_progress_bars_and_share_trends(report, mini_copy: Path, tmp_path: Path) -> None:
    """A second year of figures: the share trend shows both years, the progress bar the target."""
    figures = mini_copy.parent / "figures.csv"
    with figures.open("a", encoding="utf-8") as handle:
        handle.write("2023,alliantie,verhuringen_totaal,500,\n2023,alliantie,verhuringen_urgent,260,\n")
    result = report("--format", "html", "--format", "md", index=mini_copy, figures=figures)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    label = "Maximaal 50% naar urgenten (art. 1) · de Alliantie · ≤ 50%: 2022: 45,0%; 2023: 52,0%"
    assert f'aria-label="{label}"' in html
    assert html.count("<rect") > 6
    md = (tmp_path / "out" / f"{STEM}.md").read_text(encoding="utf-8")
    assert "de Alliantie (≤ 50%): 2022: 45,0%; 2023: 52,0%" in md
    assert "Portaal: 12 van 40; volgens schema nu 20" in md


def test_several_formats_one_run_stable_names(report, tmp_path: Path) -> None:
    result = report("--format", "md", "--format", "txt", "--format", "md")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{STEM}.md", f"{STEM}.txt"]


def test_default_format_is_html_and_exit_code_follows_fail_on(report, tmp_path: Path) -> None:
    assert report().exit_code == 0
    assert (tmp_path / "out" / f"{STEM}.html").is_file()
    assert report("--fail-on", "not_met").exit_code == 1


def test_theme_selection_limits_the_report(report, tmp_path: Path) -> None:
    assert report("--format", "txt", "--theme", "Monitoring").exit_code == 0
    text = (tmp_path / "out" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert "Woningmarktmonitor" in text
    assert "Maximaal 50% naar urgenten" not in text
    assert "35% sociaal per project" not in text  # another theme: not "without figures"


def test_needs_figures_or_saved_results(invoke) -> None:
    result = invoke("report")
    assert result.exit_code == 2
    assert "--figures" in result.stderr and "--from-results" in result.stderr


def test_help_in_both_languages(invoke) -> None:
    nl = invoke("report", "--help")
    assert nl.exit_code == 0 and "--template-dir" in nl.stdout and "--from-results" in nl.stdout
    from prestatiecheck.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--lang", "en", "report", "--help"])
    assert stop.value.code == 0


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_agenda_names_the_project(report, mini_copy: Path, tmp_path: Path, fmt: str) -> None:
    figures = tmp_path / "projects.csv"
    figures.write_text(
        "period,party,project,metric,value\n"
        "2022,,De Hoef,nieuwbouw_woningen,100\n2022,,De Hoef,nieuwbouw_sociale_huur,20\n",
        encoding="utf-8",
    )
    result = report("--format", fmt, "--fail-on", "never", index=mini_copy, figures=figures)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out" / f"{STEM}.{fmt}").read_text(encoding="utf-8")
    agenda = text.split("Resultaten per thema")[0]
    assert "gezamenlijk · De Hoef" in agenda


def _detail(text: str) -> str:
    return text[text.casefold().index("resultaten per thema") :]


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_a_note_is_shown_once_per_afspraak_at_the_party_it_belongs_to(
    report, tmp_path: Path, fmt: str
) -> None:
    """Portaal's note on its 2022 figure: at Portaal's result of afspraak 1 (not again on the joint
    row, which pools that figure), and on the joint result of afspraak 3 (which has no Portaal row)."""
    assert report("--format", fmt).exit_code == 0
    text = plain((tmp_path / "out" / f"{STEM}.{fmt}").read_text(encoding="utf-8"))
    note = "Toelichting Portaal: Veel statushouders gehuisvest"
    detail = _detail(text)
    assert detail.count(note) == 2
    first, second = detail.index(note), detail.rindex(note)
    assert detail.rindex("Maximaal 50% naar urgenten", 0, first) > detail.rfind("Ten minste 5%", 0, first)
    assert detail.rindex("Richting circa 30% urgenten", 0, second) > first


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_sources_are_document_and_article_and_the_footer_names_no_folder(
    report, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from tests.helpers import MINI_INDEX

    monkeypatch.chdir(tmp_path)  # elsewhere than the checkout: paths would be shown absolute
    assert report("--format", fmt).exit_code == 0
    text = plain((tmp_path / "out" / f"{STEM}.{fmt}").read_text(encoding="utf-8"))
    rules = MINI_INDEX.parent / "rules" / "mini-2022-2023.yaml"
    digest = hashlib.sha256(rules.read_bytes()).hexdigest()[:12]
    assert f"mini-2022-2023.yaml (sha256 {digest})" in text
    assert str(rules.parent) not in text and "rules/mini-2022-2023.yaml" not in text
    # the document by its title (once, in the header), each afspraak by its article
    assert "Testafspraken Mini 2022-2023; 'art.' verwijst naar dit document" in text
    assert "Maximaal 50% naar urgenten (art. 1)" in text or "Maximaal 50% naar urgenten art. 1" in text


def test_shipped_rule_files_are_named_without_the_install_folder(invoke, tmp_path: Path) -> None:
    import prestatiecheck

    examples = Path(__file__).resolve().parents[2] / "examples"
    result = invoke(
        "report", "-a", "soest-2021-2022", "-f", str(examples / "soest-2021-2022.csv"), "--as-of", "2023-04-15",
        "--format", "txt", "--format", "md", "-o", str(tmp_path), "--no-history", "--fail-on", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    for ext in ("txt", "md"):
        text = (tmp_path / f"soest-2021-2022-2023-04-15.{ext}").read_text(encoding="utf-8")
        assert str(Path(prestatiecheck.__file__).parent) not in text
        assert "003_119d84221b6e055f" not in text  # the seed file: never a source people read
        assert "soest-2021-2022.yaml (meegeleverd, sha256 " in text
        assert "Prestatieafspraken Soest 2021-2022; 'art.' verwijst naar dit document" in text
