"""`starbar users`: team accounts for `starbar serve --team`, for an admin at the server's machine.

`users add` checks the database and the name before it asks for a password, and asks only
at a terminal: a script pipes the password in with `--password-stdin`.
"""

from __future__ import annotations

import sys

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
