"""JSON Schema validation with messages a policy officer can act on.

jsonschema finds the problems; this module turns each into a ``Problem`` at the
position PyYAML recorded, in the user's language, with "did you mean" for
unknown keys and values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from prestatiecheck.i18n import did_you_mean, t
from prestatiecheck.loading.yamlsafe import YamlMapping, YamlSequence
from prestatiecheck.model import Location, Problem

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
_TYPE_WORDS = {
    "string": ("tekst", "text"),
    "integer": ("een geheel getal", "a whole number"),
    "number": ("een getal", "a number"),
    "boolean": ("true of false", "true or false"),
    "array": ("een lijst", "a list"),
    "object": ("een mapping (sleutel: waarde)", "a mapping (key: value)"),
    "null": ("leeg", "empty"),
}


@lru_cache(maxsize=8)
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _type_words(types: Any) -> str:
    from prestatiecheck.i18n import get_language

    index = 1 if get_language() == "en" else 0
    names = types if isinstance(types, list) else [types]
    return " / ".join(_TYPE_WORDS.get(n, (n, n))[index] for n in names)


def _locate(root: Any, path: Iterable[Any], fallback: Location) -> tuple[Any, Location]:
    node, where = root, getattr(root, "location", fallback)
    for step in path:
        parent = node
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(parent, (YamlMapping, YamlSequence)):
            where = parent.where(step)
    return node, where


def _python_types_ok(instance: Any, types: Any) -> bool:
    """Our YAML reads decimals as Decimal: jsonschema calls that no number, we do."""
    from decimal import Decimal

    names = types if isinstance(types, list) else [types]
    return isinstance(instance, Decimal) and "number" in names


@lru_cache(maxsize=1)
def _validator_class() -> Any:
    """Draft 2020-12, but with our YAML's Decimal as a number and our str subclass as a string."""
    import jsonschema
    from jsonschema import Draft202012Validator

    def is_number(checker: Any, instance: Any) -> bool:
        from decimal import Decimal

        return isinstance(instance, (int, float, Decimal)) and not isinstance(instance, bool)

    def is_string(checker: Any, instance: Any) -> bool:
        return isinstance(instance, str)

    def is_date(checker: Any, instance: Any) -> bool:
        from datetime import date

        return isinstance(instance, date)

    # "date": an unquoted YAML date (signed: 2021-12-14), which our loader reads as a date.
    type_checker = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"number": is_number, "string": is_string, "date": is_date}
    )
    return jsonschema.validators.extend(Draft202012Validator, type_checker=type_checker)


_VALIDATORS: dict[int, tuple[dict[str, Any], Any]] = {}


def _validator(schema: dict[str, Any]) -> Any:
    """One validator per schema object (building one costs more than validating a rule)."""
    cached = _VALIDATORS.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = (schema, _validator_class()(schema))
        _VALIDATORS[id(schema)] = cached
    return cached[1]


def schema_problems(data: Any, schema: dict[str, Any], display: str) -> list[Problem]:
    """Every schema violation in ``data`` as a positioned, translated Problem."""
    validator = _validator(schema)
    problems: list[Problem] = []
    root_location = getattr(data, "location", Location(display))
    for error in validator.iter_errors(data):
        problems.extend(_translate(error, data, root_location))
    return problems


def _translate(error: Any, data: Any, root: Location) -> list[Problem]:
    instance, where = _locate(data, error.absolute_path, root)
    field = _field(list(error.absolute_path))
    kind = error.validator
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        out = []
        for key in extra:
            key_where = instance.where_key(key) if isinstance(instance, YamlMapping) else where
            out.append(Problem(key_where, t("schema_unknown_key", key=key) + did_you_mean(key, allowed)))
        return out
    if kind == "required":
        missing = [k for k in error.validator_value if k not in instance]
        return [Problem(where, t("schema_missing_key", key=k)) for k in missing]
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return [
            Problem(
                where,
                t("schema_enum", value=instance, field=field, options=options)
                + did_you_mean(instance, error.validator_value),
            )
        ]
    if kind == "type":
        if _python_types_ok(instance, error.validator_value):
            return []
        return [
            Problem(
                where,
                t(
                    "schema_type",
                    field=field,
                    expected=_type_words(error.validator_value),
                    value=_show(instance),
                ),
            )
        ]
    if kind == "pattern":
        return [Problem(where, t("schema_pattern", value=instance, field=field))]
    if kind == "propertyNames":
        return [Problem(where, t("schema_pattern", value=error.instance, field=field))]
    if (
        kind == "oneOf"
        and isinstance(instance, dict)
        and {"max", "min"} & set(error.schema.get("properties", {}))
    ):
        return [Problem(where, t("schema_max_or_min"))]
    if kind in ("minimum", "exclusiveMinimum"):
        return [Problem(where, t("schema_minimum", field=field, value=instance, limit=error.validator_value))]
    if kind == "maximum":
        return [Problem(where, t("schema_maximum", field=field, value=instance, limit=error.validator_value))]
    if kind in ("minItems", "minProperties", "minLength"):
        return [Problem(where, t("schema_empty", field=field))]
    if kind == "uniqueItems":
        return [Problem(where, t("schema_unique", field=field))]
    if kind in ("anyOf", "oneOf"):
        return [Problem(where, t("schema_invalid", field=field, value=_show(instance)))]
    return [Problem(where, error.message)]


def _field(path: list[Any]) -> str:
    """The key a problem is about; an item of a list by its number and the list's key (a bare
    '1' read as a line number)."""
    if not path:
        return ""
    if not isinstance(path[-1], int):
        return str(path[-1])
    parent = next((str(p) for p in reversed(path) if not isinstance(p, int)), "")
    return t("schema_list_item", field=parent, number=path[-1] + 1)


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return type(value).__name__
    return repr(value) if isinstance(value, str) else str(value)
