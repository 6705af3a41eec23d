"""The customer's problem in the setup: whose it is, how it hurts, how big it is, against what."""

from __future__ import annotations

import re

from ...parse import Document, Sentence
from ...parse.matcher import compile_lower
from ..casefold import fold
from ..evidence import Detection
from ..registry import detector
from .regions import cite, setup_sentences, vocab_regex

DIMENSION = "problem_depth"

# Patterns are compiled lowered (compile_lower) and match folded text (see casefold).

# A customer asking or complaining: the surface of a problem (level 1); also what root cause looks behind.
REQUEST = compile_lower(
    # Not the candidate asking, nor the candidate being asked by the company ("I was asked to").
    r"\b(?<!\bI )(?<!\bwe )(?<!\bWe )(?:(?:ask(?:ing|s)?|(?<!\bwas )(?<!\bwere )(?<!\bbeen )asked) (?:us |me |(?:their|our|the) (?:[\w-]+ ){1,2}?)?(?:for|to|about)|"
    # an issue brought to us: "dozens of merchants raised it with support"
    r"raised (?:it|this|that|the (?:issue|problem|question)|concerns?|complaints?)|"
    r"kept (?:asking|requesting|telling (?:us|me)|saying|writing in)|(?:were|are) (?:telling|writing to) (?:us|me)|request(?:ed|ing|s)?|"
    r"want(?:ed|s)?|complain\w*|complaints?|upvoted|(?:top|loudest|most common|obvious|biggest) (?:request|ask)|"
    # A pain named only by its label, with nothing of it shown.
    r"pain[- ]points?|the (?:\w+ )?ask\b|"
    r"most (?:voted|requested|upvoted)|votes|number[- ]one (?:verbatim|theme|request|ask|complaint)|topped (?:\w+ ){0,2}(?:surveys?|lists?|polls?|requests?)|reasons? (?:\w+ ){0,2}(?:gave|given|cited))\b",
)
# A customer hurt by something: failure, loss, delay, fear, effort.
_PAIN = compile_lower(
    r"\b(?:drop(?:s|ped|ping)?[- ]?(?:off|out)|abandon\w*|never (?:made|used|opened|bought|spent|tried|logged in|signed in|topped up|swept|processed|transacted|activated|funded|deposited|transferred|converted|onboarded|ordered|booked|redeemed|enrolled|applied|ran|took)\b|never (?:finished|completed|came back|returned|restarted|arrived|got|"
    r"heard back|received|claimed|reached|showed up|made it|cleared|settled|posted|landed|paid out|activated)|in limbo|"
    # Charged or sanctioned without warning: a penalty, a runaway bill found out too late.
    r"penalt(?:y|ies)|fined|fines|surcharged?|bill[- ]shock|runaway|r[au]n up|(?:only )?found out (?:only )?(?:when|after|from)|"
    r"g[ai]ve up|bail(?:ed|ing|s)?|quit|walk(?:ed)? away|churn\w*|lapse[sd]?|fail(?:s|ed|ing|ures?)?|declin(?:e|ed|es)|bounc\w+|reject(?:s|ed|ing|ions?)|"
    # money that came back unpaid, and the customer out of pocket meanwhile
    r"(?:transfers?|payments?|money|funds|debits?|payouts?|remittances?) (?:[\w-]+ ){0,4}?(?:came|comes|come|coming) back\b|"
    r"(?:are|were|is|was|'re) out (?:of pocket|[$£€]\s?[\d,]*\d)|"
    r"confus\w+|unsure|uncertain|(?:had|have) no idea|vanish\w*|disappear\w*|missing|frustrat\w+|annoy\w+|upset|unhappy|dissatisfied|disappointed|angry|anxi\w+|afraid|scared|fear\w*|stress\w*|embarrass\w*|"
    r"stuck|stranded|delay(?:s|ed)?|reschedul\w*|postpon\w*|wait(?:s|ed|ing)?|held|holds?|late(?! check-?out)|missed|no[- ]shows?|lost|losing|lose|broke down|broken|"
    r"hard to|struggl\w+|slow|too long|tedious|cumbersome|painful|(?:could ?n[o']?t|can ?n[o']?t|unable to)|no way to|surpris\w+|misdirected|wrong (?:person|account|amount)|(?:was|were|came out|showed up) (?:often |usually |always )?(?:wrong|incorrect|inaccurate)|"
    r"dormant|cancel\w*|paus(?:e|ed|es|ing)|locked|overdr\w+|charged|stole\w*|hijack\w*|"
    r"mistakes?|defrauded|scammed|tricked|cost(?:s|ing)? (?:a |an |each |every )?(?:them|their|customers?|users?|members?|owners?|"
    r"borrowers?|sellers?|merchants?|farmers?|families|households?|employers?|drivers?|riders?|tenants?|patients?)|"
    # Time lost waiting on us: "the average repair took 3.4 days".
    r"(?:took|takes|needed|needs|waited) (?:\w+ ){0,4}?(?:days|weeks|months)|took (?:forever|ages)|(?:ate|eats|eating) (?:up )?(?:their|a|whole) \w+|"
    r"(?:break|breaks|broke|breaking) down|"
    # Leaving: closing, returning, moving money out, not coming back.
    r"(?:clos(?:e|ed|es|ing)|shut(?:s|ting)?) (?:down )?(?:the |their |an? )?(?:accounts?|cards?)|sen[dt] (?:\w+ ){0,2}back|returns|returned|outflows?|"
    r"mov(?:e|ed|ing) (?:their )?money|left (?:us|for)|switch(?:ed|ing)? (?:to|away)|forfeit\w*|(?:goes|went|going) to auction|"
    r"stopp?(?:ed|ing) (?:\w+ing|using|paying)|(?:do|does|did) ?n[o']?t come back|never tried again|never \w+ at all|"
    # Giving up on a feature: "switched the limits off", "opted out", "uninstalled the app".
    r"(?:switch|turn)(?:ed|ing|s)? (?:\w+ ){0,2}?off|opt(?:ed|ing|s)? out|uninstall\w*|unsubscrib\w*|"
    r"less (?:money )?than (?:they |he |she )?(?:expected|were told|were promised)|"
    # Few getting through, told as the share who did: "only 46% of people who started completed it".
    r"(?:only|just|barely|fewer than|less than) (?:about |around |roughly |~)?\d[\d.,]*\s?(?:%|percent)(?: of [^.;]{0,60}?)? (?:ever |actually |successfully )?"
    r"(?:completed|finished|got through|made it|activated|applied|signed up|converted|repaid|opened|came back|passed|verified|enrolled|"
    r"used|logged in|returned|stayed|renewed|"
    # an offer few took up: "just 5% of eligible members accepted", "under 8% took up the card"
    r"accepted|took (?:it|them|one|up|the (?:offer|loan|product|card))|opted in|adopted|claimed|enabled|subscribed|upgraded)|"
    # Fear and distress, and the harm named outright.
    r"panic\w*|hat(?:e|ed|es|ing)|dislik\w+|dread\w*|resent\w*|fed up|sick of|tired of|worr(?:y|ied|ies|ying)|nervous|scary|frighten\w*|cried|in tears|bad for (?:them|the customer)|little use|"
    # Effort forced on them, and being blocked.
    r"drown\w*|swamped|overwhelm\w*|chasing|turnaround (?:time )?(?:was|of|took)|spen[dt] (?:\w+ ){0,3}?(?:hours|days|weeks|evenings|weekends)|"
    r"refus(?:e|ed|es|ing|als?)|wast(?:e|ed|es|ing)|"
    r"(?:had|have|has) to (?:\w+ ){0,3}?(?:again|from scratch|by hand|manually|come back|drive|call|re-?enter|retype)|from scratch|"
    r"over and over|lock(?:s|ing|outs?)|block(?:ed|s|ing)|frozen|suspended|turned down|arrived short|"
    # A service that failed them, told as engineers tell it: stale results, latency, timeouts, outages.
    r"stale|latency|laggy|lagg(?:ed|ing)|time(?:d)?[- ]?outs?|timing out|outages?|downtime|went down|crash(?:ed|es|ing)?)\b",
)
# Contact volume is itself a measure of pain.
_CONTACTS = compile_lower(
    r"\b(?:calls|contacts|tickets?|complaints|disputes|chargebacks|reviews|escalations|contact reasons?|e-?mails|"
    r"(?:contacted|called|phoned|emailed|messaged|wrote) (?:us|support|the bank|in|to ask)|writ(?:ing|es) in|reached out)\b",
)
_MEASURE = compile_lower(
    r"\d[\d.,]*\s?(?:%|percent)|[$£€]\s?\d|\b(?:one|two|three|four|five|\d+) (?:in|out of) (?:\w+|\d[\d,]*)\b|"
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s?(?:k|m|bn|million|billion|thousand)\b|"
    r"\b\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?(?:a|per|each) (?:day|week|month|quarter|year)\b|"
    # A rate written short: "~900/mo", "40 per wk".
    r"\b\d[\d,.]*\s?(?:/|per |a )\s?(?:mo|mth|wk|yr|day|week|month|year)\b|"
    # The period told first: "each month around 600 members".
    r"\b(?:each|every) (?:day|week|month|quarter|year),? (?:about |around |roughly |some |nearly |over )?\d[\d,.]*\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|up to \w+|\w+ to \w+) (?:business |working )?(?:days|weeks|hours|minutes)\b|"
    r"\b(?:\d+(?:\.\d+)?|two|three|four|five|ten) ?(?:times|x)\b|\b(?:twice|double|triple|half) (?:the|as|of)\b|"
    r"\b(?:a|one) (?:third|quarter|fifth|tenth) of\b|\b(?:hundreds|thousands|millions) of\b",
)
_SHARE = compile_lower(r"\s*of\b")
# What the customer stands to lose: money, time to money, safety or trust.
_STAKES = compile_lower(
    r"[$£€]\s?\d|\b(?:fees?|interest|payroll|rent|cash flow|out[- ]of[- ]pocket|lost (?:sales|income|revenue)|"
    r"revenue|owe[ds]?|debt|overdraft\w*|bills|savings|money|trust\w*|safety|unsafe|stranded|paychecks?|wages|"
    r"credit scores?|working capital|provisional credit|loan|(?:build|rebuild)(?:ing)? (?:their )?credit|life savings|tuition|"
    r"bills? (?:fell|falls|came) due|late fees?|return fees?)\b",
)
# The problem set against a standard: a benchmark, competitor, segment or ranking.
_BENCHMARK = compile_lower(
    r"\b(?:benchmarks?|industry (?:average|norm|rate|standard)|competitors?|competing|rivals?|market leader|"
    r"(?:the )?category|peers?|twice|double (?:the|our|that)|roughly double|about double|\d+(?:\.\d+)? times|"
    r"(?:two|three|four|five|ten) times|versus|vs\.?|compared (?:to|with)|against [+\-−]?[$£€]?\d[\d.,]*|"
    r"against (?:the|our) \w+|(?:second|third|fourth|fifth)[- ](?:largest|biggest|highest|worst|lowest|most)|"
    r"ranked|second to last|behind the|worse than|than (?:the )?(?:industry|market|category|average)|"
    # Others of the same kind set beside us: "similar credit unions", "its other payroll clients".
    r"(?:other|similar|comparable|rival|leading) (?:[\w-]+ ){0,2}(?:banks|chains|lenders|issuers|unions|providers|apps|firms|"
    r"companies|brokers|insurers|clinics|clients|platforms|shops|stores)|industry (?:report|number|figure|data|survey)|"
    r"against (?:about|around|roughly|nearly|some|only|just) [$£€]?\d[\d.,]*|"
    # the rest of the funnel as the standard: "when every other step was around 20%"
    r"every other (?:[\w-]+ ){1,2}(?:was|were|is|are|sat|stood|ran|had) (?:about |around |roughly |near |at |under |below )?[$£€]?\d)",
)
# The work is for the company itself: its own staff, tools, processes or audits.
_INTERNAL = compile_lower(
    r"\binternal (?:customers?|users?|tools?|teams?|stakeholders?|process\w*|platforms?)\b|"
    r"\b(?:sales|finance|engineering|ops|operations|support|marketing|HR) (?:team|org\w*|leaders?|reps?) (?:was|were|as) "
    r"(?:my|our) (?:customers?|users?)\b|\bsprints?\b|\bkanban\b|"
    r"\bretro(?:spective)?s?\b|\bsquad\b|\bSOC ?2\b|\baudit(?:s|ors?)?\b|\bmonth-end close\b|\bgeneral ledger\b|"
    r"\bmigrat(?:e|ed|ion|ing)\b|\bsales (?:needed|wanted|asked)\b|\bdeals? (?:were |was )?(?:getting )?stuck\b|"
    r"\bsecurity questionnaires?\b|\bvelocity\b",
)

