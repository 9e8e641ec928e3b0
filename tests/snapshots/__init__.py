"""Snapshots of `check --format json` for every shipped example, and the reference they are made with.

The JSON writer (``rendering/json_output.py``) is fast: orjson, fields encoded once per rule,
the document written as it is made. ``reference_document`` is the slow, obvious definition of
the same document (the records of ``rendering.rows`` encoded by the standard library), kept here
so that the fast writer is always compared with it (``tests/test_json_output.py``).

``examples/<example>.json.gz`` hold the documents of every example at every as-of date in both
languages, as the code made them when they were last regenerated (first: main at 8f865e6, before
the writer moved to orjson), with a fingerprint of what they depend on. When the rule files, the
examples or the messages change (other work does that all the time), the fingerprint no longer
matches and the snapshot test of that example is skipped, saying so; regenerate them with::

    python -m tests.snapshots.regenerate

and look at ``git diff --stat tests/snapshots`` (and at the documents) before committing.
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


def fingerprint(example: Path) -> str:
    """What an example's documents depend on besides the code: the figures, the rule files,
    the vocabulary, the index and every message text."""
    from prestatiecheck.i18n import MESSAGES

    digest = hashlib.sha256()
    for path in (
        example,
        ROOT / "agreements.yaml",
        ROOT / "metrics.yaml",
        *sorted((ROOT / "rules").rglob("*.yaml")),
    ):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(MESSAGES, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


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
    data = {"fingerprint": fingerprint(example), "cases": cases}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    # mtime=0: the same documents give the same bytes, so an unchanged snapshot is no diff.
    with open(snapshot_path(example), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def case_key(as_of: str, lang: str) -> str:
    return f"{as_of}/{lang}"
