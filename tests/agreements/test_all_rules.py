"""Every shipped rule file: valid, sourced, covering the inventory, and documented in docs/agreements.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from prestatiecheck.cli import cli
from prestatiecheck.loading.rules import load_catalogue
from prestatiecheck.pipeline import run_validate
from prestatiecheck.rendering.describe import needed_metrics

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT / "docs" / "inventory.yaml"
SHARED_INVENTORY = ROOT.parent / "shared" / "agreements-inventory.md"
AGREEMENTS = [
    "amersfoort-2021",
    "amersfoort-2022-2023",
    "amersfoort-2026-2030",
    "soest-2021-2022",
    "nijkerk-2025-2027",
]


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue()


def test_all_five_agreements_are_shipped(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert sorted(catalogue.agreements) == sorted(AGREEMENTS)


def test_every_rule_file_validates_without_errors() -> None:
    outcome = run_validate([], agreement=None, agreements_index=None)
    errors = [str(p) for p in outcome.problems if p.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_every_rule_is_sourced_and_uses_known_parties_and_metrics(catalogue, agreement_id: str) -> None:  # type: ignore[no-untyped-def]
    agreement = catalogue.agreements[agreement_id]
    vocabulary = catalogue.vocabulary(agreement_id)
    assert agreement.rules, "an agreement without rules"
    for rule in agreement.rules:
        assert rule.id == f"{agreement_id}/{rule.ref}"
        assert rule.title.strip(), rule.id
        assert rule.theme.strip(), rule.id
        assert rule.source.article.strip(), f"{rule.id}: no source article"
        assert rule.source.quote.strip(), f"{rule.id}: no source quote"
        assert rule.obligation in ("inspanning", "resultaat"), rule.id
        assert rule.trekker, f"{rule.id}: no trekker"
        assert set(rule.trekker) <= set(agreement.party_ids), rule.id
        for metric in needed_metrics(rule):
            assert metric in vocabulary, f"{rule.id}: unknown metric {metric}"


def _refs(printed: str) -> list[str]:
    """The refs an inventory row names: '13, 20' -> 13, 20; '48-51' -> 48..51; 'actie-1 ... actie-20'."""
    if m := re.fullmatch(r"(\D*?)(\d+) \.\.\. \1(\d+)", printed):
        return [f"{m[1]}{i}" for i in range(int(m[2]), int(m[3]) + 1)]
    out: list[str] = []
    for part in (p.strip() for p in printed.split(",")):
        if m := re.fullmatch(r"(\d+)-(\d+)", part):
            out += [str(i) for i in range(int(m[1]), int(m[2]) + 1)]
        else:
            out.append(part)
    return out


def _inventory() -> dict[str, list[dict[str, str]]]:
    return yaml.safe_load(INVENTORY.read_text(encoding="utf-8"))


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_every_inventory_row_is_covered(catalogue, agreement_id: str) -> None:  # type: ignore[no-untyped-def]
    agreement = catalogue.agreements[agreement_id]
    coverage = agreement.coverage
    uncovered = []
    for row in _inventory()[agreement_id]:
        printed = row["ref"]
        if printed in coverage:
            continue
        missing = [r for r in _refs(printed) if r not in coverage]
        if missing:
            uncovered.append(f"{printed} (no coverage for {', '.join(missing)})")
    assert uncovered == [], f"{agreement_id}: inventory rows not in the coverage map: {uncovered}"


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_the_coverage_map_points_at_rules_or_context_that_exist(catalogue, agreement_id: str) -> None:  # type: ignore[no-untyped-def]
    agreement = catalogue.agreements[agreement_id]
    rule_refs = {r.ref for r in agreement.rules}
    context_refs = {c.ref for c in agreement.context}
    dangling = [
        f"{key} -> {target}"
        for key, targets in agreement.coverage.items()
        for target in targets
        if target not in rule_refs and target not in context_refs and target != "context"
    ]
    assert dangling == []


def test_the_inventory_copy_matches_the_shared_inventory() -> None:
    if not SHARED_INVENTORY.exists():
        pytest.skip(f"{SHARED_INVENTORY} is not here (a clean clone): docs/inventory.yaml is the copy")
    rows: dict[str, list[str]] = {}
    current = None
    for line in SHARED_INVENTORY.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^## (\S+) \(", line):
            current = m[1]
            rows[current] = []
        elif current and line.startswith("| ") and not line.startswith(("| ref ", "| id ")):
            rows[current].append(line.strip("|").split("|")[0].strip())
    assert rows == {k: [r["ref"] for r in v] for k, v in _inventory().items()}


def test_docs_agreements_md_is_up_to_date() -> None:
    result = CliRunner().invoke(cli, ["--lang", "nl", "list", "--format", "audit"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    current = (ROOT / "docs" / "agreements.md").read_text(encoding="utf-8")
    assert result.stdout == current, (
        "docs/agreements.md is stale: run `prestatiecheck --lang nl list --format audit --output docs/agreements.md`"
    )


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_list_and_explain_read_well_for_every_rule(catalogue, agreement_id: str) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    listed = runner.invoke(cli, ["list", "-a", agreement_id], catch_exceptions=False)
    assert listed.exit_code == 0
    for rule in catalogue.agreements[agreement_id].rules:
        for lang in ("nl", "en"):
            shown = runner.invoke(cli, ["--lang", lang, "explain", rule.id], catch_exceptions=False)
            assert shown.exit_code == 0, shown.output
            assert rule.source.quote.split()[0] in shown.stdout
            assert "{" not in shown.stdout.replace("{}", ""), shown.stdout  # no unfilled placeholders
