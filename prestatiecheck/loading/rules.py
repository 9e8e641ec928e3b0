"""Loading agreements.yaml, the metric vocabulary and the rule files into a Catalogue.

Every problem in every file is collected before anything is raised. Files the
user points at (``--agreements``) are also checked against the JSON schemas; the
rule files shipped with the package are validated by the test suite and by
``prestatiecheck validate``, so ``check`` skips that step for them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prestatiecheck.errors import RuleFileError, UsageError
from prestatiecheck.i18n import did_you_mean, t
from prestatiecheck.loading.resources import display_path
from prestatiecheck.loading.textfile import Unreadable, decode_text, read_bytes
from prestatiecheck.loading.yamlsafe import load_yaml, parse_yaml, where
from prestatiecheck.model import (
    Agreement,
    Catalogue,
    ContextItem,
    DatedValue,
    Derivation,
    LegalSource,
    Location,
    Metric,
    NationalOverride,
    Parameter,
    Party,
    PendingLaw,
    Problem,
    Rule,
    Source,
    Table,
)
from prestatiecheck.periods import parse_period

if TYPE_CHECKING:
    from prestatiecheck.loading.index import Index


def metrics_from(raw: Mapping[str, Any] | None) -> dict[str, Metric]:
    out: dict[str, Metric] = {}
    for name, spec in (raw or {}).items():
        if not isinstance(spec, Mapping):
            continue
        out[name] = Metric(
            name=name,
            unit=str(spec.get("unit", "number")),
            nl=str(spec.get("nl", name)),
            en=str(spec.get("en", name)),
            part_of=spec.get("part_of"),
            signed=bool(spec.get("signed")),
        )
    return out


def derivations_from(raw: Mapping[str, Any] | None) -> dict[str, Derivation]:
    out: dict[str, Derivation] = {}
    for name, spec in (raw or {}).items():
        derived = spec.get("derived") if isinstance(spec, Mapping) else None
        if derived:
            out[name] = Derivation(tuple(derived.get("plus", [])), tuple(derived.get("minus", [])))
    return out


def _schema(data: Any, name: str, display: str, strict: bool) -> list[Problem]:
    if not strict:
        return []
    from prestatiecheck.validation.schema import load_schema, schema_problems

    return schema_problems(data, load_schema(name), display)


class _Loader:
    def __init__(self, index: Path, strict: bool):
        self.index = index
        self.strict = strict
        self.problems: list[Problem] = []

    def yaml(self, path: Path, content: bytes | None = None) -> tuple[Any, str]:
        """The file as data; ``content``: its bytes, when already read."""
        shown = display_path(path)
        if content is None:
            data, problems = load_yaml(path, shown)
        else:
            try:
                data, problems = parse_yaml(decode_text(content, shown), shown)
            except Unreadable as e:
                data, problems = None, [e.problem]
        self.problems += problems
        if data is not None and not isinstance(data, Mapping):
            self.problems.append(Problem(Location(shown, 1, 1), t("yaml_not_mapping")))
            return None, shown
        return data, shown


def read_index(explicit: str | Path | None = None) -> Index:
    """The shipped agreements index plus the user's own (see loading/index.py)."""
    from prestatiecheck.loading.index import read_index as read

    return read(explicit)


def agreement_ids(explicit: str | Path | None = None) -> list[str]:
    return read_index(explicit).ids


def national_ids(explicit: str | Path | None = None) -> list[str]:
    """The national rule sets of the index (``national: true``): loaded with every selection."""
    return [str(a["id"]) for a in read_index(explicit).entries if a.get("national") is True]


def load_catalogue(
    explicit: str | Path | None = None,
    *,
    only: Collection[str] | None = None,
    strict: bool | None = None,
) -> Catalogue:
    """Load the index, the vocabulary and (the selected) rule files; raise on any error."""
    catalogue, problems = inspect_catalogue(explicit, only=only, strict=strict)
    if catalogue is None:
        raise RuleFileError(problems)
    return catalogue


