"""The PDF (WeasyPrint from the HTML report): pages, page numbers and text, read back with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.reporting.conftest import STEM

try:
    import weasyprint  # noqa: F401 -- needs Debian's pango as well as the Python package
except (ImportError, OSError) as e:
    pytest.skip(
        f"WeasyPrint cannot load here ({e}); pip install weasyprint, apt-get install libpangoft2-1.0-0",
        allow_module_level=True,
    )
pypdf = pytest.importorskip("pypdf")


def pages(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [page.extract_text().replace("\xa0", " ") for page in reader.pages]


def test_pdf_pages_numbers_and_text(report, tmp_path: Path) -> None:
    result = report("--format", "pdf", "--format", "html")
    assert result.exit_code == 0, result.stderr
    texts = pages(tmp_path / "out" / f"{STEM}.pdf")
    count = len(texts)
    assert 3 <= count <= 12
    # every page carries "n / N" and N is the real page count
    for n, text in enumerate(texts, start=1):
        assert re.search(rf"\b{n} / {count}\b", text), n
    first, last = texts[0], texts[-1]
    assert first.startswith("Rapportage prestatieafspraken")
    assert "Samenvatting" in first and "niet voldaan" in first and "1 maart 2023" in first
    whole = "\n".join(texts)
    for text in ("53,3%", "€ 131,38", "Termijnen in de komende 60 dagen", "Zonder gegevens"):
        assert text in whole
    # the appendix starts on a page of its own and the footer closes the report
    assert last.startswith("Bijlage: niet toetsbaar")
    assert "Samenwerking" in last and "ondertekende documenten" in last
    assert all("Bijlage: niet toetsbaar" not in t for t in texts[:-1])


def test_small_selection_has_the_expected_pages(report, tmp_path: Path) -> None:
    """Monitoring only: results, deadlines and 'without figures' on two pages, the appendix on the third."""
    assert report("--format", "pdf", "--theme", "Monitoring", "--lang", "en").exit_code == 0
    texts = pages(tmp_path / "out" / f"{STEM}.pdf")
    assert len(texts) == 3
    assert texts[0].startswith("Performance agreements report")
    assert "Woningmarktmonitor" in texts[0]
    assert texts[2].startswith("Appendix: not checkable") and "3 / 3" in texts[2]


def test_pdf_refuses_external_resources(tmp_path: Path) -> None:
    """A user template cannot make the PDF engine read local files or the network."""
    from prestatiecheck.reporting.templates import pdf

    secret = tmp_path / "secret.txt"
    secret.write_text("geheim", encoding="utf-8")
    data = pdf(f'<p>x</p><img src="file://{secret}"><iframe src="file://{secret}"></iframe>')
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "geheim" not in reader.pages[0].extract_text()
