"""The customer's problem in the setup: whose it is, how it hurts, how big it is, against what."""

from __future__ import annotations

import re

from ...parse import Document, Sentence
from ..evidence import Detection, Evidence
from ..registry import detector
from .regions import setup_sentences, vocab_regex

DIMENSION = "problem_depth"

# A customer asking or complaining: the surface of a problem (level 1).
_REQUEST = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\bWe )\b(?:ask(?:ed|ing|s)? (?:us |me )?(?:for|to|about)|kept (?:asking|requesting|telling us)|request(?:ed|ing|s)?|"
    r"want(?:ed|s)?|complain\w*|complaints?|upvoted|(?:top|loudest|most common|obvious|biggest) (?:request|ask)|the (?:\w+ )?ask (?:from|was))\b",
    re.I,
)
# A customer hurt by something: failure, loss, delay, fear, effort.
_PAIN = re.compile(
    r"\b(?:drop(?:s|ped|ping)?[- ]?(?:off|out)|abandon\w*|never (?:finished|completed|came back|returned|restarted|arrived)|"
    r"g[ai]ve up|bail(?:ed|ing|s)?|quit|walk(?:ed)? away|churn\w*|lapse[sd]?|fail(?:s|ed|ing|ures?)?|declin(?:e|ed|es)|bounc\w+|reject(?:ed|ions?)|"
    r"confus\w+|frustrat\w+|annoy\w+|upset|angry|anxi\w+|afraid|scared|fear\w*|stress\w*|embarrass\w*|"
    r"stuck|stranded|delay(?:s|ed)?|wait(?:s|ed|ing)?|held|holds?|late|missed|no[- ]shows?|lost|losing|lose|broke|broken|"
    r"hard to|struggl\w+|(?:could ?n[o']?t|can ?n[o']?t|unable to)|no way to|surpris\w+|misdirected|wrong (?:person|account|amount)|"
    r"dormant|cancel\w*|paus(?:e|ed|es|ing)|locked|overdr\w+|charged|stole\w*|hijack\w*)\b",
    re.I,
)
# Contact volume is itself a measure of pain.
_CONTACTS = re.compile(r"\b(?:calls|contacts|tickets|complaints|disputes|chargebacks|reviews|escalations)\b", re.I)
_MEASURE = re.compile(
    r"\d[\d.,]*\s?(?:%|percent)|[$£€]\s?\d|\b(?:one|two|three|four|five|\d+) (?:in|out of) (?:\w+|\d[\d,]*)\b|"
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s?(?:k|m|bn|million|billion|thousand)\b|"
    r"\b\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?(?:a|per|each) (?:day|week|month|quarter|year)\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|up to \w+|\w+ to \w+) (?:business |working )?(?:days|weeks|hours|minutes)\b|"
    r"\b\d+(?:\.\d+)? times\b|\b(?:twice|double|triple|half) (?:the|as|of)\b|"
    r"\b(?:a|one) (?:third|quarter|fifth|tenth) of\b|\b(?:hundreds|thousands|millions) of\b",
    re.I,
)
_SHARE = re.compile(r"\s*of\b", re.I)
# What the customer stands to lose: money, time to money, safety or trust.
_STAKES = re.compile(
    r"[$£€]\s?\d|\b(?:fees?|interest|payroll|rent|cash flow|out[- ]of[- ]pocket|lost (?:sales|income|revenue)|"
    r"revenue|owe[ds]?|debt|overdraft\w*|bills|savings|money|trust\w*|safety|unsafe|stranded|paychecks?|wages|"
    r"credit scores?|working capital|provisional credit|loan)\b",
    re.I,
)
# The problem set against a standard: a benchmark, competitor, segment or ranking.
_BENCHMARK = re.compile(
    r"\b(?:benchmarks?|industry (?:average|norm|rate|standard)|competitors?|competing|rivals?|market leader|"
    r"(?:the )?category|peers?|twice|double (?:the|our|that)|roughly double|about double|\d+(?:\.\d+)? times|"
    r"(?:two|three|four|five|ten) times|versus|vs\.?|compared (?:to|with)|against [+\-−]?[$£€]?\d[\d.,]*|"
    r"against (?:the|our) \w+|(?:second|third|fourth|fifth)[- ](?:largest|biggest|highest|worst|lowest|most)|"
    r"ranked|second to last|behind the|worse than|than (?:the )?(?:industry|market|category|average))\b",
    re.I,
)
# The work is for the company itself: its own staff, tools, processes or audits.
_INTERNAL = re.compile(
    r"\binternal (?:customers?|users?|tools?|teams?|stakeholders?|process\w*|platforms?)\b|"
    r"\b(?:sales|finance|engineering|ops|operations|support|marketing|HR) (?:team|org\w*|leaders?|reps?) (?:was|were|as) "
    r"(?:my|our) (?:customers?|users?)\b|\bour (?:own )?(?:employees|staff|engineers|squad)\b|\bsprints?\b|\bkanban\b|"
    r"\bretro(?:spective)?s?\b|\bsquad\b|\bSOC ?2\b|\baudit(?:s|ors?)?\b|\bmonth-end close\b|\bgeneral ledger\b|"
    r"\bmigrat(?:e|ed|ion|ing)\b|\bsales (?:needed|wanted|asked)\b|\bdeals? (?:were |was )?(?:getting )?stuck\b|"
    r"\bsecurity questionnaires?\b|\bvelocity\b",
    re.I,
)

