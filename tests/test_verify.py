"""`prestatiecheck verify`: examples in rule files evaluated, failures reported at their line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import HERE

EXAMPLES_1 = """\
    examples:
      - as_of: 2023-04-15
        figures:
          - {period: 2022, party: alliantie, metric: verhuringen_urgent, value: 50}
          - {period: 2022, party: alliantie, metric: verhuringen_totaal, value: 100}
          - {period: 2022, party: portaal, metric: verhuringen_urgent, value: 51}
          - {period: 2022, party: portaal, metric: verhuringen_totaal, value: 100}
        expect:
          - {party: alliantie, period: 2022, status: at_risk, value: 50}
          - {party: portaal, period: 2022, status: not_met}
          - {party: joint, period: 2022, status: not_met, value: 50.5}
      - as_of: 2023-04-15
        figures: []
        expect:
          - {period: 2022, status: no_data}
          - {period: 2023, status: no_data}
"""
EXAMPLES_9 = """\
    examples:
      - as_of: 2022-06-30
        figures:
          - {period: 2022, party: gemeente, metric: evaluatie_afgerond, value: 2022-06-30}
        expect:
          - {party: gemeente, status: met}
      - as_of: 2022-07-01
        figures: []
        expect:
          - {status: not_met}
"""


def _mini_with(tmp_path: Path, after_ref: dict[str, str]) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(HERE / "fixtures" / "mini", target)
    (target / "metrics.yaml").write_bytes((HERE.parent / "metrics.yaml").read_bytes())
    index = target / "agreements.yaml"
    index.write_text(index.read_text(encoding="utf-8").replace("../../../metrics.yaml", "metrics.yaml"))
    rules = target / "rules" / "mini-2022-2023.yaml"
    lines = rules.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    current = None
    for line in lines:
        if line.startswith("  - ref:"):
            if current in after_ref:
                out.append(after_ref[current])
            current = line.split(":", 1)[1].strip().strip('"')
        elif current is not None and line.strip() and not line.startswith(" "):
            if current in after_ref:
                out.append(after_ref[current])
            current = None
        out.append(line)
    if current in after_ref:
        out.append(after_ref[current])
    rules.write_text("".join(out), encoding="utf-8")
    return index


def test_passing_examples(invoke: Any, tmp_path: Path) -> None:
    index = _mini_with(tmp_path, {"1": EXAMPLES_1, "9": EXAMPLES_9})
    result = invoke("verify", "--agreements", str(index), "mini-2022-2023")
    assert result.exit_code == 0, result.output
    assert "4 voorbeeld(en) in 2 regel(s): 0 klopt/kloppen niet" in result.stderr
    assert "regel(s) zonder voorbeelden" in result.stderr
    verbose = invoke("verify", "--agreements", str(index), "mini-2022-2023", "--verbose")
    listed = verbose.output.splitlines()
    assert "zonder voorbeelden: mini-2022-2023/2" in listed
    assert "zonder voorbeelden: mini-2022-2023/1" not in listed


def test_validate_accepts_examples(invoke: Any, tmp_path: Path) -> None:
    index = _mini_with(tmp_path, {"1": EXAMPLES_1})
    result = invoke("validate", "--agreements", str(index))
    assert result.exit_code == 0, result.output


def test_failing_example_is_reported_at_its_line(invoke: Any, tmp_path: Path) -> None:
    wrong = EXAMPLES_1.replace(
        "{party: alliantie, period: 2022, status: at_risk, value: 50}",
        "{party: alliantie, period: 2022, status: met}",
    )
    index = _mini_with(tmp_path, {"1": wrong})
    rules = index.parent / "rules" / "mini-2022-2023.yaml"
    line = next(n for n, text in enumerate(rules.read_text().splitlines(), 1) if "status: met}" in text)
    result = invoke("verify", "--agreements", str(index), "mini-2022-2023/1")
    assert result.exit_code == 1
    shown = [x for x in result.output.splitlines() if "verwacht" in x]
    assert len(shown) == 1
    assert shown[0].startswith(
        f"{rules.relative_to(Path.cwd()) if rules.is_relative_to(Path.cwd()) else rules}:{line}:"
    )
    assert "verwacht met, gekregen alliantie 2022: at_risk (50)" in shown[0]


def test_wrong_value_and_nothing_selected(invoke: Any, tmp_path: Path) -> None:
    wrong = EXAMPLES_1.replace("value: 50.5}", "value: 50}").replace(
        "{period: 2023, status: no_data}", "{party: hbva, status: no_data}"
    )
    index = _mini_with(tmp_path, {"1": wrong})
    result = invoke("--lang", "en", "verify", "--agreements", str(index))
    assert result.exit_code == 1
    assert "expected not_met (50), got joint 2022: not_met (50.5)" in result.output
    assert "no result with this party/period/project" in result.output


def test_an_example_with_a_figure_no_user_could_give(invoke: Any, tmp_path: Path) -> None:
    bad = EXAMPLES_9.replace("metric: evaluatie_afgerond", "metric: evaluatie_afgerondd")
    index = _mini_with(tmp_path, {"9": bad})
    result = invoke("verify", "--agreements", str(index))
    assert result.exit_code == 1
    assert "evaluatie_afgerondd" in result.output and "'evaluatie_afgerond'?" in result.output


def test_a_misspelt_example_key_is_a_schema_error(invoke: Any, tmp_path: Path) -> None:
    index = _mini_with(tmp_path, {"9": EXAMPLES_9.replace("expect:", "expected:", 1)})
    result = invoke("validate", "--agreements", str(index))
    assert result.exit_code == 2
    assert "expected" in result.output


def test_unknown_rule(invoke: Any, tmp_path: Path) -> None:
    index = _mini_with(tmp_path, {})
    result = invoke("verify", "--agreements", str(index), "mini-2022-2023/99")
    assert result.exit_code == 2


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_shipped_examples_hold(invoke: Any, lang: str) -> None:
    result = invoke("--lang", lang, "verify")
    assert result.exit_code == 0, result.output
    assert re.search(r"\b0 (klopt/kloppen niet|do\(es\) not hold)", result.stderr), result.stderr


def test_every_shipped_rule_has_examples_at_its_boundary() -> None:
    """Each rule of the shipped agreements carries examples (tests/agreements/boundary_examples.py
    writes them for a new rule: at the limit, just past it, without figures); a national rule set
    (`national: true` in the index) is not an agreement and is not asked for them here."""
    from prestatiecheck.loading.index import read_index
    from prestatiecheck.loading.rules import load_catalogue
    from prestatiecheck.verification import verify

    index = read_index()
    agreements = [str(e["id"]) for e in index.entries if e.get("national") is not True]
    outcome = verify(load_catalogue(only=agreements), agreements)
    assert outcome.failures == []
    assert outcome.without_examples == []
    assert outcome.examples >= 3 * outcome.rules_with_examples  # the limit, past it, and no data
