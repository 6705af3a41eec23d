"""The customer problem (problem.setup) and the need behind the request (cause.reframe).

Every sentence and story here was written for these tests, in several phrasings each.
"""

from __future__ import annotations

import pytest

from detecting import fired as signals
from detecting import (
    level,
    review,  # the anchors alone
)

# --- problem.setup -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Roughly a quarter of applicants bailed at the ID step, about 6,000 people a month.",
        "Situation: One in eight card payments at our kiosks was declined, and shoppers walked away.",
        "Situation: 31% of new tutors quit before their first payout.",
        "Situation: Cleaners waited up to nine days for their earnings to arrive.",
        "Situation: Cardholders disputed 2.1 per thousand transactions, 1.4x the network benchmark, and many gave up waiting.",
    ],
)
def test_a_sized_customer_pain_is_quantified(text):
    found = signals(text)
    assert {"problem.customer_pain", "problem.quantified"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Tenants found the deposit step confusing and many gave up.",
        "Situation: Drivers were frustrated that fuel advances arrived late.",
    ],
)
def test_a_pain_told_in_words_is_not_quantified(text):
    found = signals(text)
    assert "problem.customer_pain" in found
    assert "problem.quantified" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Our late-payment rate was twice the industry average.",
        "Situation: Applicants waited for approval 3 days longer than at the market leader, and many gave up.",
        "Situation: Sellers lost 40% of disputes, against 20% for large merchants.",
        "Situation: Failed transfers were our third-largest contact driver.",
    ],
)
def test_benchmarks_competitors_segments_and_rankings(text):
    """Read beside a customer pain in the setup (a comparison alone is not a problem)."""
    assert "problem.benchmark" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Our engineers were frustrated by slow builds, so I moved the team to a new CI system.",
        "Situation: I treated our finance team as my customers; month-end close took nine days.",
        "Situation: Sales needed a SOC 2 report because deals were getting stuck in security reviews.",
        "Situation: My squad was missing its sprint commitments and stakeholders were frustrated.",
        # a function named by its people, "customer" in its name included
        "Situation: Our customer success team was swamped by renewal spreadsheets every quarter.",
        "Situation: Our pricing analysts waited two days for every model refresh.",
    ],
)
def test_internal_work_is_not_a_customer_problem(text):
    found = signals(text)
    assert "problem.internal" in found
    assert "problem.customer_pain" not in found
    assert level(text, "problem_depth") == 0


def test_a_story_that_opens_under_an_action_label_still_tells_its_problem():
    """No Situation: the candidate starts with what they did, and the problem is in those lines."""
    text = (
        "What I did:\n"
        "- Pulled a year of invoice data and sat in on 20 calls with shop owners.\n"
        "- Found that invoices paid by bank transfer took a median of 19 days to be paid, against 6 by card.\n"
        "- Proposed a payment link on every invoice, and finance pushed back on the fees.\n"
        "Result: median days-to-paid fell from 19 to 8 in the pilot."
    )
    assert "problem.customer_pain" in signals(text)


def test_a_customer_pain_caused_by_our_staff_is_still_a_customer_pain():
    text = "Situation: Customers waited 10 days for approval because our analysts reviewed every file by hand."
    assert "problem.internal" not in signals(text)
    assert level(text, "problem_depth") == 3


def test_staff_pain_beside_a_customer_pain_does_not_hide_it():
    text = "Situation: Borrowers gave up on the upload step, and our support agents were swamped with their calls."
    found = signals(text)
    assert "problem.internal" not in found
    assert "problem.customer_pain" in found


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Landlords kept asking for a bulk receipt export.",
        "Situation: The loudest request from vendors was a retry button.",
    ],
)
def test_a_request_alone_is_level_one(text):
    assert "problem.request" in signals(text)
    assert level(text, "problem_depth") == 1


def test_a_first_person_or_leadership_wish_is_not_a_customer_request():
    assert "problem.request" not in signals("Task: I wanted to make payouts simpler.")
    assert "problem.request" not in signals("Situation: The CEO wanted a new pricing page before the board meeting.")


@pytest.mark.parametrize(
    "text",
    [
        # asked through someone, or an issue raised with us
        "Situation: Landlords were asking their account managers for a bulk receipt export.",
        "Situation: Importers were asking the relationship team about a same-day FX quote.",
        "Situation: Dozens of merchants raised it with support every quarter.",
        "Situation: Several tutors raised the issue of weekly payouts on the forum.",
    ],
)
def test_a_request_told_through_someone_or_raised_is_a_request(text):
    assert "problem.request" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: I asked the risk team for six months of data.",
        "Situation: Last spring we raised $20M to expand into lending.",
        "Situation: About 85% of members offered the round-up account accepted it.",
    ],
)
def test_the_candidate_asking_or_raising_money_and_a_high_uptake_are_no_problem(text):
    found = signals(text)
    assert "problem.request" not in found
    assert "problem.customer_pain" not in found


