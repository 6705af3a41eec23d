"""The Markdown report to download, and the print stylesheet's one-page review (issue 10, item 15)."""

from __future__ import annotations

import re

import pytest

import starbar
from starbar.render.markdown import to_markdown

from .conftest import STRONG_STORY, WEAK_STORY, csrf_of


def _saved(client) -> int:
    story_id = client.post("/api/stories", json={"title": "Spending export", "text": WEAK_STORY}).json()["story_id"]
    client.post(f"/api/stories/{story_id}/versions", json={"text": STRONG_STORY})
    return story_id


def test_the_story_page_offers_each_versions_markdown_report(client):
    story_id = _saved(client)
    page = client.get(f"/bank/{story_id}", params={"v": 1}).text
    assert f'href="/bank/{story_id}/report.md?v=1"' in page
    for number, text in ((1, WEAK_STORY), (2, STRONG_STORY)):
        report = client.get(f"/bank/{story_id}/report.md", params={"v": number})
        assert report.status_code == 200 and report.headers["content-type"].startswith("text/markdown")
        assert report.headers["content-disposition"] == f'attachment; filename="story-{story_id}-v{number}.md"'
        assert report.text.startswith(f"**Spending export**, version {number} of 2\n\n")
        assert report.text.endswith(to_markdown(starbar.review(text.strip())))
    assert client.get(f"/bank/{story_id}/report.md").text.startswith("**Spending export**, version 2 of 2")
    assert client.get(f"/bank/{story_id}/report.md", params={"v": 9}).status_code == 404


def test_the_review_page_offers_the_markdown_report_of_the_story_reviewed(client):
    token = csrf_of(client)
    page = client.post("/review", data={"text": STRONG_STORY, "level": "L7", "csrf": token}).text
    assert 'action="/review/report.md"' in page
    report = client.post("/review/report.md", data={"text": STRONG_STORY, "level": "L7", "csrf": token})
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]
    review = starbar.review(STRONG_STORY, "L7")
    assert report.text == to_markdown(review, also=starbar.api.also_serves(review))
    assert client.post("/review/report.md", data={"text": STRONG_STORY}).status_code == 403


def test_in_team_mode_a_report_is_the_owners_only(team_clients):
    clients, _ = team_clients
    story_id = _saved(clients["alice"])
    assert clients["alice"].get(f"/bank/{story_id}/report.md").status_code == 200
    assert clients["bob"].get(f"/bank/{story_id}/report.md").status_code == 404


def _pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", print_background=True)))


@pytest.mark.browser
@pytest.mark.parametrize("story", [STRONG_STORY, WEAK_STORY], ids=["strong", "weak"])
def test_printing_gives_a_clean_one_page_review(live_server, page, story):
    page.goto(f"{live_server.url}/")
    page.fill("textarea[name=text]", story)
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector("[data-testid=verdict]")
    assert page.locator("button[data-print]").first.is_visible()
    assert _pdf_pages(page) == 1
    page.fill("form.save input[name=title]", "Printed")
    page.click("form.save button[type=submit]")
    page.wait_for_selector("[data-testid=versions]")
    assert _pdf_pages(page) == 1
    page.emulate_media(media="print")
    for hidden in ("header.top", "footer", "form.edit-form", "[data-testid=versions]", "[data-testid=report]"):
        assert not page.locator(hidden).is_visible(), hidden
    for shown in ("[data-testid=verdict]", "[data-testid=story]", "[data-testid=chart]", ".flags", ".coaching"):
        assert page.locator(shown).is_visible(), shown
