"""Research that changed the product: a test whose outcome moved a decision."""

from __future__ import annotations

from ...parse import Document
from ...parse.matcher import compile_lower
from ..casefold import fold
from ..evidence import Detection
from ..registry import detector
from .regions import cite

DIMENSION = "customer_insight"

_TEST = compile_lower(
    r"\b(?:A/B|tests?|tested|testing|pilot(?:ed|s)?|beta|prototyp\w+|experiment\w*|versions?|variants?|usability|sessions?|"
    r"tried (?:it|them|(?:the|a|an|our|my) (?:[\w-]+ ){0,2}?[\w-]+) (?:with|on|in|out)|trial(?:led|ed)?|"
    r"first (?:attempt|draft|wording|mock-?ups?|design))\b",
)
# What the test showed or how it compared, so the change that follows is read from evidence.
_OUTCOME = compile_lower(
    r"\b(?:versions?|variants?|designs?|options?|the (?:first|second|original|old|new) (?:one|round|week|month|version|design)?|"
    r"beat|outperform\w*|won|lost|after the first|in the first (?:week|month|round|days?)|started (?:\w+ ){0,4}at|told us|"
    r"showed|revealed|nobody found|no one found|(?:went|got|dropped|fell|rose) (?:up|down|\d)|missed|ignored|confused|"
    r"struggled|preferred|could ?n[o']?t find|did ?n[o']?t (?:notice|see|find)|iterat(?:ed|ing|ions?)|"
    # What the trial showed told plainly: "barely moved", "meant nothing to them", "half still tapped twice".
    r"barely|hardly|no (?:change|difference|effect)|meant nothing|scared|still|only|fewer than|half of them|none of them|"
    r"did ?n[o']?t (?:help|work|move|change|finish)|made (?:it|things) (?:worse|better)|worked)\b",
)
_DECISION = compile_lower(
    r"\bso (?:I|we) (?:\w+ ){0,2}?(?:changed|switched|moved|narrowed|widened|raised|lowered|dropped|limited|reworded|"
    r"redesigned|rewrote|went|shipped|made|replaced|added|removed|cut|kept|pre-selected|chose|picked|put)\b|"
    r"\b(?:changed|switched|narrowed|reworded|redesigned) (?:the|it|our|to)\b|\bmade it the default\b|\bwent with\b|"
    # The thing tested was replaced: "so it became 'up to'", "the new wording brought it down", "so we launched two-hour slots".
    r"\bso (?:it|the (?:\w+ )?(?:wording|design|screen|label|default|copy|limit|flow|message|step)) (?:became|changed|went)\b|"
    r"\b(?:wording|version|design|variant|message) brought (?:it|that|them) down\b|\bso (?:I|we) launched\b|"
    r"\b(?:scrapped|abandoned|dropped) (?:it|the (?:\w+ )?(?:idea|prototype|version|design|checklist|guide))\b|"
    r"\b(?:dropped|removed|kept|picked|chose|shipped) the (?:one|version|design|variant|option|layout)\b|\biterated on\b|"
    r"\b(?:I|we) (?:then )?(?:changed|switched|moved|narrowed|widened|raised|lowered|dropped|limited|reworded|redesigned|rewrote|"
    r"replaced|removed|cut)\b",
)


@detector("insight.iterated", signals={"insight.iterated": DIMENSION})
def iterated(doc: Document, rubric, found) -> Detection:
    """A test, pilot or prototype whose result is followed by a changed decision, in the same
    sentence or the two after it ("the first version ... so we moved it up")."""
    # The whole story is read: a test told with its numbers is easily taken for a result.
    sentences = doc.sentences
    folded = [fold(s.text) for s in sentences]
    for i, text in enumerate(folded):
        # A test may be set up in one sentence and its outcome told in the next.
        if _TEST.search(text) and any(_OUTCOME.search(w) for w in folded[i : i + 2]):
            for w, w_text in zip(sentences[i : i + 3], folded[i : i + 3]):
                if m := _DECISION.search(w_text):
                    return Detection((cite("insight.iterated", DIMENSION, w, m),))
    return Detection()
