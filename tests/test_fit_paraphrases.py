"""Signals `fit` reads, tried on sentences written for this test in words their patterns and units
were not built from: each signal changed or added while tuning on the tune sets (December 2026, three rounds)
fires on a paraphrase of what it stands for and stays quiet on a near miss. The examples inside
principles.yaml are the sentences the signals were written from; these are not."""

from __future__ import annotations

import pytest

from starbar.detect.patterns import match_signal
from starbar.parse import parse
from starbar.principles import fit, load_principles

SIGNALS = {s.id: s for p in load_principles().principles for s in [*p.signals, *p.mistaken]}

# (signal, sentence, fires)
PARAPHRASES = [
    ("ownership.outside_remit", "The ledger service wasn't our product at all; it sat with the platform group.", True),
    ("ownership.outside_remit", "Disputes were the risk team's job, but the backlog kept growing.", True),
    ("ownership.outside_remit", "I volunteered to take over the broken export myself.", True),
    ("ownership.outside_remit", "This was my product and I had built the export myself.", False),
    ("ownership.sacrifice", "I shelved our pricing experiment for two sprints to work on it.", True),
    ("ownership.sacrifice", "We deprioritised my onboarding redesign until May.", True),
    ("ownership.sacrifice", "The vendor moved their release to June.", False),
    (
        "ownership.long_term",
        "A one-off clean-up would just return next quarter because nothing stopped new errors.",
        True,
    ),
    ("ownership.long_term", "We cleaned up the list in one afternoon.", False),
    ("ownership.after_launch", "For the next six weeks we compared every file with the bank's totals.", True),
    ("ownership.after_launch", "For the first time the team used the new template.", False),
    ("ownership.mechanism", "We set a monthly review for every unmatched payout with the finance lead.", True),
    ("ownership.mechanism", "I added the postcode case to the regression test suite so it cannot come back.", True),
    ("ownership.mechanism", "We set a date for the party.", False),
    ("earn-trust.own_mistake", "I never tested the fallback with the older cards, and that was the gap.", True),
    ("earn-trust.own_mistake", "The rollout plan behind the outage had been mine.", True),
    ("earn-trust.own_mistake", "Our partner never tested the fallback, and that was their gap.", False),
    ("earn-trust.bad_news", "I phoned the client's finance director that week, before the steering meeting.", True),
    ("earn-trust.bad_news", "I phoned the client's finance director to book the steering meeting.", False),
    ("earn-trust.listened", "Their complaint was that nobody told them when a payout was held.", True),
    ("earn-trust.listened", "Their office was in Leeds.", False),
    (
        "earn-trust.listened",
        "The branch manager explained to me how tellers log cash deposits, something I had never considered.",
        True,
    ),
    ("earn-trust.listened", "The branch manager explained to me how to use the new printer.", False),
    ("earn-trust.behaviour_changed", "After that the bank extended our partnership for two more years.", True),
    ("earn-trust.behaviour_changed", "Our renewal survey went out in March.", False),
    (
        "have-backbone.objection",
        "I understood the pressure, but I believed the cap would push our best customers away.",
        True,
    ),
    ("have-backbone.objection", "I thought the workshop would help the new hires.", False),
    ("have-backbone.evidence", "I brought her the numbers from the last two campaigns.", True),
    ("have-backbone.evidence", "I calculated that the fee would cost us a fifth of our savers.", True),
    ("have-backbone.evidence", "She brought the cake to the team meeting.", False),
    ("have-backbone.other_side", "She replied that the legal risk was too large to carry.", True),
    ("have-backbone.other_side", "His main argument was that the market had already moved.", True),
    ("have-backbone.other_side", "She replied to the email on Friday.", False),
    ("have-backbone.pressed", "I asked them for a second meeting and brought a smaller proposal.", True),
    ("have-backbone.pressed", "I asked them for a coffee.", False),
    ("have-backbone.overruled", "She went ahead with the full rollout anyway.", True),
    ("have-backbone.overruled", "She went to the full rollout review.", False),
    ("have-backbone.committed", "I never relitigated the decision and ran the launch as planned.", True),
    ("have-backbone.committed", "I never saw the decision memo.", False),
    ("have-backbone.who_was_right", "In the end her call on pricing had been right.", True),
    ("have-backbone.who_was_right", "Her call on pricing came on Tuesday.", False),
    ("deliver-results.inputs", "To make room, we paused the loyalty work.", True),
    ("deliver-results.inputs", "We made room in the office for the new team.", False),
    ("deliver-results.setback", "In March our card processor left the market and we lost three weeks.", True),
    ("deliver-results.setback", "In March our card processor ran a conference.", False),
    ("deliver-results.cadence", "We reviewed approval rate and fraud rate every Monday with the leads.", True),
    ("deliver-results.cadence", "We reviewed the contract with the lawyers.", False),
    ("customer-obsession.contact", "I listened to 60 recorded calls from cardholders who had cancelled.", True),
    ("customer-obsession.contact", "I listened to 60 minutes of the quarterly results call.", False),
    ("customer-obsession.real_need", "Every merchant asked for the same thing, and the real issue wasn't speed.", True),
    ("customer-obsession.real_need", "Every merchant got the same invoice.", False),
    ("customer-obsession.outcome", "Complaints about held payouts came down from 300 to 40 a month.", True),
    ("customer-obsession.outcome", "A complaint from one merchant came in on Monday.", False),
    ("customer-obsession.objection", "The head of compliance was reluctant because of the exam.", True),
    ("customer-obsession.objection", "The head of compliance joined in May.", False),
    ("invent-and-simplify.obvious_fix", "Operations proposed more reviewers for the queue.", True),
    ("invent-and-simplify.obvious_fix", "Operations hired two reviewers last year.", False),
    ("invent-and-simplify.borrowed", "I looked at how other insurers pay small claims.", True),
    ("invent-and-simplify.borrowed", "I looked at the claims in the queue.", False),
    ("invent-and-simplify.cheap_test", "We tried it on one region for a month before building anything.", True),
    ("invent-and-simplify.cheap_test", "We built it for every region at once.", False),
    ("invent-and-simplify.doubt", "The risk lead was wary of dropping the check.", True),
    ("invent-and-simplify.doubt", "The risk lead dropped the check.", False),
    ("invent-and-simplify.removed", "We retired the annual upload campaign.", True),
    ("invent-and-simplify.removed", "We retired the old office printer.", False),
    ("dive-deep.audit", "I built a nightly reconciliation of payouts against the ledger.", True),
    ("dive-deep.audit", "I built a nightly build of the app.", False),
    ("dive-deep.cause_proved", "The spike came from refunds, not from fraud, which we had all assumed.", True),
    ("dive-deep.cause_proved", "We all agreed on the refund policy.", False),
    ("bias-for-action.cost_of_waiting", "We could not afford to wait for the vendor's fix.", True),
    ("bias-for-action.cost_of_waiting", "We could not wait to see the new office.", False),
    ("bias-for-action.guardrail", "We sent 10% of new payments through the new route first.", True),
    ("bias-for-action.guardrail", "About 10% of our staff work from home.", False),
    ("bias-for-action.days", "Within fifteen minutes we had switched the traffic.", True),
    ("bias-for-action.days", "The presentation took fifteen minutes.", False),
    (
        "insist-on-the-highest-standards.refused",
        "I wouldn't want to release it with a known rounding error, and said so.",
        True,
    ),
    ("insist-on-the-highest-standards.refused", "I wanted to release it on Friday.", False),
    (
        "insist-on-the-highest-standards.prevents_repeat",
        "I set up a check that compares every statement with the ledger.",
        True,
    ),
    ("insist-on-the-highest-standards.prevents_repeat", "I set up a meeting with the ledger team.", False),
    ("insist-on-the-highest-standards.quality_metric", "Match accuracy went from 91% to 98%.", True),
    ("insist-on-the-highest-standards.quality_metric", "Accuracy is what our clients care about.", False),
    ("learn-and-be-curious.gap", "No one in product really knew how the card schemes settle.", True),
    ("learn-and-be-curious.gap", "Everyone in product knew the schedule.", False),
    (
        "learn-and-be-curious.self_study",
        "I read the scheme rulebook and the regulator's guidelines over two weekends.",
        True,
    ),
    ("learn-and-be-curious.self_study", "I read the meeting notes.", False),
    ("learn-and-be-curious.shared", "I held two sessions for the support team on chargebacks.", True),
    ("learn-and-be-curious.shared", "I held the door for the support team.", False),
    ("are-right-a-lot.unknown", "We had little reliable data on how renters repay.", True),
    ("are-right-a-lot.unknown", "We had reliable data on every renter.", False),
    ("are-right-a-lot.checked_later", "Six months later my forecast had held.", True),
    ("are-right-a-lot.checked_later", "Six months later my forecast was sent to the board.", False),
    ("hire-and-develop-the-best.feedback", "I told her plainly that her updates were hiding the risks.", True),
    ("hire-and-develop-the-best.feedback", "I told her the meeting had moved.", False),
    ("think-big.size", "The plan could triple lending volume within five years.", True),
    ("think-big.size", "Lending volume tripled in the sale week.", False),
    ("think-big.rallied", "The board backed it with eight engineers for a year.", True),
    ("think-big.rallied", "The board backed the decision.", False),
    ("think-big.first_steps", "I led the first release: one account view for 12 banks.", True),
    ("think-big.first_steps", "The first release notes were short.", False),
    # Round three (tune3, stories written after rounds one and two): each signal widened or added
    # for them, on sentences written here in other words, and a near miss beside each.
    ("have-backbone.other_side", "He says, well, the regulator will not wait for our model.", True),
    ("have-backbone.other_side", "That was fair, and I told her so before we went on.", True),
    ("have-backbone.other_side", "He says the office opens at nine.", False),
    ("have-backbone.pressed", "I went back to her three days later with a pilot for one region.", True),
    ("have-backbone.pressed", "I wrote a one-page memo for the CFO with both forecasts side by side.", True),
    ("have-backbone.pressed", "I went back to the office later with the team.", False),
    ("have-backbone.overruled", "Board decided: the fee stays for every plan this year.", True),
    ("have-backbone.overruled", "Board meeting notes went out on Friday.", False),
    ("have-backbone.committed", "I lost the argument, then I made it work with the team in six weeks.", True),
    ("have-backbone.committed", "Without revisiting the decision, I wrote the rollout plan for all 12 markets.", True),
    ("have-backbone.committed", "Without the decision memo, the team waited a week.", False),
    ("have-backbone.who_was_right", "Priya was right about the churn risk, and I said so at the review.", True),
    ("have-backbone.who_was_right", "Everything was right about the launch plan.", False),
    ("ownership.outside_remit", "Chargeback letters were no one's job once the vendor left.", True),
    ("ownership.outside_remit", "Card disputes were the responsibility of the operations group in Dublin.", True),
    ("ownership.outside_remit", "It wasn't the first time the job failed.", False),
    ("ownership.sacrifice", "It meant pushing two of our own payroll features back by a month.", True),
    ("ownership.sacrifice", "I handed over our own reporting work to a colleague for two months.", True),
    ("ownership.sacrifice", "The vendor delayed part of their release by a week.", False),
    ("ownership.long_term", "Ops' cheap fix was to hire two temps to re-key the files.", True),
    ("ownership.long_term", "The fix was cheap and took an afternoon.", False),
    ("ownership.after_launch", "For six weeks after the migration, I checked every failed payout by hand.", True),
    ("ownership.after_launch", "We checked the results weekly for the board pack.", False),
    ("ownership.mechanism", "We named the collections team the owners of the retry rules.", True),
    ("ownership.mechanism", "The reconciliation alarm has caught four bad files since.", True),
    ("ownership.mechanism", "The team named the project after a river.", False),
    ("dive-deep.records", "I pulled about four thousand declined payments and sampled a few myself.", True),
    ("dive-deep.records", "I looked through 240 failed transfers from the last month.", True),
    ("dive-deep.records", "Each quarter I looked at 3 numbers with my manager.", False),
    ("dive-deep.cause_proved", "52 of the 70 had the same device ID, which no one had checked.", True),
    ("dive-deep.cause_proved", "Our ops manager was sure it was a bank outage.", True),
    ("dive-deep.cause_proved", "By June 52 of the 70 were fixed and closed.", False),
    ("dive-deep.ruled_out", "We also checked the seasonality theory, and last year's June looked identical.", True),
    ("dive-deep.ruled_out", "We also checked the venue for the offsite.", False),
    ("dive-deep.divergence", "The two reports didn't agree: finance counted 400 refunds, support 650.", True),
    ("dive-deep.divergence", "The two reports were sent on time.", False),
    ("dive-deep.definition", "Refunds were being logged under sales in the weekly report.", True),
    ("dive-deep.definition", "The payments were counted by the cashier at the end of the day.", False),
    ("bias-for-action.guardrail", "We turned it on for 5% of merchants for a week before everyone else.", True),
    ("bias-for-action.guardrail", "Cards now make up 40% of payments at the till.", False),
    ("insist-on-the-highest-standards.refused", "I didn't think a 2% error rate was good enough for payroll.", True),
    ("insist-on-the-highest-standards.refused", "I won't approve it unless every test passes.", True),
    ("insist-on-the-highest-standards.refused", "I didn't think the offsite was good for morale.", False),
    ("insist-on-the-highest-standards.standard", "We set the accuracy bar at 99.9% for every statement.", True),
    ("insist-on-the-highest-standards.standard", "Our uptime last month was 99.9% in Europe.", False),
    ("think-big.rallied", "Leadership funded a new team of six to build it.", True),
    ("think-big.rallied", "I got three partner banks to sign the letter of intent.", True),
    ("think-big.rallied", "Leadership funded the offsite in Lisbon.", False),
    ("invent-and-simplify.obvious_fix", "The team's instinctive plan was to add a second approver.", True),
    ("invent-and-simplify.obvious_fix", "The team's first plan was to meet in May.", False),
    (
        "invent-and-simplify.borrowed",
        "The approach I took from a Brazilian bank was to let the customer confirm in the app.",
        True,
    ),
    ("invent-and-simplify.borrowed", "We took the train from Berlin to the offsite.", False),
    ("invent-and-simplify.removed", "Approvals for small refunds went down from three to one.", True),
    ("invent-and-simplify.removed", "Finance no longer has to re-key the invoices by hand.", True),
    ("invent-and-simplify.removed", "The team went from Berlin to Paris for the workshop.", False),
    ("earn-trust.bad_news", "I told her what I had seen in the logs: 312 loans priced twice.", True),
    ("earn-trust.bad_news", "I told them what I had planned for the offsite.", False),
    ("earn-trust.own_mistake", "I showed them my part in it, three late changes to the spec in one sprint.", True),
    ("earn-trust.own_mistake", "There was a gap in our calendar for the review.", False),
    ("earn-trust.listened", "What she said was that her agents could not see the hold reason.", True),
    ("earn-trust.listened", "What she built was a new dashboard.", False),
    ("earn-trust.promise_kept", "We sent them the breakdown within two days, as they had asked.", True),
    ("earn-trust.promise_kept", "We sent them the breakdown of the menu.", False),
    ("earn-trust.behaviour_changed", "After that, their risk lead and I began reviewing launches together.", True),
    ("earn-trust.behaviour_changed", "Their risk lead and I began at the bank in the same month.", False),
    ("customer-obsession.pain", "Nearly half of the people who began the form dropped out at the income step.", True),
    ("customer-obsession.pain", "We gave up on the old people-finder project.", False),
    ("customer-obsession.pain", "Members loved it, and the CEO called it one of our two best launches.", False),
    ("customer-obsession.outcome", "Complaints from small merchants went from 90 a week to 12.", True),
    ("customer-obsession.outcome", "Sales proposed to cut the fee for small merchants from 2% to 1%.", False),
    ("deliver-results.setback", "In April our acquirer went down for six hours and we lost the launch slot.", True),
    ("deliver-results.setback", "Chargebacks went down from 1.2% to 0.4% in a quarter.", False),
]


