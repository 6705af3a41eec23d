"""What makes a sentence more than vocabulary: something concrete a listener could check.

A claim ("I ran a root cause analysis", "I owned it end to end", "we ensured PCI compliance")
names the kind of work without any of it. The rubric's anchors above level 1 ask for the
work itself, so a signal the rubric lists under ``needs_substance`` counts only in a sentence
that carries at least one of: a quantity, a named party (a person, a team by its function, an
organisation), a cause or finding linked to what happened, or a customer's own words quoted.
"""

from __future__ import annotations

import re

from ..parse.quantities import quantities
from .names import names

# A regulator or rulebook is named by every claim of compliance ("Central Bank rules", "Consumer
# Duty"), so a name made only of its words does not make a sentence concrete.
_RULEBOOK = re.compile(r"(?:(?:Central|Bank|Consumer|Duty|Act|Authority|Commission|Reserve|Federal|Regulation)\s*)+")
# A party by role or function, as people name the person across the table.
_ROLE = re.compile(
    r"\b(?:the|our|my|their|a)\s+(?:[\w-]+\s+){0,2}?(?:lead|head|director|manager|officer|counsel|committee|"
    r"team|desk|analysts?|engineers?|underwriters?|agents?|controllers?|auditors?|partners?|regulators?|vendor|processor|"
    r"bank|board|cfo|ceo|cto|cro|coo|vp|gm)\b|\bhead of \w+",
    re.IGNORECASE,
)
# A cause or a finding tied to the claim.
_CAUSE = re.compile(
    r"\b(?:because|since they|since it|so that|due to|which meant|that meant|meaning that|was that|were that|"
    r"turned out|the reason|found that|learned that|learnt that|realis\w+ that|realiz\w+ that|noticed that|"
    r"discovered that|showed that|saw that)\b",
    re.IGNORECASE,
)
# A customer's words in quotes: three words or more between quote marks.
_QUOTED = re.compile(r"[\"“'‘][^\"“”'‘’]{2,}?\s[^\"“”'‘’]+?\s[^\"“”'‘’]+?[\"”'’]")


def concrete(text: str) -> str | None:
    """What makes `text` concrete ("a number", "a named party", ...), or None for a bare claim."""
    if quantities(text):
        return "a number"
    if _CAUSE.search(text):
        return "a cause or finding"
    if _ROLE.search(text) or any(not _RULEBOOK.fullmatch(text[a:b]) for a, b in names(text)):
        return "a named party"
    if _QUOTED.search(text):
        return "the customer's words"
    return None
