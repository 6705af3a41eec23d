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

# Written for these tests: a Dive Deep story (three signals in `fit`) that also shows Customer
# Obsession and Deliver Results (two or more each).
PAYOUTS = """\
Situation: At a payroll startup, 4% of salary payouts to new employers failed on the first run, and each \
failure left about 30 workers unpaid for two days. Support logged 900 tickets a month about it.

Task: I owned employer onboarding and committed to bring first-run failures from 4% to under 1% by the end of \
the quarter, without skipping any of our bank's verification checks.

Action: The dashboard blamed the bank, but I read 300 failed payouts myself and found that 70% came from \
account numbers typed during onboarding. I ruled out the bank's outages by matching failure times against its \
status log: only 12 of the 300 fell inside an outage. I interviewed eight payroll admins, who told me they \
copied numbers from spreadsheets at the last minute. I proposed checking account numbers against the bank's \
validation service at entry, and cut the redesign of the onboarding screens to make the date. Our compliance \
lead objected because the service stored data abroad, so we agreed to a local-only mode, which cost us three \
weeks. I reviewed the failure rate with the team every Monday.

Result: First-run failures fell from 4% to 0.6% by the end of the quarter, beating the 1% target, payout \
tickets dropped by 55%, and I left a weekly audit of 50 failed payouts in place with a named owner.
"""

# No principle shows two signals: nothing else to list.
THIN = """\
Situation: Merchants on our card terminal wanted their receipts by email.
Task: My lead asked me to add it. Action: We added an email field to the receipt screen as they asked and \
released it the next month. Result: The merchants liked it and the team was pleased.
"""


def test_the_other_claimed_principles_are_listed_best_first_without_the_reviewed_one():
    claimed = [(p.id, p.role) for p in starbar.fit(PAYOUTS).ranked if p.claimed]
    assert claimed[0] == ("dive-deep", "primary")
    assert set(claimed[1:]) == {("customer-obsession", "secondary"), ("deliver-results", "secondary")}
    served = also_serves(starbar.review(PAYOUTS))
    assert [(p.id, p.role) for p in served] == [c for c in claimed if c[0] != "customer-obsession"]
    assert all(p.quotes for p in served)
    served = also_serves(starbar.review(PAYOUTS, lp="dive-deep"))
    assert [(p.id, p.role) for p in served] == claimed[1:]


def test_the_contract_gains_also_serves_with_exact_quotes():
    review = starbar.review(PAYOUTS)
    out = json.loads(render(review, "json", also=also_serves(review)))
    assert list(out)[:-1] == list(review.to_dict()) and list(out)[-1] == "also_serves"
    assert out["schema_version"] == 1  # a key added, none changed: the version stays
    entry = out["also_serves"][0]
    assert set(entry) == {"id", "name", "role", "signals", "deep_review", "quotes"}
    assert entry["id"] == "dive-deep" and entry["deep_review"] is True and entry["signals"] == 3
    for p in out["also_serves"]:
        for q in p["quotes"]:
            assert PAYOUTS[q["start"] : q["end"]] == q["quote"] and q["says"]
    # Without the list worked out, the JSON is the review's own contract, as before.
    assert json.loads(render(review, "json")) == review.to_dict()


def test_text_and_markdown_reports_show_each_principle_with_its_sentences():
    review = starbar.review(PAYOUTS)
    served = also_serves(review)
    results = (
        f"Deliver Results (deliver-results): secondary, {starbar.fit(PAYOUTS).get('deliver-results').signals} signals"
    )
    text = render(review, "text", also=served)
    section = " ".join(text.split("Also serves\n")[1].split("\n\n")[0].split())
    assert "Dive Deep (dive-deep): primary, 3 signals" in section
    assert results in section
    assert "individual records examined personally, with counts: “The dashboard blamed the bank, but I read" in section
    md = render(review, "md", also=served)
    assert "## Also serves" in md and f"**{results}**" in md
    assert "> The dashboard blamed the bank, but I read 300 failed payouts myself" in md
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

    for name in ("starbar.api._fit", "starbar.principles.rank.fit", "starbar.principles.fit"):
        monkeypatch.setattr(name, refuse)
    assert starbar.review(PAYOUTS).verdict
    with pytest.raises(AssertionError):
        also_serves(starbar.review(PAYOUTS))


def test_cli_review_shows_also_serves_in_every_format(tmp_path):
    story = tmp_path / "payouts.md"
    story.write_text(PAYOUTS)

    def run(*args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "starbar", "review", str(story), *args], capture_output=True, timeout=120
        )
        assert out.returncode == 0, out.stderr
        return out.stdout.decode()

    data = json.loads(run("--format", "json", "--lp", "earn-trust"))
    assert [p["id"] for p in data["also_serves"]] == [p.id for p in starbar.fit(PAYOUTS).ranked if p.claimed]
    assert "Also serves" in run() and "## Also serves" in run("--format", "md")
