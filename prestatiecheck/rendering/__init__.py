"""Showing results: one renderer per output format behind one interface.

A renderer is a function ``render(evaluation, options) -> str`` (bytes for xlsx); ``RENDERERS``
maps the ``--format`` names to the modules that provide it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

RENDERERS: dict[str, str] = {
    "table": "prestatiecheck.rendering.table",
    "json": "prestatiecheck.rendering.json_output",
    "csv": "prestatiecheck.rendering.csv_output",
    "markdown": "prestatiecheck.rendering.markdown",
    "xlsx": "prestatiecheck.rendering.xlsx_output",  # bytes: needs --output
}


class UnknownFormat(KeyError):
    pass


def get(name: str) -> ModuleType:
    """The renderer module for a format name; imported only when used."""
    try:
        return importlib.import_module(RENDERERS[name])
    except KeyError:
        raise UnknownFormat(name) from None
