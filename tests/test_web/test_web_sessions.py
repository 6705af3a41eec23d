"""Team sessions that really end, sign-in that resists guessing, and local forms that survive a
restart or a second server (issue 10, items 1-3)."""

from __future__ import annotations

import logging
import os
import re
import stat
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from starbar.bank.sessions import Failures
from starbar.cli.main import cli
from starbar.cli.serve import serve_settings
from starbar.web import lockout
from starbar.web.app import create_app

from .conftest import LOOPBACK, PASSWORD, STRONG_STORY, LiveServer, add_users, free_port, sign_in

NEW_PASSWORD = "a brand new passphrase"


def _copy(client: TestClient, app) -> TestClient:
    """Another browser holding the same cookie, as someone who copied it would."""
    thief = TestClient(app, base_url=LOOPBACK)
    thief.cookies.update(dict(client.cookies))
    return thief


@pytest.fixture
def team(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "alice", "bob")
    app = create_app(settings)
    alice = TestClient(app, base_url=LOOPBACK)
    token = sign_in(alice, "alice")
    return settings, app, alice, token


def _locked_out(thief: TestClient) -> None:
    assert thief.get("/api/stories").status_code == 401
    assert thief.post("/api/stories", json={"title": "Stolen", "text": STRONG_STORY}).status_code == 401
    page = thief.get("/bank", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")


def test_a_copied_cookie_stops_working_after_sign_out(team):
    _, app, alice, token = team
    thief = _copy(alice, app)
    assert thief.get("/api/stories").status_code == 200  # the copy works while the session lives
    assert alice.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    _locked_out(thief)


def test_removing_an_account_ends_its_sessions_and_keeps_its_stories(team):
    settings, app, alice, _ = team
    alice.post("/api/stories", json={"title": "Kept", "text": STRONG_STORY})
    thief = _copy(alice, app)
    result = CliRunner().invoke(cli, ["users", "remove", "alice", "--db", settings.database_url])
    assert result.exit_code == 0, result.output
    assert "removed user alice" in result.output and "1 story stays" in result.output
    _locked_out(thief)
    _locked_out(alice)
    assert CliRunner().invoke(cli, ["users", "list", "--db", settings.database_url]).output.split() == ["bob"]
    missing = CliRunner().invoke(cli, ["users", "remove", "nobody", "--db", settings.database_url])
    assert missing.exit_code != 0 and "no user 'nobody'" in str(missing.exception)


def test_a_new_password_ends_every_session(team):
    settings, app, alice, _ = team
    thief = _copy(alice, app)
    runner = CliRunner()
    # The password never comes as an argument: it would show in the process list.
    assert runner.invoke(cli, ["users", "passwd", "alice", NEW_PASSWORD, "--db", settings.database_url]).exit_code == 2
    result = runner.invoke(
        cli, ["users", "passwd", "alice", "--password-stdin", "--db", settings.database_url], input=NEW_PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    _locked_out(thief)
    _locked_out(alice)
    fresh = TestClient(app, base_url=LOOPBACK)
    token = re.search(r'name="csrf-token" content="([^"]+)"', fresh.get("/login").text).group(1)
    old = fresh.post("/login", data={"username": "alice", "password": PASSWORD, "csrf": token})
    assert old.status_code == 401
    new = fresh.post(
        "/login", data={"username": "alice", "password": NEW_PASSWORD, "csrf": token}, follow_redirects=False
    )
    assert new.status_code == 303 and fresh.get("/api/stories").status_code == 200


def test_the_admin_lists_a_users_live_sessions(team):
    settings, app, alice, token = team
    second = TestClient(app, base_url=LOOPBACK)
    sign_in(second, "alice")

    def listed() -> list[str]:
        result = CliRunner().invoke(cli, ["users", "sessions", "alice", "--db", settings.database_url])
        assert result.exit_code == 0, result.output
        return [line for line in result.output.splitlines() if line.startswith("signed in")]

    assert len(listed()) == 2 and all("from testclient" in line for line in listed())
    alice.post("/logout", data={"csrf": token})
    assert len(listed()) == 1


def test_an_expired_session_is_signed_out(team):
    import sqlalchemy as sa

    from starbar.bank import Bank

    settings, _, alice, _ = team
    with Bank.open(settings.database_url) as bank, bank.engine.begin() as conn:
        conn.execute(sa.text("UPDATE sign_in_sessions SET expires_at = :past"), {"past": datetime(2000, 1, 1)})
    _locked_out(alice)


# --- password guessing ------------------------------------------------------------------------


def test_the_back_off_grows_then_locks_and_is_forgotten():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    failures = None
    waits = []
    for _ in range(lockout.LOCK_AFTER):
        failures = lockout.after_failure(failures, now)
        waits.append(lockout.wait_seconds(failures, now))
    assert waits[: lockout.FREE_TRIES - 1] == [0, 0]
    growing = waits[lockout.FREE_TRIES - 1 : -1]
    assert growing == sorted(growing) and growing[0] >= 1 and len(set(growing)) > 3
    assert lockout.is_locked(failures, now) and waits[-1] == lockout.LOCK_FOR.total_seconds()
    assert lockout.wait_seconds(failures, now + lockout.LOCK_FOR + timedelta(seconds=1)) == 0
    # One more wrong password after the lock locks again; an old run of failures is forgotten.
    assert lockout.is_locked(lockout.after_failure(failures, now + lockout.LOCK_FOR), now + lockout.LOCK_FOR)
    old = Failures(5, now, None)
    assert lockout.after_failure(old, now + lockout.FORGET_AFTER * 2).count == 1


def _guess(client: httpx.Client, name: str, password: str, forwarded: str) -> httpx.Response:
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
    return client.post(
        "/login",
        data={"username": name, "password": password, "csrf": token},
        headers={"X-Forwarded-For": forwarded},
    )


def test_guessing_one_accounts_password_backs_off_whatever_the_client_address(settings_for, caplog):
    settings = settings_for(team=True, review_burst=100)  # the per-address limit stays out of it
    add_users(settings, "carol")
    caplog.set_level(logging.WARNING, logger="starbar.web.auth")
    with LiveServer(settings) as server, httpx.Client(base_url=server.url) as client:
        answers = [_guess(client, "carol", f"guess number {i}", f"203.0.113.{i}") for i in range(25)]
        codes = [a.status_code for a in answers]
        assert codes[: lockout.FREE_TRIES] == [401] * lockout.FREE_TRIES
        # However slow this machine, the waits (1, 2, 4... s) let only a few more through, and never
        # more than the lock allows.
        assert codes.count(401) <= lockout.LOCK_AFTER and codes.count(429) >= 25 - lockout.LOCK_AFTER
        refused = next(a for a in answers if a.status_code == 429)
        assert "too many sign-in attempts" in refused.text and "too many reviews" not in refused.text
        assert int(refused.headers["retry-after"]) >= 1
        failed = [r.getMessage() for r in caplog.records if r.getMessage().startswith("failed sign-in")]
        assert len(failed) == codes.count(401)
        # uvicorn believes no X-Forwarded-For unless told to: the log names the real peer.
        assert all("from 127.0.0.1" in line for line in failed), failed


def test_a_locked_account_refuses_even_the_right_password_until_the_admin_unlocks_it(settings_for):
    from starbar.bank import Bank
    from starbar.bank.sessions import SignIns

    settings = settings_for(team=True)
    add_users(settings, "carol")
    now = datetime.now(UTC)
    with Bank.open(settings.database_url) as bank:
        locked = Failures(lockout.LOCK_AFTER, now, now + lockout.LOCK_FOR)
        SignIns(bank).save_failures("carol", locked, forget_before=now - lockout.FORGET_AFTER)
    with LiveServer(settings) as server, httpx.Client(base_url=server.url) as client:
        refused = _guess(client, "carol", PASSWORD, "198.51.100.7")
        assert refused.status_code == 429 and "locked" in refused.text and "admin" in refused.text
        result = CliRunner().invoke(cli, ["users", "unlock", "carol", "--db", settings.database_url])
        assert result.exit_code == 0 and "carol unlocked" in result.output
        assert _guess(client, "carol", PASSWORD, "198.51.100.7").status_code == 303  # signed in


def test_forwarded_addresses_count_only_from_the_proxies_named(settings_for, caplog):
    settings = settings_for(team=True)
    caplog.set_level(logging.WARNING, logger="starbar.web.auth")
    with LiveServer(settings, forwarded_allow_ips="127.0.0.1") as server, httpx.Client(base_url=server.url) as client:
        assert _guess(client, "dora", "not her password", "203.0.113.9").status_code == 401
    assert any("from 203.0.113.9" in r.getMessage() for r in caplog.records)


def test_many_sign_ins_from_one_address_say_sign_in_attempts(settings_for):
    settings = settings_for(team=True, reviews_per_minute=1, review_burst=2)
    client = TestClient(create_app(settings), base_url=LOOPBACK)
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
    codes = []
    for name in ("ann", "ben", "cal"):  # other names each time: the per-account back-off stays out of it
        response = client.post("/login", data={"username": name, "password": "wrong password", "csrf": token})
        codes.append(response.status_code)
    assert codes == [401, 401, 429]
    assert "too many sign-in attempts" in response.text and "reviews" not in response.text


# --- local mode: one kept key, one cookie per port -----------------------------------------


def test_local_servers_keep_their_key_and_name_the_cookie_by_port(private_data_folder):
    first, again = serve_settings(8765, None, False, False), serve_settings(8765, None, False, False)
    other = serve_settings(8766, None, False, False)
    assert first.secret_key == again.secret_key == other.secret_key
    assert first.cookie_name != other.cookie_name
    key_file = private_data_folder / "web-secret.key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


@pytest.mark.browser
def test_a_local_form_survives_a_restart_and_a_second_server(settings_for, browser):
    database_url = settings_for().database_url
    port_a, port_b = free_port(), free_port()
    page = browser.new_context().new_page()

    def submit_review() -> None:
        page.fill("textarea[name=text]", STRONG_STORY)
        page.click("form.story-form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("[data-testid=verdict]").count() == 1, page.inner_text("main")

    with LiveServer(serve_settings(port_a, database_url, False, False), port=port_a) as a:
        page.goto(f"{a.url}/")
        with LiveServer(serve_settings(port_b, database_url, False, False), port=port_b) as b:
            other = page.context.new_page()
            other.goto(f"{b.url}/")  # the second server sets its own cookie on the same host
            submit_review()
    # A form opened before a restart still posts.
    with LiveServer(serve_settings(port_a, database_url, False, False), port=port_a):
        submit_review()
    page.context.close()


def test_ended_sessions_and_old_wrong_passwords_do_not_pile_up(settings_for):
    import sqlalchemy as sa

    from starbar.bank import Bank
    from starbar.bank.sessions import SignIns

    settings = settings_for(team=True)
    add_users(settings, "alice")
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with Bank.open(settings.database_url) as bank:
        sign_ins = SignIns(bank)
        sign_ins.start("a" * 64, "alice", "x", now - timedelta(days=20), now - timedelta(days=6))
        sign_ins.start("b" * 64, "alice", "x", now, now + timedelta(days=14))
        with bank.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT token_hash FROM sign_in_sessions")).scalars().all() == ["b" * 64]
        hour = timedelta(hours=1)
        sign_ins.save_failures("ghost", Failures(2, now - 3 * hour, None), forget_before=now - 4 * hour)
        sign_ins.save_failures("locked", Failures(10, now - 3 * hour, now + hour), forget_before=now - 4 * hour)
        sign_ins.save_failures("carol", Failures(1, now, None), forget_before=now - hour)
        assert sign_ins.failures("ghost") is None and sign_ins.failures("carol").count == 1
        assert sign_ins.failures("locked").locked_until == now + hour
