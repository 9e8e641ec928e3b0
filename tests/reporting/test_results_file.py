"""`check --results-json` and `report --from-results`: the same report without evaluating again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from tests.reporting.conftest import STEM, mini_args


@pytest.fixture
def saved(invoke, tmp_path: Path) -> Path:
    path = tmp_path / "results.json"
    result = invoke("check", *mini_args("--results-json", str(path), "--format", "json"))
    assert result.exit_code == 1  # findings, as without --results-json
    assert str(path) in result.stderr
    return path


def test_results_file_extends_the_json_contract(saved: Path, invoke) -> None:
    doc = json.loads(saved.read_text(encoding="utf-8"))
    plain = json.loads(invoke("check", *mini_args("--format", "json")).stdout)
    for key in ("prestatiecheck", "as_of", "agreement", "agreements", "figures_files", "summary", "results"):
        assert doc[key] == plain[key], key
    assert doc["kind"] == "prestatiecheck-results" and doc["version"] == 1
    assert len(doc["report"]["texts"]["en"]) == len(doc["results"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_gives_the_same_report(report, invoke, saved: Path, tmp_path: Path, lang: str) -> None:
    formats = ["--format", "html", "--format", "md", "--format", "txt"]
    direct = report(*formats, "--lang", lang, "-o", str(tmp_path / "direct"))
    assert direct.exit_code == 0, direct.stderr
    again = invoke(
        "report", "--from-results", str(saved), *formats, "--lang", lang, "-o", str(tmp_path / "again"),
        "--no-history",
    )  # fmt: skip
    assert again.exit_code == 0, again.stderr
    for ext in ("html", "md", "txt"):
        first = (tmp_path / "direct" / f"{STEM}.{ext}").read_text(encoding="utf-8")
        second = (tmp_path / "again" / f"{STEM}.{ext}").read_text(encoding="utf-8")
        assert first == second, ext


def test_from_results_does_not_read_figures_or_rules(
    invoke, saved: Path, tmp_path: Path, mini_copy: Path
) -> None:
    """The saved file is enough: the fixture it came from may be gone."""
    moved = tmp_path / "elsewhere.json"
    moved.write_bytes(saved.read_bytes())
    result = invoke(
        "report", "--from-results", str(moved), "--format", "txt", "-o", str(tmp_path / "o"), "--no-history"
    )
    assert result.exit_code == 0, result.stderr
    assert "Woningmarktmonitor" in (tmp_path / "o" / f"{STEM}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "leeg"),
        ("{not json", "ongeldige JSON"),
        ('{"results": []}', "geen resultatenbestand van prestatiecheck"),
        ("[1, 2]", "geen resultatenbestand van prestatiecheck"),
        ('{"kind": "prestatiecheck-results", "version": 99}', "onbekende versie 99"),
        ('{"kind": "prestatiecheck-results", "version": 1, "as_of": "2023-01-01"}', "onvolledig"),
    ],
)
def test_broken_or_foreign_results_file(invoke, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    result = invoke("report", "--from-results", str(path), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "broken.json" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_damaged_results_entry(invoke, saved: Path, tmp_path: Path) -> None:
    doc = json.loads(saved.read_text(encoding="utf-8"))
    doc["results"][3]["status"] = "prima"
    saved.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke("report", "--from-results", str(saved), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2 and "results.json" in result.stderr and "prima" in result.stderr


def test_missing_results_file(invoke, tmp_path: Path) -> None:
    result = invoke("report", "--from-results", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "nope.json" in result.stderr


@pytest.mark.parametrize("extra", [["--as-of", "2023-01-01"], ["--theme", "Monitoring"], ["-f", "x.csv"]])
def test_from_results_fixes_the_selection(invoke, saved: Path, extra: list[str]) -> None:
    result = invoke("report", "--from-results", str(saved), *extra)
    assert result.exit_code == 2
    assert extra[0] in result.stderr


def test_from_results_unknown_agreement(invoke, saved: Path) -> None:
    result = invoke("report", "--from-results", str(saved), "-a", "elders-2020", "--no-history")
    assert result.exit_code == 2 and "elders-2020" in result.stderr and "mini-2022-2023" in result.stderr


# --- a damaged results file: refused with the path of what is wrong, never a crash --------------------


def _damage(saved: Path, change) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(saved.read_text(encoding="utf-8"))
    change(doc)
    saved.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["results"][0].pop("status"), "results[0].status ontbreekt"),
        (lambda d: d["results"][2].update(notes="zie bijlage"), "results[2].notes moet lijst zijn, niet \"zie bijlage\""),
        (lambda d: d["results"][1]["source"].pop("article"), "results[1].source.article ontbreekt"),
        (lambda d: d["results"][1].update(value=[1, 2]), "results[1].value moet getal of tekst of leeg (null) zijn"),
        (lambda d: d["report"]["agreements"][0]["parties"][0].update(name=5), "report.agreements[0].parties[0].name moet tekst zijn, niet 5"),
        (lambda d: d["report"]["texts"].pop("en"), "report.texts.en ontbreekt"),
        (lambda d: d["report"]["texts"]["nl"].pop(), "report.texts.nl heeft 52 teksten voor 53 resultaten"),
        (lambda d: d["report"]["texts"]["nl"][4].pop("message"), "report.texts.nl[4].message ontbreekt"),
        (lambda d: d.update(as_of="2023-02-30"), "as_of is \"2023-02-30\", geen datum JJJJ-MM-DD"),
        (lambda d: d.update(as_of=20230301), "as_of moet tekst zijn, niet 20230301"),
        (lambda d: d["results"][5].update(agreement="elders"), "results[5].agreement: afspraken 'elders' staan niet in"),
        (lambda d: d["report"].update(agreements={}), "report.agreements moet lijst zijn, niet {}"),
        (lambda d: d.update(results=None), "results moet lijst zijn, niet null"),
    ],
)  # fmt: skip
def test_damaged_results_name_the_path(invoke, saved: Path, tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    _damage(saved, change)
    result = invoke("report", "--from-results", str(saved), "-o", str(tmp_path / "o"), "--no-history")
    assert result.exit_code == 2, result.stderr
    assert "results.json: onvolledig of beschadigd resultatenbestand: " in result.stderr
    assert message in result.stderr
    assert "sjabloon" not in result.stderr and not (tmp_path / "o").exists()


def test_damaged_results_in_english_and_many_problems_are_bounded(
    invoke, saved: Path, tmp_path: Path
) -> None:
    def everything(doc):  # type: ignore[no-untyped-def]
        for rec in doc["results"]:
            rec["status"] = "prima"

    _damage(saved, everything)
    result = invoke("report", "--from-results", str(saved), "--lang", "en", "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert 'results[0].status is "prima", which is not allowed (allowed: met, at_risk' in result.stderr
    assert "… and 43 more problem(s)" in result.stderr  # (mini's results and the law's for its corporations)


def _paths(value, prefix=()):  # type: ignore[no-untyped-def]
    """Every place in a JSON document (as key/index tuples)."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:3]):  # the first few of each list are enough
            yield from _paths(inner, (*prefix, index))


