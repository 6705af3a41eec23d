"""The bank's pages for a story's principle, its tags and the story matrix."""

from __future__ import annotations

import re

import starbar

from .conftest import ROOT, STRONG_STORY, WEAK_STORY, csrf_of

MULTI = (ROOT / "tests" / "data" / "multi-principle.md").read_text()


def _save(client, token: str, title: str, text: str, **fields) -> str:
    saved = client.post(
        "/bank", data={"title": title, "text": text, "level": "L6", "csrf": token, **fields}, follow_redirects=False
    )
    assert saved.status_code == 303, saved.text
    return saved.headers["location"]


def test_add_and_edit_forms_choose_among_the_seven_principles(client):
    token = csrf_of(client)
    review_page = client.post("/review", data={"text": STRONG_STORY, "level": "L6", "csrf": token}).text
    save_form = review_page[review_page.index('action="/bank"') :]
    options = re.findall(r'<option value="([a-z-]+)"', save_form[: save_form.index("</form>")])
    assert options == [
        "customer-obsession",
        "ownership",
        "invent-and-simplify",
        "earn-trust",
        "dive-deep",
        "have-backbone",
        "deliver-results",
    ]
    url = _save(client, token, "Bank linking", STRONG_STORY, lp="earn-trust")
    story_id = int(url.rsplit("/", 1)[1])
    stored = client.get(f"/api/stories/{story_id}").json()
    assert stored["lp"] == "earn-trust"
    assert stored["latest"]["review"] == starbar.review(STRONG_STORY.strip(), "L6", lp="earn-trust").to_dict()
    page = client.get(url).text
    assert '<option value="earn-trust" selected>' in page and "told for Earn Trust" in page

    client.post(url, data={"text": WEAK_STORY, "level": "L6", "lp": "dive-deep", "csrf": token})
    assert client.get(f"/api/stories/{story_id}").json()["lp"] == "dive-deep"
    refused = client.post(url, data={"text": WEAK_STORY, "level": "L6", "lp": "think-big", "csrf": token})
    assert refused.status_code == 422 and "not a principle with a rubric" in refused.text
    assert client.get(f"/api/stories/{story_id}").json()["versions"] == 2


def test_story_page_shows_and_chooses_its_principles(client):
    token = csrf_of(client)
    url = _save(client, token, "Undrawn loans", MULTI)
    page = client.get(url).text
    claimed = re.findall(r'<li data-principle="([a-z-]+)" data-role="([a-z]+)">', page)
    assert claimed == [(p.id, p.role) for p in starbar.fit(MULTI.strip()).ranked if p.role]
    assert "Found by fit" in page

    chosen = client.post(
        f"{url}/principles",
        data={"primary": "have-backbone", "secondary": ["deliver-results", ""], "csrf": token},
        follow_redirects=False,
    )
    assert chosen.status_code == 303
    page = client.get(url).text
    assert re.findall(r'data-principle="([a-z-]+)" data-role="([a-z]+)"', page) == [
        ("have-backbone", "primary"),
        ("deliver-results", "secondary"),
    ]
    assert "Chosen by you" in page and '<option value="have-backbone" selected>' in page
    refused = client.post(f"{url}/principles", data={"primary": "<b>nope</b>", "csrf": token})
    assert refused.status_code == 422 and "<b>nope</b>" not in refused.text
    forged = client.post(f"{url}/principles", data={"auto": "1", "csrf": "forged"})
    assert forged.status_code == 403
    client.post(f"{url}/principles", data={"auto": "1", "csrf": token})
    assert "Found by fit" in client.get(url).text


def test_matrix_page_shows_the_cells_gaps_and_overuse_with_user_text_escaped(client):
    token = csrf_of(client)
    assert 'href="/bank/matrix"' in client.get("/bank").text
    url = _save(client, token, "<script>x</script> loans", MULTI)
    story_id = int(url.rsplit("/", 1)[1])
    # three secondaries: the web form offers two, the CLI and the API any number
    client.app.state.stores.bank.tag(story_id, primary="dive-deep", secondaries=["ownership", "think-big", "frugality"])
    page = client.get("/bank/matrix").text
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt; loans" in page
    assert "<caption" in page and 'role="region"' in page and page.count('<th scope="col"') == 16 + 4
    cells = re.findall(r'<td data-principle="([a-z-]+)" data-role="([a-z]+)"', page)
    assert cells == [("ownership", "secondary"), ("think-big", "secondary"), ("dive-deep", "primary")]
    dive = starbar.review(MULTI.strip(), "L6", lp="dive-deep").verdict
    assert re.search(rf'data-role="primary" class="cell-primary">primary<br><span class="badge badge-{dive}">', page)
    gaps = re.findall(r'<li data-gap="([a-z_]+)">', page)
    assert gaps[0] == "thin_bank" and gaps[-1] == "stretched_story"
    overuse = page[page.index('data-testid="overuse"') :]
    assert "Not counted: Frugality (" in overuse

    api = client.get("/api/matrix", params={"level": "L7", "fintech": "false", "manages_people": "true"}).json()
    assert (api["level"], api["fintech"], api["manages_people"]) == ("L7", False, True)
    assert api["rows"][0]["dropped"][0]["id"] == "frugality"
    assert "off_domain" not in [g["id"] for g in api["gaps"]]
    unticked = client.get("/bank/matrix", params={"level": "L7", "fintech": "false", "manages_people": "true"}).text
    assert 'name="fintech" value="true">' in unticked and 'value="true" checked> Manages people' in unticked
    ticked = client.get("/bank/matrix", params=[("fintech", "false"), ("fintech", "true")]).text
    assert 'name="fintech" value="true" checked>' in ticked
    assert client.get("/api/matrix", params={"level": "L9"}).status_code == 422


def test_bank_page_checklist_covers_every_principle(client):
    _save(client, csrf_of(client), "Undrawn loans", MULTI)
    page = client.get("/bank").text
    coverage = page[page.index('data-testid="coverage"') :]
    coverage = coverage[: coverage.index("</ul>")]
    assert coverage.count('<li class="check') == 16 + 6
    assert "Frugality (tier 3): a story" in coverage and 'href="/bank/matrix?level=L6"' in page
