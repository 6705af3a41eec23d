"""The result, measured: each clause of the outcome read as a customer-side change, a business
number, a baseline or time frame, the customer's own gain - or no result at all."""

from __future__ import annotations

import re

from ...parse import Document, Sentence
from ...parse.matcher import Compiled, compile_lower
from ...parse.quantities import NUMBER_WORDS
from ..casefold import fold
from ..evidence import Detection, Evidence
from ..registry import detector
from .regions import cite, result_sentences, vocab_regex

DIMENSION = "customer_impact"

# Patterns are compiled lowered (compile_lower) and match folded text (see casefold).

_WORD_NUMBER = rf"(?:one|{NUMBER_WORDS}|a few)"
_CLAUSE_SPLIT = compile_lower(r"\s*(?:;|:|,\s+(?:and|while|but|so|which|with)\s+|,\s+|\s+and\s+|\s+while\s+)\s*")
# A figure that measures something (a date, a duration of the window or a headcount is not one).
_METRIC = compile_lower(
    r"\d[\d.,]*\s?(?:%|percent|x\b|points?\b|basis points|bps|pp\b)|[$£€]\s?\d|\b\d[\d.,]*\s?(?:k|m|bn|million|billion|thousand)\b|"
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s+(?:to|out of)\s+\d|\b(?:one|\d+) in (?:\d+|[a-z]+(?:-[a-z]+)?)\b|\b(?:by )?(?:a|one) (?:third|half|quarter)\b|\bby (?:about |roughly |nearly |almost |more than )?half\b|\b(?:halved|doubled|tripled)\b|"
    rf"\b(?:\d[\d.,]*|{_WORD_NUMBER}) (?:fewer|less|more|lower|higher|faster|sooner|shorter)\b|"
    r"\b\d[\d.,]*\s*(?:[\w-]+\s+)?(?:days?|hours?|minutes?|seconds?|weeks?)\b",
)
_TIME_WINDOW = compile_lower(
    r"\b(?:within|over|after|in|for|during|by the end of)\s+(?:the\s+|a\s+)?(?:first\s+|next\s+|following\s+|last\s+)?"
    rf"(?:\d+|{_WORD_NUMBER}|\w+)?\s*(?:-\s*)?(?:days?|weeks?|months?|quarters?|years?|half)\b|"
    rf"\b(?:the|a|\d+|{_WORD_NUMBER}|\w+) (?:days?|weeks?|months?|quarters?|years?|season) (?:after|later|in|into)\b|"
    r"\b(?:year over year|quarter over quarter|month over month)\b",
)
# A change with a direction: fell, rose, from X to Y, cut by a third.
_CHANGE = compile_lower(
    r"\b(?:fell|fall(?:s|en)?|dropp?(?:ed|s)?|declined|decreased|shrank|rose|ris(?:e|es|en)|grew|grow(?:s|n)?|increased|improved|"
    r"climbed|jumped|doubled|tripled|halved|cut|reduced|lowered|went (?:from|down|up)|moved from|from\s+\S+(?:\s+\S+)?\s+to|"
    # A list written with arrows: "1 in 6 → 1 in 11", "4 days -> same day".
    r"(?:%|\d+|days?|hours?|weeks?)\s*(?:→|->|=>)\s*(?=\w)|"
    r"(?:reduction|decrease|increase|improvement|decline|rise|jump) (?:in|of)|(?:down|up) (?:by |from )?(?:about |around |nearly )?[$£€]?\d[\d.,]*|(?:down|up) from|\d[\d.,]*\s*%?\s*(?:down|up)\b|disappeared|recovered|saved|avoided|instead of \d[\d.,]*)\b|"
    rf"(?:\d[\d.,]*\s?(?:k|m|bn|million|billion|thousand|%|percent)?|\b{_WORD_NUMBER}) (?:(?:days?|hours?|weeks?|minutes?|points?|percentage points) )?"
    r"(?:fewer|less|more|lower|higher|faster|sooner|shorter|earlier)\b|"
    r"\bby (?:(?:a|one) (?:third|half|quarter)|half)\b",
)
# The company's own measures; a clause that names them is about the business, not the customer.
_OWN_BUSINESS = compile_lower(
    r"\b(?:our (?:own )?(?:net )?(?:[\w-]+ ){0,2}(?:revenue|costs?|volume|margin|retention|losses|sales|spend|budget)|to us|for us|"
    r"the (?:company|bank|business)|on time|on budget|under budget|over budget|quota|forecast|pipeline|licens\w+|month-end|"
    r"reconciliation|audit\w*|float|charge-?offs?|headcount|branch|operations|handling|renewed|retained|GMV|ARR|MRR)\b",
)
# Delivery against plan is a business measure even without a figure.
_ON_PLAN = compile_lower(r"\b(?:on time|on budget|under budget|ahead of (?:schedule|plan))\b")
_BUSINESS = compile_lower(
    r"\b(?:revenue|volume|sales|profit|margin|costs?|adoption|uptake|usage|fraud|losses|loss rate|conversion|"
    r"funded loans|originations|approvals|accounts|balances|deposits|transactions|sign-?ups|installs|downloads|market share|bookings|"
    r"processing|interest income|credits|refunds|bonus\w*|saving|savings)\b",
)
_CUSTOMER_MEASURE = compile_lower(
    r"\b(?:drop[- ]?off|abandon\w*|complaints?|complaining|questions|queries|enquiries|inquiries|contacts?|calls?|tickets?|disputes?|chargebacks?|declines?|failures?|failed|"
    r"errors?|rejections?|missed|late|lapses?|no-shows?|wait\w*|times?|days|hours|minutes|delays?|fees?|interest|"
    r"overdraft\w*|returns?|returned|bounced?|locks?|pass rate|approval rate|completion|repeat rate|satisfaction|NPS|CSAT|"
    r"rating|trust|win rate|misdirected|reissued|pauses?|pause rate|cancell?ations?|claims?|repeat\w*|out[- ]of[- ]pocket|"
    # What happens to the customer: accounts closed, notices and penalties received, money lost, on-time arrivals.
    r"closures?|closed|notices?|penalt(?:y|ies)|credit scores?|lost money|on-time|forfeit\w*|lockouts?|locked|"
    # Customers stalling, or falling behind on what they owe.
    r"stop(?:s|ped|ping)?|stop rate|stuck|gave up|hardship|delinquen\w*|defaults?|arrears|over-?extended|overdue|borrowing)\b",
)
_BASELINE = compile_lower(
    # "from 41 to 19 days", "from manual to same-day"; not the idioms that compare nothing.
    r"\bfrom\s+(?!(?:start|beginning|day one|top|end) to\b)\S+(?:\s+\S+)?\s+to\b|\b(?:against|versus|vs\.?|compared (?:to|with)|instead of (?=[$£€]?\d))|\d\S*\s*(?:→|->|=>)|\bcontrol(?: group)?\b|"
    r"\bholdout\b|\bbaseline\b|\bstayed at\b",
)
# What the customer gained in money, time to money, or trust.
_GAIN = compile_lower(
    r"\b(?:saved?|saving|avoided|recovered|kept|got back|gained)\b[^.;]{0,40}?(?:[$£€]\s?\d|\d[\d.,]*\s*%|\bhours?\b|\bdays?\b|\bfees?\b)|"
    r"[$£€]\s?\d[^.;]{0,40}?\b(?:saved|kept|recovered|avoided)\b|"
    r"\b(?:did ?n[o']?t have (?:to|their)|no longer (?:had|have|needed) to|never had to|were spared)\b|"
    r"\b(?:paid|less|lower)\b[^.;]{0,15}\bin (?:\w+ )?fees\b|"
    r"\b(?:money|funds|cash|paid|payouts?)\b[^.;]{0,40}?\b(?:sooner|faster|earlier|before payroll|same day)\b|"
    r"\b\d[\d.,]*\s*(?:days?|hours?|weeks?)\s+(?:sooner|faster|earlier)\b|"
    r"\btime (?:to|from) [^.;]{0,50}?\b(?:fell|dropped|went from|cut)\b|"
    r"\b(?:fees?|penalt(?:y|ies)|interest|charges|overdrafts?)\b(?=[^.;]*[$£€]\s?\d)[^.;]{0,40}?\b(?:dropped|fell|down|cut|reduced|decreased|halved)\b|"
    # A score that moved, with its figure: "satisfaction improved significantly" is an impression.
    r"\b(?:NPS|trust|satisfaction|rating)\b[^.;]{0,40}?\b(?:rose|went from|moved from|improved|from)\b(?=[^.;]*\d)|"
    # Money handed back or left with the customer: "$19M in deposits back", "£212,000 refunded", "staying in their pockets".
    r"[$£€]\s?\d[^.;]{0,40}?\b(?:back|refunded|returned|in (?:their|[\w-]+s') pockets)\b|\brefunded [$£€]\s?\d|"
    r"\bpaid (?:no|nothing in|zero)\b|\bcredit scores? (?:rose|went up|improved|climbed)\b|"
    # What customers kept or stopped losing: "stays with customers", "kept their cars", "stopped paying late fees".
    r"\b(?:stays?|stayed|remain(?:s|ed)?) (?:with|in the hands of) (?:the |our )?(?:customers|members|users|them|their)|"
    r"\bkept (?:their|the) (?:cars?|homes?|houses?|money|savings|jobs?|accounts?|deposits?)\b|"
    r"\bstopped (?:paying|losing|having (?:their|to))\b|\b(?:no|nobody|no one|not one|not a single|no \w+) (?:\w+ )?lost (?:any )?money\b|"
    r"\b(?:money|funds|cash) (?:frozen|held|locked|stuck)\b[^.;]{0,40}?\b(?:down|fell|dropped|halved)\b|"
    # Their time given back: "time learners spent on it dropped from 6 hours to 4".
    r"\btime (?:\w+ ){0,2}spent\b[^.;]{0,50}?\b(?:fell|dropped|went from|cut|halved)\b",
)
_VAGUE = compile_lower(
    r"\b(?:happier|happy|loved|love|great feedback|positive feedback|feedback was (?:great|positive|amazing)|delighted|"
    r"improved the experience|went (?:really |very )?well|big success|huge success|(?:NPS|CSAT|satisfaction) (?:improved|went up|rose)|"
    r"well received|positive (?:response|reception|reviews)|(?:response|reception) was (?:\w+ )?positive|"
    # A change sized by an intensifier, not a figure: "much faster", "a lot happier", "far more satisfied".
    r"(?:much|far|way|a lot|so much|significantly|noticeably|dramatically|massively|markedly) (?:more |less )?"
    r"(?:happier|faster|quicker|easier|simpler|smoother|calmer|clearer|better|satisfied|confident|engaged|\w+er)|"
    # A magnitude with no number: "a meaningful uplift", "a real difference", "a big drop in complaints".
    r"(?:meaningful|significant|noticeable|huge|big|massive|dramatic|real|marked|substantial|measurable|visible|strong) "
    r"(?:uplift|lift|improvement|increase|boost|drop|reduction|decrease|difference|impact|change|gains?|win)|"
    # Feelings and verdicts in place of a measure: "felt in control", "transformational", "night and day".
    r"felt (?:more |much more |a lot more )?(?:informed|in control|confident|reassured|relieved|safer|safe|valued|heard|supported|empowered)|"
    r"transformational|transformative|game[- ]chang\w+|night and day|completely different|went away|a ton of|(?:lots|loads) of (?:praise|thanks)|"
    r"(?:customers|users|people|they) (?:really )?(?:appreciated|liked|noticed) (?:it|the change|the difference))\b",
)
# The story stops before any outcome: left before launch, still rolling out, only a plan.
_NO_RESULT = compile_lower(
    r"\b(?:I left (?:\w+ ){0,3}(?:before|for a new)|(?:do ?n[o']?t|did ?n[o']?t) have (?:the )?(?:final )?"
    r"(?:numbers|results|data|metrics)|still being (?:rolled out|built|tested)|too early to (?:tell|say)|"
    r"(?:plan|planning|going|hope) to roll (?:it )?out|has ?n[o']?t (?:launched|shipped)|not (?:launched|live) yet|"
    r"(?:have|has)(?: ?n[o']?t| not) (?:yet )?(?:measured|seen|got) (?:the |any )?(?:results|impact|numbers|data)|results (?:are|were) (?:still )?pending|no (?:data|numbers|results) yet)\b",
)
# A figure about the future is a plan, not a result: "we expect drop-off to fall 30%".
_PROJECTED = compile_lower(
    # Not a comparison with what was expected ("less than expected", "as expected").
    r"\b(?:(?<!than )(?<!as )expect(?:s|ed)?|projected|projection|should|will|aim(?:s|ing)? to|hop(?:e|es|ing) to|plan(?:s|ning)? to|(?<!of )going to|"
    r"is estimated to|on track to)\b",
)

