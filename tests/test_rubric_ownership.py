"""The Ownership rubric (shared/docs/rubrics/ownership.md) as a folder: it loads and is found by its
principle, its signals fire where their examples say, its verdict rules give the spec's calibration
examples their stated verdicts, and whole stories written for these tests land where they should.
Stories here are written for the tests, never taken from the labelled sets."""

from __future__ import annotations

import pytest

import starbar
import test_judge_rules as judge_rules
from starbar.judge.decide import classify, level_facts
from starbar.judge.result import DimensionScore
from starbar.rubric import all_signals, for_lp, load_rubric

RUBRIC_ID = "ownership-fintech"
RUBRIC = load_rubric(RUBRIC_ID)
DIMS = ("ownership", "initiative", "long_term_thinking", "follow_through", "impact", "scope", "fintech_judgment")


def test_the_folder_loads_with_the_spec_ids_and_is_found_by_its_principle():
    assert RUBRIC.id == RUBRIC_ID and RUBRIC.lp == "ownership" and RUBRIC.version == "2026.12.17"
    assert for_lp("ownership") == RUBRIC_ID
    assert tuple(d.id for d in RUBRIC.dimensions) == DIMS
    assert RUBRIC.gates == ["scope", "fintech_judgment"]
    # the learned layer may only raise, and only the dimensions the anchors read low (CHANGELOG, 2026.12.10)
    assert RUBRIC.calibration is not None and RUBRIC.learned_layer is not None
    assert not RUBRIC.learned_layer.lowers
    assert RUBRIC.learned_layer.dimensions == ["initiative", "long_term_thinking", "follow_through", "fintech_judgment"]
    assert {f.id for f in RUBRIC.flags} == {
        "we_not_i",
        "vague_result",
        "missing_part",
        "thin_action",
        "length_off",
        "buzzword_stuffing",
        "generic_security",
        "blame_shifting",
        "assigned_only",
        "deflection",
        "hero_no_mechanism",
        "short_term_bias",
    }
    assert [a.value for a in RUBRIC.archetypes] == ["off_topic", "bystander", "owner", "executor"]
    # every follow-up that names a dimension names one of this rubric's
    assert {f.dimension for f in RUBRIC.followups if f.dimension} <= set(DIMS)


def test_the_shared_result_detector_speaks_for_impact():
    review = starbar.review(STRONG, lp="ownership")
    impact = review.to_dict()["dimensions"]["impact"]
    assert any(e["signal"].startswith("impact.") for e in impact["evidence"])
    assert "customer_impact" not in review.to_dict()["dimensions"]


def decide(levels, target="L6", context="fintech", flags=()):
    return judge_rules.decide(RUBRIC, levels, target, context, flags)


# The spec's calibration examples, from their stated levels and flags.
STRONG_LEVELS = (4, 4, 3, 4, 3, 3, 4)
EXECUTOR_LEVELS = (3, 1, 0, 2, 3, 2, 2)
WEAK_LEVELS = (1, 2, 0, 1, 1, 2, 2)
WEAK_FLAGS = ("deflection", "blame_shifting", "vague_result", "missing_part", "length_off")


