"""`starbar serve` and `starbar users`: the guard on the bind address and admin-made accounts."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from starbar.cli.main import cli
from starbar.web.auth import Accounts
from starbar.web.settings import Settings, is_loopback
from starbar.web.stores import open_stores


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.com", "::"])
def test_local_mode_refuses_a_non_loopback_address(host, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("the server must not start"))
    result = CliRunner().invoke(cli, ["serve", "--host", host])
    assert result.exit_code == 2 and "--team" in result.output


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
    ],
)
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_starts_uvicorn_on_the_given_loopback_port(monkeypatch, tmp_path):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw, app=app))
    result = CliRunner().invoke(cli, ["serve", "--port", "9123", "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 9123)
    assert "http://127.0.0.1:9123/" in result.output
    assert started["app"].state.settings.team is False


def test_team_mode_may_bind_any_address_and_warns_without_accounts(monkeypatch, tmp_path):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw, app=app))
    monkeypatch.setenv("STARBAR_SECRET_KEY", "k" * 40)
    result = CliRunner().invoke(cli, ["serve", "--team", "--host", "0.0.0.0", "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 0, result.output
    assert started["app"].state.settings.team and started["app"].state.settings.secret_key == "k" * 40
    assert "starbar users add" in result.output


def test_users_add_and_list(tmp_path):
    db = str(tmp_path / "bank.db")
    runner = CliRunner()
    added = runner.invoke(cli, ["users", "add", "ivy", "--db", db, "--password-stdin"], input="a good long password\n")
    assert added.exit_code == 0, added.output
    assert "created user ivy" in added.output
    again = runner.invoke(cli, ["users", "add", "ivy", "--db", db, "--password-stdin"], input="another password!\n")
    assert again.exit_code != 0 and "already exists" in str(again.exception or again.output)
    short = runner.invoke(cli, ["users", "add", "joe", "--db", db, "--password-stdin"], input="short\n")
    assert short.exit_code != 0
    assert runner.invoke(cli, ["users", "list", "--db", db]).output.split() == ["ivy"]
    stores = open_stores(Settings(database_url=f"sqlite:///{db}"))
    try:
        assert isinstance(stores.accounts, Accounts)
        assert stores.accounts.authenticate("ivy", "a good long password").name == "ivy"
        assert stores.accounts.authenticate("ivy", "a good long passwor") is None
    finally:
        stores.close()


def test_docs_name_every_serve_option_and_api_path():
    from starbar.cli.serve import serve
    from starbar.cli.users import users
    from starbar.web.app import create_app

    from .conftest import ROOT

    doc = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    options = [opt for command in (serve, *users.commands.values()) for p in command.params for opt in p.opts]
    assert [o for o in options if o not in doc] == []

    def shape(text: str) -> str:  # "/api/stories/{story_id}" and "/api/stories/{id}" alike
        return re.sub(r"\{[a-z_]+\}", "{}", text)

    paths = create_app().openapi()["paths"]
    assert [p for p in paths if shape(p) not in shape(doc)] == []
    assert "screenshots/" in doc
