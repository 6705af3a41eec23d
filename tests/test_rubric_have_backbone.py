"""The Have Backbone; Disagree and Commit rubric (have-backbone-fintech) is one more folder:
it loads (its signals' examples run with every rubric's in test_signal_examples.py), its verdict rules give the
spec's calibration examples their stated verdicts, and whole stories land where they should."""

from __future__ import annotations

import subprocess
import sys

import pytest

import test_judge_rules as judge_rules
from starbar import review
from starbar.judge.decide import classify, level_facts
from starbar.judge.result import DimensionScore
from starbar.rubric import all_signals, for_lp, load_rubric
from test_rubric_earn_trust import assert_unnamed_money_risk_reads_1

NAME = "have-backbone-fintech"
RUBRIC = load_rubric(NAME)
CORE = ["ownership", "evidence", "challenge", "commitment", "impact"]


def test_the_folder_loads_as_the_principles_rubric():
    assert for_lp("have-backbone") == NAME
    assert RUBRIC.lp == "have-backbone" and RUBRIC.version == "2026.12.17"
    assert [d.id for d in RUBRIC.dimensions] == [*CORE, "scope", "fintech_judgment"]
    assert RUBRIC.gates == ["scope", "fintech_judgment"]
    assert RUBRIC.dimension_of == {"impact.*": "impact"}
    assert RUBRIC.calibration is not None and set(RUBRIC.calibration.own) == {d.id for d in RUBRIC.dimensions}
    assert {"ownership.actors", "impact.result", "fintech.decisions", "style.buzzwords"} <= set(RUBRIC.detectors)
    assert {a.value for a in RUBRIC.archetypes} == {
        "off_topic",
        "fight_or_fold",
        "concern_raiser",
        "disagree_and_commit",
    }
    assert all(f.dimension in {d.id for d in RUBRIC.dimensions} for f in RUBRIC.followups if f.dimension)


