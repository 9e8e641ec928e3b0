"""Regenerate tests/snapshots/examples/*.json.gz from the current rule files, examples and messages.

    python -m tests.snapshots.regenerate

Run from the repository root with the code under test first on the path (PYTHONPATH=$PWD).
The documents are made with ``reference_document`` (the plain definition), not with the writer
the snapshots test. For each example it prints what changed since the snapshot before (inputs,
then documents): check that every difference is meant before committing.
"""

from __future__ import annotations

import os
import sys

from tests.snapshots import (
    AS_OF,
    LANGUAGES,
    ROOT,
    case_key,
    changed_inputs,
    differences,
    evaluate_example,
    examples,
    read,
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
        old = read(example)
        changed = changed_inputs(old, example) if old else ["no snapshot before"]
        found = differences(old["cases"], cases) if old else []
        write(example, cases)
        print(f"{example.name}: {len(cases)} documents, {len(found)} differences", file=sys.stderr)
        for line in changed:
            print(f"  inputs: {line}", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
    set_language("nl")


if __name__ == "__main__":
    main()
