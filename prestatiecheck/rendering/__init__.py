"""Showing results: one renderer per output format behind one interface.

A renderer module provides ``render(evaluation, options) -> str`` (bytes for xlsx);
``RENDERERS`` maps the ``--format`` names to the modules that provide it.

A renderer that can write a check as it is made, agreement by agreement, also provides
``start(evaluation, options)``, ``part(results, agreements, options)`` (results and the
agreements they belong to, by id: a streamed check renders one agreement per part, maybe
in a worker process), ``end(evaluation, options, empty)`` (the counts
are known by then) and ``SEPARATOR`` (put between two non-empty parts); with
``SUMMARY_FIRST`` its start shows the counts, so the parts are kept in a temporary file
until the end. ``chunks`` puts these together.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Iterator
from functools import partial
from itertools import chain
from types import ModuleType
from typing import Any

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


def render_part(name: str, options: Any, results: list[Any], agreements: Any) -> str | bytes:
    """A part of a streaming renderer's text (a worker process calls this too)."""
    from prestatiecheck.rendering.present import forget_agreements

    forget_agreements()  # (what was memoised for the agreement before is not needed again)
    return get(name).part(results, agreements, options)  # type: ignore[no-any-return]


def chunks(name: str, evaluation: Any, options: Any) -> Iterator[str | bytes]:
    """The text of a streaming renderer in pieces, each agreement's part as soon as it is made.

    The first part is made before anything is given out: a check whose figures match nothing
    raises then, with nothing written."""
    renderer = get(name)
    parts = iter(evaluation.parts(partial(render_part, name, options)))
    first = next(parts, None)
    if first is not None:
        parts = chain([first], parts)
    separator = renderer.SEPARATOR
    if getattr(renderer, "SUMMARY_FIRST", False):
        with tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8") as spool:
            wrote = False
            for part in parts:
                if part:
                    spool.write(separator + part if wrote else part)
                    wrote = True
            yield renderer.start(evaluation, options)
            spool.seek(0)
            while block := spool.read(1 << 20):
                yield block
            yield renderer.end(evaluation, options, not wrote)
        return
    yield renderer.start(evaluation, options)
    wrote = False
    for part in parts:
        if part:
            yield separator + part if wrote else part
            wrote = True
    yield renderer.end(evaluation, options, not wrote)
