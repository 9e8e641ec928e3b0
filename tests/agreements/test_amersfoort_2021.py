"""Prestatieafspraken Amersfoort 2021: the rule file, the example figures, boundaries.

The example figures (examples/amersfoort-2021.csv) are the monitor as a policy officer has it
in spring 2022: the stock mutations of 2020 and 2021 (tabel 1 window), the lettings of 2021 and
the dates of the 2021 deliverables. As of 2022-05-01 the window 2020-2021 of afspraak 6 is over,
the 2021-2030 growth ambition (afspraak 9) and the 2022-2023 expansion (afspraak 14) still run,
and the 2022 deliverables (24-analyse, 65) are still to come.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from prestatiecheck.cli import cli
from tests.agreements.common import AgreementChecks

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = "amersfoort-2021"
RULES = ROOT / "rules" / f"{AGREEMENT}.yaml"
EXAMPLE = ROOT / "examples" / f"{AGREEMENT}.csv"
AS_OF = "2022-05-01"
CORPORATIONS = ["alliantie", "portaal", "omnia-wonen"]
HEADER = "period,party,metric,value,note\n"


CHECKS = AgreementChecks(AGREEMENT, AS_OF, HEADER, number=lambda raw: Decimal(str(raw)))
run_check, pick, status, small = CHECKS.run_check, CHECKS.pick, CHECKS.status, CHECKS.small
value = CHECKS.value


@pytest.fixture(scope="module")
def example() -> list[dict[str, Any]]:
    return run_check(EXAMPLE)


# ---------------------------------------------------------------- the rule file


def test_the_rule_file_validates_without_errors() -> None:
    """No errors; the only warnings are the document's own inconsistencies, each naming both places."""
    result = CliRunner().invoke(cli, ["validate", "--agreement", AGREEMENT], catch_exceptions=False)
    own = [line for line in (result.stdout + result.stderr).splitlines() if f"{AGREEMENT}.yaml" in line]
    assert len(own) == 2, own
    assert all("waarschuwing: inconsistentie in het document: " in line for line in own), own
    omnia, temporary = own
    assert "Tabel 1 (“Liberalisatie -53 -10 -17 -64”) tegenover Tabel 1, voetnoot 7" in omnia
    assert "artikel 11 (“Corporaties (OPA) garanderen" in temporary and "tegenover Tabel 1" in temporary


def test_fixed_rule_ids_and_their_checks() -> None:
    rules = {str(r["ref"]): r for r in yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]}
    six = rules["6"]["check"]
    assert six["kind"] == "target" and six["metric"] == "netto_toename"
    assert str(six["window"]) == "2020-2021"
    assert set(six["parties"]) == set(CORPORATIONS) and set(six["scope"]) == {"party", "joint"}
    assert rules["6"]["obligation"] == "resultaat"
    twenty = rules["20"]["check"]
    assert twenty["kind"] == "share" and twenty["max"] == 50 and "margin" not in twenty
    assert (twenty["numerator"], twenty["denominator"]) == ("verhuringen_urgent", "verhuringen_totaal")
    assert set(twenty["scope"]) == {"party", "joint"}
    two = rules["2"]["check"]
    assert two["kind"] == "deadline" and two["evidence"] == "aanlevering_woningmarktmonitor"
    assert two["due"] == "vóór 1 april" and two["recurrence"] == "yearly" and two["scope"] == ["party"]


def test_tabel_1_reads_consistently() -> None:
    """With -106 read as -10 (footnote 6) and -17 as -1 (footnote 7) every row adds up."""
    table = yaml.safe_load(RULES.read_text(encoding="utf-8"))["tables"][0]
    rows = table["rows"]
    assert rows["verkoop"] == [-100, -40, -10, -150]
    assert rows["liberalisatie"] == [-53, -10, -1, -64]
    for name, numbers in rows.items():
        assert sum(numbers[:-1]) == numbers[-1], name
    parts = ["toevoeging_permanent", "deliberalisatie", "sloop", "verkoop", "liberalisatie"]
    for col in range(4):
        assert sum(rows[p][col] for p in parts) == rows["permanente_netto_groei_inclusief_sloop"][col]
    assert rows["permanente_netto_groei_inclusief_sloop"][-1] == 301


def test_list_and_explain_work_for_the_fixed_rules() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["list", "-a", AGREEMENT], catch_exceptions=False)
    assert listed.exit_code == 0
    for ref in ("2", "6", "20"):
        shown = runner.invoke(cli, ["explain", f"{AGREEMENT}/{ref}"], catch_exceptions=False)
        assert shown.exit_code == 0, shown.output


# ---------------------------------------------------------------- the example figures


def test_example_shows_every_status(example) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(r["status"] for r in example)
    assert set(counts) == {"met", "at_risk", "not_met", "no_data", "pending"}, counts


def test_rule_6_net_growth_2020_2021(example) -> None:  # type: ignore[no-untyped-def]
    # Alliantie 492 + 18 - 174 - 78 - 47 = 211 >= 210
    assert value(example, "6", "alliantie") == 211
    assert status(example, "6", "alliantie") == "met"
    # Portaal 78 - 35 - 9 = 34 < 48: two deliveries slipped into 2022
    assert value(example, "6", "portaal") == 34
    assert status(example, "6", "portaal") == "not_met"
    assert value(example, "6", "omnia-wonen") == 49
    assert status(example, "6", "omnia-wonen") == "met"
    joint = pick(example, "6", None)
    assert joint["period"] == "2020-2021"
    assert value(example, "6", None) == 294
    assert joint["status"] == "not_met"


