"""Words without substance earn nothing: a sentence of rubric vocabulary with nothing concrete in
it is a claim, which earns a dimension's level 1 at most; the same words beside a number, a
cause or a customer's own words are evidence like any other."""

from __future__ import annotations

import pytest

from starbar import review
from starbar.detect.substance import concrete

BASE = (
    "Situation: I was the PM for card payments at a small lender. "
    "Task: my job was to improve the checkout for returning customers.\n\n"
    "Action: {action}\n\nResult: We shipped the new checkout in the spring."
)


@pytest.mark.parametrize(
    "text",
    [
        "I read 300 tickets.",
        "Drop-off was about a third.",
        "I found that most people never saw the email.",
        "They stopped because the code expired.",
        'One owner told me "I never know when the money lands".',
        "Priya in Legal refused to sign it.",
    ],
)
def test_a_number_a_cause_a_name_or_a_customers_words_is_concrete(text):
    assert concrete(text)


@pytest.mark.parametrize(
    "text",
    [
        "I dove deep into customer data and ran a root cause analysis.",
        "I owned it end to end.",
        "We ensured tokenization and MFA and PCI compliance.",
        "I navigated pushback from stakeholders and drove alignment.",
    ],
)
def test_vocabulary_alone_is_not(text):
    assert concrete(text) is None


@pytest.mark.parametrize(
    ("claim", "dimension"),
    [
        ("I dove deep into customer data and ran a root cause analysis.", "root_cause"),
        ("I dove deep into customer data and ran a root cause analysis.", "customer_insight"),
        ("We ensured tokenization and MFA and PCI compliance throughout.", "fintech_judgment"),
        ("I navigated pushback from stakeholders and made the hard trade-offs.", "friction"),
    ],
)
def test_a_claim_earns_level_one_at_most(claim, dimension):
    assert review(BASE.format(action=claim)).dimensions[dimension].level <= 1


def test_the_same_words_with_the_work_behind_them_earn_more():
    claim = review(BASE.format(action="I ran a root cause analysis."))
    work = review(
        BASE.format(
            action="I ran a root cause analysis on 300 declined payments and found that 40% came from expired cards."
        )
    )
    assert work.dimensions["customer_insight"].level > claim.dimensions["customer_insight"].level


def test_a_set_aside_claim_is_explained():
    result = review(BASE.format(action="I dove deep into customer data and ran a root cause analysis."))
    assert any("rubric vocabulary" in s.reason for s in result.trace.suppressed)


def test_a_claims_generic_signals_are_set_aside_with_it():
    # The generic-claim signals of a bare sentence are claims too, so no evidence of the
    # dimension is left for the learned layer to raise the level on.
    from detecting import detected

    signals = detected(BASE.format(action="I did a deep dive into the data to find the root cause."))
    assert not signals.of("cause.generic")
    assert any(e.signal == "cause.generic" for e in signals.claims)


def test_a_control_named_only_as_vocabulary_opens_no_safeguard():
    # "keeping fraud below 0.1%" is a safeguard only beside a control the story really names.
    story = BASE.format(
        action="I set a target of keeping fraud below 0.1% of volume. "
        "We ensured PCI DSS compliance, tokenization and MFA across the whole flow."
    )
    from detecting import fired

    assert "fintech.safeguard" not in fired(story)