def test_overdraft_fees_counted_in_the_research_size_the_pain():
    text = (
        "Situation: Treasurers kept asking for more frequent balance files. "
        "Action: I looked at a year of charges and found about $900K of overdraft fees on days with big wires."
    )
    assert "problem.sized" in signals(text)


def test_problem_levels_rise_with_scale_stakes_and_benchmark():
    words = "Situation: Freelancers on our platform were frustrated that invoices got paid late."
    sized = "Situation: 26% of invoices were paid more than 30 days late, and freelancers were frustrated."
    costly = (
        "Situation: 26% of invoices were paid more than 30 days late, double the rate at our main competitor, "
        "and each late invoice cost a freelancer about $40 in overdraft fees."
    )
    assert level(words, "problem_depth") == 2
    assert level(sized, "problem_depth") == 3
    assert level(costly, "problem_depth") == 4


# --- cause.reframe -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The problem wasn't the fee; it was the surprise at the till.",
        "The real issue was not speed at all.",
        "The export wasn't the obstacle.",
        "Owners weren't careless, they were juggling three bank portals.",
        "People didn't want a bigger limit; they wanted their money the same day.",
        "Drivers didn't need more stations as much as they needed to know which ones worked.",
        "What merchants actually needed was a way to settle in euros.",
        "Customers were asking for speed, but what really hurt was not knowing where they stood.",
        "It turned out the issue was the cutoff time, not the reminder.",
        "The ask was a retry button; the need was a way to take payment offline.",
        "The answer was not a cheaper conversion but no conversion at all.",
        "Reminders would have solved the wrong problem.",
        "It wasn't about the interest rate.",
        "They said they wanted a refund button, but what they needed was a way to stop the charge.",
        "The payment method was worth about a day. The real delay was the lender's payoff letter.",
        "A lower fee would have changed nothing for their employees.",
        "For applicants it was really a trust thing more than wanting to upload pay stubs.",
        "The delays were mostly a paperwork problem more than a system one.",
    ],
)
def test_a_stated_problem_contrasted_with_the_real_one(sentence):
    assert "cause.contrast" in signals(sentence)


def test_a_denial_answered_in_the_next_sentence():
    text = "Borrowers hadn't forgotten the due date. They simply got paid two days after it."
    assert "cause.contrast" in signals(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Risk wasn't thrilled; they were worried about prepayment revenue.",
        "We didn't have budget for a vendor, but we had two engineers free.",
        "The legal team wasn't convinced. They wanted a second review.",
        "It wasn't cheap, but it was worth every cent.",
        "It was not easy, but we got it done.",
        "We didn't need approval because we needed speed.",
        "The integration wasn't ready. It needed another month.",
        "The problem was the timeout.",
        "I asked them why, and it confirmed the request.",
        "The delay was two business days.",
        "The new flow was really popular, more than we hoped.",
    ],
)
def test_disagreement_moods_and_plain_causes_are_not_a_reframe(sentence):
    assert "cause.contrast" not in signals(sentence)


def test_research_that_states_what_it_found_is_some_why_analysis():
    found = (
        "Situation: About 15% of new accounts cancelled in their first 90 days. "
        "Action: I looked at the cancellation reasons and the product analytics and saw that accounts that "
        "never imported their staff list in week one were far more likely to cancel. I built an import wizard."
    )
    looked = (
        "Situation: About 15% of new accounts cancelled in their first 90 days. "
        "Action: I looked at the cancellation reasons and the product analytics. I built an import wizard."
    )
    assert "cause.probed" in signals(found)
    assert level(found, "root_cause") == 2
    assert "cause.probed" not in signals(looked)


def test_a_pivot_counts_only_after_research_into_a_request():
    blind = "Members kept asking for Apple Pay. I shipped wallet provisioning in two taps instead of typing the card number."
    researched = (
        "Members kept asking for a travel notice. I called 20 members who had been declined abroad. "
        "So instead of a notice form, I proposed a real-time confirmation push."
    )
    assert "cause.reframe" not in signals(blind)
    assert "cause.reframe" in signals(researched)


