"""Friction (a party resisting, the candidate's evidence, a price paid), fintech judgment
(a control decided, a safeguard for the unhappy path) and the story's context.

Every sentence and story here was written for these tests.
"""

from __future__ import annotations

import pytest

from starbar import review
from starbar.detect import detect
from starbar.parse import parse


def fired(text: str, rubric) -> set[str]:
    return {e.signal for e in detect(parse(text), rubric).evidence}


# --- friction: who resisted ---------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Action: Our treasury lead pushed back because a locked rate exposed us to currency swings.",
        "Action: The compliance team was firmly against showing an estimate on screen.",
        "Action: Finance questioned the $200K vendor bill.",
        "Action: There were strong objections from legal about storing tax IDs.",
        "Action: My VP was skeptical that merchants would switch.",
        "Action: The collections group worried that a grace period would raise charge-offs.",
        "Action: Engineering said the migration was too risky before peak season.",
        "Action: Fraud ops hated the idea, honestly, they were scared of mule accounts.",
        "Action: I pushed back on the sales team, who wanted the fee hidden until checkout.",
        "Action: The head of sales was dead set against it.",
        "Action: Risk wasn't comfortable with paying out before the check cleared.",
        "Action: Legal wanted us to keep the full receipt text on the screen, so we kept it.",
    ],
)
def test_named_party_resisting_is_found(sentence, rubric):
    assert "friction.party" in fired(sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: Customers worried that the transfer would not arrive.",
        "Action: There was no pushback from risk at all.",
        "Action: Legal reviewed the copy and engineering built it in a sprint.",
        "Action: Nobody on the finance team objected.",
        "Action: Customers had fraud concerns about linking their bank.",
    ],
)
def test_customers_and_negated_resistance_are_not_a_party(sentence, rubric):
    assert "friction.party" not in fired(sentence, rubric)


@pytest.mark.parametrize(
    "answer",
    [
        "I walked the CFO through the numbers: each retained seller was worth $340 a year.",
        "I set up a two-week experiment on 5% of traffic to measure it.",
        "I came back with data from 800 accounts.",
    ],
)
def test_answers_in_other_words(answer, rubric):
    assert "friction.resolved" in fired("Action: Finance was skeptical of the cost. " + answer, rubric)


def test_answer_with_evidence_follows_the_resistance(rubric):
    text = (
        "Action: The risk team opposed instant payouts. They feared account takeovers. "
        "I pulled a year of payout data and showed that 96% of sellers never changed their bank details."
    )
    assert "friction.resolved" in fired(text, rubric)


@pytest.mark.parametrize(
    "text",
    [
        # an answer without anything measured or tested
        "Action: The risk team opposed instant payouts. After I talked to their lead, she agreed.",
        # evidence, but nobody resisted
        "Action: I pulled a year of payout data and showed that 96% of sellers kept their bank details.",
    ],
)
def test_no_resolution_without_party_or_evidence(text, rubric):
    assert "friction.resolved" not in fired(text, rubric)


@pytest.mark.parametrize(
    "price",
    [
        "I accepted a three-week delay to the launch so we could pilot with 200 sellers first.",
        "We gave up about $1.2M of annual fee revenue by waiving the first late fee.",
        "We shipped the confirmation step at the cost of a point of conversion.",
        "I agreed to take the hit on our Q3 volume target in exchange for fewer failed payments.",
        "We ate the card-network fee ourselves, even though it meant a thinner margin.",
        "I chose to slip the launch so the consent screen could be tested.",
    ],
)
def test_price_paid_is_a_tradeoff_once_someone_resisted(price, rubric):
    party = "Action: Sales objected to anything that slowed onboarding. "
    assert "friction.tradeoff" in fired(party + price, rubric)
    assert "friction.tradeoff" not in fired("Action: " + price, rubric)


STORY_BASE = """Situation: Renters on our payments app had 9% of their rent payments returned for insufficient funds, about 4,000 returns a month.
Task: I owned recurring payments, and my goal was to cut returned payments by half in two quarters.
Action: I read 300 return cases and called 15 renters, and most were paid every two weeks while rent was due on the first. I proposed letting renters split rent into two debits that follow their paydays. {friction}
Result: Returned payments fell from 9% to 4% in one quarter, and renters paid about $60,000 less in return fees."""

FRICTION = {
    0: "Everyone was on board from the start and it went smoothly.",
    1: "There were some challenges along the way, but we got there.",
    2: "The finance team worried about the cost of holding a reserve, and we worked it out.",
    3: (
        "The finance team worried about the cost of holding a reserve. I modelled the reserve on six months of "
        "payment data and showed that it would peak at $80,000, and finance signed off."
    ),
    4: (
        "The finance team worried about the cost of holding a reserve. I modelled the reserve on six months of "
        "payment data and showed that it would peak at $80,000. I accepted a one-month delay so we could pilot "
        "with 500 renters first, and finance signed off on a phased rollout."
    ),
}


