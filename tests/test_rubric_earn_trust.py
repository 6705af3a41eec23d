"""The Earn Trust bar (shared/docs/rubrics/earn-trust.md) as a rubric folder: it loads, every
signal's examples hold down to the span, the verdict rules give the spec's calibration examples
their stated verdicts from their stated levels, and whole stories land where their evidence puts them."""

from __future__ import annotations

import pytest

import starbar
import test_judge_rules as judge_rules
from detecting import anchored, signal_evidence
from starbar.judge.result import VERDICT_ORDER
from starbar.rubric import all_signals, for_lp, load_rubric

RUBRIC_ID = "earn-trust-fintech"
RUBRIC = load_rubric(RUBRIC_ID)
CORE = ("candor", "self_criticism", "listening", "follow_through", "impact")
DIMS = (*CORE, "scope", "fintech_judgment")


def test_the_folder_loads_as_the_earn_trust_rubric():
    assert for_lp("earn-trust") == RUBRIC_ID
    assert RUBRIC.lp == "earn-trust" and RUBRIC.version == "2026.12.17"
    assert tuple(d.id for d in RUBRIC.dimensions) == DIMS
    assert RUBRIC.gates == ["scope", "fintech_judgment"]
    # the shared jargon list lacks this principle's words, so its own signal holds both
    assert RUBRIC.claim_words == "trust.buzzword"
    # a learned layer that only raises, and only where the dimension's own evidence agrees
    assert RUBRIC.calibration is not None and RUBRIC.learned_layer is not None
    assert (RUBRIC.learned_layer.lowers, RUBRIC.learned_layer.raises) == (False, "own_evidence")
    assert [a.value for a in RUBRIC.archetypes] == ["off_topic", "spin", "trust_builder", "relationship_manager"]
    assert {f.id for f in RUBRIC.flags} == {
        "we_not_i",
        "vague_result",
        "missing_part",
        "thin_action",
        "length_off",
        "buzzword_stuffing",
        "generic_security",
        "blame_shifting",
        "humblebrag_mistake",
        "apology_only",
        "nice_not_candid",
        "late_disclosure",
    }
    # every follow-up that probes a dimension names one of this rubric's
    assert {f.dimension for f in RUBRIC.followups if f.dimension} <= set(DIMS)


def decide(levels, target="L6", context="fintech", flags=()):
    """Archetype and verdict from the seven levels (in DIMS order), by the rubric's own rules."""
    return judge_rules.decide(RUBRIC, levels, target, context, flags)


# The spec's three calibration examples, with their stated levels and flags.
STRONG = (4, 4, 4, 4, 4, 4, 4)
BELOW = (2, 2, 2, 2, 3, 2, 2)
WEAK = (1, 1, 0, 2, 1, 2, 1)
WEAK_FLAGS = ("blame_shifting", "humblebrag_mistake", "vague_result", "missing_part", "length_off")


@pytest.mark.parametrize("target", ["L5", "L6", "L7"])
def test_the_spec_calibration_examples_get_their_stated_verdicts(target):
    assert decide(STRONG, target) == ("trust_builder", "strong_hire")
    assert decide(BELOW, target, flags=("nice_not_candid", "missing_part")) == ("relationship_manager", "no_hire")
    assert decide(WEAK, target, flags=WEAK_FLAGS) == ("spin", "strong_no_hire")


