"""Inline SVG for the HTML report: no scripts, no external files, readable in grey-scale.

Every chart has a text alternative (``role="img"`` with ``aria-label`` and ``<title>``)
and carries its meaning in text too (values, symbols); colour only adds to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from prestatiecheck.model import Status
from prestatiecheck.rendering.labels import HEX, SYMBOLS

INK = "#222222"
TRACK = "#e6e6e6"


def _svg(width: int, height: int, label: str, body: str) -> str:
    lab = escape(label, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{lab}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


CHAR_WIDTH = 5.6  # px per character at font-size 9 (DejaVu Sans is the widest font we allow)
FONT = 9


def _text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _label(
    x: float, y: float, text: str, width: int, *, away_from: float | None = None
) -> tuple[str, float, float]:
    """A label near ``x`` that stays inside the chart; beside (not over) a line at ``away_from``.

    Returns the SVG text and the horizontal extent it takes, so callers can avoid overlaps.
    """
    w = _text_width(text)
    if away_from is not None:
        # start right of the line if it fits, else end left of it: the line is never under text
        left = away_from + 3 if away_from + 3 + w <= width else max(0.0, away_from - 3 - w)
    else:
        left = min(max(0.0, x - w / 2), width - w)
    svg = f'<text x="{left:.1f}" y="{y:.1f}" font-size="{FONT}">{escape(text)}</text>'
    return svg, left, left + w


def progress_bar(
    *,
    value: float,
    target: float,
    expected: float | None,
    status: str,
    label: str,
    value_text: str,
    target_text: str,
    width: int = 280,
) -> str:
    """Realised against the target on a scale that includes zero, so negative targets show too.

    Top row: the norm, beside its line; middle: the bar from zero to the realised value (left of
    zero when negative), the target as a solid line, zero as a thin grey line, and where the
    trajectory says it should be by now as a dashed line; bottom row: the realised value (with its
    sign) and "0". Text sits in its own rows, so it never crosses a line.
    """
    top, bar, height = 13, 12, 40
    values = [0.0, value, target, *([expected] if expected is not None else [])]
    lo, hi = min(values), max(values)
    if hi == lo:
        hi = lo + 1
    pad = (hi - lo) * 0.03
    lo, hi = (lo - pad if lo < 0 else lo), (hi + pad if hi > 0 else hi)
    inner = width - 2

    def x(v: float) -> float:
        return 1 + (v - lo) / (hi - lo) * inner

    x0, xv, xt = x(0.0), x(value), x(target)
    colour = HEX.get(Status(status), INK)
    body = (
        f'<rect x="1" y="{top}" width="{inner}" height="{bar}" fill="{TRACK}" stroke="{INK}" '
        f'stroke-width="0.5"/>'
        f'<rect x="{min(x0, xv):.1f}" y="{top}" width="{max(abs(xv - x0), 1.0):.1f}" height="{bar}" '
        f'fill="{colour}"/>'
        f'<line x1="{x0:.1f}" y1="{top - 2}" x2="{x0:.1f}" y2="{top + bar + 2}" stroke="#777777" '
        f'stroke-width="1"/>'
    )
    if expected is not None:
        xe = x(expected)
        body += (
            f'<line x1="{xe:.1f}" y1="{top - 1}" x2="{xe:.1f}" y2="{top + bar + 1}" stroke="{INK}" '
            f'stroke-width="1.5" stroke-dasharray="3,2"/>'
        )
    body += (
        f'<line x1="{xt:.1f}" y1="{top - 3}" x2="{xt:.1f}" y2="{top + bar + 3}" stroke="{INK}" '
        f'stroke-width="2.5"/>'
    )
    target_svg, _, _ = _label(xt, top - 4, target_text, width, away_from=xt)
    body += target_svg
    value_svg, v_left, v_right = _label(xv, height - 2, value_text, width)
    body += value_svg
    zero_w = _text_width("0")
    zero_left = min(max(0.0, x0 - zero_w / 2), width - zero_w)
    if value != 0 and (zero_left + zero_w + 4 < v_left or zero_left > v_right + 4):
        body += f'<text x="{zero_left:.1f}" y="{height - 2}" font-size="{FONT}" fill="#555555">0</text>'
    return _svg(width, height, label, body)


@dataclass(frozen=True)
class Point:
    period: str
    value: float | None  # percent; None: no figures
    status: str
    text: str  # the value as shown (Dutch or English format)


def share_trend(
    points: Sequence[Point],
    *,
    limits: Sequence[float],
    label: str,
) -> str:
    """One bar per period; the status symbol and value in a row of their own above the plot (so
    they never cross a limit line), dashed lines at the limits, the period under each bar."""
    step, bar, left = 58, 30, 4
    label_h, plot_top, plot_h = 12, 16, 56
    width = left + step * len(points) + 4
    height = plot_top + plot_h + 14
    known = [p.value for p in points if p.value is not None]
    scale = max([*known, *limits, 1.0]) * 1.1
    base = plot_top + plot_h
    body = f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="{INK}" stroke-width="1"/>'
    for i, p in enumerate(points):
        x = left + i * step + (step - bar) / 2
        cx = x + bar / 2
        if p.value is None:
            text = "?"
        else:
            h = max(p.value, 0) / scale * plot_h
            colour = HEX.get(Status(p.status), INK)
            body += (
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}" '
                f'stroke="{INK}" stroke-width="0.5"/>'
            )
            text = f"{SYMBOLS[Status(p.status)]} {p.text}"
        body += (
            f'<text x="{cx:.1f}" y="{label_h - 2}" text-anchor="middle" font-size="{FONT}">'
            f"{escape(text)}</text>"
            f'<text x="{cx:.1f}" y="{height - 3}" text-anchor="middle" font-size="{FONT}">'
            f"{escape(p.period)}</text>"
        )
    for limit in limits:
        y = base - limit / scale * plot_h
        body += (
            f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="{INK}" stroke-width="1" '
            f'stroke-dasharray="4,3"/>'
        )
    return _svg(width, height, label, body)