def test_rubric_show_prints_the_bar_by_principle():
    shown = subprocess.run(
        [sys.executable, "-m", "starbar", "rubric", "show", "--lp", "have-backbone"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Have Backbone; Disagree and Commit")
    assert "challenge - Challenge" in shown.stdout and "fight_or_fold" in shown.stdout


def _decide(levels: dict[str, int], flags: list[str], target: str, context: str = "fintech") -> tuple[str, str]:
    """The archetype and verdict the rubric's rules give these levels and flags."""
    return judge_rules.decide(RUBRIC, levels, target, context, flags)


def _levels(own, ev, ch, com, imp, scope, fj):
    return dict(zip([*CORE, "scope", "fintech_judgment"], (own, ev, ch, com, imp, scope, fj), strict=True))


# The spec's calibration examples, with their labelled levels and flags.
STRONG = _levels(3, 4, 4, 4, 3, 3, 4)
CONCERN = _levels(3, 2, 2, 2, 3, 2, 3)
WEAK = _levels(2, 1, 2, 1, 1, 2, 2)
WEAK_FLAGS = [
    "overruled",
    "undermined_decision",
    "no_commit",
    "backbone_without_data",
    "strawman_opponent",
    "disrespectful_challenge",
    "vague_result",
    "missing_part",
    "length_off",
]


@pytest.mark.parametrize(("target", "verdict"), [("L5", "strong_hire"), ("L6", "strong_hire"), ("L7", "no_hire")])
def test_the_strong_example_is_strong_at_l5_and_l6_and_held_by_scope_at_l7(target, verdict):
    assert _decide(STRONG, ["overruled"], target) == ("disagree_and_commit", verdict)


@pytest.mark.parametrize("target", ["L5", "L6", "L7"])
def test_the_concern_raiser_is_no_hire_at_every_level(target):
    assert _decide(CONCERN, ["overruled"], target) == ("concern_raiser", "no_hire")


def test_the_weak_example_is_fight_or_fold():
    assert _decide(WEAK, WEAK_FLAGS, "L6") == ("fight_or_fold", "strong_no_hire")


def test_the_mean_rule_reads_as_the_spec_says():
    # both bar dimensions at 3, the other three core at 2: mean 2.4, no hire; one more at 3: 2.6, hire
    assert _decide(_levels(2, 2, 3, 3, 2, 3, 3), [], "L6")[1] == "no_hire"
    assert _decide(_levels(3, 2, 3, 3, 2, 3, 3), [], "L6")[1] == "hire"


def test_a_story_outside_finance_reaches_hire_at_most_and_is_not_sunk_by_fintech_judgment():
    assert _decide(_levels(4, 4, 4, 4, 4, 3, 0), [], "L6", context="other") == ("disagree_and_commit", "hire")
    assert _decide(_levels(4, 4, 4, 4, 4, 3, 2), [], "L6") == ("disagree_and_commit", "hire")


@pytest.mark.parametrize("flag", ["buzzword_stuffing", "disrespectful_challenge"])
def test_capping_flags_hold_a_strong_story_at_no_hire(flag):
    assert _decide(STRONG, [flag], "L6") == ("disagree_and_commit", "no_hire")


@pytest.mark.parametrize("flag", ["caved", "undermined_decision"])
def test_forcing_flags_make_fight_or_fold(flag):
    assert _decide(STRONG, [flag], "L6") == ("fight_or_fold", "strong_no_hire")


def test_l7_strong_hire_needs_four_at_4_including_both_bar_dimensions():
    assert _decide(_levels(4, 4, 3, 4, 4, 4, 4), [], "L7") == ("disagree_and_commit", "hire")
    assert _decide(_levels(3, 4, 4, 4, 4, 4, 4), [], "L7") == ("disagree_and_commit", "strong_hire")


# Whole stories, written for these tests.
BACKBONE = """Situation: At Tallyfund, a small-business lender, I owned the merchant cash advance product. Our VP of credit wanted to raise the maximum advance from 80% to 120% of monthly card sales to win larger merchants before the summer.

Task: My job was to keep first-year losses under our 3% budget while growing advances, and to make whatever we decided work.

Action: I modelled the change on 24 months of repayment data: for advances above 100% of sales, projected losses were 5.2% against our 3% budget. I took this to the VP one-to-one. His view was that larger merchants repay better and that two competitors already offered 120%; both points were fair, and I said so. He still wanted the full change, so I wrote a two-page memo with both cases and asked our CFO to decide with both of us in the room. I proposed a six-week pilot on 15% of new applications, and agreed that if early delinquency stayed under 3% I would back 120% for everyone. The CFO chose the full change because of the summer deadline. I said once more that I disagreed, and then committed: I wrote the launch plan, briefed the collections team on the larger book myself and defended the date when engineering asked to slip. Without reopening the decision, I added a weekly early-delinquency report with a pre-agreed threshold for tightening.

Result: Advances rose 18% over the summer and early delinquency came in at 3.6%, below my 5.2% forecast; the VP was right that larger merchants repay better. The threshold let us tighten for restaurants in September, and losses have held under budget since."""

CONCERN_STORY = """I was the product manager for savings at Brightjar, a savings app. My manager decided to add a weekly round-up reminder for every user. I disagreed, because I thought it would annoy people who already saved. I told my manager in our one-to-one. She said the reminders had worked for another team and the campaign was already planned. I accepted that and built the reminder for the next release, with a setting to turn it off. After launch, weekly deposits rose 6% over two months and 3% of users turned the reminder off. It turned out fine, and the team was happy with the result."""

OFF_TOPIC = """Situation: At Brightjar, a savings app, I owned the onboarding flow, where 40% of new users dropped off before their first deposit.

Task: My goal was to raise first deposits by a quarter in one quarter.

Action: I read 300 support tickets and watched twelve session recordings. I found that users stalled at the bank-linking step because the bank list was hard to search. I redesigned the search, added the five most common banks at the top and wrote clearer copy for the linking screen. I shipped the change in two sprints with my engineers.

Result: First deposits rose from 60% to 74% of sign-ups over the next quarter, and linking tickets fell by half."""

UNDERMINED = """I was the PM for payouts at Coinvale, a payments startup. My director decided to launch instant payouts for all sellers in March. I thought it was too risky, because new sellers could cash out stolen card money before disputes arrived. I estimated $40,000 a month of exposure from sellers younger than 30 days and showed my director the estimate. He said sellers were leaving for a competitor over slow payouts, and he kept the March date. I still thought he was wrong, so I did not put the payout work into the next sprint and told the engineers there were other priorities first. When fraud losses came in at $25,000 in April, I pointed out that I had warned about this. Payout volume grew 20% by June anyway."""


def test_a_disagree_and_commit_story_scores_backbone_at_the_top():
    got = review(BACKBONE, "L6", lp="have-backbone")
    levels = {d: s.level for d, s in got.dimensions.items()}
    assert got.rubric == NAME and got.context == "fintech"
    assert levels["challenge"] == 4 and levels["commitment"] == 4 and levels["evidence"] == 4
    assert levels["impact"] >= 3 and levels["scope"] >= 3
    assert got.archetype == "disagree_and_commit"
    assert got.verdict in ("hire", "strong_hire")
    assert "overruled" in {f.id for f in got.flags}


def test_a_concern_voiced_once_then_the_assigned_build_is_a_concern_raiser():
    got = review(CONCERN_STORY, "L6", lp="have-backbone")
    assert got.dimensions["challenge"].level == 2
    assert got.dimensions["commitment"].level == 2
    assert (got.archetype, got.verdict) == ("concern_raiser", "no_hire")


def test_a_story_with_no_disagreement_is_off_topic():
    got = review(OFF_TOPIC, "L6", lp="have-backbone")
    assert [got.dimensions[d].level for d in ("evidence", "challenge", "commitment")] == [0, 0, 0]
    assert got.dimensions["impact"].level >= 3
    assert (got.archetype, got.verdict) == ("off_topic", "strong_no_hire")


def test_working_against_the_decision_is_fight_or_fold():
    got = review(UNDERMINED, "L6", lp="have-backbone")
    flags = {f.id for f in got.flags}
    assert "undermined_decision" in flags and "no_commit" in flags
    assert got.dimensions["commitment"].level <= 1
    assert (got.archetype, got.verdict) == ("fight_or_fold", "strong_no_hire")
    assert "How do you think the other person experienced what you did? What would you do differently?" in got.followups


def test_rubric_words_alone_earn_no_backbone():
    stuffed = (
        "I had backbone and pushed back on the decision with data-driven pushback. I aligned stakeholders "
        "and showed ownership. Then I disagreed and committed, end-to-end, with a customer-obsessed mindset "
        "and a bias for action. Leadership was delighted and the stakeholders loved the alignment."
    )
    got = review(stuffed, "L6", lp="have-backbone")
    assert all(got.dimensions[d].level <= 2 for d in ("evidence", "challenge", "commitment"))
    assert "buzzword_stuffing" in {f.id for f in got.flags}
    assert got.verdict in ("no_hire", "strong_no_hire")


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


def test_a_financial_story_that_names_no_risk_reads_fintech_judgment_1_without_the_generic_flag():
    story = (
        "At Fenwick, a savings app, I was the PM for the goals screen. Our VP wanted to launch the new charts in May. "
        "I disagreed: in our test, 40 of 60 savers could not read them. I showed him the recordings and asked for two "
        "more weeks. He said the date was promised to the board and kept it. I wrote the launch plan that night and "
        "briefed support on the charts. Savers who set a goal rose from 12% to 19% in the first month."
    )
    assert_unnamed_money_risk_reads_1(story, "have-backbone")


# Overruled, then carried out in plain words: the plan re-cut around the decision, the people who run it walked
# through it, the candidate's own team told why (rubric 2026.12.4; none of these read as commitment before).
CARRIED_OUT = (
    "I ran card disputes at Ledgerline, a small issuer. Our head of operations wanted to close any dispute under "
    "$25 in the customer's favour without review, to clear a backlog of 3,100 cases. I didn't think we should: "
    "I went through 400 closed disputes and found that 9% of the small ones came from the same 60 accounts. "
    "I showed her the sample. Her point was that agents were spending a third of their week on cases worth less "
    "than the time, which was true. She still wanted the blanket rule, so I brought a comparison of the two plans "
    "to our COO with her numbers beside mine. The COO chose her rule for every cardholder. "
    "I then backed it. I re-cut the sprint plan so the auto-close shipped first, walked the dispute agents through "
    "the new queue, and told my engineers why we were doing it her way. "
    "Within a month the backlog fell from 3,100 cases to 400, and repeat small disputes from the 60 accounts rose "
    "from 9% to 11%."
)
CARRIED_OUT_ACTS = (
    "I re-cut the sprint plan so the auto-close shipped first, walked the dispute agents through the new queue, "
    "and told my engineers why we were doing it her way. "
)


def test_acts_that_carry_the_decision_to_others_are_commitment():
    got = review(CARRIED_OUT, "L6", lp="have-backbone")
    assert got.dimensions["commitment"].level == 3
    assert (got.archetype, got.verdict) == ("disagree_and_commit", "hire")


def test_taking_the_other_sides_worry_as_ones_own_without_naming_it_is_a_claim():
    got = review(CARRIED_OUT.replace(CARRIED_OUT_ACTS, "I made her concern mine. "), "L6", lp="have-backbone")
    assert got.dimensions["commitment"].level <= 1
    assert "no_commit" in {f.id for f in got.flags}


def test_the_other_sides_hesitation_with_its_reason_answered_with_data_is_a_case_put():
    # the objection is theirs, its reason stated; the candidate's answer is evidence gathered for it
    story = (
        "As PM for payouts at a marketplace, I proposed paying sellers daily instead of weekly. Treasury was "
        "reluctant at first, since the float paid for two salaries. I pulled six months of payouts, and I showed "
        "them that only 4% of the float was ever drawn and that daily payouts would cost about $9,000 a quarter, "
        "and they agreed. Seller churn fell from 6% to 4% in the next two quarters."
    )
    got = review(story, "L6", lp="have-backbone")
    assert (got.dimensions["evidence"].level, got.dimensions["challenge"].level) == (3, 2)
    unopposed = story.replace(" Treasury was reluctant at first, since the float paid for two salaries.", "")
    assert review(unopposed, "L6", lp="have-backbone").dimensions["evidence"].level == 0


def test_the_analysis_kept_back_from_the_meeting_is_the_position_dropped():
    story = (
        "The COO wanted instant payouts for every new seller. I had numbers showing new sellers drove most of our "
        "losses, but at the steering meeting I did not present my analysis, and the launch went ahead. Losses "
        "tripled in a month and we pulled it back."
    )
    got = review(story, "L6", lp="have-backbone")
    assert "challenge.caved" in {e.signal for e in got.trace.fired}
    assert got.dimensions["challenge"].level <= 2


def test_a_proposal_after_the_first_no_and_their_point_granted_in_passing_is_a_press():
    # "After he said no, I proposed a test" presses past the no; "he argued, fairly, that" states his side
    story = (
        "I owned the overdraft product at a small bank. Our head of retail wanted to double the free buffer to "
        "$200. I modelled 20 months of overdraft data: above $100, write-offs rose from 1.1% to 2.6%. He argued, "
        "fairly, that two rivals already offered $200 and we were losing salary accounts. After he said no to "
        "keeping $100, I proposed an eight-week test on a third of new accounts, and said I would back $200 for "
        "everyone if write-offs stayed under 1.5%."
    )
    got = review(story, "L6", lp="have-backbone")
    assert got.dimensions["challenge"].level >= 3
    # without the proposal after the no, and with his point told flatly, there is no press
    flat = story.replace("He argued, fairly, that", "He said").replace("After he said no to keeping $100, I", "I")
    assert review(flat, "L6", lp="have-backbone").dimensions["challenge"].level < got.dimensions["challenge"].level


# Overruled, then carried out in words the earlier rules missed (rubric 2026.12.16): the decision taken on with
# no "I" beside it, made to work in any noun, the people it falls on told in person, the rollout planned, its
# copy written with the function that runs it. Each replaces the acts of CARRIED_OUT.
@pytest.mark.parametrize(
    "acts",
    [
        "I said once that I still had doubts, then took it on as my own and re-ran the queue numbers daily. ",
        "I took on the agent retraining myself. ",
        "I said my piece once more, then made her blanket rule work. ",
        "I phoned our forty largest merchants personally that week. ",
        "I planned the go-live with the team leads. ",
        "I drafted the cardholder emails with the support team. ",
        "I redid the roadmap so the auto-close came first. ",
    ],
)
def test_acts_after_being_overruled_in_other_words_are_commitment(acts):
    got = review(CARRIED_OUT.replace(CARRIED_OUT_ACTS, acts), "L6", lp="have-backbone")
    assert "commitment.owned" in {e.signal for e in got.trace.fired}
    assert got.dimensions["commitment"].level >= 3


@pytest.mark.parametrize(
    "acts",
    [
        "I made the team work two weekends. ",
        "I called the vendor about the invoice. ",
        "To reduce costs, I cut two features. ",
        "I wrote a memo with the data. ",
        "I took on the role in May. ",
    ],
)
def test_look_alikes_of_those_acts_are_not_commitment(acts):
    got = review(CARRIED_OUT.replace(CARRIED_OUT_ACTS, acts), "L6", lp="have-backbone")
    assert "commitment.owned" not in {e.signal for e in got.trace.fired}
    assert got.dimensions["commitment"].level <= 2


@pytest.mark.parametrize(
    ("acts", "level"),
    [("I did my share of the work on the new queue. ", 2), ("I updated the fee page. ", 2), ("I read the page. ", 1)],
)
def test_the_assigned_part_told_plainly_is_commitment_2(acts, level):
    got = review(CARRIED_OUT.replace(CARRIED_OUT_ACTS, acts), "L6", lp="have-backbone")
    assert got.dimensions["commitment"].level <= 1 if level == 1 else got.dimensions["commitment"].level == level


# Won, and the other side given what it needed: the other side's concern built into the plan (level 3).
WON = (
    "I owned card controls at Fernhill, a neobank. Our head of growth, Tomas, wanted to drop the spending limit on "
    "new cards to lift activation. I disagreed: I pulled 90 days of fraud data and found that 70% of first-week "
    "fraud came from cards with no limit. I showed Tomas the numbers; he said the limit cost us 6% of activations, "
    "which was true. He still wanted to drop it, so I wrote a short note proposing a lower limit for the first two "
    "weeks only. Our COO agreed with the proposal. {acts}Activation rose 3% and first-week fraud fell by a third."
)


@pytest.mark.parametrize(
    "acts",
    [
        "To give Tomas and his team what they needed, I added a selfie check that restores full spending at once. ",
        "To soften the hit for growth, I shortened the window to ten days. ",
        "To address Tomas's activation worry, I added a selfie check that restores full spending at once. ",
        "I wanted it to work for him too, so I added a selfie check that restores full spending at once. ",
    ],
)
def test_a_win_that_gives_the_other_side_what_it_needed_is_commitment_3(acts):
    got = review(WON.format(acts=acts), "L6", lp="have-backbone")
    assert got.dimensions["commitment"].level == 3
    # the win alone ends at the win
    assert review(WON.format(acts=""), "L6", lp="have-backbone").dimensions["commitment"].level <= 2


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("Result: Chargebacks came in lower than I had predicted.", True),
        ("Result: Two partners left, as the head of sales had warned.", True),
        ("Result: Looking back, her phased plan was better than mine.", True),
        ("Result: Looking back, Amara's point was right.", True),
        ("Action: I proposed renewals as the test of who was right.", False),
        ("Result: My plan was better than hers.", False),
        ("Result: Chargebacks came in lower than last year.", False),
    ],
)
def test_the_other_side_credited_in_the_result_is_an_honest_report(sentence, fires):
    got = review(sentence, "L6", lp="have-backbone")
    assert ("commitment.honest" in {e.signal for e in got.trace.fired}) is fires