@pytest.mark.parametrize(
    ("levels", "target", "context", "flags", "expected"),
    [
        (STRONG_LEVELS, "L5", "fintech", (), ("owner", "strong_hire")),
        (STRONG_LEVELS, "L6", "fintech", (), ("owner", "strong_hire")),
        # the scope gate: two teams changed, not the organisation
        (STRONG_LEVELS, "L7", "fintech", (), ("owner", "no_hire")),
        (EXECUTOR_LEVELS, "L5", "fintech", ("assigned_only",), ("executor", "no_hire")),
        (EXECUTOR_LEVELS, "L6", "fintech", ("assigned_only",), ("executor", "no_hire")),
        (EXECUTOR_LEVELS, "L7", "fintech", ("assigned_only",), ("executor", "no_hire")),
        (WEAK_LEVELS, "L6", "fintech", WEAK_FLAGS, ("bystander", "strong_no_hire")),
        # the mean rule: both bar dimensions at 3, the other three at 2, is 2.4
        ((2, 3, 2, 3, 2, 3, 3), "L6", "fintech", (), ("owner", "no_hire")),
        ((3, 3, 2, 3, 2, 3, 3), "L6", "fintech", (), ("owner", "hire")),
        ((2, 4, 2, 3, 2, 3, 3), "L6", "fintech", (), ("owner", "hire")),
        # outside financial products fintech judgment is shown, never sinks, and caps at hire
        ((4, 4, 4, 4, 4, 3, 0), "L6", "other", (), ("owner", "hire")),
        ((4, 4, 4, 4, 4, 3, 2), "L6", "fintech", (), ("owner", "hire")),
        ((4, 4, 4, 4, 4, 3, 3), "L6", "fintech", ("buzzword_stuffing",), ("owner", "no_hire")),
        ((4, 4, 4, 4, 0, 3, 3), "L6", "fintech", (), ("owner", "strong_no_hire")),
        ((3, 0, 0, 0, 2, 1, 2), "L6", "fintech", (), ("off_topic", "strong_no_hire")),
        ((3, 1, 3, 1, 3, 3, 3), "L6", "fintech", (), ("bystander", "strong_no_hire")),
        ((4, 4, 4, 4, 4, 3, 3), "L6", "fintech", ("deflection",), ("bystander", "strong_no_hire")),
        ((3, 3, 3, 2, 3, 3, 3), "L6", "fintech", (), ("executor", "no_hire")),
        # L7: four core dimensions at 4 including both bar dimensions, and scope 4
        ((4, 4, 4, 4, 3, 4, 3), "L7", "fintech", (), ("owner", "strong_hire")),
        ((4, 3, 4, 4, 4, 4, 3), "L7", "fintech", (), ("owner", "hire")),
        ((4, 4, 2, 4, 3, 4, 3), "L7", "fintech", (), ("owner", "no_hire")),
    ],
)
def test_verdict_rules(levels, target, context, flags, expected):
    assert decide(levels, target, context, flags) == expected


STRONG = """Situation: I was the PM for merchant onboarding at a card-acquiring company with about 9,000 small shops. In my third month I noticed that refunds our merchants issued to shoppers were failing whenever the original card had been replaced, and the money sat in a suspense account. It was not my product, and nobody owned that account: payments thought finance cleared it, finance thought payments did. When I counted, 2,600 refunds worth about $410,000 were stuck, some for five months.

Task: I set myself the goal of returning every stuck refund within six weeks, without paying any refund to a card we could not confirm belonged to the shopper.

Action: I moved my own onboarding release back a month and told my manager why. The quick fix finance wanted was to write the balance off after 90 days, which would have closed the audit finding that quarter, but I argued against it because the money belonged to shoppers and every write-off added to our complaint count with the card networks. I showed the finance director that stuck refunds were costing us about $60,000 a year in chargebacks and fees, and she agreed to fund the rebuild. With the payments lead I designed an account-updater check before each refund, and any refund whose new card could not be confirmed goes to a manual review queue instead of paying out on a guess. After the launch I checked the suspense report every morning for a month, found 120 refunds stuck on one issuer, and worked them through with the payments team. Then I added a daily alarm on any refund older than five days, with a runbook owned by the payments on-call rotation.

Result: All 2,600 stuck refunds were returned within five weeks. Over the next six months failed refunds fell from 4.1% to 0.3%, chargebacks on refunds fell from about 90 a month to 12, and refund complaints dropped by 70%. The alarm still runs."""

EXECUTOR = """Situation: Our savings app's round-up feature, which moves spare change from a linked card into a savings pot, had missed two release dates, and my manager asked me to own the launch. Task: I was responsible for getting it live by the end of the quarter. Action: I took ownership of the plan. I broke the work into milestones, ran a daily stand-up with the three engineers, and wrote the requirements for the round-up rules and the transfer schedule. When our banking partner's sandbox failed for a week, I moved our own testing earlier so we lost no time. I reviewed every test transfer with our finance analyst and worked late for the last two weeks to finish acceptance testing myself. Result: We launched four days before the end of the quarter. In the first month 14,000 customers switched round-ups on, and my manager said it was the cleanest launch of the year."""

