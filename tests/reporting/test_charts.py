"""The inline SVG charts: a scale that includes zero, the sign visible, labels clear of the lines."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from prestatiecheck.reporting import charts

NS = {"svg": "http://www.w3.org/2000/svg"}


def _parts(svg: str) -> tuple[list[dict[str, float]], list[dict[str, float]], list[tuple[float, float, str]]]:
    root = ET.fromstring(svg)
    rects = [
        {k: float(v) for k, v in r.attrib.items() if k in ("x", "y", "width", "height")}
        for r in root.iter(f"{{{NS['svg']}}}rect")
    ]
    lines = [
        {k: float(v) for k, v in r.attrib.items() if k in ("x1", "y1", "x2", "y2")}
        | {"w": float(r.get("stroke-width", 1))}
        for r in root.iter(f"{{{NS['svg']}}}line")
    ]
    texts = [
        (float(t.get("x", 0)), float(t.get("y", 0)), t.text or "") for t in root.iter(f"{{{NS['svg']}}}text")
    ]
    return rects, lines, texts


def _bar(
    value: float, target: float, expected: float | None = None, value_text: str = "", norm: str = ""
) -> str:
    return charts.progress_bar(
        value=value,
        target=target,
        expected=expected,
        status="met",
        label="afspraak",
        value_text=value_text or str(value),
        target_text=norm or f"≥ {target}",
    )


@pytest.mark.parametrize(
    ("value", "target"),
    [(-8, -5), (-34, -35), (0, 0), (12, 40), (45, 42), (-3, 10), (32, 305)],
)
def test_progress_bar_measures_from_zero_with_the_sign(value: float, target: float) -> None:
    svg = _bar(value, target, value_text=f"{value}", norm=f"≥ {target}")
    rects, lines, texts = _parts(svg)
    track, bar = rects[0], rects[1]
    zero = next(line for line in lines if line["w"] == 1)
    norm_line = max(lines, key=lambda line: line["w"])
    x0 = zero["x1"]
    # zero is on the scale, inside the track
    assert track["x"] <= x0 <= track["x"] + track["width"] + 0.01
    # the bar runs from zero to the value: left of zero when negative, right when positive
    if value < 0:
        assert bar["x"] + bar["width"] == pytest.approx(x0, abs=0.15)
        assert bar["x"] < x0
    elif value > 0:
        assert bar["x"] == pytest.approx(x0, abs=0.15)
    # the target line stands where the target is, relative to zero
    if target < 0:
        assert norm_line["x1"] < x0
    elif target > 0:
        assert norm_line["x1"] > x0
    # the value is written with its sign, and the norm with its sign
    shown = [t for _, _, t in texts]
    assert f"{value}" in shown and f"≥ {target}" in shown


@pytest.mark.parametrize(
    ("value", "target", "expected"), [(-34, -35, None), (32, 305, 122), (279, 280, None), (1, 280, None)]
)
def test_labels_never_cross_a_line_and_stay_inside(
    value: float, target: float, expected: float | None
) -> None:
    svg = _bar(value, target, expected, value_text=f"{value}", norm=f"≥ {target}")
    root = ET.fromstring(svg)
    width = float(root.get("width", 0))
    _, lines, texts = _parts(svg)
    for x, y, text in texts:
        left, right = x, x + len(text) * charts.CHAR_WIDTH
        top, bottom = y - charts.FONT, y + 2
        assert left >= 0 and right <= width + 0.5, text
        for line in lines:
            if line["x1"] != line["x2"]:
                continue  # only vertical lines in a progress bar
            crosses_x = left - 1 <= line["x1"] <= right + 1
            crosses_y = min(line["y1"], line["y2"]) < bottom and max(line["y1"], line["y2"]) > top
            assert not (crosses_x and crosses_y), (text, line)


def test_share_trend_labels_sit_above_the_limit_line() -> None:
    points = [charts.Point("2021", 25.8, "met", "25,8%"), charts.Point("2022", 29.0, "at_risk", "29,0%")]
    svg = charts.share_trend(points, limits=[30.0], label="trend")
    _, lines, texts = _parts(svg)
    limit = next(line for line in lines if line["y1"] == line["y2"] and line["x1"] == 0 and line["y1"] < 70)
    for _, y, text in texts:
        if "%" in text:
            assert y < limit["y1"] - 2, (text, y, limit)
