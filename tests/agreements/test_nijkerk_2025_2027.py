"""Prestatieafspraken gemeente Nijkerk 2025-2027: the rule file, the example figures, boundaries.

The example figures (examples/nijkerk-2025-2027.csv) are what a policy officer has on
2026-11-23: the full year 2025 and the first half of 2026 for lettings and stock mutations,
the 2025 project programme, the counts of the 2025 overleggen and the dates delivered so far.
On that date 2025 is over, 2026 runs (half-year figures only), 2027 has not begun, and the
warmteprogramma (afspraak 17, "voor eind 2026") is 38 days away: still pending, at_risk from
1 December 2026 (30 warning days).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prestatiecheck.cli import cli
from prestatiecheck.loading.yamlsafe import load_yaml
from tests.agreements.common import AgreementChecks

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = "nijkerk-2025-2027"
RULES = ROOT / "rules" / f"{AGREEMENT}.yaml"
EXAMPLE = ROOT / "examples" / f"{AGREEMENT}.csv"
SEED = Path("/work/shared/seeds/004_6866c41b2979602f.txt")
INVENTORY = Path("/work/shared/agreements-inventory.md")
AS_OF = "2026-11-23"
CORPORATIONS = ["wsn", "alliantie"]
HEADER = "period,party,metric,value,note,project\n"


CHECKS = AgreementChecks(AGREEMENT, AS_OF, HEADER)
run_check, pick, status, small = CHECKS.run_check, CHECKS.pick, CHECKS.status, CHECKS.small
value = CHECKS.value


@pytest.fixture(scope="module")
def example() -> list[dict[str, Any]]:
    return run_check(EXAMPLE)


@pytest.fixture(scope="module")
def rule_file() -> Any:
    data, problems = load_yaml(RULES, str(RULES))
    assert not problems
    return data


# ---------------------------------------------------------------- the rule file


def test_validate_reports_no_errors_only_the_documents_own_inconsistencies() -> None:
    result = CliRunner().invoke(cli, ["validate", "--lang", "en"], catch_exceptions=False)
    ours = [line for line in (result.stdout + result.stderr).splitlines() if f"{AGREEMENT}.yaml" in line]
    assert not [line for line in ours if "warning" not in line], ours
    # Tabel 1: the total of "sloop of overheveling" is printed 0, the columns give -6 ...
    assert any("tabel-1" in line and "-6" in line and " 0" in line for line in ours), ours
    # ... and 556 + 0 - 135 = 421, not the printed 415.
    assert any("tabel-1" in line and "421" in line and "415" in line for line in ours), ours
    # Tabel 2: the 2028-2030 prognosis is WSN 8 (de Alliantie empty), printed total 18.
    assert any("tabel-2" in line and "8" in line and "18" in line for line in ours), ours
    # Bijlage II: DAEB limit € 900,06 against the legal € 900,07, naming both places.
    daeb = [line for line in ours if "document inconsistency" in line]
    assert len(daeb) == 1, ours
    assert "Bijlage II, Sociale huurwoningen (“In 2025 ligt de DAEB-huurgrens op € 900,06.”)" in daeb[0]
    # the national norm with its source: the Wet op de huurtoeslag of 1 January 2025
    assert (
        "against Wet op de huurtoeslag (versie 1 januari 2025, https://wetten.overheid.nl/BWBR0008659/2025-01-01#Artikel13)"
        in daeb[0]
    )
    assert (
        "13 lid 1 onder a (liberalisatiegrens; landelijke regelset woningwet" in daeb[0]
        and "(“€ 900,07”)" in daeb[0]
    )
    assert len(ours) == 4, ours


def test_fixed_rule_ids_exist_and_are_encoded_as_agreed(rule_file: Any) -> None:
    rules = {str(r["ref"]): r for r in rule_file["rules"]}
    seven = rules["7"]["check"]
    assert (seven["kind"], seven["numerator"], seven["denominator"], seven["max"]) == (
        "share",
        "verhuringen_vrije_toewijzing",
        "verhuringen_totaal",
        15,
    )
    assert set(seven["scope"]) == {"party", "joint"} and "margin" not in seven
    assert sorted(seven["parties"]) == sorted(CORPORATIONS)
    nine = rules["9"]["check"]
    assert (nine["kind"], nine["numerator"], nine["denominator"], nine["max"]) == (
        "share",
        "verhuringen_urgent",
        "verhuringen_totaal",
        30,
    )
    assert nine["average_per_year"] is True and set(nine["scope"]) == {"party", "joint"}
    assert "margin" not in nine
    growth = rules["netto-groei"]["check"]
    assert (growth["kind"], growth["metric"], growth["per_year"], growth["targets"]) == (
        "target",
        "netto_toename",
        True,
        {"joint": 50},
    )
    assert growth["scope"] == ["joint"] and "margin" not in growth
    warmte = rules["17"]
    assert (warmte["check"]["kind"], warmte["check"]["evidence"]) == (
        "deadline",
        "warmteprogramma_vastgesteld",
    )
    assert warmte["trekker"] == ["gemeente"] and "margin" not in warmte["check"]


def test_tables_as_printed(rule_file: Any) -> None:
    tables = {t["id"]: t for t in rule_file["tables"]}
    t1 = tables["tabel-1"]
    assert t1["columns"] == ["wsn", "alliantie", "totaal"] and t1["total_column"] == "totaal"
    assert t1["rows"]["nieuwbouw_harde_plannen"] == [526, 30, 556]
    assert t1["rows"]["onttrekking_sloop_overheveling_middenhuur"] == [0, -6, 0]  # printed 0, read -6
    assert t1["rows"]["onttrekking_verkoop"] == [-125, -10, -135]
    assert t1["rows"]["netto_toename_2025_2027"] == [401, 14, 415]
    t2 = tables["tabel-2"]
    assert t2["rows"]["netto_toename_2025_2027"] == [9, 12, 21]
    assert t2["rows"]["prognose_nieuwbouw_2028_2030"] == [8, 0, 18]


def test_every_rule_is_covered_or_an_extra(rule_file: Any) -> None:
    covered = {str(ref) for refs in rule_file["coverage"].values() for ref in refs}
    for rule in rule_file["rules"]:
        ref = str(rule["ref"])
        assert ref in covered or "Extra" in rule.get("note", ""), ref


def test_every_numbered_afspraak_is_in_the_coverage_map(rule_file: Any) -> None:
    assert [n for n in range(1, 30) if str(n) not in rule_file["coverage"]] == []


@pytest.mark.skipif(not INVENTORY.exists(), reason="inventory not available")
def test_coverage_has_every_inventory_ref(rule_file: Any) -> None:
    text = INVENTORY.read_text(encoding="utf-8")
    section = text[text.index(f"## {AGREEMENT}") :].split("\n## ", 1)[0]
    refs = [
        line.split("|")[1].strip()
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| ref ")
    ]
    assert "netto-groei" in refs
    assert [ref for ref in refs if ref not in rule_file["coverage"]] == []


@pytest.mark.skipif(not SEED.exists(), reason="seed documents not available")
def test_quotes_are_verbatim(rule_file: Any) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for rule in rule_file["rules"]:
        assert any(rule["source"]["quote"] in line for line in lines), rule["ref"]
    for item in rule_file.get("context") or []:
        assert any(item.get("quote", "") in line for line in lines), item["ref"]


def test_list_and_explain() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["list", "-a", AGREEMENT, "--lang", "en"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0
    assert f"{AGREEMENT}/9" in listed.stdout
    explained = runner.invoke(cli, ["explain", f"{AGREEMENT}/9", "--lang", "en"], catch_exceptions=False)
    assert explained.exit_code == 0
    assert "30" in explained.stdout


# ---------------------------------------------------------------- the example figures


def test_example_shows_every_status(example: list[dict[str, Any]]) -> None:
    counts = Counter(r["status"] for r in example)
    assert {"met", "at_risk", "not_met", "no_data", "pending"} <= set(counts), counts


def test_example_7_free_allocation(example: list[dict[str, Any]]) -> None:
    assert status(example, "7", "wsn", "2025") == "met"  # 22 / 248 = 8.9%
    assert status(example, "7", "alliantie", "2025") == "at_risk"  # 13 / 92 = 14.1%
    assert value(example, "7", "alliantie", "2025") == pytest.approx(14.13, abs=0.01)
    assert status(example, "7", None, "2025") == "met"  # 35 / 340 = 10.3%
    # 2026 runs and only 2026-H1 is in: no full-year figure yet.
    assert status(example, "7", "wsn", "2026") == "no_data"
    assert status(example, "7", None, "2027") == "pending"


def test_example_9_urgent_average_over_the_window(example: list[dict[str, Any]]) -> None:
    nine = [r for r in example if r["rule"] == f"{AGREEMENT}/9"]
    assert {r["period"] for r in nine} == {"2025-2027"}
    assert len(nine) == 3
    assert status(example, "9", "wsn") == "at_risk"  # 74 / 248 = 29.8%
    assert value(example, "9", "wsn") == pytest.approx(29.84, abs=0.01)
    assert status(example, "9", "alliantie") == "met"  # 24 / 92 = 26.1%
    assert status(example, "9", None) == "at_risk"  # 98 / 340 = 28.8%
    assert value(example, "9", None) == pytest.approx(28.82, abs=0.01)


def test_example_netto_groei_per_year(example: list[dict[str, Any]]) -> None:
    # 2025: WSN 72 - 31 = 41, de Alliantie 0 - 3 - 6 = -9: 32 < 50, and 2025 is over.
    assert status(example, "netto-groei", None, "2025") == "not_met"
    assert value(example, "netto-groei", None, "2025") == 32
    # 2026-H1: WSN 34, de Alliantie 28: 62 against the 25 expected by mid-year.
    assert status(example, "netto-groei", None, "2026") == "met"
    assert status(example, "netto-groei", None, "2027") == "pending"
    assert not [r for r in example if r["rule"] == f"{AGREEMENT}/netto-groei" and r["party"]]


def test_example_17_warmteprogramma_close_but_pending(example: list[dict[str, Any]]) -> None:
    result = pick(example, "17", "gemeente", "2026")
    assert result["status"] == "pending"
    assert result["value"] is None


def test_example_tabel_1_and_2(example: list[dict[str, Any]]) -> None:
    # 1.5 of 3 years reported: WSN expected 200.5, realised 75 (new build comes later).
    assert status(example, "tabel-1-netto", "wsn", "2025-2027") == "not_met"
    assert status(example, "tabel-1-netto", "alliantie", "2025-2027") == "met"  # 19 vs 7
    assert value(example, "tabel-1-netto", None, "2025-2027") == 94
    assert status(example, "tabel-1-verkoop", "wsn", "2025-2027") == "met"  # 45 <= 125
    assert status(example, "tabel-1-nieuwbouw", "alliantie", "2025-2027") == "met"  # 30 vs 15
    # middenhuur: WSN 4 vs 4.5 expected (80% = 3.6): aandacht; joint 10 vs 10.5.
    assert status(example, "middenhuur-groei", "wsn", "2025-2027") == "at_risk"
    assert status(example, "middenhuur-groei", None, "2025-2027") == "at_risk"
    assert status(example, "middenhuur-groei", "alliantie", "2025-2027") == "met"


def test_example_projects(example: list[dict[str, Any]]) -> None:
    def project(ref: str, name: str) -> str:
        return str(pick(example, ref, "gemeente", "2025", project=name)["status"])

    assert project("3", "Doornsteeg deelplan 4") == "met"  # (84 + 6) / 240 = 37.5%
    assert project("3", "Watergoed-Noord") == "not_met"  # 44 / 130 = 33.8%
    assert project("3", "Wonen bij Jaap") == "met"
    assert project("3-sociale-koop", "Watergoed-Noord") == "at_risk"  # 6 / 130 = 4.6%
    assert project("1-aandeel", "Doornsteeg deelplan 4") == "at_risk"  # 14 / 240 = 5.8%
    assert project("1-aandeel", "Watergoed-Noord") == "not_met"  # 4 / 130 = 3.1%
    # Wonen bij Jaap (52 dwellings) is no large project: no 5% middenhuur result.
    assert not [
        r for r in example if r["rule"] == f"{AGREEMENT}/1-aandeel" and r.get("project") == "Wonen bij Jaap"
    ]


def test_example_statushouders_and_deadlines(example: list[dict[str, Any]]) -> None:
    assert status(example, "10", "wsn", "2025") == "not_met"  # 38 < 41
    assert status(example, "10", "alliantie", "2025") == "met"  # 16 >= 15
    assert status(example, "10-taakstelling", "gemeente", "2025") == "met"  # 57 >= 56
    assert status(example, "1", None, "2025") == "met"
    assert status(example, "monitoring-juni", None, "2026") == "not_met"  # 2 July
    assert status(example, "monitoring-beschikbaarheid", None, "2026") == "not_met"
    assert status(example, "23", None, "2025") == "not_met"  # no date, overdue
    assert status(example, "monitoring-jaarschijf", None, "2026") == "pending"
    assert not [
        r for r in example if r["rule"] == f"{AGREEMENT}/monitoring-jaarschijf" and r["period"] == "2027"
    ]
    assert status(example, "bod-2027", "wsn", "2027") == "pending"
    assert status(example, "overleg-bestuurlijk-breed", "gemeente", "2025") == "not_met"  # 3 < 4
    assert status(example, "overleg-ambtelijk-smal", "gemeente", "2025") == "met"
    assert status(example, "EFG", "alliantie", "2027") == "pending"


# ---------------------------------------------------------------- boundaries
# Each rule's boundaries (at the limit, just past it, the margin, no figures, the due date) are
# its `examples:` in the rule file, checked by `prestatiecheck verify` (tests/test_verify.py).
# What stays here is what an example cannot say: missing figures named, expected amounts, ...


# ---------------------------------------------------------------- issue 10: corrected readings


def _stock(rows: dict[str, tuple[int, int]]) -> str:
    """WSN's toevoegingen and verkoop per year: {year: (added, sold)}."""
    return "".join(
        f"{year},wsn,toevoegingen,{added},,\n{year},wsn,verkoop,{sold},,\n"
        for year, (added, sold) in rows.items()
    )


