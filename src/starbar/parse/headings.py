"""Recognise STAR labels in their common written forms.

Forms: ``Situation:``, ``**Situation**``, ``### The situation``, ``S:``, ``S)``, ``T —``,
``[Task]``, ``SITUATION -``, ``- **Action:** ...``, ``1) Result:``, and labels that name a
stage of the story in the writer's own words (``What I owned``, ``How it turned out``,
``- Pushback:``, ``Results (first year, against a control group)``). A combined label
("Situation and Task:") allows each part it names.

A STAR name or a close synonym is *firm*: what it labels takes its part. A label naming a
stage ("The ask:", "What I found:") is *soft*: it leans its lines towards the part, and the
story's order decides ("The ask" listed under what the candidate did is Action).
"""

from __future__ import annotations

import re

from .document import Heading

# Label (lower case) -> part: the STAR names and their close synonyms.
_LABELS = {
    "S": ("situation", "context", "background", "setting", "the situation", "the context", "the background"),
    "T": (
        "task",
        "tasks",
        "my task",
        "goal",
        "goals",
        "my goal",
        "the goal",
        "objective",
        "objectives",
        "my objective",
        "my role",
        "role",
        "target",
        "targets",
        "mission",
        "mandate",
        "aim",
        "my aim",
        "responsibility",
        "my responsibility",
        "my job",
        "my remit",
        "remit",
        "the task",
        "my mandate",
        "my brief",
        "my mission",
        "my target",
        "the target",
        "the objective",
        "our goal",
        "our target",
        "our objective",
    ),
    "A": ("action", "actions", "what i did", "what we did", "how i did it", "approach", "execution", "implementation"),
    "R": (
        "result",
        "results",
        "the result",
        "the results",
        "outcome",
        "outcomes",
        "the outcome",
        "impact",
        "key results",
    ),
    "O": (
        "reflection",
        "reflections",
        "lesson",
        "lessons",
        "lessons learned",
        "what i'd do differently",
        "takeaway",
        "takeaways",
        "looking back",
        "in hindsight",
        "next steps",
    ),
}
# Names of a stage of the story, not of a STAR part: soft labels.
_STAGES = {
    "S": (
        "problem",
        "the problem",
        "challenge",
        "the challenge",
        "problems",
        "challenges",
        "the ask",
        "ask",
        "request",
        "customer ask",
        "customer request",
        "pain point",
        "the pain",
        "where",
        "opportunity",
        "company",
    ),
    "T": (),
    "A": (
        "research",
        "discovery",
        "findings",
        "what we found",
        "what i found",
        "insight",
        "insights",
        "solution",
        "solutions",
        "the solution",
        "what we built",
        "what i built",
        "pushback",
        "resistance",
        "objections",
        "concerns",
        "friction",
        "trade-off",
        "trade-offs",
        "tradeoff",
        "tradeoffs",
        "decision",
        "decisions",
        "my contribution",
        "experiment",
        "experiments",
        "rollout",
        "steps",
    ),
    "R": ("metrics",),
    "O": (),
    # Either of two parts, as the story's order decides: "My part" is the role or the work,
    # "What happened" the setting or the outcome.
    "TA": ("my part",),
    "SR": ("what happened",),
    # "What I learned" before the decision is the research; at the end, the reflection.
    "AO": ("what i learned", "what we learned", "learnings", "learning"),
}
_PART_OF = {label: part for table in (_LABELS, _STAGES) for part, labels in table.items() for label in labels}
_SOFT = frozenset(label for labels in _STAGES.values() for label in labels)
# The STAR letters count only with a mark ("S:", "S)", "T —"), so "A customer..." is not a heading.
_LETTERS = {"s": "S", "t": "T", "a": "A", "r": "R"}
_CLOSING = {"**": "**", "__": "__", "*": "*", "_": "_", "[": "]"}

