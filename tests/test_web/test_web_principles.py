"""Every principle on the web (issue 12, items 1 and 2): the review form's principle select, the
result page of any rubric, the other principles a story serves, and the fit page."""

from __future__ import annotations

import html as html_lib
import re

import pytest

import starbar
from starbar.api import also_serves
from starbar.rubric import for_lp, load_rubric

from .conftest import HOSTILE_STORY, STRONG_STORY, WEAK_STORY, csrf_of

SEVEN = [
    "customer-obsession",
    "deliver-results",
    "dive-deep",
    "earn-trust",
    "have-backbone",
    "invent-and-simplify",
    "ownership",
]


def _options(html: str) -> list[tuple[str, bool]]:
    select = re.search(r'<select name="lp">(.*?)</select>', html, re.S).group(1)
    return [(v, bool(s)) for v, s in re.findall(r'<option value="([^"]+)"( selected)?>', select)]


def _hidden(html: str, form_class: str, name: str) -> str:
    form = re.search(rf'<form class="{form_class}"[^>]*>(.*?)</form>', html, re.S).group(1)
    return re.search(rf'name="{name}" value="([^"]*)"', form).group(1)


def _review(client, text: str, lp: str | None = None, level: str = "L6"):
    data = {"text": text, "level": level, "csrf": csrf_of(client)}
    if lp is not None:
        data["lp"] = lp
    return client.post("/review", data=data)


def test_the_form_offers_the_seven_principles_customer_obsession_first_and_chosen(client):
    options = _options(client.get("/").text)
    assert sorted(v for v, _ in options) == SEVEN
    assert options[0] == ("customer-obsession", True) and sum(s for _, s in options) == 1


def test_a_link_can_choose_the_principle_and_an_unknown_one_is_a_422(client):
    assert ("dive-deep", True) in _options(client.get("/?lp=dive-deep").text)
    response = client.get("/?lp=nobody-at-all")
    assert response.status_code == 422
    assert "no rubric judges the principle &#39;nobody-at-all&#39;" in response.text
    assert ("customer-obsession", True) in _options(response.text)


@pytest.mark.parametrize("lp", ["dive-deep", "have-backbone"])
def test_the_result_shows_the_chosen_rubrics_dimensions_flags_and_follow_ups(client, lp):
    response = _review(client, STRONG_STORY, lp)
    assert response.status_code == 200
    html = response.text
    review = starbar.review(STRONG_STORY, lp=lp)
    rubric = load_rubric(for_lp(lp))
    assert review.rubric == rubric.id and f"(rubric {rubric.id})" in html
    assert re.search(r'data-testid="principle">([^<]+)<', html).group(1) == html_lib.escape(rubric.principle)
    shown = re.findall(r'<summary><span class="dim-level">(\d)/4</span> ([^<]+)</summary>', html)
    assert shown == [(str(d.level), d.name) for d in review.dimensions.values()]
    assert [d.name for d in rubric.dimensions] == [name for _, name in shown]
    assert re.findall(r'data-flag="([^"]+)"', html) == [f.id for f in review.flags]
    for question in review.followups:
        assert html_lib.escape(question) in html
    # The ways back keep the principle: the form's select and the report's form.
    assert (lp, True) in _options(html)
    assert _hidden(html, "row report-form", "lp") == lp


def test_the_markdown_report_is_of_the_chosen_principle_with_what_else_it_serves(client):
    data = {"text": STRONG_STORY, "level": "L6", "lp": "earn-trust", "csrf": csrf_of(client)}
    report = client.post("/review/report.md", data=data)
    assert report.status_code == 200
    names = [d.name for d in load_rubric(for_lp("earn-trust")).dimensions]
    assert all(f"| {name} |" in report.text for name in names)
    assert "## Also serves" in report.text and "**Customer Obsession (customer-obsession): primary" in report.text


def test_an_unknown_principle_is_a_422_that_keeps_the_story(client):
    response = _review(client, STRONG_STORY, "nobody-at-all")
    assert response.status_code == 422 and 'role="alert"' in response.text
    assert "no rubric judges the principle &#39;nobody-at-all&#39;" in response.text
    assert html_lib.escape(STRONG_STORY.strip()[:80]) in response.text
    assert 'data-testid="verdict"' not in response.text