_SAVED: dict[str, str] = {}


def _saved_text(invoke, tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    if "text" not in _SAVED:
        path = tmp_path_factory.mktemp("saved") / "results.json"
        invoke("check", *mini_args("--results-json", str(path), "--format", "json"))
        _SAVED["text"] = path.read_text(encoding="utf-8")
    return _SAVED["text"]


REPLACEMENTS = st.sampled_from([None, 0, -1, 1.5, "", "x", [], {}, True, [1], {"a": 1}, "2023-13-45"])


@settings(
    max_examples=examples(20, long=200),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data(), delete=st.booleans(), replacement=REPLACEMENTS)
def test_any_damage_is_exit_0_or_2_never_a_crash(invoke, tmp_path_factory, data, delete, replacement) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(_saved_text(invoke, tmp_path_factory))
    places = [p for p in _paths(doc) if p and p[0] not in ("kind", "version")]
    place = data.draw(st.sampled_from(places))
    parent = doc
    for part in place[:-1]:
        parent = parent[part]
    if delete:
        del parent[place[-1]]
    else:
        parent[place[-1]] = replacement
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "results.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke(
        "report", "--from-results", str(path), "--format", "md", "--format", "txt", "-o", str(folder / "o"),
        "--no-history",
    )  # fmt: skip
    assert result.exit_code in (0, 2), (place, delete, replacement, result.stderr)
    if result.exit_code == 2:
        assert "results.json" in result.stderr and "sjabloon" not in result.stderr, result.stderr


def test_figures_path_keeps_its_slash_when_run_from_the_root(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import MINI_FIGURES

    figures = tmp_path / "cijfers.csv"
    figures.write_bytes(MINI_FIGURES.read_bytes())
    monkeypatch.chdir("/")
    result = invoke(
        "report", *mini_args("--format", "md", "-o", str(tmp_path / "o"), "--no-history", figures=figures)
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "o" / f"{STEM}.md").read_text(encoding="utf-8")
    assert f"{figures}" in text and str(figures).startswith("/")


@pytest.mark.parametrize("block", ["agreements", "national"])
@pytest.mark.parametrize("key", ["rule_file_name", "rule_file_sha256", "rule_file_shipped"])
def test_a_wrong_footer_field_is_named_not_a_crash(invoke, tmp_path_factory, block: str, key: str) -> None:  # type: ignore[no-untyped-def]
    # Found by the property test above: the footer's rule-file fields were not in the schema,
    # and a number in place of the hash crashed the footer (exit 4).
    doc = json.loads(_saved_text(invoke, tmp_path_factory))
    target = doc["report"]["agreements"][0] if block == "agreements" else doc["report"]["national"]
    target[key] = [1]
    folder = tmp_path_factory.mktemp("footer")
    path = folder / "results.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke(
        "report", "--from-results", str(path), "--format", "md", "-o", str(folder / "o"), "--no-history"
    )
    assert result.exit_code == 2, result.output
    assert "results.json" in result.stderr and key in result.stderr, result.stderr
