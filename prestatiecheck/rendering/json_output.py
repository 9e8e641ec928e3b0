"""JSON: a stable contract that tests and other tools read.

The document is written as the results are made, never held whole in memory::

    {
      "prestatiecheck": "0.1.0", "language": ..., "as_of": ..., "agreement": ...,
      "agreements": [...], "figures_files": [...],
      "results": [
        {...one result per line...},
        ...
      ],
      "summary": {"met": ..., "at_risk": ..., "not_met": ..., "no_data": ..., "pending": ...},
      "information": {...the same counts for results given for information only...},
      "notices": [{"file": ..., "line": ..., "sheet": ..., "cell": ..., "message": ...}, ...]
    }

``summary``, ``information`` and ``notices`` (about figures that count for nothing: no
rule reads them, or their period has not begun) come after ``results`` because they are
known only once every result is made (JSON readers do not depend on the order of keys).
Records are encoded by orjson (C); the fields that are the same for every result
of a rule are encoded once per rule.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

from prestatiecheck import __version__
from prestatiecheck.evaluation import Evaluation
from prestatiecheck.i18n import get_language
from prestatiecheck.model import Agreement, Problem, Result
from prestatiecheck.rendering.options import RenderOptions
from prestatiecheck.rendering.rows import records, result_fields, rule_fields, visible_of


def dumps(value: Any, option: int = 0) -> bytes:
    """UTF-8 JSON of plain data. orjson, except for what it refuses (an integer beyond 64 bits,
    a text that is not valid Unicode): then the standard library, which encodes both (ASCII-escaped)."""
    try:
        return orjson.dumps(value, option=option)
    except orjson.JSONEncodeError:
        indent = 2 if option & orjson.OPT_INDENT_2 else None
        return json.dumps(value, indent=indent).encode("ascii")


def head(evaluation: Any) -> dict[str, object]:
    """Everything in the document before the results."""
    ids = evaluation.agreement_ids
    return {
        "prestatiecheck": __version__,
        "language": get_language(),
        "as_of": evaluation.as_of.isoformat(),
        "agreement": ids[0] if len(ids) == 1 else None,
        "agreements": ids,
        "figures_files": evaluation.figures_files,
    }


def notice_record(problem: Problem) -> dict[str, object]:
    """A notice about the figures (not an error): where, and what it says (as on stderr)."""
    where = problem.location
    return {
        "file": where.file,
        "line": where.line or None,
        "sheet": where.sheet or None,
        "cell": where.cell or None,
        "message": problem.message,
    }


def tail(evaluation: Any) -> dict[str, object]:
    """Everything after the results: known once every result is made (figures no rule read, too)."""
    return {
        "summary": evaluation.summary(),
        "information": evaluation.information_summary(),
        "notices": [notice_record(n) for n in evaluation.notices],
    }


def document(evaluation: Evaluation, options: RenderOptions) -> dict[str, object]:
    """The document as data (for the results file of reports; same content as ``chunks``)."""
    return {**head(evaluation), "results": list(records(evaluation, options.quiet)), **tail(evaluation)}


SEPARATOR = b","


def start(evaluation: Any, options: RenderOptions) -> bytes:
    opened = dumps(head(evaluation), orjson.OPT_INDENT_2)  # b'{\n  ...\n}'
    return opened[: -len(b"\n}")] + b',\n  "results": ['


def part(results: list[Result], agreements: Mapping[str, Agreement], options: RenderOptions) -> bytes:
    """Results, one per line."""
    prefixes: dict[str, bytes] = {}
    lines = []
    for result in visible_of(results, options.quiet):
        rule = result.rule
        prefix = prefixes.get(rule.id)
        if prefix is None:
            # b'{"rule": ..., "source": {...}' + b',' + the result's own fields without their b'{'
            prefix = prefixes[rule.id] = dumps(rule_fields(rule))[:-1] + b","
        lines.append(prefix + dumps(result_fields(result, agreements.get(rule.agreement_id)))[1:])
    return b"".join(b"\n    " + line for line in lines[:1]) + b"".join(b",\n    " + x for x in lines[1:])


def end(evaluation: Any, options: RenderOptions, empty: bool) -> bytes:
    closing = dumps(tail(evaluation), orjson.OPT_INDENT_2)  # b'{\n  "summary": ...\n}'
    return (b"]," if empty else b"\n  ],") + closing[1:] + b"\n"


def chunks(evaluation: Any, options: RenderOptions) -> Iterator[str | bytes]:
    """The document in pieces, as UTF-8: the head, then the results as they come, then the counts."""
    from prestatiecheck.rendering import chunks as pieces

    return pieces("json", evaluation, options)


def render(evaluation: Any, options: RenderOptions) -> str:
    return "".join(c.decode("utf-8") if isinstance(c, bytes) else c for c in chunks(evaluation, options))