def test_the_result_lists_the_other_principles_served_with_quotes_and_review_buttons(client):
    html = _review(client, STRONG_STORY, "dive-deep").text
    served = also_serves(starbar.review(STRONG_STORY, lp="dive-deep"))
    section = re.search(r'data-testid="also-serves">(.*?)</section>', html, re.S).group(1)
    shown = re.findall(r'<div class="served" data-principle="([^"]+)" data-role="([^"]+)">', section)
    assert shown == [(p.id, p.role) for p in served] and shown[0] == ("customer-obsession", "primary")
    assert "dive-deep" not in dict(shown)
    for p in served:
        block = section.split(f'data-principle="{p.id}"')[1].split('<div class="served"')[0]
        assert [html_lib.unescape(q) for q in re.findall(r"<q>(.*?)</q>", block, re.S)] == [q.quote for q in p.quotes]
        assert re.search(rf'name="lp" value="{p.id}"', block) and f"Review for {html_lib.escape(p.name)}" in block


def test_a_story_that_serves_nothing_else_says_so(client):
    html = _review(client, WEAK_STORY).text
    assert also_serves(starbar.review(WEAK_STORY)) == ()
    assert "No other principle: none shows two signals or more" in html


def test_quotes_of_the_other_principles_are_escaped(client):
    html = _review(client, HOSTILE_STORY, "dive-deep").text
    section = re.search(r'data-testid="also-serves">(.*?)</section>', html, re.S).group(1)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in section
    assert "<script>" not in html and "<img src" not in html


# --- the fit page and POST /api/fit ----------------------------------------------------------------


def _fit(client, text: str, level: str = "L6"):
    return client.post("/fit", data={"text": text, "level": level, "csrf": csrf_of(client)})


def test_the_fit_page_is_in_the_navigation_and_has_a_form(client):
    assert 'href="/fit"' in client.get("/").text
    form = client.get("/fit")
    assert form.status_code == 200 and '<form class="story-form" method="post" action="/fit">' in form.text


def test_the_fit_page_ranks_all_sixteen_with_roles_and_quotes(client):
    response = _fit(client, STRONG_STORY)
    assert response.status_code == 200
    html = response.text
    result = starbar.fit(STRONG_STORY)
    ranking = re.search(r'data-testid="ranking">(.*?)</ol>', html, re.S).group(1)
    shown = re.findall(r'<li class="served" data-principle="([^"]+)" data-role="([^"]*)">', ranking)
    assert shown == [(p.id, p.role or "") for p in result.ranked] and len(shown) == 16
    assert shown[0] == ("customer-obsession", "primary")
    for p in result.ranked:
        block = ranking.split(f'data-principle="{p.id}"')[1].split('<li class="served"')[0]
        quotes = [html_lib.unescape(q) for q in re.findall(r"<q>(.*?)</q>", block, re.S)]
        assert quotes == [q.quote for q in (*p.quotes, *p.mistaken)]
        assert ('class="badge role-' in block) == p.claimed


def test_the_fit_page_marks_the_quoted_sentences_on_the_story_kept_exactly(client):
    html = _fit(client, STRONG_STORY).text
    result = starbar.fit(STRONG_STORY)
    story = re.search(r'data-testid="story">(.*?)</div>', html, re.S).group(1)
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", story)) == STRONG_STORY
    marks = re.findall(r'<mark class="ev[^"]*" data-signal="([^"]+)" data-tip="([^"]+)">', story)
    quoted = {q.signal for p in result.ranked for q in (*p.quotes, *p.mistaken)}
    assert marks and {s for signals, _ in marks for s in signals.split()} == quoted
    names = [p.name for p in result.ranked]
    # A tip names the principle and what the sentence shows, never an internal id.
    assert all(any(html_lib.unescape(tip).startswith(f"{n}: ") for n in names) for _, tip in marks), marks
    assert not any(s in tip for signals, tip in marks for s in signals.split())


def test_the_fit_page_offers_each_suggested_deep_review_at_the_chosen_level(client):
    html = _fit(client, STRONG_STORY, "L7").text
    result = starbar.fit(STRONG_STORY)
    forms = re.findall(r'<form class="review-for" method="post" action="/review">(.*?)</form>', html, re.S)
    assert [re.search(r'name="lp" value="([^"]+)"', f).group(1) for f in forms] == list(result.deep)
    assert all('name="level" value="L7"' in f for f in forms)
    # Following one reviews the story for that principle.
    lp = result.deep[1]
    text = html_lib.unescape(re.search(r'name="text" value="([^"]*)"', forms[1]).group(1))
    assert text == STRONG_STORY
    reviewed = _review(client, text, lp, "L7").text
    assert ("dive-deep", False) in _options(reviewed) and (lp, True) in _options(reviewed)
    assert re.search(r'data-testid="verdict">([^<]+)<', reviewed).group(1) == (
        starbar.review(STRONG_STORY, "L7", lp=lp).verdict.replace("_", " ").upper()
    )


