"""`starbar serve`: the web app on this machine (team accounts: `starbar users`, in users.py)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click

ENV_SECRET = "STARBAR_SECRET_KEY"
KEY_FILE = "web-secret.key"


def _secret_key() -> str:
    """Sessions and open forms outlive a restart: the key comes from the environment, else a
    private file (mode 0600) in the user's data folder, created on first use."""
    if os.environ.get(ENV_SECRET):
        return os.environ[ENV_SECRET]
    from platformdirs import user_data_dir

    path = Path(user_data_dir("starbar", appauthor=False)) / KEY_FILE
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another server created it meanwhile: use that one
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


def serve_settings(port: int, database_url: str | None, team: bool, secure_cookies: bool):
    """The app's settings for a server on `port`: the kept key, and a cookie named for the port."""
    from ..web.settings import Settings

    return Settings(
        database_url=database_url,
        team=team,
        secure_cookies=secure_cookies,
        secret_key=_secret_key(),
        cookie_name=f"starbar_session_{port}",
    )


def server_options(forwarded_allow_ips: str | None) -> dict:
    """uvicorn's options: X-Forwarded-For is believed only from the proxies named, never by default
    (uvicorn would otherwise believe it from loopback, and any local client could pose as anyone)."""
    return {
        "proxy_headers": bool(forwarded_allow_ips),
        "forwarded_allow_ips": forwarded_allow_ips or "",
        "log_level": "warning",
        "server_header": False,
    }


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
    "--forwarded-allow-ips",
    metavar="ADDRESSES",
    help="Behind a reverse proxy: its addresses (comma-separated), whose X-Forwarded-For is believed. "
    "Default: none, the peer's own address counts.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes; one per core serves the most reviews (the rate limit is then per process).",
)
def serve(
    host: str,
    port: int,
    database_url: str | None,
    team: bool,
    secure_cookies: bool,
    forwarded_allow_ips: str | None,
    workers: int,
) -> None:
    """Open the web app: review, story bank and practice in the browser."""
    import uvicorn

    from ..web.app import create_app, settings_to_environment
    from ..web.settings import is_loopback

    if not team and not is_loopback(host):
        raise click.UsageError(
            f"--host {host} would expose your stories to the network; "
            "local mode binds only to loopback (127.0.0.1). Use --team for accounts and sign-in."
        )
    settings = serve_settings(port, database_url, team, secure_cookies)
    if team:
        from ..bank import Bank

        with Bank.open(database_url) as bank:
            if not bank.accounts():
                click.echo("starbar: no accounts yet; create one with `starbar users add NAME`", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"starbar: serving on http://{shown}:{port}/ ({'team' if team else 'local'} mode); Ctrl-C stops")
    options = server_options(forwarded_allow_ips)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, **options)
        return
    settings_to_environment(settings)
    uvicorn.run("starbar.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port, **options)