# How many a pilot or a rollout reaches is its size, not its outcome: "the pilot started with 2,000
# borrowers", "rolling it out to the first 2,000 next month".
_REACH = compile_lower(
    r"\b(?:pilot\w*|trial|beta|roll(?:ing|ed|s)? (?:it |\w+ ){0,2}out|rollout)\b[^.;]{0,30}?\b(?:with|to|for) "
    r"(?:the first |about |around |some |roughly )?\d"
)

# A clause about the customers without naming them: their money, their contacts with us.
_CONTACT_VOLUME = compile_lower(r"\b(?:call|contact|ticket|complaint|dispute|chargeback)s? volume\b")
_THEIRS = compile_lower(r"\b(?:they|their|them|out[- ]of[- ]pocket)\b")


def _clauses(text: str):
    """(offset in the sentence, clause text) for each comma, semicolon or "and" clause of a folded sentence."""
    start = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


# Customers taking up, staying with or spending more on the product: the company's win, even
# when the customers are named ("128,000 members enrolled", "salon churn fell 0.5 points").
_UPTAKE = compile_lower(
    r"\b(?:enroll?(?:ed|ments?)|sign(?:ed)? up|sign-?ups|adopt(?:ed|ion|ers)|used it|used on|using it|switched it on|turned it on|"
    r"opted in|activated|replayed|engagement|active (?:users|customers)|churn\w*|retention|upgrades?|upgraded|conversion|"
    r"balances? (?:grew|rose)|cross-?sell\w*|referrals?|incidents?|throughput|per hour|activation|repeat(?:[- ][\w-]+)? rates?|"
    # more money kept or spent with us, per customer or in all: "deposited $40M more", "spend per card was 9% higher"
    r"deposited (?:[$£€]?[\d.,]+\w* )?more|(?:balances?|deposits|spend(?:ing)?|volumes?) (?:per [\w-]+(?: [\w-]+)? )?"
    r"(?:grew|rose|increased|went up|(?:was|were) (?:[\d.,]+% )?higher))\b",
)


