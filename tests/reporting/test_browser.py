"""The HTML report in a real headless Chromium: it renders, tables fit an A4 page width, screenshot kept.

Uses Playwright for Python with Debian's chromium (``/usr/bin/chromium``; ``.ci/run``
installs both); Playwright's own browser download is never used. Skipped, with the
reason, only where no browser can be started.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.helpers import languages
from tests.reporting.conftest import SHIPPED, STEM, matrix_pages

A4_WIDTH_PX = 794  # 210 mm at 96 dpi
A4_HEIGHT_PX = 1123
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("PRESTATIECHECK_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def artefacts() -> Path:
    folder = Path(
        os.environ.get("PRESTATIECHECK_ARTEFACTS") or Path(tempfile.gettempdir()) / "prestatiecheck-artefacts"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium browser here (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        except Exception as e:  # noqa: BLE001 -- any launch failure means: no browser here
            pytest.skip(f"Chromium at {executable} does not start: {e}")
        yield launched
        launched.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_renders_in_chromium_and_fits_a4(
    browser, report, tmp_path: Path, lang: str, record_property
) -> None:  # type: ignore[no-untyped-def]
    result = report("--format", "html", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    html = tmp_path / "out" / f"{STEM}.html"
    page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": A4_HEIGHT_PX})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(html.as_uri())
    assert requests == [html.as_uri()]  # self-contained: no fonts, images or scripts fetched
    assert errors == []
    heading = "Rapportage prestatieafspraken" if lang == "nl" else "Performance agreements report"
    assert page.inner_text("h1") == heading
    assert page.locator("table").count() >= 6
    assert page.locator("svg.chart").count() >= 4
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= A4_WIDTH_PX, (media, width)
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('table, svg, figure')]"
            ".map(e => e.getBoundingClientRect().right))"
        )
        assert widest <= A4_WIDTH_PX, (media, widest)
    page.emulate_media(media="screen")
    shot = artefacts() / f"report-{lang}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    record_property("screenshot", str(shot))
    print(f"screenshot: {shot}")
    # As printed on a black-and-white printer: the status words and symbols are still there.
    page.add_style_tag(content="html { filter: grayscale(1); }")
    grey = artefacts() / f"report-{lang}-grey.png"
    page.screenshot(path=str(grey), full_page=True)
    word = "niet voldaan" if lang == "nl" else "not met"
    assert page.locator(".st-not_met", has_text=word).count() >= 6
    assert page.locator(".st-not_met", has_text="✗").count() >= 6
    print(f"grey-scale screenshot: {grey}")
    page.close()


# Every word of every table cell, measured where Chromium laid it out: a word that spans two
# lines was broken, which is allowed only right after a hyphen (a hyphenation point: "doorschuif-",
# a soft hyphen), and never inside a number or a period ("2021-2022"). A status ("niet voldaan",
# "nog niet aan de orde") is one unit and stays on one line; no cell's content sticks out of it.
BROKEN_WORDS = """
() => {
  const broken = [];
  const lineOf = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rect = [...range.getClientRects()].find(r => r.width > 0);
    return rect ? Math.round(rect.top) : null;
  };
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const text = node.textContent;
      const words = /[^\\s\\u00a0]+/g;
      let m;
      while ((m = words.exec(text))) {
        let previous = null;
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const line = lineOf(node, i);
          if (line === null) continue;
          if (previous !== null && line !== previous) {
            const before = text[i - 1];
            const numeric = /[0-9]/.test(before === '-' ? text[i - 2] || '' : before) && /[0-9]/.test(text[i]);
            if (!((before === '-' || before === '\\u00ad') && !numeric)) broken.push(m[0]);
          }
          previous = line;
        }
      }
    }
  }
  return broken;
}
"""
SPLIT_STATUSES = """
() => [...document.querySelectorAll('.status')]
  .filter(s => new Set([...s.getClientRects()].map(r => Math.round(r.top))).size > 1
               || s.getClientRects().length > 1)
  .map(s => s.textContent)
"""
OVERFLOWING_CELLS = """
() => [...document.querySelectorAll('td, th')]
  .filter(c => c.scrollWidth > c.clientWidth + 1)
  .map(c => c.textContent.trim().slice(0, 60))