def test_research_finding_what_customers_did_not_know_behind_their_ask_is_a_reframe():
    found = (
        "Customers asked for a faster transfer form. I pulled 3,000 rejected transfers and called 20 customers. "
        "Most rejections were titles typed differently from the other broker's records. "
        "Customers had no idea the titles had to match."
    )
    # Unaware before any research, or with no request to look behind, is not a reframe.
    assumed = (
        "Customers had no idea the titles had to match. Customers asked for a faster transfer form. "
        "I pulled 3,000 rejected transfers and called 20 customers."
    )
    unasked = (
        "I pulled 3,000 rejected transfers and called 20 customers. Customers had no idea the titles had to match."
    )
    assert "cause.reframe" in signals(found)
    assert "cause.reframe" not in signals(assumed)
    assert "cause.reframe" not in signals(unasked)


@pytest.mark.parametrize(
    "sentence",
    [
        "No customer had ever mentioned the recycled numbers.",
        "Nobody asked us for a payout calendar.",
        "None of them could tell the photo was blurry.",
        "Customers couldn't have told us that; they didn't even know it was happening.",
    ],
)
def test_needs_customers_could_not_state(sentence):
    assert "cause.unarticulated" in signals(sentence)


def test_customers_told_me_after_research_is_voiced_but_the_request_is_not():
    researched = "I interviewed 14 tenants who had bounced a payment. Several told me straight out that the fee wasn't the issue."
    request_only = "Everyone, including customers, said the problem was speed."
    assert "cause.voiced" in signals(researched)
    said = "I called 20 merchants who had left us. Several said they didn't want dollars at all."
    assert "cause.voiced" in signals(said)
    assert "cause.voiced" not in signals(request_only)


def test_root_cause_levels_from_request_to_unarticulated_need():
    factory = "Situation: Riders kept asking for saved cards. Action: I wrote the spec and we shipped saved cards in a sprint."
    probed = (
        "Situation: Riders kept asking for saved cards. Action: I asked a few riders why they wanted it, and they said "
        "typing the number was slow, so I built saved cards."
    )
    voiced = (
        "Situation: Riders kept asking for saved cards. Action: I interviewed 15 riders. Several told me the real problem "
        "was fear of being charged twice, so instead of saved cards I proposed a charge preview."
    )
    unstated = (
        "Situation: Riders kept asking for saved cards. Action: I interviewed 15 riders and read 400 failed payments. "
        "The problem wasn't typing the number; most cards failed on an expired billing address. No rider had ever mentioned "
        "the address, so instead of saved cards I proposed an address check."
    )
    assert level(factory, "root_cause") == 0
    assert level(probed, "root_cause") == 2
    assert level(voiced, "root_cause") == 3
    assert level(unstated, "root_cause") == 4


def test_feature_factory_flag_follows_a_request_built_as_asked():
    factory = review(
        "Situation: Landlords kept asking for a CSV export. Action: The team built the export and it shipped on time."
    )
    reframed = review(
        "Situation: Landlords kept asking for a CSV export. Action: I called 12 landlords. The export wasn't the "
        "obstacle; their accountants needed a ledger feed, so instead of a CSV I built a ledger connector."
    )
    assert "feature_factory" in {f.id for f in factory.flags}
    assert "feature_factory" not in {f.id for f in reframed.flags}


def test_a_spoken_story_without_headings_reaches_an_unarticulated_need():
    text = (
        "Okay so, um, I ran repayments at a pay-later lender. People were, like, missing installments and getting hit "
        "with late fees. And the ask from basically everyone was more reminders. So I joined a bunch of collections "
        "calls and read maybe 300 chat transcripts. Nobody had ever asked us to move the date; they assumed it was "
        "fixed. So instead of more reminders I pushed for letting people pick their due date."
    )
    assert level(text, "problem_depth") == 2
    assert level(text, "root_cause") == 4


def test_staff_of_the_customer_are_not_our_staff():
    text = (
        "Situation: Employers told us payday felt risky: 4% of payroll runs failed, and every failure meant their "
        "staff were paid late."
    )
    found = signals(text)
    assert "problem.internal" not in found
    assert {"problem.customer_pain", "problem.quantified"} <= found