def test_rule_6_temporary_and_tabel_1_components(example) -> None:  # type: ignore[no-untyped-def]
    assert status(example, "6-tijdelijk", "portaal") == "met"
    assert status(example, "6-tijdelijk", None) == "met"
    assert status(example, "tabel-1-toevoegingen", "omnia-wonen") == "met"
    assert status(example, "tabel-1-toevoegingen", "alliantie") == "not_met"
    # exactly the printed 174 demolitions: a ceiling, met
    assert value(example, "tabel-1-sloop", "alliantie") == 174
    assert status(example, "tabel-1-sloop", "alliantie") == "met"
    assert status(example, "tabel-1-verkoop", None) == "met"
    # Omnia liberalised 2 in 2020-2021; tabel 1 gives 1 a period (footnote 7: 8 in total)
    assert value(example, "tabel-1-liberalisatie", "omnia-wonen") == 2
    assert status(example, "tabel-1-liberalisatie", "omnia-wonen") == "not_met"
    assert status(example, "tabel-1-liberalisatie", None) == "met"  # 47 + 9 + 2 = 58 <= 64
    assert status(example, "7", "portaal") == "not_met"


def test_rule_20_urgent_share_2021(example) -> None:  # type: ignore[no-untyped-def]
    assert status(example, "20", "alliantie", "2021") == "met"  # 520 / 1180 = 44.1%
    assert status(example, "20", "portaal", "2021") == "at_risk"  # 300 / 610 = 49.2%
    assert status(example, "20", "omnia-wonen", "2021") == "not_met"  # 140 / 260 = 53.8%
    assert status(example, "20", None, "2021") == "met"  # 960 / 2050 = 46.8%
    assert round(value(example, "20", None, "2021"), 1) == Decimal("46.8")


def test_rule_2_woningmarktmonitor_2021(example) -> None:  # type: ignore[no-untyped-def]
    assert status(example, "2", "alliantie", "2021") == "met"
    assert status(example, "2", "portaal", "2021") == "met"  # 31 March: the last day before 1 April
    assert status(example, "2", "omnia-wonen", "2021") == "not_met"  # 12 April
    assert {r["period"] for r in example if r["rule"] == f"{AGREEMENT}/2"} == {"2021"}


def test_other_rules_in_the_example(example) -> None:  # type: ignore[no-untyped-def]
    assert status(example, "9", None, "2021-2030") == "not_met"  # 182 of the expected 320
    assert status(example, "14", "alliantie", "2022-2023") == "no_data"
    assert status(example, "33", "alliantie") == "met"
    assert status(example, "33", "omnia-wonen") == "not_met"
    assert status(example, "33", None) == "at_risk"
    assert status(example, "33-jongeren", "portaal") == "not_met"
    assert status(example, "33-jongeren", None) == "no_data"
    assert status(example, "1-afgesloten-jaar", "portaal", "2021") == "met"
    assert status(example, "8", "portaal", "2021-H2") == "not_met"
    assert status(example, "19", None, "2021-H1") == "met"
    assert status(example, "35", None, "2021-Q4") == "not_met"
    assert status(example, "21", "gemeente") == "not_met"  # no date, overdue
    assert status(example, "24-analyse", None, "2022") == "pending"
    assert status(example, "65", "gemeente", "2022") == "pending"
    assert status(example, "16", None) == "not_met"
    assert status(example, "15", "gemeente") == "met"
    assert status(example, "66", "portaal") == "not_met"
    assert status(example, "52", "omnia-wonen") == "no_data"
    projects = sorted((r["project"], r["status"]) for r in example if r["rule"] == f"{AGREEMENT}/10")
    assert projects == [
        ("De Hoef West blok A", "met"),
        ("Hogekwartier kavel 3", "not_met"),
        ("Wagenwerkplaats fase 1", "at_risk"),
    ]


# ---------------------------------------------------------------- boundaries
# Each rule's boundaries (at the limit, just past it, the margin, no figures, the due date) are
# its `examples:` in the rule file, checked by `prestatiecheck verify` (tests/test_verify.py).
# What stays here is what an example cannot say: missing figures named, expected amounts, ...


# ---------------------------------------------------------------- issue 10: corrected readings


def test_rent_freeze_metric_is_the_yearly_adjustment_of_1_july() -> None:
    listed = CliRunner().invoke(
        cli,
        ["--lang", "en", "list", "--metrics", "-a", AGREEMENT, "--format", "json"],
        catch_exceptions=False,
    )
    import json

    meanings = {m["metric"]: m["meaning"] for m in json.loads(listed.stdout)}
    assert "adjustment of 1 July" in meanings["huurverhoging_gereguleerd"]
    assert (
        "excluding rises after improvements and rents set at re-letting"
        in meanings["huurverhoging_gereguleerd"]
    )


def test_trekkers_as_printed() -> None:
    rules = {str(r["ref"]): r for r in yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]}
    tenants = {"hbva", "show", "hestia"}
    for ref in ("18", "19"):  # "Gemeente, corporaties en huurders"
        assert set(rules[ref]["trekker"]) == {"gemeente", *CORPORATIONS, *tenants}, ref
    assert set(rules["39"]["trekker"]) == {"gemeente", *CORPORATIONS}  # "Corporaties en gemeente"
    # the evidence still comes from whoever delivers it
    assert rules["18"]["check"]["parties"] == ["gemeente"] and rules["39"]["check"]["parties"] == ["gemeente"]


def test_readings_that_are_interpretations_say_so() -> None:
    rules = {str(r["ref"]): r for r in yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]}
    for ref in ("9", "tabel-1-liberalisatie", "22-advies"):
        assert rules[ref].get("reading") == "interpretation", ref
        assert "interpretati" in rules[ref]["note"] and "interpretation" in rules[ref]["note_en"], ref