@pytest.mark.parametrize(
    ("levels", "target", "context", "flags", "expected"),
    [
        # the mean rule: both bars at 3 and the rest at 2 is 2.4; one more 3 makes 2.6
        ((3, 3, 2, 2, 2, 3, 3), "L6", "fintech", (), ("trust_builder", "no_hire")),
        ((3, 3, 3, 2, 2, 3, 3), "L6", "fintech", (), ("trust_builder", "hire")),
        ((4, 3, 2, 2, 2, 3, 3), "L6", "fintech", (), ("trust_builder", "hire")),
        # scope gates the level: the same story clears L5 and misses L6
        ((3, 3, 3, 3, 3, 2, 3), "L5", "fintech", (), ("trust_builder", "hire")),
        ((3, 3, 3, 3, 3, 2, 3), "L6", "fintech", (), ("trust_builder", "no_hire")),
        ((3, 3, 3, 3, 3, 3, 3), "L7", "fintech", (), ("trust_builder", "no_hire")),
        # L7 strong hire needs four 4s including both bars
        ((4, 3, 4, 4, 4, 4, 4), "L7", "fintech", (), ("trust_builder", "hire")),
        ((4, 3, 4, 4, 4, 4, 4), "L6", "fintech", (), ("trust_builder", "strong_hire")),
        # outside financial products, or weak fintech judgment: hire at most, never sunk
        ((4, 4, 4, 4, 4, 4, 0), "L6", "other", (), ("trust_builder", "hire")),
        ((4, 4, 4, 4, 4, 4, 2), "L6", "fintech", (), ("trust_builder", "hire")),
        # forcing and capping flags
        ((4, 4, 4, 4, 4, 4, 4), "L6", "fintech", ("blame_shifting",), ("spin", "strong_no_hire")),
        ((4, 4, 4, 4, 4, 4, 4), "L6", "fintech", ("late_disclosure",), ("trust_builder", "no_hire")),
        ((4, 4, 4, 4, 4, 4, 4), "L6", "fintech", ("buzzword_stuffing",), ("trust_builder", "no_hire")),
        # no result sinks any story; a core dimension at 1 holds it at no hire
        ((4, 4, 4, 4, 0, 4, 4), "L6", "fintech", (), ("trust_builder", "strong_no_hire")),
        ((4, 4, 1, 4, 4, 4, 4), "L6", "fintech", (), ("trust_builder", "no_hire")),
        # candour without self-criticism (a Have Backbone story) is relationship management
        ((3, 0, 3, 3, 3, 3, 3), "L6", "fintech", (), ("relationship_manager", "no_hire")),
        ((0, 0, 0, 3, 3, 4, 3), "L7", "fintech", (), ("off_topic", "strong_no_hire")),
    ],
)
def test_verdict_rules(levels, target, context, flags, expected):
    assert decide(levels, target, context, flags) == expected


# Whole stories of our own, from nothing of the principle to its strongest form.
OFF_TOPIC = """Situation: I was the product manager for card onboarding at a small bank in Leeds. Sign-up
took eleven screens and about a third of applicants gave up before the identity step.

Task: My goal for the quarter was to cut the flow to five screens without weakening the identity checks.

Action: I mapped every screen to the regulation it served with our compliance lead and removed the
ones that served none. I moved the address lookup before the document capture, added a saved-progress
link by email, and ran the new flow on a tenth of traffic for three weeks. Engineering rebuilt the
document step so a failed photo could be retaken on the same screen.

Result: Completion rose from 64% to 81% over the test, and median time to open an account fell from
nineteen minutes to seven. Fraud referrals stayed at 2 per thousand applications."""

SPIN = """A time I made a mistake... honestly my biggest weakness is that I care too much about quality.
On a wallet launch the vendor's engineers missed a bug in the top-up screen, and some customers could not
add money for a morning. It was really the vendor's fault, because they never tested the edge cases. I
apologised to my manager for the team and we got it fixed quickly. Since then I double-check what the
vendor sends. I think it shows how high a bar I hold, and everyone was happy in the end."""

RELATIONSHIP = """I was the PM for settlement reports at a payments company, and one of our biggest merchants,
a grocery chain, kept escalating to their account manager because the daily file often arrived late.
I set up a weekly call with their finance lead so she had a direct line to product, and I listened
to everything she raised. After each call I sent her a summary of what engineering was working on.
When she asked why a file had been two days late in March, I explained that part of it was our job
scheduler and part was the bank's late cut-off. I also made sure support prioritised her tickets. Over
the next two months the escalations stopped, and the chain renewed its contract in June at the same volume."""