BYSTANDER = """So at my last job a lot of card payments from our app were being declined at night, and customers kept writing in about it. That was really the payments platform team's area, so I flagged it to them in our weekly sync and made sure it was on their radar. Honestly they were slow to prioritise it, which was frustrating, and complaints kept coming. I followed up a few times by email. In the end they fixed it a couple of releases later and customers were a lot happier. My big learning was that other teams need to be held accountable for their commitments."""

OFF_TOPIC = """When I joined a home-goods retailer as a product manager, I wanted to get better at presenting to executives, because my quarterly reviews kept running over time. I read two books on structured writing and practised each review with a colleague from marketing the week before. I started every deck with a one-page summary and kept the appendix for questions. My reviews now fit in the thirty minutes we are given, and my director told me the last one was the clearest she had seen from a new PM. It has made me more confident in front of senior people."""


def _review(text, level="L6"):
    return starbar.review(text, level=level, lp="ownership")


def _levels(review):
    return {d: s.level for d, s in review.dimensions.items()}


def test_a_strong_ownership_story_is_an_owner_and_passes():
    review = _review(STRONG)
    levels = _levels(review)
    assert review.rubric == RUBRIC_ID and review.context == "fintech"
    assert review.archetype == "owner"
    assert levels["initiative"] == 4 and levels["follow_through"] == 4
    assert levels["long_term_thinking"] >= 3 and levels["impact"] >= 3 and levels["scope"] >= 3
    assert review.verdict in ("hire", "strong_hire")
    # the scope gate holds the same story back at L7
    assert _review(STRONG, "L7").verdict == "no_hire"


def test_one_party_changing_its_work_is_level_two_and_more_parties_make_it_cross_functional():
    """The spec's scope 2 allows one other party changing what it did; 3 needs two or more."""
    one = (
        "Situation: Refunds to expired cards bounced and sat in suspense for weeks, and shoppers waited on money "
        "that was theirs. Task: I owned the refund flow. Action: I built a card check before each refund, and the "
        "support team took over the manual review queue. Result: Stuck refunds fell from 2,600 to 40 in two months."
    )
    more = one.replace(
        "review queue.",
        "review queue. Finance agreed to book the losses by owner. The risk team signed off the new check.",
    )
    assert _levels(_review(one))["scope"] == 2
    assert _levels(_review(more))["scope"] == 3


def test_an_assigned_launch_done_well_is_execution():
    review = _review(EXECUTOR)
    levels = _levels(review)
    assert review.archetype == "executor" and review.verdict == "no_hire"
    assert levels["initiative"] <= 1 and levels["long_term_thinking"] <= 1
    assert "assigned_only" in {f.id for f in review.flags}


def test_flagging_the_owner_and_waiting_is_bystanding():
    review = _review(BYSTANDER)
    flags = {f.id for f in review.flags}
    assert review.archetype == "bystander" and review.verdict == "strong_no_hire"
    assert {"deflection", "blame_shifting"} <= flags
    assert _levels(review)["follow_through"] <= 1


def test_a_story_with_no_ownership_in_it_is_off_topic():
    review = _review(OFF_TOPIC)
    levels = _levels(review)
    assert review.archetype == "off_topic" and review.verdict == "strong_no_hire"
    assert levels["initiative"] == levels["long_term_thinking"] == levels["follow_through"] == 0


def test_vocabulary_alone_earns_no_more_than_a_claim():
    stuffed = (
        "I took ownership end-to-end and went above and beyond with a long-term, scalable, data-driven mindset. "
        "I drove alignment with stakeholders and leveraged synergies for a seamless, frictionless, best-in-class "
        "outcome. I saw it through with a holistic, customer-centric, secure-by-design approach and full ownership. "
        "Stakeholders were delighted and the alignment was seamless. I owned it end to end and the launch was a "
        "big success with great feedback."
    )
    review = _review(stuffed)
    levels = _levels(review)
    assert max(levels["initiative"], levels["long_term_thinking"], levels["follow_through"]) <= 1
    assert review.verdict in ("no_hire", "strong_no_hire")


