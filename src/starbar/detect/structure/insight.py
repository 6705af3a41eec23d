"""Research that changed the product: a test whose outcome moved a decision."""

from __future__ import annotations

import re

from ...parse import Document
from ..evidence import Detection, Evidence
from ..registry import detector
from .regions import before_result

DIMENSION = "customer_insight"

_TEST = re.compile(r"\b(?:A/B|tests?|tested|testing|pilot(?:ed)?|beta|prototyp\w+|experiment\w*|versions?|variants?)\b", re.I)
# What the test showed or how it compared, so the change that follows is read from evidence.
_OUTCOME = re.compile(
    r"\b(?:versions?|variants?|designs?|options?|the (?:first|second|original|old|new) (?:one|round|week|month|version|design)?|beat|outperform\w*|won|lost|after the first|in the first (?:week|month|round|days?)|"
    r"started (?:\w+ ){0,4}at|told us|showed|nobody found|no one found|(?:went|got|dropped|fell|rose) (?:up|down|\d))\b",
    re.I,
)
_DECISION = re.compile(
    r"\bso (?:I|we) (?:\w+ ){0,2}?(?:changed|switched|moved|narrowed|widened|raised|lowered|dropped|limited|reworded|"
    r"redesigned|rewrote|went|shipped|made|replaced|added|removed|cut|kept|pre-selected|chose|picked|put)\b|"
    r"\b(?:changed|switched|narrowed|reworded|redesigned) (?:the|it|our|to)\b|\bmade it the default\b|\bwent with\b|"
    r"\b(?:I|we) (?:then )?(?:changed|switched|moved|narrowed|widened|raised|lowered|dropped|limited|reworded|redesigned|rewrote|"
    r"replaced|removed|cut)\b",
    re.I,
)


@detector("insight.iterated", signals={"insight.iterated": DIMENSION})
def iterated(doc: Document, rubric, found) -> Detection:
    """A test, pilot or prototype whose result is followed by a changed decision, in the same
    sentence or the next one ("the first version ... so we moved it up")."""
    told = before_result(doc)
    evidence = []
    for i, s in enumerate(told):
        if not (_TEST.search(s.text) and _OUTCOME.search(s.text)):
            continue
        window = [s] + told[i + 1 : i + 2]
        for w in window:
            if m := _DECISION.search(w.text):
                evidence.append(Evidence("insight.iterated", DIMENSION, w.start + m.start(), w.start + m.end(), w.index))
                break
        if evidence:
            break
    return Detection(tuple(evidence))
