"""Prestatieafspraken Amersfoort 2022-2023: the rule file, the example figures, boundaries.

The example figures (examples/amersfoort-2022-2023.csv, and the same figures as a Dutch-Excel
export in examples/amersfoort-2022-2023-excel.csv) are the monitor as a policy officer has it on
15 April 2024, the README quickstart's date: both agreement years are complete, the evaluation of
2023 (afspraak 4 and 55, "circa april") is due within the month, and the doorkijk to 2030
(afspraak 2) still runs. Nothing is pending then: every deadline of this agreement is past or
due within the 30-day warning window.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prestatiecheck.cli import cli
from prestatiecheck.loading.yamlsafe import load_yaml
from tests.agreements.common import AgreementChecks

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = "amersfoort-2022-2023"
RULES = ROOT / "rules" / f"{AGREEMENT}.yaml"
EXAMPLE = ROOT / "examples" / f"{AGREEMENT}.csv"
EXCEL = ROOT / "examples" / f"{AGREEMENT}-excel.csv"
SEED = Path("/work/shared/seeds/002_34629708bfba645e.txt")
INVENTORY = Path("/work/shared/agreements-inventory.md")
AS_OF = "2024-04-15"
CORPORATIONS = ["alliantie", "portaal", "omnia-wonen"]
HEADER = "period,party,metric,value,note\n"


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


CHECKS = AgreementChecks(AGREEMENT, AS_OF, HEADER)
run_check, pick, status, small = CHECKS.run_check, CHECKS.pick, CHECKS.status, CHECKS.small
value = CHECKS.value


def lettings(year: str, numerator: str, counts: dict[str, tuple[int, int]]) -> str:
    """Rows for a share: {party: (numerator, total)}."""
    return "".join(
        f"{year},{party},verhuringen_totaal,{total},\n{year},{party},{numerator},{part},\n"
        for party, (part, total) in counts.items()
    )


@pytest.fixture(scope="module")
def example() -> list[dict[str, Any]]:
    return run_check(EXAMPLE)


@pytest.fixture(scope="module")
def rule_file() -> Any:
    data, problems = load_yaml(RULES, str(RULES))
    assert not problems
    return data


def rules_by_ref(rule_file: Any) -> dict[str, Any]:
    return {str(r["ref"]): r for r in rule_file["rules"]}


# ---------------------------------------------------------------- the rule file


def test_validate_reports_only_the_documents_inconsistencies() -> None:
    """Tabel 1 adds up once Omnia's "-1 ⁸" is read as -1: no errors, and the only warnings are the
    three places where the document disagrees with itself or with the 2021 agreement."""
    result = invoke("--lang", "en", "validate")
    ours = [line for line in (result.stdout + result.stderr).splitlines() if f"{AGREEMENT}.yaml" in line]
    assert len(ours) == 3, ours
    assert all("warning: document inconsistency: " in line for line in ours), ours
    omnia, growth, expansion = ours
    assert "Tabel 1 (“Saldo (de)liberalisatie -27 0 -1 ⁸ -28”) against Tabel 1, voetnoot 8" in omnia
    assert (
        "article 2 (“Voor de periode 2022-2030" in growth
        and "against Tabel 1 (“Permanente netto groei" in growth
    )
    assert (
        "amersfoort-2021, article 14 (“" in expansion
        and "Alliantie (475), Omnia (296) en Portaal (200)" in expansion
    )
    assert "against article 8 (“(Alliantie: 50; Portaal: 86, Omnia Wonen: 278)³”)" in expansion


def test_fixed_rule_ids_are_encoded_as_agreed(rule_file: Any) -> None:
    rules = rules_by_ref(rule_file)
    seven = rules["7"]["check"]
    assert (seven["kind"], seven["metric"], str(seven["window"])) == ("target", "netto_toename", "2022-2023")
    assert seven["targets"] == {"table": "tabel-1", "row": "permanente_netto_groei_inclusief_sloop"}
    assert set(seven["scope"]) == {"party", "joint"} and seven["parties"] == CORPORATIONS
    for ref, numerator, bound, limit in [
        ("13", "verhuringen_urgent", "max", 50),
        ("14", "verhuringen_jongeren_kkg", "min", 5),
        ("19", "verhuringen_vrije_toewijzing", "max", 15),
    ]:
        check = rules[ref]["check"]
        assert (check["kind"], check["numerator"], check["denominator"], check[bound]) == (
            "share",
            numerator,
            "verhuringen_totaal",
            limit,
        ), ref
        assert set(check["scope"]) == {"party", "joint"} and check["parties"] == CORPORATIONS, ref
        assert "margin" not in check and check.get("periods", "yearly") == "yearly", ref
    fifty_six = rules["56"]["check"]
    assert (fifty_six["kind"], fifty_six["evidence"], fifty_six["due"], fifty_six["recurrence"]) == (
        "deadline",
        "aanlevering_woningmarktmonitor",
        "vóór 1 april",
        "yearly",
    )
    assert fifty_six["parties"] == CORPORATIONS and fifty_six["scope"] == ["party"]
    assert rules["7"]["obligation"] == "inspanning" and rules["19"]["obligation"] == "resultaat"


def test_tabel_1_as_printed(rule_file: Any) -> None:
    (table,) = rule_file["tables"]
    assert table["columns"] == ["alliantie", "portaal", "omnia-wonen", "totaal"]
    rows = table["rows"]
    assert rows["toevoeging_permanent"] == [289, 161, 22, 472]
    assert rows["toevoeging_tijdelijk_langer_dan_5_jaar"] == [0, 0, 40, 40]
    assert rows["saldo_deliberalisatie"] == [-27, 0, -1, -28]  # Omnia "-1 ⁸": -1 with footnote 8
    assert rows["sloop"] == [-144, -4, 0, -148]
    assert rows["verkoop"] == [-40, -43, 0, -83]
    assert rows["permanente_netto_groei_inclusief_sloop"] == [78, 114, 21, 213]
    assert rows["permanente_netto_groei_exclusief_sloop"] == [222, 118, 21, 361]
    for column in range(4):
        parts = ["toevoeging_permanent", "saldo_deliberalisatie", "sloop", "verkoop"]
        assert sum(rows[p][column] for p in parts) == rows["permanente_netto_groei_inclusief_sloop"][column]


def test_kind_counts(rule_file: Any) -> None:
    kinds = Counter(r["check"]["kind"] for r in rule_file["rules"])
    assert kinds == {
        "deadline": 32,
        "target": 9,
        "share": 4,
        "value": 2,
        "count": 2,
        "compare": 1,
        "project_share": 1,
    }


def test_every_rule_is_covered_or_an_extra(rule_file: Any) -> None:
    covered = {str(ref) for refs in rule_file["coverage"].values() for ref in refs}
    for rule in rule_file["rules"]:
        ref = str(rule["ref"])
        assert ref in covered or "Extra" in rule.get("note", ""), ref


@pytest.mark.skipif(not INVENTORY.exists(), reason="inventory not available")
def test_coverage_has_every_inventory_ref(rule_file: Any) -> None:
    text = INVENTORY.read_text(encoding="utf-8")
    section = text[text.index(f"## {AGREEMENT}") :].split("\n## ", 1)[0]
    refs = [
        ref.strip()
        for line in section.splitlines()[3:]
        if line.startswith("|")
        for ref in line.split("|")[1].split(",")
    ]
    assert len(refs) > 20
    assert [ref for ref in refs if ref not in rule_file["coverage"]] == []


@pytest.mark.skipif(not SEED.exists(), reason="seed documents not available")
def test_quotes_are_verbatim(rule_file: Any) -> None:
    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip()

    seed = norm(SEED.read_text(encoding="utf-8"))
    for rule in rule_file["rules"]:
        assert norm(rule["source"]["quote"]) in seed, rule["ref"]
    for item in rule_file.get("context") or []:
        assert norm(item.get("quote", "")) in seed, item["ref"]


def test_list_and_explain() -> None:
    listed = CliRunner().invoke(cli, ["--lang", "en", "list", "-a", AGREEMENT], env={"COLUMNS": "200"})
    assert listed.exit_code == 0
    assert f"{AGREEMENT}/13" in listed.stdout
    explained = invoke("--lang", "en", "explain", f"{AGREEMENT}/13")
    assert explained.exit_code == 0
    assert "50%" in explained.stdout and "verhuringen_urgent" in explained.stdout


# ---------------------------------------------------------------- the example figures


def test_readme_quickstart_exits_1_with_a_mix_of_statuses() -> None:
    result = invoke("check", "--agreement", AGREEMENT, "--figures", str(EXAMPLE), "--as-of", AS_OF)
    assert result.exit_code == 1, result.output + result.stderr
    data = json.loads(
        invoke(
            "check", "--agreement", AGREEMENT, "--figures", str(EXAMPLE), "--as-of", AS_OF, "--format", "json"
        ).stdout
    )
    counts = Counter(r["status"] for r in data["results"])
    assert {"met", "at_risk", "not_met", "no_data"} <= set(counts), counts
    assert counts["met"] > counts["not_met"] > counts["at_risk"] > counts["no_data"] > 0


def test_the_excel_export_gives_identical_results(example: list[dict[str, Any]]) -> None:
    raw = EXCEL.read_bytes().decode("utf-8-sig")
    header, *lines = raw.splitlines()
    assert header == "period;party;metric;value;note;project"
    assert "2023;alliantie;verhuringen_totaal;1.018;;" in lines  # thousands dot
    assert "2022;alliantie;exploitatietermijn_gemiddeld;47,5;;" in lines  # decimal comma
    assert any(line.startswith("2023;portaal;aanlevering_woningmarktmonitor;12-4-2023;") for line in lines)
    assert len(lines) == len(EXAMPLE.read_text(encoding="utf-8").splitlines()) - 1
    assert run_check(EXCEL) == example


def test_example_7_net_growth_against_tabel_1(example: list[dict[str, Any]]) -> None:
    # Alliantie: 238 added, 144 demolished, 45 sold, 21 liberalised = 28 of 78.
    assert (status(example, "7", "alliantie", "2022-2023"), value(example, "7", "alliantie")) == (
        "not_met",
        28,
    )
    assert (status(example, "7", "portaal"), value(example, "7", "portaal")) == ("met", 209)
    assert (status(example, "7", "omnia-wonen"), value(example, "7", "omnia-wonen")) == ("met", 21)  # exactly
    joint = pick(example, "7", None, "2022-2023")
    assert (joint["status"], joint["value"], joint["target"]) == ("met", 258, 213)


def test_example_tabel_1_components(example: list[dict[str, Any]]) -> None:
    assert status(example, "tabel-1-toevoegingen", "alliantie") == "not_met"
    assert status(example, "tabel-1-toevoegingen", None) == "met"  # 512 >= 472
    assert status(example, "tabel-1-sloop", None) == "met"  # exactly 148
    assert (
        status(example, "tabel-1-verkoop", "alliantie"),
        value(example, "tabel-1-verkoop", "alliantie"),
    ) == (
        "not_met",
        45,
    )
    assert status(example, "tabel-1-verkoop", None) == "not_met"  # 84 > 83
    assert status(example, "tabel-1-liberalisatie", "omnia-wonen") == "met"  # 1, the table's 1
    assert status(example, "tabel-1-tijdelijk", "omnia-wonen") == "met"
    # the joint row of the table (28) is a joint ceiling: 21 + 0 + 1 = 22
    assert (
        status(example, "tabel-1-liberalisatie", None),
        value(example, "tabel-1-liberalisatie", None),
    ) == (
        "met",
        22,
    )
    # Omnia's 8 over 2020-2023: 0 + 2 + 0 + 1
    assert (
        status(example, "omnia-liberalisatie-2020-2023", "omnia-wonen"),
        value(example, "omnia-liberalisatie-2020-2023", "omnia-wonen"),
    ) == ("met", 3)


def test_example_2_and_8_ambitions(example: list[dict[str, Any]]) -> None:
    two = pick(example, "2", None, "2022-2030")
    assert (two["status"], two["value"], two["expected"], two["provisional"]) == ("not_met", 258, 700, True)
    assert status(example, "8", "portaal") == "met"  # 252 >= 161 + 86
    assert status(example, "8", "omnia-wonen") == "not_met"  # 22 of 22 + 278
    assert status(example, "2-sociaal-aandeel", None, "2022") == "met"
    projects = {r["project"]: r["status"] for r in example if r["rule"] == f"{AGREEMENT}/2-sociaal-aandeel"}
    assert projects == {
        "De Hoef West": "met",
        "Wagenwerkplaats fase 1": "at_risk",
        "Vathorst Bovenduist": "not_met",
    }


def test_example_13_urgent_share(example: list[dict[str, Any]]) -> None:
    assert status(example, "13", "alliantie", "2022") == "met"  # 452 / 962 = 47.0%
    assert status(example, "13", "portaal", "2022") == "not_met"  # 289 / 534 = 54.1%
    assert value(example, "13", "portaal", "2022") == pytest.approx(54.12, abs=0.01)
    assert status(example, "13", None, "2022") == "at_risk"  # 780 / 1584 = 49.2%
    assert value(example, "13", None, "2022") == pytest.approx(49.24, abs=0.01)
    assert status(example, "13", "alliantie", "2023") == "at_risk"
    assert status(example, "13", "omnia-wonen", "2023") == "not_met"
    assert status(example, "13", None, "2023") == "at_risk"


def test_example_14_young_people(example: list[dict[str, Any]]) -> None:
    assert status(example, "14", "portaal", "2022") == "met"  # 41 / 534 = 7.7%
    assert status(example, "14", "alliantie", "2022") == "at_risk"  # 6.0%: within 2pp of 5%
    assert status(example, "14", "omnia-wonen", "2022") == "not_met"  # 4 / 88 = 4.5%
    assert status(example, "14", "omnia-wonen", "2023") == "no_data"
    joint = pick(example, "14", None, "2023")
    assert joint["status"] == "no_data"
    assert {m["party"] for m in joint["missing"]} == {"omnia-wonen"}
    assert status(example, "14-directe-bemiddeling", "alliantie", "2023") == "not_met"  # 35 / 74 = 47.3%
    assert status(example, "14-directe-bemiddeling", None, "2022") == "met"


def test_example_19_free_allocation(example: list[dict[str, Any]]) -> None:
    assert status(example, "19", "alliantie", "2022") == "met"
    assert status(example, "19", "alliantie", "2023") == "at_risk"  # 139 / 1018 = 13.7%
    assert status(example, "19", "portaal", "2023") == "not_met"  # 92 / 561 = 16.4%
    assert status(example, "19", None, "2022") == "met"
    assert status(example, "19", None, "2023") == "at_risk"  # 240 / 1710 = 14.0%


def test_example_56_woningmarktmonitor(example: list[dict[str, Any]]) -> None:
    assert status(example, "56", "portaal", "2022") == "met"  # on 31 March: the last day
    assert status(example, "56", "portaal", "2023") == "not_met"  # 12 April
    assert status(example, "56", "omnia-wonen", "2023") == "not_met"  # no date, overdue
    assert {r["period"] for r in example if r["rule"] == f"{AGREEMENT}/56"} == {"2022", "2023"}
    assert [r for r in example if r["rule"] == f"{AGREEMENT}/56" and r["party"] is None] == []


def test_example_reports_of_2023_are_due_in_april_2024(example: list[dict[str, Any]]) -> None:
    # labelled with the year they report on (reports_on: previous): 2023 is due 30 April 2024
    assert status(example, "4-evaluatie", "portaal", "2023") == "met"
    assert status(example, "4-evaluatie", "omnia-wonen", "2023") == "at_risk"
    assert status(example, "55-afgesloten-jaar", "portaal", "2023") == "at_risk"
    assert status(example, "55-afgesloten-jaar", "portaal", "2022") == "met"
    assert status(example, "4-voortgang", "omnia-wonen", "2022") == "not_met"  # 8 November


def test_example_other_kinds(example: list[dict[str, Any]]) -> None:
    assert status(example, "6", "alliantie", "2022") == "met"
    assert status(example, "6", "omnia-wonen", "2022") == "no_data"  # nothing added in 2022
    assert status(example, "6-gemiddeld", "alliantie", "2022") == "not_met"
    assert status(example, "37-complexen", "gemeente", "2022") == "met"
    assert (status(example, "47", None, "2022-2023"), value(example, "47", None, "2022-2023")) == ("met", 5)
    assert status(example, "49", "portaal", "2023") == "met"
    assert status(example, "49", "omnia-wonen", "2023") == "no_data"
    assert status(example, "12", None, "2022") == "not_met"  # evaluated 12 July, due end of Q2
    assert status(example, "45", "gemeente") == "met"
    assert status(example, "50-materialen", "portaal", "2022") == "not_met"
    assert status(example, "24", None, "2023-H2") == "met"


# ---------------------------------------------------------------- boundaries
# Each rule's boundaries (at the limit, just past it, the margin, no figures, the due date) are
# its `examples:` in the rule file, checked by `prestatiecheck verify` (tests/test_verify.py).
# What stays here is what an example cannot say: missing figures named, expected amounts, ...


def test_19_joint_without_one_corporation_is_no_data(tmp_path: Path) -> None:
    counts = {"alliantie": (100, 1000), "portaal": (50, 500)}
    results = run_check(small(tmp_path, lettings("2022", "verhuringen_vrije_toewijzing", counts)))
    joint = pick(results, "19", None, "2022")
    assert joint["status"] == "no_data"
    assert {m["party"] for m in joint["missing"]} == {"omnia-wonen"}
    assert status(results, "19", "alliantie", "2022") == "met"


def growth(net: dict[str, dict[str, int]]) -> str:
    return "".join(
        f"{year},{party},netto_toename,{number},\n"
        for year, parties in net.items()
        for party, number in parties.items()
    )


@pytest.mark.parametrize(("first_year", "expected"), [(39, "met"), (32, "at_risk"), (31, "not_met")])
def test_7_trajectory_after_one_year(tmp_path: Path, first_year: int, expected: str) -> None:
    """As of early 2023 only 2022 is reported: expected 78 / 2 = 39, at_risk from 80% (31.2)."""
    results = run_check(small(tmp_path, growth({"2022": {"alliantie": first_year}})), "2023-01-15")
    result = pick(results, "7", "alliantie", "2022-2023")
    assert (result["status"], result["expected"], result["provisional"]) == (expected, 39, True)


def test_7_from_components(tmp_path: Path) -> None:
    """netto_toename = toevoegingen + deliberalisatie - sloop - verkoop - liberalisatie."""
    rows = "".join(
        f"{year},omnia-wonen,{metric},{number},\n"
        for year, numbers in {"2022": (0, 0, 0, 0, 0), "2023": (23, 1, 0, 0, 3)}.items()
        for metric, number in zip(
            ["toevoegingen", "deliberalisatie", "sloop", "verkoop", "liberalisatie"], numbers, strict=True
        )
    )
    results = run_check(small(tmp_path, rows))
    assert (status(results, "7", "omnia-wonen"), value(results, "7", "omnia-wonen")) == ("met", 21)
    # saldo (de)liberalisatie 3 - 1 = 2: more than the table's 1 for the period (footnote 8's 8 is
    # the total over 2020-2023, rule omnia-liberalisatie-2020-2023)
    assert value(results, "tabel-1-liberalisatie", "omnia-wonen") == 2
    assert status(results, "tabel-1-liberalisatie", "omnia-wonen") == "not_met"


# ---------------------------------------------------------------- issue 10: corrected readings


def test_trekkers_as_printed(rule_file: Any) -> None:
    rules = rules_by_ref(rule_file)
    tenants = {"hbva", "show", "hestia"}
    assert set(rules["12"]["trekker"]) == {"gemeente", *CORPORATIONS, *tenants}
    for ref in ("26", "30"):  # "Gemeente en corporaties"
        assert set(rules[ref]["trekker"]) == {"gemeente", *CORPORATIONS}, ref
        assert rules[ref]["check"]["parties"] == ["gemeente"], ref
    assert set(rules["38"]["trekker"]) == set(CORPORATIONS)  # "Corporaties"
    assert set(rules["38"]["check"]["parties"]) == {"gemeente", *CORPORATIONS}
    # 56 deliberately differs from the printed "Gemeente", and says why
    assert set(rules["56"]["trekker"]) == set(CORPORATIONS) and "Bewust afwijkend" in rules["56"]["note"]


def test_readings_that_are_interpretations_say_so(rule_file: Any) -> None:
    rules = rules_by_ref(rule_file)
    for ref in ("2", "4-voortgang", "4-evaluatie", "45", "55-afgesloten-jaar", "55-lopend-jaar",
                "tabel-1-liberalisatie", "omnia-liberalisatie-2020-2023", "34", "22-advies"):  # fmt: skip
        assert rules[ref].get("reading") == "interpretation", ref
    assert "reading" not in rules["7"]
