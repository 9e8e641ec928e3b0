"""`prestatiecheck schema`: the editor schemas are stable, valid, packaged, and accept every shipped file."""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from prestatiecheck.editorschema import EDITOR_DIR, KINDS_OF_FILE, editor_schema_text
from prestatiecheck.loading.resources import PACKAGE_DIR
from prestatiecheck.loading.yamlsafe import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@pytest.mark.parametrize("kind", KINDS_OF_FILE)
def test_packaged_schema_equals_the_command_output(invoke: Any, kind: str) -> None:
    result = invoke("schema", kind)
    assert result.exit_code == 0
    assert result.output == editor_schema_text(kind)
    assert (EDITOR_DIR / f"{kind}.schema.json").read_text(encoding="utf-8") == result.output, (
        f"regenerate: prestatiecheck schema {kind} -o prestatiecheck/schemas/editor/{kind}.schema.json"
    )
    schema = json.loads(result.output)
    Draft202012Validator.check_schema(schema)
    assert editor_schema_text(kind) == result.output  # stable


def _described(node: Any, path: str = "") -> list[str]:
    missing = []
    if isinstance(node, dict):
        for key, child in (node.get("properties") or {}).items():
            if (
                not isinstance(child, dict)
                or "description" not in child
                or "no description yet" in child["description"]
            ):
                missing.append(f"{path}.{key}")
        for key, child in node.items():
            if key != "if":  # the condition that picks a check kind's keys describes nothing
                missing += _described(child, f"{path}.{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            missing += _described(child, f"{path}[{i}]")
    return missing


@pytest.mark.parametrize("kind", KINDS_OF_FILE)
def test_every_key_has_a_dutch_and_english_description(kind: str) -> None:
    schema = json.loads(editor_schema_text(kind))
    assert _described(schema) == []
    text = json.dumps(schema, ensure_ascii=False)
    assert "Verbatim quote" in text or kind != "rule-file"


def test_allowed_values_are_listed() -> None:
    schema = json.loads(editor_schema_text("rule-file"))
    check = schema["properties"]["rules"]["items"]["properties"]["check"]
    assert (
        "share" in check["properties"]["kind"]["enum"] and "deadline" in check["properties"]["kind"]["enum"]
    )
    deadline = next(x["then"] for x in check["allOf"] if x["if"]["properties"]["kind"]["const"] == "deadline")
    assert deadline["properties"]["recurrence"]["enum"]
    assert "examples" in deadline["properties"]["due"]


def test_every_shipped_file_is_valid_against_its_schema() -> None:
    validators = {k: Draft202012Validator(json.loads(editor_schema_text(k))) for k in KINDS_OF_FILE}
    index, _ = load_yaml(ROOT / "agreements.yaml")
    assert not list(validators["agreements"].iter_errors(_plain(index)))
    for entry in index["agreements"]:
        data, _ = load_yaml(ROOT / entry["file"])
        errors = [f"{list(e.path)}: {e.message}" for e in validators["rule-file"].iter_errors(_plain(data))]
        assert errors == [], entry["file"]
    metrics, _ = load_yaml(ROOT / "metrics.yaml")
    assert not list(validators["metrics"].iter_errors(_plain(metrics)))
    for figures in sorted((ROOT / "examples").glob("*.yaml")):
        data, _ = load_yaml(figures)
        rows = data.get("figures", data) if isinstance(data, dict) else data
        assert not list(validators["figures"].iter_errors(_plain(rows))), figures


def test_a_wrong_rule_file_is_invalid() -> None:
    validator = Draft202012Validator(json.loads(editor_schema_text("rule-file")))
    data, _ = load_yaml(ROOT / "rules" / "amersfoort-2022-2023.yaml")
    plain = _plain(data)
    plain["rules"][0]["check"]["kind"] = "shares"
    assert list(validator.iter_errors(plain))


# -- the `# yaml-language-server: $schema=...` line of every shipped file -----------------------


def _shipped_yaml() -> dict[Path, str]:
    """Every shipped YAML file (as the package sees it, under prestatiecheck/data) with its schema kind."""
    data = PACKAGE_DIR / "data"
    found = {data / "agreements.yaml": "agreements", data / "metrics.yaml": "metrics"}
    found |= {path: "rule-file" for path in sorted((data / "rules").rglob("*.yaml"))}
    return found


def _schema_target(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{path}: first line {first!r}"
    return first[len(prefix) :]


def test_every_shipped_yaml_file_names_its_editor_schema() -> None:
    shipped = _shipped_yaml()
    index, _ = load_yaml(ROOT / "agreements.yaml")
    listed = {PACKAGE_DIR / "data" / str(e["file"]) for e in index["agreements"]}
    assert listed <= set(shipped) and len(shipped) >= 7
    for path, kind in shipped.items():
        target = _schema_target(path)
        assert not target.startswith(("/", "file:", "http")), f"{path}: not a relative path: {target}"
        assert Path(target).name == f"{kind}.schema.json", path
        # it resolves in a checkout (the files under rules/ and beside it) ...
        in_checkout = path.resolve().parent / target
        assert in_checkout.is_file(), f"{path.resolve()}: {target} does not resolve"
        assert in_checkout.resolve() == (EDITOR_DIR / f"{kind}.schema.json").resolve()
        # ... and in an installed package, where the files are under prestatiecheck/data (read
        # lexically: in a wheel prestatiecheck/data/rules is a folder, not a link to ../../rules)
        installed = Path(os.path.normpath(path.parent / target))
        assert installed.is_relative_to(PACKAGE_DIR / "data") and installed.is_file(), installed
        assert installed.read_bytes() == (EDITOR_DIR / f"{kind}.schema.json").read_bytes()


def test_the_schemas_those_lines_name_are_package_data() -> None:
    """A wheel holds what setup.cfg's package_data names: the paths the $schema lines reach must be in it."""
    import configparser
    from fnmatch import fnmatch

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    patterns = config["options.package_data"]["prestatiecheck"].split()
    for path in _shipped_yaml():
        inside = Path(os.path.normpath(path.parent / _schema_target(path))).relative_to(PACKAGE_DIR)
        assert any(fnmatch(str(inside), pattern) for pattern in patterns), f"{inside} is not package data"
