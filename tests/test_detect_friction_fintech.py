"""Friction (a party resisting, the candidate's evidence, a price paid), fintech judgment
(a control decided, a safeguard for the unhappy path) and the story's context.

Every sentence and story here was written for these tests.
"""

from __future__ import annotations

import pytest

from detecting import review  # the anchors alone
from starbar.detect import detect
from starbar.parse import parse
from starbar.rubric import available


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
        "Action: Two GMs opposed it because their targets depended on peak-season offers.",
        "Action: The regional directors were against a single ledger.",
        "Action: Our BSA officer worried that database checks would weaken the identity program.",
        "Action: The growth team didn't agree, arguing that cards were the easiest route.",
        "Action: Dana, who runs collections ops, asked that the reminders not go out on weekends.",
        "Action: And Ravi, our VP of Sales, pushed really hard for the bulk export first.",
        "Action: The funding partner wanted faster repayment to limit duration risk.",
        "Action: The biggest hurdle was compliance, since every message needs principal review.",
        "Action: The CFO and the payments VP saw ACH as cannibalising card revenue.",
        "Action: Finance raised the revenue impact, since draw fees were a big part of our income.",
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
        "Action: The biggest hurdle was the weather in January.",
        "Action: Customers saw the fee as a penalty.",
        "Action: Sales agents said applicants wanted more time to upload their statements.",
    ],
)
def test_customers_and_negated_resistance_are_not_a_party(sentence, rubric):
    assert "friction.party" not in fired(sentence, rubric)


@pytest.mark.parametrize(
    "text",
    [
        # the party named in one sentence, its stand told in the next
        "Action: I took the plan to the payments risk desk. Their fear was that refunds would be gamed.",
        "Action: Then I met the head of credit. She was worried the grace days would raise arrears.",
        # not agreeing, in any tense or none
        "Action: Our treasury team was not agree at first, because the float would shrink.",
        "Action: The claims unit were not agreeing with the self-service photos.",
    ],
)
def test_resistance_told_after_its_party_or_in_plain_grammar(text, rubric):
    assert "friction.party" in fired(text, rubric)


@pytest.mark.parametrize(
    "text",
    [
        # "they" are the customers, not the party before them
        "Action: I showed the flow to tenants in Leeds. They worried about the deposit.",
        "Action: Legal sent the new terms to our members. They feared a hidden fee.",
    ],
)
def test_a_pronoun_for_customers_is_no_party(text, rubric):
    assert "friction.party" not in fired(text, rubric)


PROBED = """Action: I read 300 tickets and proposed an instant refund under $50 for first-time claims.

Interviewer: {probe}

{answer} I modelled six months of claims and showed the loss would stay under 0.2%, and we agreed a $50 cap."""


@pytest.mark.parametrize(
    "probe, answer",
    [
        ("Who disagreed?", "Mostly the fraud operations folks, honestly."),
        ("Was there any pushback on that?", "Yes, Marta from underwriting."),
    ],
)
def test_a_party_named_in_answer_to_a_probe_for_resistance(probe, answer, rubric):
    found = fired(PROBED.format(probe=probe, answer=answer), rubric)
    assert {"friction.party", "friction.resolved"} <= found


@pytest.mark.parametrize(
    "probe, answer",
    [
        ("Was there any pushback on that?", "Not really, finance liked it from day one."),
        ("How did you measure it?", "The finance team tracked refund losses weekly."),
    ],
)
def test_a_denial_or_an_answer_to_another_probe_is_no_party(probe, answer, rubric):
    assert "friction.party" not in fired(PROBED.format(probe=probe, answer=answer), rubric)


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
        "That pushed launch by three weeks so the fallback could ship with it.",
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
        "Action: I added a payee confirmation and kept the highest-risk new billers on paper checks.",
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
        "Action: The new layout made the page longer and harder to scan.",  # no "which/this": not a price for safety
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
    # A story about money is never "any app": with no judgment of its risks shown it is level 1,
    # and only a claim of security raises the flag.
    assert result.dimensions["fintech_judgment"].level == max(level, 1)
    assert ("generic_security" in {f.id for f in result.flags}) is (level == 1)


