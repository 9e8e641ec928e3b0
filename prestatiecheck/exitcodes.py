"""Exit codes: a contract with cron jobs and monitoring. Set here, and only here."""

from __future__ import annotations

OK = 0
"""Nothing at or above --fail-on."""
FINDINGS = 1
"""At least one result at or above --fail-on."""
INVALID = 2
"""Usage error or invalid input (rules, figures, config); or the figures matched no rule."""
DELIVERY_FAILED = 3
"""The report (or check's output) is written, but sending it or recording it in the history failed."""

DESCRIPTIONS = {
    OK: ("niets op of boven --fail-on", "nothing at or above --fail-on"),
    FINDINGS: (
        "minstens één resultaat op of boven --fail-on",
        "at least one result at or above --fail-on",
    ),
    INVALID: (
        "onjuist gebruik of ongeldige invoer (regels, cijfers, configuratie), of de cijfers "
        "passen bij geen enkele regel; er is niets getoetst",
        "usage error or invalid input (rules, figures, config), or the figures match no rule; "
        "nothing was evaluated",
    ),
    DELIVERY_FAILED: (
        "rapport (of uitvoer) geschreven, maar verzenden of de geschiedenis bijwerken mislukt",
        "report (or output) written, but sending it or updating the history failed",
    ),
}
INTERNAL = 4
"""An internal error (a bug in prestatiecheck); rerun with --debug for the traceback."""

DESCRIPTIONS[INTERNAL] = (
    "interne fout in prestatiecheck (meld het; --debug toont de traceback)",
    "internal error in prestatiecheck (please report it; --debug shows the traceback)",
)