_LABEL = "|".join(sorted((re.escape(n) for n in _PART_OF), key=len, reverse=True))
# A qualifier after a label before its colon: "Results after 12 months:", "Action (what I did):".
_QUALIFIER = r"(?:[ \t]+(?:after|in|from|of|at|for|so far|over|within|by|and|with|to)\b[^:\n]{0,30}(?=[ \t*_]*:)|[ \t]*\([^)\n]{0,90}\))?"
_LEAD = (
    r"[ \t]*(?:(?:[-*+\u2022]|\d{1,2}[.)])[ \t]+)?(?P<hash>\#{1,6}[ \t]*)?(?P<open>\*\*|__|\*|_|\[)?[ \t]*"
    # a step number after the heading's marks: "### 2 · Task", "**1. Situation**"
    r"(?:\d{1,2}[ \t]*[.)\u00b7\u2022:\u2013\u2014-][ \t]*)?"
)
_TAIL = (
    # inside bold, a period closes a label as a colon does: "**Result.** Six weeks on..."
    rf"(?P<qual>{_QUALIFIER})[ \t]*(?P<inner>:|\.(?=\*\*|__|\*|_)|[ \t]*[\u2013\u2014])?[ \t]*(?P<close>\*\*|__|\*|_|\])?"
    rf"(?P<mark>[ \t]*:|[ \t]*[\u2013\u2014-](?=\s|$)|[ \t]*[\u2013\u2014]|(?-i:(?<=[STAR]))\))?[ \t]*"
)
_HEADING = re.compile(
    rf"{_LEAD}(?P<name>{_LABEL}|[star])(?P<more>(?:[ \t]*(?:/|&|\+|,|and)[ \t]*(?:{_LABEL}))*){_TAIL}", re.I
)
_LABEL_FIRST = re.compile(rf"(?:{_LABEL})(?=\s)")
# The further names of a combined label ("Situation and Task:").
_MORE_NAME = re.compile(_LABEL, re.I)

# A label in the writer's own words: a short phrase, up to seven words, then a mark or the line's end.
_FREE = re.compile(
    rf"{_LEAD}(?P<name>[A-Za-z][A-Za-z'\u2019-]*(?:[ \t]+[A-Za-z][A-Za-z'\u2019-]*){{0,6}}){_TAIL}", re.I
)
# What such a phrase names, by family: the outcome, what was done, the assignment, the setting.
_FAMILIES = (
    (
        "O",
        re.compile(
            r"(?:my |the |key |main )*(?:reflections?|lessons?|learnings?|takeaways?)\b|"
            r"what (?:i|we) (?:learned|learnt|took away|'d do differently|would do differently)|looking back|in hindsight"
        ),
    ),
    (
        "R",
        re.compile(
            r"(?:the |our |my )?(?:results?|outcomes?|impact|metrics|numbers|payoff)\b|"
            r"what (?:changed|came of it|happened (?:next|after|then))|"
            r"how (?:it|that|this|things) (?:turned out|went|ended|landed|played out)|"
            r"(?:here's |here is )?where (?:it|we|things) (?:ended up|landed)|after (?:launch|the launch|rollout)"
        ),
    ),
    (
        "A",
        re.compile(
            r"(?:what|how) (?:i|we) (?:did|do|changed|built|tried|found|saw|heard|looked at|went about|approached|"
            r"tackled|handled|fixed|solved|dug|shipped|proposed|decided|learned from|focused on|prioriti[sz]ed|worked on)\b|"
            # what got in the way, told inside the Action: "The setback", "Pushback"
            r"(?:the |a |our )?(?:setbacks?|obstacles?|pushback|roadblocks?|hurdles?|trade-?offs?|the hard part)\b|"
            r"(?:digging|dug) in|what (?:users|customers|people|they|the data) (?:said|told|showed)|"
            r"(?:the |my |our )?(?:plan|fix|first (?:attempt|try|version|cut)|second (?:attempt|try|version)|iteration)\b|"
            # the decision and who stood against it: "My call:", "Who disagreed:"
            r"(?:my|our) (?:call|decision|bet|proposal|pitch)\b|"
            r"who (?:disagreed|objected|pushed back|resisted|said no|was against|were against|stood in the way)"
        ),
    ),
    (
        "T",
        re.compile(
            r"(?:what|where) (?:i|we) (?:owned|own|took on|signed up for|set out to|committed to|"
            r"(?:was|were) (?:accountable|responsible|asked|hired|on the hook)|"
            r"(?:needed|had|wanted|set out|was asked|were asked) to (?:do|achieve|fix|solve|deliver|change))\b|"
            r"(?:the |my |our )?(?:brief|charter|assignment|ownership|responsibilities|commitment|goal|goals|target|objectives?|mission)\b"
        ),
    ),
    (
        "S",
        re.compile(
            r"(?:the |our )?(?:setup|starting point|landscape)\b|what was (?:really |actually )?(?:wrong|broken|going on|happening)|"
            r"where (?:things|we) (?:stood|were|started)|why it mattered"
        ),
    ),
)
_TRIAL_WORD = re.compile(r"\b(?:testing|pilot|trial|beta|prototype|experiment)s?\b")
_FINITE_BE = re.compile(r"\b(?:was|were|is|are)\b", re.I)
_QUESTION_WORD = re.compile(r"(?:what|how|where|why)\b", re.I)


