"""The debrief page in the system Chromium: upload a transcript, see the cards and the timeline."""

from __future__ import annotations

import pytest

from debrief_corpus import DATA
from starbar.debrief import debrief

from .conftest import screenshot

pytestmark = pytest.mark.browser


def test_upload_a_transcript_and_see_each_answer_and_the_timeline(live_server, page):
    path = DATA / "checkout.voice.vtt"
    result = debrief(path.read_text(encoding="utf-8"))
    page.goto(f"{live_server.url}/")
    page.click("nav a:has-text('Debrief')")
    page.set_input_files("input[name=transcript]", str(path))
    page.click("form.debrief-form button[type=submit]")
    page.wait_for_selector("[data-testid=timeline] svg")
    assert page.inner_text("[data-testid=candidate]") == "Sam Okafor"
    cards = page.locator("[data-testid=answer-card]")
    assert cards.count() == len(result.answers)
    for n, answer in enumerate(result.answers):
        card = cards.nth(n)
        if answer.review is None:
            assert card.locator("[data-testid=missed]").is_visible()
        else:
            assert card.locator("[data-testid=verdict]").inner_text() == answer.review.verdict.replace("_", " ").upper()
            assert card.locator("[data-testid=followup]").count() == len(answer.followups)
    spans = page.locator("[data-testid=timeline] rect.tl:not(.tl-interviewer):not(.tl-candidate)")
    assert spans.count() == len(result.answers)
    box = page.locator("[data-testid=timeline] svg").bounding_box()
    assert box and box["width"] > 600  # drawn, not collapsed
    screenshot(page, "debrief.png")