# A failure the customer suffers, even when it is counted in the company's units ("failed deposits").
_HURT = compile_lower(r"\b(?:failed|failures?|declined|rejected|rejections|bounced|missed|closures|disputes|frozen)\b")


def _side(clause: str, customer: Compiled) -> str | None:
    """Whose measure a clause is: "business", "customer" or neither."""
    if _OWN_BUSINESS.search(clause) or _UPTAKE.search(clause):
        return "business"
    if customer.search(clause) or _THEIRS.search(clause) or _CONTACT_VOLUME.search(clause) or _HURT.search(clause):
        return "customer"
    if _BUSINESS.search(clause):
        return "business"
    if _CUSTOMER_MEASURE.search(clause):
        return "customer"
    return None


# How long the customer's money or case took is a measure, not the window of the result: "paid in 9 days".
_DURATION_MEASURE = compile_lower(
    r"\b(?:paid|settled|arrived|funded|approved|resolved|answered|took|cleared|landed|processed|verified|credited|refunded)"
    r"(?: out)? (?:in|within) (?:about |around |under |less than |just )?\d[\d.,]*\s*(?:days?|hours?|minutes?|seconds?|weeks?)\b",
)


def _metric(clause: str) -> re.Match | None:
    return _DURATION_MEASURE.search(clause) or _METRIC.search(_TIME_WINDOW.sub(lambda m: " " * len(m.group()), clause))