def _free_part(phrase: str) -> str | None:
    phrase = " ".join(phrase.lower().replace("\u2019", "'").split())
    # "Impact was hard to measure" is a sentence; "What I was accountable for" a label.
    if _FINITE_BE.search(phrase) and not _QUESTION_WORD.match(phrase):
        return None
    # "What changed in testing", "Pilot results": a trial is part of what was done.
    if _TRIAL_WORD.search(phrase):
        return "A"
    # A family's phrase is more specific than the label word it may start with: "Where it landed" is
    # the outcome, though "Where" alone names the setting.
    family = next((part for part, family in _FAMILIES if family.match(phrase + " ")), None)
    if family:
        return family
    named = _LABEL_FIRST.match(phrase)  # "Steps I took", "Outcome for members"
    return _PART_OF[named.group()][0] if named else None


def _label_shaped(m: re.Match[str], text: str, end: int, *, inline: bool, dash_inline: bool = False) -> bool:
    """Whether the match reads as a label rather than the start of a sentence; `dash_inline`
    lets a dash mark it inside a line as a colon does."""
    mark = (m.group("mark") or "").strip()
    inner = (m.group("inner") or "").strip()
    colon = inner == ":" or mark == ":"
    opened, closed = m.group("open"), m.group("close")
    wrapped = bool(opened) and _CLOSING[opened] == closed
    after_name = text[m.end("qual") : min(m.end("qual") + 1, end)]
    if after_name.isalnum() or (opened and not wrapped and not colon):
        return False  # "Actionable", "Tasks", "**Situation text"
    # Unmarked, a label must be the whole line: "Results were mixed" is a sentence, and
    # "## Steps I took" a label in the writer's words.
    if not (colon or mark or inner or wrapped) and text[m.end() : end].strip():
        return False
    dashed = dash_inline and (mark or inner) in ("-", "\u2013", "\u2014")
    return colon or not inline or dashed


def find_heading(text: str, start: int, end: int, *, inline: bool = False) -> Heading | None:
    """The STAR label opening text[start:end], if any.

    ``inline`` is for a label after a sentence inside a line ("... fees. Task: I owned ...");
    there a colon marks a label, and a dash only after a whole STAR name ("... 7% abandon rate.
    Task – My mandate was..."), never a letter or a stage phrase.
    """
    m = _HEADING.match(text, start, end)
    name = " ".join(m.group("name").lower().split()) if m else ""
    firm = name not in _LETTERS and name not in _SOFT
    if m and _label_shaped(m, text, end, inline=inline, dash_inline=firm):
        if name in _LETTERS:
            # A letter needs a mark of its own: "S:", "S)", "**R —**", never a bare "A".
            marked = (m.group("mark") or m.group("inner")) and not m.group("qual")
            return Heading(m.start(), m.end(), _LETTERS[name]) if marked else None
        part = _PART_OF[name]
        named = (_PART_OF[" ".join(n.lower().split())] for n in _MORE_NAME.findall(m.group("more")))
        also = "".join(dict.fromkeys(p for p in named if p != part))
        return Heading(m.start(), m.end(), part[0], part[1:] + also, firm=name not in _SOFT)
    m = _FREE.match(text, start, end)
    if not m or not _label_shaped(m, text, end, inline=inline):
        return None
    free = _free_part(m.group("name"))
    return Heading(m.start(), m.end(), free, firm=False) if free else None