# --- problem.setup: pain told in plain words, declared internal customers ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # leaving: closing, returning, moving money away
        "Situation: About a third of new savers shut their accounts within six months.",
        "Situation: Nearly one in five buyers sent the scooter back inside the trial window.",
        "Situation: Small firms were moving their money to rival banks every quarter.",
        # distress and forced effort
        "Situation: Patients would see a red number in the portal and panic.",
        "Situation: Every spring, parents had to type the whole allergy form again from scratch.",
        # blocked
        "Situation: Our fraud rules were locking out carers who logged in for an elderly relative.",
        # contacts in countable numbers
        "Situation: Calls from drivers asking where their payout was ran at 7,000 a month.",
        # a service failing them, told as engineers tell it
        "Situation: During the filing deadline our cache served taxpayers stale credit calculations.",
        "Situation: Shoppers in Europe hit a 12-second latency spike at checkout.",
        # few getting through, told as the share who did
        "Situation: Only 41% of sellers who opened the payout form ever finished it.",
        "Situation: Just 7% of eligible members applied for the overdraft buffer.",
        # an offer few took up
        "Situation: Barely 4% of the cafes we pre-approved took up the loan.",
        "Situation: Fewer than 6% of members offered the round-up account accepted it.",
        "Situation: Just 9% of eligible freelancers opted in to instant payouts.",
        "Situation: A third of the shops we signed never processed a single card payment.",
        # money that came back unpaid, and the customer out of pocket meanwhile
        "Situation: About 6% of payouts to sellers in Kenya came back from their bank.",
        "Situation: Tenants were out $400 each month while the deposit sat with the agent.",
    ],
)
def test_a_customer_pain_told_in_plain_words_is_a_pain(text):
    assert "problem.customer_pain" in signals(text)
    assert level(text, "problem_depth") >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Situation: I owned the loyalty app at a chain of gyms with 90 sites.",
        "Situation: The roadmap for the quarter had four themes and two of them were mine.",
        "Situation: About 62% of members who opened the app completed a transfer in their first week.",
        "Situation: Many customers came back to the app after the redesign.",
    ],
)
def test_a_setting_without_a_hurt_is_no_pain(text):
    assert "problem.customer_pain" not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: My customers here were the 600 tellers in our branches, and their cash drawer tool kept crashing.",
        "Situation: For this project our users were the compliance analysts, who wasted hours on manual checks.",
        "Situation: My internal customers were the claims adjusters on the second floor.",
        "Situation: My customers were the 60 analysts on our payments operations desk, who re-keyed every case.",
        # told with the place between, or the other way round
        "Situation: My users at the Leeds branch of the bank were our 90 mortgage underwriters, who typed each case twice.",
        "Situation: Developers are the customers of a platform team, and ours waited three days for each deploy.",
        "Situation: The collections teams, who are really my customers, lost two hours a day to a slow screen.",
        "Situation: Our risk analysts were basically our users, and their queue took a week to clear.",
        # workers who work for the company
        "Situation: My users were our 300 warehouse workers, whose scanners lost every tenth parcel.",
    ],
)
def test_customers_declared_to_be_colleagues_are_no_customer_problem(text):
    assert "problem.internal" in signals(text)
    assert level(text, "problem_depth") == 0


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Our customers were small landlords, and 14% of their rent transfers bounced.",
        # teams at the companies that buy from us are customers, in a business-to-business product
        "Situation: Our users were the accounts-payable teams at about 300 property firms, and 40% of their "
        "payments reached contractors a day late.",
        "Situation: My users were the payroll managers across 1,200 client employers; 8% of their pay runs failed.",
        "Situation: Our users are the front-desk staff at roughly 300 dental clinics we sell to; 18% of their "
        "card payments failed at the terminal.",
        # workers are who many products serve: migrant, gig and farm workers are customers
        "Situation: Most of our users are farm and factory workers abroad, and 20% of what they send home "
        "arrives two days late.",
        "Situation: Our customers are gig workers paid by three apps; one in six of their cash-outs failed.",
    ],
)
def test_real_customers_named_beside_staff_are_not_internal(text):
    assert "problem.internal" not in signals(text)
    assert level(text, "problem_depth") >= 3


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Shop owners are the customers of our card reader, and 12% of their payouts landed a day late.",
        "Situation: The finance teams at 40 credit unions, who are our customers, saw 30% of their payments fail.",
    ],
)
def test_people_outside_called_the_customers_are_customers(text):
    assert "problem.internal" not in signals(text)
    assert level(text, "problem_depth") >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Situation: 19% of first-time depositors gave up at the ID check, against roughly 8% at comparable neobanks.",
        "Situation: Borrowers failed the income step twice as often as the industry report suggested.",
        "Situation: One refund in six was late, while other similar lenders managed one in forty.",
        "Situation: 52% of applicants quit at the statement upload, when every other step was around 20%.",
    ],
)
def test_a_benchmark_told_in_any_words(text):
    assert "problem.benchmark" in signals(text)


def test_a_hurt_to_a_financial_product_is_at_stake_for_the_customer():
    # A failed repayment is the customer's money even when no sum is named.
    assert "problem.stakes" in signals("Situation: 12% of scheduled repayments failed on the first attempt.")
    assert "problem.stakes" not in signals("Situation: 12% of quiz attempts failed on the first try.")