@pytest.mark.parametrize(
    ("sentence", "won"),
    [
        ("Action: In the end our director sided with me.", True),
        ("Action: The COO agreed with me and we kept the cap.", True),
        ("Action: The VP went with my version.", True),
        ("Action: My manager sided with compliance.", False),
    ],
)
def test_the_decider_siding_with_the_candidate_is_a_win_not_overruled(sentence, won):
    fired = {e.signal for e in review(sentence, "L6", lp="have-backbone").trace.fired}
    assert ("outcome.won" in fired) is won
    assert ("outcome.overruled" in fired) is not won


# A worry of one's own about the decision is the disagreement in milder words (rubric 2026.12.17): with it told,
# the acts after the decision are commitment to a decision disputed; with none, or one denied, they are not.
WORRIED = (
    "I ran payouts at Corvid Pay, a wallet for freelancers. Our head of finance wanted to move every payout to a "
    "weekly batch to save $40,000 a quarter in fees. {worry}I pulled 90 days of payouts and found that 35% of "
    "freelancers withdrew within a day of being paid. Her point was that the batch fees "
    "were eating our margin, which was true. She kept the weekly batch. I wrote the FAQ for the support team and "
    "walked the agents through the new schedule. Fees fell by $38,000 in the first quarter and 4% of freelancers "
    "left."
)


