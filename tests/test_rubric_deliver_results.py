"""The Deliver Results rubric folder: it loads, its signals fire down to the span, and its verdict
rules give the spec's calibration examples their stated verdicts (shared/docs/rubrics/deliver-results.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import starbar
import test_judge_rules as judge_rules
from detecting import anchored
from starbar.rubric import all_signals, for_lp, load_rubric

RUBRIC_ID = "deliver-results-fintech"
RUBRIC = load_rubric(RUBRIC_ID)
DIMS = ("ownership", "goal_clarity", "key_inputs", "setback_recovery", "impact", "scope", "fintech_judgment")


def test_the_folder_loads_with_the_spec_ids():
    assert for_lp("deliver-results") == RUBRIC_ID and RUBRIC.version == "2026.12.17"
    assert tuple(d.id for d in RUBRIC.dimensions) == DIMS
    assert set(RUBRIC.gates) == {"scope", "fintech_judgment"}
    assert [a.value for a in RUBRIC.archetypes] == ["off_topic", "effort_only", "results_driver", "shipper"]
    assert {f.id for f in RUBRIC.flags} >= {
        "output_not_outcome",
        "effort_narrative",
        "no_setback",
        "moved_goalposts",
        "quality_cut",
        "blame_shifting",
    }
    dims = set(DIMS)
    assert all(f.dimension in dims for f in RUBRIC.followups if f.dimension)


def decide(levels, target="L6", context="fintech", flags=()):
    return judge_rules.decide(RUBRIC, levels, target, context, flags)


STRONG = (4, 4, 4, 4, 4, 3, 4)
SHIPPER = (3, 2, 2, 2, 2, 2, 2)
WEAK = (1, 2, 1, 1, 1, 2, 1)


@pytest.mark.parametrize(
    ("levels", "target", "flags", "expected"),
    [
        # The spec's calibration examples, at their stated levels and flags.
        (STRONG, "L5", (), ("results_driver", "strong_hire")),
        (STRONG, "L6", (), ("results_driver", "strong_hire")),
        (STRONG, "L7", (), ("results_driver", "no_hire")),
        (SHIPPER, "L5", ("output_not_outcome", "effort_narrative"), ("shipper", "no_hire")),
        (SHIPPER, "L6", ("output_not_outcome", "effort_narrative"), ("shipper", "no_hire")),
        (SHIPPER, "L7", ("output_not_outcome", "effort_narrative"), ("shipper", "no_hire")),
        (
            WEAK,
            "L6",
            ("effort_narrative", "output_not_outcome", "vague_result", "we_not_i"),
            ("effort_only", "strong_no_hire"),
        ),
    ],
)
def test_calibration_examples_get_their_verdicts(levels, target, flags, expected):
    assert decide(levels, target, flags=flags) == expected


@pytest.mark.parametrize(
    ("levels", "target", "context", "flags", "expected"),
    [
        # The lowest hire: bar dimensions and impact at 3, ownership and goal at 2 (mean 2.6).
        ((2, 2, 3, 3, 3, 3, 0), "L6", "other", (), ("results_driver", "hire")),
        ((1, 2, 3, 3, 3, 3, 3), "L6", "fintech", (), ("results_driver", "no_hire")),
        # Scope gates the level; fintech_judgment gates only strong_hire.
        ((3, 3, 3, 3, 3, 2, 3), "L5", "fintech", (), ("results_driver", "hire")),
        ((3, 3, 3, 3, 3, 2, 3), "L6", "fintech", (), ("results_driver", "no_hire")),
        ((4, 4, 4, 4, 4, 3, 4), "L6", "other", (), ("results_driver", "hire")),
        ((4, 4, 4, 4, 4, 3, 2), "L6", "fintech", (), ("results_driver", "hire")),
        # At L7 strong_hire needs four at 4, both bar dimensions among them.
        ((4, 4, 3, 4, 4, 4, 4), "L7", "fintech", (), ("results_driver", "hire")),
        ((3, 4, 4, 4, 4, 4, 4), "L7", "fintech", (), ("results_driver", "strong_hire")),
        # Flags: a moved target keeps a story out of the top archetype; a quality cut caps it.
        ((4, 4, 4, 4, 4, 3, 4), "L6", "fintech", ("moved_goalposts",), ("shipper", "no_hire")),
        ((4, 4, 4, 4, 4, 3, 4), "L6", "fintech", ("quality_cut",), ("results_driver", "no_hire")),
        ((3, 3, 1, 3, 3, 3, 3), "L6", "fintech", ("effort_narrative",), ("effort_only", "strong_no_hire")),
        ((3, 3, 3, 3, 1, 3, 3), "L6", "fintech", (), ("effort_only", "strong_no_hire")),
        ((3, 0, 0, 0, 2, 2, 0), "L6", "fintech", (), ("off_topic", "strong_no_hire")),
    ],
)
def test_verdict_rules(levels, target, context, flags, expected):
    assert decide(levels, target, context, flags) == expected


# Whole stories written for these tests (not from any labelled set), from a story with every
# element down to one with none of the principle in it.
STRONG_STORY = (
    "Situation: I was the PM for merchant payouts at Lumo, a card-acceptance app for market traders. "
    "Traders waited 3.1 days on average for card takings to reach their bank, and slow payouts were the "
    "top reason in our churn survey: 9% of new traders left in their first quarter.\n\n"
    "Task: I committed to my VP to bring the median payout time from 3.1 days to under one day by the end"
    " of Q3, without letting payout fraud losses rise above 0.05% of volume. The plan of record said two "
    "days; I argued for one because our two largest competitors already paid out next day.\n\n"
    "Action: I broke the 3.1 days into stages using 4,000 recent payouts: 1.8 days sat in a manual risk "
    "review and 0.9 in a once-a-day settlement batch. Those two inputs became the plan. I moved two "
    "engineers off the loyalty project and dropped the invoice-template redesign to make room. Every "
    "Monday I reviewed the share of payouts cleared without manual review and the share settled the same "
    "day, and when the first share stalled at 60% I changed the plan and added device history to the "
    "automatic checks. In July our settlement bank refused to add a second daily batch until its own "
    "upgrade, which cost us five weeks. Rather than slip, I switched the first release to instant payouts"
    " for traders with six months of history, about 70% of volume, and the risk lead signed off that the "
    "same fraud checks applied.\n\n"
    "Result: At the end of Q3 the median payout time was 1.2 days, 0.2 days short of the one-day target, "
    "and I reported the miss with its cause. The bank went live in October and the median fell from 3.1 "
    "days to 0.7, where it has stayed for two quarters since. First-quarter churn fell from 9% to 5%, and"
    " fraud losses held at 0.04% of volume."
)

SHIPPER_STORY = (
    "Situation: At Fernwood Bank I was the PM for the new savings-goals feature in the mobile app. The "
    "bank had promised the feature to the board for the spring release, and customers had asked for it.\n\n"
    "Task: My goal was to launch savings goals by the end of April.\n\n"
    "Action: I built a detailed project plan with the engineering and design leads and ran twice-weekly "
    "syncs. I kept a risk log and reviewed it with my manager every Friday. I wrote the user stories and "
    "tested every screen on both phones myself. In March the design system team fell two weeks behind on "
    "the new progress bar. I escalated to their manager and asked for daily updates, and I worked two "
    "weekends to catch up on testing.\n\n"
    "Result: We launched on April 28, on time, to all 600,000 app users. The launch had no major "
    "incidents, and the head of digital called it one of the smoothest releases of the year."
)

# The strong story retold as a spoken answer, interviewer's questions and all.
SPOKEN_STORY = (
    "So this was at Lumo, we do card acceptance for market traders, and I was the PM for payouts. Traders "
    "waited about 3.1 days for their card money, and that was the top reason people gave when they churned."
    "\n\nInterviewer: What did you commit to?\n\n"
    "I told my VP I'd get the median payout under one day by the end of Q3, and fraud losses had to stay "
    "under 0.05% of volume. The plan said two days, but I pushed for one because our two biggest "
    "competitors pay next day.\n\nInterviewer: How did you decide what to work on?\n\n"
    "I pulled 4,000 payouts and timed each stage. Most of it, 1.8 days, was a manual risk review, and "
    "another 0.9 was the once-a-day settlement batch. So those were my two inputs. I took two engineers off "
    "the loyalty project and we dropped the invoice-template redesign. Every Monday I looked at two "
    "numbers: payouts cleared without manual review, and payouts settled same day.\n\n"
    "Interviewer: What went wrong?\n\n"
    "In July the settlement bank said it couldn't add a second batch until its own upgrade, which cost us "
    "five weeks. So instead of slipping, I launched instant payouts first for traders with six months of "
    "history, about 70% of volume, and our risk lead signed off that the same fraud checks applied.\n\n"
    "Interviewer: How did it end?\n\n"
    "End of Q3 we were at 1.2 days, short of the one-day target, and I reported that. After the bank went "
    "live in October the median went from 3.1 days to 0.7, and it's stayed there for two quarters. "
    "First-quarter churn fell from 9% to 5%, and fraud stayed at 0.04%."
)

EFFORT_STORY = (
    "I'm someone who always delivers. Last year our biggest client needed a new reporting feature for "
    "their cards in just four weeks. It was really intense, and I worked most evenings and weekends to "
    "keep everything moving. There were a lot of challenges with the data and with changing requirements,"
    " but we pushed through as a team and never gave up. We got it done on time, and the client was "
    "really happy with the result. My manager said it was a great example of delivering under pressure, "
    "and I was proud of the whole team."
)

OFF_TOPIC_STORY = (
    "I joined the company's volunteering committee last spring. We chose three local charities, and I "
    "organised a day at a food bank for twelve colleagues. I enjoyed meeting people from other teams, and"
    " the food bank sent us a lovely thank-you card afterwards."
)


def test_a_results_story_is_a_results_driver_and_a_hire():
    review = starbar.review(STRONG_STORY, lp="deliver-results")
    levels = {d: s["level"] for d, s in review.to_dict()["dimensions"].items()}
    assert review.rubric == RUBRIC_ID
    assert review.archetype == "results_driver"
    assert review.verdict in ("hire", "strong_hire")
    assert levels["goal_clarity"] == 4 and levels["key_inputs"] == 4 and levels["setback_recovery"] >= 3
    assert levels["impact"] >= 3


def test_the_results_story_told_aloud_reads_the_same():
    written = starbar.review(STRONG_STORY, lp="deliver-results")
    spoken = starbar.review(SPOKEN_STORY, lp="deliver-results")
    assert spoken.archetype == written.archetype == "results_driver"
    levels = {d: s["level"] for d, s in spoken.to_dict()["dimensions"].items()}
    assert levels["goal_clarity"] >= 3 and levels["key_inputs"] >= 3 and levels["setback_recovery"] >= 3


def test_a_launch_on_time_is_a_shipper_and_not_a_hire():
    review = starbar.review(SHIPPER_STORY, lp="deliver-results")
    flags = {f.id for f in review.flags}
    assert (review.archetype, review.verdict) == ("shipper", "no_hire")
    assert {"output_not_outcome", "effort_narrative"} <= flags
    assert review.to_dict()["dimensions"]["key_inputs"]["level"] <= 2


def test_hours_and_a_happy_client_are_effort_only():
    review = starbar.review(EFFORT_STORY, lp="deliver-results")
    levels = {d: s["level"] for d, s in review.to_dict()["dimensions"].items()}
    assert (review.archetype, review.verdict) == ("effort_only", "strong_no_hire")
    assert levels["impact"] <= 1 and levels["key_inputs"] <= 1 and levels["setback_recovery"] <= 1
    assert "effort_narrative" in {f.id for f in review.flags}


def test_a_story_with_no_delivery_is_off_topic():
    review = starbar.review(OFF_TOPIC_STORY, lp="deliver-results")
    levels = {d: s["level"] for d, s in review.to_dict()["dimensions"].items()}
    assert levels["goal_clarity"] == levels["key_inputs"] == levels["setback_recovery"] == 0
    assert (review.archetype, review.verdict) == ("off_topic", "strong_no_hire")


SPEC = Path(__file__).resolve().parent.parent.parent / "shared" / "docs" / "rubrics" / "deliver-results.md"


def _spec_examples() -> list[str]:
    """The calibration stories quoted in the spec, in its order: strong, one level below, weak."""
    if not SPEC.exists():
        pytest.skip("the rubric specs are not beside this checkout")
    quoted = re.findall(r"(?:^>(?: .*)?\n)+", SPEC.read_text(encoding="utf-8"), flags=re.M)
    return ["\n".join(line[2:] for line in block.splitlines()) for block in quoted]


@pytest.mark.parametrize(
    ("index", "level", "expected"),
    [
        (0, "L5", ("results_driver", "strong_hire")),
        (0, "L6", ("results_driver", "strong_hire")),
        (0, "L7", ("results_driver", "no_hire")),
        (1, "L6", ("shipper", "no_hire")),
        (2, "L6", ("effort_only", "strong_no_hire")),
    ],
)
def test_the_spec_calibration_stories_read_end_to_end(index, level, expected):
    review = starbar.review(_spec_examples()[index], level=level, lp="deliver-results")
    assert (review.archetype, review.verdict) == expected


TURN_STORY = (
    "I was the PM for remortgages at an online mortgage broker. In 2022, 27% of returning customers ended up "
    "on the standard rate. I committed to getting that below 10% by December, with file failures under 3%.\n\n"
    "I looked at 300 cases; 40% of the time went to chasing documents. I moved our one CRM engineer off the "
    "referral programme to build a six-month trigger, and every week I looked at two numbers.\n\n"
    "{turn}\n\n"
    "At the end of the year, 12% of customers had gone onto the standard rate, not the 10% I committed to."
)
SETBACK = (
    "In July, three of our biggest lenders pulled their product ranges for two weeks, which froze about "
    "1,100 cases. I had advisers prepare the full file in advance instead of waiting, and the head of "
    "compliance signed off."
)


def test_a_setback_told_as_the_next_turn_of_events_is_read_with_its_response():
    # no stock word ("slipped", "fell behind"): a lender pulling its range is the setback, the files prepared
    # instead of waiting the change of plan, and "not the 10% I committed to" the outcome against the target
    told = starbar.review(TURN_STORY.format(turn=SETBACK), lp="deliver-results")
    assert told.dimensions["setback_recovery"].level >= 3
    without = starbar.review(TURN_STORY.format(turn=""), lp="deliver-results")
    assert without.dimensions["setback_recovery"].level <= 1


def test_the_few_inputs_are_read_in_plain_words():
    plain = (
        "I pulled about 250 closed claims and went through the timestamps. Most of the time, about 11 days, was "
        "waiting for a loss adjuster to visit. So I said, OK, those are the two things. I pulled two engineers "
        "off the broker portal to do the photo flow, and I looked at the share of claims without a visit every week."
    )
    levels = starbar.review(plain, lp="deliver-results").dimensions
    assert levels["key_inputs"].level >= 3


RECON_STORY = (
    "Task: I committed to our COO that by the end of Q3 payroll files would clear in one day, from three, "
    "{limit}.\n\n"
    "Action: I traced 400 late files and found two causes, so those became the two numbers I checked every Monday. "
    "I moved our only integration engineer off the reporting revamp to make room.\n\n"
    "Result: By the end of Q3, 88% of files cleared in one day."
)


def test_a_skip_the_goal_rules_out_is_no_quality_cut():
    # the goal forbids the skip; nobody skipped anything
    kept = starbar.review(
        RECON_STORY.format(limit="without skipping the nightly ledger reconciliation"), lp="deliver-results"
    )
    assert "quality_cut" not in {f.id for f in kept.flags}
    skipped = RECON_STORY.replace(
        "to make room.", "to make room, and we skipped the nightly reconciliation for a month."
    )
    assert "quality_cut" in {f.id for f in starbar.review(skipped.format(limit="and fast"), lp="deliver-results").flags}


def test_beating_a_target_lowered_after_the_setback_is_a_moved_goalpost():
    story = (
        "Task: In January I agreed with my VP to get 40% of members paying by direct debit by June, from 15%.\n\n"
        "Action: I found two blockers in the sign-up funnel and fixed both. In March our bank raised its mandate fee "
        "and finance said we could not absorb it, so I reset the goal with my VP to 25%.\n\n"
        "Result: In June we were at 28%, {told}."
    )
    lowered = starbar.review(story.format(told="well above the revised target"), lp="deliver-results")
    assert "moved_goalposts" in {f.id for f in lowered.flags}
    assert lowered.dimensions["setback_recovery"].level <= 2
    honest = starbar.review(story.format(told="12 points short of the original 40% target"), lp="deliver-results")
    assert "moved_goalposts" not in {f.id for f in honest.flags}


# The inputs named in plain words ("two things"), which no phrase of the rubric lists: the
# tagger's input names level 2's inputs (rubric 2026.12.6); tracking them still takes the detectors.
CARDS = "Situation: Our card team had to lift activation from 40% to 60% in a quarter. Action: "


def test_inputs_named_in_plain_words_are_inputs():
    text = CARDS + (
        "So I worked on two things: getting the card into the hands of people faster, and making the first tap easy."
    )
    fired, levels = anchored(text, "deliver-results")
    assert "role.input" in fired
    assert levels["key_inputs"] == 2


def test_input_vocabulary_is_not_an_input():
    text = CARDS + "I focused relentlessly on the key inputs and levers that drive the output metrics."
    assert anchored(text, "deliver-results")[1]["key_inputs"] <= 1


@pytest.mark.parametrize(
    ("goal", "level"),
    [
        # a target said in words is a number all the same, and a month is a date
        ("My goal was to get autopay sign-ups to forty percent of new borrowers.", 2),
        ("The goal was to have the new tax statements out in February.", 2),
        ("My goal was to make autopay sign-up easier.", 1),
    ],
)
def test_a_goal_with_its_number_or_date_said_in_words_is_a_target(goal, level):
    text = (
        f"Situation: Few new borrowers set up autopay. Task: {goal} Action: I moved the autopay step into the loan app."
    )
    assert anchored(text, "deliver-results")[1]["goal_clarity"] == level


# The candidate's target told in the commitment's own words, a number and a date with the limit it had
# to hold, is a measurable target with its constraints for ownership at 4 (tuning set 10).
PAYOUTS = (
    "Situation: New merchants waited nine days on average for their first payout. Task: {task} "
    "Action: I timed 500 onboarding cases. I picked the two slowest steps. I cut the statement redesign "
    "to free two engineers. I wrote the spec for an instant bank check. I moved the ID upload into sign-up. "
    "I reviewed both step times every week. I reported the numbers to my director each month. "
    "Result: The wait fell to 2.5 days by September."
)


@pytest.mark.parametrize(
    ("task", "level"),
    [
        (
            "I told my director I would bring that wait under 3 days by the end of September, without loosening any fraud check we run.",
            4,
        ),
        ("I told my director I would bring that wait under 3 days by the end of September.", 3),
    ],
)
def test_a_target_told_as_a_commitment_with_its_limit_is_owned(task, level):
    assert anchored(PAYOUTS.format(task=task), "deliver-results")[1]["ownership"] == level


# Read from tuning set 13 (rubric 2026.12.16): each reading is checked on sentences written for the
# test, paraphrases included, and on near misses that must stay quiet.
@pytest.mark.parametrize(
    ("text", "signal", "fires"),
    [
        # the commitment told with whom it was made
        (
            "Task: In May I proposed to the head of lending that we cut approval time to two days by 30 September.",
            "goal.measured",
            True,
        ),
        (
            "Task: In May I proposed to the head of lending that we cut approval time to two days by 30 September.",
            "goal.deadline",
            True,
        ),
        (
            "Task: I set the number with my VP: 70% of invoices matched automatically by the end of the year.",
            "goal.measured",
            True,
        ),
        ("Task: I proposed a new dashboard to my manager.", "goal.measured", False),
        # "until" for "by", a day-first date, a festival as the season
        ("Task: I agreed to cut failed payouts to 1% until December.", "goal.deadline", True),
        ("Task: My target was a median of two days before Eid.", "goal.deadline", True),
        ("Task: I agreed to keep the old flow until the new one was ready.", "goal.deadline", False),
        # a baseline told as a bare median in words
        ("Situation: Refunds took a median nine days to reach the card.", "goal.sized_before", True),
        ("Situation: Refunds took a long time to reach the card.", "goal.sized_before", False),
        # someone's own plan beside the candidate's number
        ("Task: The country team's own roadmap had assumed 40%.", "goal.stretch", True),
        ("Task: The risk team's plan had been twelve days.", "goal.stretch", True),
        ("Action: The plan was simple.", "goal.stretch", False),
        # a limit told as what must not happen
        ("Task: 90% of loans funded same day by June, and the default rate must not rise.", "goal.limit", True),
        ("Task: Deliveries on time for 95% of orders at no more than 2% extra cost per order.", "goal.limit", True),
        ("Action: Fraud did not rise after the change.", "goal.limit", False),
        # work dropped or delayed for the room it frees, wherever the sentence says so
        ("Action: I moved the loyalty widget out of Q2 to make room.", "inputs.cut", True),
        ("Action: I delayed the statements export by a month to free the two engineers.", "inputs.cut", True),
        ("Action: I set aside the referral campaign planned for the quarter.", "inputs.cut", True),
        ("Action: I told the sales lead the scheduling feature was moving to Q3.", "inputs.cut", True),
        ("Action: I moved 300 customers off the old pricing tier.", "inputs.cut", False),
        # the few inputs in plain words
        ("Action: Two categories made 68% of the old exceptions.", "inputs.focus", True),
        ("Action: Three issues made nearly 70% of the tickets.", "inputs.focus", True),
        ("Action: So I told the engineers: these two only.", "inputs.focus", True),
        ("Action: The wait was mostly in three steps.", "inputs.focus", True),
        ("Action: We met with two teams.", "inputs.focus", False),
        # the course not taken told first, then the new one
        ("Action: Rather than put the old limits back, I agreed a weekly cap with risk.", "setback.replan", True),
        (
            "Action: Instead of reopening the contract, I gave those merchants a second processor.",
            "setback.replan",
            True,
        ),
        ("Action: Instead of a second vendor, we tried the first one again for a month.", "setback.replan", False),
        ("Action: Rather than complain, we just worked the weekends.", "setback.replan", False),
        # the setback announced in the telling
        ("Action: In July came the setback.", "setback.turn", True),
        ("Action: Then we hit a real setback.", "setback.turn", True),
        ("Action: The big setback came in week six.", "setback.turn", True),
        ("Action: Two weeks later came the biggest setback of the project.", "setback.turn", True),
        ("Action: We had planned for setbacks.", "setback.turn", False),
        # the gap to the target told by its size
        (
            "Result: At the end of Q3 the pass rate was 78%, two points under 80, and I reported it.",
            "setback.against_target",
            True,
        ),
        ("Result: Day-7 retention was 24.5%, just short of 25%.", "setback.against_target", True),
        ("Result: Old exceptions fell by 35%, not by 50%.", "setback.against_target", True),
        ("Result: Losses stayed two points under the 5% limit.", "setback.against_target", False),
        ("Result: Day-7 retention rose 3 points.", "setback.against_target", False),
    ],
)
def test_tuning_set_13_readings(text, signal, fires):
    assert (signal in anchored(text, "deliver-results")[0]) is fires


# Read from tuning set 14 (rubric 2026.12.17): each reading is checked on sentences written for the
# test, paraphrases beside the wording the rule was written from, and the look-alikes it must not read.
@pytest.mark.parametrize(
    ("text", "signal", "fires"),
    [
        # a setback told as the next turn: a fraud attack, a plan found not working, a new demand, a problem met
        ("Action: In month three a ring of fraudsters began filing fake refund claims.", "setback.turn", True),
        ("Action: By October it was clear the new scoring model was not working as planned.", "setback.turn", True),
        ("Action: Two weeks before launch, compliance asked for an extra consent screen.", "setback.turn", True),
        ("Action: In April we ran into a serious problem: the bank's file format changed.", "setback.turn", True),
        ("Action: The real problem hit in the fourth week.", "setback.turn", True),
        ("Action: A month into the pilot, approval rates looked too good to trust.", "setback.turn", True),
        # ... or as a problem that arrived, a ruling that forbids, a party giving less than it promised
        ("Action: The biggest issue arrived a month later.", "setback.turn", True),
        ("Action: Our auditor insisted we may not auto-approve payments above $5,000.", "setback.turn", True),
        ("Action: The new vendor matched fewer addresses than they had promised.", "setback.turn", True),
        ("Action: The scanner read invoices much slower than promised.", "setback.turn", True),
        # the setup's problem, a plain milestone, a permission, a solved problem, a result beside a forecast
        ("Situation: The main problem was that refunds took nine days.", "setback.turn", False),
        ("Action: By June we had reached 40% of the merchants.", "setback.turn", False),
        ("Action: The team said we could start on Monday.", "setback.turn", False),
        ("Action: In May we solved the problem.", "setback.turn", False),
        ("Result: Defaults ended lower than the risk team had expected.", "setback.turn", False),
        # waiting refused and another way taken; escalating or pushing is no new plan
        (
            "Action: I wouldn't wait for the new contract, so for those merchants we used the old processor.",
            "setback.replan",
            True,
        ),
        ("Action: I did not want to wait, so I escalated to the vendor's CEO.", "setback.replan", False),
        ("Action: We didn't want to wait, so we pushed the vendor for daily updates.", "setback.replan", False),
        # the time lost until it was solved, the share of a named part
        ("Action: It was six weeks before the bank fixed the feed.", "setback.sized", True),
        ("Action: That market was a third of our volume.", "setback.sized", True),
        ("Action: That product was one of our oldest.", "setback.sized", False),
        ("Action: It was two weeks of testing.", "setback.sized", False),
        # the outcome beside the target named as the one set
        ("Result: We closed at 2.1% against the 2% we had committed to.", "setback.against_target", True),
        ("Result: Approvals reached 88% versus the 90% I had promised.", "setback.against_target", True),
        ("Result: Fraud was 0.4% against the 0.5% limit.", "setback.against_target", False),
        # a target written into the plan or announced, an ambition with a limit in words
        (
            "Task: In the plan I wrote down that we would cut chargebacks to 0.5% by the end of Q2.",
            "goal.measured",
            True,
        ),
        (
            "Task: In the plan I wrote down that we would cut chargebacks to 0.5% by the end of Q2.",
            "goal.deadline",
            True,
        ),
        ("Task: At the kick-off I announced that we'd halve the backlog by June.", "goal.measured", True),
        ("Task: Our ambition was that no customer waits more than ten minutes.", "goal.measured", True),
        ("Action: I wrote down that we would meet every Friday.", "goal.measured", False),
        ("Situation: Customers waited more than ten minutes.", "goal.measured", False),
    ],
)
def test_tuning_set_14_readings(text, signal, fires):
    assert (signal in anchored(text, "deliver-results")[0]) is fires