@pytest.mark.parametrize(
    ("signal_id", "sentence", "fires"),
    PARAPHRASES,
    ids=[f"{s}-{'fire' if f else 'quiet'}-{i}" for i, (s, _, f) in enumerate(PARAPHRASES)],
)
def test_a_paraphrase_fires_and_a_near_miss_stays_quiet(signal_id, sentence, fires):
    found = match_signal(SIGNALS[signal_id], parse(sentence)).evidence
    assert bool(found) == fires, f"{signal_id} {'stayed quiet' if fires else 'fired'} on {sentence!r}"


def test_an_act_pinned_to_a_time_counts_and_a_claim_does_not():
    # No number and no party by role: the time it was done at makes it an act a listener can check.
    act = "After go-live I checked the exceptions report weekly until the next audit."
    assert "ownership.after_launch" in {q.signal for q in fit(act).get("ownership").quotes}
    claim = "After go-live I showed real ownership and always delivered results."
    assert all(not p.quotes for p in fit(claim).ranked)


def test_an_exchange_with_a_named_person_counts_but_the_candidates_claim_does_not():
    shown = "He still wanted the flat fee for everyone."
    assert "have-backbone.overruled" in {q.signal for q in fit(shown).get("have-backbone").quotes}
    claimed = "I disagreed and committed, as I always do."
    assert not fit(claimed).get("have-backbone").quotes
