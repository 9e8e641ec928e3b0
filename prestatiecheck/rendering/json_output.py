"""JSON: a stable contract that tests and other tools read."""

from __future__ import annotations

import json

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


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    """The document with one result per line: readable, diffable, and fast to write.

    Indenting every nested value would use json's pure-Python encoder, which costs
    more than evaluating; each result is encoded on its own by the C encoder.
    """
    doc = document(evaluation, options)
    results = doc.pop("results")
    head = json.dumps(doc, ensure_ascii=False, indent=2)[:-2]
    lines = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in results)  # type: ignore[attr-defined]
    body = f"[\n{lines}\n  ]" if lines else "[]"
    return f'{head},\n  "results": {body}\n}}\n'
