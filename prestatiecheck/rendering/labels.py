"""Status words, symbols and colours: colour is never the only signal."""

from __future__ import annotations

from prestatiecheck.i18n import get_language
from prestatiecheck.model import Status

LABELS = {
    Status.MET: ("voldaan", "met"),
    Status.AT_RISK: ("aandacht", "at risk"),
    Status.NOT_MET: ("niet voldaan", "not met"),
    Status.NO_DATA: ("geen gegevens", "no data"),
    Status.PENDING: ("nog niet aan de orde", "pending"),
}
SYMBOLS = {
    Status.MET: "✓",
    Status.AT_RISK: "!",
    Status.NOT_MET: "✗",
    Status.NO_DATA: "?",
    Status.PENDING: "…",
}
ASCII_SYMBOLS = {
    Status.MET: "+",
    Status.AT_RISK: "!",
    Status.NOT_MET: "x",
    Status.NO_DATA: "?",
    Status.PENDING: ".",
}
COLOURS = {  # rich style names; hex values for HTML live in the report templates
    Status.MET: "green",
    Status.AT_RISK: "yellow",  # on a terminal: colour() (amber with 256 colours or more)
    Status.NOT_MET: "bold red",
    Status.NO_DATA: "bright_black",
    Status.PENDING: "blue",
}
# "aandacht" in amber where the terminal has 256 colours or more; with 16 colours, yellow (rich would
# turn dark_orange into bright red there, the colour of "niet voldaan"). One style text per colour
# depth: rich caches a style's escape codes on the parsed style, whatever the console's depth.
AT_RISK_COLOURS = {"standard": "yellow", "256": "color(214)", "truecolor": "#ffb000"}


def colour(status: Status, color_system: str = "standard") -> str:
    """The rich style of a status on a terminal with ``color_system`` colours."""
    if status is Status.AT_RISK:
        return AT_RISK_COLOURS.get(color_system, AT_RISK_COLOURS["standard"])
    return COLOURS[status]


HEX = {
    Status.MET: "#1a7f37",
    Status.AT_RISK: "#b35900",
    Status.NOT_MET: "#c62828",
    Status.NO_DATA: "#6b6b6b",
    Status.PENDING: "#1f5fbf",
}


def label(status: Status, lang: str | None = None) -> str:
    nl, en = LABELS[status]
    return en if (lang or get_language()) == "en" else nl


def symbol(status: Status, ascii_only: bool = False) -> str:
    return (ASCII_SYMBOLS if ascii_only else SYMBOLS)[status]
