"""The practice pages across principles: the principle filter, an answer read with `fit`, and the
mock-loop page (draw, answers kept on a mistake, the report by principle, escaping)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from starbar.practice.loop import draw_loop
from starbar.practice.questions import load_questions

from .conftest import HOSTILE_STORY, WEAK_STORY, csrf_of, screenshot

STORIES = Path(__file__).parents[1] / "practice_stories"
DIVE_DEEP = (STORIES / "dive_deep.txt").read_text()
DIVE_DEEP_RETOLD = (STORIES / "dive_deep_retold.txt").read_text()
BIAS_FOR_ACTION = (STORIES / "bias_for_action.txt").read_text()


def test_the_practice_list_filters_by_principle(client):
    html = client.get("/practice", params={"lp": "earn-trust"}).text
    shown = re.findall(r'data-question="([^"]+)"', html)
    assert shown == [q.id for q in load_questions() if q.lp == "earn-trust"] and len(shown) >= 12
    assert '<option value="earn-trust" selected>Earn Trust</option>' in html
    assert 'href="/practice/loop"' in html


def test_an_answer_to_a_principle_without_a_rubric_is_read_with_fit(client):
    token = csrf_of(client)
    html = client.post(
        "/practice/removed-waste", data={"answer": DIVE_DEEP, "level": "L6", "elapsed": "95", "csrf": token}
    ).text
    assert 'data-testid="practice-result"' in html and 'data-testid="probe"' not in html
    assert "Mismatch" in html and "about Dive Deep" in html and "What shows Dive Deep" in html
    shows = client.post("/practice/calculated-risk", data={"answer": BIAS_FOR_ACTION, "csrf": token}).text
    assert "badge-fit-shows" in shows and "Shows Bias for Action" in shows
    saved = client.post(
        "/practice/calculated-risk/save", data={"answer": BIAS_FOR_ACTION, "csrf": token}, follow_redirects=False
    )
    assert saved.status_code == 303
    story = client.get(f"/api{saved.headers['location'].replace('/bank', '/stories')}").json()
    assert story["told_for"] == "bias-for-action" and story["latest"]["text"].strip() == BIAS_FOR_ACTION.strip()


def test_a_dive_deep_question_is_probed_from_its_rubric(client):
    html = client.post("/practice/authorisation-rate-drop", data={"answer": WEAK_STORY, "csrf": csrf_of(client)}).text
    probe = re.search(r'data-testid="probe">([^<]+)<', html)
    assert probe is not None
    from starbar.practice.session import begin

    _, probes = begin(WEAK_STORY, "L6", "dive-deep")
    assert probes[0].text.replace("'", "&#39;") in probe.group(1)


# --- the mock loop --------------------------------------------------------------------------------


def _form(client, seed: int = 5, interviews: int = 3, level: str = "L6") -> tuple[str, list[str]]:
    html = client.get("/practice/loop", params={"seed": seed, "interviews": interviews, "level": level}).text
    return html, re.findall(r'name="question" value="([^"]+)"', html)


def test_the_loop_page_shows_the_drawn_loop(client):
    html, ids = _form(client)
    plan = draw_loop(load_questions(), interviews=3, seed=5)
    assert ids == [q.id for q in plan.questions]
    assert html.count("<h2>Interviewer") == 3 and all(q.text.replace("'", "&#39;") in html for q in plan.questions)
    # without a seed, one is drawn and shown so the loop can be replayed
    assert re.search(r'name="seed" value="\d+"', client.get("/practice/loop").text)


def test_a_finished_loop_reports_by_principle_and_warns_of_a_story_told_twice(client):
    _, ids = _form(client)
    plan = draw_loop(load_questions(), interviews=3, seed=5)
    answers = [
        {"dive-deep": DIVE_DEEP, "have-backbone": DIVE_DEEP_RETOLD, "bias-for-action": BIAS_FOR_ACTION}.get(
            q.lp, f"{WEAK_STORY}\n\nThis answer is for {q.id}."
        )
        for q in plan.questions
    ]
    answers[-1] = answers[-1] + "\n" + HOSTILE_STORY
    elapsed = ["125"] + [""] * (len(ids) - 1)  # the page's script times what it can
    data = {"seed": "5", "interviews": "3", "level": "L6", "question": ids, "answer": answers, "elapsed": elapsed}
    html = client.post("/practice/loop", data=data | {"csrf": csrf_of(client)}).text
    rows = re.findall(r'<tr data-lp="([^"]+)">', html)
    times = re.findall(r'<td data-label="Time">([^<]+)</td>', html)
    assert times == ["2:05"] + ["-"] * (len(ids) - 1)
    assert rows == [q.lp for q in plan.questions]
    assert 'data-testid="loop-reused"' in html and "Stories told twice" in html
    assert (
        "<strong>Dive Deep</strong> and <strong>Have Backbone; Disagree and Commit</strong> tell the same story" in html
    )
    assert "shows it (fit)" in html  # bias for action, read with fit
    assert re.search(r'<tr data-lp="dive-deep">.*?badge-(strong_hire|hire)"', html, re.S)
    assert "<script>" not in html and "&lt;script&gt;" in html  # the hostile story is shown as text


def test_a_loop_with_an_empty_answer_comes_back_with_every_answer_kept(client):
    _, ids = _form(client)
    answers = [f"My answer number {i} about the payments team." for i in range(len(ids))]
    answers[1] = "  "
    data = {"seed": "5", "interviews": "3", "level": "L6", "question": ids, "answer": answers}
    response = client.post("/practice/loop", data=data | {"csrf": csrf_of(client)})
    assert response.status_code == 422 and "answer every question" in response.text
    assert all(a in response.text for a in answers if a.strip())


def test_answers_posted_for_another_loop_are_refused(client):
    _, ids = _form(client)
    answers = [f"My answer {i} for the other loop." for i in range(len(ids))]
    data = {"seed": "6", "interviews": "3", "level": "L6", "question": ids, "answer": answers}
    response = client.post("/practice/loop", data=data | {"csrf": csrf_of(client)})
    assert response.status_code == 422 and "belong to another loop" in response.text
    # shown apart, not in the boxes of questions they were not written for
    assert all(a in response.text for a in answers) and 'data-testid="loop-unplaced"' in response.text
    boxes = re.findall(r"<textarea[^>]*>([^<]*)</textarea>", response.text)
    assert boxes and all(b == "" for b in boxes)


def test_bad_loop_parameters_are_named_and_refused(client):
    for params, phrase in (
        ({"interviews": "9"}, "3 to 6 interviewers"),
        ({"seed": "abc"}, "whole number"),
        ({"level": "L4"}, "is not one of"),
    ):
        response = client.get("/practice/loop", params=params)
        assert response.status_code == 422 and phrase in response.text, params
    missing_csrf = client.post("/practice/loop", data={"seed": "5"})
    assert missing_csrf.status_code in (400, 403)


# --- in the browser ---------------------------------------------------------------------------------


@pytest.mark.browser
def test_run_a_mock_loop_in_the_browser(live_server, page):
    page.goto(f"{live_server.url}/practice")
    page.click("a:has-text('run a mock loop')")
    page.select_option("select[name=interviews]", "3")
    page.fill("input[name=seed]", "5")
    page.click("button:has-text('Draw')")
    page.wait_for_selector("[data-testid=loop-form]")
    assert page.locator("h2:has-text('Interviewer')").count() == 3
    boxes = page.locator("textarea[name=answer]").all()
    lps = [box.evaluate("b => b.closest('.loop-question').dataset.lp") for box in boxes]
    stories = {"dive-deep": DIVE_DEEP, "have-backbone": DIVE_DEEP_RETOLD, "bias-for-action": BIAS_FOR_ACTION}
    for i, (box, lp) in enumerate(zip(boxes, lps)):
        box.fill(stories.get(lp, f"{WEAK_STORY}\n\nAnswer {i}, for {lp}."))
    # the page's script times each answer from its first keystroke into its hidden field
    timed = page.locator(".loop-question input[name=elapsed]").all()
    assert len(timed) == len(boxes) and all(t.input_value().isdigit() for t in timed)
    page.click("button:has-text('Finish the loop')")
    page.wait_for_selector("[data-testid=loop-report]")
    rows = page.locator("[data-testid=loop-report] tbody tr")
    assert rows.count() == len(boxes)
    assert [rows.nth(i).get_attribute("data-lp") for i in range(rows.count())] == lps
    assert page.locator("[data-testid=loop-reused]").is_visible()
    screenshot(page, "mock-loop.png")
    page.click("a:has-text('the same loop again')")
    page.wait_for_selector("[data-testid=loop-form]")
    assert page.locator("textarea[name=answer]").count() == len(boxes)