TRUST_BUILDER = """Situation: I was the product manager for payouts at a marketplace lender in Lisbon. In May I
approved a change to the payout schedule and skipped the check against bank holidays, because it looked simple.

Task: Nine days later I saw that 410 sellers would be paid two days late over the June holiday. The
mistake was mine, and my goal was to tell everyone it hurt before they found out.

Action: That afternoon I told our head of operations and the compliance lead, with the count, the
€1.2 million at stake and a plan to pre-fund the payouts. The next morning I called our partner bank's
relationship manager, although it meant admitting a breach of our settlement terms in the month we were
renewing them, and promised a written note by Friday; I sent it on Thursday. Our support lead said
sellers cared less about the delay than about not knowing, so I agreed to text every affected seller
the exact date. I rebuilt our release checklist so every schedule change is now tested against the
holiday calendar.

Result: All 410 sellers were paid on time from our own float, and support tickets about payouts fell
from 95 in May to 12 in June. The bank renewed the agreement in July, and in the eight months since no
schedule change has shipped untested."""


def _review(text, level="L6"):
    return starbar.review(text, level=level, lp="earn-trust")


def test_a_story_with_no_trust_situation_is_off_topic():
    review = _review(OFF_TOPIC)
    assert review.rubric == RUBRIC_ID
    assert (review.dimensions["candor"].level, review.dimensions["self_criticism"].level) == (0, 0)
    assert review.archetype == "off_topic" and review.verdict == "strong_no_hire"


def test_blame_and_a_flattering_weakness_are_spin():
    review = _review(SPIN)
    assert {"blame_shifting", "humblebrag_mistake"} <= {f.id for f in review.flags}
    assert review.dimensions["self_criticism"].level <= 1
    assert review.archetype == "spin" and review.verdict == "strong_no_hire"


def test_attention_without_candour_is_relationship_management():
    review = _review(RELATIONSHIP)
    assert review.dimensions["candor"].level == 2
    assert review.dimensions["self_criticism"].level == 2
    assert {"nice_not_candid", "late_disclosure"} <= {f.id for f in review.flags}
    assert review.archetype == "relationship_manager" and review.verdict == "no_hire"
    assert "What was the hardest thing you had to tell them?" in review.followups


def test_early_costly_candour_and_an_owned_fault_build_trust():
    review = _review(TRUST_BUILDER)
    levels = {d: s.level for d, s in review.dimensions.items()}
    assert levels["candor"] == 4
    assert levels["self_criticism"] >= 3 and levels["listening"] >= 3 and levels["follow_through"] >= 3
    assert review.archetype == "trust_builder"
    assert review.verdict in ("hire", "strong_hire")
    assert not {"late_disclosure", "blame_shifting", "nice_not_candid"} & {f.id for f in review.flags}
    # the JSON contract uses this rubric's own dimension ids
    assert set(review.to_dict()["dimensions"]) == set(DIMS)


def test_the_same_story_needs_more_scope_at_l7():
    assert _review(RELATIONSHIP, "L5").verdict == "no_hire"
    l7 = _review(TRUST_BUILDER, "L7")
    assert l7.dimensions["scope"].level < 4 and l7.verdict == "no_hire"


# The spec's calibration stories, word for word (shared/docs/rubrics/earn-trust.md).
SPEC_STRONG = """Situation: I led the lending platform at a fintech that services personal loans for a partner bank. In March I approved a change to how late fees were calculated and skipped a back-test against existing loans because the change looked simple. Eleven days later a servicing analyst spotted odd fee amounts: 2,300 borrowers had been charged late fees for a four-hour window when our own payment page was down and they could not have paid.

Task: The mistake was mine. My goal was to make every borrower whole within ten days, to tell everyone affected before they found out for themselves, and to make sure no fee change could ship untested again.

Action: That afternoon I told our head of compliance, with the count, the $61,000 total and a refund plan. The next morning I called the bank's relationship manager, although it meant reporting a breach of our servicing agreement in the quarter we were renegotiating it. I told her plainly that I had skipped the back-test, and promised a written root-cause note within five business days; I sent it in four. The bank's compliance officer wanted borrowers told by letter as well as refunded. I had planned refunds only, but she was right that a silent refund looks like a cover-up, so I wrote the letter with her. I then sat with the servicing team, who had warned for months that pricing changes reached them too late, and rebuilt our release checklist around their request: every fee change is back-tested on the live book and signed off by servicing. I also compared our process with the card team's, which had caught two similar errors in testing that year, and adopted their test suite.

Result: All 2,300 borrowers were refunded within six days and received the letter; fee complaints went from 140 in March to 12 in May. The bank renewed the servicing agreement in June and, at its request, the back-test became a requirement for all three of its programs on our platform. In the eighteen months since, no fee change has reached borrowers untested."""