def test_a_thin_story_on_the_fit_page_says_it_answers_nothing(client):
    html = _fit(client, WEAK_STORY).text
    assert "No principle shows two signals or more" in html
    assert 'class="review-for"' not in html


def test_the_fit_page_escapes_the_story_and_keeps_it_on_an_error(client):
    html = _fit(client, HOSTILE_STORY).text
    assert "<script>window" not in html and "<img src" not in html and "<b>bold?" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    response = _fit(client, "Dies ist eine Geschichte über unsere Kunden und die Bank <b>heute</b>.")
    assert response.status_code == 422 and 'role="alert"' in response.text
    assert "Dies ist eine Geschichte über unsere Kunden und die Bank &lt;b&gt;heute&lt;/b&gt;." in response.text


def test_the_fit_form_needs_the_csrf_token_and_a_body_under_the_limit(make_client):
    client = make_client(max_body_bytes=10_000)
    csrf_of(client)
    assert client.post("/fit", data={"text": STRONG_STORY}).status_code == 403
    response = client.post("/fit", data={"text": "a " * 10_000, "csrf": csrf_of(client)})
    assert response.status_code == 413


def test_a_review_page_links_to_the_fit_of_the_same_story(client):
    html = _review(client, STRONG_STORY, level="L5").text
    assert _hidden(html, "row fit-form", "level") == "L5"
    assert html_lib.unescape(_hidden(html, "row fit-form", "text")) == STRONG_STORY


def _api_error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code and "Traceback" not in response.text
    return response.json()["error"]["message"]


def test_api_fit_is_the_same_json_as_the_cli(client):
    response = client.post("/api/fit", json={"text": STRONG_STORY})
    assert response.status_code == 200
    assert response.json() == starbar.fit(STRONG_STORY).to_dict()
    assert response.json()["claimed"] == ["customer-obsession", "invent-and-simplify", "deliver-results"]


def test_api_fit_refuses_bad_requests_with_clear_errors(make_client):
    client = make_client(max_body_bytes=10_000)
    assert _api_error(client.post("/api/fit", json={}), 422, "invalid_request").startswith("text")
    assert _api_error(client.post("/api/fit", json={"text": "x", "lp": "ownership"}), 422, "invalid_request")
    message = _api_error(client.post("/api/fit", json={"text": "  "}), 422, "bad_input")
    assert message.startswith("The story is empty")
    form = {"content": b"text=hello", "headers": {"content-type": "application/x-www-form-urlencoded"}}
    _api_error(client.post("/api/fit", **form), 415, "unsupported_media_type")
    _api_error(client.post("/api/fit", json={"text": "a " * 10_000}), 413, "too_large")


def test_fit_needs_a_sign_in_in_team_mode(team_clients):
    clients, tokens = team_clients
    anonymous = clients["anonymous"]
    assert anonymous.post("/api/fit", json={"text": STRONG_STORY}).status_code == 401
    assert anonymous.get("/fit", follow_redirects=False).headers["location"] == "/login?next=/fit"
    assert clients["alice"].post("/api/fit", json={"text": STRONG_STORY}).status_code == 200
    assert clients["alice"].post("/fit", data={"text": STRONG_STORY, "csrf": tokens["alice"]}).status_code == 200


def test_fit_is_rate_limited_with_the_reviews(settings_for):
    from fastapi.testclient import TestClient

    from starbar.web.app import create_app

    from .conftest import LOOPBACK, add_users, sign_in

    settings = settings_for(team=True, reviews_per_minute=1, review_burst=2)
    add_users(settings, "gus")
    gus = TestClient(create_app(settings), base_url=LOOPBACK)
    sign_in(gus, "gus")
    codes = [gus.post("/api/fit", json={"text": WEAK_STORY}).status_code for _ in range(2)]
    codes.append(gus.post("/api/review", json={"text": WEAK_STORY}).status_code)
    assert codes == [200, 200, 429]
