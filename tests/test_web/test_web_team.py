"""Team mode: accounts, sign-in, CSRF, per-user stories, the review rate limit."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from starbar.web.app import create_app
from starbar.web.auth import hash_password, verify_password
from starbar.web.settings import Settings

from .conftest import LOOPBACK, PASSWORD, STRONG_STORY, WEAK_STORY, add_users, sign_in


def test_passwords_are_salted_scrypt_hashes():
    first, second = hash_password("a long passphrase"), hash_password("a long passphrase")
    assert first != second and first.startswith("scrypt$") and "a long passphrase" not in first
    assert verify_password("a long passphrase", first)
    assert not verify_password("a long passphrasE", first)
    assert not verify_password("anything", "not-a-hash")


def test_accounts_store_only_hashes(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "carol")
    engine = sa.create_engine(settings.database_url)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM accounts WHERE username = 'carol'")).scalar_one()
    engine.dispose()
    assert PASSWORD not in stored and verify_password(PASSWORD, stored)


def test_signed_out_users_are_sent_to_sign_in(make_client):
    client = make_client(team=True)
    response = client.get("/bank", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/bank"
    assert client.post("/api/review", json={"text": STRONG_STORY}).status_code == 401
    assert client.get("/api/stories").json()["error"]["code"] == "login_required"


def test_sign_in_with_a_wrong_password_fails(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "dave")
    client = TestClient(create_app(settings), base_url=LOOPBACK)
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
    for name, password in (("dave", "wrong password!"), ("nobody", PASSWORD)):
        response = client.post("/login", data={"username": name, "password": password, "csrf": token})
        assert response.status_code == 401 and "wrong user name or password" in response.text
    assert client.get("/api/stories").status_code == 401


def test_sign_in_never_redirects_off_site(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "erin")
    client = TestClient(create_app(settings), base_url=LOOPBACK)
    for target in ("//evil.example/x", "https://evil.example/", "bank", "/\\evil.example/"):
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
        response = client.post(
            "/login",
            data={"username": "erin", "password": PASSWORD, "csrf": token, "next": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


def test_sign_in_form_needs_csrf(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "fay")
    client = TestClient(create_app(settings), base_url=LOOPBACK)
    assert client.post("/login", data={"username": "fay", "password": PASSWORD}).status_code == 403


def test_one_user_cannot_reach_another_users_story(team_clients):
    clients, tokens = team_clients
    alice, bob = clients["alice"], clients["bob"]
    story_id = alice.post("/api/stories", json={"title": "Alice's loan story", "text": STRONG_STORY}).json()["story_id"]
    alice.post(f"/api/stories/{story_id}/versions", json={"text": WEAK_STORY})
    assert alice.get(f"/api/stories/{story_id}").status_code == 200
    assert bob.get("/api/stories").json() == []
    for path in (
        f"/api/stories/{story_id}",
        f"/api/stories/{story_id}/versions",
        f"/api/stories/{story_id}/versions/1",
        f"/api/stories/{story_id}/diff",
    ):
        assert bob.get(path).status_code == 404, path
    assert bob.post(f"/api/stories/{story_id}/versions", json={"text": WEAK_STORY}).status_code == 404
    for path in (f"/bank/{story_id}", f"/bank/{story_id}/diff"):
        assert bob.get(path).status_code == 404, path
    assert bob.post(f"/bank/{story_id}", data={"text": WEAK_STORY, "csrf": tokens["bob"]}).status_code == 404
    assert "Alice&#39;s loan story" not in bob.get("/bank").text
    assert "Alice&#39;s loan story" in alice.get("/bank").text
    assert len(alice.get(f"/api/stories/{story_id}/versions").json()) == 2  # bob's attempt added nothing


def test_team_stories_are_owned_in_the_bank_and_the_clis_stories_are_nobodys(team_clients, settings_for):
    from starbar.bank import Bank

    clients, _ = team_clients
    database_url = settings_for().database_url
    story_id = clients["alice"].post("/api/stories", json={"title": "Owned", "text": STRONG_STORY}).json()["story_id"]
    with Bank.open(database_url) as bank:
        assert [s.id for s in bank.list(owner="alice")] == [story_id] and bank.list(owner="bob") == []
        cli_story = bank.add("From the CLI", WEAK_STORY).story_id
        tables = set(sa.inspect(bank.engine).get_table_names())
    assert not {t for t in tables if t.startswith("web_")}  # the app keeps no tables of its own
    assert [s["id"] for s in clients["alice"].get("/api/stories").json()] == [story_id]
    assert clients["alice"].get(f"/api/stories/{cli_story}").status_code == 404
    local = TestClient(create_app(settings_for()), base_url=LOOPBACK)  # local mode: every story
    assert [s["id"] for s in local.get("/api/stories").json()] == [story_id, cli_story]


def test_checklist_counts_only_your_stories(team_clients):
    clients, _ = team_clients
    clients["alice"].post("/api/stories", json={"title": "Mine", "text": STRONG_STORY})
    alice_items = clients["alice"].get("/api/checklist").json()["items"]
    bob_items = clients["bob"].get("/api/checklist").json()["items"]
    assert any("no Customer Obsession story" in i["detail"] for i in bob_items)
    assert not any("no Customer Obsession story" in i["detail"] for i in alice_items)


def test_sign_out_ends_the_session(team_clients):
    clients, tokens = team_clients
    alice = clients["alice"]
    assert alice.post("/logout", data={"csrf": tokens["alice"]}, follow_redirects=False).status_code == 303
    assert alice.get("/api/stories").status_code == 401


def test_reviews_are_rate_limited_per_client(settings_for):
    settings = settings_for(team=True, reviews_per_minute=1, review_burst=2)
    add_users(settings, "gus", "hal")
    app = create_app(settings)
    gus, hal = TestClient(app, base_url=LOOPBACK), TestClient(app, base_url=LOOPBACK)
    sign_in(gus, "gus")
    sign_in(hal, "hal")
    codes = [gus.post("/api/review", json={"text": WEAK_STORY}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = gus.post("/api/review", json={"text": WEAK_STORY})
    assert refused.json()["error"]["code"] == "rate_limited" and int(refused.headers["retry-after"]) >= 1
    assert hal.post("/api/review", json={"text": WEAK_STORY}).status_code == 200  # another client's own quota


def test_local_mode_has_no_rate_limit(make_client):
    client = make_client(reviews_per_minute=1, review_burst=1)
    assert {client.post("/api/review", json={"text": WEAK_STORY}).status_code for _ in range(4)} == {200}


def test_team_mode_answers_on_any_host_name(team_clients):
    clients, _ = team_clients
    assert clients["alice"].get("/api/stories", headers={"host": "starbar.team.example"}).status_code == 200


@pytest.mark.postgres
def test_per_user_stories_on_postgresql(postgres_url):
    from bank_fixtures import fresh_postgres_database

    settings = Settings(database_url=fresh_postgres_database(postgres_url, "starbar_web_test"), team=True)
    add_users(settings, "alice", "bob")
    app = create_app(settings)
    with TestClient(app, base_url=LOOPBACK) as alice, TestClient(app, base_url=LOOPBACK) as bob:
        sign_in(alice, "alice")
        sign_in(bob, "bob")
        story_id = alice.post("/api/stories", json={"title": "On Postgres", "text": STRONG_STORY}).json()["story_id"]
        assert alice.get(f"/api/stories/{story_id}").status_code == 200
        assert bob.get(f"/api/stories/{story_id}").status_code == 404 and bob.get("/api/stories").json() == []
