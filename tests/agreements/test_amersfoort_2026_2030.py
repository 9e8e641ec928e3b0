"""Samenwerkingsafspraken Amersfoort 2026 t/m 2030: the rule file, the example figures, boundaries.

The example figures (examples/amersfoort-2026-2030.csv) are the 2026 monitor as a policy
officer has it in spring 2027: full-year 2026 lettings and stock figures, half-yearly
statushouders, and the dates the "Actie 2026" items were done. The main as-of date is
2027-06-15: the 2026 figures are in, the first half-year of 2027 is about to end (the
portefeuilleoverleg of 2027-H1 is due within the 30-day warning window), and the recurring
deadlines of 2027-2030 are still to come.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prestatiecheck.cli import cli
from tests.agreements.common import AgreementChecks

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = "amersfoort-2026-2030"
RULES = ROOT / "rules" / f"{AGREEMENT}.yaml"
EXAMPLE = ROOT / "examples" / f"{AGREEMENT}.csv"
SEED = Path("/work/shared/seeds/001_d8cd156a4c302883.txt")
AS_OF = "2027-06-15"
CORPORATIONS = ["alliantie", "portaal", "omnia-wonen"]
HEADER = "period,party,metric,value,note\n"


CHECKS = AgreementChecks(AGREEMENT, AS_OF, HEADER)
run_check, pick, status, small = CHECKS.run_check, CHECKS.pick, CHECKS.status, CHECKS.small


@pytest.fixture(scope="module")
def example() -> list[dict[str, Any]]:
    return run_check(EXAMPLE)


# -- the rule file --------------------------------------------------------------------------


def load_rules() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


def test_validate_accepts_the_rule_file_and_the_example() -> None:
    result = CliRunner().invoke(
        cli, ["validate", "--agreement", AGREEMENT, str(EXAMPLE)], catch_exceptions=False
    )
    mine = [line for line in result.output.splitlines() if f"{AGREEMENT}" in line]
    assert mine == [], mine


def test_fixed_rule_ids_and_kinds() -> None:
    data = load_rules()
    rules = {r["ref"]: r for r in data["rules"]}
    assert rules["netto-groei"]["check"]["kind"] == "target"
    assert rules["netto-groei"]["check"]["targets"] == {"joint": 1380}
    assert rules["netto-groei"]["check"]["window"] == "2026-2030"
    assert rules["vrije-toewijzing"]["check"]["kind"] == "share"
    assert rules["vrije-toewijzing"]["check"]["max"] == 15
    assert rules["urgent"]["check"]["kind"] == "band"
    assert rules["urgent"]["check"]["target"] == 30
    for ref in ("netto-groei", "vrije-toewijzing", "urgent"):
        assert "margin" not in rules[ref]["check"]
    for ref in ("vrije-toewijzing", "urgent"):
        assert rules[ref]["check"]["scope"] == ["party", "joint"]


def test_every_actie_is_a_deadline_and_every_inventory_row_is_covered() -> None:
    data = load_rules()
    rules = {r["ref"]: r for r in data["rules"]}
    for n in range(1, 21):
        assert rules[f"actie-{n}"]["check"]["kind"] == "deadline"
        assert data["coverage"][f"actie-{n}"][0] == f"actie-{n}"
    inventory = [
        "bruto-nieuwbouw",
        "aandeel-sociaal-nieuwbouw",
        "netto-groei",
        "middenhuur",
        "vrije-toewijzing",
        "urgent",
        "statushouders",
        "uitstroom-wachttijd",
        "traploos",
    ]
    for ref in inventory:
        assert ref in data["coverage"]
    covered = {ref for refs in data["coverage"].values() for ref in refs}
    assert set(rules) <= covered


def test_kind_counts() -> None:
    kinds = Counter(r["check"]["kind"] for r in load_rules()["rules"])
    assert kinds == {
        "deadline": 23,
        "target": 3,
        "share": 2,
        "band": 1,
        "project_share": 1,
        "compare": 1,
        "value": 1,
    }


@pytest.mark.skipif(not SEED.exists(), reason="seed document not available")
def test_quotes_are_verbatim_lines_of_the_seed() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    data = load_rules()
    quotes = [r["source"]["quote"] for r in data["rules"]] + [c["quote"] for c in data["context"]]
    for quote in quotes:
        assert any(quote in line for line in lines), quote


# -- the example figures at 2027-06-15 ------------------------------------------------------


def test_netto_groei_is_behind_schedule_after_one_year(example) -> None:
    r = pick(example, "netto-groei", None, "2026-2030")
    # alliantie 150-60-20-5 = 65, portaal 95+10-25-15 = 65, omnia 20-2 = 18
    assert r["value"] == 148
    assert r["expected"] == 276  # 1,380 x 1/5
    assert r["status"] == "not_met"  # below 80% of 276 (220.8): sloop goes before new build
    assert [r2 for r2 in example if r2["rule"] == f"{AGREEMENT}/netto-groei" and r2["party"]] == []


def test_vrije_toewijzing_per_corporation_and_joint(example) -> None:
    assert status(example, "vrije-toewijzing", "alliantie", "2026") == "met"  # 8%
    assert status(example, "vrije-toewijzing", "portaal", "2026") == "at_risk"  # 13.75%
    assert status(example, "vrije-toewijzing", "omnia-wonen", "2026") == "not_met"  # 16.7%
    joint = pick(example, "vrije-toewijzing", None, "2026")
    assert joint["status"] == "met"  # 208 / 1,960 = 10.6%
    assert round(joint["value"], 1) == 10.6


def test_urgent_band_per_corporation_and_joint(example) -> None:
    assert status(example, "urgent", "alliantie", "2026") == "met"  # 29.1%
    assert status(example, "urgent", "portaal", "2026") == "at_risk"  # exactly 25%: the lower edge
    assert status(example, "urgent", "omnia-wonen", "2026") == "not_met"  # 13.3%
    joint = pick(example, "urgent", None, "2026")
    assert joint["status"] == "at_risk"  # 528 / 1,960 = 26.9%
    assert joint["band"] == [25, 35]


def test_future_years_have_no_figures_yet(example) -> None:
    r = pick(example, "urgent", None, "2027")
    assert r["status"] == "no_data"
    assert r["provisional"] is True


def test_other_stock_and_allocation_rules(example) -> None:
    assert status(example, "bruto-nieuwbouw", None, "2026-2030") == "at_risk"  # 310 of 360 expected
    assert status(example, "middenhuur", None, "2026-2030") == "met"  # 75 of 70 expected
    assert status(example, "statushouders", None, "2026-H1") == "not_met"  # 95 < 110
    assert status(example, "statushouders", None, "2026-H2") == "met"  # 128 >= 110
    assert status(example, "uitstroom-wachttijd", None, "2026") == "met"  # 5.8 months
    assert status(example, "traploos", "alliantie", "2026") == "met"
    assert status(example, "traploos", "portaal", "2026") == "not_met"  # 76 of 80
    assert status(example, "traploos", "omnia-wonen", "2026") == "no_data"
    joint = pick(example, "traploos", None, "2026")
    assert joint["status"] == "no_data"
    assert {m["party"] for m in joint["missing"]} == {"omnia-wonen"}


def test_project_share_per_project(example) -> None:
    by_project = {
        r["project"]: r["status"] for r in example if r["rule"] == f"{AGREEMENT}/aandeel-sociaal-nieuwbouw"
    }
    assert by_project == {
        "Hoefkwartier blok B": "at_risk",  # 36.4%
        "Langs Eem en Spoor fase 2": "at_risk",  # exactly 35%
        "Vathorst-Bovenduist deelplan 3": "met",  # 40%
        "Snouckaertlaan": "not_met",  # 25%
    }


def test_deadlines_give_a_mix(example) -> None:
    assert status(example, "actie-1", None, "2026") == "met"  # 20 May, due 30 June
    assert status(example, "actie-2", None, "2026") == "not_met"  # 15 September, due 30 June
    assert status(example, "actie-4", None, "2026") == "not_met"  # no date, overdue
    late = pick(example, "actie-8", None, "2026")  # begin 2026: due 31 March, started 1 April
    assert late["status"] == "not_met"
    assert late["days_late"] == 1
    assert status(example, "actie-12", None, "2026") == "not_met"  # 10 February 2027
    assert status(example, "actie-12-contingent", None, "2026") == "met"
    assert status(example, "actie-5", None, "2026-H1") == "met"
    assert status(example, "actie-5", None, "2026-H2") == "met"
    assert status(example, "actie-5", None, "2027-H1") == "at_risk"  # due 30 June 2027, 15 days left
    assert status(example, "actie-5", None, "2027-H2") == "pending"
    assert status(example, "actie-11-bo", None, "2026") == "met"
    assert status(example, "actie-11-bo", None, "2027") == "pending"
    assert status(example, "vrije-toewijzing-bespreking", None, "2027") == "pending"
    # (the agreement's own deadlines; a statutory one without a recorded date is no_data)
    deadline_statuses = {
        r["status"] for r in example if r["kind"] == "deadline" and r["agreement"] == "amersfoort-2026-2030"
    }
    assert deadline_statuses == {"met", "not_met", "at_risk", "pending"}


def test_all_statuses_occur(example) -> None:
    assert {r["status"] for r in example} == {"met", "at_risk", "not_met", "no_data", "pending"}


def test_in_2026_deadlines_in_december_2026() -> None:
    """On 10 December 2026 the undone "in 2026" actions are due within the warning window."""
    results = run_check(EXAMPLE, "2026-12-10")
    assert status(results, "actie-4", None, "2026") == "at_risk"  # no date yet, 21 days left
    assert status(results, "actie-3", None, "2026") == "met"  # done on 10 December
    assert status(results, "actie-11", None, "2026") == "at_risk"  # done 15 December: not yet
    assert status(results, "actie-1", None, "2026") == "met"
    assert status(results, "actie-2", None, "2026") == "not_met"
    assert status(results, "actie-11-bo", None, "2027") == "pending"


def test_in_2026_deadlines_pending_on_today() -> None:
    results = run_check(EXAMPLE, "2026-11-23")
    assert status(results, "actie-4", None, "2026") == "pending"  # 38 days left
    assert status(results, "actie-8", None, "2026") == "not_met"


# -- boundaries ---------------------------------------------------------------------------
# Each rule's boundaries (at the limit, just past it, the margin, no figures, the due date) are
# its `examples:` in the rule file, checked by `prestatiecheck verify` (tests/test_verify.py).
# What stays here is what an example cannot say: missing figures named, expected amounts, ...


def lettings(metric: str, numerators: dict[str, int], totals: dict[str, int]) -> str:
    rows = ""
    for party, total in totals.items():
        rows += f"2026,{party},verhuringen_totaal,{total},\n"
        rows += f"2026,{party},{metric},{numerators[party]},\n"
    return rows


def test_joint_share_without_one_corporation_is_no_data(tmp_path: Path) -> None:
    rows = lettings(
        "verhuringen_vrije_toewijzing", {"alliantie": 50, "portaal": 50}, {"alliantie": 1000, "portaal": 1000}
    )
    results = run_check(small(tmp_path, rows))
    joint = pick(results, "vrije-toewijzing", None, "2026")
    assert joint["status"] == "no_data"
    assert {m["party"] for m in joint["missing"]} == {"omnia-wonen"}


def growth(net: dict[str, dict[str, int]]) -> str:
    return "".join(
        f"{year},{party},netto_toename,{value},\n"
        for year, parties in net.items()
        for party, value in parties.items()
    )


def test_netto_groei_half_year_counts_as_half(tmp_path: Path) -> None:
    rows = growth({"2026-H1": {"alliantie": 100, "portaal": 30, "omnia-wonen": 8}})
    results = run_check(small(tmp_path, rows), "2026-11-23")
    r = pick(results, "netto-groei", None, "2026-2030")
    assert r["expected"] == 138  # 1,380 x 0.5 / 5
    assert r["status"] == "met"


# -- issue 10: the document's own framing, and joint-only afspraken --------------------------


def test_every_afspraak_is_an_effort_as_the_document_frames_them() -> None:
    """ "elke partij zich maximaal inspant ... Niet om elkaar op af te rekenen"."""
    rules = load_rules()["rules"]
    assert {r["obligation"] for r in rules} == {"inspanning"}
    relabelled = [r for r in rules if "(de regel stond op resultaat)" in r.get("note", "")]
    assert len(relabelled) == 13
    assert all("(the rule was labelled resultaat)" in r["note_en"] for r in relabelled)


def test_joint_only_urgent_and_free_allocation(example) -> None:  # type: ignore[no-untyped-def]
    """ "op gemeenteniveau": a corporation over the limit is information, the city-wide share counts."""
    omnia = pick(example, "vrije-toewijzing", "omnia-wonen", "2026")
    assert (omnia["status"], omnia["information"], omnia["reading"]) == ("not_met", True, "interpretation")
    assert pick(example, "vrije-toewijzing", None, "2026")["information"] is False
    omnia = pick(example, "urgent", "omnia-wonen", "2026")
    assert (omnia["status"], omnia["information"]) == ("not_met", True)
    assert pick(example, "urgent", None, "2026")["information"] is False


def test_per_corporation_failure_alone_does_not_fail_the_run(tmp_path: Path) -> None:
    # Omnia 20% free allocation, the others low: city-wide 25 of 300 = 8.3%.
    rows = "".join(
        f"2026,{party},verhuringen_totaal,100,\n2026,{party},verhuringen_vrije_toewijzing,{free},\n"
        for party, free in (("alliantie", 2), ("portaal", 3), ("omnia-wonen", 20))
    )
    figures = small(tmp_path, rows)
    result = CliRunner().invoke(
        cli,
        ["check", "-a", AGREEMENT, "-f", str(figures), "--as-of", "2027-01-15", "--theme",
         "Ontwikkeling van de voorraad", "--format", "json"],
        catch_exceptions=False,
    )  # fmt: skip
    import json

    doc = json.loads(result.stdout)
    free = [r for r in doc["results"] if r["ref"] == "vrije-toewijzing" and r["period"] == "2026"]
    assert {(r["party"], r["status"], r["information"]) for r in free} == {
        ("alliantie", "met", True),
        ("portaal", "met", True),
        ("omnia-wonen", "not_met", True),
        (None, "met", False),
    }
    assert doc["information"]["not_met"] >= 1


def test_readings_that_are_interpretations_say_so() -> None:
    rules = {r["ref"]: r for r in load_rules()["rules"]}
    for ref in ("bruto-nieuwbouw", "urgent", "vrije-toewijzing", "middenhuur", "traploos", "actie-5"):
        assert rules[ref].get("reading") == "interpretation", ref
    assert (
        "ongeveer" in rules["bruto-nieuwbouw"]["note"] and "hard minimum" in rules["bruto-nieuwbouw"]["note"]
    )