WHOSE_JOB = "It was not my product, and nobody owned that account: payments thought finance cleared it, finance thought payments did. "
AFTER_LAUNCH = (
    "After the launch I checked the suspense report every morning for a month, found 120 refunds stuck on one issuer, "
    "and worked them through with the payments team. Then I added a daily alarm on any refund older than five days, "
    "with a runbook owned by the payments on-call rotation."
)


def test_taking_out_whose_job_it_was_leaves_execution():
    assert WHOSE_JOB in STRONG
    ablated = STRONG.replace(WHOSE_JOB, "")
    # by the anchors, a problem nobody is said to have left unowned is the candidate's to execute
    anchors = starbar.review(ablated, lp="ownership", calibrate=False)
    assert _levels(anchors)["initiative"] <= 2
    assert anchors.archetype == "executor" and anchors.verdict == "no_hire"
    # the learned layer may raise it a step on the work that remains (an own release moved back),
    # but never back to the level the story had with it
    assert _levels(_review(ablated))["initiative"] < _levels(_review(STRONG))["initiative"]


def test_taking_out_what_was_done_after_the_launch_lowers_follow_through():
    assert AFTER_LAUNCH in STRONG
    before = _levels(_review(STRONG))["follow_through"]
    assert _levels(_review(STRONG.replace(AFTER_LAUNCH, "")))["follow_through"] < before


def test_slogans_added_to_a_story_raise_nothing():
    slogans = " I always take end-to-end ownership, think long-term and go above and beyond with an owner mindset."
    before, after = _levels(_review(STRONG)), _levels(_review(STRONG + slogans))
    assert all(after[d] <= before[d] for d in DIMS)


def test_slogans_inside_sentences_with_real_words_still_earn_only_a_claim():
    # the principle's own words ("full ownership", "long-term", "scalable") make a sentence a claim,
    # not only the shared jargon: "instead of a quick patch" said in slogans chose nothing
    story = (
        "At my last company, a payments app, I was the PM for payouts. I noticed payout tickets were going up, and I "
        "decided to take full ownership of it end to end. I always think long-term, so instead of a quick patch I "
        "wanted a scalable, sustainable solution. I followed through relentlessly and made sure the fix stuck for "
        "the long run. We added tokenization and MFA. Payout tickets went down and leadership was happy."
    )
    levels = _levels(_review(story))
    assert levels["long_term_thinking"] <= 1 and levels["initiative"] <= 1
    assert levels["fintech_judgment"] <= 1


QUICK_PATH = "The collections director's first idea was to hire two temps and clear the backlog by mail in a month. "
CASE_AGAINST = (
    "I argued that the backlog would build again, because nothing released a lien when a loan was paid off, and "
    "proposed joining the state's electronic lien programme. "
)
LIENS = (
    "I was the PM for payments in the auto-loan app at a lender in Texas. Collections kept getting calls from "
    "customers who had paid off their loan months before and still had no title. Lien releases were not my product, "
    "and nobody owned them since a reorganisation. I pulled every payoff from the last year and found 1,150 with no "
    "release, some eight months old. I told my manager I would take it and push my statement redesign back six weeks. "
    + QUICK_PATH
    + CASE_AGAINST
    + "She agreed to both: temps for the backlog and the electronic programme for every new payoff. I wrote the "
    "requirements for the payoff trigger and checked payoffs against releases every week for two months. The backlog "
    "was cleared in five weeks and payoff-to-release time fell from 41 days to 3."
)


def test_a_quicker_path_answered_in_the_next_sentence_is_a_long_term_choice():
    # the short-term path and the case against it told in two sentences, in neither of the words
    # "instead" or "rather than"
    assert _levels(_review(LIENS))["long_term_thinking"] >= 3
    assert _levels(_review(LIENS.replace(CASE_AGAINST, "")))["long_term_thinking"] <= 2


def _ownership(text: str, level: str = "L6"):
    return starbar.review(text, level=level, lp="ownership").dimensions


