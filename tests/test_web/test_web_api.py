"""The JSON API: every endpoint, its errors and its size limits."""

from __future__ import annotations

import pytest

import starbar
from starbar.api import also_serves
from starbar.errors import InputError
from starbar.render.serves import report_dict

from .conftest import STRONG_STORY, WEAK_STORY


def _error(response, status: int, code: str | None = None) -> str:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    if code:
        assert body["code"] == code
    assert "Traceback" not in response.text
    return body["message"]


# --- POST /api/review ---------------------------------------------------------------------------


def test_review_returns_the_same_contract_as_the_engine(client):
    response = client.post("/api/review", json={"text": STRONG_STORY, "level": "L7"})
    assert response.status_code == 200
    assert response.json() == _contract(STRONG_STORY, "L7")
    served = response.json()["also_serves"]
    assert [p["id"] for p in served] == ["invent-and-simplify", "deliver-results"]


def _contract(text: str, level: str = "L6", lp: str = "customer-obsession") -> dict:
    """What `starbar review --format json` prints: the review and the principles it also serves."""
    review = starbar.review(text, level, lp=lp)
    return report_dict(review, also_serves(review))


def test_review_level_defaults_to_l6_and_changes_the_verdict_input(client):
    body = client.post("/api/review", json={"text": WEAK_STORY}).json()
    assert body["level"] == "L6"
    assert set(body["dimensions"]) == {d.id for d in starbar.review(WEAK_STORY).dimensions.values()}
    assert body["verdict"] in ("no_hire", "strong_no_hire")


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"level": "L6"}, "text"),
        ({"text": STRONG_STORY, "level": "L9"}, "level"),
        ({"text": 42}, "text"),
        ({"text": STRONG_STORY, "extra": 1}, "extra"),
    ],
)
def test_review_rejects_wrong_fields_naming_them(client, payload, field):
    message = _error(client.post("/api/review", json=payload), 422, "invalid_request")
    assert message.startswith(field)