@pytest.mark.parametrize(("added_2027", "expected"), [(30, "met"), (29, "not_met")])
def test_5_sales_compensated_over_the_window(tmp_path: Path, added_2027: int, expected: str) -> None:
    """ "voortschrijdend gemiddelde over meerdere jaren": a year of sales before the new build is fine."""
    rows = _stock({"2025": (0, 20), "2026": (10, 10), "2027": (added_2027, 10)})  # sold 40 in all
    result = pick(run_check(small(tmp_path, rows), "2028-02-01"), "5", "wsn", "2025-2027")
    assert (result["status"], result["provisional"]) == (expected, False)
    assert result["reading"] == "interpretation"


def test_5_while_the_window_runs_is_provisional(tmp_path: Path) -> None:
    rows = _stock({"2025": (0, 20)})
    result = pick(run_check(small(tmp_path, rows)), "5", "wsn", "2025-2027")
    assert (result["status"], result["provisional"], result["value"], result["limit"]) == (
        "not_met",
        True,
        0,
        20,
    )
    assert "over 2025" in result["message"] and "voorlopig" in result["message"]
    assert [
        r for r in run_check(small(tmp_path, rows)) if r["rule"] == f"{AGREEMENT}/5" and r["period"] == "2025"
    ] == []


def test_5_message_in_english(tmp_path: Path) -> None:
    figures = small(tmp_path, _stock({"2025": (30, 20)}))
    result = CliRunner().invoke(
        cli,
        ["--lang", "en", "check", "-a", AGREEMENT, "-f", str(figures), "--as-of", AS_OF, "--format", "json",
         "--fail-on", "never"],
        catch_exceptions=False,
    )  # fmt: skip
    import json

    five = next(r for r in json.loads(result.stdout)["results"] if r["ref"] == "5")
    assert five["status"] == "met" and "over 2025" in five["message"] and "provisional" in five["message"]


def test_jaarschijf_concept_only_for_the_jaarschijven_of_this_agreement(
    example: list[dict[str, Any]],
) -> None:
    periods = {r["period"] for r in example if r["rule"] == f"{AGREEMENT}/jaarschijf-concept"}
    assert periods == {"2025", "2026"}
    assert status(example, "jaarschijf-concept", None, "2026") == "not_met"  # 5 November 2026
