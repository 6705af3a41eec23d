"""The server-rendered pages in local mode: review, bank, practice, errors, escaping."""

from __future__ import annotations

import re

import starbar
from starbar.render.closeness import closeness

from .conftest import HOSTILE_STORY, STRONG_STORY, WEAK_STORY, csrf_of


def _marks(html: str) -> list[str]:
    return re.findall(r'<mark class="ev[^"]*" data-signal="([^"]+)" data-tip="([^"]+)">', html)


def test_review_page_shows_verdict_highlights_chart_and_coaching(client):
    html = client.post("/review", data={"text": STRONG_STORY, "level": "L6", "csrf": csrf_of(client)}).text
    review = starbar.review(STRONG_STORY, "L6")
    verdict = re.search(r'data-testid="verdict">([^<]+)<', html).group(1)
    assert verdict == review.verdict.replace("_", " ").upper()
    marks = _marks(html)
    fired = {e.signal for e in review.trace.fired}
    assert marks and {s for m in marks for s in m[0].split()} <= fired
    # Each tip names the dimension and what the sentence shows, never an internal id.
    rubric = starbar.rubric.load_rubric()
    names = [d.name for d in rubric.dimensions] + ["Context"]
    assert all(any(tip.startswith(f"{n}: ") for n in names) for _, tip in marks), marks
    assert not any(signal in tip for signals, tip in marks for signal in signals.split())
    assert len(re.findall(r'<g class="row" data-dimension=', html)) == len(review.dimensions)
    for question in review.followups:
        assert question.replace("'", "&#39;") in html
    assert set(re.findall(r'data-part="([STARO])"', html)) == {p.part for p in review.parts}
    close = re.search(r'data-testid="closeness">How close: ([^<]+)<', html).group(1)
    assert close == " ".join(closeness(review))


def test_review_page_keeps_the_story_text_exactly(client):
    html = client.post("/review", data={"text": STRONG_STORY, "csrf": csrf_of(client)}).text
    story = re.search(r'data-testid="story">(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r"<[^>]+>", "", story)
    assert plain == STRONG_STORY.replace("'", "&#39;")


def test_review_page_escapes_user_markup(client):
    html = client.post("/review", data={"text": HOSTILE_STORY, "csrf": csrf_of(client)}).text
    assert "<script>window" not in html and "<img src" not in html and "<b>bold?" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;b&gt;bold?&lt;/b&gt;" in html


def test_review_page_error_keeps_the_text_and_says_why(client):
    response = client.post("/review", data={"text": "   ", "csrf": csrf_of(client)})
    assert response.status_code == 422
    assert "The story is empty" in response.text and 'role="alert"' in response.text


def test_forms_need_the_csrf_token(client):
    csrf_of(client)
    assert client.post("/review", data={"text": STRONG_STORY}).status_code == 403
    assert client.post("/review", data={"text": STRONG_STORY, "csrf": "forged"}).status_code == 403
    assert client.post("/bank", data={"title": "x", "text": STRONG_STORY, "csrf": "forged"}).status_code == 403


def test_save_edit_history_and_diff_pages(client):
    token = csrf_of(client)
    saved = client.post(
        "/bank",
        data={"title": "Wallet export", "text": WEAK_STORY, "level": "L6", "csrf": token},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    url = saved.headers["location"]
    client.post(url, data={"text": STRONG_STORY, "level": "L6", "csrf": token})
    story = client.get(url).text
    assert re.findall(r'<tr data-version="(\d+)"', story) == ["1", "2"]
    assert 'data-testid="history-chart"' in story and story.count("<polyline") == 7
    diff = client.get(f"{url}/diff", params={"a": 1, "b": 2}).text
    assert "<ins>" in diff and "<del>" in diff
    before = starbar.review(WEAK_STORY.strip()).dimensions
    after = starbar.review(STRONG_STORY.strip()).dimensions
    for dim in before:
        row = re.search(rf'<tr data-dimension="{dim}"><td>[^<]+</td><td>(\d)</td><td>(\d)</td>', diff)
        assert (int(row.group(1)), int(row.group(2))) == (before[dim].level, after[dim].level)
    listing = client.get("/bank").text
    assert "Wallet export" in listing and "Preparation checklist" in listing


def test_bank_page_escapes_titles(client):
    token = csrf_of(client)
    client.post("/bank", data={"title": "<i>mine</i>", "text": STRONG_STORY, "csrf": token})
    listing = client.get("/bank").text
    assert "<i>mine</i>" not in listing and "&lt;i&gt;mine&lt;/i&gt;" in listing


def test_missing_story_and_page_are_404_pages(client):
    for path in ("/bank/42", "/bank/42/diff", "/nowhere", "/practice/no-such-question"):
        response = client.get(path)
        assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


def test_practice_runs_to_the_end(client):
    from starbar.practice.questions import load_questions
    from starbar.practice.session import begin

    question = load_questions()[0]
    page = client.get(f"/practice/{question.id}", params={"minutes": 2}).text
    assert 'data-countdown="120"' in page and question.text in page
    token = csrf_of(client)
    _, probes = begin(WEAK_STORY, "L6")
    answers: list[str] = []
    for expected in probes:
        step = client.post(
            f"/practice/{question.id}",
            data={"answer": WEAK_STORY, "level": "L6", "elapsed": "80", "probe": answers, "csrf": token},
        ).text
        assert expected.text.replace("'", "&#39;") in re.search(r'data-testid="probe">([^<]+)<', step).group(1)
        answers.append("I read 150 support tickets myself and the compliance lead objected to exporting raw data.")
    result = client.post(
        f"/practice/{question.id}",
        data={"answer": WEAK_STORY, "level": "L6", "elapsed": "80", "probe": answers, "csrf": token},
    ).text
    assert 'data-testid="practice-result"' in result and "words a minute" in result
    saved = client.post(
        f"/practice/{question.id}/save",
        follow_redirects=False,
        data={"answer": WEAK_STORY, "level": "L6", "elapsed": "80", "probe": answers, "csrf": token},
    )
    assert saved.status_code == 303
    story = client.get(f"/api{saved.headers['location'].replace('/bank', '/stories')}").json()
    assert story["title"].startswith("Practice: ") and "practice" in story["tags"]
    assert all(a in story["latest"]["text"] for a in answers)


def test_practice_without_an_answer_says_so(client):
    from starbar.practice.questions import load_questions

    question = load_questions()[0]
    response = client.post(f"/practice/{question.id}", data={"answer": " ", "csrf": csrf_of(client)})
    assert response.status_code == 422 and "Type an answer first" in response.text


def test_static_assets_are_served_locally(client):
    page = client.get("/").text
    urls = [u for u in re.findall(r'(?:src|href)="([^"]+)"', page) if not u.startswith("#")]  # "#main": the skip link
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls)
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_pages_forbid_foreign_scripts_and_framing(client):
    for path in ("/", "/bank", "/practice", "/api/openapi.json", "/nowhere"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert headers["x-content-type-options"] == "nosniff"