SPEC_BELOW = """I was the PM for our merchant payouts API, and one of our largest marketplace clients was frustrated because payouts to their sellers were sometimes a day late. Their operations lead was escalating to our sales team every week. I set up a weekly call with her so she had a direct line to product, listened to her concerns, and after each call sent her a short written summary of the fixes our engineers were working on. When a longer delay hit over a bank holiday, I apologised and explained that part of it was on us, because we had not updated our payout schedule for the bank's new cut-off, and part was the bank's late notice. I also made sure our support team prioritised her tickets. Over the next three months the weekly escalations to sales stopped, and she told our account manager she appreciated how responsive I was. The client renewed its contract at the end of the year, at the same volume."""

SPEC_WEAK = """A time I made a mistake... I'd say my biggest weakness is that I trust my team too much. On one project our QA team missed a bug in the new card-activation flow, and about a thousand customers couldn't activate their cards for a day. I had assumed QA had tested the edge cases, which in hindsight I shouldn't have. I apologised to my manager on behalf of the team and we fixed it quickly. Since then I double-check QA's work myself. I think it shows that I hold a high bar."""


@pytest.mark.parametrize("target", ["L5", "L6", "L7"])
def test_the_spec_calibration_stories_get_their_verdicts_from_the_text(target):
    strong, below, weak = (_review(t, target) for t in (SPEC_STRONG, SPEC_BELOW, SPEC_WEAK))
    assert (strong.archetype, strong.verdict) == ("trust_builder", "strong_hire")
    assert (below.archetype, below.verdict) == ("relationship_manager", "no_hire")
    assert "nice_not_candid" in {f.id for f in below.flags}
    assert (weak.archetype, weak.verdict) == ("spin", "strong_no_hire")
    assert {"blame_shifting", "humblebrag_mistake", "length_off"} <= {f.id for f in weak.flags}


VOCABULARY = (
    " I was fully transparent and candid with every stakeholder. I took full accountability and was"
    " vulnerable about our mistakes. Trust and open communication are my core values."
)


@pytest.mark.parametrize("story", [OFF_TOPIC, SPIN, RELATIONSHIP])
def test_the_principle_s_vocabulary_earns_a_claim_at_most(story):
    before, after = _review(story), _review(story + VOCABULARY)
    for dim, score in after.dimensions.items():
        assert score.level <= max(before.dimensions[dim].level, 1), dim
    assert VERDICT_ORDER.index(after.verdict) <= VERDICT_ORDER.index(before.verdict)


# The trust-builder story again, told aloud and as notes: the same substance keeps its verdict.
TRUST_BUILDER_SPOKEN = """Yeah, so, I was PM for payouts at a marketplace lender in Lisbon. Back in May I signed off a change to our payout schedule, and honestly I skipped the holiday-calendar check because it looked trivial. About nine days later I noticed 410 sellers were going to get paid two days late over the June bank holiday. That one was on me.

So the same afternoon I went to our head of operations and the compliance lead and gave them the numbers, 410 sellers, about 1.2 million euros, and my plan to pre-fund the payouts. Next morning I rang the relationship manager at our partner bank. It wasn't fun, because it meant admitting we'd breached our settlement terms right when we were renewing them, and I promised her a written note by Friday. She got it Thursday.

Our support lead pushed back on my first idea, an email after the fact. She said sellers mind not knowing more than they mind the delay. She was right, so we texted every affected seller the exact date instead. And I rewrote the release checklist so any schedule change now gets tested against the holiday calendar before it ships.

Interviewer: And how did it turn out?

All 410 got paid on time out of our own float. Payout tickets went from 95 in May to 12 in June. The bank renewed in July, and in the eight months since, no schedule change has gone out untested."""