def test_a_story_that_could_be_about_any_app_is_level_zero():
    result = review(GYM)
    assert result.context == "other"
    assert result.dimensions["fintech_judgment"].level == 0


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


# --- generalised wordings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: The head nurse objected: patients might read the results alone at night.",  # anyone who objects
        "Action: Fraud pushed back hard on sending the new number to every merchant.",  # a function as the subject
        "Action: Our growth lead did not love the extra question.",  # lukewarm
        "Action: Branch managers were worried they would lose their upsell bonus.",  # roles in the plural
        "Action: The treasury team expected balances to fall by a fifth.",  # a forecast of harm
        "Action: Finance asked what the write-offs would cost us.",  # a doubt as a question
        "Action: Engineering was already committed to the ledger rebuild.",  # capacity taken
        "Action: The biggest disagreement was with the processor over the cut-over date.",  # a clash noun
        "Action: The platform lead preferred to wait for the new stack.",
        "Action: Our risk team wanted us to keep the five-day hold.",
        "Action: The partner banks' IT teams were slow to open the connection.",
    ],
)
def test_resistance_in_other_words(sentence, rubric):
    assert "friction.party" in fired(sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: The shoppers objected to the new fee.",  # customers, not a party
        "Action: People were not mainly asking for more credit; they wanted their deposit back.",
        "Action: Engineering had wanted to do it for a while.",  # a wish shared, not resisted
        "Action: Borrowers lodged disputes with the card issuer.",  # a customer dispute
        "Action: Fraud losses worried nobody on the credit team.",
    ],
)
def test_customers_wishes_and_disputes_are_not_resistance(sentence, rubric):
    assert "friction.party" not in fired(sentence, rubric)


@pytest.mark.parametrize(
    "answer",
    [
        "I estimated the cost from last year's returns at about $40,000.",
        "I compared three vendors against the network's rules.",
        "I timed the review with two agents: it took under a minute.",
        "I kept the eligibility rules and showed on 150 test cases that outcomes held.",
    ],
)
def test_answers_sized_up_in_other_words(answer, rubric):
    assert "friction.resolved" in fired("Action: Finance was skeptical of the cost. " + answer, rubric)


def test_an_answer_told_in_the_result_still_resolves_the_objection(rubric):
    text = (
        "Action: I proposed a bank login step. The sales team worried it would slow onboarding.\n"
        "Result: I pulled the funnel from a 500-person pilot: completion dropped only 2 points."
    )
    assert "friction.resolved" in fired(text, rubric)


@pytest.mark.parametrize(
    "price",
    [
        "We accepted the 2% dip in card spend.",
        "We accepted the 1.5% drop.",  # a decimal point is not the end of the sentence
        "That check costs us $4 per loan, and I chose to keep it.",
        "The cap turns away about 6% of applicants; I accepted that.",
        "Treasury would lose about $8M a year of cheap deposits.",
        "We agreed to fund the extra reviewers for a year.",
        "It means a slower payout, even though that adds a day for every seller.",
        "That pushed launch back seven weeks.",
        "The travel notice sales had promised slipped to the next half.",
        "We shelved the paid upsell for the quarter.",
        "After rollout fee revenue fell by about 1.6 million euros.",
    ],
)
def test_prices_paid_in_other_words(price, rubric):
    party = "Action: Sales objected to anything that slowed onboarding. "
    assert "friction.tradeoff" in fired(party + price, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: I limited the overnight float, which meant sellers were still paid on time.",
        "Action: Risk agreed to a test with the pause capped at one per 90 days.",
    ],
)
def test_agreements_and_asides_are_not_a_price(sentence, rubric):
    party = "Action: Sales objected to anything that slowed onboarding. "
    assert "friction.tradeoff" not in fired(party + sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: I made each transfer to a new payee need the owner's approval in the app.",
        "Action: I proposed that payouts only go to the bank account already on file.",
        "Action: I capped the advance at 70% of pending earnings.",
        "Action: I tied the deposit code to the phone that created it.",
        "Action: I kept the registry check on every claim and added a call-back before large payments.",
    ],
)
def test_controls_in_other_words_tied_to_a_decision(sentence, rubric):
    assert "fintech.control" in fired(sentence, rubric)