def test_a_pain_named_only_by_its_label_is_a_request_level_problem():
    text = "Situation: Onboarding was a known customer pain point at our wealth app."
    assert level(text, "problem_depth") == 1


# --- cause.reframe: the need beneath the ask in other words ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Action: I called 15 sellers. What actually went wrong was that payouts landed after rent was due.",
        "Action: I read 200 chats. It wasn't a cheaper plan people wanted, it was knowing the price upfront.",
        "Action: I read 200 chats. The request for more reminders was really a request for a later due date.",
        "Action: I sat with the support team. What held most owners back was the tax form, not the fee.",
        "Action: I pulled 900 declined cards. Expired addresses were the main reason, not fraud.",
        "Action: I interviewed 12 tenants. The deposit was not what hurt; the two-week wait was.",
        "Action: Tenants asked for chat, but the chats were all the same question about arrival times.",
        "Action: I phoned 20 members. The fault was almost never the member's mistake.",
    ],
)
def test_the_real_need_named_against_the_request(text):
    assert "cause.contrast" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Action: I built the export they asked for, and it shipped in May.",
        "Action: Sellers asked for weekly payouts, but engineering said it would take a quarter.",
        "Action: It was not easy to get time with the data team.",
    ],
)
def test_no_contrast_without_a_real_need(text):
    assert "cause.contrast" not in signals(text)


def test_a_denial_by_the_customers_answered_by_what_the_team_did_counts():
    text = "Action: I called 30 stalled merchants. They weren't waiting on us; we were waiting on them for a form."
    assert "cause.contrast" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Action: I listened to 40 calls. Not one caller linked the late fee to the new card.",
        "Action: I read 300 tickets. No one on those calls described it that way.",
        "Action: I read 300 tickets. They never said so; they simply stopped paying.",
    ],
)
def test_a_need_customers_could_not_state(text):
    assert "cause.unarticulated" in signals(text)


def test_customers_who_could_not_know_or_blamed_us_are_unaware():
    assert "cause.unaware" in signals("Action: Borrowers had no way of knowing the threshold existed.")
    assert "cause.unaware" in signals("Action: The issuer blocked it silently, so buyers thought it was us.")
    assert "cause.unaware" not in signals("Action: Buyers knew the limit and planned around it.")


def test_customers_stating_the_need_themselves_keep_root_cause_at_three():
    voiced = (
        "Situation: Savers asked for a higher rate. Action: I interviewed 25 savers. In their own words, they "
        "wanted to reach the money in an emergency. The rate wasn't the problem; access was. So instead of a "
        "higher rate I built instant withdrawals."
    )
    assert "cause.voiced" in signals(voiced)
    assert level(voiced, "root_cause") == 3


def test_a_counted_reframe_without_sign_of_an_unstatable_need_is_three_not_four():
    text = (
        "Situation: Shoppers asked for a longer return window. Action: I read 400 return tickets. The window "
        "wasn't the problem; the label printer was. So instead I added QR-code returns."
    )
    assert level(text, "root_cause") == 3


@pytest.mark.parametrize(
    "request_text",
    [
        "Situation: Instant top-ups were the most upvoted idea in our forum.",
        "Situation: 'Pay by bank' had topped our member surveys for a year.",
    ],
)
def test_a_ranking_of_asks_is_a_request(request_text):
    assert "cause.request" in signals(request_text)


def test_trying_out_the_build_is_not_probing_the_request():
    tried = "Situation: Members kept asking for round-ups. Action: I ran a beta with 2,000 members and shipped it."
    probed = "Situation: Members kept asking for round-ups. Action: I called 14 members about their savings habits."
    assert "cause.probed" not in signals(tried)
    assert "cause.probed" in signals(probed)


def test_a_result_told_first_does_not_hide_the_story():
    text = (
        "Result: a year on, members kept twice as much in savings. Situation: Members asked for a higher "
        "interest rate. Action: I interviewed 20 members. Nobody had asked for access, but the rate wasn't the "
        "problem; they feared locking money away. So instead I built same-day withdrawals."
    )
    found = signals(text)
    assert {"cause.contrast", "cause.reframe"} <= found


def test_a_count_of_asks_sizes_the_request_not_a_pain():
    asked = "Situation: Bill splitting was the most requested feature in our app store reviews, with 2,600 mentions."
    hurt = "Situation: 2,600 renters a month missed rent because the split payment failed."
    assert "problem.quantified" not in signals(asked)
    assert level(asked, "problem_depth") == 1
    assert "problem.quantified" in signals(hurt)


