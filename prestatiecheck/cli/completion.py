"""Shell completion of agreement, rule and party ids (click completes commands and options itself).

Set on parameters with ``shell_complete=``; bash, zsh and fish load click's script with
``eval "$(_PRESTATIECHECK_COMPLETE=bash_source prestatiecheck)"`` (see the README). A broken
index completes nothing rather than printing an error into the shell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem


def _index(ctx: click.Context) -> str | None:
    import os

    for c in (ctx, *_parents(ctx)):
        if c.params.get("agreements_index"):
            return str(c.params["agreements_index"])
    return os.environ.get("PRESTATIECHECK_AGREEMENTS") or None


def _parents(ctx: click.Context) -> list[click.Context]:
    found = []
    while ctx.parent is not None:
        ctx = ctx.parent
        found.append(ctx)
    return found


def _starting(incomplete: str, values: list[str]) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    folded = incomplete.casefold()
    return [CompletionItem(v) for v in values if v.casefold().startswith(folded)]


def agreements(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    try:
        from prestatiecheck.loading.rules import agreement_ids

        return _starting(incomplete, list(agreement_ids(_index(ctx))))
    except Exception:  # noqa: BLE001 - completion never shows a traceback in the shell
        return []


def _catalogue(ctx: click.Context, only: list[str] | None) -> Any:
    from prestatiecheck.loading.rules import load_catalogue

    return load_catalogue(_index(ctx), only=only)


def rules(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Full rule ids; once the agreement part is typed, only that agreement's rules are read."""
    try:
        from click.shell_completion import CompletionItem

        from prestatiecheck.ids import resolve
        from prestatiecheck.loading.rules import agreement_ids

        known = list(agreement_ids(_index(ctx)))
        head, slash, _ = incomplete.partition("/")
        if not slash:
            matching = _starting(incomplete, known)
            if len(matching) != 1:  # first the agreement, then its rules
                return [CompletionItem(f"{item.value}/", type="plain") for item in matching]
            head = matching[0].value
        agreement_id = resolve(head, known)
        if agreement_id is None:
            return []
        catalogue = _catalogue(ctx, [agreement_id])
        rules = catalogue.agreements[agreement_id].rules
        folded = incomplete.casefold()
        return [CompletionItem(r.id, help=r.title) for r in rules if r.id.casefold().startswith(folded)]
    except Exception:  # noqa: BLE001
        return []


def parties(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The parties of the agreement(s) given with -a (else of every agreement)."""
    try:
        from click.shell_completion import CompletionItem

        from prestatiecheck.ids import resolve
        from prestatiecheck.loading.rules import agreement_ids

        known = list(agreement_ids(_index(ctx)))
        wanted = ctx.params.get("agreement") or ctx.params.get("agreements") or ()
        if isinstance(wanted, str):
            wanted = (wanted,)
        only = [a for a in (resolve(w, known) for w in wanted) if a] or known
        catalogue = _catalogue(ctx, only)
        names: dict[str, str] = {}
        for agreement_id in only:
            for party in catalogue.agreements[agreement_id].parties:
                names.setdefault(party.id, party.name)
        folded = incomplete.casefold()
        return [CompletionItem(p, help=n) for p, n in names.items() if p.casefold().startswith(folded)]
    except Exception:  # noqa: BLE001
        return []