def test_review_rejects_malformed_json_with_400(client):
    response = client.post(
        "/api/review", content=b'{"text": "unterminated', headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in _error(response, 400, "bad_request")


def test_review_rejects_a_body_that_is_not_json(client):
    response = client.post(
        "/api/review", content=b"text=hello", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    _error(response, 415, "unsupported_media_type")


@pytest.mark.parametrize("text", ["", "   \n  ", "x\x00y" * 50])
def test_review_passes_on_the_engines_message_for_bad_text(client, text):
    with pytest.raises(InputError) as engine:
        starbar.review(text)
    assert _error(client.post("/api/review", json={"text": text}), 422, "bad_input") == engine.value.message


def test_review_of_too_many_words_under_the_body_limit_is_the_engines_422(client):
    text = "word " * 20_001  # about 100 KB: inside the body limit, over the engine's word limit
    assert "20,000" in _error(client.post("/api/review", json={"text": text}), 422, "bad_input")


def test_oversized_body_is_413_from_its_content_length(make_client):
    client = make_client(max_body_bytes=10_000)
    _error(client.post("/api/review", json={"text": "a " * 10_000}), 413, "too_large")


def test_oversized_body_without_content_length_is_413_while_reading(make_client):
    client = make_client(max_body_bytes=10_000)

    def chunks():  # sent chunked: the size is known only by reading
        for _ in range(30):
            yield b"a" * 1000

    response = client.post("/api/review", content=chunks(), headers={"content-type": "application/json"})
    _error(response, 413, "too_large")


def test_a_body_at_the_limit_is_read(make_client):
    client = make_client(max_body_bytes=10_000)
    response = client.post("/api/review", json={"text": STRONG_STORY})
    assert response.status_code == 200


def test_unexpected_failure_is_a_500_with_a_message_not_a_traceback(make_client, monkeypatch):
    from fastapi.testclient import TestClient

    from starbar.web import api

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api, "run_review", boom)
    client = TestClient(make_client().app, base_url="http://127.0.0.1", raise_server_exceptions=False)
    response = client.post("/api/review", json={"text": STRONG_STORY})
    message = _error(response, 500, "internal_error")
    assert "secret internal detail" not in response.text and "RuntimeError" not in message


def test_local_mode_refuses_a_host_that_is_not_loopback(client):
    response = client.get("/api/openapi.json", headers={"host": "attacker.example"})
    _error(response, 400, "bad_host")
    assert client.get("/api/openapi.json", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/api/openapi.json", headers={"host": "[::1]:8765"}).status_code == 200


def test_unknown_api_path_is_json_404(client):
    _error(client.get("/api/nothing-here"), 404, "not_found")


def test_openapi_describes_every_endpoint_and_the_review_contract(client):
    doc = client.get("/api/openapi.json").json()
    assert set(doc["paths"]) == {
        "/api/review",
        "/api/fit",
        "/api/rubrics",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/versions",
        "/api/stories/{story_id}/versions/{number}",
        "/api/stories/{story_id}/diff",
        "/api/checklist",
        "/api/matrix",
        "/api/practice/questions",
        "/api/practice/probes",
        "/api/practice/sessions",
    }
    review = doc["paths"]["/api/review"]["post"]
    assert review["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/ReviewOut")
    assert {"413", "422", "400"} <= set(review["responses"])
    contract = doc["components"]["schemas"]["ReviewOut"]["properties"]
    assert set(contract) == set(_contract(STRONG_STORY))


# --- story bank -----------------------------------------------------------------------------------


def _add(client, title="Loan upload", text=STRONG_STORY, level="L6"):
    response = client.post("/api/stories", json={"title": title, "text": text, "level": level})
    assert response.status_code == 201, response.text
    return response.json()


def test_story_add_list_get(client):
    assert client.get("/api/stories").json() == []
    version = _add(client)
    assert version["number"] == 1 and version["verdict"] == starbar.review(STRONG_STORY.strip()).verdict
    listed = client.get("/api/stories").json()
    assert [s["title"] for s in listed] == ["Loan upload"]
    story = client.get(f"/api/stories/{version['story_id']}").json()
    assert story["latest"]["review"]["verdict"] == version["verdict"] and story["versions"] == 1


def test_story_versions_history_and_diff(client):
    story_id = _add(client, text=WEAK_STORY)["story_id"]
    second = client.post(f"/api/stories/{story_id}/versions", json={"text": STRONG_STORY})
    assert second.status_code == 201 and second.json()["number"] == 2
    history = client.get(f"/api/stories/{story_id}/versions").json()
    assert [v["number"] for v in history] == [1, 2] and "review" not in history[0]
    assert client.get(f"/api/stories/{story_id}/versions/1").json()["text"] == WEAK_STORY.strip()
    diff = client.get(f"/api/stories/{story_id}/diff", params={"a": 1, "b": 2}).json()
    assert (diff["from"], diff["to"]) == (1, 2)
    assert {s["op"] for s in diff["text"]} >= {"insert", "delete"}
    assert diff["verdict"]["before"] != diff["verdict"]["after"]
    assert client.get(f"/api/stories/{story_id}/diff").json()["to"] == 2  # the last two by default


def test_story_errors(client):
    _error(client.get("/api/stories/999"), 404, "not_found")
    _error(client.post("/api/stories/999/versions", json={"text": STRONG_STORY}), 404, "not_found")
    story_id = _add(client)["story_id"]
    _error(client.get(f"/api/stories/{story_id}/versions/5"), 404, "not_found")
    _error(client.get(f"/api/stories/{story_id}/diff", params={"a": 1, "b": 4}), 404, "not_found")
    _error(client.get(f"/api/stories/{story_id}/diff", params={"a": 1}), 422, "bad_input")
    _error(client.post("/api/stories", json={"title": "   ", "text": STRONG_STORY}), 422, "bad_input")
    _error(client.post("/api/stories", json={"title": "t" * 201, "text": STRONG_STORY}), 422, "invalid_request")
    _error(client.post("/api/stories", json={"title": "Empty", "text": ""}), 422, "bad_input")
    _error(client.get("/api/stories/not-a-number"), 422, "invalid_request")


def test_checklist_over_the_bank(client):
    empty = client.get("/api/checklist").json()
    assert empty["level"] == "L6" and empty["clearing"] == []
    _add(client)
    at_l5 = client.get("/api/checklist", params={"level": "L5"}).json()
    assert at_l5["level"] == "L5" and len(at_l5["items"]) == len(empty["items"]) > 0
    _error(client.get("/api/checklist", params={"level": "L4"}), 422, "invalid_request")


# --- practice -------------------------------------------------------------------------------------


def test_practice_questions_and_filter(client):
    from starbar.practice.questions import load_questions

    everything = client.get("/api/practice/questions").json()
    assert [q["id"] for q in everything] == [q.id for q in load_questions()]
    kind = everything[0]["kind"]
    assert {q["kind"] for q in client.get("/api/practice/questions", params={"kind": kind}).json()} == {kind}


def test_practice_probes_for_a_weak_answer(client):
    from starbar.practice.session import begin

    body = client.post("/api/practice/probes", json={"answer": WEAK_STORY}).json()
    initial, probes = begin(WEAK_STORY, "L6")
    assert body["review"] == initial.to_dict()
    assert [p["probe"] for p in body["probes"]] == [p.text for p in probes] and probes


def test_practice_for_another_principle(client):
    from pathlib import Path

    answer = (Path(__file__).parents[1] / "practice_stories" / "bias_for_action.txt").read_text()
    listed = client.get("/api/practice/questions", params={"lp": "dive-deep"}).json()
    assert len(listed) >= 12 and {q["lp"] for q in listed} == {"dive-deep"}
    probes = client.post("/api/practice/probes", json={"answer": WEAK_STORY, "lp": "dive-deep"}).json()
    assert probes["review"]["rubric"] == "dive-deep-fintech" and probes["probes"]
    _error(client.post("/api/practice/probes", json={"answer": WEAK_STORY, "lp": "frugality"}), 422, "bad_input")
    body = client.post("/api/practice/sessions", json={"question_id": "calculated-risk", "answer": answer}).json()
    assert body["judged_by"] == "fit" and body["reading"]["status"] == "shows"
    lost = client.post(
        "/api/practice/sessions",
        json={"question_id": "calculated-risk", "answer": answer, "probe_answers": ["more detail"]},
    )
    assert "no probes are asked" in _error(lost, 422, "bad_input")


def test_practice_session_whole(client):
    from starbar.practice.questions import load_questions

    question = load_questions()[0].id
    answers = ["The risk team pushed back on the export because of data leaks; I showed them 200 tickets."]
    body = client.post(
        "/api/practice/sessions",
        json={"question_id": question, "answer": WEAK_STORY, "probe_answers": answers, "seconds": 75},
    ).json()
    assert body["question"]["id"] == question and body["probes"][0]["answer"] == answers[0]
    assert body["delivery"]["seconds"] == 75
    _error(
        client.post("/api/practice/sessions", json={"question_id": "no-such-question", "answer": WEAK_STORY}),
        404,
        "not_found",
    )
    _error(client.post("/api/practice/sessions", json={"question_id": question, "answer": ""}), 422, "bad_input")


def test_review_takes_the_principle_and_refuses_an_unknown_one(client):
    body = client.post("/api/review", json={"text": STRONG_STORY, "lp": "customer-obsession"}).json()
    assert body == _contract(STRONG_STORY, lp="customer-obsession")
    message = _error(client.post("/api/review", json={"text": STRONG_STORY, "lp": "nobody-at-all"}), 422, "bad_input")
    assert "no rubric judges the principle 'nobody-at-all'" in message


def test_rubrics_lists_every_principle_with_its_dimensions(client):
    from starbar.rubric import available, load_rubric

    listed = client.get("/api/rubrics").json()
    assert [r["rubric"] for r in listed] == available()
    co = next(r for r in listed if r["lp"] == "customer-obsession")
    assert co["dimensions"] == [d.id for d in load_rubric().dimensions] and co["version"] == load_rubric().version
