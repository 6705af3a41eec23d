"""`fit`: whole stories ranked by quoted evidence, the rules of lp-identification.md, and the
share of development stories whose labelled principle lands in the top two."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import starbar
from starbar.errors import InputError
from starbar.principles import DEEP, fit

ROOT = Path(__file__).resolve().parent.parent

BACKBONE = """At Ledgerline, a card issuer, our CFO decided to cut the cashback rate from 1% to 0.5% for every cardholder.
I thought that would drive out our best spenders, so I pulled 14 months of spend for the top 5,000 cardholders.
My analysis showed that they earned us three times the cashback they cost.
I took the numbers to the CFO in our pricing review.
His argument was that the rate cost us $2 million a year and the market had moved.
He said no the first time.
A week later I came back with a proposal: keep 1% for the top tier only, and review it after a quarter.
He kept the cut for everyone.
I committed to it: I rewrote the notice to cardholders and briefed the 40 support agents on the change.
In the end he was right about the cost, and churn in the top tier rose only 0.3 points.
"""

CLAIMS = """I showed real ownership and a bias for action on this project.
I dove deep into the data and always earned the trust of my stakeholders.
I disagreed and committed, and in the end we delivered results.
"""


def test_a_backbone_story_is_primary_for_have_backbone_with_its_quotes():
    result = fit(BACKBONE)
    top = result.ranked[0]
    assert top.id == "have-backbone" and top.role == "primary"
    assert top.signals >= 5
    assert {"have-backbone.objection", "have-backbone.pressed", "have-backbone.committed"} <= {
        q.signal for q in top.quotes
    }
    assert result.deep[0] == "have-backbone"


def test_quotes_are_exact_slices_of_the_text():
    result = fit(BACKBONE)
    for p in result.ranked:
        for q in (*p.quotes, *p.mistaken):
            assert BACKBONE[q.start : q.end] == q.quote
            assert q.says


def test_a_story_of_claims_earns_nothing_and_claims_nothing():
    result = fit(CLAIMS)
    assert all(p.score == 0 and not p.quotes and not p.claimed for p in result.ranked)
    assert result.primary is None and result.deep == ()
    # The words still order the ties: the principles it names come before those it never mentions.
    assert result.ranked[0].mentions > 0 and result.ranked[-1].mentions == 0


def test_a_sentence_counts_once_for_one_principle():
    # One sentence with a target and the outcome against it: two Deliver Results signals, one sentence.
    one = "My target was to cut failed payouts to 2% by June, and we ended at 1.8%, above the target."
    assert {q.signal for q in fit(one).get("deliver-results").quotes} >= {
        "deliver-results.target",
        "deliver-results.against_target",
    }
    assert fit(one).get("deliver-results").signals == 1
    two = one.replace(", and we ended", ". We ended")
    assert fit(two).get("deliver-results").signals == 2


def test_a_mistaken_for_pattern_earns_nothing_and_lowers_the_score():
    honest = "Our analyst pulled 300 tickets and sent me a summary, which showed that 40% were duplicates."
    result = fit(honest).get("dive-deep")
    assert result.signals == 0 and not result.quotes
    assert [q.signal for q in result.mistaken] == ["dive-deep.analyst_did_it"]


def test_nothing_is_claimed_without_quotes_and_every_score_has_them():
    for lp in ("ownership", "earn-trust"):
        for line in (ROOT / "data" / "lp" / lp / "dev.jsonl").read_text().splitlines()[:20]:
            text = json.loads(line)["text"]
            result = fit(text)
            assert len(result.ranked) == 16
            for p in result.ranked:
                assert (p.score > 0) <= bool(p.quotes)
                if p.claimed:
                    assert len({q.signal for q in p.quotes}) >= 2
                for q in p.quotes:
                    assert text[q.start : q.end] == q.quote
            assert len([p for p in result.ranked if p.claimed]) <= 3
            assert set(result.deep) <= set(DEEP)


# The share of stories whose labelled principle `fit` ranks in its top two, held at what the
# tuning reached (scripts/measure_fit.py prints the figures): dev 343 of 360, tune 136 of 144,
# tune3 165 of 174 (stories written after the first two rounds; 144 at first contact).
# The bar is 90% on the sealed sets, which only the lead measures.
FLOORS = {"dev": (360, 0.94), "tune": (144, 0.93), "tune3": (174, 0.945)}


@pytest.mark.parametrize("pool", sorted(FLOORS))
def test_the_labelled_principle_is_in_the_top_two_for_most_stories(pool):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from measure_fit import labelled
    finally:
        sys.path.pop(0)
    stories = labelled(pool)
    hits = sum(lp in [p.id for p in fit(text).ranked[:2]] for _, lp, text in stories)
    size, floor = FLOORS[pool]
    assert len(stories) >= size
    assert hits / len(stories) >= floor


def test_the_api_and_the_package_export_fit():
    assert starbar.fit(BACKBONE) == fit(BACKBONE)
    assert isinstance(starbar.fit(BACKBONE), starbar.Fit)
    with pytest.raises(InputError):
        starbar.fit("   ")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "starbar", *args], input=stdin, capture_output=True, timeout=120)


def test_cli_text_names_the_claims_the_quotes_and_the_reviews_to_run(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(BACKBONE)
    out = run("fit", str(story))
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "Have Backbone; Disagree and Commit (have-backbone, primary)" in text
    assert '"A week later I came back with a proposal:' in text
    assert f"starbar review {story} --lp have-backbone" in text
    assert "No evidence:" in text


def test_cli_json_from_stdin_matches_the_api():
    out = run("fit", "-", "--format", "json", stdin=BACKBONE.encode())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data == fit(BACKBONE).to_dict()
    assert data["primary"] == "have-backbone"
    assert len(data["principles"]) == 16
    assert data["deep_reviews"][0] == "have-backbone"


def test_cli_refuses_an_empty_story_with_one_line(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("\n")
    out = run("fit", str(empty))
    assert out.returncode != 0
    err = out.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("starbar: error:")
