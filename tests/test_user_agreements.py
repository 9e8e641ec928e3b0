"""Agreements of the user's own, beside the shipped ones (never instead of them)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from prestatiecheck.loading.rules import agreement_ids, load_catalogue
from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = agreement_ids()  # no user index: the shipped set


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of the user's own: the mini agreement, an index without `metrics:`."""
    target = tmp_path / "mijn-afspraken"
    shutil.copytree(MINI_INDEX.parent / "rules", target / "rules")
    (target / "agreements.yaml").write_text(
        f"agreements:\n  - id: {MINI}\n    file: rules/{MINI}.yaml\n", encoding="utf-8"
    )
    return target


def test_the_shipped_set_is_what_the_package_index_lists() -> None:
    listed = [
        line.split("id: ")[1]
        for line in (ROOT / "agreements.yaml").read_text().splitlines()
        if "- id: " in line
    ]
    assert listed == SHIPPED and "amersfoort-2022-2023" in SHIPPED


@pytest.mark.parametrize("how", ["option", "environment"])
def test_list_shows_the_shipped_agreements_and_the_users(invoke: Any, folder: Path, how: str) -> None:
    index = str(folder / "agreements.yaml")
    if how == "option":
        result = invoke("list", "--agreements", index, "--format", "json")
    else:
        result = invoke("list", "--format", "json", env={"PRESTATIECHECK_AGREEMENTS": index})
    assert result.exit_code == 0, result.output
    ids = [a["agreement"] for a in json.loads(result.stdout)]
    assert ids == SHIPPED + [MINI]  # the user's after the shipped ones


def test_check_uses_either_kind_by_id(invoke: Any, folder: Path) -> None:
    index = str(folder / "agreements.yaml")
    own = invoke("check", "--agreements", index, "-a", MINI, "-f", str(MINI_FIGURES), "--format", "json")
    assert own.exit_code in (0, 1), own.output
    # (the national rule set's results name the agreement whose corporations they judged)
    assert {r.get("applies_to") or r["agreement"] for r in json.loads(own.stdout)["results"]} == {MINI}
    shipped = invoke(
        "check",
        "--agreements",
        index,
        "-a",
        "amersfoort-2022-2023",
        "-f",
        str(ROOT / "examples" / "amersfoort-2022-2023.csv"),
        "--as-of",
        "2024-06-30",
        "--format",
        "json",
    )
    assert shipped.exit_code in (0, 1), shipped.output
    assert {r.get("applies_to") or r["agreement"] for r in json.loads(shipped.stdout)["results"]} == {
        "amersfoort-2022-2023"
    }


def test_without_metrics_the_shipped_vocabulary_is_used(folder: Path) -> None:
    catalogue = load_catalogue(folder / "agreements.yaml", only=[MINI])
    assert catalogue.metrics["verhuringen_urgent"].unit == "count"  # from the shipped metrics.yaml
    assert catalogue.index_file == folder / "agreements.yaml"


def test_validate_checks_the_users_files(invoke: Any, folder: Path) -> None:
    index = folder / "agreements.yaml"
    ok = invoke("validate", "--agreements", str(index))
    assert ok.exit_code == 0, ok.output
    # 2 indexes, the shipped metrics.yaml, every shipped rule file and the user's
    assert (
        f"{2 + 1 + len(SHIPPED) + 1} bestand(en) gecontroleerd: 0 fout(en), 0 waarschuwing(en)" in ok.stderr
    )
    rule_file = folder / "rules" / f"{MINI}.yaml"
    rule_file.write_text(rule_file.read_text().replace("netto: [80, 40, 120]", "netto: [80, 40, 125]"))
    warned = invoke("validate", "--agreements", str(index))
    assert warned.exit_code == 0 and "waarschuwing" in warned.stdout
    assert all(f"{MINI}.yaml" in line for line in warned.stdout.splitlines())  # nothing of the shipped files
    rule_file.write_text(rule_file.read_text().replace("obligation: inspanning", "obligaton: inspanning", 1))
    broken = invoke("check", "--agreements", str(index), "-a", MINI, "-f", str(MINI_FIGURES))
    assert broken.exit_code == 2 and "obligaton" in broken.stderr  # the user's files: always schema-checked


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "afspraken-id 'amersfoort-2021' is al in gebruik bij de meegeleverde afspraken"),
        ("en", "agreement id 'amersfoort-2021' is already used by a shipped agreement"),
    ],
)
def test_an_id_of_a_shipped_agreement_is_an_error_naming_both_files(
    invoke: Any, folder: Path, lang: str, words: str
) -> None:
    index = folder / "agreements.yaml"
    index.write_text(
        index.read_text() + "  - id: amersfoort-2021\n    file: rules/mine.yaml\n", encoding="utf-8"
    )
    for command in (["list"], ["validate"], ["check", "-a", MINI, "-f", str(MINI_FIGURES)]):
        result = invoke(*command, "--agreements", str(index), "--lang", lang)
        assert result.exit_code == 2, (command, result.output)
        assert "Traceback" not in result.output
        message = result.stderr + result.stdout
        assert words in message
        assert f"{index}:4:5:" in message  # the user's index, at the entry
        assert "rules/amersfoort-2021.yaml" in message and "agreements.yaml" in message.split(words)[1]


