"""Regenerate tests/snapshots/examples/*.json.gz from the current rule files, examples and messages.

    python -m tests.snapshots.regenerate

Run from the repository root with the code under test first on the path (PYTHONPATH=$PWD).
The documents are made with ``reference_document`` (the plain definition), not with the writer
the snapshots test.
"""

from __future__ import annotations

import os
import sys

from tests.snapshots import (
    AS_OF,
    LANGUAGES,
    ROOT,
    case_key,
    evaluate_example,
    examples,
    reference_document,
    write,
)


def main() -> None:
    os.chdir(ROOT)  # the figures files are named as `check` names them, relative to the root
    from prestatiecheck.i18n import set_language

    for example in examples():
        cases = {}
        for lang in LANGUAGES:
            set_language(lang)
            for as_of in AS_OF:
                doc = reference_document(evaluate_example(example, as_of))
                doc.pop("prestatiecheck")  # the version is not what a snapshot is about
                cases[case_key(as_of, lang)] = doc
        write(example, cases)
        print(f"{example.name}: {len(cases)} documents", file=sys.stderr)
    set_language("nl")


if __name__ == "__main__":
    main()