def test_delays_told_as_moved_dates_are_a_pain_but_splitting_work_is_not():
    assert "problem.customer_pain" in signals("Situation: 22% of home inspections were rescheduled at least once.")
    assert "problem.customer_pain" in signals("Situation: Almost a third of closings got postponed by a week.")
    assert "problem.customer_pain" not in signals("Situation: I broke the launch into three phases for the team.")


# --- round 2: families of wording beyond the tuned stories ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Situation: About 15% of gift transfers were never claimed, and the money sat in limbo for weeks.",
        "Situation: Many first-time traders were unsure where their cash went after they tapped sell.",
        "Situation: One in ten new employers got a penalty from the tax office in their first quarter.",
        "Situation: A forgotten test server could run up a $9,000 bill, and founders found out when the invoice came.",
        "Situation: Office managers spent hours every month chasing missing receipts from staff.",
        "Situation: Almost a fifth of delivered substitutions were refused at the door and went to waste.",
    ],
)
def test_pains_told_as_loss_doubt_sanction_or_burden(text):
    assert "problem.customer_pain" in signals(text)
    assert level(text, "problem_depth") >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Alerts that never led anywhere were deleted from the rota.",
        "Situation: Our squad met every morning to plan the sprint.",
        "Situation: I was asked to consolidate our three identity vendors and cut spend by a third.",
    ],
)
def test_internal_chores_and_assignments_are_no_customer_pain_or_request(text):
    found = signals(text)
    assert "problem.customer_pain" not in found
    assert "problem.request" not in found


def test_a_problem_told_before_the_staff_who_answered_it_is_the_customers():
    text = (
        "Situation: Overdraft disputes were the largest category of tickets, 9,000 a month, and the ops team "
        "wanted to hire more agents to answer them."
    )
    assert "problem.internal" not in signals(text)
    assert level(text, "problem_depth") >= 1
    staff_first = "Situation: Our engineers were exhausted, answering 900 pages a month from noisy alerts."
    assert level(staff_first, "problem_depth") == 0


@pytest.mark.parametrize(
    "text",
    [
        "Situation: In every survey, members kept saying the same thing: let me freeze my card from the app.",
        "Situation: Instant payouts were the number-one verbatim in our seller survey.",
        "Situation: Landlords were telling us the deposit screen made no sense.",
    ],
)
def test_requests_told_as_repeated_sayings(text):
    assert "problem.request" in signals(text)


def test_a_story_with_no_setting_labelled_still_opens_on_its_setting():
    text = (
        "Freelancers using our billing app told us in interviews that they wanted to take card payments. "
        "I asked why and they said their clients settle faster by card. I added a card option to invoices. "
        "Invoices with the option were paid in 8 days on average instead of 19."
    )
    assert level(text, "problem_depth") >= 1
    assert review(text).archetype != "off_topic"


@pytest.mark.parametrize(
    "sentence",
    [
        'Action: So it\'s not "the app is slow," it\'s "I can\'t get paid before rent is due."',
        "So it was timing, not another reminder.",
        "The late fees were a symptom of the refund arriving after the next debit.",
        "The dispute only existed because we never matched the ATM's own log.",
        "A pause button would have put the work on the borrower, who already had no idea why.",
        "I rewrote the task for myself as: no seller should wait for money we already hold.",
    ],
)
def test_reframes_told_as_restatement_symptom_or_shifted_burden(sentence):
    assert "cause.contrast" in signals(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It was not easy, but I got the budget.",
        "It was a long quarter, not a fun one.",
        "The button would have put us behind schedule.",
        "It's not a bank, it's a library of your money.",
    ],
)
def test_plain_hardship_and_descriptions_are_not_a_reframe(sentence):
    assert "cause.contrast" not in signals(sentence)


def test_a_denial_by_the_customers_inside_a_longer_sentence_then_its_answer():
    text = (
        "Action: I listened to 60 collection calls, and on the ones that connected I noticed borrowers weren't "
        "refusing to pay. They were ashamed to pick up."
    )
    assert "cause.contrast" in signals(text)
    team = "Action: I listened to 60 calls, and I noticed we weren't tracking promises. They were lost in notes."
    assert "cause.contrast" not in signals(team)


@pytest.mark.parametrize(
    "text",
    [
        # Research that only confirms the ask.
        "Situation: Members kept asking for a card lock. Action: I ran a survey of 500 members to confirm demand, and built the lock.",
        # The request sentence is not research because it names a place.
        "Situation: Members kept asking at the branches for a card lock. Action: I built the lock in the app.",
        # Buzzwords wrapped round the request.
        "Situation: Users kept asking for a staking page. Action: We did a deep dive and looked at the voice of the customer, then built it.",
    ],
)
def test_confirming_or_restating_the_request_is_not_probing_it(text):
    found = signals(text)
    assert "cause.probed" not in found
    assert review(text).archetype == "feature_factory"