_COLLEAGUES = (
    r"(?:staff|employees|colleagues|regulators?|pickers|packers|agents|reps|auditors|compliance|engineers|developers|"
    r"analysts|teams?|tellers|underwriters|adjusters|recruiters|managers)"
)
# "Workers" is as often who a product serves ("our users are gig workers", "migrant workers") as
# who works for the company: colleagues only when they are the company's own ("our warehouse workers").
_OWN_WORKERS = r"(?:our|my) (?:[\d,]+ )?(?:[\w-]+ ){0,2}?workers"
# The candidate says outright that the "customers" were colleagues or an overseer, not buyers: "my
# customers at the lender were our 140 underwriters", or the other way round, "developers are the
# customers of a platform team", "the card teams, who are really my customers".
_DECLARED_INTERNAL = compile_lower(
    r"\b(?:my|our) (?:internal )?(?:customers?|users?) (?:[\w-]+ ){0,7}?(?:was|were|are|is) "
    rf"(?:(?:the |our |my )?(?:[\d,]+ )?(?:[\w-]+ ){{0,3}}?{_COLLEAGUES}|{_OWN_WORKERS})\b"
    # staff of other companies are customers: "our users were the treasury teams of 300 mid-market firms",
    # "the receiving staff at about 140 warehouses our clients run"
    r"(?!\s+(?:at|in|of|from|across)\s+(?:[\w,-]+\s+){0,6}?(?:companies|businesses|firms|clients|merchants|banks|lenders|"
    r"retailers|brands|organi[sz]ations|employers|customers|warehouses|stores|shops|clinics|hospitals|schools|"
    r"restaurants|hotels|practices|branches of (?:our|their) clients)\b)|"
    rf"\b{_COLLEAGUES},? (?:who )?(?:are|were|became) (?:really |basically |effectively |actually |in effect )?"
    r"(?:the|my|our) (?:internal )?(?:customers?|users?)\b",
)

