"""A check written while it is made: agreement by agreement, in this process or in worker processes.

A check has two phases. First every figures file is read and every figure checked
(``start_check``): every problem is reported before anything is written. Then the
agreements are evaluated one at a time, and each one's results are rendered and
written before the next is evaluated (``StreamedEvaluation.parts``). What stays in
memory is the figures of the agreements still to come and the count per status (for
the summary and the exit code), never the results of the whole run.

With ``jobs`` > 1 the agreements are divided over worker processes (``shards.py``):
each worker reads the figures files itself, keeps the rows of its own agreements,
checks them, then evaluates and renders its agreements; this process puts their
parts in order. The output is the same as with one job.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from prestatiecheck import progress
from prestatiecheck.errors import FiguresError, RuleFileError, UsageError
from prestatiecheck.evaluation import Evaluation, Tally, evaluate_agreement, group_by_agreement
from prestatiecheck.i18n import get_language, set_language, t
from prestatiecheck.model import Agreement, Catalogue, Location, Problem, Result
from prestatiecheck.pipeline import (
    CheckOptions,
    check_figures,
    check_party_options,
    check_theme_options,
    national_scopes,
)
from prestatiecheck.shards import ShardSpec
from prestatiecheck.validation.unread import not_begun, unread_notices

if TYPE_CHECKING:  # (multiprocessing is imported only when --jobs asks for workers)
    from multiprocessing.connection import Connection

RenderPart = Callable[[list[Result], Mapping[str, Agreement]], Any]
AHEAD = 8  # parts a worker may have finished before this process needs them


def usable_cores() -> int:
    """The cores this process may run on (``--jobs auto``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Checked:
    """What a shard found in the first phase: enough for this process to decide, before anything
    is written, whether the check can go on (sent from a worker process, so plain data)."""

    agreement_ids: list[str]
    problems: list[Problem]
    notices: list[Problem]
    supplied: int
    figures: int
    themes: list[str]
    parties: list[str]
    rule_problems: list[Problem] = field(default_factory=list)  # a rule file that does not load
    usage: str | None = None  # a usage error (said as it would be raised)
    not_begun: int = 0  # figures left out: their period had not begun on the as-of date


@dataclass
class Part:
    """One agreement, rendered, with what the summary and the exit code need."""

    agreement_id: str
    rendered: Any
    tally: Tally
    used: int
    notices: list[Problem] = field(default_factory=list)  # figures no rule read


class Shard:
    """The agreements one process evaluates: the first phase (``check``), then the second (``parts``)."""

    def __init__(self, options: CheckOptions, spec: ShardSpec):
        self.options = options
        self.spec = spec
        self.catalogue: Catalogue | None = None
        self._figures: list[Any] = []
        self.agreement_ids: list[str] = []
        self.scopes: dict[str, Agreement] = {}  # the national rule set for each agreement's corporations

    def check(self) -> Checked:
        options = self.options
        try:
            loaded = check_figures(
                options.figures,
                agreement=options.agreement,
                agreements_index=options.agreements_index,
                shard=self.spec,
            )
        except UsageError as e:
            return Checked([], [], [], 0, 0, [], [], usage=str(e))
        except RuleFileError as e:
            return Checked([], [], [], 0, 0, [], [], rule_problems=list(e.problems))
        # The national rule set: one more agreement alongside each checked one, scoped to its
        # corporations (the catalogue shows it under its own id, "Wettelijke normen").
        self.catalogue, self.scopes = national_scopes(
            loaded.catalogue, loaded.agreement_ids, loaded.figures, enabled=options.national
        )
        self.agreement_ids = loaded.agreement_ids
        agreements = [loaded.catalogue.agreements[a] for a in loaded.agreement_ids]
        windows = {a.id: a.period for a in agreements}
        self._figures, later = not_begun(loaded.figures, options.as_of, windows)
        agreements += list(self.scopes.values())
        return Checked(
            agreement_ids=loaded.agreement_ids,
            problems=loaded.problems,
            notices=loaded.notices + later,
            not_begun=len(loaded.figures) - len(self._figures),
            supplied=loaded.supplied,
            figures=len(loaded.figures),
            themes=sorted({r.theme for a in agreements for r in a.rules}),
            parties=sorted({p for a in agreements for p in a.party_ids}),
        )

    def parts(self, render_part: RenderPart, parties: Sequence[str] = ()) -> Iterator[Part]:
        """Each of this shard's agreements evaluated and rendered, in order; its figures are let go
        as soon as it is done. ``parties``: --party, as the agreements spell the ids."""
        options, catalogue = self.options, self.catalogue
        assert catalogue is not None
        groups = group_by_agreement(self._figures, self.agreement_ids)
        self._figures = []  # (each agreement's figures are let go once it is done)
        for agreement_id, own in groups:
            results, index = evaluate_agreement(
                catalogue,
                agreement_id,
                own,
                options.as_of,
                parties=parties or None,
                themes=options.themes or None,
                national=self.scopes.get(agreement_id),
            )
            tally = Tally()
            tally.add(results)
            shown = {agreement_id: catalogue.agreements[agreement_id]}
            scoped = self.scopes.get(agreement_id)
            if scoped is not None:
                shown[scoped.id] = scoped
            rendered = render_part(results, shown)
            used = len(index.used)
            if options.themes and index.unread():
                # A figure that only a rule of another theme reads is not lost: ask every rule.
                _, index = evaluate_agreement(
                    catalogue, agreement_id, own, options.as_of, national=self.scopes.get(agreement_id)
                )
            yield Part(agreement_id, rendered, tally, used, unread_notices({agreement_id: index}))


@dataclass
class StreamedEvaluation:
    """A check whose results are made while they are written (see the module's description).

    The renderers see what they see of an ``Evaluation``: the head before the parts, the
    counts once the parts are consumed.
    """

    as_of: date
    agreement_ids: list[str]
    figures_files: list[str]
    figures_count: int
    notices: list[Problem]
    _runner: _Runner
    parties: tuple[str, ...] = ()  # --party, as the agreements spell the ids
    tally: Tally = field(default_factory=Tally)
    figures_used: int = 0
    catalogue: Catalogue | None = None  # with one job: the agreements' rule files
    not_begun: int = 0  # figures left out because their period had not begun on the as-of date

    def parts(self, render_part: RenderPart) -> Iterator[Any]:
        """Each agreement's results rendered by ``render_part``, in order.

        Nothing is given out until some agreement read a figure: when none does, the figures
        match nothing, which is an error (raised before anything is written), unless figures
        were left out because their period had not begun (their results are pending).
        ``notices`` grows by the figures no rule read, agreement by agreement."""
        held: list[Any] = []
        for number, part in enumerate(self._runner.parts(render_part, self.parties), 1):
            progress.report("evaluate", part.agreement_id, number, len(self.agreement_ids))
            self.tally.merge(part.tally)
            self.figures_used += part.used
            self.notices.extend(part.notices)
            if self.figures_used == 0 and not self.not_begun:
                held.append(part.rendered)
                continue
            if held:
                yield from held
                held = []
            yield part.rendered
        progress.done()
        if self.figures_used == 0 and not self.not_begun:
            shown = _location(self.figures_files)
            ids = ", ".join(self.agreement_ids)
            raise FiguresError([Problem(shown, t("figures_match_nothing", agreement=ids)), *self.notices])

    def summary(self) -> dict[str, int]:
        return self.tally.summary()

    def information_summary(self) -> dict[str, int]:
        return self.tally.information_summary()

    def worst(self) -> int:
        return self.tally.worst()

    def collect(self) -> Evaluation:
        """All results in memory, as an ``Evaluation`` (for reports and saved results; one job)."""
        results: list[Result] = []
        for found in self.parts(lambda part, _: part):
            results.extend(found)
        catalogue = self.catalogue
        assert catalogue is not None
        return Evaluation(
            as_of=self.as_of,
            catalogue=catalogue,
            agreements=[catalogue.agreements[a] for a in self.agreement_ids],
            results=results,
            figures_files=self.figures_files,
            figures_count=self.figures_count,
            figures_used=self.figures_used,
            notices=self.notices,
            national=dict(self._runner.scopes),
        )


def _location(files: Sequence[str]) -> Location:
    return Location(", ".join(files))


def start_check(options: CheckOptions, jobs: int = 1) -> StreamedEvaluation:
    """The first phase: read and check every figure (in ``jobs`` processes); raise on any problem."""
    runner: _Runner = _InProcess(options) if jobs <= 1 else _Workers(options, jobs)
    try:
        checked = runner.check()
        merged = _merge(checked)
        parties = _judge(options, merged)
    except BaseException:
        runner.close()
        raise
    return StreamedEvaluation(
        as_of=options.as_of,
        agreement_ids=merged.agreement_ids,
        figures_files=[_shown(p) for p in options.figures],
        figures_count=merged.figures,
        notices=sorted(merged.notices),
        _runner=runner,
        parties=parties,
        catalogue=runner.catalogue,
        not_begun=merged.not_begun,
    )


def _shown(path: Any) -> str:
    from pathlib import Path

    from prestatiecheck.loading.resources import display_path

    return display_path(Path(path))


def _merge(found: Sequence[Checked]) -> Checked:
    usage = next((c.usage for c in found if c.usage), None)
    return Checked(
        agreement_ids=sorted(a for c in found for a in c.agreement_ids),
        problems=[p for c in found for p in c.problems],
        notices=[p for c in found for p in c.notices],
        supplied=sum(c.supplied for c in found),
        figures=sum(c.figures for c in found),
        themes=sorted({x for c in found for x in c.themes}),
        parties=sorted({x for c in found for x in c.parties}),
        rule_problems=[p for c in found for p in c.rule_problems],
        usage=usage,
        not_begun=sum(c.not_begun for c in found),
    )


def _judge(options: CheckOptions, checked: Checked) -> tuple[str, ...]:
    """Raise what a check raises when its figures cannot be checked, as one process would;
    the --party ids as the agreements spell them."""
    if checked.usage:
        raise UsageError(checked.usage)
    if checked.rule_problems:
        raise RuleFileError(checked.rule_problems)
    if options.agreement is None and not checked.supplied and not checked.problems:
        from prestatiecheck.loading.rules import agreement_ids

        raise UsageError(t("agreement_required", known=", ".join(agreement_ids(options.agreements_index))))
    if checked.problems:
        raise FiguresError(checked.problems)
    if not checked.figures:
        files = [_shown(p) for p in options.figures]
        raise FiguresError([Problem(_location(files), t("figures_none_supplied"))])
    check_theme_options(checked.themes, options.themes)
    return check_party_options(checked.parties, options.parties)


class _Runner:
    catalogue: Catalogue | None = None
    scopes: Mapping[str, Agreement] = {}  # with one job: the national rule set per agreement

    def check(self) -> list[Checked]:
        raise NotImplementedError

    def parts(self, render_part: RenderPart, parties: Sequence[str]) -> Iterator[Part]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _InProcess(_Runner):
    def __init__(self, options: CheckOptions):
        self.shard = Shard(options, ShardSpec(0, 1))

    def check(self) -> list[Checked]:
        checked = self.shard.check()
        self.catalogue = self.shard.catalogue
        self.scopes = self.shard.scopes
        return [checked]

    def parts(self, render_part: RenderPart, parties: Sequence[str]) -> Iterator[Part]:
        return self.shard.parts(render_part, parties)


class _Workers(_Runner):
    """One worker process per shard, each talking to this process over its own pipe."""

    def __init__(self, options: CheckOptions, jobs: int):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.connections: list[Connection] = []
        self.processes: list[Any] = []
        self.order: list[str] = []
        for index in range(jobs):
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_work,
                args=(theirs, options, ShardSpec(index, jobs), get_language(), [*self.connections, ours]),
                daemon=True,
            )
            process.start()
            theirs.close()
            self.connections.append(ours)
            self.processes.append(process)

    def _receive(self, index: int) -> tuple[Any, ...]:
        try:
            message: tuple[Any, ...] = self.connections[index].recv()
        except EOFError:
            raise RuntimeError(f"worker {index + 1} stopped without a word") from None
        if message[0] == "crash":
            raise RuntimeError(f"worker {index + 1}: {message[1]}")
        return message

    def check(self) -> list[Checked]:
        checked = [self._receive(i)[1] for i in range(len(self.connections))]
        self.order = sorted(a for c in checked for a in c.agreement_ids)
        return checked

    def parts(self, render_part: RenderPart, parties: Sequence[str]) -> Iterator[Part]:
        from multiprocessing.connection import wait

        count = len(self.connections)
        owned = [self._owned(i) for i in range(count)]
        owner = {a: i for i in range(count) for a in owned[i]}
        waiting: list[deque[Part]] = [deque() for _ in range(count)]
        received = [0] * count
        try:
            for connection in self.connections:
                connection.send(("go", render_part, tuple(parties)))
            for agreement_id in self.order:
                index = owner[agreement_id]
                while not waiting[index]:
                    # Take what any worker has finished (up to AHEAD each), so that none waits
                    # for this process while it waits for another.
                    ready = [
                        self.connections[i]
                        for i in range(count)
                        if received[i] < len(owned[i]) and len(waiting[i]) < AHEAD
                    ]
                    for readable in wait(ready):
                        i = self.connections.index(readable)  # type: ignore[arg-type]
                        waiting[i].append(self._receive(i)[1])
                        received[i] += 1
                part = waiting[index].popleft()
                assert part.agreement_id == agreement_id, (part.agreement_id, agreement_id)
                yield part
        finally:
            self.close()

    def _owned(self, index: int) -> list[str]:
        spec = ShardSpec(index, len(self.connections))
        return [a for a in self.order if spec.owns(a)]

    def close(self) -> None:
        for connection in self.connections:
            with contextlib.suppress(OSError):
                connection.close()
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        self.connections, self.processes = [], []


def _work(
    connection: Connection,
    options: CheckOptions,
    spec: ShardSpec,
    language: str,
    parents: Sequence[Connection] = (),
) -> None:
    """A worker process: check its shard, wait for the go, then send its agreements' parts.

    ``parents`` are this process's copies of the main process's ends of the pipes (a forked
    worker inherits them): closed first, so that when the main process closes its end (the check
    stopped after the first phase) this worker reads the end of its pipe instead of waiting for
    ever, and so that no worker keeps another's pipe open."""
    for end in parents:
        with contextlib.suppress(OSError):
            end.close()
    try:
        set_language(language)
        shard = Shard(options, spec)
        connection.send(("checked", shard.check()))
        try:
            command, render_part, parties = connection.recv()
        except EOFError:
            return  # the check stopped after the first phase (a problem somewhere)
        for part in shard.parts(render_part, parties):
            connection.send(("part", part))
    except (BrokenPipeError, EOFError):
        pass  # this process stopped listening
    except BaseException:  # noqa: BLE001 - said to this process, which raises it
        with contextlib.suppress(OSError):
            connection.send(("crash", traceback.format_exc(limit=8)))
    finally:
        connection.close()
