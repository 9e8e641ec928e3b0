"""The operations the CLI offers, as library calls: load, validate, evaluate. No printing here."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from prestatiecheck import progress
from prestatiecheck.errors import FiguresError, UsageError
from prestatiecheck.evaluation import Evaluation, evaluate
from prestatiecheck.i18n import did_you_mean, t
from prestatiecheck.loading.figures import RawRow, read_figures
from prestatiecheck.loading.resources import display_path
from prestatiecheck.loading.rules import agreement_ids as index_ids
from prestatiecheck.loading.rules import load_catalogue, national_ids
from prestatiecheck.model import Agreement, Catalogue, Figure, Problem, Result, Status
from prestatiecheck.shards import ShardSpec


@dataclass(frozen=True, kw_only=True)
class CheckOptions:
    figures: Sequence[Path]
    agreement: str | None = None
    agreements_index: str | None = None
    as_of: date
    parties: Sequence[str] = ()
    themes: Sequence[str] = ()
    national: bool = True  # apply the national rule set to the corporations (--no-national: False)


@dataclass
class LoadedFigures:
    catalogue: Catalogue
    agreement_ids: list[str]
    figures: list[Figure]
    files: list[str]
    notices: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # errors (load_figures raises them)
    supplied: int = 0  # rows with a value (a shard's share)


def resolve_agreement(wanted: str, known: Sequence[str]) -> str:
    """The agreement id ``wanted`` stands for (case does not matter), else a usage error naming the known."""
    from prestatiecheck.ids import resolve, suggest

    found = resolve(wanted, known)
    if found is None:
        raise UsageError(
            t("unknown_agreement", agreement=wanted, known=", ".join(known))
            + suggest(wanted, [(k, k) for k in known])
        )
    return found


def load_figures(
    paths: Sequence[Path],
    *,
    agreement: str | None,
    agreements_index: str | None,
    require_figures: bool = True,
) -> LoadedFigures:
    """Read and check every figures file against the selected agreement(s); raise with all problems."""
    loaded = check_figures(paths, agreement=agreement, agreements_index=agreements_index)
    if loaded.problems:
        raise FiguresError(loaded.problems)
    if require_figures and not loaded.figures:
        raise FiguresError([Problem(_loc(", ".join(loaded.files)), t("figures_none_supplied"))])
    return loaded


def check_figures(
    paths: Sequence[Path],
    *,
    agreement: str | None,
    agreements_index: str | None,
    shard: ShardSpec | None = None,
) -> LoadedFigures:
    """Read and check the figures files: the figures and every problem with them (not raised).

    With ``shard``, only the rows of the agreements that shard owns (and, for the first
    shard, the rows that belong to no known agreement and the problems of reading) are
    kept: each worker process of ``check --jobs`` checks its own share.
    """
    known = index_ids(agreements_index)
    if agreement is not None:
        agreement = resolve_agreement(agreement, known)
    keep = None if shard is None or shard.count == 1 else shard.keeper(agreement, frozenset(known))
    first = shard is None or shard.index == 0  # the shard that reports on the files themselves
    per_file: list[list[RawRow]] = []
    problems: list[Problem] = []
    paths, twice = _once(paths)
    for number, path in enumerate(paths):
        progress.report("figures", display_path(Path(path)), number, len(paths) if len(paths) > 1 else None)
        raw = read_figures(Path(path), keep=keep)
        per_file.append(raw.rows if keep is None else [r for r in raw.rows if keep(r.agreement)])
        problems.extend(raw.problems)
    progress.done()
    if keep is not None and shard is not None and shard.index != 0:
        problems = []  # the first shard reports what is wrong with the files themselves
    supplied = 0  # rows with a value
    named: set[str] = set()  # the agreements they name
    without = False  # a row with a value names no agreement
    for chunk in per_file:
        for r in chunk:
            if r.value not in (None, ""):
                supplied += 1
                name = str(r.agreement or "").strip()
                if name:
                    named.add(name)
                else:
                    without = True
    from prestatiecheck.validation.figures import best_agreement, check_set, convert_rows, other_agreement

    rows: list[RawRow] = []  # every row, kept only when an agreement is asked (for the messages)
    if agreement is not None:
        rows = [r for chunk in per_file for r in chunk]
        per_file = [rows]
        selected = [agreement]
        problems.extend(other_agreement(rows, agreement, known))  # a file of another agreement
    else:
        if without or (shard is None and not supplied and not problems):
            raise UsageError(t("agreement_required", known=", ".join(known)))
        known_set = frozenset(known)  # (a list is searched per row)
        selected = sorted(a for a in named if a in known_set)
    if shard is not None:
        selected = [a for a in selected if shard.owns(a)]
        catalogue = load_catalogue(agreements_index, only=selected)
    else:
        catalogue = load_catalogue(agreements_index, only=selected or None)
    # (each file's rows let go once they are figures: a national run's rows take more memory
    # than its figures)
    checked = convert_rows(_drain(per_file), catalogue, selected, agreement, known, set_checks=False)
    check_set(checked, catalogue)
    if checked.problems and agreement is not None and selected:
        # Figures of another agreement give an error on nearly every row: say it once.
        mismatch = best_agreement(rows, agreement, load_catalogue(agreements_index, only=known), known)
        if mismatch is not None:
            checked.problems = [mismatch]
    problems.extend(checked.problems)
    files = [display_path(Path(p)) for p in paths]
    notices = (twice if first else []) + checked.notices
    return LoadedFigures(catalogue, selected, checked.figures, files, notices, problems, supplied)


def _drain(per_file: list[list[RawRow]]) -> Iterator[RawRow]:
    """The rows of each file in turn; a file's rows are let go once they are given."""
    while per_file:
        yield from per_file.pop(0)


