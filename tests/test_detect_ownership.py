"""Ownership: who acted (I, we, the passive) and whether the goal has a target and a constraint.

Every sentence and story here was written for these tests.
"""

from __future__ import annotations

import pytest

from detecting import review  # the anchors alone
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
        "I helped with the requirements.",  # a supporting part in others' work
        "Honestly I sat in on the design reviews.",
        "I participated in the weekly launch calls.",
        "I contributed to the pricing model.",
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


# --- generalised wordings: bullets, chained verbs, team-told stories, goals and guardrails ---------


def test_bullets_that_open_with_a_past_verb_are_the_candidates_actions(rubric):
    bullets = "Action:\n- Interviewed nine shop owners about payouts\n- Wrote the spec for a weekly summary\n- Ran it with 40 shops"
    team = "Action:\n- The team interviewed nine shop owners\n- Design wrote the spec"
    assert facts(bullets, rubric)["ownership.i_actions"] >= 3
    assert facts(team, rubric)["ownership.i_actions"] == 0


def test_notes_under_a_label_that_open_with_a_past_verb_are_the_candidates_actions(rubric):
    task = "**S:** Sellers waited days for payouts.\n**T:** Fix the payout delays.\n"
    notes = (
        task + "**A:** Profiled the failing payouts. Added a retry queue for the bank file. Rewrote the alert rules."
    )
    states = task + "**A:** Based on the audit, the team added a retry queue. Worried about load, they split the file."
    assert facts(notes, rubric)["ownership.i_actions"] >= 3
    assert facts(states, rubric)["ownership.i_actions"] == 0


def test_verbs_chained_after_one_i_all_count_until_someone_else_acts(rubric):
    chained = "Action: I sampled 300 disputes, called eleven sellers and drafted the new flow."
    handed_over = "Action: I sampled 300 disputes, and then they rebuilt the flow and shipped it."
    assert facts(chained, rubric)["ownership.i_actions"] == 3
    assert facts(handed_over, rubric)["ownership.i_actions"] == 1


def test_story_told_as_the_teams_actions_has_an_actor_but_not_the_candidate(rubric):
    told_as_we = "Action: We mapped the refund journey and we rewrote the letters. We piloted it with two branches."
    assert facts(told_as_we, rubric)["ownership.we_actions"] >= 2
    assert facts(told_as_we, rubric)["ownership.i_actions"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Task: I committed to halving failed direct debits by spring.",
        "Task: I was the PM for collections at a card issuer.",
        "Task: The renewals programme was mine.",
        "Task:\n- Goal: double repeat bookings this season.",
        "Task: I took the job with a clear target: no payroll run later than Friday.",
        "Task: The target I agreed with the COO was 95% same-day refunds.",
    ],
)
def test_goals_in_other_words(sentence, rubric):
    assert facts(sentence, rubric).get("ownership.goal")


@pytest.mark.parametrize(
    "sentence",
    [
        "Task: She was the PM for lending.",
        "Task: The team committed to a launch date.",
        "Task: Our goal was never clear.",
    ],
)
def test_other_peoples_roles_and_vague_mentions_are_not_the_candidates_goal(sentence, rubric):
    assert not facts(sentence, rubric).get("ownership.goal")


@pytest.mark.parametrize(
    "goal",
    [
        "Task: My goal was to double approved loans in two quarters, with defaults under 5%.",
        "Task: My goal was to cut failed transfers by 60% and not make sending slower for anyone.",
        "Task: I was given the goal of raising on-time payments to 90%, on the condition that losses could not rise.",
        "Task: My task was to launch in Q2 with a budget of three engineers, and to reach 50,000 users in 90 days.",
        "Task: My target was to move every card by June inside our fraud limits, with 99% of cards live on day one.",
        "Task: So I gave myself a target: halve that abandonment by Q3 and keep fraud under 0.1% of volume.",
        "Goal: Within two quarters, fewer than 2% of clients get penalties, and our credit exposure had to stay capped.",
    ],
)
def test_guardrails_in_other_words_make_a_constrained_target(goal, rubric):
    assert facts(goal, rubric).get("ownership.constrained_target")


@pytest.mark.parametrize(
    "goal",
    [
        "Task: My goal was to double approved loans with the help of the credit team.",
        "Task: My task was to launch in Q2 with a budget of three engineers.",
    ],
)
def test_a_guardrail_needs_a_target_beside_it(goal, rubric):
    assert not facts(goal, rubric).get("ownership.constrained_target")


# --- round two: goals handed over, under headings, guardrails as rules --------------------


@pytest.mark.parametrize(
    "goal",
    [
        "Task: So I set my own target: halve lost savings in a year, without adding a step for normal transfers.",
        "Task: My director gave me the goal to bring failed payouts under 2% in six months, and the sender should not pay twice.",
        "Task: I had to cut those late charges by two thirds, without letting refund losses grow.",
        "Task: My aim was to get rejections to one in twenty-five, without taking on more fraud.",
        "Task: My job was a letter in under an hour, with no rise in early defaults.",
        "Task: I owned the goal of halving overdue invoices, with one rule from legal about how we chase.",
        "Task: My target was to cut cost per card by 30% and have zero unplanned downtime.",
    ],
)
def test_guardrails_told_as_rules_prohibitions_and_no_change(goal, rubric):
    assert facts(goal, rubric).get("ownership.constrained_target")


def test_a_goal_under_a_heading_is_read_from_the_line_below(rubric):
    text = "Task:\n- My goal\n- Cut chargebacks that were not fraud by 40% in two quarters, keeping fraud losses flat"
    assert facts(text, rubric).get("ownership.constrained_target")


@pytest.mark.parametrize(
    "goal",
    [
        # someone else's inability is a description, not a guardrail on the goal
        "Task: My goal was to help filers who could not pay their bill, and reach 12% by spring.",
        "Task: My goal was to finish within two quarters, without a new hire.",
        "Task: My director gave me a week to look into it.",
    ],
)
def test_relative_clauses_and_time_frames_are_not_a_constrained_target(goal, rubric):
    assert not facts(goal, rubric).get("ownership.constrained_target")


STORY_HELPER = """Situation: Small businesses on our card product asked for virtual cards to pay suppliers online.
Task: The team was given the job of shipping them.
Action: We scoped the first version in a week. I helped with the requirements and sat in on the design reviews. The engineers built it and we ran a beta with 30 customers.
Result: Customers liked the virtual cards."""


def test_a_supporting_part_in_the_teams_work_is_not_ownership():
    result = review(STORY_HELPER)
    assert result.dimensions["ownership"].level == 1
    assert "we_not_i" in {f.id for f in result.flags}
