"""Bad ids, oversize bodies, practice timing and deleting a story (issue 10, items 4-7)."""

from __future__ import annotations

import re
import socket

import pytest

from .conftest import STRONG_STORY, WEAK_STORY, LiveServer, csrf_of

HUGE_IDS = (2**31, 2**63, 10**20)


def _story(client) -> int:
    return client.post("/api/stories", json={"title": "Loan upload", "text": STRONG_STORY}).json()["story_id"]


def _refused_cleanly(response) -> None:
    assert response.status_code in (404, 422), (response.status_code, response.text[:300])
    assert "Traceback" not in response.text


def _every_id_path(client, story_id: int, huge: int) -> list:
    return [
        client.get(f"/api/stories/{huge}"),
        client.get(f"/api/stories/{huge}/versions"),
        client.post(f"/api/stories/{huge}/versions", json={"text": STRONG_STORY}),
        client.get(f"/api/stories/{story_id}/versions/{huge}"),
        client.get(f"/api/stories/{story_id}/diff", params={"a": 1, "b": huge}),
        client.get(f"/bank/{huge}"),
        client.get(f"/bank/{story_id}", params={"v": huge}),
        client.get(f"/bank/{story_id}/diff", params={"a": huge, "b": 1}),
        client.get(f"/bank/{huge}/diff"),
    ]


@pytest.mark.parametrize("huge", HUGE_IDS)
def test_ids_too_large_for_the_database_are_refused_not_500(client, huge):
    story_id = _story(client)
    for response in _every_id_path(client, story_id, huge):
        _refused_cleanly(response)
    assert client.get(f"/api/stories/{story_id}").status_code == 200  # the app still answers


@pytest.mark.postgres
def test_ids_past_postgresqls_integer_are_refused_not_500(postgres_url, settings_for):
    from fastapi.testclient import TestClient

    from bank_fixtures import fresh_postgres_database
    from starbar.web.app import create_app

    from .conftest import LOOPBACK

    settings = settings_for(database_url=fresh_postgres_database(postgres_url, "starbar_web_ids"))
    with TestClient(create_app(settings), base_url=LOOPBACK) as client:
        story_id = _story(client)
        for response in _every_id_path(client, story_id, 2**31):
            _refused_cleanly(response)


def test_a_typed_practice_answer_shows_typing_time_without_a_pace(client):
    from starbar.practice.questions import load_questions
    from starbar.practice.session import begin

    question = load_questions()[0]
    _, probes = begin(WEAK_STORY, "L6")
    result = client.post(
        f"/practice/{question.id}",
        data={"answer": WEAK_STORY, "elapsed": "3", "probe": ["passed"] * len(probes), "csrf": csrf_of(client)},
    ).text
    delivery = re.search(r"<p>Delivery: ([^<]+)", result).group(1)
    assert "typed in 0:03" in delivery and "None" not in delivery and "(" not in delivery


def _chunked(body: bytes) -> bytes:
    pieces = (body[i : i + 65536] for i in range(0, len(body), 65536))
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


@pytest.mark.parametrize("framing", ["HTTP/1.0", "HTTP/1.1", "chunked"])
def test_an_oversize_body_gets_its_413_not_a_reset(settings_for, framing):
    """The whole body is sent before the answer is read, on a connection the client asks to
    close afterwards (as urllib and HTTP/1.0 clients do)."""
    body = b"x" * 2_000_000
    if framing == "chunked":
        version, length, body = "HTTP/1.1", "Transfer-Encoding: chunked", _chunked(body)
    else:
        version, length = framing, f"Content-Length: {len(body)}"
    head = (
        f"POST /api/review {version}\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\n{length}\r\n\r\n"
    )
    answer = b""
    with (
        LiveServer(settings_for(max_body_bytes=10_000)) as server,
        socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock,
    ):
        sock.sendall(head.encode())
        for start in range(0, len(body), 65536):
            sock.sendall(body[start : start + 65536])
        while chunk := sock.recv(65536):  # until the server closes, as asked
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and b'"too_large"' in answer, answer[:200]


# --- deleting a story -----------------------------------------------------------------------


def test_the_api_deletes_a_story(client):
    story_id = _story(client)
    assert client.delete(f"/api/stories/{story_id}").status_code == 204
    assert client.get(f"/api/stories/{story_id}").status_code == 404
    assert client.delete(f"/api/stories/{story_id}").json()["error"]["code"] == "not_found"
    assert client.get("/api/stories").json() == []


def test_the_story_page_deletes_after_confirmation_with_csrf(client):
    story_id = _story(client)
    assert f'href="/bank/{story_id}/delete"' in client.get(f"/bank/{story_id}").text
    confirm = client.get(f"/bank/{story_id}/delete")
    assert confirm.status_code == 200 and "Loan upload" in confirm.text and "cannot be undone" in confirm.text
    assert client.get("/api/stories").json() != []  # asking is not deleting
    assert client.post(f"/bank/{story_id}/delete", data={"csrf": "forged"}).status_code == 403
    assert client.get(f"/api/stories/{story_id}").status_code == 200
    done = client.post(f"/bank/{story_id}/delete", data={"csrf": csrf_of(client)}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/bank"
    assert client.get(f"/bank/{story_id}").status_code == 404


def test_in_team_mode_only_the_owner_deletes(team_clients):
    clients, tokens = team_clients
    alice, bob = clients["alice"], clients["bob"]
    story_id = _story(alice)
    assert bob.delete(f"/api/stories/{story_id}").status_code == 404
    assert bob.get(f"/bank/{story_id}/delete").status_code == 404
    assert bob.post(f"/bank/{story_id}/delete", data={"csrf": tokens["bob"]}).status_code == 404
    assert alice.get(f"/api/stories/{story_id}").status_code == 200
    assert clients["anonymous"].delete(f"/api/stories/{story_id}").status_code == 401
    assert alice.delete(f"/api/stories/{story_id}").status_code == 204
