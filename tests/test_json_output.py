"""`check --format json`: the fast writer against its plain definition, and against the snapshots.

See tests/snapshots/__init__.py for what the snapshots are and how to regenerate them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prestatiecheck.i18n import set_language
from prestatiecheck.rendering import json_output
from tests import snapshots

EXAMPLES = snapshots.examples()


def _cli_document(invoke, example: Path, as_of: str, lang: str, *extra: str) -> dict:  # type: ignore[no-untyped-def]
    result = invoke(
        "check", "-a", snapshots.agreement_of(example), "-f", str(example.relative_to(snapshots.ROOT)),
        "--as-of", as_of, "--lang", lang, "--format", "json", *extra,
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(snapshots.ROOT)  # figures files are named relative to the working directory


def test_every_example_is_snapshotted() -> None:
    assert EXAMPLES, "no examples found"
    missing = [e.name for e in EXAMPLES if snapshots.read(e) is None]
    assert not missing, f"no snapshot for {missing}: run python -m tests.snapshots.regenerate"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_writer_equals_the_plain_definition(invoke, at_root, example: Path) -> None:  # type: ignore[no-untyped-def]
    """Every as-of date, both languages, with and without --quiet: parsed, the same document."""
    for lang in snapshots.LANGUAGES:
        for as_of in snapshots.AS_OF:
            set_language(lang)
            reference = snapshots.reference_document(snapshots.evaluate_example(example, as_of))
            assert _cli_document(invoke, example, as_of, lang) == reference, (lang, as_of)
        set_language(lang)
        evaluation = snapshots.evaluate_example(example, snapshots.AS_OF[1])
        quiet = snapshots.reference_document(evaluation, quiet=True)
        assert _cli_document(invoke, example, snapshots.AS_OF[1], lang, "--quiet") == quiet


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_writer_equals_the_snapshot(invoke, at_root, example: Path) -> None:  # type: ignore[no-untyped-def]
    stored = snapshots.read(example)
    assert stored is not None
    if stored["fingerprint"] != snapshots.fingerprint(example):
        pytest.skip(
            f"{example.name}: rule files, examples or messages changed since the snapshot was made; "
            "regenerate with `python -m tests.snapshots.regenerate` (see tests/snapshots/__init__.py)"
        )
    for key, expected in stored["cases"].items():
        as_of, lang = key.split("/")
        document = _cli_document(invoke, example, as_of, lang)
        document.pop("prestatiecheck")
        assert document == expected, key


def test_summary_comes_last_and_every_result_is_one_line(invoke, at_root) -> None:  # type: ignore[no-untyped-def]
    example = EXAMPLES[0]
    result = invoke("check", "-a", snapshots.agreement_of(example), "-f", str(example), "--format", "json",
                    "--as-of", "2024-06-01")  # fmt: skip
    text = result.stdout
    document = json.loads(text)
    assert list(document)[-4:] == ["results", "summary", "information", "notices"]
    lines = text.splitlines()
    start = lines.index('  "results": [')
    end = lines.index("  ],", start)
    assert end - start - 1 == len(document["results"]) > 0
    for line, record in zip(lines[start + 1 : end], document["results"], strict=True):
        assert json.loads(line.strip().rstrip(",")) == record


@pytest.mark.parametrize(
    "value",
    [
        10**30,  # beyond 64 bits: orjson refuses it
        -(2**64),
        "half a pair: \udc80",  # not valid Unicode: orjson refuses it
        {"nested": [1, 2.5, None, True, "ë – ✓"]},
    ],
)
def test_dumps_encodes_what_orjson_refuses(value: object) -> None:
    encoded = json_output.dumps(value)
    assert isinstance(encoded, bytes)
    assert json.loads(encoded) == value
    indented = json_output.dumps({"x": value}, json_output.orjson.OPT_INDENT_2)
    assert json.loads(indented) == {"x": value}
