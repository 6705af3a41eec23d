"""The customer problem (problem.setup) and the need behind the request (cause.reframe).

Every sentence and story here was written for these tests, in several phrasings each.
"""

from __future__ import annotations

import pytest

from starbar import review
from starbar.detect import detect
from starbar.parse import parse
from starbar.rubric import load_rubric

RUBRIC = load_rubric()


def signals(text: str) -> set[str]:
    return {e.signal for e in detect(parse(text), RUBRIC).evidence}


def level(text: str, dimension: str) -> int:
    return review(text).dimensions[dimension].level


# --- problem.setup -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Roughly a quarter of applicants bailed at the ID step, about 6,000 people a month.",
        "Situation: One in eight card payments at our kiosks was declined, and shoppers walked away.",
        "Situation: 31% of new tutors quit before their first payout.",
        "Situation: Cleaners waited up to nine days for their earnings to arrive.",
    ],
)
def test_a_sized_customer_pain_is_quantified(text):
    found = signals(text)
    assert {"problem.customer_pain", "problem.quantified"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Tenants found the deposit step confusing and many gave up.",
        "Situation: Drivers were frustrated that fuel advances arrived late.",
    ],
)
def test_a_pain_told_in_words_is_not_quantified(text):
    found = signals(text)
    assert "problem.customer_pain" in found
    assert "problem.quantified" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Our late-payment rate was twice the industry average.",
        "Situation: Applicants waited for approval 3 days longer than at the market leader, and many gave up.",
        "Situation: Sellers lost 40% of disputes, against 20% for large merchants.",
        "Situation: Failed transfers were our third-largest contact driver.",
    ],
)
def test_benchmarks_competitors_segments_and_rankings(text):
    """Read beside a customer pain in the setup (a comparison alone is not a problem)."""
    assert "problem.benchmark" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Our engineers were frustrated by slow builds, so I moved the team to a new CI system.",
        "Situation: I treated our finance team as my customers; month-end close took nine days.",
        "Situation: Sales needed a SOC 2 report because deals were getting stuck in security reviews.",
        "Situation: My squad was missing its sprint commitments and stakeholders were frustrated.",
    ],
)
def test_internal_work_is_not_a_customer_problem(text):
    found = signals(text)
    assert "problem.internal" in found
    assert "problem.customer_pain" not in found
    assert level(text, "problem_depth") == 0


def test_staff_pain_beside_a_customer_pain_does_not_hide_it():
    text = "Situation: Borrowers gave up on the upload step, and our support agents were swamped with their calls."
    found = signals(text)
    assert "problem.internal" not in found
    assert "problem.customer_pain" in found


@pytest.mark.parametrize(
    "text",
    ["Situation: Landlords kept asking for a bulk receipt export.", "Situation: The loudest request from vendors was a retry button."],
)
def test_a_request_alone_is_level_one(text):
    assert "problem.request" in signals(text)
    assert level(text, "problem_depth") == 1


def test_a_first_person_wish_is_not_a_customer_request():
    assert "problem.request" not in signals("Task: I wanted to make payouts simpler.")


def test_problem_levels_rise_with_scale_stakes_and_benchmark():
    words = "Situation: Freelancers on our platform were frustrated that invoices got paid late."
    sized = "Situation: 26% of invoices were paid more than 30 days late, and freelancers were frustrated."
    costly = (
        "Situation: 26% of invoices were paid more than 30 days late, double the rate at our main competitor, "
        "and each late invoice cost a freelancer about $40 in overdraft fees."
    )
    assert level(words, "problem_depth") == 2
    assert level(sized, "problem_depth") == 3
    assert level(costly, "problem_depth") == 4


