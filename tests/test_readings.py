"""`reading: interpretation` and `joint_only: true`: shown beside the verdict in every output, and
the per-party results of a joint-only afspraak kept out of the summary and the exit code."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.helpers import HERE

METRICS = (HERE.parent / "metrics.yaml").as_posix()

RULES = """\
agreement:
  id: lees-2022
  title: Leesafspraken 2022
  municipality: Lees
  period: 2022
  source: test
  parties:
    - {id: gemeente, name: Gemeente Lees, role: gemeente}
    - {id: alliantie, name: de Alliantie, role: corporatie}
    - {id: portaal, name: Portaal, role: corporatie}
rules:
  - ref: "1"
    title: In totaal maximaal 50% naar urgenten
    theme: Woonruimteverdeling
    source: {article: "1", quote: "in totaal maximaal 50% van het vrijkomend aanbod"}
    trekker: [alliantie, portaal]
    obligation: inspanning
    reading: interpretation
    note: Per corporatie getoond ter informatie; de afspraak geldt in totaal.
    note_en: Shown per corporation for information; the afspraak holds in total.
    check:
      kind: share
      numerator: verhuringen_urgent
      denominator: verhuringen_totaal
      max: 50
      scope: [party, joint]
      joint_only: true{joint_only_tail}
  - ref: "2"
    title: Ten minste 5% jongeren
    theme: Woonruimteverdeling
    source: {article: "2", quote: "tenminste 5%"}
    trekker: [alliantie, portaal]
    obligation: resultaat
    check:
      kind: share
      numerator: verhuringen_jongeren_kkg
      denominator: verhuringen_totaal
      min: 5
      scope: [party]
