"""The HTML report in a real headless Chromium: it renders, tables fit an A4 page width, screenshot kept.

Uses Playwright for Python with Debian's chromium (``/usr/bin/chromium``; ``.ci/run``
installs both); Playwright's own browser download is never used. Skipped, with the
reason, only where no browser can be started.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.reporting.conftest import STEM

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


def _report_file(invoke, tmp_path: Path, lang: str, soest: bool) -> Path:  # type: ignore[no-untyped-def]
    from tests.reporting.conftest import mini_args

    if soest:
        examples = Path(__file__).resolve().parents[2] / "examples"
        args = ["-a", "soest-2021-2022", "-f", str(examples / "soest-2021-2022.csv"), "--as-of", "2023-04-15"]
        name = "soest-2021-2022-2023-04-15.html"
    else:
        args, name = mini_args(), f"{STEM}.html"
    result = invoke(
        "--lang",
        lang,
        "report",
        *args,
        "--format",
        "html",
        "-o",
        str(tmp_path),
        "--no-history",
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.stderr
    return tmp_path / name


@pytest.mark.parametrize("soest", [False, True], ids=["mini", "soest"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_word_breaks_and_the_matrix_fits_a4(
    browser, invoke, tmp_path: Path, lang: str, soest: bool
) -> None:  # type: ignore[no-untyped-def]
    html = _report_file(invoke, tmp_path, lang, soest)
    page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": A4_HEIGHT_PX})
    page.goto(html.as_uri())
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        assert page.evaluate(BROKEN_WORDS) == [], media
        assert page.evaluate(SPLIT_STATUSES) == [], media
        assert page.evaluate(OVERFLOWING_CELLS) == [], media
        matrix = page.locator("table.matrix")
        assert matrix.count() == 1
        box = matrix.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= A4_WIDTH_PX, (media, box)
        # the stoplicht: a row per afspraak with a cell per party column and the joint one
        header = page.locator("table.matrix thead th").all_inner_texts()
        assert header[-1] == ("gezamenlijk" if lang == "nl" else "joint")
    page.close()