def test_an_id_twice_in_the_users_index(invoke: Any, folder: Path) -> None:
    index = folder / "agreements.yaml"
    index.write_text(index.read_text() + f"  - id: {MINI}\n    file: rules/other.yaml\n", encoding="utf-8")
    result = invoke("list", "--agreements", str(index), "--lang", "en")
    assert result.exit_code == 2
    assert f"{index}:4:5: agreement id '{MINI}' appears twice" in result.stderr
    assert f"rules/{MINI}.yaml" in result.stderr


def test_the_shipped_index_named_explicitly_is_not_a_clash(invoke: Any) -> None:
    result = invoke("list", "--agreements", str(ROOT / "agreements.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [a["agreement"] for a in json.loads(result.stdout)] == SHIPPED


def _own_metrics(folder: Path, text: str) -> None:
    (folder / "metrics.yaml").write_text(text, encoding="utf-8")
    index = folder / "agreements.yaml"
    index.write_text("metrics: metrics.yaml\n" + index.read_text(), encoding="utf-8")


def test_the_users_metrics_add_to_the_shipped_vocabulary(invoke: Any, folder: Path) -> None:
    _own_metrics(
        folder,
        "metrics:\n"
        "  wachttijd_maanden:\n    unit: months\n    nl: Gemiddelde wachttijd\n    en: Average waiting time\n"
        "  verhuringen_totaal:\n    unit: count\n    nl: Eigen omschrijving\n    en: Own wording\n",
    )
    catalogue = load_catalogue(folder / "agreements.yaml", only=[MINI])
    assert catalogue.metrics["wachttijd_maanden"].unit == "months"
    assert catalogue.metrics["verhuringen_urgent"].unit == "count"
    assert catalogue.metrics["verhuringen_totaal"].nl.startswith("Verhuringen")  # the shipped meaning stays
    assert invoke("validate", "--agreements", str(folder / "agreements.yaml")).exit_code == 0


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "metric 'verhuringen_totaal' heeft hier eenheid 'eur', maar in metrics.yaml eenheid 'count'"),
        ("en", "metric 'verhuringen_totaal' has unit 'eur' here but unit 'count' in metrics.yaml"),
    ],
)
def test_a_shipped_metric_with_another_unit_is_an_error_naming_both_files(
    invoke: Any, folder: Path, lang: str, words: str
) -> None:
    _own_metrics(folder, "metrics:\n  verhuringen_totaal:\n    unit: eur\n    nl: Huur\n    en: Rent\n")
    for command in (["validate"], ["check", "-a", MINI, "-f", str(MINI_FIGURES)]):
        result = invoke(*command, "--agreements", str(folder / "agreements.yaml"), "--lang", lang)
        assert result.exit_code == 2, result.output
        message = result.stdout + result.stderr
        assert f"{folder / 'metrics.yaml'}:2:3:" in message and words in message


def test_a_metrics_file_that_is_not_there(invoke: Any, folder: Path) -> None:
    index = folder / "agreements.yaml"
    index.write_text("metrics: eigen.yaml\n" + index.read_text(), encoding="utf-8")
    result = invoke("validate", "--agreements", str(index))
    assert result.exit_code == 2 and "eigen.yaml" in result.output