"""

# Portaal alone is over 50% (53,3%); together 340 of 750 = 45,3%: met.
FIGURES = """\
period,party,metric,value
2022,alliantie,verhuringen_totaal,450
2022,alliantie,verhuringen_urgent,180
2022,alliantie,verhuringen_jongeren_kkg,30
2022,portaal,verhuringen_totaal,300
2022,portaal,verhuringen_urgent,160
2022,portaal,verhuringen_jongeren_kkg,15
"""


def setup(tmp_path: Path, *, figures: str = FIGURES, joint_only_tail: str = "") -> tuple[str, str]:
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / "lees-2022.yaml").write_text(
        RULES.replace("{joint_only_tail}", joint_only_tail), encoding="utf-8"
    )
    index = tmp_path / "agreements.yaml"
    index.write_text(
        f"metrics: {METRICS}\nagreements:\n  - id: lees-2022\n    file: rules/lees-2022.yaml\n",
        encoding="utf-8",
    )
    data = tmp_path / "cijfers.csv"
    data.write_text(figures, encoding="utf-8")
    return str(index), str(data)


def check(invoke, tmp_path: Path, *args: str, figures: str = FIGURES):  # type: ignore[no-untyped-def]
    index, data = setup(tmp_path, figures=figures)
    return invoke(
        "check", "--agreements", index, "-a", "lees-2022", "-f", data, "--as-of", "2023-06-01", *args
    )


def test_json_marks_the_reading_and_the_information_results(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = check(invoke, tmp_path, "--format", "json")
    # Portaal's 53,3% is not met, but it is for information only: nothing counted fails.
    assert result.exit_code == 0, result.stdout + result.stderr
    doc = json.loads(result.stdout)
    by = {(r["ref"], r["party"]): r for r in doc["results"]}
    portaal = by[("1", "portaal")]
    assert portaal["status"] == "not_met"
    assert portaal["information"] is True and portaal["reading"] == "interpretation"
    joint = by[("1", None)]
    assert joint["status"] == "met" and joint["information"] is False
    assert by[("2", "portaal")]["reading"] == "literal" and by[("2", "portaal")]["information"] is False
    assert doc["summary"]["not_met"] == 0
    assert doc["information"] == {"met": 1, "at_risk": 0, "not_met": 1, "no_data": 0, "pending": 0}
    assert sum(doc["summary"].values()) + sum(doc["information"].values()) == len(doc["results"])


def test_a_joint_failure_still_fails_the_run(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Together 380 of 750 = 50,7%: the joint result (the verdict) is not met: exit 1.
    figures = FIGURES.replace("alliantie,verhuringen_urgent,180", "alliantie,verhuringen_urgent,220")
    result = check(invoke, tmp_path, "--format", "json", figures=figures)
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["summary"]["not_met"] == 1
    joint = next(r for r in doc["results"] if r["ref"] == "1" and r["party"] is None)
    assert joint["status"] == "not_met" and joint["information"] is False


@pytest.mark.parametrize(
    ("lang", "interpretation", "information"),
    [
        ("nl", "interpretatie", "ter informatie (niet meegeteld): 2"),
        ("en", "interpretation", "for information (not counted): 2"),
    ],
)
def test_table_shows_the_marks_beside_the_verdict(
    invoke, tmp_path: Path, lang, interpretation, information
) -> None:  # type: ignore[no-untyped-def]
    result = check(invoke, tmp_path, "--lang", lang, "--color", "never")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    word = "ter informatie" if lang == "nl" else "for information"
    # Portaal and de Alliantie: for information; the joint result is an interpretation that counts.
    assert text.count(f"({word})") == 2
    assert text.count(f"({interpretation})") == 3
    assert information in text


def test_markdown_and_csv_show_the_marks(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    md = check(invoke, tmp_path, "--format", "markdown")
    rows = [line for line in md.stdout.splitlines() if line.startswith("| 1 ")]
    assert len(rows) == 3
    assert sum("<br>(interpretatie · ter informatie)" in row for row in rows) == 2
    assert sum(row.count("<br>(interpretatie)") for row in rows) == 1
    assert "ter informatie (niet meegeteld): 2" in md.stdout
    out = check(invoke, tmp_path, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out.stdout)))
    header = list(table[0])
    assert header[header.index("status_label") + 1 : header.index("status_label") + 3] == [
        "reading",
        "information",
    ]
    marks = {(r["rule"].split("/")[1], r["party"]): (r["reading"], r["information"]) for r in table}
    assert marks[("1", "portaal")] == ("interpretation", "true")
    assert marks[("1", "")] == ("interpretation", "false")
    assert marks[("2", "alliantie")] == ("literal", "false")


def test_xlsx_has_reading_and_information_columns_and_counts_apart(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    out = tmp_path / "r.xlsx"
    # (--no-national: only lees-2022's own results, without the law for its corporations)
    result = check(invoke, tmp_path, "--format", "xlsx", "-o", str(out), "--no-national")
    assert result.exit_code == 0
    book = openpyxl.load_workbook(out)
    ws = book["Resultaten"]
    header = [c.value for c in ws[1]]
    assert header[header.index("Status") + 1 : header.index("Status") + 3] == ["Lezing", "Ter informatie"]
    col = {name: header.index(name) for name in header}
    rows = {(r[col["Nr."]].value, r[col["Partij"]].value): r for r in ws.iter_rows(min_row=2)}
    portaal = rows[("1", "Portaal")]
    assert portaal[col["Lezing"]].value == "interpretatie" and portaal[col["Ter informatie"]].value == "ja"
    assert rows[("1", "gezamenlijk")][col["Ter informatie"]].value == "nee"
    assert rows[("2", "Portaal")][col["Lezing"]].value in (None, "")
    summary = {r[0].value: r[1].value for r in book["Samenvatting"].iter_rows() if r[0].value}
    assert summary["Totaal"] == 3  # 5 results, 2 of them for information
    assert summary["Ter informatie (niet meegeteld)"] == 2


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ("Interpretatie: ja", "Alleen gezamenlijk: de afspraak geldt voor de partijen samen")),
        ("en", ("Interpretation: yes", "Joint only: the afspraak binds the parties together")),
    ],
)
def test_explain_says_interpretation_and_joint_only(invoke, tmp_path: Path, lang, words) -> None:  # type: ignore[no-untyped-def]
    index, _ = setup(tmp_path)
    result = invoke("--lang", lang, "explain", "lees-2022/1", "--agreements", index)
    assert result.exit_code == 0, result.stderr
    for word in words:
        assert word in result.stdout
    plain = invoke("--lang", lang, "explain", "lees-2022/2", "--agreements", index)
    assert words[0].split(":")[0] not in plain.stdout and words[1].split(":")[0] not in plain.stdout


def test_joint_only_needs_party_and_joint_scope(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    index, _ = setup(tmp_path)
    path = tmp_path / "rules" / "lees-2022.yaml"
    path.write_text(
        path.read_text().replace(
            "scope: [party, joint]\n      joint_only", "scope: [party]\n      joint_only"
        )
    )
    result = invoke("validate", "--agreements", index)
    assert result.exit_code == 2
    out = result.stdout + result.stderr
    assert re.search(r"lees-2022\.yaml:\d+:\d+: joint_only: true vraagt scope \[party, joint\]", out)


def test_a_misspelt_reading_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    index, _ = setup(tmp_path)
    path = tmp_path / "rules" / "lees-2022.yaml"
    path.write_text(path.read_text().replace("reading: interpretation", "reading: interpretatie"))
    result = invoke("validate", "--agreements", index)
    assert result.exit_code == 2
    out = result.stdout + result.stderr
    assert "lees-2022.yaml:" in out and "interpretatie" in out and "interpretation" in out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reports_show_the_marks_and_count_apart(invoke, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    index, data = setup(tmp_path)
    out = tmp_path / "out"
    result = invoke(
        "--lang", lang, "report", "--agreements", index, "-a", "lees-2022", "-f", data,
        "--as-of", "2023-06-01", "--format", "md", "--format", "txt", "--format", "html",
        "--output", str(out), "--no-history",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    interpretation, information = (
        ("interpretatie", "ter informatie") if lang == "nl" else ("interpretation", "for information")
    )
    not_counted = "(niet meegeteld): 2" if lang == "nl" else "(not counted): 2"
    for ext in ("md", "txt", "html"):
        text = (out / f"lees-2022-2023-06-01.{ext}").read_text(encoding="utf-8")
        assert f"({interpretation} · {information})" in text, ext
        assert not_counted in text, ext
    md = (out / "lees-2022-2023-06-01.md").read_text(encoding="utf-8")
    # the agenda: Portaal's result of the joint-only afspraak is not on it, rule 2's result is
    agenda = next(part for part in md.split("\n## ") if part.startswith(("Voor de agenda", "For the agenda")))
    assert "In totaal maximaal 50% naar urgenten" not in agenda
    assert "**Ten minste 5% jongeren**" in agenda and "— Portaal, 2022:" in agenda


SECTIONS = {
    "nl": ("Stoplicht per afspraak", "Voor de agenda", "Resultaten per thema", "Termijnen in de komende"),
    "en": ("Traffic lights per afspraak", "For the agenda", "Results per theme", "Deadlines in the next"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_the_interpretation_is_marked_wherever_its_verdict_is_shown(
    invoke, tmp_path: Path, fmt: str, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """Stoplicht, agenda and detail each mark the interpretation beside the afspraak's verdict,
    and the stoplicht marks the per-party results of a joint-only afspraak as for information."""
    # together 380 of 750 = 50,7%: the joint verdict is not met, so the afspraak is on the agenda
    figures = FIGURES.replace("alliantie,verhuringen_urgent,180", "alliantie,verhuringen_urgent,220")
    index, data = setup(tmp_path, figures=figures)
    out = tmp_path / "out"
    result = invoke(
        "--lang", lang, "report", "--agreements", index, "-a", "lees-2022", "-f", data,
        "--as-of", "2023-06-01", "--format", fmt, "--output", str(out), "--no-history", "--fail-on", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (out / f"lees-2022-2023-06-01.{fmt}").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", text) if fmt == "html" else text
    text = " ".join(text.replace("\xa0", " ").split())
    heads = [h.upper() if fmt == "txt" else h for h in SECTIONS[lang]]
    starts = [text.index(h) for h in heads]
    matrix, agenda, detail = (text[a:b] for a, b in zip(starts, starts[1:], strict=False))
    interpretation = "interpretatie" if lang == "nl" else "interpretation"
    information = "ter informatie" if lang == "nl" else "for information"
    title = "In totaal maximaal 50% naar urgenten"
    for name, part in (("stoplicht", matrix), ("agenda", agenda), ("detail", detail)):
        after = part[part.index(title) :]
        following = after[: after.index("Ten minste 5% jongeren")] if "Ten minste 5%" in after else after
        assert f"({interpretation}" in following, (name, following)
    assert matrix.count(information) == 2  # Portaal and de Alliantie, not the joint cell
    # rule 2 is read literally: no mark after it in the stoplicht
    rule2 = matrix[matrix.index("Ten minste 5% jongeren") :]
    assert interpretation not in rule2