def test_the_candidates_own_research_inside_the_request_sentence_probes_it():
    text = "Action: I surveyed 700 riders: they wanted to skip the queue at the gate, so I built live wait times."
    assert "cause.probed" in signals("Situation: Riders kept asking for a faster gate. " + text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: What the controllers asked for was a stricter reminder. Action: I added one.",
        "Situation: Saved payees had topped every list for two years. Action: I built them.",
    ],
)
def test_requests_named_by_whoever_asked_feed_the_feature_factory_flag(text):
    assert "cause.request" in signals(text)
    assert "feature_factory" in {f.id for f in review(text).flags}


def test_research_into_a_complaint_is_some_why_analysis_but_not_a_feature_factory():
    text = (
        "Situation: Users kept telling us in reviews that their spending categories were wrong. "
        "Action: I called about a dozen reviewers and asked why the categories mattered to them. "
        "I built the re-categorise option they described."
    )
    assert "cause.probed" in signals(text)
    assert level(text, "root_cause") == 2
    assert "feature_factory" not in {f.id for f in review(text).flags}
    unprobed = "Situation: Users kept telling us in reviews that their categories were wrong. Action: I built a re-categorise option."
    assert "cause.probed" not in signals(unprobed)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: A quarter of the e-mails reaching our service desk were from shoppers asking where a refund was; turnaround was three business days.",
        "Situation: Policyholders wrote in every week, and the turnaround time was five days.",
    ],
)
def test_a_slow_turnaround_is_a_pain(text):
    assert "problem.customer_pain" in signals(text)


def test_an_option_hidden_in_the_menus_is_not_a_pain():
    assert "problem.customer_pain" not in signals("Situation: A statement-credit option sat buried in a submenu.")


# --- round 3: plainer wordings of pain, contacts and found causes ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        # giving up on a feature
        "Situation: A fifth of the couples who set up a shared budget turned the alerts off in the first week.",
        "Situation: Many savers opted out of round-ups after one month.",
        # time eaten by the process, told without "took N days"
        "Situation: Landlords said onboarding took forever.",
        "Situation: The average applicant needed 19 days to get from signature to a first payout.",
        "Situation: Matching receipts by hand ate up their whole Friday.",
        # money arriving short of what was promised
        "Situation: Senders found that their families received less than they expected.",
    ],
)
def test_giving_up_waiting_and_short_money_are_pains(text):
    assert "problem.customer_pain" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: The alerts were turned on for every new account by default.",
        "Situation: Landlords said onboarding was fine but wanted a dark mode.",
        "Situation: Our bakers needed flour delivered twice a week.",
    ],
)
def test_settings_and_wishes_are_not_pains(text):
    assert "problem.customer_pain" not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: About 900 renters a month contacted us to ask why their deposit was held.",
        "Situation: Roughly 2,000 sellers a week called support about missing payouts.",
        "Situation: Each month around 600 members wrote in because a transfer had not arrived.",
    ],
)
def test_customers_reaching_out_in_countable_numbers_is_a_sized_pain(text):
    found = signals(text)
    assert {"problem.customer_pain", "problem.quantified"} <= found
    assert level(text, "problem_depth") >= 3


def test_a_feature_switched_off_by_a_share_of_customers_is_a_sized_problem():
    words = "Situation: Parents who turned on spending limits often switched them off again."
    sized = "Situation: 22% of parents who turned on spending limits switched them off within a month."
    assert level(words, "problem_depth") == 2
    assert level(sized, "problem_depth") == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Action: We interviewed borrowers and found the hold-up was the payslip upload, not our app.",
        "Action: The real gap was that a declined card gave no way out at the till.",
        "Action: I traced most of the failed transfers back to a sort-code typo.",
        "Action: The late payments came down to the day wages landed.",
        "Action: I went through the rejected claims and found most were missing one form.",
    ],
)
def test_a_cause_found_beneath_the_surface_is_a_contrast(sentence):
    assert "cause.contrast" in signals(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The launch was on time.",
        "I found the notes from last year's review.",
        "Most of the team came from a bank.",
        "It came in on budget.",
    ],
)
def test_plain_findings_without_a_cause_are_not_a_contrast(sentence):
    assert "cause.contrast" not in signals(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Drivers hated having to ring the depot to change a shift.",
        "Situation: Shoppers were fed up with typing their card number on every order.",
        "Situation: Users told us the spending categories were often wrong, so budgets never added up.",
        "Situation: Transfers to an outside account took one to two business days.",
    ],
)
def test_dislike_wrong_data_and_slow_money_are_pains(text):
    assert "problem.customer_pain" in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Guests kept complaining that they couldn't pick a room floor in the app.",
        "Situation: Members asked for a way to rename their pots because they could not tell them apart.",
        "Situation: Patients complained they were unable to choose a doctor online, only a time slot.",
    ],
)
def test_a_complaint_about_a_missing_option_is_a_request_level_problem(text):
    assert "problem.customer_pain" not in signals(text)
    assert level(text, "problem_depth") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Renters kept writing in because they could not see which flatmate had paid.",
        "Situation: Sellers complained they couldn't withdraw their balance, and 3,000 a month called support about it.",
    ],
)
def test_a_missing_option_that_drives_contacts_is_a_pain(text):
    assert "problem.customer_pain" in signals(text)