TRUST_BUILDER_BULLETS = """**Context**
- PM, payouts, marketplace lender (Lisbon). In May I approved a payout-schedule change without checking it against the bank-holiday calendar.

**What went wrong**
- 9 days later I found 410 sellers would be paid two days late over the June holiday. My mistake: I skipped the calendar check.

**What I did**
- Same afternoon: told our head of operations and compliance lead - 410 sellers, EUR 1.2M, plan to pre-fund.
- Next morning: called the partner bank's relationship manager, although it meant admitting a breach of our settlement terms mid-renewal; promised a written note by Friday, sent it Thursday.
- Support lead said sellers mind not knowing more than the delay; I agreed and we texted each seller the exact date.
- Rebuilt the release checklist: every schedule change is now tested against the holiday calendar.

**Result**
- All 410 sellers paid on time from our own float; payout tickets fell from 95 in May to 12 in June.
- Bank renewed in July; no schedule change has shipped untested in the eight months since."""


@pytest.mark.parametrize("told", [TRUST_BUILDER_SPOKEN, TRUST_BUILDER_BULLETS], ids=["spoken", "bullets"])
def test_the_same_substance_in_other_forms_keeps_its_verdict(told):
    base, other = _review(TRUST_BUILDER), _review(told)
    assert (other.archetype, other.verdict) == (base.archetype, base.verdict)
    assert other.dimensions["candor"].level == base.dimensions["candor"].level == 4


# Winning over a sceptical partner: no incident, but the candidate names what their side got wrong.
SCEPTICAL_PARTNER = """I was the product manager for our payroll API at a fintech in Austin, and our largest bank partner's risk committee was about to cap the number of employers we could onboard each month. Their chief risk officer did not trust our fraud numbers.

I asked for a meeting with her and her fraud lead before their committee met. I told them plainly that our monthly fraud report had understated losses: we counted only confirmed fraud, not the first-payroll returns their team was writing off, and that definition had been mine. Counted their way, losses were 0.31% of volume, not 0.12%. Her fraud lead said what worried them most was new employers running a first payroll and disappearing. I had not looked at that group separately. So I rebuilt the report around their definition, added a hold on the first payroll of any employer under 90 days old, and agreed with them to review the numbers together every month.

Since then I don't send a risk number to a partner until their risk team has checked the definition. Over the next two quarters first-payroll losses fell from 0.22% of volume to 0.05%, the committee dropped the proposed cap in March, and the bank extended our agreement for two years."""


def test_a_sceptical_partner_won_with_an_owned_error_is_a_hire_at_the_bar():
    review = _review(SCEPTICAL_PARTNER)
    levels = {d: s.level for d, s in review.dimensions.items()}
    assert levels["candor"] == levels["self_criticism"] == levels["listening"] == 3
    assert (review.archetype, review.verdict) == ("trust_builder", "hire")


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
    result = starbar.review(TRANSCRIPT, lp="earn-trust")
    assert not any(q.quote.startswith("Candidate") for f in result.flags for q in f.evidence)
    assert "buzzword_stuffing" not in {f.id for f in result.flags}


def assert_unnamed_money_risk_reads_1(story: str, lp: str) -> None:
    """A financial story that names none of its money risks reads fintech judgment 1 (the writers give
    such a story a 1, almost never a 0) and, claiming no security, raises no generic_security flag; the
    same story about a recipe app reads 0. Shared by the rubrics that hold this floor."""
    review = starbar.review(story, lp=lp)
    assert review.context == "fintech" and review.dimensions["fintech_judgment"].level == 1
    assert "generic_security" not in {f.id for f in review.flags}
    other = starbar.review(
        story.replace("a savings app", "a recipe app").replace("savers", "cooks").replace("Savers", "Cooks"), lp=lp
    )
    assert other.context == "other" and other.dimensions["fintech_judgment"].level == 0


