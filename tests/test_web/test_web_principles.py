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
    # Every way back keeps the principle: the form's select, the report and the save forms.
    assert (lp, True) in _options(html)
    assert _hidden(html, "row report-form", "lp") == lp and _hidden(html, "save", "lp") == lp


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
