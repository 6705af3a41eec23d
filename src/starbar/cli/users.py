"""`starbar users`: team accounts for `starbar serve --team`, for an admin at the server's machine.

`users add` checks the database and the name before it asks for a password, and asks only
at a terminal: a script pipes the password in with `--password-stdin`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

DB_OPTION = click.option("--db", "database_url", envvar="STARBAR_DATABASE_URL", help="The story bank the server uses.")
STDIN_OPTION = click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (for scripts)."
)


def _password(from_stdin: bool, name: str) -> str:
    """Never an argument: it would show in the process list and the shell history."""
    from ..errors import InputError

    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise InputError(
            "no terminal to ask for the password; in a script, pipe it in: "
            f"`printf '%s\\n' \"$PASSWORD\" | starbar users add {name} --password-stdin`"
        )
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@contextmanager
def _bank_with_account(database_url: str | None, name: str) -> Iterator:
    """The bank, once it is known to hold the account NAME."""
    from ..bank import Bank
    from ..errors import InputError

    with Bank.open(database_url) as bank:
        if bank.account(name) is None:
            raise InputError(f"no user {name!r}; `starbar users list` shows them")
        yield bank


@click.group()
def users() -> None:
    """Team accounts for `starbar serve --team` (stored in the story bank's database)."""


@users.command("add")
@click.argument("name")
@DB_OPTION
@click.option("--admin", is_flag=True, help="Mark the account as an admin.")
@STDIN_OPTION
def users_add(name: str, database_url: str | None, admin: bool, password_stdin: bool) -> None:
    """Create the account NAME; the password is asked for (twice) unless --password-stdin."""
    from ..bank import Bank
    from ..bank.accounts import check_username
    from ..errors import InputError
    from ..web.auth import Accounts

    check_username(name)
    with Bank.open(database_url) as bank:  # before the password: a wrong --db or a taken name costs no typing
        if bank.account(name) is not None:
            raise InputError(f"user {name} already exists in the bank at {bank.where}; `starbar users list` shows them")
        user = Accounts(bank).add(name, _password(password_stdin, name), admin=admin)
    click.echo(f"starbar: created user {user.name}{' (admin)' if user.admin else ''}")


@users.command("list")
@DB_OPTION
def users_list(database_url: str | None) -> None:
    """List the accounts."""
    from ..bank import Bank

    with Bank.open(database_url) as bank:
        for account in bank.accounts():
            click.echo(account.username)


@users.command("passwd")
@click.argument("name")
@DB_OPTION
@STDIN_OPTION
def users_passwd(name: str, database_url: str | None, password_stdin: bool) -> None:
    """Set a new password for NAME; every session of NAME ends, and any lock is lifted."""
    from ..web.auth import Accounts

    with _bank_with_account(database_url, name) as bank:
        Accounts(bank).change_password(name, _password(password_stdin, name))
    click.echo(f"starbar: new password for {name}; their sessions have ended")


@users.command("remove")
@click.argument("name")
@DB_OPTION
def users_remove(name: str, database_url: str | None) -> None:
    """Remove the account NAME and end its sessions. Its stories stay in the bank (the CLI sees them)."""
    from ..bank.sessions import SignIns

    with _bank_with_account(database_url, name) as bank:
        SignIns(bank).remove_account(name)
        kept = len(bank.list(owner=name))
    kept_note = f"; their {kept} {'story stays' if kept == 1 else 'stories stay'} in the bank" if kept else ""
    click.echo(f"starbar: removed user {name}, sessions ended{kept_note}")


@users.command("sessions")
@click.argument("name")
@DB_OPTION
def users_sessions(name: str, database_url: str | None) -> None:
    """List the live sessions of NAME: when each began, was last seen and ends, and from where."""
    from datetime import UTC, datetime

    from ..bank.sessions import SignIns

    with _bank_with_account(database_url, name) as bank:
        found = SignIns(bank).active(name, datetime.now(UTC))
    if not found:
        click.echo(f"starbar: {name} has no live session")
    stamp = "%Y-%m-%d %H:%M"
    for s in found:
        click.echo(
            f"signed in {s.created_at.strftime(stamp)} UTC  last seen {s.last_seen_at.strftime(stamp)}  "
            f"ends {s.expires_at.strftime(stamp)}  from {s.client}"
        )


@users.command("unlock")
@click.argument("name")
@DB_OPTION
def users_unlock(name: str, database_url: str | None) -> None:
    """Forget NAME's wrong passwords and lift the lock they caused."""
    from ..bank import Bank
    from ..bank.sessions import SignIns

    with Bank.open(database_url) as bank:
        cleared = SignIns(bank).clear_failures(name)
    click.echo(f"starbar: {name} unlocked" if cleared else f"starbar: {name} had no failed sign-ins")