def test_a_financial_story_that_names_no_risk_reads_fintech_judgment_2_without_the_generic_flag():
    """Earn Trust's writers (three sets of four) give a financial setting that argues none of its money risks
    a 2, where Have Backbone's and Invent and Simplify's give a 1; a recipe app still reads 0."""
    story = (
        "At Fenwick, a savings app, I was the PM for the goals screen. Two weeks before launch I found that my own "
        "estimate of the work had been wrong by a month, because I had not asked the design team about the new charts. "
        "I told my manager, Lena, the same afternoon, with the new date and my part in the slip. She asked me to check "
        "the plan with design before telling the wider team, and I did. I wrote to the three teams waiting on us that "
        "Friday, and we launched on the new date. Savers who set a goal rose from 12% to 19% in the first month."
    )
    review = starbar.review(story, lp="earn-trust")
    assert review.context == "fintech" and review.dimensions["fintech_judgment"].level == 2
    assert "generic_security" not in {f.id for f in review.flags}
    other = starbar.review(
        story.replace("a savings app", "a recipe app").replace("savers", "cooks").replace("Savers", "Cooks"),
        lp="earn-trust",
    )
    assert other.context == "other" and other.dimensions["fintech_judgment"].level == 0


# An owned money error told early with a dated promise, the other side's worry changing the fix, and the
# outcome told as a level that held (rubric 2026.12.4).
HELD_AT_ZERO = (
    "At Quillpay, a payroll app for cafés, I owned salary advances. In March I found that a limit rule I had "
    "written let 140 workers draw twice in one pay period, about $38,000 in all. I told our partner bank's risk "
    "lead, Mei, the same afternoon, with the count and the amount, and told her she'd have a written cause "
    "by Friday. She said what worried her was not the money but that advances could leave before a shift was "
    "approved. That changed what I did next: I halted all new advances that evening, and from then on an "
    "advance stays blocked until the manager approves the shift. I sent Mei the note on Thursday. "
    "Over the next quarter double draws stayed at zero."
)


def test_a_dated_promise_told_and_a_fix_changed_by_what_they_said_read_as_such():
    got = starbar.review(HELD_AT_ZERO, lp="earn-trust")
    assert got.dimensions["candor"].level == 4  # early, sized, and "she'd have a written cause by Friday"
    assert got.dimensions["listening"].level == 3  # her worry, then "that changed what I did next"
    assert got.dimensions["fintech_judgment"].level >= 3


def test_an_outcome_that_held_at_a_stated_level_is_a_result():
    got = starbar.review(HELD_AT_ZERO, lp="earn-trust")
    assert got.dimensions["impact"].level == 3
    without = starbar.review(
        HELD_AT_ZERO.replace(" Over the next quarter double draws stayed at zero.", ""), lp="earn-trust"
    )
    assert without.dimensions["impact"].level == 0


# A concern told back in plain words, which no phrase of the rubric lists: the tagger's
# concern_restated names level 2's concern (rubric 2026.12.6); acting on it still takes the detectors.
AGENTS = (
    "Situation: I ran the merchant app at a payments company in Lagos; our agents in the field had stopped "
    "recommending our new settlement product. Task: win them back before the June launch. Action: "
)


def test_a_concern_told_back_in_plain_words_is_heard():
    text = (
        AGENTS
        + "Their concern, as they put it to me, was that every late settlement would cost them a merchant's trust."
    )
    fired, levels = anchored(text, "earn-trust")
    assert "role.concern_restated" in fired
    assert levels["listening"] == 2


def test_listening_vocabulary_is_not_a_concern_heard():
    text = AGENTS + "I practised active listening and empathy with all stakeholders to build trust."
    assert anchored(text, "earn-trust")[1]["listening"] <= 1


# Their better way taken up in place of one's own, and the warning one had brushed aside named as
# theirs, read as listening that changed something (tuning set 11).
def test_their_stricter_way_adopted_over_ones_own_is_listening_that_changed_something():
    text = (
        AGENTS
        + "I went back to the field leads, whose warning I had brushed aside in March. "
        + "Their settlement cut-off was stricter than mine, and I adopted it."
    )
    fired, levels = anchored(text, "earn-trust")
    assert {"listening.concern", "listening.changed"} <= fired
    assert levels["listening"] >= 3
    near_miss = AGENTS + "I went back to the field leads in March. I adopted a new settlement tool."
    assert anchored(near_miss, "earn-trust")[1]["listening"] < 3