def test_a_target_for_the_work_does_not_size_the_problem():
    target = (
        "Situation: 'Let me skip the queue' topped our customer surveys. "
        "Task: My goal was 30% of eligible renters using express pickup by June."
    )
    sized = (
        "Situation: 'Let me skip the queue' topped our customer surveys. "
        "Task: 30% of renters waited more than 40 minutes at the desk."
    )
    assert level(target, "problem_depth") == 1
    assert level(sized, "problem_depth") == 3


@pytest.mark.parametrize(
    "text",
    [
        "Situation: Borrowers were phoning us (~700/mo) because their repayment bounced.",
        "Situation: Around 40 per wk of our sellers had a payout rejected.",
        "Situation: Tenants complained about failed rent transfers, 1,200/month at the peak.",
    ],
)
def test_a_rate_written_short_sizes_the_pain(text):
    assert "problem.quantified" in signals(text)


def test_a_version_number_or_date_is_not_a_rate():
    assert "problem.quantified" not in signals("Situation: Shoppers were annoyed that release 2/3 of the app was slow.")


@pytest.mark.parametrize(
    "finding",
    [
        "And what happens is, on Android the bank's page loses the session when you switch apps.",
        "And it turns out the customers were home; the drivers couldn't find the gate.",
        "I also found that 41% of challenges were on orders under €100 that qualified for an exemption.",
    ],
)
def test_a_finding_told_aloud_after_research_names_the_cause(finding):
    story = (
        "Situation: Merchants kept asking us to switch the security check off. "
        f"Action: I replayed 300 of the failed sessions on three phones. {finding}"
    )
    assert "cause.contrast" in signals(story)


@pytest.mark.parametrize(
    "told",
    [
        "And it turns out we shipped it in March.",
        # how the cases ended, not what the research found
        "Action: I replayed 300 of the failed sessions; the low-value ones seldom turned out fraudulent.",
        "Action: I replayed 300 of the failed sessions, and in the end it all turned out fine.",
    ],
)
def test_a_finding_with_no_research_before_it_or_an_outcome_of_cases_is_no_cause(told):
    story = f"Situation: Merchants kept asking us to switch the check off. {told}"
    assert "cause.contrast" not in signals(story)


def test_a_customers_mistaken_belief_in_the_second_person_is_unaware():
    assert "cause.unaware" in signals("Action: You come back to a blank screen, and you think the payment failed.")


def test_a_denial_answered_by_what_each_case_did_is_a_contrast():
    story = (
        "Situation: Users asked for a refund button for stuck top-ups. "
        "Action: I went through 200 of the stuck cases with our operations team. Most weren't system failures. "
        "Each top-up got a number that expired after an hour, and people paid to the expired number."
    )
    assert "cause.contrast" in signals(story)


# A cause told in plain words, with no cause vocabulary: the tagger's real_cause names level 2's
# why-analysis; reframing the solution around it (level 3) still takes the detectors.
GHANA = (
    "Situation: Our lender in Ghana collected loan repayments by mobile money, and 18% of collections failed "
    "each month. Traders asked us for a reminder the day before. Action: I went through 200 failed collections "
    "with our ops lead. "
)


def test_a_cause_told_in_plain_words_is_some_why_analysis():
    text = GHANA + (
        "Our collection ran on the 1st, but most of these traders only had cash after market day on the 10th, "
        "so the wallet was empty."
    )
    assert "role.real_cause" in signals(text)
    assert level(text, "root_cause") == 2


def test_method_names_with_a_number_in_them_are_still_vocabulary():
    # "five whys" holds a number, but it is a method's name: the sentence says nothing concrete
    text = GHANA + "I used root cause analysis and the five whys to understand the real need behind the ask."
    assert level(text, "root_cause") <= 1