def inspect_catalogue(
    explicit: str | Path | None = None,
    *,
    only: Collection[str] | None = None,
    strict: bool | None = None,
) -> tuple[Catalogue | None, list[Problem]]:
    """Load what can be loaded; every problem (errors and warnings) in every file, and the
    catalogue when there was no error. ``strict``: validate every file against the schemas
    (default: only the user's own files; the shipped ones are validated by the test suite)."""
    index = read_index(explicit)
    path = index.user.path if index.user else index.shipped.path
    loader = _Loader(path, strict=bool(strict))
    entries = list(index.entries)
    known_ids = index.ids
    if only is not None:
        for wanted in only:
            if wanted not in known_ids:
                raise UsageError(
                    t("unknown_agreement", agreement=wanted, known=", ".join(known_ids))
                    + did_you_mean(wanted, known_ids)
                )
        # The national rule set applies to every selected agreement: always loaded with them.
        only = set(only) | {str(a["id"]) for a in entries if a.get("national") is True}

    shared, derivations = _vocabulary(loader, index, strict)

    agreements: dict[str, Agreement] = {}
    for entry in entries:
        agreement_id = str(entry["id"])
        if only is not None and agreement_id not in only:
            continue
        loader.strict = strict if strict is not None else not index.origin[agreement_id].packaged
        agreement = _load_agreement(loader, index.rule_files[agreement_id], agreement_id, shared)
        if agreement is not None:
            agreements[agreement_id] = replace(agreement, vocabulary={**shared, **agreement.metrics})
    problems = sorted(loader.problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Catalogue(
        index_file=path,
        metrics=shared,
        agreements=agreements,
        warnings=tuple(p for p in problems if p.severity == "warning"),
        derivations=derivations,
        known_ids=tuple(known_ids),
    ), problems


def _vocabulary(
    loader: _Loader, index: Index, strict: bool | None
) -> tuple[dict[str, Metric], dict[str, Derivation]]:
    """The shipped metrics, then those of the user's own metrics file (if its index names one):
    a name the shipped vocabulary has keeps its shipped meaning; another unit is an error."""
    from prestatiecheck.validation.rules import metric_problems

    shared_raw: dict[str, Any] = {}
    first_file = ""
    for metrics_path, owner in index.metrics_files():
        loader.strict = strict if strict is not None else not owner.packaged
        data, shown = loader.yaml(metrics_path)
        if data is None:
            continue
        found = _schema(data, "metrics.schema.json", shown, loader.strict)
        loader.problems += found
        if found:
            continue
        raw = data.get("metrics") or {}
        known = metrics_from(shared_raw)
        loader.problems += metric_problems(raw, shown, known, data.location, known_file=first_file)
        for name, spec in raw.items():
            shared_raw.setdefault(name, spec)
        first_file = first_file or shown
    return metrics_from(shared_raw), derivations_from(shared_raw)


def inspect_rule_file(path: Path, shared: Mapping[str, Metric]) -> list[Problem]:
    """A rule file on its own (not via the index), fully validated."""
    loader = _Loader(path, strict=True)
    _load_agreement(loader, path, None, shared)
    return sorted(loader.problems)


def _load_agreement(
    loader: _Loader, path: Path, agreement_id: str | None, shared: Mapping[str, Metric]
) -> Agreement | None:
    from prestatiecheck.i18n import get_language
    from prestatiecheck.loading import cache

    shown = display_path(path)
    try:
        content = read_bytes(path, display=shown)
    except Unreadable as e:
        loader.problems.append(e.problem)
        return None
    # Keyed by the file's content and where it really is (not how it is named on this command
    # line: a relative path after an absolute one is the same file); the names in messages are
    # put right after loading.
    entry = cache.key(
        content, _resolved(path), agreement_id, loader.strict, get_language(), sorted(shared.items())
    )
    cached = cache.get(entry)
    if cached is not None:
        agreement, warnings, cached_shown = cached
        if cached_shown != shown or agreement.file != path:
            agreement, warnings = _relocated(agreement, warnings, cached_shown, path, shown)
        loader.problems += warnings
        return agreement  # type: ignore[no-any-return]
    agreement = _load_agreement_uncached(loader, path, agreement_id, shared, content)
    if agreement is not None:
        cache.put(entry, (agreement, [p for p in loader.problems if p.location.file == shown], shown))
    return agreement


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def _relocated(
    agreement: Agreement, warnings: list[Problem], old: str, path: Path, shown: str
) -> tuple[Agreement, list[Problem]]:
    """A cached agreement as loaded from ``path``, named ``shown`` (it was cached under ``old``)."""
    import dataclasses

    def moved(location: Location) -> Location:
        return location._replace(file=shown) if location.file == old else location

    rules = tuple(dataclasses.replace(r, location=moved(r.location)) for r in agreement.rules)
    tables = {k: dataclasses.replace(v, location=moved(v.location)) for k, v in agreement.tables.items()}
    agreement = dataclasses.replace(agreement, file=path, rules=rules, tables=tables)
    return agreement, [dataclasses.replace(p, location=moved(p.location)) for p in warnings]


def _load_agreement_uncached(
    loader: _Loader,
    path: Path,
    agreement_id: str | None,
    shared: Mapping[str, Metric],
    content: bytes | None = None,
) -> Agreement | None:
    from prestatiecheck.validation.rules import rule_file_problems

    data, shown = loader.yaml(path, content)
    if data is None:
        return None
    found = _schema(data, "rule-file.schema.json", shown, loader.strict)
    # Semantic checks run even after schema errors, so one pass reports everything it can.
    semantic = rule_file_problems(data, shown, agreement_id, shared, strict=loader.strict)
    reported = set(found)
    loader.problems += found + [p for p in semantic if p not in reported]
    if found or any(p.severity == "error" for p in semantic):
        return None
    return build_agreement(data, path, shown)


def _iso_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None  # reported by validation


def build_agreement(data: Mapping[str, Any], path: Path, shown: str) -> Agreement:
    meta = data["agreement"]
    agreement_id = str(meta["id"])
    parties = tuple(Party(str(p["id"]), str(p["name"]), str(p["role"])) for p in meta["parties"])
    document = str(meta["source"])
    rules = []
    for i, raw in enumerate(data["rules"]):
        ref = str(raw["ref"])
        loc = where(data["rules"], i, Location(shown))
        rules.append(
            Rule(
                id=f"{agreement_id}/{ref}",
                agreement_id=agreement_id,
                ref=ref,
                title=str(raw["title"]),
                theme=str(raw["theme"]),
                source=Source(document, str(raw["source"]["article"]), str(raw["source"]["quote"]).strip()),
                trekker=tuple(str(x) for x in raw["trekker"]),
                obligation=str(raw["obligation"]),
                check=_plain(raw["check"]),
                note=str(raw.get("note") or "").strip(),
                location=loc,
                note_en=str(raw.get("note_en") or "").strip(),
                reading=str(raw.get("reading") or "literal"),
                valid_from=_iso_date(raw.get("valid_from")),
                valid_to=_iso_date(raw.get("valid_to")),
                shows=tuple(str(x) for x in raw.get("shows") or ()),
            )
        )
    tables = {}
    for raw in data.get("tables") or []:
        tables[str(raw["id"])] = Table(
            id=str(raw["id"]),
            title=str(raw["title"]),
            article=str(raw.get("article") or ""),
            columns=tuple(str(c) for c in raw["columns"]),
            rows={str(k): tuple(Decimal(str(v)) for v in vs) for k, vs in raw["rows"].items()},
            total_column=raw.get("total_column"),
            sums={str(k): tuple(str(x) for x in v) for k, v in (raw.get("sums") or {}).items()},
            note=str(raw.get("note") or ""),
            location=getattr(raw, "location", Location(shown)),
            note_en=str(raw.get("note_en") or ""),
        )
    context = tuple(
        ContextItem(
            ref=str(c["ref"]),
            title=str(c["title"]),
            theme=str(c.get("theme") or ""),
            quote=str(c.get("quote") or "").strip(),
            note=str(c.get("note") or "").strip(),
            note_en=str(c.get("note_en") or "").strip(),
        )
        for c in data.get("context") or []
    )
    signed = meta.get("signed")
    return Agreement(
        id=agreement_id,
        title=str(meta["title"]),
        municipality=str(meta["municipality"]),
        period=parse_period(meta["period"]),
        parties=parties,
        source=document,
        rules=tuple(rules),
        file=path,
        signed=signed if isinstance(signed, date) else _iso_date(signed),
        context=context,
        tables=tables,
        coverage={str(k): tuple(str(x) for x in v) for k, v in (data.get("coverage") or {}).items()},
        metrics=metrics_from(data.get("metrics")),
        derivations=derivations_from(data.get("metrics")),
        national=meta.get("kind") == "national",
        parameters=parameters_from(data.get("parameters")),
        overrides={
            str(name): NationalOverride(
                parameter=str(name),
                value=Decimal(str(spec["value"])),
                article=str(spec["article"]),
                quote=str(spec.get("quote") or "").strip(),
            )
            for name, spec in (meta.get("national") or {}).items()
        },
        pending=tuple(
            PendingLaw(
                ref=str(p["ref"]),
                title=str(p["title"]),
                status=str(p["status"]).strip(),
                status_en=str(p["status_en"]).strip(),
                source=legal_source(p["source"]),
                mentions=tuple(str(m) for m in p.get("mentions") or ()),
            )
            for p in data.get("pending") or []
        ),
        local_norms=tuple(_plain(x) for x in data.get("local_norms") or []),
    )


def legal_source(raw: Mapping[str, Any]) -> LegalSource:
    return LegalSource(
        law=str(raw["law"]),
        article=str(raw["article"]),
        version=_iso_date(raw.get("version")),
        url=str(raw.get("url") or ""),
        publication=str(raw.get("publication") or "").strip(),
    )


def parameters_from(raw: Mapping[str, Any] | None) -> dict[str, Parameter]:
    """The national parameters of a rule file: each value dated, with its source."""
    out: dict[str, Parameter] = {}
    for name, spec in (raw or {}).items():
        values = []
        for v in spec["values"]:
            valid_from = _iso_date(v["valid_from"])
            if valid_from is None:
                continue  # reported by validation
            values.append(
                DatedValue(
                    valid_from=valid_from,
                    valid_to=_iso_date(v.get("valid_to")),
                    source=legal_source(v["source"]),
                    value=Decimal(str(v["value"])) if v.get("value") is not None else None,
                    complement_of=str(v["complement_of"]) if v.get("complement_of") else None,
                    verified=v.get("verified", True) is not False,
                    agreements_may_set={
                        str(k): Decimal(str(x)) for k, x in (v.get("agreements_may_set") or {}).items()
                    },
                    note=str(v.get("note") or "").strip(),
                    note_en=str(v.get("note_en") or "").strip(),
                )
            )
        out[str(name)] = Parameter(
            name=str(name),
            unit=str(spec["unit"]),
            nl=str(spec["nl"]),
            en=str(spec["en"]),
            values=tuple(sorted(values, key=lambda d: d.valid_from)),
        )
    return out


def _plain(value: Any) -> Any:
    """Strip the position bookkeeping: rules carry plain dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