def test_another_partys_fix_is_not_the_candidates_part_finished():
    # follow_through.finished is the candidate's own part: "engineering found the bug and fixed it" is not
    theirs = (
        "When payouts started failing for some merchants, the team jumped on it. We had a war room, engineering "
        "found the bug in the bank file and fixed it, and ops contacted the merchants. I helped coordinate the "
        "updates to leadership."
    )
    mine = theirs.replace(
        "engineering found the bug in the bank file and fixed it", "I found the bug in the bank file and fixed it"
    )
    assert _ownership(theirs)["follow_through"].level == 0
    assert _ownership(mine)["follow_through"].level >= 2


def test_the_quick_path_declined_in_plain_words_is_a_long_term_choice():
    story = (
        "Exports belonged to the integrations team, whose roadmap was full. I offered to take the export problem "
        "for a quarter. I decided against a quick CSV cleanup tool, which sales wanted for a big renewal, because "
        "it would have kept customers fixing files by hand every month."
    )
    assert _ownership(story)["long_term_thinking"].level >= 3
    assert _ownership(story.replace("I decided against", "I also built"))["long_term_thinking"].level <= 2


def test_work_nobody_owned_told_plainly_is_initiative():
    story = (
        "Accessibility wasn't assigned to anyone; each squad handled it when a customer complained. I took it on, "
        "and asked the three other squads' PMs to schedule the page changes, which they did."
    )
    assert _ownership(story)["initiative"].level >= 3


@pytest.mark.parametrize(
    ("story", "looking_past"),
    [
        # a fix made to hold without its author
        (
            "Nobody owned the returned-cheque queue at our credit union, so I took it on. I cleared the 140 open "
            "cases with the branch teams, and I set up a weekly alarm on cheques unmatched after three days, now run "
            "by the back-office rota.",
            ", and I set up a weekly alarm on cheques unmatched after three days, now run by the back-office rota",
        ),
        # the candidate back weeks after the launch to see that it held
        (
            "The dispute letters for our card customers went out with the wrong deadline, and nobody owned the "
            "template, so I took it. I rewrote it with legal and had the print vendor switch the files. Six weeks "
            "after the switch I went through 60 letters and every deadline was right.",
            " Six weeks after the switch I went through 60 letters and every deadline was right.",
        ),
    ],
)
def test_a_fix_seen_to_hold_names_the_long_run_in_deeds(story, looking_past):
    # no choice weighed, but the story looks past the task's own end: long-term thinking 2, not 0
    assert _ownership(story)["long_term_thinking"].level == 2
    assert _ownership(story.replace(looking_past, ""))["long_term_thinking"].level == 0


def test_a_quicker_path_answered_by_its_cost_is_a_long_term_choice():
    # another party's shortcut, then what it would cost: the choice told as a sized case
    story = (
        "Card replacements were nobody's job, so I took them on. The operations lead's quick fix was a second "
        "courier run each week. I worked out that reprinting lost cards was costing about 38,000 euros a year in "
        "plastic and postage, and proposed moving the address check before the print run."
    )
    assert _ownership(story)["long_term_thinking"].level >= 3
    unsized = story.replace("was costing about 38,000 euros a year in plastic and postage", "was a nuisance")
    assert _ownership(unsized)["long_term_thinking"].level <= 2


def test_another_team_named_as_owner_in_the_active_voice_is_past_the_remit():
    story = (
        "I ran the savings app. The collections team owned the hardship letters, and they went out weeks late. "
        "I moved my own goals screen back a sprint to rebuild them."
    )
    assert _ownership(story)["initiative"].level >= 3
    sponsor = "I led the programme, making sure the teams owned their parts of the hardship letters."
    assert _ownership(sponsor)["initiative"].level <= 1


def test_a_financial_story_with_no_judgment_of_its_risks_is_level_one_not_any_app():
    story = (
        "I ran the savings app at a small bank. Nobody owned the monthly interest statements, so I took them on "
        "and moved my own goals screen back a sprint. I rebuilt the statement layout with the print vendor."
    )
    review = starbar.review(story, lp="ownership")
    assert review.context == "fintech"
    assert review.dimensions["fintech_judgment"].level == 1
    # nothing was claimed about security, so the generic-security flag stays quiet
    assert "generic_security" not in {f.id for f in review.flags}


