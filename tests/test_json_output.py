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


def _documents(invoke, example: Path, cases: list[str]) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    """The documents `check --format json` gives now, by case ('<as-of>/<language>'), without the version."""
    documents = {}
    for case in cases:
        as_of, lang = case.split("/")
        document = _cli_document(invoke, example, as_of, lang)
        document.pop("prestatiecheck")
        documents[case] = document
    return documents


ALL_CASES = [snapshots.case_key(as_of, lang) for as_of in snapshots.AS_OF for lang in snapshots.LANGUAGES]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_writer_equals_the_snapshot(invoke, at_root, example: Path) -> None:  # type: ignore[no-untyped-def]
    """Fails (never skips) when the output differs from the snapshot or the snapshot is stale;
    the message says what changed and how to regenerate (tests/snapshots/__init__.py)."""
    stored = snapshots.read(example)
    assert stored is not None, f"no snapshot for {example.name}: run python -m tests.snapshots.regenerate"
    problem = snapshots.verdict(example, stored, _documents(invoke, example, ALL_CASES))
    if problem:
        pytest.fail(problem, pytrace=False)


def test_a_stale_snapshot_fails_and_says_what_changed() -> None:
    """Changed inputs fail the snapshot even when the documents are the same, naming the files and
    messages that changed."""
    example = EXAMPLES[0]
    stored = snapshots.read(example)
    assert stored is not None
    message = sorted(stored["messages"])[0]
    older = {
        **stored,
        "inputs": {**stored["inputs"], "agreements.yaml": "0" * 16, "rules/weg.yaml": "1" * 16},
        "messages": {**stored["messages"], message: "0" * 10},
    }
    problem = snapshots.verdict(example, older, stored["cases"])
    assert problem is not None
    assert f"The snapshot of examples/{example.name} is stale" in problem
    assert "files changed: agreements.yaml" in problem and "files gone: rules/weg.yaml" in problem
    assert f"messages changed: {message}" in problem
    assert "documents are still the same" in problem and "python -m tests.snapshots.regenerate" in problem


def test_a_changed_engine_fails_the_snapshot(invoke, at_root, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The snapshot test can fail: with the same inputs, an engine that judges one kind of rule
    differently gives documents that do not pass, and the message says the inputs are unchanged."""
    import dataclasses

    from prestatiecheck import checks
    from prestatiecheck.model import Status

    example = next(e for e in EXAMPLES if e.stem == "soest-2021-2022")
    stored = snapshots.read(example)
    assert stored is not None
    case = snapshots.case_key(snapshots.AS_OF[1], "nl")
    only = {**stored, "cases": {case: stored["cases"][case]}}
    assert snapshots.verdict(example, only, _documents(invoke, example, [case])) is None

    real = checks.get

    class Lenient:  # a target "met" whatever the figures: the regression the snapshot must catch
        def __init__(self, kind: str):
            self.kind = real(kind)

        def evaluate(self, rule, ctx):  # type: ignore[no-untyped-def]
            for result in self.kind.evaluate(rule, ctx):
                yield dataclasses.replace(result, status=Status.MET)

    monkeypatch.setattr(checks, "get", lambda kind: Lenient(kind) if kind == "target" else real(kind))
    problem = snapshots.verdict(example, only, _documents(invoke, example, [case]))
    assert problem is not None
    assert "are unchanged: the code changed them" in problem
    line = next(x for x in problem.splitlines() if f"{case}: result soest-2021-2022/1A joint 2021-2025:" in x)
    assert 'status "not_met" -> "met"' in line
    assert "python -m tests.snapshots.regenerate" in problem


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
