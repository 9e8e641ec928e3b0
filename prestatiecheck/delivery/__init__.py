"""Getting a finished report to people: e-mail (``mail``). The report is always on disk first."""

from __future__ import annotations