def test_a_fault_outside_ones_project_nobody_maintained_is_past_the_remit():
    story = (
        "I ran the card app at a small lender. While testing a release I found a fee script that had nothing to do "
        "with my project, and nobody maintained it since its author left. I decided to take it and fixed the rounding."
    )
    assert _ownership(story)["initiative"].level >= 3
    inside = story.replace(
        "had nothing to do with my project, and nobody maintained it since its author left", "was mine"
    )
    assert _ownership(inside)["initiative"].level <= 2


def test_telling_ones_boss_that_ones_own_work_will_slip_is_a_cost_paid():
    story = (
        "I ran the card app at a small lender. The fee script was nobody's, so I took it on. "
        "I told my director that the statements redesign would slip by a month, and rebuilt the script with one engineer."
    )
    assert _ownership(story)["initiative"].level == 4
    no_cost = story.replace(
        "I told my director that the statements redesign would slip by a month, and rebuilt", "I rebuilt"
    )
    assert _ownership(no_cost)["initiative"].level == 3


def test_an_alarm_on_a_money_threshold_beside_a_control_and_measured_risk_is_the_unhappy_path():
    story = (
        "Situation: Refunds at our wallet were matched by hand and nobody owned the leftovers, so I took them on. "
        "Action: I had the ledger match each refund against the bank file, and finance now gets an alert if the "
        "unmatched value goes above $10,000 in a day. "
        "Result: Unmatched refunds fell from 900 a month to 40, and disputes dropped from 120 to 15."
    )
    assert _ownership(story)["fintech_judgment"].level == 4
    late_file = story.replace("if the unmatched value goes above $10,000 in a day", "when the bank file is late")
    assert _ownership(late_file)["fintech_judgment"].level <= 3


# A fix checked by the candidate, then left with an owner; each `kept` sentence is one way to tell the owner,
# some of them paraphrases no rule was written from.
CHECKED_THEN_LEFT = (
    "Situation: Nobody owned the failed direct-debit retries at our lender; they sat between billing and "
    "collections, so I took them on. "
    "Action: I rebuilt the retry timing with one engineer. For six weeks after the switch I went through a "
    "sample of 200 retried debits with the billing lead. KEPT "
    "Result: Failed retries fell from 3,000 a month to 400 over two quarters."
)


@pytest.mark.parametrize(
    "kept",
    [
        "Billing is the named owner of the retry schedule.",
        "Collections now gets a weekly report of debits that failed twice.",
        "The retry rule was made part of our collections policy.",
        "I agreed with collections a monthly review of the retry failures, which they run.",
        "The billing team now monitors the retry queue.",
        "The retry limits are now owned by the collections desk.",
        "I handed the weekly retry check to the billing team.",
        "I set a rule in the billing ledger that compares each retry with the bank's return file.",
        "Billing gets an alert when more than 50 retries fail in a day.",
    ],
)
def test_a_fix_checked_and_then_left_with_an_owner_is_follow_through_four(kept):
    assert _ownership(CHECKED_THEN_LEFT.replace("KEPT", kept))["follow_through"].level == 4


@pytest.mark.parametrize(
    "kept",
    [
        "",
        "I handed the report to the billing team.",
        "My lesson was to raise things sooner whenever another group owns them.",
        "Customers now get their money back in a day.",
        "The billing lead thanked me for the sample.",
    ],
)
def test_a_fix_checked_but_left_with_nobody_stays_at_three(kept):
    assert _ownership(CHECKED_THEN_LEFT.replace("KEPT", kept))["follow_through"].level == 3


# Another team's area, taken on; each `cost` sentence is one way to tell what the candidate paid for it.
TAKEN_ON = (
    "I ran the savings app at a small lender. Dormant-account letters were handled by the operations team, and each "
    "month about 300 went to old addresses. I chose to fix the address check myself. COST"
)