# ---------------------------------------------------------------- national law with a user index

LAW_ALLOCATIONS = (
    "period,party,metric,value\n"
    "{year},{party},toewijzingen_daeb,200\n"
    "{year},{party},toewijzingen_daeb_doelgroep,150\n"  # 75%: below 92,5% (from 2022)
)


def _law_results(result: Any) -> list[dict[str, Any]]:
    assert result.exit_code in (0, 1), result.output
    return [r for r in json.loads(result.stdout)["results"] if r["agreement"] == "woningwet"]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_user_index_keeps_the_national_law_for_a_shipped_agreements_corporations(
    invoke: Any, folder: Path, tmp_path: Path, how: str
) -> None:
    figures = tmp_path / "cijfers.csv"
    figures.write_text(LAW_ALLOCATIONS.format(year=2022, party="portaal"), encoding="utf-8")
    index = str(folder / "agreements.yaml")
    args = [
        "check",
        "-a",
        "amersfoort-2022-2023",
        "-f",
        str(figures),
        "--as-of",
        "2023-06-30",
        "--format",
        "json",
    ]
    if how == "option":
        result = invoke(*args, "--agreements", index)
    else:
        result = invoke(*args, env={"PRESTATIECHECK_AGREEMENTS": index})
    found = [r for r in _law_results(result) if r["rule"] == "woningwet/art-48-doelgroep"]
    # every corporation of the agreement; the one with figures judged, the others without figures
    assert {r["party"]: r["status"] for r in found} == {
        "alliantie": "no_data",
        "portaal": "not_met",
        "omnia-wonen": "no_data",
    }
    assert {(r["period"], r["applies_to"]) for r in found} == {("2022", "amersfoort-2022-2023")}
    found = [r for r in found if r["party"] == "portaal"]
    # amersfoort-2022-2023 sets the free room to 15% (its own article): 85%, not 92,5%.
    assert found[0]["limit"] == 85
    # ... and the same figures through the shipped index give the same verdict.
    shipped = invoke(*args)
    assert [
        r["status"]
        for r in _law_results(shipped)
        if r["rule"] == "woningwet/art-48-doelgroep" and r["party"] == "portaal"
    ] == ["not_met"]


def test_a_user_agreement_with_a_corporation_gets_the_national_law(
    invoke: Any, folder: Path, tmp_path: Path
) -> None:
    figures = tmp_path / "cijfers.csv"
    figures.write_text(LAW_ALLOCATIONS.format(year=2023, party="alliantie"), encoding="utf-8")
    index = str(folder / "agreements.yaml")
    for how in ("option", "environment"):
        args = ["check", "-a", MINI, "-f", str(figures), "--as-of", "2024-06-30", "--format", "json"]
        if how == "option":
            result = invoke(*args, "--agreements", index)
        else:
            result = invoke(*args, env={"PRESTATIECHECK_AGREEMENTS": index})
        law = _law_results(result)
        found = [r for r in law if r["rule"] == "woningwet/art-48-doelgroep"]
        assert [(r["party"], r["status"], r["limit"], r["applies_to"]) for r in found] == [
            ("alliantie", "not_met", 92.5, MINI),
            ("portaal", "no_data", 92.5, MINI),
        ], how
        # the law judges corporations only: never the gemeente or the tenants' organisation
        assert {r["party"] for r in law} <= {"alliantie", "portaal"}
        # without the law these figures fit no rule of the agreement: nothing checked, exit 2
        without = invoke(*args, "--agreements", index, "--no-national")
        assert without.exit_code == 2 and "toewijzingen_daeb" in without.stderr
    # the statutory deadlines of the user's agreement, per corporation
    agenda = invoke(
        "deadlines", "--agreements", index, "-a", MINI, "--as-of", "2023-06-20", "--within", "30",
        "--format", "json",
    )  # fmt: skip
    assert agenda.exit_code == 0, agenda.output
    bod = [r for r in json.loads(agenda.stdout)["results"] if r["rule"] == "woningwet/art-44-bod"]
    assert {(r["party"], r["due"]) for r in bod} == {("alliantie", "2023-07-01"), ("portaal", "2023-07-01")}
