"""Have Backbone and Earn Trust on stories their rubrics were not written on.

Each principle has a development set (data/lp/<lp>/dev.jsonl), a tuning set written by people who
never read the engine (tune.jsonl) and robustness records (data/robustness/<lp>.jsonl: a base story,
a paraphrase, a spoken retelling, a version stuffed with the principle's words, and ablations).
The floors are what the rubrics reach today (each rubric's CHANGELOG, 2026.12.2, with the first
contact they started from); a change that loses ground on any of them fails here. The sealed sets
are never read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from starbar import review
from starbar.evaluate import evaluate, load_gold
from starbar.evaluate.robustness import load_records, measure

DATA = Path(__file__).resolve().parent.parent / "data"

# (paraphrases and spoken versions that keep the verdict, of 16; ablations that lower their
# dimension, and how many there are)
ROBUSTNESS = {"have-backbone": (11, 21, 25), "earn-trust": (12, 21, 23)}

# (mean kappa, lowest dimension's kappa, verdict exact, verdict within one step)
AGREEMENT = {
    ("have-backbone", "dev"): (0.82, 0.72, 0.825, 1.0),
    ("have-backbone", "tune"): (0.79, 0.64, 0.875, 1.0),
    ("earn-trust", "dev"): (0.86, 0.83, 0.90, 1.0),
    ("earn-trust", "tune"): (0.77, 0.69, 0.79, 1.0),
}


@pytest.fixture(scope="module", params=sorted(ROBUSTNESS))
def robustness(request):
    return request.param, measure(load_records(DATA / "robustness" / f"{request.param}.jsonl"))


def test_paraphrases_and_spoken_versions_keep_the_verdict(robustness):
    lp, result = robustness
    kept, _, _ = ROBUSTNESS[lp]
    assert result.paraphrase_total == 16
    assert result.paraphrases >= kept, (lp, result.paraphrases)


def test_the_principles_words_without_substance_raise_nothing(robustness):
    lp, result = robustness
    assert result.gamed_verdicts == (), lp
    assert result.gamed_raises == (), lp


def test_removing_the_substance_lowers_the_dimension(robustness):
    lp, result = robustness
    _, lowered, total = ROBUSTNESS[lp]
    assert result.ablation_total == total
    assert result.ablations >= lowered, (lp, result.ablations)


@pytest.mark.parametrize(("lp", "split"), sorted(AGREEMENT))
def test_agreement_keeps_its_floor(lp, split):
    mean, lowest, exact, within = AGREEMENT[(lp, split)]
    result = evaluate(load_gold(DATA / "lp" / lp / f"{split}.jsonl"))
    assert result["mean_qwk"] >= mean, result["dimensions"]
    assert result["min_qwk"] >= lowest, result["dimensions"]
    assert result["verdict"]["accuracy"] >= exact
    assert result["verdict"]["within_one"] >= within
    assert result["buzzword_stuffing_at_no_hire_or_below"]


TRANSCRIPT = """Interviewer: Tell me about a mistake you made with a partner.

Candidate: So I was the PM for payouts at Velo, a wallet in Spain.

Interviewer: What happened?

Candidate: In May I shipped a change to the payout file without checking the bank's cut-off, and 41 merchants were paid a day late.

Interviewer: And then?

Candidate: That afternoon I called their finance leads, told them the count and that the change was mine, and refunded every late fee by Friday.

Interviewer: How did it end?

Candidate: Late payouts went from 41 to zero, and since then every file change runs a check against the bank's calendar."""


def test_a_transcripts_speaker_label_is_not_the_principles_vocabulary():
    # "Candidate:" once matched the rubric's word "candid", so every transcribed answer read as stuffed.
    result = review(TRANSCRIPT, lp="earn-trust")
    assert not any(q.quote.startswith("Candidate") for f in result.flags for q in f.evidence)
    assert "buzzword_stuffing" not in {f.id for f in result.flags}


STUFFED = """At a lending fintech, leadership wanted to raise credit limits for returning customers, and I had real concerns.
As a leader I believe having backbone is non-negotiable, so I pushed back firmly in the planning meeting and said higher limits could hurt stretched customers.
I was data-driven and aligned stakeholders across risk and finance.
Leadership listened, we had a healthy debate, and the decision was to go ahead.
I disagreed and committed: I owned the rollout end to end, as if it were my own decision.
The expansion went live on schedule and performed well, and leadership appreciated that I spoke up and then fully committed."""


def test_commitment_told_in_the_principles_own_words_earns_a_claim_at_most():
    result = review(STUFFED, lp="have-backbone")
    assert result.dimensions["commitment"].level <= 1
    assert result.dimensions["ownership"].level <= 2
    assert result.verdict in ("no_hire", "strong_no_hire")
