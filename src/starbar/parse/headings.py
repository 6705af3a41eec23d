"""Recognise STAR labels in their common written forms.

Forms: ``Situation:``, ``**Situation**``, ``### Situation``, ``S:``, ``SITUATION -``,
``Situation —``, ``- **Action:** ...``, ``1. Result:``, and bullet labels that name a
stage of the story without the STAR word (``What we found:``, ``Pushback:``,
``Results after 12 months:``). A combined label ("Situation and Task:") allows each part it names.
"""

from __future__ import annotations

import re

from .document import Heading

# Label (lower case) -> part. Besides the STAR names, the labels people put on bullets for a
# stage of the story: research, the solution and pushback are Action; the ask is Situation.
_LABELS = {
    "S": (
        "situation", "context", "background", "problem", "the problem", "challenge", "the challenge",
        "problems", "challenges", "setting", "the ask", "ask", "request", "customer ask", "customer request", "pain point",
        "where", "opportunity",
    ),
    "T": (
        "task", "tasks", "my task", "goal", "goals", "my goal", "the goal", "objective", "objectives",
        "my objective", "my role", "role", "target", "targets", "mission", "mandate", "aim", "responsibility",
        "my responsibility",
    ),
    "A": (
        "action", "actions", "what i did", "what we did", "how i did it", "approach", "research",
        "discovery", "findings", "what we found", "what i found", "insight", "insights", "solution", "solutions",
        "the solution", "what we built", "what i built", "pushback", "friction", "trade-off",
        "trade-offs", "tradeoff", "tradeoffs", "execution", "implementation", "decision", "decisions", "my part",
        "my contribution", "experiment", "experiments", "rollout", "steps",
    ),
    "R": (
        "result", "results", "the result", "the results", "outcome", "outcomes", "the outcome",
        "impact", "what happened", "metrics", "key results",
    ),
    "O": (
        "reflection", "reflections", "lesson", "lessons", "lessons learned", "learnings", "learning",
        "what i learned", "what i'd do differently", "takeaway", "takeaways", "looking back",
        "in hindsight", "next steps",
    ),
}
_PART_OF = {label: part for part, labels in _LABELS.items() for label in labels}
# The STAR letters count only with a colon ("S:"), so "A customer..." is not a heading.
_LETTERS = {"s": "S", "t": "T", "a": "A", "r": "R"}

_LABEL = "|".join(sorted((re.escape(n) for n in _PART_OF), key=len, reverse=True))
# A qualifier after a label before its colon: "Results after 12 months:", "Action (what I did):".
_QUALIFIER = r"(?:[ \t]+(?:after|in|from|of|at|for|so far|over|within|by|and|with|to)\b[^:\n]{0,30}(?=[ \t*_]*:)|[ \t]*\([^)\n]{0,40}\))?"
_HEADING = re.compile(
    rf"[ \t]*(?:(?:[-*+\u2022]|\d{{1,2}}[.)])[ \t]+)?(?P<hash>\#{{1,6}}[ \t]*)?(?P<open>\*\*|__|\*|_)?[ \t]*"
    rf"(?P<name>{_LABEL}|[star])(?P<more>(?:[ \t]*(?:/|&|\+|,|and)[ \t]*(?:{_LABEL}))*)(?P<qual>{_QUALIFIER})"
    rf"[ \t]*(?P<inner>:)?[ \t]*(?P<close>\*\*|__|\*|_)?"
    rf"(?P<mark>[ \t]*:|[ \t]*[\u2013\u2014-](?=\s|$)|[ \t]*[\u2013\u2014])?[ \t]*",
    re.I,
)

# The further names of a combined label ("Situation and Task:").
_MORE_NAME = re.compile(_LABEL, re.I)


def find_heading(text: str, start: int, end: int, *, inline: bool = False) -> Heading | None:
    """The STAR label opening text[start:end], if any.

    ``inline`` is for a label after a sentence inside a line ("... fees. Task: I owned ...");
    there only a colon marks a label.
    """
    m = _HEADING.match(text, start, end)
    if not m:
        return None
    name = m.group("name").lower()
    mark = (m.group("mark") or "").strip()
    colon = bool(m.group("inner")) or mark == ":"
    bold = bool(m.group("open")) and m.group("open") == m.group("close")
    after_name = text[m.end("qual") : min(m.end("qual") + 1, end)]
    if after_name.isalnum() or (m.group("open") and not bold and not colon):
        return None  # "Actionable", "Tasks", "**Situation text"
    # Unmarked, a label must be the whole line: "Results were mixed" is a sentence.
    if not (colon or mark or bold or m.group("hash")) and text[m.end() : end].strip():
        return None
    if name in _LETTERS:
        return Heading(m.start(), m.end(), _LETTERS[name]) if colon and not m.group("qual") else None
    if inline and not colon:
        return None
    part = _PART_OF[name]
    named = (_PART_OF[n.lower()] for n in _MORE_NAME.findall(m.group("more")))
    return Heading(m.start(), m.end(), part, "".join(dict.fromkeys(p for p in named if p != part)))
