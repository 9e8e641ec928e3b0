"""Every shipped rule file: valid, sourced, covering the inventory, and documented in docs/agreements.md."""

from __future__ import annotations

import re
from decimal import Decimal
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
    local = [a for a, agreement in catalogue.agreements.items() if not agreement.national]
    assert sorted(local) == sorted(AGREEMENTS)
    assert catalogue.national is not None and catalogue.national.id == "woningwet"


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
    # rows marked `added:` are afspraken the shared inventory missed (issue 10)
    assert rows == {k: [r["ref"] for r in v if "added" not in r] for k, v in _inventory().items()}


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


# The rule ids other tools depend on (issue 3), with what each must check.
SHARE_URGENT = ("verhuringen_urgent", "verhuringen_totaal")
SHARE_FREE = ("verhuringen_vrije_toewijzing", "verhuringen_totaal")
FIXED = {
    "amersfoort-2021/6": {
        "kind": "target",
        "metric": "netto_toename",
        "window": "2020-2021",
        "scope": {"party", "joint"},
    },
    "amersfoort-2021/20": {"kind": "share", "ratio": SHARE_URGENT, "max": 50, "scope": {"party", "joint"}},
    "amersfoort-2021/2": {
        "kind": "deadline",
        "evidence": "aanlevering_woningmarktmonitor",
        "due": "vóór 1 april",
        "recurrence": "yearly",
    },
    "amersfoort-2022-2023/7": {
        "kind": "target",
        "metric": "netto_toename",
        "window": "2022-2023",
        "scope": {"party", "joint"},
    },
    "amersfoort-2022-2023/13": {
        "kind": "share",
        "ratio": SHARE_URGENT,
        "max": 50,
        "scope": {"party", "joint"},
    },
    "amersfoort-2022-2023/14": {
        "kind": "share",
        "ratio": ("verhuringen_jongeren_kkg", "verhuringen_totaal"),
        "min": 5,
        "scope": {"party", "joint"},
    },
    "amersfoort-2022-2023/19": {"kind": "share", "ratio": SHARE_FREE, "max": 15, "scope": {"party", "joint"}},
    "amersfoort-2022-2023/56": {
        "kind": "deadline",
        "evidence": "aanlevering_woningmarktmonitor",
        "due": "vóór 1 april",
        "recurrence": "yearly",
    },
    "amersfoort-2026-2030/netto-groei": {
        "kind": "target",
        "metric": "netto_toename",
        "scope": {"joint"},
        "joint_target": 1380,
    },
    "amersfoort-2026-2030/vrije-toewijzing": {
        "kind": "share",
        "ratio": SHARE_FREE,
        "max": 15,
        "scope": {"party", "joint"},
    },
    "amersfoort-2026-2030/urgent": {
        "kind": "band",
        "ratio": SHARE_URGENT,
        "target": 30,
        "scope": {"party", "joint"},
    },
    "soest-2021-2022/1Y": {"kind": "share", "ratio": SHARE_URGENT, "max": 30, "scope": {"party", "joint"}},
    "soest-2021-2022/2G": {"kind": "share", "ratio": SHARE_FREE, "max": 15, "scope": {"party", "joint"}},
    "soest-2021-2022/1V": {
        "kind": "deadline",
        "evidence": "huisvestingsverordening_vastgesteld",
        "due": "uiterlijk 1 april 2021",
    },
    "soest-2021-2022/4A": {
        "kind": "value",
        "metric": "leefbaarheid_uitgaven_per_woning",
        "max": Decimal("131.37"),
    },
    "nijkerk-2025-2027/7": {"kind": "share", "ratio": SHARE_FREE, "max": 15, "scope": {"party", "joint"}},
    "nijkerk-2025-2027/9": {
        "kind": "share",
        "ratio": SHARE_URGENT,
        "max": 30,
        "average_per_year": True,
        "scope": {"party", "joint"},
    },
    "nijkerk-2025-2027/netto-groei": {
        "kind": "target",
        "metric": "netto_toename",
        "per_year": True,
        "scope": {"joint"},
        "joint_target": 50,
    },
    "nijkerk-2025-2027/17": {"kind": "deadline", "evidence": "warmteprogramma_vastgesteld"},
}


@pytest.mark.parametrize("rule_id", sorted(FIXED))
def test_fixed_rule_ids_check_what_the_issue_says(catalogue, rule_id: str) -> None:  # type: ignore[no-untyped-def]
    rule = catalogue.rule(rule_id)
    assert rule is not None, f"{rule_id} is missing"
    check = rule.check
    want = FIXED[rule_id]
    assert check["kind"] == want["kind"]
    assert "margin" not in check, "the fixed rules use the default margins"
    if "ratio" in want:
        assert (check["numerator"], check["denominator"]) == want["ratio"]
    for key in (
        "metric",
        "evidence",
        "window",
        "due",
        "recurrence",
        "max",
        "min",
        "target",
        "per_year",
        "average_per_year",
    ):
        if key in want:
            assert check.get(key) == want[key], key
    if "scope" in want:
        assert set(check.get("scope") or ["party"]) == want["scope"]
    if "joint_target" in want:
        assert check["targets"]["joint"] == want["joint_target"]
    if want["kind"] == "deadline" and rule_id.startswith(("soest-2021-2022/1V", "nijkerk-2025-2027/17")):
        assert rule.trekker == ("gemeente",)


SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.parametrize("agreement_id", AGREEMENTS)
def test_inconsistency_places_quote_the_document(catalogue, agreement_id: str) -> None:  # type: ignore[no-untyped-def]
    """Every place of a recorded inconsistency in this document is its verbatim words (whitespace aside)."""
    agreement = catalogue.agreements[agreement_id]
    seed = SEEDS / agreement.source
    if not seed.exists():
        pytest.skip(f"{seed} is not here (a clean clone)")
    text = " ".join(seed.read_text(encoding="utf-8").split())
    data = yaml.safe_load(agreement.file.read_text(encoding="utf-8"))
    for item in data.get("inconsistencies") or []:
        assert len(item["places"]) >= 2 and item["note"] and item.get("note_en")
        for place in item["places"]:
            if not place.get("document"):
                assert " ".join(str(place["quote"]).split()) in text, place
