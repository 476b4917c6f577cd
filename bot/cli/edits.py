"""Editing from the command line: `crmbot customer merge` and `crmbot user remove --reassign-to`.

Both write through one note of the member named by `--by` (checked against the permission table),
so that member can take the whole change back from chat with "undo", like any note of theirs.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional

import typer

from bot.cli.actor import BY, acting, existing_team, member_named
from bot.cli.common import fail, load_settings, open_engine

customer_app = typer.Typer(no_args_is_help=True, help="Customers: merge a duplicate into another.")


def register(app: typer.Typer) -> None:
    """Add `crmbot customer merge` and `crmbot user remove` to the command line."""
    from bot.cli.core import user_app

    app.add_typer(customer_app, name="customer")
    customer_app.command("merge")(merge)
    user_app.command("remove")(remove)


def _customer(session: Any, team: Any, name: str) -> Any:
    """The one customer of `team` named `name` (a name, an alias, or #id); a clear exit otherwise."""
    from storage.customers import customers_named, name_key
    from storage.models import Customer

    if name.startswith("#") and name[1:].isdigit():
        found = session.get(Customer, int(name[1:]))
        if found is None or found.team_id != team.id:
            fail(f"team {team.name} has no customer {name}")
        return found
    matches = customers_named(session, team.id, name)
    own = [c for c in matches if c.name_key == name_key(name)]
    matches = own if len(own) == 1 else matches
    if not matches:
        fail(f"team {team.name} has no customer called {name!r}")
    if len(matches) > 1:
        fail(f"{name!r} names several customers of team {team.name} "
             f"({', '.join(f'#{c.id} {c.name}' for c in matches[:5])}): name one as #id")
    return matches[0]


def _author(session: Any, team: Any, by: Optional[str], action: str) -> int:
    """The member the change is recorded for: `--by` is required, so someone can undo it."""
    if by is None:
        fail(f"say who this is done for with --by NAME (a member of team {team.name} allowed to do it); "
             "they can take it back from chat with “undo”")
    member_id = acting(session, team, by, action)
    assert member_id is not None
    return member_id


@contextmanager
def _note_of(team: Optional[str], by: Optional[str], action: str) -> Iterator[tuple[Any, Any, Any]]:
    """The session, the team and an opened journal of the `--by` member for one change; committed
    when the block ends without an exit."""
    from storage.engine import session
    from storage.journal import Journal

    settings = load_settings()
    with session(open_engine(settings)) as s:
        found = existing_team(s, team or settings.team)
        yield s, found, Journal(s, found.id, _author(s, found, by, action))
        s.commit()


def merge(
    source: str = typer.Argument(..., help="the duplicate customer (a name, an alias, or #id)"),
    target: str = typer.Argument(..., help="the customer it is merged into"),
    team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
    by: Optional[str] = BY,
) -> None:
    """Merge SOURCE into TARGET: contacts, deals, interactions, follow-ups, notes and aliases move; the
    name SOURCE becomes an alias of TARGET. Undoable from chat by the --by member."""
    from storage import clock
    from storage.merge import merge_customers

    with _note_of(team, by, "merge_customers") as (s, found, journal):
        dup, kept = _customer(s, found, source), _customer(s, found, target)
        if dup.id == kept.id:
            fail(f"{source!r} and {target!r} are one customer already ({kept.name})")
        journal.open_note("cli", None, f"crmbot customer merge {source} {target}", clock.now(), kept.id)
        merged = merge_customers(s, journal, dup, kept)
    from handlers.merge import moved_text

    typer.echo(f"Merged {merged.source} into {merged.target}: {moved_text(merged, 'en')}. "
               f"“{merged.source}” is now another name for {merged.target}.")


def remove(
    name: str = typer.Argument(..., help="the leaving member (name or chat account id)"),
    reassign_to: str = typer.Option(..., "--reassign-to", help="the colleague who takes over their work"),
    team: Optional[str] = typer.Option(None, "--team", help="the team (default: CRM_TEAM)"),
    by: Optional[str] = BY,
) -> None:
    """A member leaves: their customers, open deals and open follow-ups go to --reassign-to, their chat
    accounts stop being let in; won and lost deals and history stay theirs. Undoable from chat."""
    from storage import clock
    from storage.handover import hand_over

    with _note_of(team, by, "manage_members") as (s, found, journal):
        leaving, to = member_named(s, found, name), member_named(s, found, reassign_to)
        if leaving.id == to.id:
            fail("--reassign-to must name another member")
        if leaving.id == journal.member_id:  # so the team always keeps an admin, and someone who can undo it
            fail(f"{leaving.name} cannot remove themselves: another admin of team {found.name} can "
                 "(make one with crmbot user add … --role admin)")
        journal.open_note("cli", None, f"crmbot user remove {name} --reassign-to {reassign_to}", clock.now(),
                          None)
        done = hand_over(s, journal, leaving, to)
    typer.echo(f"{done.leaving} is removed from team {found.name}: {_count(done.customers, 'customer')}, "
               f"{_count(done.deals, 'open deal')} and {_count(done.followups, 'open follow-up')} now belong to "
               f"{done.to}; {_count(done.accounts, 'chat account')} closed. Won and lost deals and the history "
               f"stay under {done.leaving}.")


def _count(n: int, thing: str) -> str:
    """"1 customer", "2 customers"."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"
