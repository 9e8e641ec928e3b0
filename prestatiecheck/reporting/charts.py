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


def progress_bar(
    *,
    value: float,
    target: float,
    expected: float | None,
    status: str,
    label: str,
    width: int = 260,
) -> str:
    """Realised vs target, with a marker where the trajectory says it should be by now."""
    height = 22
    top, bar = 4, 12
    scale = max(target, value, expected or 0, 1e-9)
    realised = max(0.0, min(value, scale)) / scale * width
    colour = HEX.get(Status(status), INK)
    body = (
        f'<rect x="0.5" y="{top}" width="{width - 1}" height="{bar}" fill="{TRACK}" stroke="{INK}" '
        f'stroke-width="1"/>'
        f'<rect x="0.5" y="{top}" width="{realised:.1f}" height="{bar}" fill="{colour}"/>'
    )
    target_x = target / scale * width
    body += (
        f'<line x1="{target_x - 1:.1f}" y1="1" x2="{target_x - 1:.1f}" y2="{height - 1}" '
        f'stroke="{INK}" stroke-width="2"/>'
    )
    if expected is not None:
        x = min(max(expected / scale * width, 1), width - 1)
        body += (
            f'<line x1="{x:.1f}" y1="1" x2="{x:.1f}" y2="{height - 1}" stroke="{INK}" stroke-width="1.5" '
            f'stroke-dasharray="3,2"/>'
            f'<path d="M{x - 4:.1f},{height} L{x + 4:.1f},{height} L{x:.1f},{height - 5} Z" fill="{INK}"/>'
        )
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
    """One bar per period with the status symbol and value above it; dashed lines at the limits."""
    step, bar, left = 58, 30, 4
    plot_top, plot_h = 16, 60
    width = left + step * len(points) + 4
    height = plot_top + plot_h + 15
    known = [p.value for p in points if p.value is not None]
    scale = max([*known, *limits, 1.0]) * 1.15
    base = plot_top + plot_h
    body = f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="{INK}" stroke-width="1"/>'
    for i, p in enumerate(points):
        x = left + i * step + (step - bar) / 2
        cx = x + bar / 2
        if p.value is None:
            body += f'<text x="{cx:.1f}" y="{base - 4}" text-anchor="middle" font-size="10">?</text>'
        else:
            h = max(p.value, 0) / scale * plot_h
            colour = HEX.get(Status(p.status), INK)
            body += (
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}" '
                f'stroke="{INK}" stroke-width="0.5"/>'
                f'<text x="{cx:.1f}" y="{base - h - 3:.1f}" text-anchor="middle" font-size="10">'
                f"{escape(SYMBOLS[Status(p.status)])} {escape(p.text)}</text>"
            )
        body += (
            f'<text x="{cx:.1f}" y="{height - 2}" text-anchor="middle" font-size="10">'
            f"{escape(p.period)}</text>"
        )
    for limit in limits:
        y = base - limit / scale * plot_h
        body += (
            f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="{INK}" stroke-width="1" '
            f'stroke-dasharray="4,3"/>'
        )
    return _svg(width, height, label, body)
