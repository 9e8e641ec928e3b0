"""``todo:`` markers: what a draft (or a person) left to be checked. Each is an error until removed.

``prestatiecheck draft`` puts a ``todo:`` on the agreement head, every proposed rule and every
context item. A rule file that still has one is not finished: ``validate`` reports each marker
at its line, and ``check`` refuses the file, so a guess is never reported as a verdict.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from prestatiecheck.i18n import t
from prestatiecheck.loading.yamlsafe import where
from prestatiecheck.model import Location, Problem


def todo_problems(data: Mapping[str, Any], root: Location) -> list[Problem]:
    return list(_todos(data, root))


def _todos(data: Mapping[str, Any], root: Location) -> Iterator[Problem]:
    places: list[tuple[Any, Location, str]] = []
    head = data.get("agreement")
    if isinstance(head, Mapping):
        places.append((head, where(data, "agreement", root), "agreement"))
    for section in ("rules", "context"):
        items = data.get(section)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, Mapping):
                    label = f"{section}[{item.get('ref', i + 1)}]"
                    places.append((item, where(items, i, root), label))
    for item, loc, label in places:
        if "todo" not in item:
            continue
        todo = item["todo"]
        todo_loc = where(item, "todo", loc)
        entries = todo if isinstance(todo, list) else [todo]
        if not entries:
            yield Problem(todo_loc, t("todo_left", item=label, text="-"))
        for n, entry in enumerate(entries):
            entry_loc = where(todo, n, todo_loc) if isinstance(todo, list) else todo_loc
            yield Problem(entry_loc, t("todo_left", item=label, text=" ".join(str(entry).split())))
