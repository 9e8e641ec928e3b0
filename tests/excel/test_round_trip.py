"""Round trip: make a template, fill it in like a policy officer would (openpyxl), check it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.excel.common import AS_OF, MINI_ARGS, fill, statuses

FILLED = {
    ("2022", "alliantie", "verhuringen_totaal"): 400,
    ("2022", "alliantie", "verhuringen_urgent"): 180,
    ("2022", "alliantie", "verhuringen_jongeren_kkg"): 30,
    ("2022", "portaal", "verhuringen_totaal"): "300",  # text cells with numbers
    ("2022", "portaal", "verhuringen_urgent"): "160",
    ("2022", "portaal", "verhuringen_jongeren_kkg"): 15,
    ("2022", "alliantie", "leefbaarheid_uitgaven_per_woning"): "125,50",  # Dutch text
    ("2022", "portaal", "leefbaarheid_uitgaven_per_woning"): 131.38,
    ("2022", "alliantie", "huurverhoging_energiemaatregelen"): 12,
    ("2022", "alliantie", "daling_energielasten"): 14.5,
    ("2022", "alliantie", "aanlevering_woningmarktmonitor"): datetime(2022, 3, 30),
    ("2022", "portaal", "aanlevering_woningmarktmonitor"): date(2022, 4, 2),
    ("2022", "gemeente", "evaluatie_afgerond"): datetime(2022, 6, 30),
    ("2022-2023", "gemeente", "bijeenkomsten"): 3,
}


def test_template_filled_in_and_checked(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "invul.xlsx"
    assert invoke("template", *MINI_ARGS, "-o", str(template)).exit_code == 0
    filled = fill(template, FILLED, tmp_path / "ingevuld.xlsx")
    # No --agreement needed: the template's agreement column names it.
    result = invoke(
        "check", "--agreements", MINI_ARGS[1], "-f", str(filled), "--as-of", AS_OF, "--format", "json"
    )
    assert result.exit_code == 1, result.stderr  # some rules are not met
    got = statuses(result.stdout)
    assert got[("1", "alliantie", "2022")] == "met"  # 45,0%
    assert got[("1", "portaal", "2022")] == "not_met"  # 53,3%
    assert got[("1", None, "2022")] == "at_risk"  # 48,6% pooled
    assert got[("1", "alliantie", "2023")] == "no_data"  # left empty: not supplied, never zero
    assert got[("2", "portaal", "2022")] == "at_risk"  # 5,0%: exactly the minimum, within the margin
    assert got[("5", "alliantie", "2022")] == "met"  # 125,50 read from Dutch text
    assert got[("5", "portaal", "2022")] == "not_met"  # 131,38 > 131,37
    assert got[("6", "alliantie", "2022")] == "met"
    assert got[("7", "gemeente", "2022-2023")] == "not_met"  # 3 < 4 meetings
    assert got[("8", "alliantie", "2022")] == "met"  # a date cell
    assert got[("8", "portaal", "2022")] == "not_met"  # late
    assert got[("9", "gemeente", "2022")] == "met"
    assert got[("11", "alliantie", "2022-2023")] == "no_data"


def test_figures_from_several_parties_merge(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each corporation fills in its own template; check reads them together (joint figures add up)."""
    files = []
    for party in ("alliantie", "portaal"):
        template = tmp_path / f"{party}.xlsx"
        assert (
            invoke(
                "template", *MINI_ARGS, "--period", "2022", "--party", party, "-o", str(template)
            ).exit_code
            == 0
        )
        mine = {k: v for k, v in FILLED.items() if k[1] == party and k[0] == "2022"}
        files += ["-f", str(fill(template, mine, tmp_path / f"{party}-ingevuld.xlsx"))]
    result = invoke("check", *MINI_ARGS, *files, "--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    got = statuses(result.stdout)
    assert got[("1", None, "2022")] == "at_risk"
    assert got[("3", None, "2022")] == "not_met"  # circa 30%: 48,6% is outside the band


def test_csv_template_filled_in_dutch_style(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Dutch CSV template is ';'-separated: decimal commas and thousands dots read as meant."""
    template = tmp_path / "invul.csv"
    assert (
        invoke("template", *MINI_ARGS, "--format", "csv", "--period", "2022", "-o", str(template)).exit_code
        == 0
    )
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    values = {
        "2022;alliantie;verhuringen_totaal;": "1.380",
        "2022;alliantie;verhuringen_urgent;": "380",
        "2022;alliantie;leefbaarheid_uitgaven_per_woning;": "131,37",
    }
    out = []
    for line in lines:
        for start, value in values.items():
            if line.startswith(start):
                line = start + value + line[len(start) :]
        out.append(line)
    filled = tmp_path / "ingevuld.csv"
    filled.write_text("\n".join(out) + "\n", encoding="utf-8-sig")
    result = invoke(
        "check", *MINI_ARGS, "-f", str(filled), "--as-of", AS_OF, "--format", "json", "--fail-on", "never"
    )
    assert result.exit_code == 0, result.stderr
    got = statuses(result.stdout)
    assert got[("1", "alliantie", "2022")] == "met"  # 380 of 1.380 = 27,5%
    assert got[("5", "alliantie", "2022")] == "met"  # exactly the maximum