# The gate left behind told from the other side - nothing of a kind goes out without someone else's
# check, every case now passes their review, the step made mandatory - is a mechanism (tuning set 13).
GATE = (
    "Situation: I ran payouts at a lending app; a fee rule I shipped charged 600 borrowers twice. "
    "Task: refund them and keep it from recurring. Action: I told the credit lead that day and "
    "promised a refund by Friday; I refunded all 600 within two days. "
)


@pytest.mark.parametrize(
    "gate",
    [
        "Result: No fee rule now goes live without a second analyst signing it.",
        "Result: Every new loan product now goes to credit review first.",
        "Result: A second sign-off is now compulsory for all rate tables.",
        "Result: Our risk partner reviews every pricing table before it ships.",
        "Result: That replay is now in our launch process.",
        "Result: The admin screen shows a warning when a fee is over twice the last one.",
    ],
)
def test_a_gate_someone_else_keeps_is_a_mechanism(gate):
    fired, levels = anchored(GATE + gate, "earn-trust")
    assert "follow_through.mechanism" in fired
    assert levels["follow_through"] == 4


@pytest.mark.parametrize(
    "not_a_gate",
    [
        "Result: I now check every fee file myself before it ships.",
        "Result: I reviewed every complaint before the call.",
        "Result: No one told us before the launch.",
        "Result: There was a gap in our process.",
    ],
)
def test_one_s_own_diligence_or_a_one_off_is_not_a_gate(not_a_gate):
    fired, levels = anchored(GATE + not_a_gate, "earn-trust")
    assert "follow_through.mechanism" not in fired
    assert levels["follow_through"] < 4


# Their preference or worry heard, and the plan changed because of what they said, their request
# done, or the answer worked out with them, read as listening that changed something (tuning set 13).
@pytest.mark.parametrize(
    ("concern", "change"),
    [
        (
            "Legal preferred a plainer notice with no talk of fault.",
            "Together with their counsel, we drafted a shorter one.",
        ),
        (
            "The branch managers would rather hear it from us first.",
            "I moved the notice date after the managers asked for a week's lead.",
        ),
        (
            "I understood their fear of a backlog at month end.",
            "Ops asked us to spread the refunds over two days; we did.",
        ),
        ("The agents said borrowers kept missing the text.", "We built the call list the agents had asked for."),
    ],
)
def test_their_preference_heard_and_acted_on_is_listening_that_changed_something(concern, change):
    fired, levels = anchored(AGENTS + concern + " " + change, "earn-trust")
    assert {"listening.concern", "listening.changed"} <= fired
    assert levels["listening"] >= 3


@pytest.mark.parametrize(
    "text",
    [
        "I preferred the shorter letter. I changed the date after the engineers finished the build.",
        "I understood the schema after a day. She asked me to wait; I did not.",
        "Together with my team, we built the dashboard.",
    ],
)
def test_one_s_own_preference_or_an_unrelated_change_is_not_listening(text):
    assert anchored(AGENTS + text, "earn-trust")[1]["listening"] < 3


# A long story that tells mostly people and dates still turns on its money where money comes up twice
# beside a concern only finance has - arrears, an ombudsman, chargebacks (tuning set 14).
MOSTLY_PEOPLE = (
    "Situation: I owned the {product} at Tollen, and our operations director, Marek, ran the outbound team. "
    "{money1} Task: make the reminders less of a burden without losing what they recovered. Action: In April I "
    "read a sample of letters and found that a template I had written in January named the wrong helpline. "
    "That slip was mine. I showed Marek the sample on Tuesday and said the template was my error. He doubted "
    "the scale, so I asked him to spend a morning with the letters team. The team told him readers rang the "
    "wrong desk and gave up. He saw it for himself. I promised a corrected template within ten days and a "
    "weekly count of wrong-desk calls for six weeks. The corrected template went out on day eight. Marek "
    "moved the reminder to once a week. I sent the weekly count six times. Our tester read the new template "
    "aloud to ten volunteers. Nine understood it first time. Result: wrong-desk calls fell from 140 a week to "
    "12. {money2} Marek asked me to present the change at the quarterly review, and the letters team now "
    "checks every template with a reader panel."
)


