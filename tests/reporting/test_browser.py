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
