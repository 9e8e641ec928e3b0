"""Getting a finished report to people: e-mail (``mail``). The report is always on disk first."""

from __future__ import annotations

# When `report --mail-on` sends: here, so the command line can offer the choices without
# importing the mail module (and what it imports) at start-up.
MAIL_ON = ("always", "at_risk", "not_met", "change")