# Where a measure ended up, told as a state: "peaked at 0.07%", "was back under 1%", "were low, about 20".
_SETTLED = compile_lower(
    r"\b(?:peaked|bottomed out|settled|stayed|held|ended|closed|landed|levell?ed off) (?:at|around|near)\b|"
    r"\bback (?:under|below|above|to|at|down|up)\b|\b(?:was|were|is|are) (?:now |still |only )?(?:down|up|low|lower|higher|under|below)\b|"
    r"\b(?:sold|avoided|prevented)\b"
)
# Not an outcome: the candidate's own act or proposal ("I proposed ... which would cut"), a
# finding told in the past perfect ("54 had stopped trading"), a conditional.
_NOT_OUTCOME = compile_lower(
    r"\bi\b|\b(?:would|could|might|had (?:\w+ed|been|seen|fallen|grown|risen))\b|\bdecision to\b"
)


def _told_outcomes(doc: Document, region: list[Sentence], folded: list[str]) -> list[Sentence]:
    """Outcomes a story without headings tells among its actions ("Monitored fraud peaked at
    0.07%.", "We sold 38,500 tickets that night."): sentences of the last two fifths, after the
    setup and before the result region, with a clause that holds a figure and a change or an
    end state. A headed story says where its result is, so it is taken at its word."""
    if doc.headings:
        return []
    sentences = doc.sentences
    last_setup = max((s.index for s in sentences if s.part in ("S", "T")), default=-1)
    first = next((s.index for s in region if s.index > last_setup), len(sentences))
    start = max(last_setup + 1, -(-len(sentences) * 3 // 5))
    return [
        s
        for s in sentences[start:first]
        if s.part != "O"
        and not _NOT_OUTCOME.search(folded[s.index])
        and any(
            _metric(clause) and (_CHANGE.search(clause) or _SETTLED.search(clause)) and not _PROJECTED.search(clause)
            for _, clause in _clauses(folded[s.index])
        )
    ]


def _read_clause(
    s: Sentence, offset: int, clause: str, side_before: str | None, customer: Compiled
) -> tuple[list[Evidence], str | None]:
    """Evidence from one clause (folded) of the result and whose measure it was ("business", "customer")."""
    if projected := _PROJECTED.search(clause):
        return [cite("impact.none", DIMENSION, s, projected, offset, polarity="costs")], side_before
    metric = None if _REACH.search(clause) else _metric(clause)
    # A clause that names no one continues the one before it: "drop-off is now 12%, down from 30%".
    side = _side(clause, customer) or (side_before if metric else None)
    change = _CHANGE.search(clause)
    found = []
    if metric:
        found.append(cite("impact.measured", DIMENSION, s, metric, offset))
    elif change:
        # "conversion went up": a direction with no figure is an impression, not a measurement.
        found.append(cite("impact.vague", DIMENSION, s, change, offset))
    if side == "business":
        named = _OWN_BUSINESS.search(clause) or _UPTAKE.search(clause) or _BUSINESS.search(clause) or metric
        if named:
            found.append(cite("impact.business_effect", DIMENSION, s, named, offset))
        if figure := metric or _ON_PLAN.search(clause):
            found.append(cite("impact.business", DIMENSION, s, figure, offset))
    elif metric and change and side == "customer":
        found.append(cite("impact.customer_metric", DIMENSION, s, change, offset))
    # Money or time saved names its beneficiary ("saving employers $1.2M", "back in their pockets"); a saving
    # in a clause about the company's books ("our costs", "cut contractor roles, saving $1M") is the company's.
    beneficiary = customer.search(clause) or _THEIRS.search(clause)
    if not _OWN_BUSINESS.search(clause) and (side != "business" or beneficiary) and (gain := _GAIN.search(clause)):
        found.append(cite("impact.gain", DIMENSION, s, gain, offset))
    return found, side or side_before


@detector(
    "impact.result",
    signals={
        f"impact.{n}": DIMENSION
        for n in (
            "customer_metric",
            "business",
            "business_effect",
            "measured",
            "baseline",
            "time_frame",
            "gain",
            "vague",
            "none",
        )
    },
    facts=("impact.customer_metrics",),
)
def result(doc: Document, rubric, found) -> Detection:
    """Customer-side changes with magnitude, business-only numbers, baselines, time frames and
    the customer's gain, clause by clause in the result; or the signs that there is no result."""
    customer = vocab_regex(rubric, r"\b(?:{customer}|people|employees)\b")
    folded = [fold(s.text) for s in doc.sentences]
    evidence = [
        cite("impact.none", DIMENSION, s, m, polarity="costs")
        for s, text in zip(doc.sentences, folded)
        if (m := _NO_RESULT.search(text))
    ]
    region = result_sentences(doc)
    for s in _told_outcomes(doc, region, folded) + region:
        text = folded[s.index]
        side = None
        for offset, clause in _clauses(text):
            clause_evidence, side = _read_clause(s, offset, clause, side, customer)
            evidence += clause_evidence
        for pattern, signal in (
            (_BASELINE, "impact.baseline"),
            (_TIME_WINDOW, "impact.time_frame"),
            (_VAGUE, "impact.vague"),
        ):
            if m := pattern.search(text):
                evidence.append(cite(signal, DIMENSION, s, m))
    # Several customer measures may share one sentence, so they are counted by clause.
    customer_changes = sum(e.signal == "impact.customer_metric" for e in evidence)
    return Detection(tuple(evidence), {"impact.customer_metrics": float(customer_changes)})
