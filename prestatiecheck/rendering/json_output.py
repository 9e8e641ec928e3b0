"""JSON: a stable contract that tests and other tools read."""

from __future__ import annotations

import json
from collections.abc import Iterator

from prestatiecheck import __version__
from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import get_language
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.rows import records


def document(evaluation: Evaluation, options: RenderOptions) -> dict[str, object]:
    ids = [a.id for a in evaluation.agreements]
    return {
        "prestatiecheck": __version__,
        "language": get_language(),
        "as_of": evaluation.as_of.isoformat(),
        "agreement": ids[0] if len(ids) == 1 else None,
        "agreements": ids,
        "figures_files": evaluation.figures_files,
        "summary": evaluation.summary(),
        "results": list(records(evaluation, options.quiet)),
    }


def chunks(evaluation: Evaluation, options: RenderOptions) -> Iterator[str]:
    """The document with one result per line: readable, diffable, and written as it is made.

    Indenting every nested value would use json's pure-Python encoder, which costs
    more than evaluating; each result is encoded on its own by the C encoder, and
    no more than one result's record is held in memory at a time.
    """
    ids = [a.id for a in evaluation.agreements]
    head = {
        "prestatiecheck": __version__,
        "language": get_language(),
        "as_of": evaluation.as_of.isoformat(),
        "agreement": ids[0] if len(ids) == 1 else None,
        "agreements": ids,
        "figures_files": evaluation.figures_files,
        "summary": evaluation.summary(),
    }
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "results": ['
    separator = "\n    "
    for rec in records(evaluation, options.quiet):
        yield separator + json.dumps(rec, ensure_ascii=False)
        separator = ",\n    "
    yield "\n  ]\n}\n" if separator != "\n    " else "]\n}\n"


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    return "".join(chunks(evaluation, options))