# People inside the company: their pain is not a customer's.
_STAFF = compile_lower(
    r"\b(?:stakeholders|squad|account executives|auditors|CEO|CFO|COO|CTO|VP|the board|leadership|management|"
    r"the (?:company|business)|my (?:manager|boss|director)|(?:our|my) (?:own )?(?:engineers|developers|staff|employees|colleagues|"
    r"analysts|executives|leadership|managers|agents|reps)|(?:the|my|our) team|(?:sales|finance|engineering|ops|operations|"
    r"marketing|legal|HR|product|data|platform) (?:team|teams|leaders?|leads?|reps?|org\w*|managers?|people)|"
    # any function by its people: "our risk analysts", "the credit team", "our customer success team"
    r"(?:the|our|my) (?:[\w-]+ ){1,2}?(?:team|teams|analysts|engineers|developers|agents|reps|staff|underwriters|operators|committee))\b",
)


_PERCENT = compile_lower(r"%|percent|\bof\s*$")


# A target sets a number for the work ahead, not for the problem: "my goal was 25% of renters using it by June".
_GOAL = compile_lower(r"\b(?:target|goal|aim(?:ed|ing)?|objective|KPI|OKR|set out to|my job was to)\b")


def _quantified(s: Sentence, text: str, sized: bool) -> re.Match | None:
    """A measure that sizes the problem: in a sentence with a hurt, a contact count or a benchmark
    (`sized`), or a share ("23% of buyers", "a third of them") - not a target set for the work.
    `text` is the sentence folded."""
    if s.part == "T" and _GOAL.search(text) and not sized:
        return None
    for m in _MEASURE.finditer(text):
        if sized or _PERCENT.search(m.group()) or _SHARE.match(text, m.end()):
            return m
    return None