def test_a_control_described_right_after_the_candidates_decision_is_theirs(rubric):
    text = "Action: I took the bank details out of email altogether. Buyers now see them only after confirming their identity in the app."
    assert "fintech.control" in fired(text, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: If a state lookup fails twice, the employer gets a manual task instead.",
        "Action: If a duplicate still gets through, we stop the second payment before it leaves.",
        "Action: Buyers who could not pass the photo step kept an in-person route.",
        "Action: I required a micro-deposit check, which adds about two days to the first refund.",
        "Action: The sweep comes back the same day if a payment would overdraw the account.",
        "Action: I put the late-fee summary above the button, which made the screen longer.",
        "Action: Buyers now opt in first; this made the sign-up rate lower, only 45%.",
        "Action: It means the first payout is slower, and we said so in the app.",
        "Action: Anything under 95% confidence goes to a review queue instead of posting.",
    ],
)
def test_unhappy_paths_in_other_words(sentence, rubric):
    control = "Action: I required identity verification for every new account. "
    assert "fintech.safeguard" in fired(control + sentence, rubric)


def test_a_non_financial_story_gets_no_fintech_credit_for_its_controls():
    clinic = GYM.replace(
        "I proposed a one-tap release",
        "I required the member's approval and capped bookings at 3% of spots, and proposed a one-tap release",
    )
    result = review(clinic)
    assert result.context == "other"
    assert result.dimensions["fintech_judgment"].level == 0
    assert "generic_security" not in {f.id for f in result.flags}


def test_context_recognises_credit_and_insurance_in_their_own_words():
    story = """Situation: Shoppers on our split-pay checkout missed their second installment 14% of the time.
Task: I owned repayments, and my goal was to bring missed installments under 8%.
Action: I read 300 late accounts and found that refunds from the retailer arrived after the installment was due. I proposed pausing the installment while a refund is pending.
Result: Missed installments fell to 7% and late fees charged to shoppers fell by half."""
    assert review(story).context == "fintech"


# --- round two: families of wordings --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "resists"),
    [
        ("Action: Two teams resisted the change.", True),
        ("Action: The platform group said a hard stop would corrupt stored orders.", True),
        ("Action: Treasury pointed out that the float paid for free transfers.", True),
        ("Action: Finance was the second obstacle, and a bigger one.", True),
        ("Action: Our head of lending saw it as handing volume to rivals.", True),
        # customers' points and a plain estimate are not resistance
        ("Action: Customers pointed out that the form was long.", False),
        ("Action: Engineering said it would be ready in May.", False),
    ],
)
def test_resistance_as_forecasts_points_and_obstacles(sentence, resists, rubric):
    assert ("friction.party" in fired(sentence, rubric)) is resists


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: There were a few worries from the compliance side, which we sorted out.",
        "Action: We had some concerns from legal, but it was fine in the end.",
        "Action: The usual questions from security came up in review.",
    ],
)
def test_resistance_played_down_is_vague_not_a_party(sentence, rubric):
    found = fired(sentence, rubric)
    assert "friction.party" not in found
    assert "friction.vague" in found


@pytest.mark.parametrize(
    "answer",
    [
        "I got them to agree to a four-week test on 10% of accounts.",
        "I made a small trial with 300 merchants.",
        "We landed on a fee of 0.5% for the first year.",
        "I built the retention case from churn surveys.",
        "- timed 150 reviews: each took 40 seconds longer",  # a note with its subject left out
    ],
)
def test_answers_as_trials_and_negotiated_middles(answer, rubric):
    assert "friction.resolved" in fired("Action: Finance was skeptical of the cost.\n" + answer, rubric)


