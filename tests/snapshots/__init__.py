"""Snapshots of `check --format json` for every shipped example, and the reference they are made with.

The JSON writer (``rendering/json_output.py``) is fast: orjson, fields encoded once per rule,
the document written as it is made. ``reference_document`` is the slow, obvious definition of
the same document (the records of ``rendering.rows`` encoded by the standard library), kept here
so that the fast writer is always compared with it (``tests/test_json_output.py``).

``examples/<example>.json.gz`` hold the documents of every example at every as-of date in both
languages, as the code made them when they were last regenerated (first: main at 8f865e6, before
the writer moved to orjson), with a record of what they were made from besides the code: a digest
of the example's figures, the index, the vocabulary and every rule file, and one of every message.

The snapshot test fails (never skips) when the output differs from the snapshot, or when what the
snapshot was made from changed since (other work changes rule files and messages all the time):
its message lists the files and messages that changed and the first differences in the output.
With unchanged inputs a difference is the code's doing: a regression, unless the change is meant.
Either way, when the new output is right, regenerate the snapshots::

    PYTHONPATH=$PWD python -m tests.snapshots.regenerate

which prints what changed in each example's documents; look at it (and ``git diff --stat
tests/snapshots``) before committing, and say in the commit why the documents changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = ("2022-06-01", "2024-06-01", "2026-11-23")
LANGUAGES = ("nl", "en")


def examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.csv"))


def agreement_of(example: Path) -> str:
    """The agreement an example is for: its name (a variant has a suffix after the id)."""
    return example.stem.removesuffix("-excel")


def snapshot_path(example: Path) -> Path:
    return HERE / "examples" / f"{example.stem}.json.gz"


def inputs(example: Path) -> dict[str, str]:
    """What an example's documents are made from besides the code and the messages, file by file:
    the figures, the index, the vocabulary and every rule file (by a digest of its bytes)."""
    files = (
        example,
        ROOT / "agreements.yaml",
        ROOT / "metrics.yaml",
        *sorted((ROOT / "rules").rglob("*.yaml")),
    )
    return {
        path.relative_to(ROOT).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for path in files
    }


def messages() -> dict[str, str]:
    """Every message id with a digest of its texts (both languages)."""
    from prestatiecheck.i18n import MESSAGES

    return {
        key: hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:10]
        for key, texts in sorted(MESSAGES.items())
    }


def fingerprint(example: Path) -> str:
    """One digest of everything ``inputs`` and ``messages`` record."""
    text = json.dumps([inputs(example), messages()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _named(what: str, names: list[str], most: int = 8) -> str:
    shown = ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")
    return f"{what}: {shown}"


def changed_inputs(stored: dict[str, Any], example: Path) -> list[str]:
    """What changed since the snapshot was made (files, messages); empty when nothing did."""
    if "inputs" not in stored or "messages" not in stored:
        if stored.get("fingerprint") == fingerprint(example):
            return []
        return ["the snapshot was made before the inputs were recorded file by file"]
    out = []
    for what, then, now in (
        ("files", stored["inputs"], inputs(example)),
        ("messages", stored["messages"], messages()),
    ):
        changed = sorted(k for k in then.keys() & now.keys() if then[k] != now[k])
        added = sorted(now.keys() - then.keys())
        removed = sorted(then.keys() - now.keys())
        for how, names in (("changed", changed), ("new", added), ("gone", removed)):
            if names:
                out.append(_named(f"{what} {how}", names))
    return out


def _short(value: Any, width: int = 70) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= width else text[: width - 1] + "…"


def _result_key(record: dict[str, Any]) -> str:
    parts = [record.get("rule"), record.get("party") or "joint", record.get("project"), record.get("period")]
    return " ".join(str(p) for p in parts if p is not None)


def _keyed(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    keyed: dict[str, dict[str, Any]] = {}
    for record in records:
        key = _result_key(record)
        while key in keyed:  # the same rule, party and period twice: told apart by their order
            key += "'"
        keyed[key] = record
    return keyed


def _document_differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    out = []
    for name in sorted((expected.keys() | actual.keys()) - {"results", "notices"}):
        if expected.get(name) != actual.get(name):
            out.append(f"{name}: {_short(expected.get(name))} -> {_short(actual.get(name))}")
    then, now = _keyed(expected.get("results", [])), _keyed(actual.get("results", []))
    for key in then.keys() - now.keys():
        out.append(f"result {key} ({then[key].get('status')}) is gone")
    for key in now.keys() - then.keys():
        out.append(f"result {key} ({now[key].get('status')}) is new")
    for key in then.keys() & now.keys():
        was, is_ = then[key], now[key]
        fields = [f for f in sorted(was.keys() | is_.keys()) if was.get(f) != is_.get(f)]
        if fields:
            changes = "; ".join(
                f"{f} {_short(was.get(f), 40)} -> {_short(is_.get(f), 40)}" for f in fields[:3]
            )
            more = f" (and {len(fields) - 3} more fields)" if len(fields) > 3 else ""
            out.append(f"result {key}: {changes}{more}")
    if not out and list(then) != list(now):
        out.append("the results are in another order")
    before, after = expected.get("notices", []), actual.get("notices", [])
    if before != after:
        gone = [n for n in before if n not in after]
        new = [n for n in after if n not in before]
        out += [f"notice gone: {_short(n.get('message'))}" for n in gone]
        out += [f"notice new: {_short(n.get('message'))}" for n in new]
        if not gone and not new:
            out.append("the notices are in another order")
    return sorted(out)


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """The differences between two sets of documents by case ('<as-of>/<language>'), one line each."""
    out = []
    for case in sorted(expected.keys() | actual.keys()):
        if case not in actual:
            out.append(f"{case}: no such document now")
        elif case not in expected:
            out.append(f"{case}: not in the snapshot")
        else:
            out += [f"{case}: {line}" for line in _document_differences(expected[case], actual[case])]
    return out


def verdict(example: Path, stored: dict[str, Any], actual: dict[str, Any], most: int = 15) -> str | None:
    """Why the documents ``actual`` do not pass for the snapshot ``stored`` (None: they do)."""
    changed = changed_inputs(stored, example)
    found = differences(stored["cases"], actual)
    if not changed and not found:
        return None
    name = example.relative_to(ROOT).as_posix()
    lines = []
    if changed:
        lines.append(f"The snapshot of {name} is stale: what it was made from changed since.")
        lines += [f"  {line}" for line in changed]
        if not found:
            lines.append("The documents are still the same as in the snapshot.")
    else:
        lines.append(
            f"`check --format json` on {name} no longer gives the documents of its snapshot, while "
            "the figures, rule files and messages they are made from are unchanged: the code changed "
            "them. A regression, unless the change is meant."
        )
    if found:
        lines.append(f"{len(found)} differences (snapshot -> now):")
        lines += [f"  {line}" for line in found[:most]]
        if len(found) > most:
            lines.append(f"  ... and {len(found) - most} more")
    lines.append(
        "If the new documents are right: PYTHONPATH=$PWD python -m tests.snapshots.regenerate "
        "(it prints what changed), check the differences and commit tests/snapshots saying why."
    )
    return "\n".join(lines)


def _number(value: Any, decimals: int | None = None) -> Any:
    from prestatiecheck.rendering.rows import machine_number

    return machine_number(value, decimals)


def reference_document(evaluation: Any, quiet: bool = False) -> dict[str, Any]:
    """The JSON document of an evaluation by its plain definition: head, summary, one record per
    result (``rendering.rows.record``), notices, through the standard library's encoder and back."""
    from prestatiecheck import __version__
    from prestatiecheck.i18n import get_language
    from prestatiecheck.model import Status
    from prestatiecheck.rendering.rows import record

    ids = [a.id for a in evaluation.agreements]
    shown = [r for r in evaluation.results if not quiet or r.status in (Status.NOT_MET, Status.AT_RISK)]
    summary = {s.value: 0 for s in Status}
    information = {s.value: 0 for s in Status}
    for r in evaluation.results:
        (information if r.information else summary)[r.status.value] += 1
    agreements = evaluation.catalogue.agreements
    doc = {
        "prestatiecheck": __version__,
        "language": get_language(),
        "as_of": evaluation.as_of.isoformat(),
        "agreement": ids[0] if len(ids) == 1 else None,
        "agreements": ids,
        "figures_files": list(evaluation.figures_files),
        "summary": summary,
        "information": information,
        "results": [record(r, agreements.get(r.rule.agreement_id)) for r in shown],
        "notices": [
            {
                "file": n.location.file,
                "line": n.location.line or None,
                "sheet": n.location.sheet or None,
                "cell": n.location.cell or None,
                "message": n.message,
            }
            for n in evaluation.notices
        ],
    }
    return json.loads(json.dumps(doc, ensure_ascii=False))  # type: ignore[no-any-return]


def evaluate_example(example: Path, as_of: str) -> Any:
    """The evaluation `check -a <agreement> -f examples/<example>.csv --as-of <as_of>` shows."""
    from prestatiecheck.pipeline import CheckOptions, run_check

    return run_check(
        CheckOptions(
            figures=[example.relative_to(ROOT)],
            agreement=agreement_of(example),
            as_of=date.fromisoformat(as_of),
        )
    )


def read(example: Path) -> dict[str, Any] | None:
    path = snapshot_path(example)
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


def write(example: Path, cases: dict[str, Any]) -> None:
    data = {
        "fingerprint": fingerprint(example),
        "inputs": inputs(example),
        "messages": messages(),
        "cases": cases,
    }
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    # mtime=0: the same documents give the same bytes, so an unchanged snapshot is no diff.
    with open(snapshot_path(example), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def case_key(as_of: str, lang: str) -> str:
    return f"{as_of}/{lang}"
