"""The rule-file cache: used when nothing changed, bypassed when anything did, never trusted blindly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prestatiecheck.errors import RuleFileError
from prestatiecheck.loading import cache, rules

MINI = Path(__file__).parent / "fixtures" / "mini"
ONLY = ["mini-2022-2023"]  # the shipped agreements load beside it (and are cached too)
LAW = 1  # the national rule set loads with every selection: one cache entry of its own


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRESTATIECHECK_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(MINI, tmp_path / "mini")
    index = tmp_path / "mini" / "agreements.yaml"
    metrics = (MINI / "../../../metrics.yaml").resolve()
    index.write_text(index.read_text(encoding="utf-8").replace("../../../metrics.yaml", str(metrics)))
    return tmp_path / "mini"


def _entries(copy: Path) -> list[Path]:
    return sorted((copy.parent / "cache").glob("rules-*.pickle"))


def test_second_load_comes_from_the_cache(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    assert len(_entries(copy)) == 1 + LAW

    def must_not_be_called(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rule file was loaded again")

    monkeypatch.setattr(rules, "_load_agreement_uncached", must_not_be_called)
    second = rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    assert second.agreements == first.agreements
    assert second.warnings == first.warnings


def test_a_changed_rule_file_is_loaded_again(copy: Path) -> None:
    rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    rule_file = copy / "rules" / "mini-2022-2023.yaml"
    rule_file.write_text(
        rule_file.read_text(encoding="utf-8").replace("Maximaal 50% naar urgenten", "Hoogstens de helft"),
        encoding="utf-8",
    )
    catalogue = rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    assert catalogue.agreements["mini-2022-2023"].rules[0].title == "Hoogstens de helft"
    assert len(_entries(copy)) == 2 + LAW


def test_a_broken_rule_file_is_never_cached_and_always_reported(copy: Path) -> None:
    rule_file = copy / "rules" / "mini-2022-2023.yaml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("kind: share", "kind: shear", 1))
    for _ in range(2):
        with pytest.raises(RuleFileError, match="shear"):
            rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    assert len(_entries(copy)) == LAW  # only the national rule set's


def test_a_corrupt_cache_entry_is_ignored(copy: Path) -> None:
    first = rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    for entry in _entries(copy):
        entry.write_bytes(b"not a pickle")
    assert rules.load_catalogue(copy / "agreements.yaml", only=ONLY).agreements == first.agreements


def test_the_language_is_part_of_the_key(copy: Path) -> None:
    from prestatiecheck.i18n import set_language

    rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    set_language("en")
    try:
        rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    finally:
        set_language("nl")
    assert len(_entries(copy)) == 2 * (1 + LAW)


def test_no_cache_and_an_unwritable_cache(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESTATIECHECK_NO_CACHE", "1")
    rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    assert _entries(copy) == []
    monkeypatch.delenv("PRESTATIECHECK_NO_CACHE")
    blocker = copy.parent / "blocker"
    blocker.write_text("a file, not a directory")
    monkeypatch.setenv("PRESTATIECHECK_CACHE_DIR", str(blocker / "cache"))
    assert rules.load_catalogue(copy / "agreements.yaml", only=ONLY).agreements  # no error, just no cache


def test_the_key_depends_on_content_and_context() -> None:
    assert cache.key(b"a", "x") != cache.key(b"b", "x")
    assert cache.key(b"a", "x") != cache.key(b"a", "y")
    assert cache.key(b"a", "x") == cache.key(b"a", "x")


def test_the_same_file_by_another_name_comes_from_the_cache_with_its_new_name(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key is where the file is and what it holds: a relative path after an absolute one (or
    another working directory) is the same file, and messages name it as this run does."""
    monkeypatch.chdir(copy.parent)
    first = rules.load_catalogue("mini/agreements.yaml", only=ONLY)
    assert first.agreements["mini-2022-2023"].rules[0].location.file == "mini/rules/mini-2022-2023.yaml"
    assert len(_entries(copy)) == 1 + LAW

    def must_not_be_called(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rule file was loaded again")

    monkeypatch.setattr(rules, "_load_agreement_uncached", must_not_be_called)
    monkeypatch.chdir(copy / "rules")
    second = rules.load_catalogue(copy / "agreements.yaml", only=ONLY)
    agreement = second.agreements["mini-2022-2023"]
    assert {r.location.file for r in agreement.rules} == {"mini-2022-2023.yaml"}
    assert agreement.file == copy / "rules" / "mini-2022-2023.yaml"
    assert [r.id for r in agreement.rules] == [r.id for r in first.agreements["mini-2022-2023"].rules]
    assert len(_entries(copy)) == 1 + LAW
