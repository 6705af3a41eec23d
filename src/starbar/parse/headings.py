"""Recognise STAR labels in their common written forms."""

from __future__ import annotations

import re

from .document import Heading

_NAMES = {
    "situation": "S", "context": "S", "background": "S", "problem": "S", "challenge": "S",
    "task": "T", "goal": "T", "objective": "T", "my role": "T", "role": "T",
    "action": "A", "actions": "A", "what i did": "A", "approach": "A",
    "result": "R", "results": "R", "outcome": "R", "outcomes": "R", "impact": "R",
    "reflection": "O", "lessons": "O", "lesson": "O", "learnings": "O", "lessons learned": "O",
    "what i learned": "O", "takeaway": "O", "takeaways": "O",
    "s": "S", "t": "T", "a": "A", "r": "R",
}
_NAME = "|".join(sorted((re.escape(n) for n in _NAMES), key=len, reverse=True))
# "### Situation", "**Situation:**", "Situation -", "S:", "- **Task**:" at the start of a line.
_HEADING = re.compile(
    rf"[ \t]*(?:[-*\u2022][ \t]+)?(?:\#{{1,6}}[ \t]*)?(?:\*\*|__)?[ \t]*({_NAME})[ \t]*(?:\*\*|__)?"
    rf"[ \t]*(?:[:\u2013\u2014-]|(?=\*\*)|$)(?:\*\*|__)?",
    re.I,
)


def find_heading(text: str, start: int, end: int) -> Heading | None:
    m = _HEADING.match(text, start, end)
    if not m:
        return None
    name = m.group(1).lower()
    rest = text[m.end() : end]
    # A single letter counts only with a colon ("S:"), so "A customer..." is not a heading.
    if len(name) == 1 and not text[m.start(1) : m.end()].rstrip("*_ ").endswith(":"):
        return None
    # "Result" used in a sentence ("Results were mixed") is not a label: require a marker or a bare line.
    marked = bool(re.search(r"[:\u2013\u2014-]|\*\*|__|#", text[m.start() : m.end()]))
    if not marked and rest.strip():
        return None
    return Heading(m.start(), m.end(), _NAMES[name])
