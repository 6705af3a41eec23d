"""Every page on a 360 px phone and under axe-core, in the system Chromium (issue 10, items 8-10).

axe-core is vendored in tests/test_web/data/axe (from npm, with its licence) and injected
into each page: nothing is loaded from the network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from debrief_corpus import DATA

from .conftest import PASSWORD, STRONG_STORY, WEAK_STORY, LiveServer, add_users

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "data" / "axe" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
BLOCKING = ("serious", "critical")
# Findings axe rates lower that still fail: a header cell without text says nothing to a screen reader.
ALSO_BLOCKING = ("empty-table-header",)


def axe_findings(page) -> list[dict]:
    """axe-core's serious and critical findings (and empty table headers) on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
    )
    return [f for f in found if f["impact"] in BLOCKING or f["id"] in ALSO_BLOCKING]


def overflow(page) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _review(page, url: str, text: str) -> None:
    page.goto(f"{url}/")
    page.fill("textarea[name=text]", text)
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector("[data-testid=verdict]")


def local_pages(page, url: str) -> Iterator[str]:
    """Walk every page of local mode, yielding each one's name once it is shown."""
    page.goto(f"{url}/")
    yield "review form"
    page.fill("textarea[name=text]", "Dies ist eine Geschichte über unsere Kunden und die Bank.")
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector(".error")
    yield "review error"
    _review(page, url, WEAK_STORY)
    yield "review result"
    page.fill("form.save input[name=title]", "Spending export")
    page.click("form.save button[type=submit]")
    page.wait_for_selector("[data-testid=versions]")
    page.fill("form.edit-form textarea[name=text]", STRONG_STORY)
    page.click("form.edit-form button[type=submit]")
    page.wait_for_selector("tr[data-version='2']")
    yield "bank story"
    story_url = page.url
    page.goto(f"{story_url}?v=1")
    yield "bank story, version 1"
    page.click("form.diff-form button[type=submit]")
    page.wait_for_selector("[data-testid=diff-text]")
    yield "diff"
    page.goto(f"{story_url}/delete")
    yield "delete confirmation"
    page.goto(f"{url}/bank")
    yield "bank"
    page.goto(f"{url}/bank/matrix")
    yield "story matrix"
    page.goto(f"{url}/practice")
    yield "practice list"
    page.locator("table.questions tbody tr").first.locator("button").click()
    page.wait_for_selector("[data-testid=countdown]")
    yield "practice question"
    page.fill("textarea[name=answer]", WEAK_STORY)
    page.click("button:has-text('Submit answer')")
    page.wait_for_selector("[data-testid=probe]")
    yield "practice probe"
    while page.locator("[data-testid=probe]").count():
        page.fill("textarea[name=probe]", "I read 200 tickets myself; the risk lead objected and I showed the data.")
        page.click(".probe-form button[type=submit]")
        page.wait_for_load_state()
    yield "practice result"
    page.goto(f"{url}/practice/calculated-risk")
    page.fill("textarea[name=answer]", STRONG_STORY)
    page.click("button:has-text('Submit answer')")
    page.wait_for_selector("[data-testid=fit-reading]")
    yield "practice result read with fit"
    page.goto(f"{url}/practice/loop?interviews=3&seed=5")
    yield "mock loop"
    for i, box in enumerate(page.locator("textarea[name=answer]").all()):
        box.fill(f"{WEAK_STORY}\n\nAnswer {i}.")
    page.click("button:has-text('Finish the loop')")
    page.wait_for_selector("[data-testid=loop-report]")
    yield "mock loop report"
    page.goto(f"{url}/debrief")
    yield "debrief form"
    page.set_input_files("input[name=transcript]", str(DATA / "checkout.voice.vtt"))
    page.click("form.debrief-form button[type=submit]")
    page.wait_for_selector("[data-testid=timeline] svg")
    yield "debrief result"
    page.goto(f"{url}/fit")
    yield "fit form"
    page.fill("textarea[name=text]", STRONG_STORY)
    page.click("form.story-form button[type=submit]")
    page.wait_for_selector("[data-testid=ranking]")
    yield "fit result"
    page.locator("form.review-for button").last.click()
    page.wait_for_selector("[data-testid=also-serves]")
    yield "review result for another principle"
    page.goto(f"{url}/bank/999999")
    yield "error page"


def team_pages(page, url: str) -> Iterator[str]:
    page.goto(f"{url}/login")
    yield "sign in"
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", "wrong password!")
    page.click("form.login button[type=submit]")
    page.wait_for_selector(".error")
    yield "sign in, wrong password"
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector("form.story-form")
    yield "signed in: review form"
    page.goto(f"{url}/nowhere")
    yield "signed in: error page"


@pytest.fixture
def team_server(settings_for):
    settings = settings_for(team=True)
    add_users(settings, "alice")
    with LiveServer(settings) as server:
        yield server


def _walk(browser, url: str, pages: Callable, check: Callable) -> dict[str, object]:
    context = browser.new_context(viewport=PHONE, bypass_csp=True)  # the CSP would refuse axe's inline script
    page = context.new_page()
    try:
        return {name: result for name in pages(page, url) if (result := check(page))}
    finally:
        context.close()


@pytest.mark.parametrize("mode", ["local", "team"])
def test_every_page_fits_a_360px_screen(browser, live_server, team_server, mode):
    server, pages = (live_server, local_pages) if mode == "local" else (team_server, team_pages)
    too_wide = _walk(browser, server.url, pages, overflow)
    assert too_wide == {}, f"pages wider than 360 px (by px): {too_wide}"


@pytest.mark.parametrize("mode", ["local", "team"])
def test_axe_finds_nothing_serious_on_any_page(browser, live_server, team_server, mode):
    server, pages = (live_server, local_pages) if mode == "local" else (team_server, team_pages)
    findings = _walk(browser, server.url, pages, axe_findings)
    assert findings == {}, findings


def test_an_evidence_tip_stays_on_a_360px_screen(browser, live_server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    _review(page, live_server.url, STRONG_STORY)
    marks = page.locator("[data-testid=story] mark.ev")
    wide = {}
    for i in range(marks.count()):
        marks.nth(i).hover()
        if overflow(page):
            wide[marks.nth(i).inner_text()[:40]] = overflow(page)
    context.close()
    assert wide == {}, f"tips that widen the page (by px): {wide}"


def test_the_chart_is_readable_on_a_phone_and_marks_what_sinks_the_verdict(browser, live_server):
    import starbar

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    _review(page, live_server.url, WEAK_STORY)
    # The size a label is drawn at: its font size times the SVG's scale on this screen.
    sizes = page.evaluate(
        """() => { const svg = document.querySelector('[data-testid=chart] svg');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text.label')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale); }"""
    )
    assert len(sizes) == 7 and min(sizes) >= 11, sizes
    review = starbar.review(WEAK_STORY.strip())
    zero = [d.id for d in review.dimensions.values() if d.level == 0]
    assert zero
    for dim in zero:
        box = page.locator(f"[data-testid=chart] g.row[data-dimension={dim}] rect.level").bounding_box()
        assert box["width"] >= 2  # a level of 0 is drawn, not left out
    marked = page.locator("[data-testid=chart] g.row:has(text.below-mark)")
    below = page.locator("[data-testid=chart] g.row[data-status=below]")
    assert below.count() >= len(zero) and marked.count() == below.count()
    assert page.locator("text.below-mark").first.text_content() == "▼ under the floor"
    context.close()