@pytest.mark.parametrize(
    "sentence",
    ["Forecast accuracy rose 20% that quarter.", "Compared with last year, 300 more sellers joined."],
)
def test_a_sentence_that_opens_with_a_noun_is_not_an_answer(sentence, rubric):
    assert "friction.resolved" not in fired("Action: Finance was skeptical of the cost. " + sentence, rubric)


@pytest.mark.parametrize(
    ("sentence", "is_price"),
    [
        ("She approved it on condition that the hold stayed, which I accepted.", True),
        ("I accepted the condition that new accounts go first.", True),
        ("- Delayed the statement redesign by a quarter to pay for it", True),
        ("I took the extra £300,000 to the CFO and asked for it.", True),
        ("We agreed to a two-week delay for the review.", True),
        ("We took a small hit on conversion.", True),
        # the party's own wish, time spent, a trial agreed and a forecast are not a price the candidate paid
        ("Engineering wanted to delay it by a quarter.", False),
        ("I took six months of data from a similar segment.", False),
        ("It took one more month to finish the copy.", False),
        ("Leadership agreed to a three-month trial in two regions.", False),
        ("Finance estimated we could lose up to 4% of weekly revenue.", False),
    ],
)
def test_prices_taken_on_against_time_spent_and_forecasts(sentence, is_price, rubric):
    party = "Action: Sales objected to anything that slowed onboarding.\n"
    assert ("friction.tradeoff" in fired(party + sentence, rubric)) is is_price


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: We only texted members who had opted in.",
        "Action: I proposed pausing the plan automatically once the parcel is scanned.",
        "Action: I held statements until the insurer's payment had arrived.",
        "Action: I made the check compare each figure against last year's return.",
        "Action: I added a note sent three days before the next debit.",
    ],
)
def test_protections_of_the_customers_money_tied_to_a_decision(sentence, rubric):
    assert "fintech.control" in fired(sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: If the retailer later rejects the return, the plan restarts with new dates.",
        "Action: When the lender denies the claim, the customer gets a call from a specialist.",
        "Action: If you're behind, there's a hardship plan explained in plain words.",
        "Action: A failed inspection resumes the plan with a clear notice.",
        "Action: There is a claw-back path for anything paid out in error.",
    ],
)
def test_the_other_side_backing_out_and_hardship_are_unhappy_paths(sentence, rubric):
    control = "Action: I required identity verification for every new account. "
    assert "fintech.safeguard" in fired(control + sentence, rubric)


def test_a_library_story_that_borrows_books_is_not_fintech():
    story = """Situation: It's not a bank, it's a library app: readers borrow ebooks and put holds on titles, and holds arrived while people were away, so 30% of them lapsed.
Task: I owned holds, and my goal was to halve lapsed holds in two quarters.
Action: I read 400 reviews and interviewed 12 librarians. Readers could borrow it for only three days. I proposed letting readers pause a hold for up to 60 days while keeping their place.
Result: Lapsed holds fell from 30% to 12% in a quarter."""
    assert review(story).context == "other"


@pytest.mark.parametrize(
    "situation",
    [
        "Filers on our tax app waited weeks for their tax refunds after the IRS rejected the e-file.",
        "Developers got a surprise bill at month end, and overages ran to thousands of dollars over a weekend.",
    ],
)
def test_tax_and_bills_are_money_for_the_context(situation):
    story = f"""Situation: {situation}
Task: I owned the experience, and my goal was to halve those cases in a year.
Action: I read 300 tickets and called 20 people. I proposed a warning before the bill grew, and a check before the return was sent.
Result: Cases fell by half within the year, and the bills people received were 40% smaller."""
    assert review(story).context == "fintech"