@pytest.mark.parametrize(
    ("parts", "context"),
    [
        (
            (
                "reminder letters for the loan book",
                "Every customer in arrears got a letter a day.",
                "Complaints to the financial ombudsman halved, and missed repayments held level.",
            ),
            "fintech",
        ),
        (
            (
                "dispute letters for card acceptance",
                "Every shop with a disputed card payment got a letter a day.",
                "Chargebacks held at 0.3% of card payments, and complaints halved.",
            ),
            "fintech",
        ),
        (
            (
                "reminder letters for the clinic",
                "Every patient who missed a visit got a letter a day.",
                "Complaints halved, and the refund budget held level.",
            ),
            "other",
        ),
    ],
)
def test_money_twice_beside_a_financial_concern_makes_a_long_story_financial(parts, context):
    product, money1, money2 = parts
    got = starbar.review(MOSTLY_PEOPLE.format(product=product, money1=money1, money2=money2), lp="earn-trust")
    assert got.context == context
    assert (got.dimensions["fintech_judgment"].level >= 2) == (context == "fintech")


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("About a fifth of our originations came through that partner.", True),
        ("Originations from the partner fell by a third in May.", True),
        ("Their tax-rate field held a single rate per line.", True),
        ("We had to update the tax rates for two states.", True),
        ("The origin of the idea was a customer call.", False),
        ("The heart rate monitor synced every hour.", False),
    ],
)
def test_originations_and_tax_rates_are_money(text, fires):
    assert bool(signal_evidence(RUBRIC, "context.money", text)) == fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Action: The same day I went to the group treasurer with the figures.", True),
        ("Action: That morning I called our treasury with the figures.", True),
        ("Action: Before lunch I went to the deputy treasurer in person.", True),
        ("Action: The treasurer went to the bank with the figures.", False),
    ],
)
def test_the_treasurer_and_treasury_are_parties_told(text, fires):
    assert bool(signal_evidence(RUBRIC, "candor.told", text)) == fires


# The fault told to the people it hurt as the candidate's own choice - a metric they had picked, a
# shortcut they approved, how they had scoped the work - is self-criticism said aloud (tuning set 14).
OWNED = (
    "Situation: I ran the claims dashboard at an insurer. In March I skipped the check against real claims, "
    "and 400 claims were paid late. Task: tell the partner the real number. "
)


@pytest.mark.parametrize(
    "aloud",
    [
        "Action: The next day I told their head of partnerships the approval rate was a metric I had picked.",
        "Action: That afternoon I called the bank and said the duplicate debits came from a shortcut I approved.",
        "Action: I told my manager the gain was real but came down to how I had scoped the pilot.",
        "Action: I admitted to the board that the cut-off was a setting we had picked without asking them.",
    ],
)
def test_the_fault_told_as_ones_own_choice_is_said_aloud(aloud):
    fired, levels = anchored(OWNED + aloud, "earn-trust")
    assert "self_criticism.aloud" in fired
    assert levels["self_criticism"] >= 3


@pytest.mark.parametrize(
    "not_aloud",
    [
        "Action: She said the threshold we set was too loose.",
        "Action: I told her about the plan we chose together with her team.",
        "Action: I told the partner the figure would be ready on Friday.",
    ],
)
def test_their_words_or_a_neutral_choice_is_not_the_fault_said_aloud(not_aloud):
    assert "self_criticism.aloud" not in anchored(OWNED + not_aloud, "earn-trust")[0]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Action: Their false alarms were rarer, so I asked the partner bank how they screened payees.", True),
        ("Action: I asked two rival exchanges how they vetted new listings.", True),
        ("Action: I asked the agents how they felt about the change.", False),
    ],
)
def test_asking_how_a_stronger_peer_screens_or_vets_is_a_benchmark(text, fires):
    assert bool(signal_evidence(RUBRIC, "self_criticism.benchmark", text)) == fires