"""


PRINT_WIDTH_PX = 703  # 186 mm: A4 less the report's page margins, the width printed on


def _report_file(invoke, tmp_path: Path, lang: str, example: str) -> Path:  # type: ignore[no-untyped-def]
    from tests.reporting.conftest import EXAMPLES, mini_args

    if example == "mini":
        args, name = mini_args(), f"{STEM}.html"
    else:
        as_of = SHIPPED[example]
        args = ["-a", example, "-f", str(EXAMPLES / f"{example}.csv"), "--as-of", as_of]
        name = f"{example}-{as_of}.html"
    result = invoke(
        "--lang", lang, "report", *args, "--format", "html", "-o", str(tmp_path), "--no-history",
        "--fail-on", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return tmp_path / name


def _layout_faults(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {
        "broken words": page.evaluate(BROKEN_WORDS),
        "split statuses": page.evaluate(SPLIT_STATUSES),
        "overflowing cells": page.evaluate(OVERFLOWING_CELLS),
    }


@pytest.mark.parametrize(
    ("example", "lang"),
    [("mini", "nl"), *((example, lang) for example in SHIPPED for lang in languages("en"))],
)  # the shipped examples in Dutch in the PDF budget test (both here in the long run)
def test_no_word_breaks_and_the_matrix_fits_a4(
    browser, invoke, tmp_path: Path, lang: str, example: str
) -> None:  # type: ignore[no-untyped-def]
    """Every shipped example in both languages, on screen (an A4-wide window) and as printed
    (the page's printable width): no word broken, no status split, no cell overflowing, the
    stoplicht as wide as the page at most and, printed by Chromium, on one or two A4 pages."""
    html = _report_file(invoke, tmp_path, lang, example)
    page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": A4_HEIGHT_PX})
    page.goto(html.as_uri())
    for media, width in (("screen", A4_WIDTH_PX), ("print", PRINT_WIDTH_PX)):
        page.set_viewport_size({"width": width, "height": A4_HEIGHT_PX})
        page.emulate_media(media=media)
        assert _layout_faults(page) == {"broken words": [], "split statuses": [], "overflowing cells": []}, (
            media
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, media  # (mm rounding)
        matrix = page.locator("table.matrix")
        assert matrix.count() == 1
        box = matrix.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (media, box)
        assert box["width"] <= PRINT_WIDTH_PX + 1, (media, box)  # 186 mm
        # the stoplicht: a row per afspraak with a cell per party column and the joint one
        header = page.locator("table.matrix thead th").all_inner_texts()
        assert header[-1] == ("gezamenlijk" if lang == "nl" else "joint")
    # printed from the browser: the stoplicht starts on the first page and ends on the second
    pypdf = pytest.importorskip("pypdf")
    printed = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    # the text of the first three pages tells (pypdf takes about 0.2 s a page; an agenda beyond
    # the third page fails here as before)
    texts = [p.extract_text() for p in printed.pages[:3]]
    assert matrix_pages(texts, lang) <= 2, len(printed.pages)
    page.close()


# The measurement itself, on cells whose layout is known: a word broken inside is found, a break
# after a word's own hyphen is allowed, one inside a period or number is not, a status that wraps
# is found, and so is a cell whose content sticks out.
MEASURED = """<!DOCTYPE html><html lang="nl"><meta charset="utf-8"><style>
table { table-layout: fixed; width: 665px; border-collapse: collapse; }
td { border: 1px solid; font: 12px/1.2 "DejaVu Sans", sans-serif; vertical-align: top; }
</style><table><colgroup><col style="width: 40px"><col style="width: 120px"><col style="width: 45px">
<col style="width: 60px"><col style="width: 400px"></colgroup><tr>
<td style="overflow-wrap: anywhere">Doelgroepenverordening</td>
<td>doorschuif-en-doorstroompilot</td>
<td>2020-2021</td>
<td><span class="status">niet voldaan</span></td>
<td>alles op één regel 2020-2021 <span class="status">niet voldaan</span></td>
</tr></table></html>"""


def test_the_measurement_finds_broken_words_and_split_statuses(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": A4_HEIGHT_PX})
    page.set_content(MEASURED)
    faults = _layout_faults(page)
    broken = list(dict.fromkeys(faults["broken words"]))  # (a word once per line it was broken onto)
    assert broken == ["Doelgroepenverordening", "2020-2021"]  # not the pilot's own hyphens
    assert faults["split statuses"] == ["niet voldaan"]
    assert faults["overflowing cells"] == []
    page.set_content(MEASURED.replace("overflow-wrap: anywhere", "white-space: nowrap"))
    assert page.evaluate(OVERFLOWING_CELLS) == ["Doelgroepenverordening"]
    page.close()
