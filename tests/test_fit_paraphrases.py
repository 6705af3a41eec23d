"""Signals `fit` reads, tried on sentences written for this test in words their patterns and units
were not built from: each signal changed or added while tuning on the tune sets (December 2026)
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
