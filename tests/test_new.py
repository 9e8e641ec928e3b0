"""`prestatiecheck new`: a scaffold that validates as written, and is used beside the shipped agreements."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatiecheck import checks
from prestatiecheck.loading.rules import agreement_ids
from prestatiecheck.loading.yamlsafe import parse_yaml
from prestatiecheck.scaffold import scalar

ID = "utrecht-2025-2026"
PARTIES = [
    "--party",
    "gemeente=Gemeente Utrecht:gemeente",
    "--party",
    "portaal=Portaal:corporatie",
    "--party",
    "mitros=Mitros:corporatie",
    "--party",
    'hvu=Huurders: "De Stem" #1:huurdersorganisatie',
]


def new(invoke: Any, folder: Path, *extra: str, agreement: str = ID) -> Any:
    return invoke("new", agreement, "--municipality", "Utrecht", *PARTIES, "--dir", str(folder), *extra)


@pytest.fixture
def folder(tmp_path: Path, invoke: Any) -> Path:
    target = tmp_path / "eigen"
    result = new(invoke, target)
    assert result.exit_code == 0, result.output
    return target


def rule_file(folder: Path, agreement: str = ID) -> Path:
    return folder / "rules" / f"{agreement}.yaml"


def uncomment(text: str, kinds: list[str], context: bool = False) -> str:
    """The scaffold with the examples of ``kinds`` taken out of their comments, as its comment says."""
    lines = text.splitlines()
    out: list[str] = []
    current: str | None = None
    section = ""
    for line in lines:
        if line.startswith("context: []") and context:
            line, section = "context:", "context"
        elif line.startswith("rules: []") and kinds:
            line, section = "rules:", "rules"
        elif line.startswith("rules:"):
            section = "rules"
        if section == "rules":
            found = re.match(r"# ([a-z_]+): ", line)
            if found and found.group(1) in checks.KINDS:
                current = found.group(1)
            elif line == "#":
                current = None
            elif current in kinds and line.startswith("# "):
                line = line[2:]
        if section == "context" and not line:
            section = ""
        if section == "context" and line.startswith(("# - ", "#   ")):
            line = line[2:]
        out.append(line)
    return "\n".join(out) + "\n"


def test_new_writes_three_files_that_validate_as_written(invoke: Any, folder: Path) -> None:
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        "agreements.yaml",
        f"figures/{ID}.csv",
        f"rules/{ID}.yaml",
    ]
    result = invoke("validate", "--agreements", str(folder / "agreements.yaml"))
    assert result.exit_code == 0, result.output
    assert "0 fout(en), 1 waarschuwing(en)" in result.stderr
    assert "nog geen regels" in result.stdout  # the one warning: the file checks nothing yet
    listed = json.loads(
        invoke("list", "--agreements", str(folder / "agreements.yaml"), "--format", "json").stdout
    )
    assert [a["agreement"] for a in listed] == [*agreement_ids(), ID]
    mine = listed[-1]
    assert mine["municipality"] == "Utrecht" and mine["period"] == "2025-2026" and mine["rules"] == 0


def test_the_head_holds_what_was_given(folder: Path) -> None:
    data, problems = parse_yaml(rule_file(folder).read_text(encoding="utf-8"), "x")
    assert problems == []
    head = data["agreement"]
    assert head["id"] == ID and head["municipality"] == "Utrecht" and head["period"] == "2025-2026"
    assert [(p["id"], p["name"], p["role"]) for p in head["parties"]] == [
        ("gemeente", "Gemeente Utrecht", "gemeente"),
        ("portaal", "Portaal", "corporatie"),
        ("mitros", "Mitros", "corporatie"),
        ("hvu", 'Huurders: "De Stem" #1', "huurdersorganisatie"),
    ]
    assert data["rules"] == [] and data["context"] == []


def test_there_is_a_commented_example_of_every_check_kind(folder: Path) -> None:
    text = rule_file(folder).read_text(encoding="utf-8")
    for kind in checks.KINDS:
        assert f"#     kind: {kind}\n" in text, kind


@pytest.mark.parametrize("kind", sorted(checks.KINDS))
def test_each_example_validates_once_uncommented(invoke: Any, folder: Path, kind: str) -> None:
    path = rule_file(folder)
    path.write_text(uncomment(path.read_text(encoding="utf-8"), [kind]), encoding="utf-8")
    result = invoke("validate", "--agreements", str(folder / "agreements.yaml"))
    assert result.exit_code == 0, result.output
    assert "0 fout(en), 0 waarschuwing(en)" in result.stderr
    rules = json.loads(
        invoke("list", "--agreements", str(folder / "agreements.yaml"), "-a", ID, "--format", "json").stdout
    )
    assert [r["kind"] for r in rules] == [kind]


def test_all_examples_together_and_the_context_example(invoke: Any, folder: Path) -> None:
    path = rule_file(folder)
    path.write_text(uncomment(path.read_text(encoding="utf-8"), list(checks.KINDS), context=True))
    index = str(folder / "agreements.yaml")
    result = invoke("validate", "--agreements", index)
    assert result.exit_code == 0 and "0 fout(en), 0 waarschuwing(en)" in result.stderr, result.output
    verify = invoke("verify", "--agreements", index, ID)
    assert verify.exit_code == 0, verify.output
    assert "2 voorbeeld(en) in 1 regel(s): 0 klopt/kloppen niet" in verify.stderr


def test_check_uses_it_beside_the_shipped_agreements(invoke: Any, folder: Path, tmp_path: Path) -> None:
    path = rule_file(folder)
    path.write_text(uncomment(path.read_text(encoding="utf-8"), ["share"]), encoding="utf-8")
    figures = folder / "figures" / f"{ID}.csv"
    text = figures.read_text(encoding="utf-8")
    example = next(line for line in text.splitlines() if line.startswith(f"# {ID},"))
    figures.write_text(text + example[2:] + "\n" + f"{ID},2025,portaal,verhuringen_urgent,66,,\n")
    index = str(folder / "agreements.yaml")
    result = invoke(
        "check", "--agreements", index, "-f", str(figures), "--as-of", "2026-04-01", "--format", "json"
    )
    assert result.exit_code == 1, result.output  # 66 of 120 is 55%: over the maximum of 50%
    found = {(r["rule"], r["party"], r["status"]) for r in json.loads(result.stdout)["results"]}
    assert (f"{ID}/1", "portaal", "not_met") in found
    root = Path(__file__).resolve().parent.parent
    shipped = invoke(
        "check",
        "--agreements",
        index,
        "-a",
        "amersfoort-2022-2023",
        "-f",
        str(root / "examples" / "amersfoort-2022-2023.csv"),
        "--format",
        "json",
    )
    assert shipped.exit_code in (0, 1), shipped.output
    assert json.loads(shipped.stdout)["results"]


def test_a_second_agreement_is_added_to_the_index(invoke: Any, folder: Path) -> None:
    index = folder / "agreements.yaml"
    before = index.read_text(encoding="utf-8")
    result = new(invoke, folder, "--period", "2027", agreement="utrecht-wonen")
    assert result.exit_code == 0, result.output
    after = index.read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and entries kept, one entry added
    assert after[len(before) :] == "  - id: utrecht-wonen\n    file: rules/utrecht-wonen.yaml\n"
    assert "period: 2027\n" in rule_file(folder, "utrecht-wonen").read_text(encoding="utf-8")
    assert invoke("validate", "--agreements", str(index)).exit_code == 0
    assert agreement_ids(index)[-2:] == [ID, "utrecht-wonen"]


def test_an_index_of_the_users_own_in_its_own_indentation(invoke: Any, tmp_path: Path) -> None:
    folder = tmp_path / "eigen"
    folder.mkdir()
    (folder / "agreements.yaml").write_text(
        "# mijn afspraken\nagreements:\n- id: a-2025\n  file: rules/a.yaml\n"
    )
    result = new(invoke, folder)
    assert result.exit_code == 0, result.output
    assert (folder / "agreements.yaml").read_text().endswith(f"- id: {ID}\n  file: rules/{ID}.yaml\n")
    assert agreement_ids(folder / "agreements.yaml")[-2:] == ["a-2025", ID]


def _nothing_written(folder: Path, before: dict[str, str]) -> None:
    assert {str(p): p.read_text() for p in folder.rglob("*") if p.is_file()} == before


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p): p.read_text() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_it_never_overwrites(invoke: Any, folder: Path, lang: str) -> None:
    before = _snapshot(folder)
    again = new(invoke, folder, "--lang", lang)
    assert again.exit_code == 2
    words = "bestaat al; prestatiecheck new overschrijft niets" if lang == "nl" else "already exists"
    assert f"{rule_file(folder)} {words}" in again.stderr
    _nothing_written(folder, before)
    rule_file(folder).unlink()
    before = _snapshot(folder)
    figures = new(invoke, folder, "--lang", lang)
    assert figures.exit_code == 2 and f"{folder / 'figures' / (ID + '.csv')}" in figures.stderr
    _nothing_written(folder, before)  # not even the rule file that was missing
    (folder / "figures" / f"{ID}.csv").unlink()
    indexed = new(invoke, folder, "--lang", lang)
    assert indexed.exit_code == 2
    assert f"'{ID}' " + ("staat al in" if lang == "nl" else "is already in") in indexed.stderr
    assert "agreements.yaml" in indexed.stderr


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_shipped_id_is_refused_naming_the_shipped_file(invoke: Any, tmp_path: Path, lang: str) -> None:
    result = new(invoke, tmp_path, "--lang", lang, agreement="amersfoort-2021")
    assert result.exit_code == 2
    assert "rules/amersfoort-2021.yaml" in result.stderr
    assert ("meegeleverde afspraken" if lang == "nl" else "shipped agreement") in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_index_it_cannot_add_to_safely(invoke: Any, tmp_path: Path) -> None:
    (tmp_path / "agreements.yaml").write_text("agreements: [{id: a-2025, file: rules/a.yaml}]\n")
    result = new(invoke, tmp_path, "--lang", "en")
    assert result.exit_code == 2
    assert f"cannot add to {tmp_path / 'agreements.yaml'} safely" in result.stderr
    assert f"- id: {ID}" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreements.yaml"]


BAD = {
    "party_syntax": (
        ["--party", "portaal Portaal corporatie"],
        "--party 'portaal Portaal corporatie' niet begrepen; schrijf ID=NAAM:ROL",
        "--party 'portaal Portaal corporatie' not understood; write ID=NAME:ROLE",
    ),
    "party_without_role": (
        ["--party", "portaal=Portaal"],
        "--party 'portaal=Portaal' niet begrepen",
        "--party 'portaal=Portaal' not understood",
    ),
    "unknown_role": (
        ["--party", "portaal=Portaal:coporatie"],
        "onbekende rol 'coporatie'; kies uit gemeente, corporatie, huurdersorganisatie (bedoelde u 'corporatie'?)",
        "unknown role 'coporatie'; choose from gemeente, corporatie, huurdersorganisatie (did you mean 'corporatie'?)",
    ),
    "bad_party_id": (
        ["--party", "Portaal=Portaal:corporatie"],
        "partij-id 'Portaal' kan niet",
        "party id 'Portaal' cannot be used",
    ),
    "no_party": (
        [],
        "geef de partijen met --party ID=NAAM:ROL",
        "give the parties with --party ID=NAME:ROLE",
    ),
    "party_twice": (
        ["--party", "a=A:corporatie", "--party", "a=B:corporatie"],
        "partij 'a' staat er twee keer in",
        "party 'a' is listed twice",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bad_parties(invoke: Any, tmp_path: Path, case: str, lang: str) -> None:
    args, dutch, english = BAD[case]
    result = invoke("new", ID, "--municipality", "Utrecht", *args, "--dir", str(tmp_path), "--lang", lang)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert (dutch if lang == "nl" else english) in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("agreement", "extra", "dutch", "english"),
    [
        ("Utrecht 2025", [], "'Utrecht 2025' is geen bruikbaar id", "'Utrecht 2025' is not a usable id"),
        (
            "utrecht",
            [],
            "eindigt niet op een periode; geef --period",
            "does not end in a period; give --period",
        ),
        (
            "utrecht",
            ["--period", "2025-2023x"],
            "'2025-2023x' is geen periode",
            "'2025-2023x' is not a period",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bad_id_and_period(
    invoke: Any, tmp_path: Path, agreement: str, extra: list[str], dutch: str, english: str, lang: str
) -> None:
    result = invoke(
        "new",
        agreement,
        "--municipality",
        "Utrecht",
        *PARTIES,
        "--dir",
        str(tmp_path),
        *extra,
        "--lang",
        lang,
    )
    assert result.exit_code == 2, result.output
    assert (dutch if lang == "nl" else english) in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_comments_in_english(invoke: Any, tmp_path: Path) -> None:
    result = new(invoke, tmp_path, "--lang", "en")
    assert result.exit_code == 0
    text = rule_file(tmp_path).read_text(encoding="utf-8")
    assert "# The rules. Replace 'rules: []' by 'rules:'" in text and "De regels" not in text
    assert "written: " in result.stderr and "next: fill in" in result.stderr


def test_the_folder_of_the_users_index_is_the_default(invoke: Any, folder: Path) -> None:
    result = invoke(
        "new",
        "utrecht-2030",
        "--municipality",
        "Utrecht",
        "--party",
        "portaal=Portaal:corporatie",
        env={"PRESTATIECHECK_AGREEMENTS": str(folder / "agreements.yaml")},
    )
    assert result.exit_code == 0, result.output
    assert rule_file(folder, "utrecht-2030").is_file()
    assert agreement_ids(folder / "agreements.yaml")[-1] == "utrecht-2030"


def test_the_editor_schema_line_points_at_the_packaged_schema(folder: Path) -> None:
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    for path, kind in ((rule_file(folder), "rule-file"), (folder / "agreements.yaml", "agreements")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=file://")
        target = Path(url2pathname(urlparse(first.split("$schema=", 1)[1]).path))
        assert target.name == f"{kind}.schema.json" and target.is_file()


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40))
def test_a_name_reads_back_exactly(name: str) -> None:
    data, problems = parse_yaml(f"x: {scalar(name)}\n", "t.yaml")
    assert problems == [] and data["x"] == name