# People inside the company: their pain is not a customer's.
_STAFF = re.compile(
    r"\b(?:engineers|developers|stakeholders|colleagues|employees|staff|squad|account executives|executives|leadership|"
    r"auditors|controllers|analysts|(?:the|my|our) team|(?:sales|finance|engineering|ops|operations|marketing|legal|HR|product|"
    r"data|platform) (?:team|teams|leaders?|leads?|reps?|org\w*|managers?|people))\b",
    re.I,
)


def _evidence(signal: str, s: Sentence, m: re.Match, polarity: str = "earns") -> Evidence:
    return Evidence(signal, DIMENSION, s.start + m.start(), s.start + m.end(), s.index, polarity)


def _quantified(s: Sentence, pain: re.Match | None) -> re.Match | None:
    """A measure that sizes the problem: next to a hurt, a contact count or a share of customers' items."""
    for m in _MEASURE.finditer(s.text):
        if pain or _SHARE.match(s.text, m.end()) or _CONTACTS.search(s.text):
            return m
    return None


@detector(
    "problem.setup",
    signals={f"problem.{name}": DIMENSION for name in ("request", "customer_pain", "quantified", "stakes", "benchmark", "internal")},
)
def problem_setup(doc: Document, rubric, found) -> Detection:
    """The setup's customer problem: asked for, felt, sized, costly, compared - or an internal task instead."""
    customer = vocab_regex(rubric, r"\b(?:{customer})\b")
    internal, outside = [], []
    for s in setup_sentences(doc):
        pain, inside, staff = _PAIN.search(s.text), _INTERNAL.search(s.text), _STAFF.search(s.text)
        named = customer.search(s.text) if staff or not pain else None
        if inside or (staff and pain and not named):
            internal.append((s, inside or staff))
        # Sentences about people outside the company: not an internal process, not staff alone.
        if not inside and (named or not staff):
            outside.append((s, pain, _REQUEST.search(s.text)))
    if not any(pain or request for _, pain, request in outside):
        if internal:
            s, m = internal[0]
            return Detection((_evidence("problem.internal", s, m, "costs"),))
        return Detection()
    evidence = []
    for s, pain, request in outside:
        found_here = (
            ("problem.request", request), ("problem.customer_pain", pain), ("problem.quantified", _quantified(s, pain)),
            ("problem.stakes", _STAKES.search(s.text)), ("problem.benchmark", _BENCHMARK.search(s.text)),
        )
        evidence += [_evidence(signal, s, m) for signal, m in found_here if m]
    return Detection(tuple(evidence))