def _once(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The figures files, each once: the same file given twice is read once, with a notice."""
    import os

    seen: dict[object, Path] = {}
    kept: list[Path] = []
    notices: list[Problem] = []
    for path in paths:
        try:
            info = os.stat(path)
            key: object = (info.st_dev, info.st_ino)
        except OSError:
            key = os.path.abspath(path)  # reading it will say what is wrong
        first = seen.get(key)
        if first is not None:
            notices.append(
                Problem(
                    _loc(display_path(Path(path))),
                    t("figures_file_twice", first=display_path(Path(first))),
                    severity="warning",
                )
            )
            continue
        seen[key] = Path(path)
        kept.append(Path(path))
    return kept, notices


def _loc(shown: str):  # type: ignore[no-untyped-def]
    from prestatiecheck.model import Location

    return Location(shown)


def national_scope(
    catalogue: Catalogue,
    agreement_id: str,
    own: Sequence[Figure],
    *,
    enabled: bool = True,
    from_figures: bool = True,
) -> Agreement | None:
    """The national rule set scoped to one agreement's corporations (None: nothing to check).

    ``own``: that agreement's figures. ``from_figures``: for the calendar years of the
    agreement's period that its figures cover, else every year of its period. The national rule
    set itself, when it is the checked agreement, is scoped to the parties and years of its
    figures (also with ``enabled`` False: --no-national leaves out what is added, not what is asked).
    """
    from prestatiecheck import national

    law = catalogue.national
    agreement = catalogue.agreements[agreement_id]
    if law is None or (not enabled and not agreement.national):
        return None
    years = {y for f in own for y in f.period.years}
    wanted = set(agreement.period.years)
    if from_figures:
        wanted = years if agreement.national else wanted & years
    parties = {f.party for f in own if f.party is not None}
    return national.scope(law, agreement, wanted, parties=parties, title=t("national_title"))


def with_national(catalogue: Catalogue, scopes: Collection[Agreement]) -> Catalogue:
    """The catalogue in which the renderers find the national rule set under its own id, titled
    "Wettelijke normen", with every corporation it was applied to."""
    from dataclasses import replace

    from prestatiecheck import national

    law = catalogue.national
    if law is None or not scopes:
        return catalogue
    display = national.for_display(law, scopes, t("national_title"))
    return replace(catalogue, agreements={**catalogue.agreements, law.id: display}, _merged={})


def national_scopes(
    catalogue: Catalogue,
    agreement_ids: Sequence[str],
    figures: Sequence[Figure],
    *,
    enabled: bool = True,
    from_figures: bool = True,
) -> tuple[Catalogue, dict[str, Agreement]]:
    """``national_scope`` for each selected agreement, and ``with_national`` of the catalogue."""
    if catalogue.national is None:
        return catalogue, {}
    by_agreement: dict[str | None, list[Figure]] = {}
    for f in figures:
        by_agreement.setdefault(f.agreement, []).append(f)
    scopes: dict[str, Agreement] = {}
    for agreement_id in agreement_ids:
        scoped = national_scope(
            catalogue,
            agreement_id,
            by_agreement.get(agreement_id, []),
            enabled=enabled,
            from_figures=from_figures,
        )
        if scoped is not None:
            scopes[agreement_id] = scoped
    return with_national(catalogue, list(scopes.values())), scopes


def national_themes(catalogue: Catalogue, enabled: bool) -> list[str]:
    """The themes the national rule set adds to a check (none with --no-national)."""
    law = catalogue.national
    return sorted({r.theme for r in law.rules}) if enabled and law is not None else []


def check_themes(
    catalogue: Catalogue, agreement_ids: Sequence[str], themes: Sequence[str], national: bool = False
) -> None:
    available = sorted(
        {r.theme for a in agreement_ids for r in catalogue.agreements[a].rules}
        | set(national_themes(catalogue, national))
    )
    check_theme_options(available, themes)


def check_theme_options(available: Sequence[str], themes: Sequence[str]) -> None:
    """--theme: each must be a theme of the selected agreements (``available``, sorted)."""
    folded = {x.casefold() for x in available}
    for theme in themes:
        if theme.casefold() not in folded:
            raise UsageError(
                t("unknown_theme", theme=theme, known="; ".join(available)) + did_you_mean(theme, available)
            )


def check_parties(
    catalogue: Catalogue, agreement_ids: Sequence[str], parties: Sequence[str], national: bool = False
) -> tuple[str, ...]:
    """The party ids as the agreements spell them (case does not matter on the command line);
    ``national``: also the corporations the national rule set was applied to."""
    ids = list(agreement_ids) + ([catalogue.national.id] if national and catalogue.national else [])
    available = sorted({p for a in ids for p in catalogue.agreements[a].party_ids})
    return check_party_options(available, parties)


def check_party_options(available: Sequence[str], parties: Sequence[str]) -> tuple[str, ...]:
    """--party: each must be a party of the selected agreements (``available``, sorted); the ids
    as the agreements spell them."""
    from prestatiecheck.ids import resolve

    found = []
    for party in parties:
        canonical = resolve(party, available)
        if canonical is None:
            raise UsageError(
                t("unknown_party_option", party=party, known=", ".join(available))
                + did_you_mean(party, available)
            )
        found.append(canonical)
    return tuple(found)


def run_check(options: CheckOptions) -> Evaluation:
    """A check with every result in memory (reports, Excel, saved results); ``check`` itself
    writes while it evaluates (``streaming.start_check``)."""
    from prestatiecheck.streaming import start_check  # (streaming builds on this module)

    return start_check(options).collect()


@dataclass(frozen=True, kw_only=True)
class DeadlineOptions:
    as_of: date
    within: int = 60
    agreements: Sequence[str] = ()
    agreements_index: str | None = None
    figures: Sequence[Path] = ()
    parties: Sequence[str] = ()
    include_done: bool = False
    national: bool = True


def run_deadlines(options: DeadlineOptions) -> Evaluation:
    """The agenda: deadlines missed or coming up within ``within`` days of the as-of date."""
    if options.figures:
        agreement = options.agreements[0] if len(options.agreements) == 1 else None
        loaded = load_figures(
            options.figures,
            agreement=agreement,
            agreements_index=options.agreements_index,
            require_figures=False,
        )
        catalogue, ids, figures, files = loaded.catalogue, loaded.agreement_ids, loaded.figures, loaded.files
    else:
        known = index_ids(options.agreements_index)
        ids = [resolve_agreement(wanted, known) for wanted in options.agreements] or [
            a for a in known if a not in national_ids(options.agreements_index)
        ]
        catalogue = load_catalogue(options.agreements_index, only=ids)
        figures, files = [], []
    # The statutory deadlines recur every year of each agreement's period, per corporation.
    catalogue, scopes = national_scopes(catalogue, ids, figures, enabled=options.national, from_figures=False)
    parties = check_parties(catalogue, ids, options.parties, national=bool(scopes))
    results, _ = evaluate(
        catalogue,
        figures,
        ids,
        options.as_of,
        parties=parties or None,
        kinds={"deadline"},
        national=scopes,
    )
    start = options.as_of - timedelta(days=options.within)
    end = options.as_of + timedelta(days=options.within)
    agenda = [
        r
        for r in results
        if isinstance(r.limit, date)
        and start <= r.limit <= end
        and (options.include_done or r.status not in (Status.MET,) and r.detail != "done_late")
    ]
    agenda.sort(key=_due_key)
    return Evaluation(
        as_of=options.as_of,
        catalogue=catalogue,
        agreements=[catalogue.agreements[a] for a in ids],
        results=agenda,
        figures_files=files,
        figures_count=len(figures),
    )


def _due_key(result: Result) -> tuple[date, str, str]:
    due = result.limit if isinstance(result.limit, date) else date.max
    return (due, result.rule.id, result.party or "")


@dataclass
class ValidationOutcome:
    problems: list[Problem]
    files: int


def run_validate(
    paths: Sequence[Path], *, agreement: str | None, agreements_index: str | None
) -> ValidationOutcome:
    """Every problem in the index, the vocabulary, every rule file and the given files, in one pass."""
    from prestatiecheck.errors import InputError
    from prestatiecheck.loading.index import read_index
    from prestatiecheck.loading.rules import inspect_catalogue, inspect_rule_file
    from prestatiecheck.loading.yamlsafe import load_yaml

    catalogue, problems = inspect_catalogue(agreements_index, strict=True)
    if catalogue is not None:
        from prestatiecheck.validation.national import law_problems

        problems += law_problems(catalogue)
    try:  # the indexes, the vocabularies and every rule file they name, also when some are broken
        index = read_index(agreements_index)
        files = len(index.files) + len(index.metrics_files()) + len(index.ids)
        if index.user is not None:  # the user's own files; the shipped ones only for errors
            shipped = {display_path(f) for i, f in index.rule_files.items() if index.origin[i].packaged}
            shipped |= {display_path(p) for p, o in index.metrics_files() if o.packaged}
            shipped.add(index.shipped.shown)
            problems = [p for p in problems if p.severity == "error" or p.location.file not in shipped]
    except InputError:
        files = 1
    figures_paths: list[Path] = []
    for path in paths:
        if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
            data, _ = load_yaml(path)
            if isinstance(data, dict) and "rules" in data and "agreement" in data:
                shared = catalogue.metrics if catalogue else {}
                problems += inspect_rule_file(path, shared)
                files += 1
                continue
            if isinstance(data, dict) and "agreements" in data and "figures" not in data:
                _, more = inspect_catalogue(str(path), strict=True)
                problems += more
                files += 1
                continue
        figures_paths.append(path)
    if figures_paths:
        files += len(figures_paths)
        try:
            loaded = load_figures(
                figures_paths, agreement=agreement, agreements_index=agreements_index, require_figures=False
            )
            problems += loaded.notices
        except InputError as e:
            problems += e.problems
    return ValidationOutcome(sorted(set(problems)), files)


def load_selected(agreements: Sequence[str], agreements_index: str | None) -> tuple[Catalogue, list[str]]:
    known = index_ids(agreements_index)
    ids = list(dict.fromkeys(resolve_agreement(wanted, known) for wanted in agreements)) or known
    return load_catalogue(agreements_index, only=ids), ids


def find_rule(rule_id: str, agreements_index: str | None):  # type: ignore[no-untyped-def]
    """The rule ``rule_id`` names: a full id (case does not matter) or, when one agreement has it,
    the rule's own part (``1Y``); several agreements with that part: a usage error listing them."""
    from prestatiecheck.ids import match, resolve, suggest

    known = index_ids(agreements_index)
    agreement_part, slash, ref = rule_id.strip().partition("/")
    agreement_id = resolve(agreement_part, known) if slash else None
    only = [agreement_id] if agreement_id else None
    catalogue = load_catalogue(agreements_index, only=only)
    rules = [r for a in (only or known) for r in catalogue.agreements[a].rules]
    if agreement_id:
        found = [r for r in rules if r.ref in match(ref, [r.ref for r in rules])]
    else:
        refs = [r.ref for r in rules]
        by_id = match(rule_id.strip(), [r.id for r in rules])
        found = (
            [r for r in rules if r.id in by_id]
            if slash
            else [r for r in rules if r.ref in match(rule_id, refs)]
        )
    if len(found) == 1:
        return catalogue, found[0]
    if len(found) > 1:
        raise UsageError(t("rule_ambiguous", rule=rule_id, candidates=", ".join(r.id for r in found)))
    typed = [(r.id, r.id) for r in rules] + ([] if slash else [(r.ref, r.id) for r in rules])
    raise UsageError(t("unknown_rule", rule=rule_id) + suggest(rule_id.strip(), typed))