@pytest.mark.parametrize(
    "worry",
    [
        "I was worried about what a week's wait would do to them. ",
        "My biggest concern was freelancers who live from one job to the next. ",
        "I wasn't comfortable with a week's wait for people paid by the job. ",
        "I grew quite uneasy about the plan. ",
        "I was not convinced by it. ",
    ],
)
def test_a_worry_of_ones_own_is_the_disagreement_the_acts_commit_to(worry):
    got = review(WORRIED.format(worry=worry), "L6", lp="have-backbone")
    assert "challenge.worried" in {e.signal for e in got.trace.fired}
    assert got.dimensions["commitment"].level >= 3


@pytest.mark.parametrize(
    "worry",
    [
        "",
        "I was not worried about the fees. ",
        "Our support lead was worried about the change. ",
        "My goal was speed. ",
    ],
)
def test_no_worry_or_a_worry_denied_or_anothers_is_no_disagreement(worry):
    got = review(WORRIED.format(worry=worry), "L6", lp="have-backbone")
    assert "challenge.worried" not in {e.signal for e in got.trace.fired}
    assert got.dimensions["commitment"].level <= 1


# A way to decide offered, the data taken up together, the decision run as one's own, the other side granted the
# better call in the result (rubric 2026.12.17).
@pytest.mark.parametrize(
    ("sentence", "signal", "fires"),
    [
        ("Action: I offered a way to decide: run both rule sets for a month.", "challenge.settle", True),
        ("Action: I suggested a way to settle it, a four-week shadow run.", "challenge.settle", True),
        ("Action: I suggested a way to save time on the review.", "challenge.settle", False),
        ("Action: She agreed, and we brought the numbers to the credit committee together.", "challenge.pressed", True),
        ("Action: We brought the numbers to the credit committee.", "challenge.pressed", False),
        ("Action: From then on I carried it out as though it were my own plan.", "commitment.owned", True),
        ("Action: I worked on it like it was my own project.", "commitment.owned", True),
        ("Action: It felt like it was my fault.", "commitment.owned", False),
        ("Result: Churn came in better than my estimate of 9%.", "commitment.honest", True),
        ("Result: Looking back, she was more right about liquidity.", "commitment.honest", True),
        ("Result: I was more right about the fee than anyone.", "commitment.honest", False),
        ("Result: Sales came in better than last year.", "commitment.honest", False),
    ],
)
def test_a_way_to_decide_and_a_decision_run_as_ones_own_read_as_such(sentence, signal, fires):
    got = review(sentence, "L6", lp="have-backbone")
    assert (signal in {e.signal for e in got.trace.fired}) is fires