@pytest.mark.parametrize(
    ("note", "resists"),
    [
        ("* Treasury: new exposure in nine currencies → I agreed a daily cap", True),
        ("- Finance: we'd lose about $3M a year of fees", True),
        ("* **Legal**: the wording would count as advice", True),
        ("* Engineering: built the new ledger in a sprint", False),  # a credit, not a stand
        ("* Goal: lower losses by 30%", False),  # a heading, not a party
    ],
)
def test_a_stand_told_in_note_form(note, resists, rubric):
    assert ("friction.party" in fired("Action:\n" + note, rubric)) is resists


@pytest.mark.parametrize(
    "answer",
    [
        "The board signed off a phased plan, 3 markets first.",
        "The COO approved a staged rollout to 200 clients first.",
        "Risk agreed to a pilot on 5% of accounts.",
    ],
)
def test_buy_in_for_a_staged_plan_resolves_the_objection(answer, rubric):
    assert "friction.resolved" in fired("Action: Finance was skeptical of the cost. " + answer, rubric)


def test_a_phased_plan_without_an_objection_resolves_nothing(rubric):
    assert "friction.resolved" not in fired("Action: The board signed off a phased plan, 3 markets first.", rubric)


@pytest.mark.parametrize(
    "risk",
    [
        "Risk noted that empty boxes are a known trick.",
        "Ops had seen money mules use new accounts.",
        "People gamed the old promo codes.",
    ],
)
def test_a_limit_kept_against_abuse_named_before_it_is_a_safeguard(risk, rubric):
    text = f"Action: {risk} I kept the transfer limit at $500 a day for new accounts."
    assert "fintech.safeguard" in fired(text, rubric)
    assert "fintech.safeguard" not in fired("Action: I kept the transfer limit at $500 a day for new accounts.", rubric)


@pytest.mark.parametrize(
    "concession",
    [
        "I agreed to pre-fund holiday runs from our own float, costing us about $6k a month.",
        "I offered to absorb the card fee ourselves, roughly $0.30 a payment.",
        "I agreed with the CFO to reset the unit targets, which cost us $40M in originations.",
    ],
)
def test_a_concession_at_a_named_price_answers_the_objection(concession, rubric):
    signals = fired("Action: Treasury objected to holding client funds longer. " + concession, rubric)
    assert {"friction.resolved", "friction.tradeoff"} <= signals


def test_a_concession_without_a_price_is_not_an_argument(rubric):
    text = "Action: Our ops manager was concerned about the workload. I agreed to start with six providers."
    assert "friction.resolved" not in fired(text, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "We shipped it on time despite competing priorities across the business.",
        "There were tight deadlines from the events side.",
        "We juggled conflicting demands from the regions.",
    ],
)
def test_pressure_without_a_party_is_a_vague_obstacle(sentence, rubric):
    assert "friction.vague" in fired("Action: " + sentence, rubric)
    assert "friction.party" not in fired("Action: " + sentence, rubric)


@pytest.mark.parametrize(
    "claim",
    [
        "We made sure it was fully above board from a privacy perspective.",
        "The app passed its security review first time.",
        "In the end the auditors were happy with it.",
        "We built the whole thing with security in mind.",
        "Customer data was always protected.",
        "Security was our top priority from day one.",
        "We went through all the controls before launch.",
        "It shipped with best-in-class fraud protection.",
    ],
)
def test_generic_claims_in_many_wordings_are_generic_security(claim):
    result = review(WALLET.format(fintech=claim))
    assert result.dimensions["fintech_judgment"].level == 1
    assert "generic_security" in {f.id for f in result.flags}


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: Most failures were a bank code mismatch, so I had the check moved up front.",
        "Action: Anti-money-laundering checks apply to these transfers.",
        "Action: The IBAN validation only ran after the customer pressed send.",
    ],
)
def test_named_financial_concerns_in_other_words(sentence, rubric):
    assert "fintech.concern" in fired(sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: I limited the shared payload to what the card token already carried.",
        "Action: I agreed to pre-fund holiday runs from our own float.",
    ],
)
def test_money_controls_in_other_words_tied_to_a_decision(sentence, rubric):
    assert "fintech.control" in fired(sentence, rubric)


