"""A review lists the other principles the story credibly serves (issue 12, item 2): in the
JSON contract, the text and Markdown reports and the CLI, worked out beside `review()`, which
pays nothing for it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import starbar
from starbar.api import also_serves
from starbar.render import render

# Written for these tests: a Customer Obsession story that also shows Invent and Simplify and
# Deliver Results (two signals each in `fit`).
LENDING = """\
Situation: At a small-business lending startup, about 35% of applicants abandoned our loan application at the \
bank-statement upload step, and support handled 2,500 calls a month about it.

Task: I owned the application funnel and set a goal to halve the abandonment within one quarter without \
loosening our underwriting risk limits.

Action: I listened to forty support calls and interviewed twelve owners who had quit. Owners asked for a faster \
upload, but the problem wasn't the upload speed, it was fear of handing over bank passwords to a company they did \
not know. I proposed read-only bank linking through a tokenized connection with a plain-language consent screen. \
The risk team pushed back because they worried about fraud on linked accounts, so I ran an analysis of two \
thousand past applications showing linked data caught more fraud than uploaded PDFs. We agreed to a phased \
launch, and I accepted a two-week delay to add step-up authentication for large loans.

Result: Abandonment at that step fell from 35% to 14% over ten weeks, support calls dropped by 40%, and owners \
received funds three days sooner on average.
"""

# One principle only: nothing else to list.
THIN = """\
Situation: Our wallet users kept asking for a button to export their spending to a spreadsheet.
Task: I was asked to build it. Action: We built the export button the way they described it and shipped it in \
two sprints. Result: Everyone collaborated well and users were happier afterwards.
"""


def test_the_other_claimed_principles_are_listed_best_first_without_the_reviewed_one():
    claimed = [p for p in starbar.fit(LENDING).ranked if p.claimed]
    assert claimed[0].id == "customer-obsession" and len(claimed) == 3
    served = also_serves(starbar.review(LENDING))
    assert [p.id for p in served] == [p.id for p in claimed[1:]]
    assert all(p.role == "secondary" and p.quotes for p in served)
    # Reviewed for another principle, the story's primary comes first.
    served = also_serves(starbar.review(LENDING, lp="dive-deep"))
    assert [p.id for p in served] == [p.id for p in claimed]
    assert served[0].role == "primary"


def test_the_contract_gains_also_serves_with_exact_quotes():
    review = starbar.review(LENDING)
    out = json.loads(render(review, "json", also=also_serves(review)))
    assert list(out)[:-1] == list(review.to_dict()) and list(out)[-1] == "also_serves"
    assert out["schema_version"] == 1  # a key added, none changed: the version stays
    entry = out["also_serves"][0]
    assert set(entry) == {"id", "name", "role", "signals", "deep_review", "quotes"}
    assert entry["deep_review"] is True and entry["signals"] == 2
    for p in out["also_serves"]:
        for q in p["quotes"]:
            assert LENDING[q["start"] : q["end"]] == q["quote"] and q["says"]
    # Without the list worked out, the JSON is the review's own contract, as before.
    assert json.loads(render(review, "json")) == review.to_dict()


def test_text_and_markdown_reports_show_each_principle_with_its_sentences():
    review = starbar.review(LENDING)
    served = also_serves(review)
    text = render(review, "text", also=served)
    section = text.split("Also serves\n")[1].split("\n\n")[0]
    assert "Invent and Simplify (invent-and-simplify): secondary, 2 signals" in section
    assert "Deliver Results (deliver-results): secondary, 2 signals" in section
    assert "“I owned the application funnel and set a goal" in " ".join(section.split())
    md = render(review, "md", also=served)
    assert "## Also serves" in md and "**Deliver Results (deliver-results): secondary, 2 signals**" in md
    assert "> I owned the application funnel and set a goal" in md
    assert "Also serves" not in render(review, "text") and "Also serves" not in render(review, "md")


def test_a_story_that_serves_nothing_else_says_so():
    review = starbar.review(THIN)
    assert also_serves(review) == ()
    assert "Also serves\n  none: no other principle" in render(review, "text", also=())
    assert json.loads(render(review, "json", also=()))["also_serves"] == []


def test_review_does_not_rank_the_principles(monkeypatch):
    """The ranking is the report's cost, never `review()`'s: its benchmarked latency stays."""

    def refuse(story):
        raise AssertionError("review() ranked the principles")

    for name in ("starbar.api._fit", "starbar.api.fit_document", "starbar.principles.rank.fit_document"):
        monkeypatch.setattr(name, refuse)
    assert starbar.review(LENDING).verdict
    with pytest.raises(AssertionError):
        also_serves(starbar.review(LENDING))


def test_cli_review_shows_also_serves_in_every_format(tmp_path):
    story = tmp_path / "lending.md"
    story.write_text(LENDING)

    def run(*args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "starbar", "review", str(story), *args], capture_output=True, timeout=120
        )
        assert out.returncode == 0, out.stderr
        return out.stdout.decode()

    data = json.loads(run("--format", "json", "--lp", "earn-trust"))
    assert [p["id"] for p in data["also_serves"]] == ["customer-obsession", "invent-and-simplify", "deliver-results"]
    assert "Also serves" in run() and "## Also serves" in run("--format", "md")