@pytest.mark.parametrize("level", sorted(FRICTION))
def test_friction_levels(level):
    result = review(STORY_BASE.format(friction=FRICTION[level]))
    assert result.dimensions["friction"].level == level
    assert ("no_friction" in {f.id for f in result.flags}) is (level == 0)


# --- fintech judgment -----------------------------------------------------------------------

def test_control_needs_a_decision(rubric):
    decided = "Action: I required a one-time passcode whenever a payee's bank details change."
    decided_too = "Action: I insisted that refunds over $500 need a second approval."
    mentioned = "Action: Two-factor logins are common across the industry."
    assert "fintech.control" in fired(decided, rubric)
    assert "fintech.control" in fired(decided_too, rubric)
    assert "fintech.control" not in fired(mentioned, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: If the selfie check fails twice, the applicant is routed to a human reviewer instead of being rejected.",
        "Action: I kept the seven-day hold for first-time payers, since that is where fraud concentrated.",
        "Action: I limited instant payouts to cards the seller had used for 30 days, because of account takeovers.",
        "Action: We accepted a slower first transfer in exchange for the safety of a verified account.",
        "Action: I capped instant payouts at $500, and if a payout fails the money goes out with the next payroll.",
    ],
)
def test_safeguards_for_the_unhappy_path(sentence, rubric):
    assert "fintech.safeguard" in fired(sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: I kept the weekly review meeting with design.",
        "Action: Customers worried about fraud on their accounts.",
    ],
)
def test_no_safeguard_without_a_deliberate_control_against_a_risk(sentence, rubric):
    assert "fintech.safeguard" not in fired(sentence, rubric)


WALLET = """Situation: At our wallet app, 14% of first transfers to a new payee were sent to the wrong person, about 5,000 a month, and most were never recovered.
Task: I owned the send flow, and my goal was to halve misdirected first transfers this year.
Action: I read 400 misdirected-payment tickets and watched 10 people send money in a lab; most never checked the payee's name. {fintech}
Result: Misdirected first transfers fell from 14% to 6% over three months."""

FINTECH = {
    0: "I made the confirm button larger and moved it lower on the screen.",
    1: "We made sure the whole flow was secure and fully compliant.",
    2: "Our compliance team reminded us of the Reg E error-resolution rules.",
    3: "I required a confirmation screen that shows the payee's verified name and the last two digits of their phone number.",
    4: (
        "I required a confirmation screen that shows the payee's verified name and the last two digits of their phone "
        "number. When the name does not match the bank's records, I had the transfer paused and routed to a human "
        "reviewer rather than sent. In the pilot, confirmed fraud stayed at 0.02% of transfers."
    ),
}


@pytest.mark.parametrize("level", sorted(FINTECH))
def test_fintech_levels(level):
    result = review(WALLET.format(fintech=FINTECH[level]))
    assert result.dimensions["fintech_judgment"].level == level
    assert ("generic_security" in {f.id for f in result.flags}) is (level == 1)


# --- context ----------------------------------------------------------------------------------

GYM = """Situation: Members of our climbing-gym app kept missing the classes they had booked, and 30% of class spots went empty.
Task: My goal was to cut empty spots to 15% within a quarter.
Action: I called 20 members and found they booked several classes to be safe and forgot to cancel. I proposed a one-tap release from the reminder, and at checkout the app now shows the class fee as a reminder. The coaching team pushed back, fearing empty walls, and I showed them that 70% of releases came a day ahead.
Result: Empty spots fell from 30% to 12%, and the waitlist filled most released spots."""


SMOOTH_SAVINGS = """Yeah so I was on the team behind the goals feature at Jarful, it's a savings app. People told us they could not stick to saving. I talked to a few customers and looked at the data, and the team built goals with a progress bar. There wasn't really any pushback, it went fine. People liked it and usage went up."""


def test_smooth_story_told_with_negated_pushback_is_level_zero():
    result = review(SMOOTH_SAVINGS)
    assert result.dimensions["friction"].level == 0
    assert "no_friction" in {f.id for f in result.flags}


def test_context_follows_the_financial_product():
    assert review(WALLET.format(fintech=FINTECH[3])).context == "fintech"
    assert review(STORY_BASE.format(friction=FRICTION[3])).context == "fintech"
    assert review(SMOOTH_SAVINGS).context == "fintech"  # a savings app, named as the workplace
    other = review(GYM)
    assert other.context == "other"
    assert other.dimensions["fintech_judgment"].level == 0