@pytest.mark.parametrize(
    "cost",
    [
        "I told my manager I would take it until the returns stopped, and that the goals redesign would wait.",
        "So I said to my boss, fine, I'll take this, I'll push the statements project.",
        "I would spend my next sprint on it instead of the card-limits categories.",
        "That meant putting our onboarding redesign on hold for a month.",
        # paraphrases no rule was written from
        "I told my director I'd own it, and that the loyalty release would have to wait a quarter.",
        "I gave it my squad's next two weeks instead of the planned export tool.",
        "I warned my VP that taking this on for the whole quarter would mean the pricing launch would slip by six weeks.",
    ],
)
def test_ones_own_work_set_back_for_another_teams_problem_is_initiative_four(cost):
    assert _ownership(TAKEN_ON.replace("COST", cost))["initiative"].level == 4


@pytest.mark.parametrize(
    "cost",
    [
        "",
        "My manager told me the goals redesign would wait.",
        "I told my manager the vendor would wait for our answer.",
        "I spent my morning on it instead of lunch with the team.",
    ],
)
def test_no_cost_of_ones_own_leaves_initiative_at_three(cost):
    assert _ownership(TAKEN_ON.replace("COST", cost))["initiative"].level == 3


@pytest.mark.parametrize(
    "whose",
    [
        "Dormant-account letters belonged to servicing, not to us,",
        "Dormant-account letters sat with operations, not with my team,",
        "No one in product was asked to look after the dormant-account letters,",
        # a paraphrase no rule was written from
        "Nobody on the app side had ever been told to keep the dormant-account letters current,",
    ],
)
def test_work_told_as_another_teams_or_nobodys_is_past_the_remit(whose):
    story = TAKEN_ON.replace("Dormant-account letters were handled by the operations team,", whose).replace(
        "COST", "I told my manager I'd take it."
    )
    assert _ownership(story)["initiative"].level >= 3
    assert _ownership(story.replace(whose, "My dormant-account letters were late,"))["initiative"].level <= 2


@pytest.mark.parametrize(
    "offer",
    [
        "I offered the head of lending to fix it for both brands.",
        "I told their lead I would take the fix myself.",
        "I asked the CFO if I could put a month on it.",
        # a paraphrase no rule was written from
        "I promised the head of operations that I would own the letters until they stopped bouncing.",
    ],
)
def test_an_offer_or_promise_to_take_it_on_is_taking_it_on(offer):
    story = "The dormant-account letters were nobody's job, and about 300 a month went to old addresses. " + offer
    assert _ownership(story)["initiative"].level >= 3
    assert _ownership(story.replace(offer, "My manager asked me to fix the letters."))["initiative"].level <= 2


def test_an_owner_won_over_by_the_figures_is_persuasion_across_a_boundary():
    story = (
        "The overdraft fee rule was nobody's job, so I took it on. The two branch heads refused at first; "
        "I ran a trial in one region, and the trial figures won them over."
    )
    assert _ownership(story)["initiative"].level == 4
    assert _ownership(story.replace("won them over", "were mixed"))["initiative"].level == 3


@pytest.mark.parametrize(
    ("kept", "checked"),
    [
        (
            "A small team was created in finance to own it, and it owns the fee review today.",
            "I held a daily check with the card desk for the first month.",
        ),
        (
            "A desk was set up in collections that now runs the exceptions queue.",
            "I ran a weekly review of the failed debits with the branch heads.",
        ),
        (
            "The data lead agreed to put the export job on their weekly review.",
            "I started a daily review of the corrected letters with the servicing desk.",
        ),
    ],
)
def test_a_review_of_ones_own_and_an_owner_left_behind_is_follow_through_four(kept, checked):
    story = (
        "The overdraft fee rule was nobody's job, so I took it on. "
        f"The new rules went live region by region over six months. {checked} {kept}"
    )
    assert _ownership(story)["follow_through"].level == 4
    assert _ownership(story.replace(kept, ""))["follow_through"].level == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "I chaired the monthly review my director had set up for the quarter.",
        "The regulator warned that we might be put on a watch list.",
        "A new team was created in marketing.",
    ],
)
def test_someone_elses_review_or_a_list_we_were_put_on_is_not_follow_through(sentence):
    story = f"The overdraft fee rules were nobody's job. {sentence}"
    assert _ownership(story)["follow_through"].level <= 2