def test_resistance_told_in_the_setup_counts_when_nothing_later_names_any(rubric):
    story = (
        "Situation: The business team, pressured by revenue targets, wanted an upsell screen right before payment. "
        "Action: I ran an A/B test with 10,000 users and showed them the 15% drop in conversion."
    )
    smooth = story + " Everyone agreed from the start."
    assert "friction.party" in fired(story, rubric)
    assert "friction.party" not in fired(smooth, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        # a remedy that runs by itself on a deadline
        "Action: If a transfer is still stuck, we auto-credit the customer after 48 hours.",
        "Action: Disputed amounts get a provisional refund within 5 business days.",
        # something that lapses on its own
        "Action: The quote expires visibly, so nobody pays an old rate.",
        "Action: The payment link times out after one use.",
        # an extra check, or access kept narrow
        "Action: Large payroll runs need an extra confirmation from the employer.",
        "Action: The app shows a partially masked name before the money leaves.",
        "Action: Partners get read-only access to balances.",
    ],
)
def test_safeguards_told_in_the_products_own_words(sentence, rubric):
    control = "Action: I required identity verification for every new account. "
    assert "fintech.safeguard" in fired(control + sentence, rubric)


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: Our credit losses fell after two quarters.",  # a credit with no deadline for a remedy
        "Action: The average masked the problem.",
        "Action: Her card expired last year.",
        "Action: I asked for a second review with the COO.",
    ],
)
def test_words_of_a_safeguard_without_one_are_not_read_as_one(sentence, rubric):
    control = "Action: I required identity verification for every new account. "
    assert "fintech.safeguard" not in {
        e.signal for e in detect(parse(control + sentence), rubric).evidence if e.sentence == 1
    }


# --- the tagger's roles name a level-2 concern no phrase lists ---------------------------------

LENDER = "Situation: Our lender approved small-business loans in Kenya. Action: I proposed paying out before the site visit. "
REMIT = "Situation: Our app sends money from the UK to Poland. Action: "


@pytest.mark.parametrize(
    "text, dimension, role",
    [
        (LENDER + "Our risk director kept sending it back for more controls.", "friction", "role.objection"),
        (
            REMIT
            + "I made the app show the recipient's bank name back before people confirm, so a typo is caught on screen.",
            "fintech_judgment",
            "role.control",
        ),
    ],
)
def test_a_role_told_in_plain_words_names_the_concern(text, dimension, role, rubric):
    found = fired(text, rubric)
    assert role in found
    assert review(text).dimensions[dimension].level == 2


@pytest.mark.parametrize(
    "text, dimension",
    [
        (LENDER + "There was healthy pushback from stakeholders, which we navigated through alignment.", "friction"),
        (REMIT + "We ensured bank-grade security, tokenization and full compliance end to end.", "fintech_judgment"),
    ],
)
def test_rubric_vocabulary_names_no_concern(text, dimension):
    assert review(text).dimensions[dimension].level <= 1


@pytest.mark.parametrize("rubric", available())
def test_a_financial_firm_told_by_its_name_or_what_it_sells_sets_the_context(rubric):
    # one money word in a long story about sign-up: the workplace says it is a financial product
    story = (
        "I was the product lead at Tamber Pay, where I ran sign-up for card terminals with two designers. "
        "Sign-up took a week, mostly waiting on document checks by the compliance desk. I told my director early "
        "that we would miss our date and why, and I asked the desk which checks they really needed. We built a "
        "short form for low-risk shops so they skip the queue, and sign-up fell to two days."
    )
    assert review(story, rubric=rubric).context == "fintech"
    assert review(story.replace("at Tamber Pay", "at Tamber"), rubric=rubric).context == "other"
