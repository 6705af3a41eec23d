"""Every principle and `fit` in the system Chromium (issue 12): the principle select, the
review's "also serves" and its buttons, the fit page and its deep reviews."""

from __future__ import annotations

import pytest

import starbar
from starbar.rubric import for_lp, load_rubric

from .conftest import HOSTILE_STORY, STRONG_STORY, screenshot

pytestmark = pytest.mark.browser


def _names(page) -> list[str]:
    return [s.split("/4 ", 1)[1] for s in page.locator(".dimensions summary").all_inner_texts()]


def test_review_a_story_for_another_principle_then_for_one_it_also_serves(live_server, page):
    page.goto(f"{live_server.url}/")
    page.fill("textarea[name=text]", STRONG_STORY)
    page.select_option("select[name=lp]", "dive-deep")
    page.select_option("select[name=level]", "L7")
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector("[data-testid=verdict]")
    review = starbar.review(STRONG_STORY, "L7", lp="dive-deep")
    assert page.inner_text("[data-testid=verdict]") == review.verdict.replace("_", " ").upper()
    assert page.inner_text("[data-testid=principle]") == "Dive Deep"
    assert _names(page) == [d.name for d in load_rubric(for_lp("dive-deep")).dimensions]
    assert page.locator("[data-testid=chart] svg g.row").count() == len(review.dimensions)
    assert page.eval_on_selector("select[name=lp]", "s => s.value") == "dive-deep"
    served = page.locator("[data-testid=also-serves] .served")
    assert served.first.get_attribute("data-principle") == "customer-obsession"
    assert served.first.get_attribute("data-role") == "primary"
    screenshot(page, "review-dive-deep.png")
    served.first.locator("button").click()
    page.wait_for_selector("[data-testid=verdict]")
    assert page.inner_text("[data-testid=principle]") == "Customer Obsession"
    assert page.eval_on_selector("select[name=level]", "s => s.value") == "L7"
    assert page.input_value("textarea[name=text]").replace("\r\n", "\n") == STRONG_STORY


def test_rank_the_principles_and_run_a_suggested_deep_review(live_server, page):
    page.goto(f"{live_server.url}/")
    page.click("header nav a[href='/fit']")
    page.fill("textarea[name=text]", STRONG_STORY)
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector("[data-testid=ranking]")
    result = starbar.fit(STRONG_STORY)
    items = page.locator("[data-testid=ranking] > li")
    assert items.count() == 16
    assert [items.nth(i).get_attribute("data-principle") for i in range(16)] == [p.id for p in result.ranked]
    assert page.locator("[data-testid=ranking] .badge.role-primary").count() == 1
    marks = page.locator("[data-testid=story] mark.ev")
    assert marks.count() > 3
    marks.first.hover()
    tip = page.evaluate("el => getComputedStyle(el, '::after').content", marks.first.element_handle())
    assert any(f"{p.name}: " in tip for p in result.ranked if p.quotes)
    screenshot(page, "fit.png")
    deep = page.locator("[data-testid=fit-summary] form.review-for button")
    assert deep.count() == len(result.deep)
    lp = result.deep[-1]
    deep.last.click()
    page.wait_for_selector("[data-testid=verdict]")
    assert page.eval_on_selector("select[name=lp]", "s => s.value") == lp
    review = starbar.review(STRONG_STORY, lp=lp)
    assert page.inner_text("[data-testid=verdict]") == review.verdict.replace("_", " ").upper()


def test_script_in_a_story_is_text_on_the_fit_page(live_server, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live_server.url}/fit")
    page.fill("textarea[name=text]", HOSTILE_STORY)
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector("[data-testid=ranking]")
    assert page.evaluate("window.__pwned") is None and not dialogs
    assert "<script>window.__pwned = 1</script>" in page.inner_text("[data-testid=story]")
    assert "<script>window.__pwned = 1</script>" in page.inner_text("[data-testid=ranking]")
