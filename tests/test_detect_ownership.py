"""Ownership: who acted (I, we, the passive) and whether the goal has a target and a constraint.

Every sentence and story here was written for these tests.
"""

from __future__ import annotations

import pytest

from starbar import review
from starbar.detect import detect
from starbar.detect.structure.ownership import I_ACTION, measurable
from starbar.parse import parse


def facts(text: str, rubric) -> dict[str, float]:
    return detect(parse(text), rubric).facts


@pytest.mark.parametrize(
    "sentence",
    [
        "I pulled 300 refund tickets and read every one.",
        "I also rewrote the consent copy myself.",
        "So I, um, called twelve landlords that week.",
        "Then I go to the risk lead and I show her the numbers.",  # told in the present
        "I personally ran the pricing test.",
    ],
)
def test_first_person_actions_are_counted(sentence):
    assert I_ACTION.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I think customers deserve better.",
        "I was the PM for the payouts team.",
        "I always start from the customer.",
        "That is the mindset I would bring to the role.",
        "It shows how I bring people along.",
        "I didn't have the numbers yet.",
    ],
)
def test_opinions_states_and_habits_are_not_actions(sentence):
    assert not I_ACTION.search(sentence)


def test_share_counts_we_and_the_passive_against_i(rubric):
    mostly_we = (
        "Action: We interviewed merchants and we rebuilt the statement page. The decision was made to drop "
        "the old export. I joined the weekly review."
    )
    mostly_i = (
        "Action: I interviewed 14 merchants and I rebuilt the statement page. I dropped the old export after "
        "we checked usage."
    )
    assert facts(mostly_we, rubric)["ownership.i_share"] < 0.4
    assert facts(mostly_i, rubric)["ownership.i_share"] >= 0.7


def test_descriptions_in_the_passive_do_not_hide_an_actor(rubric):
    text = "Action: I sampled 500 claims that had been closed as duplicates. I was asked to own the fix."
    assert facts(text, rubric)["ownership.i_share"] == 1.0


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("cut the failed top-ups in half", "half"),
        ("raise first-time approval from 61% to 80%", "61%"),
        ("for the half, lower call volume by 3,000 a month", "3,000"),
    ],
)
def test_measurable_target_skips_dates_and_spans_of_time(text, number):
    assert measurable(text).group(0) == number


@pytest.mark.parametrize("text", ["within two quarters", "by Q3", "before the end of 2025", "for the half"])
def test_time_frames_are_not_targets(text):
    assert measurable(text) is None


@pytest.mark.parametrize(
    ("goal", "constrained"),
    [
        ("Task: My target was to halve chargeback losses in six months without adding a step to checkout.", True),
        ("Task: I was accountable for moving sellers to weekly payouts within a $300K budget.", True),
        ("Task: My goal was to get refund times under two days for most shoppers.", False),
        ("Task: My goal for the half was to improve repayments without pushing people to a 3% card fee.", False),
    ],
)
def test_constrained_target_needs_a_number_before_the_constraint(goal, constrained, rubric):
    assert bool(facts(goal, rubric).get("ownership.constrained_target")) is constrained


STORY_WE = """Situation: Small landlords on our rent platform complained that deposits arrived late.
Task: The team was asked to speed deposits up.
Action: We looked at the data and we held workshops with landlords. The team decided to add same-day deposits, and the rollout was planned by engineering. I coordinated the weekly syncs across design and engineering.
Result: Deposits now arrive a day sooner and landlords told us they were happy."""

STORY_PASSIVE = """Situation: Customers found the card activation confusing.
Task: Activation needed to improve.
Action: A deep review of the flow was conducted. New screens were designed and the copy was rewritten. The changes were rolled out in the spring.
Result: Activation improved."""

STORY_OWNED = """Situation: Freelancers on our invoicing app waited 34 days on average to be paid.
Task: I owned the payment-request flow, and my goal was to cut the average wait to 20 days within two quarters without raising our dispute rate above 0.5%.
Action: I read 250 late-payment tickets and interviewed 12 freelancers. I found that clients paid late because invoices lacked a purchase-order number. I proposed a checklist that asks for the PO number up front, and I ran a test with 10% of new invoices. Our two engineers built it in a sprint, and the credit for that speed is theirs.
Result: The average wait fell from 34 to 19 days over ten weeks."""

STORY_OWNED_NO_TARGET = STORY_OWNED.replace(
    "my goal was to cut the average wait to 20 days within two quarters without raising our dispute rate above 0.5%",
    "my goal was to get freelancers paid sooner",
)


def test_collective_story_is_level_one_and_flagged():
    result = review(STORY_WE)
    assert result.dimensions["ownership"].level == 1
    assert "we_not_i" in {f.id for f in result.flags}


def test_passive_story_is_level_zero():
    assert review(STORY_PASSIVE).dimensions["ownership"].level == 0


def test_owned_story_with_measurable_constrained_target_is_level_four():
    result = review(STORY_OWNED)
    assert result.dimensions["ownership"].level == 4
    assert "we_not_i" not in {f.id for f in result.flags}


def test_owned_story_without_target_is_level_three():
    assert review(STORY_OWNED_NO_TARGET).dimensions["ownership"].level == 3
