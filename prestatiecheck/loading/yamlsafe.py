"""Strict YAML: a safe loader that keeps positions, refuses duplicate keys and the YAML 1.1 surprises.

Plain scalars are resolved here, not by PyYAML's YAML 1.1 resolver: ``true``/``false``,
``null``, integers, decimals (exact, as ``Decimal``) and ISO dates. Words that YAML 1.1
would silently turn into something else (``no``, ``on``, ``1e3``, ``012``, ``1:30``)
are reported as problems with their position so the author can quote them.
"""

from __future__ import annotations

import pickle
import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from prestatiecheck.i18n import get_language, t, thousands
from prestatiecheck.loading.textfile import Unreadable, read_text
from prestatiecheck.model import Location, Problem

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(_Base):  # type: ignore[misc,valid-type]
    """No implicit resolvers: every plain scalar arrives as a string; we resolve it."""

    yaml_implicit_resolvers: dict[str, Any] = {}


_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
MAX_NUMBER_CHARS = 40  # a number written with more characters is no figure and no threshold
_DECIMAL = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_YAML11_NUMBERISH = [
    (re.compile(r"^[-+]?0[0-7_]+$"), "yaml_octal"),
    (re.compile(r"^[-+]?0[xob][0-9a-fA-F_]+$"), "yaml_octal"),
    (re.compile(r"^[-+]?([0-9][0-9_]*)?\.?[0-9_]*[eE][-+]?[0-9]+$"), "yaml_exponent"),
    (re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"), "yaml_sexagesimal"),
    (re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$"), "yaml_underscore"),
    (re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$"), "yaml_special_float"),
]


class Ambiguous(str):
    """A plain scalar YAML 1.1 would read differently; already reported, kept as text."""

    __slots__ = ()


class YamlMapping(dict):  # type: ignore[type-arg]
    """A dict that remembers where each key and value was written."""

    location: Location
    key_locations: dict[Any, Location]
    value_locations: dict[Any, Location]

    def where(self, key: Any) -> Location:
        return self.value_locations.get(key, self.key_locations.get(key, self.location))

    def where_key(self, key: Any) -> Location:
        return self.key_locations.get(key, self.location)


class YamlSequence(list):  # type: ignore[type-arg]
    location: Location
    item_locations: list[Location]

    def where(self, index: int) -> Location:
        if 0 <= index < len(self.item_locations):
            return self.item_locations[index]
        return self.location


def where(container: Any, key: Any, default: Location) -> Location:
    """Position of ``container[key]`` if the container remembers it."""
    if isinstance(container, YamlMapping):
        return container.where(key)
    if isinstance(container, YamlSequence) and isinstance(key, int):
        return container.where(key)
    return getattr(container, "location", default)


class _Converter:
    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []

    def loc(self, node: yaml.Node) -> Location:
        return Location(self.display, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            seq = YamlSequence(self.convert(item) for item in node.value)
            seq.location = self.loc(node)
            seq.item_locations = [self.loc(item) for item in node.value]
            return seq
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode) -> YamlMapping:
        result = YamlMapping()
        result.location = self.loc(node)
        result.key_locations = {}
        result.value_locations = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                self.problems.append(Problem(self.loc(key_node), t("yaml_merge_key")))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.loc(key_node), t("yaml_complex_key")))
                continue
            key = self.scalar(key_node)
            if isinstance(key, (list, dict)) or key is None:
                self.problems.append(Problem(self.loc(key_node), t("yaml_complex_key")))
                continue
            if key in result:
                first = result.key_locations[key]
                self.problems.append(
                    Problem(self.loc(key_node), t("yaml_duplicate_key", key=key, line=first.line))
                )
                continue
            result.key_locations[key] = self.loc(key_node)
            result.value_locations[key] = self.loc(value_node)
            result[key] = self.convert(value_node)
        return result

    def scalar(self, node: yaml.Node) -> Any:
        value: str = node.value
        if node.tag not in ("tag:yaml.org,2002:str", "!"):
            if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                return self.plain(node, value)
            if node.tag == "tag:yaml.org,2002:null":
                return None
            if node.tag == "tag:yaml.org,2002:bool" and value.lower() in ("true", "false"):
                return value.lower() == "true"
            self.problems.append(Problem(self.loc(node), t("yaml_tag", tag=node.tag)))
            return value
        if getattr(node, "style", None):  # quoted or block scalar: always text (plain is None or "")
            return value
        return self.plain(node, value)

    def plain(self, node: yaml.Node, value: str) -> Any:
        if value in ("", "~", "null", "Null", "NULL"):
            return None
        if value in ("true", "True", "TRUE"):
            return True
        if value in ("false", "False", "FALSE"):
            return False
        if value.lower() in _YAML11_BOOL:
            self.problems.append(Problem(self.loc(node), t("yaml_bool", value=value)))
            return Ambiguous(value)
        if (_INT.match(value) or _DECIMAL.match(value)) and len(value) > MAX_NUMBER_CHARS:
            # (an integer of thousands of digits: Python refuses to read it, and no figure is one)
            self.problems.append(Problem(self.loc(node), t("yaml_number_too_long", chars=MAX_NUMBER_CHARS)))
            return Ambiguous(value[:MAX_NUMBER_CHARS] + "…")
        if _INT.match(value):
            return int(value)
        if _DECIMAL.match(value):
            return Decimal(value)
        if m := _DATE.match(value):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                self.problems.append(Problem(self.loc(node), t("impossible_date", value=value)))
                return Ambiguous(value)
        for pattern, key in _YAML11_NUMBERISH:
            if pattern.match(value):
                self.problems.append(Problem(self.loc(node), t(key, value=value)))
                return Ambiguous(value)
        return value


MAX_DEPTH = 64  # nesting of mappings and lists; a rule file needs about ten
MAX_ALIAS_NODES = 100_000  # nodes that aliases may add to a document (a "billion laughs" adds 10**9)


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.message)


