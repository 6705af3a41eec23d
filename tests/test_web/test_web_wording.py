"""Words a user understands: names, errors, plurals, the favicon (issue 10, items 11 and 14)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

import starbar
from starbar.bank.db import BankError
from starbar.web.app import create_app
from starbar.web.errors import web_message

from .conftest import LOOPBACK, STRONG_STORY, WEAK_STORY, add_users, csrf_of, sign_in


def _add(client, text: str = STRONG_STORY) -> int:
    return client.post("/api/stories", json={"title": "Loan upload", "text": text}).json()["story_id"]


def test_the_versions_table_uses_the_dimension_names_of_every_other_page(client):
    story_id = _add(client)
    html = client.get(f"/bank/{story_id}").text
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", html.split('data-testid="versions"')[1].split("</thead>")[0])
    names = [d.name for d in starbar.rubric.load_rubric().dimensions]
    assert all(name in heads for name in names), heads
    assert not any("_" in h or h in ("problem depth", "friction") for h in heads)


def test_a_missing_story_is_said_in_web_words_without_a_server_path(client, settings_for):
    response = client.get("/bank/424242")
    assert response.status_code == 404
    text = response.text
    assert "no story 424242 in your story bank" in text
    assert "starbar bank" not in text and settings_for().database_url.split("///")[1] not in text
    api = client.get("/api/stories/424242").json()["error"]["message"]
    assert api == "no story 424242 in your story bank"


def test_error_pages_keep_the_navigation_and_the_sign_out_link(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "alice")
    client = TestClient(create_app(settings), base_url=LOOPBACK)
    sign_in(client, "alice")
    for path in ("/nowhere", "/bank/424242"):
        page = client.get(path)
        assert page.status_code == 404
        assert 'href="/bank"' in page.text and 'href="/practice"' in page.text
        assert "Sign out" in page.text and "alice" in page.text


def test_saving_without_a_title_says_so_in_web_words_and_keeps_the_text(client):
    response = client.post("/bank", data={"title": "  ", "text": WEAK_STORY, "csrf": csrf_of(client)})
    assert response.status_code == 422
    assert "give the story a title" in response.text and "--title" not in response.text
    assert WEAK_STORY.split(".")[0] in response.text  # the story is still on the page, nothing lost
    assert client.get("/api/stories").json() == []
    api = client.post("/api/stories", json={"title": "   ", "text": STRONG_STORY}).json()["error"]["message"]
    assert api == "give the story a title"


def test_bank_messages_lose_paths_and_cli_commands(make_client, tmp_path):
    client = make_client()
    where = str(tmp_path / "bank.db")
    request = type("R", (), {"app": client.app})()
    locked = BankError(f"story bank {where} is locked by another program; try again when it has finished")
    assert web_message(request, locked) == "the story bank is locked by another program; try again when it has finished"
    hint = BankError(
        f"story bank {where}: is a folder; give a file path such as sqlite:///x/bank.db; `starbar bank list`"
    )
    assert where not in web_message(request, hint) and "`starbar" not in web_message(request, hint)


def test_the_checklist_counts_in_words(client):
    _add(client)
    html = client.get("/bank").text
    assert not re.search(r"\b1 stories\b|\b1 of 1 stories\b|all 1 stories", html)
    assert "the one story has it" in html or "1 of 1 story lacks it" in html


def test_a_favicon(client):
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").text
    for path in ("/favicon.ico", "/static/favicon.svg"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")


def test_how_close_on_a_no_hire_leads_with_the_smallest_change_up_to_hire(client):
    from starbar.web.reach import smallest_raise

    from .conftest import ROOT

    story = (ROOT / "tests" / "practice_stories" / "no_friction.txt").read_text(encoding="utf-8")
    review = starbar.review(story)
    assert review.verdict == "no_hire" and all(s.step < 0 for s in review.swings)  # the swings only point down
    raise_ = smallest_raise(review)
    assert raise_ and sum(raise_.values()) > 1
    html = client.post("/review", data={"text": story, "csrf": csrf_of(client)}).text
    close = re.search(r'data-testid="closeness">How close: ([^<]+)<', html).group(1)
    assert close.startswith("The smallest change that reaches hire: ")
    assert close.index("reaches hire") < close.index("strong no hire")
    # It is the smallest: no raise with one level fewer in all reaches hire.
    rubric = starbar.rubric.load_rubric()
    for dim in raise_:
        fewer = {**raise_, dim: raise_[dim] - 1}
        assert _verdict_with(review, rubric, fewer) != "hire"
    assert _verdict_with(review, rubric, raise_) in ("hire", "strong_hire")


def _verdict_with(review, rubric, raise_: dict[str, int]) -> str:
    """The judge's verdict had the levels been raised so (its own rules, applied here directly)."""
    from dataclasses import replace

    from starbar.detect import detect
    from starbar.judge.decide import classify, holding_flags, level_facts

    facts = {**detect(review.document, rubric).facts, f"target.{review.level}": 1.0, f"context.{review.context}": 1.0}
    scores = {d: replace(s, level=s.level + raise_.get(d, 0)) for d, s in review.dimensions.items()}
    facts.update(level_facts(rubric, scores, review.context))
    facts.update({f"flag.{f.id}": 1.0 for f in holding_flags(rubric, facts)})
    return classify(rubric, facts, review.level)[1].value


def test_a_failed_save_shows_the_review_of_the_principle_it_was_told_for(client):
    data = {"title": " ", "text": WEAK_STORY, "lp": "dive-deep", "csrf": csrf_of(client)}
    response = client.post("/bank", data=data)
    assert response.status_code == 422
    assert '<option value="dive-deep" selected>' in response.text
