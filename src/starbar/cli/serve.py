"""`starbar serve`: the web app on this machine; `starbar users`: team accounts, for an admin."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click

ENV_SECRET = "STARBAR_SECRET_KEY"


def _secret_key() -> str:
    """Team sessions outlive a restart: the key comes from the environment, else a private file
    in the user's data folder, created on first use."""
    if os.environ.get(ENV_SECRET):
        return os.environ[ENV_SECRET]
    from platformdirs import user_data_dir

    path = Path(user_data_dir("starbar", appauthor=False)) / "web-secret.key"
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind. A non-loopback address needs --team."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "--db",
    "database_url",
    envvar="STARBAR_DATABASE_URL",
    help="Story bank: a SQLite path or URL, or postgresql://... (default: the file in your data folder).",
)
@click.option(
    "--team", is_flag=True, envvar="STARBAR_TEAM", help="Accounts and sign-in: each user sees only their own stories."
)
@click.option("--secure-cookies", is_flag=True, help="Send the session cookie over HTTPS only (behind a TLS proxy).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes; one per core serves the most reviews (the rate limit is then per process).",
)
def serve(host: str, port: int, database_url: str | None, team: bool, secure_cookies: bool, workers: int) -> None:
    """Open the web app: review, story bank and practice in the browser."""
    import uvicorn

    from ..web.app import create_app, settings_to_environment
    from ..web.settings import Settings, is_loopback

    if not team and not is_loopback(host):
        raise click.UsageError(
            f"--host {host} would expose your stories to the network; "
            "local mode binds only to loopback (127.0.0.1). Use --team for accounts and sign-in."
        )
    settings = Settings(
        database_url=database_url,
        team=team,
        secure_cookies=secure_cookies,
        **({"secret_key": _secret_key()} if team else {}),
    )
    if team:
        from ..bank import Bank

        with Bank.open(database_url) as bank:
            if not bank.accounts():
                click.echo("starbar: no accounts yet; create one with `starbar users add NAME`", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"starbar: serving on http://{shown}:{port}/ ({'team' if team else 'local'} mode); Ctrl-C stops")
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", server_header=False)
        return
    settings_to_environment(settings)
    uvicorn.run(
        "starbar.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
    )


@click.group()
def users() -> None:
    """Team accounts for `starbar serve --team` (stored in the story bank's database)."""


@users.command("add")
@click.argument("name")
@click.option("--db", "database_url", envvar="STARBAR_DATABASE_URL", help="The story bank the server uses.")
@click.option("--admin", is_flag=True, help="Mark the account as an admin.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
def users_add(name: str, database_url: str | None, admin: bool, password_stdin: bool) -> None:
    """Create the account NAME; the password is asked for (twice) unless --password-stdin."""
    import sys

    from ..bank import Bank
    from ..web.auth import Accounts

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with Bank.open(database_url) as bank:
        user = Accounts(bank).add(name, password, admin=admin)
    click.echo(f"starbar: created user {user.name}{' (admin)' if user.admin else ''}")


@users.command("list")
@click.option("--db", "database_url", envvar="STARBAR_DATABASE_URL", help="The story bank the server uses.")
def users_list(database_url: str | None) -> None:
    """List the accounts."""
    from ..bank import Bank

    with Bank.open(database_url) as bank:
        for account in bank.accounts():
            click.echo(account.username)