def _mark(display: str, mark: Any) -> Location:
    return Location(display, mark.line + 1, mark.column + 1) if mark is not None else Location(display)


def _check_depth(text: str, display: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before composing: the composer recurses (libyaml's in C,
    which a nesting of a hundred thousand levels crashes)."""
    depth = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    for event in yaml.parse(text, Loader=_PlainLoader):  # noqa: S506 - events only, nothing constructed
        if isinstance(event, starts):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(Problem(_mark(display, event.start_mark), t("yaml_too_deep", depth=MAX_DEPTH)))
        elif isinstance(event, ends):
            depth -= 1


def _check_aliases(root: yaml.Node, display: str) -> None:
    """Refuse a recursive alias, and aliases that would add more than MAX_ALIAS_NODES nodes.

    The composed document shares an aliased node wherever it is used; converting it copies
    the node each time. The size of each node as converted is counted first, once per node
    (bottom-up, without recursion), so a bomb is refused in time linear in its text.
    """
    size: dict[int, int] = {}
    distinct: set[int] = set()
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in size:
            continue
        if key in on_path:
            raise _Refused(Problem(_mark(display, node.start_mark), t("yaml_recursive_alias")))
        on_path.add(key)
        distinct.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in on_path:
                raise _Refused(Problem(_mark(display, child.start_mark), t("yaml_recursive_alias")))
            if id(child) not in size:
                stack.append((child, False))
    total = size[id(root)]
    if total - len(distinct) > MAX_ALIAS_NODES:
        # Name the smallest node that already expands too far: the bomb's top anchor.
        worst = min(
            (n for n in _walk_distinct(root) if size[id(n)] > MAX_ALIAS_NODES),
            key=lambda n: size[id(n)],
        )
        raise _Refused(
            Problem(_mark(display, worst.start_mark), t("yaml_alias_bomb", nodes=thousands(MAX_ALIAS_NODES)))
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [x for pair in node.value for x in pair]
    return []


def _walk_distinct(root: yaml.Node) -> list[yaml.Node]:
    seen: set[int] = set()
    out: list[yaml.Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        out.append(node)
        stack.extend(_children(node))
    return out


MEMO_MAX_CHARS = 256 * 1024  # small files (the index, the vocabulary) are remembered parsed


def parse_yaml(text: str, display: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; returns the data (None if unparseable) and every problem found.

    Bounded in time and memory: nesting deeper than MAX_DEPTH, a recursive alias and aliases
    that would add more than MAX_ALIAS_NODES nodes are refused with their position.

    A small text parsed before in this process (the index and the vocabulary are read several
    times in a run, and in every command of a test session) is not parsed again: the outcome is
    kept pickled, so each caller gets its own copy (about 20 times faster than parsing).
    """
    if len(text) > MEMO_MAX_CHARS:
        return _parse(text, display)
    return pickle.loads(_parsed(text, display, get_language()))  # noqa: S301 - made by this process


@lru_cache(maxsize=32)
def _parsed(text: str, display: str, language: str) -> bytes:
    """``_parse`` pickled; ``language``: the problems are in the current language."""
    return pickle.dumps(_parse(text, display), protocol=pickle.HIGHEST_PROTOCOL)


def _parse(text: str, display: str) -> tuple[Any, list[Problem]]:
    try:
        _check_depth(text, display)
        node = yaml.compose(text, Loader=_PlainLoader)  # noqa: S506 - safe loader subclass
        if node is not None and "*" in text:  # (without a '*' there is no alias: nothing shared)
            _check_aliases(node, display)
    except _Refused as e:
        return None, [e.problem]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        reason = " ".join(x for x in (e.context, e.problem) if x)
        return None, [Problem(where, t("yaml_malformed", reason=reason))]
    except yaml.YAMLError as e:
        return None, [Problem(Location(display), t("yaml_malformed", reason=str(e)))]
    if node is None:
        return None, [Problem(Location(display), t("file_empty"))]
    converter = _Converter(display)
    data = converter.convert(node)
    return data, converter.problems


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, list[Problem]]:
    shown = display or str(path)
    try:
        text = read_text(path, display=shown)
    except Unreadable as e:
        return None, [e.problem]
    return parse_yaml(text, shown)