# --- cause.reframe -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The problem wasn't the fee; it was the surprise at the till.",
        "The real issue was not speed at all.",
        "The export wasn't the obstacle.",
        "Owners weren't careless, they were juggling three bank portals.",
        "People didn't want a bigger limit; they wanted their money the same day.",
        "Drivers didn't need more stations as much as they needed to know which ones worked.",
        "What merchants actually needed was a way to settle in euros.",
        "Customers were asking for speed, but what really hurt was not knowing where they stood.",
        "It turned out the issue was the cutoff time, not the reminder.",
        "The ask was a retry button; the need was a way to take payment offline.",
        "The answer was not a cheaper conversion but no conversion at all.",
        "Reminders would have solved the wrong problem.",
        "It wasn't about the interest rate.",
    ],
)
def test_a_stated_problem_contrasted_with_the_real_one(sentence):
    assert "cause.contrast" in signals(sentence)


def test_a_denial_answered_in_the_next_sentence():
    text = "Borrowers hadn't forgotten the due date. They simply got paid two days after it."
    assert "cause.contrast" in signals(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Risk wasn't thrilled; they were worried about prepayment revenue.",
        "We didn't have budget for a vendor, but we had two engineers free.",
        "The legal team wasn't convinced. They wanted a second review.",
        "The problem was the timeout.",
        "I asked them why, and it confirmed the request.",
    ],
)
def test_disagreement_moods_and_plain_causes_are_not_a_reframe(sentence):
    assert "cause.contrast" not in signals(sentence)


def test_a_pivot_counts_only_after_research_into_a_request():
    blind = "Members kept asking for Apple Pay. I shipped wallet provisioning in two taps instead of typing the card number."
    researched = (
        "Members kept asking for a travel notice. I called 20 members who had been declined abroad. "
        "So instead of a notice form, I proposed a real-time confirmation push."
    )
    assert "cause.reframe" not in signals(blind)
    assert "cause.reframe" in signals(researched)


@pytest.mark.parametrize(
    "sentence",
    [
        "No customer had ever mentioned the recycled numbers.",
        "Nobody asked us for a payout calendar.",
        "None of them could tell the photo was blurry.",
        "Customers couldn't have told us that; they didn't even know it was happening.",
    ],
)
def test_needs_customers_could_not_state(sentence):
    assert "cause.unarticulated" in signals(sentence)


def test_customers_told_me_after_research_is_voiced_but_the_request_is_not():
    researched = "I interviewed 14 tenants who had bounced a payment. Several told me straight out that the fee wasn't the issue."
    request_only = "Everyone, including customers, said the problem was speed."
    assert "cause.voiced" in signals(researched)
    assert "cause.voiced" not in signals(request_only)


def test_root_cause_levels_from_request_to_unarticulated_need():
    factory = "Situation: Riders kept asking for saved cards. Action: I wrote the spec and we shipped saved cards in a sprint."
    probed = (
        "Situation: Riders kept asking for saved cards. Action: I asked a few riders why they wanted it, and they said "
        "typing the number was slow, so I built saved cards."
    )
    voiced = (
        "Situation: Riders kept asking for saved cards. Action: I interviewed 15 riders. Several told me the real problem "
        "was fear of being charged twice, so instead of saved cards I proposed a charge preview."
    )
    unstated = (
        "Situation: Riders kept asking for saved cards. Action: I interviewed 15 riders and read 400 failed payments. "
        "The problem wasn't typing the number; most cards failed on an expired billing address. No rider had ever mentioned "
        "the address, so instead of saved cards I proposed an address check."
    )
    assert level(factory, "root_cause") == 0
    assert level(probed, "root_cause") == 2
    assert level(voiced, "root_cause") == 3
    assert level(unstated, "root_cause") == 4


def test_feature_factory_flag_follows_a_request_built_as_asked():
    factory = review("Situation: Landlords kept asking for a CSV export. Action: The team built the export and it shipped on time.")
    reframed = review(
        "Situation: Landlords kept asking for a CSV export. Action: I called 12 landlords. The export wasn't the "
        "obstacle; their accountants needed a ledger feed, so instead of a CSV I built a ledger connector."
    )
    assert "feature_factory" in {f.id for f in factory.flags}
    assert "feature_factory" not in {f.id for f in reframed.flags}
