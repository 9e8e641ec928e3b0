"""JSON: a stable contract that tests and other tools read."""

from __future__ import annotations

import json
from collections.abc import Iterator

from prestatiecheck import __version__
from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import get_language
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.rows import records


def _head(evaluation: Evaluation) -> dict[str, object]:
    """Everything in the document but the results."""
    ids = [a.id for a in evaluation.agreements]
    return {
        "prestatiecheck": __version__,
        "language": get_language(),
        "as_of": evaluation.as_of.isoformat(),
        "agreement": ids[0] if len(ids) == 1 else None,
        "agreements": ids,
        "figures_files": evaluation.figures_files,
        "summary": evaluation.summary(),
    }


def document(evaluation: Evaluation, options: RenderOptions) -> dict[str, object]:
    return {**_head(evaluation), "results": list(records(evaluation, options.quiet))}


def chunks(evaluation: Evaluation, options: RenderOptions) -> Iterator[str]:
    """The document with one result per line: readable, diffable, and written as it is made.

    Indenting every nested value would use json's pure-Python encoder, which costs
    more than evaluating; each result is encoded on its own by the C encoder, and
    no more than one result's record is held in memory at a time.
    """
    head = json.dumps(_head(evaluation), ensure_ascii=False, indent=2)
    yield head[: -len("\n}")] + ',\n  "results": ['
    empty = True
    for rec in records(evaluation, options.quiet):
        yield ("\n    " if empty else ",\n    ") + json.dumps(rec, ensure_ascii=False)
        empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    return "".join(chunks(evaluation, options))
