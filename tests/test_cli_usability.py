"""The CLI items of issue 13: date forms, list overview and width, ids, colour, progress, completion."""

from __future__ import annotations

import json

import pytest

from tests.helpers import MINI, MINI_FIGURES, MINI_INDEX

BASE = ["--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(MINI_FIGURES), "--format", "json"]


@pytest.mark.parametrize("as_of", ["2023-03-15", "15-3-2023", "15-03-2023", "2023-3-15", " 15-3-2023 "])
def test_as_of_takes_the_date_forms_of_figures_files(invoke, as_of: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(invoke("check", *BASE, "--as-of", as_of).stdout)
    assert data["as_of"] == "2023-03-15"


def test_as_of_forms_in_deadlines_too(invoke) -> None:  # type: ignore[no-untyped-def]
    iso = invoke("deadlines", "--agreements", str(MINI_INDEX), "--as-of", "2023-04-15", "--format", "json")
    dutch = invoke("deadlines", "--agreements", str(MINI_INDEX), "--as-of", "15-4-2023", "--format", "json")
    assert iso.stdout == dutch.stdout and iso.exit_code == dutch.exit_code == 1


def test_a_bad_as_of_in_english(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", *BASE, "--as-of", "15/4/2023", "--lang", "en")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--as-of': '15/4/2023' is ambiguous" in result.stderr


# -- list ------------------------------------------------------------------------------------------


def test_bare_list_is_one_line_per_agreement(invoke) -> None:  # type: ignore[no-untyped-def]
    from prestatiecheck.pipeline import load_selected

    catalogue, ids = load_selected((), None)
    text = invoke("list").stdout
    lines = text.splitlines()
    assert lines[0].split() == ["Afspraken", "Gemeente", "Periode", "Regels"]
    for agreement_id in ids:
        a = catalogue.agreements[agreement_id]
        (line,) = [x for x in lines if x.startswith(agreement_id + " ")]
        assert line.split() == [a.id, *a.municipality.split(), a.period.label, str(len(a.rules))]
    assert lines[-1] == "De regels van één afspraak: prestatiecheck list -a ID"
    assert len(lines) == len(ids) + 3
    english = invoke("list", "--lang", "en").stdout.splitlines()
    assert english[0].split() == ["Agreement", "Municipality", "Period", "Rules"]
    data = json.loads(invoke("list", "--format", "json").stdout)
    assert [d["agreement"] for d in data] == ids
    assert data[0].keys() == {"agreement", "title", "municipality", "period", "rules"}
    assert {d["rules"] for d in data} == {len(catalogue.agreements[i].rules) for i in ids}
    markdown = invoke("list", "--format", "markdown").stdout
    assert f"| `{ids[0]}` |" in markdown and markdown.count("\n") == len(ids) + 2


def _words(text: str) -> list[str]:
    return [w for w in text.split() if len(w) >= 3]


@pytest.mark.parametrize("columns", [50, 80, 100, 120, 160, 220])
def test_list_of_rules_uses_the_width_and_breaks_no_word(invoke, columns: int) -> None:  # type: ignore[no-untyped-def]
    from prestatiecheck.pipeline import load_selected
    from prestatiecheck.rendering import describe

    catalogue, ids = load_selected((), None)
    for agreement_id in ids:
        a = catalogue.agreements[agreement_id]
        vocabulary = catalogue.vocabulary(agreement_id)
        text = invoke("list", "-a", agreement_id, env={"COLUMNS": str(columns)}).stdout
        lines = text.splitlines()
        assert max(len(line.rstrip()) for line in lines) <= max(columns, 40), agreement_id
        tokens = set(text.split())
        for rule in a.rules:
            assert rule.id in tokens or rule.ref in tokens, rule.id
            norm = describe.threshold(rule, a, vocabulary)
            broken = [
                w for w in _words(rule.title + " " + norm + " " + rule.source.article) if w not in tokens
            ]
            assert not broken, (columns, rule.id, broken)
        if all(rule.id not in tokens for rule in a.rules):  # short ids: the full form is said once
            assert f"'{agreement_id}/'" in text


def test_a_wide_terminal_shows_the_kind_and_full_ids(invoke) -> None:  # type: ignore[no-untyped-def]
    text = invoke("list", "-a", "soest-2021-2022", env={"COLUMNS": "200"}).stdout
    assert "Soort" in text and "soest-2021-2022/1Y " in text
    narrow = invoke("list", "-a", "soest-2021-2022", env={"COLUMNS": "120"}).stdout
    assert "Soort" not in narrow and "Titel " in narrow
    assert "\n1Y " in narrow and "Regel-id's zonder 'soest-2021-2022/' ervoor" in narrow
    blocks = invoke("list", "-a", "soest-2021-2022", env={"COLUMNS": "60"}).stdout
    assert "\nsoest-2021-2022/1Y\n  Titel: " in blocks


# -- ids -------------------------------------------------------------------------------------------


def _shipped_rules():  # type: ignore[no-untyped-def]
    from prestatiecheck.pipeline import load_selected

    catalogue, ids = load_selected((), None)
    return [r for i in ids for r in catalogue.agreements[i].rules]


@pytest.mark.parametrize(
    "typed", ["soest-2021-2022/1Y", "soest-2021-2022/1y", "SOEST-2021-2022/1Y", "1Y", "1y"]
)
def test_explain_finds_a_rule_whatever_the_case_and_by_its_own_part(invoke, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert [r.id for r in _shipped_rules() if r.ref.casefold() == "1y"] == ["soest-2021-2022/1Y"]
    result = invoke("explain", typed)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("soest-2021-2022/1Y — ")


def test_explain_lists_the_candidates_when_several_agreements_have_the_part(invoke) -> None:  # type: ignore[no-untyped-def]
    refs: dict[str, list[str]] = {}
    for rule in _shipped_rules():
        refs.setdefault(rule.ref, []).append(rule.id)
    ref, ids = next((ref, ids) for ref, ids in refs.items() if len(ids) > 1)
    result = invoke("explain", ref)
    assert result.exit_code == 2 and not result.stdout
    assert (
        f"'{ref}' is een regel in meer dan één afspraak; kies de volledige id: {', '.join(ids)}"
        in result.stderr
    )
    english = invoke("explain", ref, "--lang", "en")
    assert (
        f"'{ref}' is a rule in more than one agreement; give the full id: {', '.join(ids)}" in english.stderr
    )


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("1ZZ", "soest-2021-2022/1Z"),
        ("soest-2021-2022/1ZZ", "soest-2021-2022/1Z"),
        ("soest-2021-2O22/1Y", "soest-2021-2022/1Y"),
        ("SOEST-2021/1Y", "soest-2021-2022/1Y"),
    ],
)
def test_did_you_mean_gives_a_full_id(invoke, typed: str, suggestion: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("explain", typed)
    assert result.exit_code == 2
    assert f"onbekende regel '{typed}' (bedoelde u '{suggestion}'?)" in result.stderr


def test_agreement_and_party_ids_match_whatever_the_case(invoke) -> None:  # type: ignore[no-untyped-def]
    base = [
        "--agreements",
        str(MINI_INDEX),
        "-f",
        str(MINI_FIGURES),
        "--format",
        "json",
        "--as-of",
        "2023-03-15",
    ]
    lower = invoke("check", *base, "-a", MINI, "-p", "alliantie", "--theme", "monitoring")
    upper = invoke("check", *base, "-a", MINI.upper(), "-p", "Alliantie", "--theme", "MONITORING")
    assert json.loads(lower.stdout)["results"] and lower.stdout == upper.stdout
    assert {r["party"] for r in json.loads(upper.stdout)["results"]} <= {"alliantie", None}
    listed = invoke("list", "--agreements", str(MINI_INDEX), "-a", MINI.upper(), "--format", "json")
    assert {r["agreement"] for r in json.loads(listed.stdout)} == {MINI}
    unknown = invoke("check", *base, "-a", "MINI-2022")
    assert unknown.exit_code == 2 and f"(bedoelde u '{MINI}'?)" in unknown.stderr


def test_deadlines_and_template_take_ids_whatever_the_case(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    args = ["--agreements", str(MINI_INDEX), "--as-of", "2023-04-15", "--format", "json"]
    assert (
        invoke("deadlines", *args, "-a", MINI).stdout == invoke("deadlines", *args, "-a", MINI.upper()).stdout
    )
    made = invoke(
        "template", "--agreements", str(MINI_INDEX), "-a", MINI.upper(), "-p", "PORTAAL", "--format", "csv"
    )
    assert made.exit_code == 0, made.stderr
    assert ";portaal;" in made.stdout and ";alliantie;" not in made.stdout


# -- colour ----------------------------------------------------------------------------------------

CHECK = ["--agreements", str(MINI_INDEX), "-a", MINI, "-f", str(MINI_FIGURES), "--as-of", "2023-03-15"]


@pytest.mark.parametrize(
    ("env", "amber"),
    [
        ({"TERM": "xterm-256color", "COLORTERM": ""}, "\x1b[38;5;214m! aandacht"),
        ({"TERM": "xterm", "COLORTERM": "truecolor"}, "\x1b[38;2;255;176;0m! aandacht"),
        ({"TERM": "xterm", "COLORTERM": ""}, "\x1b[33m! aandacht"),  # 16 colours: yellow
    ],
)
def test_at_risk_is_amber_and_never_the_red_of_not_met(invoke, env: dict[str, str], amber: str) -> None:  # type: ignore[no-untyped-def]
    text = invoke("check", *CHECK, "--color", "always", env=env).stdout
    assert amber in text
    assert "\x1b[1;31m✗ niet voldaan" in text
    plain = invoke("check", *CHECK, "--color", "never", env=env).stdout
    assert "! aandacht" in plain and "✗ niet voldaan" in plain and "\x1b[" not in plain


def test_color_system_from_the_environment() -> None:
    from prestatiecheck.terminal import color_system

    assert color_system({"TERM": "xterm-256color"}) == "256"
    assert color_system({"TERM": "screen-256color", "COLORTERM": "24bit"}) == "truecolor"
    assert color_system({"TERM": "xterm"}) == "standard"
    assert color_system({}) == "standard"


# -- shell completion ------------------------------------------------------------------------------


def _complete(shell: str, line: str, env: dict[str, str] | None = None) -> list[str]:
    """What click's completion script receives from `prestatiecheck` for ``line`` (the last word incomplete)."""
    from click.testing import CliRunner

    from prestatiecheck.cli import cli

    words = line.split(" ")
    variables = {
        "_PRESTATIECHECK_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1) if shell != "fish" else words[-1],
        **(env or {}),
    }
    result = CliRunner().invoke(cli, [], env=variables, prog_name="prestatiecheck")
    assert result.exit_code == 0, result.output
    return [x for x in result.stdout.splitlines() if x]


def _values(shell: str, line: str) -> list[str]:
    """The completed words (bash answers 'type,value' per line; zsh and fish 'type', 'value', 'help')."""
    lines = _complete(shell, line)
    if shell == "bash":
        return [x.partition(",")[2] for x in lines]
    return lines[1::3]


def test_completion_of_commands_and_options() -> None:
    assert _complete("bash", "prestatiecheck ch") == ["plain,check"]
    assert "plain,--format" in _complete("bash", "prestatiecheck check --fo")
    assert "plain,--as-of" in _complete("bash", "prestatiecheck deadlines --as")
    zsh = _complete("zsh", "prestatiecheck ex")
    assert zsh[:2] == ["plain", "explain"] and zsh[2].startswith("Leg één regel uit")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_of_agreement_ids(shell: str) -> None:
    assert _values(shell, "prestatiecheck check -a so") == ["soest-2021-2022"]
    assert _values(shell, "prestatiecheck list -a NIJ") == ["nijkerk-2025-2027"]
    assert _values(shell, "prestatiecheck deadlines -a amersfoort-20") == [
        "amersfoort-2021",
        "amersfoort-2022-2023",
        "amersfoort-2026-2030",
    ]
    # the user's index adds its agreements to the shipped ones
    assert _values(shell, "prestatiecheck template --agreements " + str(MINI_INDEX) + " -a mi") == [MINI]
    assert MINI in _values(shell, "prestatiecheck template --agreements " + str(MINI_INDEX) + " -a ")


def test_completion_of_rule_ids() -> None:
    from prestatiecheck.pipeline import load_selected

    catalogue, _ = load_selected(["soest-2021-2022"], None)
    soest = [r.id for r in catalogue.agreements["soest-2021-2022"].rules]
    assert _complete("bash", "prestatiecheck explain soest-2021-2022/1Y") == [
        f"plain,{i}" for i in soest if i.startswith("soest-2021-2022/1Y")
    ]
    assert _complete("bash", "prestatiecheck explain so") == [f"plain,{i}" for i in soest]
    assert _complete("bash", "prestatiecheck explain SOEST-2021-2022/1y") == [
        f"plain,{i}" for i in soest if i.startswith("soest-2021-2022/1Y")
    ]
    stems = _complete("bash", "prestatiecheck explain amersfoort")
    assert stems == ["plain,amersfoort-2021/", "plain,amersfoort-2022-2023/", "plain,amersfoort-2026-2030/"]
    zsh = _complete("zsh", "prestatiecheck explain soest-2021-2022/1Y")
    assert (
        zsh[1] == "soest-2021-2022/1Y"
        and zsh[2] == catalogue.agreements["soest-2021-2022"].rules[soest.index("soest-2021-2022/1Y")].title
    )


def test_completion_of_parties_follows_the_agreement() -> None:
    from prestatiecheck.pipeline import load_selected

    catalogue, _ = load_selected(["soest-2021-2022"], None)
    parties = catalogue.agreements["soest-2021-2022"].parties
    zsh = _complete("zsh", "prestatiecheck check -a soest-2021-2022 -p ")
    assert zsh[1::3] == [p.id for p in parties] and zsh[2::3] == [p.name for p in parties]
    mini = _values("bash", f"prestatiecheck deadlines --agreements {MINI_INDEX} -a {MINI} -p ")
    from tests.helpers import mini_catalogue

    assert mini == list(mini_catalogue().agreements[MINI].party_ids) and "alliantie" in mini
    assert _complete("bash", "prestatiecheck check -a soest-2021-2022 -p PO") == ["plain,portaal"]


def test_completion_with_a_broken_index_completes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "agreements.yaml"
    broken.write_text("agreements: [", encoding="utf-8")
    assert _complete("bash", f"prestatiecheck explain --agreements {broken} x") == []
    assert _complete("bash", f"prestatiecheck check --agreements {broken} -a x") == []


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef prestatiecheck"), ("fish", "complete --no-files")],
)
def test_completion_scripts_named_in_the_readme(shell: str, marker: str) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from prestatiecheck.cli import cli

    script = CliRunner().invoke(
        cli, [], env={"_PRESTATIECHECK_COMPLETE": f"{shell}_source"}, prog_name="prestatiecheck"
    )
    assert marker in script.stdout and "_PRESTATIECHECK_COMPLETE" in script.stdout
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"_PRESTATIECHECK_COMPLETE={shell}_source prestatiecheck" in readme
