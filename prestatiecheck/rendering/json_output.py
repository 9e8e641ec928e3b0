"""JSON: a stable contract that tests and other tools read."""

from __future__ import annotations

import json
from collections.abc import Iterator

from prestatiecheck import __version__
from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import get_language
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.rows import records, result_fields, rule_fields, visible


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
        "information": evaluation.information_summary(),
    }


def document(evaluation: Evaluation, options: RenderOptions) -> dict[str, object]:
    return {**_head(evaluation), "results": list(records(evaluation, options.quiet))}


def chunks(evaluation: Evaluation, options: RenderOptions) -> Iterator[str]:
    """The document with one result per line: readable, diffable, and written as it is made.

    Indenting every nested value would use json's pure-Python encoder, which costs
    more than evaluating; each result is encoded on its own by the C encoder, and
    no more than one result's record is held in memory at a time. The fields that
    are the same for every result of a rule are encoded once per rule.
    """
    head = json.dumps(_head(evaluation), ensure_ascii=False, indent=2)
    yield head[: -len("\n}")] + ',\n  "results": ['
    encode = json.JSONEncoder(ensure_ascii=False).encode  # (what json.dumps uses for these options)
    agreements = evaluation.catalogue.agreements
    prefixes: dict[str, str] = {}
    separator = "\n    "
    for result in visible(evaluation, options.quiet):
        rule = result.rule
        prefix = prefixes.get(rule.id)
        if prefix is None:
            # '{"rule": ..., "source": {...}' + ', ' + the result's own fields without their '{'
            prefix = prefixes[rule.id] = encode(rule_fields(rule))[:-1] + ", "
        yield separator + prefix + encode(result_fields(result, agreements.get(rule.agreement_id)))[1:]
        separator = ",\n    "
    yield "]\n}\n" if separator == "\n    " else "\n  ]\n}\n"


def render(evaluation: Evaluation, options: RenderOptions) -> str:
    return "".join(chunks(evaluation, options))