# A feature ranked by how often it is asked for: its count sizes the ask, not a hurt.
_RANKED_ASK = compile_lower(
    r"\b(?:(?:most|top|loudest|biggest|number[- ]one)[- ](?:\w+[- ])?(?:requested|requests?|asks?|voted|upvoted)|votes|mentions)\b",
)


# A missing capability ("can't pick their stylist online"): with a complaint or an ask it is a feature
# wish, a minor inconvenience, unless a real hurt is named beside it or it drove them to contact us.
_CANNOT = compile_lower(r"(?:could ?n[o']?t|can ?n[o']?t|unable to|no way to)")


def _pain(text: str, request: re.Match | None) -> re.Match | None:
    """A hurt named, or customers reaching out in countable numbers ("9,000 calls a month") -
    unless the count is of a feature ranked by demand ("the most requested feature, 2,000 mentions").
    `text` is folded."""
    wish = request and not _CONTACTS.search(text)
    pains = [m for m in _PAIN.finditer(text) if not (wish and _CANNOT.fullmatch(m.group()))]
    if pains:
        return pains[0]
    return _MEASURE.search(text) if _CONTACTS.search(text) and not _RANKED_ASK.search(text) else None


@detector(
    "problem.setup",
    signals={
        f"problem.{name}": DIMENSION
        for name in ("request", "customer_pain", "quantified", "stakes", "benchmark", "internal")
    },
)
def problem_setup(doc: Document, rubric, found) -> Detection:
    """The setup's customer problem: asked for, felt, sized, costly, compared - or an internal task instead."""
    customer = vocab_regex(rubric, r"\b(?:{customer})\b")
    # A hurt to a financial product is a hurt to the customer's money: a failed payment, a doubled claim.
    finance = vocab_regex(rubric, r"\b(?:{finance}|{finance_terms}|salar(?:y|ies)|wages|tuition)\b")
    setup = [(s, fold(s.text)) for s in setup_sentences(doc)]
    for s, text in setup:
        if m := _DECLARED_INTERNAL.search(text):
            return Detection((cite("problem.internal", DIMENSION, s, m, polarity="costs"),))
    internal, outside = [], []
    staff_before = False
    for s, text in setup:
        request = REQUEST.search(text)
        pain, inside, staff = _pain(text, request), _INTERNAL.search(text), _STAFF.search(text)
        # A hurt that names nobody goes on with the sentence before: after "the analytics team was
        # drowning", "reports took hours and the nightly jobs failed" is still the team's.
        if staff_before and pain and not staff and not inside and not customer.search(text):
            internal.append((s, pain))
            continue
        # Staff named after the problem answer it ("tickets..., and the sales team wanted to..."); staff named first suffer it.
        problem_first = staff and any(m and m.start() < staff.start() for m in (pain, request))
        # "Customer" in a function's name ("our customer success team") names staff, not a customer.
        named = (
            (customer.search(text[staff.end() :]) or customer.search(text[: staff.start()]) or problem_first)
            if staff
            else None
        )
        if (held := inside or (staff if pain and not named else None)) is not None:
            internal.append((s, held))
        staff_before = bool(staff and pain and not named)
        # Sentences about people outside the company: not an internal process, not staff alone.
        if not inside and (named or not staff):
            outside.append((s, text, pain, request))
    if not any(pain or request for _, _, pain, request in outside):
        if internal:
            s, m = internal[0]
            return Detection((cite("problem.internal", DIMENSION, s, m, polarity="costs"),))
        return Detection()
    evidence = []
    for s, text, pain, request in outside:
        benchmark = _BENCHMARK.search(text)
        sized = bool(pain or benchmark or _CONTACTS.search(text))
        # A count of asks ("4,300 votes") sizes the request, not a pain.
        quantified = _quantified(s, text, sized) if pain or not request else None
        found_here = (
            ("problem.request", request),
            ("problem.customer_pain", pain),
            ("problem.quantified", quantified),
            ("problem.stakes", _STAKES.search(text) or (pain and finance.search(text))),
            ("problem.benchmark", benchmark),
        )
        evidence += [cite(signal, DIMENSION, s, m) for signal, m in found_here if m]
    return Detection(tuple(evidence))
