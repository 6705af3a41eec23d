"""Keyword stuffing must not pay: rubric words with no actor, cause or effect are caught, and
honest, concrete stories that use the same words are not.

Every story here was written for these tests.
"""

from __future__ import annotations

import pytest

from detecting import review  # the anchors alone
from starbar.detect.structure.style import concrete

STUFFED_PAYMENTS = (
    "Customer obsession drives everything I do. Our customers had pain points in the payments journey, so a "
    "data-driven deep dive into the root cause was done. Tokenization, PCI DSS compliance and MFA were leveraged to "
    "deliver a frictionless, seamless checkout. There was pushback from stakeholders and trade-offs were navigated "
    "with empathy and alignment. NPS went up 40% and CSAT improved. The lesson is to always work backwards from the "
    "customer with a bias for action."
)

STUFFED_LENDING = """Situation: The voice of the customer told us borrowers had pain points in the loan journey.
Task: Drive customer obsession end to end and own the north star.
Action: A root-cause deep dive was kicked off. Bank-grade security, KYC, AML and biometric login were ensured, and tokenization kept card data secure by design. Pushback from stakeholders was handled and the right trade-offs were made with a data-driven mindset.
Result: NPS improved 40% and the experience became frictionless and seamless for borrowers."""

# Told in the first person, but every "I" only carries vocabulary: no number, no cause.
STUFFED_FIRST_PERSON = """Situation: Our payments customers had pain points and the voice of the customer was clear.
Task: I owned customer obsession for checkout end to end.
Action: I did a data-driven deep dive into the root cause. I leveraged tokenization, PCI DSS and MFA to deliver a frictionless, seamless checkout. I handled pushback from stakeholders and I navigated the trade-offs with empathy and alignment.
Result: NPS went up 40% and CSAT improved, and customers were delighted."""

HONEST_WITH_THE_SAME_WORDS = """Situation: At our invoicing platform, 22% of small-business customers who tried to save a card for autopay abandoned the form, and card-entry problems drove about 1,400 support contacts a month.
Task: I owned the autopay setup, and my goal was to raise completed card saves from 78% to 90% this half without widening our PCI DSS scope.
Action: I read 300 support tickets and watched 9 owners set up autopay on video calls. Most abandoned because our form asked for the full billing address, which their bookkeeper held, not them. I proposed a hosted card field with tokenization, so card numbers never touch our servers, and dropping the address to a postcode check. Our security lead pushed back because a weaker address check could let card testers in. I pulled 90 days of card-testing attempts and showed that 97% came from accounts less than a day old, so we kept the full address check for new accounts only. I accepted a four-week delay to run an A/B test on 15% of traffic first.
Result: Completed card saves rose from 78% to 91% against 79% in the control group, card-entry contacts fell 45%, and our NPS among autopay users rose from 21 to 34 over the quarter."""


@pytest.mark.parametrize(
    ("story", "ownership_max"), [(STUFFED_PAYMENTS, 1), (STUFFED_LENDING, 1), (STUFFED_FIRST_PERSON, 2)]
)
def test_stuffed_story_is_flagged_and_held_low(story, ownership_max):
    result = review(story)
    assert "buzzword_stuffing" in {f.id for f in result.flags}
    # told as "I", the actor is there but holds no task or decision: at most 2, and not "we not I"
    assert result.dimensions["ownership"].level <= ownership_max
    assert ("we_not_i" in {f.id for f in result.flags}) is (ownership_max == 1)
    assert result.dimensions["friction"].level <= 1
    assert result.dimensions["fintech_judgment"].level <= 2
    assert result.verdict in ("no_hire", "strong_no_hire")


def test_honest_story_using_pci_and_nps_is_not_stuffing():
    result = review(HONEST_WITH_THE_SAME_WORDS)
    assert "buzzword_stuffing" not in {f.id for f in result.flags}
    assert result.dimensions["ownership"].level >= 3
    assert result.dimensions["friction"].level >= 3
    assert result.dimensions["fintech_judgment"].level >= 3


@pytest.mark.parametrize(
    "sentence",
    [
        "I pulled 90 days of attempts and showed that 97% came from new accounts.",
        "We dropped the address field because bookkeepers held the billing details.",
        "Risk feared the fraud, so we capped the first payout.",  # "so we" after a clause links cause and effect
        "Most owners missed the email, so I moved the reminder into the app.",
        # a note told with its subject left out is the candidate's own action
        "- Sampled 400 rejected uploads by hand with the support lead",
        "* Rang 15 landlords because the February payouts had bounced",
    ],
)
def test_concrete_sentence_has_an_actor_tied_to_a_number_or_cause(sentence):
    assert concrete(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tokenization and MFA were leveraged to deliver a seamless checkout.",
        "NPS went up 40%.",  # a number, but nobody did anything
        "I believe in customer obsession because it matters.",  # an opinion, not an action
        "So we did a deep dive into the voice of the customer.",  # a spoken "so" opens it, no cause
        "So I owned the journey end to end.",
        "And so we aligned the stakeholders on the north star.",
        "- Leveraged data-driven insights for a seamless journey",  # a note, but nothing it ties to
    ],
)
def test_vocabulary_without_an_actor_or_a_link_is_not_concrete(sentence):
    assert not concrete(sentence)


# Spoken stuffing: security told only as a blanket claim beside the vocabulary earns the generic level.
STUFFED_SPOKEN = """So yeah, customer obsession is core to me. Customers wanted a savings pot in our banking app.
So we did a deep dive, we looked at the voice of the customer, and the root cause was that people want control.
So we built it end to end with tokenization, MFA and all the compliance stuff, and everything was bank-grade.
The stakeholders were super aligned and the launch went smoothly, and NPS went up a lot."""


def test_stuffing_with_a_blanket_security_claim_is_held_at_the_generic_level():
    result = review(STUFFED_SPOKEN)
    assert "buzzword_stuffing" in {f.id for f in result.flags}
    assert result.dimensions["fintech_judgment"].level == 1
    assert "generic_security" in {f.id for f in result.flags}
