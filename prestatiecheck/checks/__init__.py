"""The check kinds: one module per kind, one interface, one registry.

Each kind module declares ``ID``, ``SCHEMA`` (its own keys, as JSON Schema),
``DEFAULT_MARGIN``, ``metrics(check)`` (the figures it needs), ``validate(check)``
(messages about the check beyond the schema) and ``evaluate(rule, ctx)`` (results).
"""

from __future__ import annotations

from types import ModuleType

from prestatiecheck.checks import (
    band,
    compare,
    count,
    deadline,
    project_share,
    share,
    target,
    value,
)

KINDS: dict[str, ModuleType] = {
    module.ID: module for module in (share, band, value, compare, target, count, deadline, project_share)
}


class UnknownKind(KeyError):
    pass


def get(name: str) -> ModuleType:
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None
