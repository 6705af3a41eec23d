"""Who acted, and toward what: first-person actions against "we", "the team" and the passive,
and whether the candidate's goal carries a measurable target and a constraint."""

from __future__ import annotations

import re

from ...parse import Document
from ...parse.matcher import compile_lower, compile_pattern
from ..casefold import fold
from ..evidence import Detection, Evidence
from ..registry import detector

# Past-tense verbs that do not end in -ed, for "we" and the passive.
_IRREGULAR = (
    r"made|ran|wrote|rewrote|built|rebuilt|took|sat|spent|read|led|drove|set|got|went|brought|sent|told|"
    r"found|chose|gave|kept|met|put|saw|spoke|began|won|held|cut|did|had|heard|sought|paid|dug|split|"
    r"stood|fought|bought|caught|shut|taught|understood|withdrew|overrode|undertook|oversaw|rode|flew|rang|drew|sold|lent"
)
_ADVERB = r"(?:(?:also|then|first|personally|myself|\w+ly|um|uh|er),?\s+|like,\s+){0,2}"
_PAST = rf"(?:\w+ed|{_IRREGULAR})\b"
# After "I", what is not an action: states, opinions, wishes, modals and habits ("I think",
# "I was", "I would bring", "I always start"), told in the past or the present.
_NOT_ACTION = (
    r"(?:am|was|were|is|are|be|been|have|has|had to|think|thought|believe|believed|feel|felt|guess|mean|meant|"
    r"know|knew|love|loved|like|liked|want|hope|hoped|wish|would|could|should|will|can|might|may|must|shall|"
    r"always|usually|often|generally|typically|just|do|don't|didn't|did not|wasn't|couldn't|wouldn't|can't|"
    r"cannot|need|needed|"
    # a supporting part in others' work is not the candidate's own action ("I helped with", "I sat in on")
    r"helped (?:with|out|on)|sat in|assisted|participated|contributed to|took part)\b"
)
# "how I bring people along" describes the candidate, it does not tell what they did.
I_ACTION = compile_pattern(rf"(?<!how )(?<!what )\bI,?\s+{_ADVERB}(?!{_NOT_ACTION})([a-z][\w-]*)", cased=True)
_OTHER_SUBJECT = compile_lower(r"\b(?:we|they|he|she|it|the team|our team|everyone)\b")
WE_ACTION = compile_lower(
    rf"\b(?:we|the team|our team|the squad|my team|the group)\s+{_ADVERB}(?!were\b|had to\b)({_PAST})",
)
# Adjectives that look like participles ("was frustrated") are states, not hidden actors.
_STATE = (
    r"frustrated|worried|confused|annoyed|scared|excited|interested|delighted|surprised|pleased|measured|"
    r"impressed|stuck|concerned|tired|based|located|limited|used|supposed|aligned|involved|convinced|"
    r"asked|hired|tasked|brought|promoted|responsible|able|happy|stretched|sure|committed|expected|designed to"
)
# A bullet or a note that opens with a past verb ("- read 200 claim files", "**A:** Profiled the
# invalidations.", "Added composite indexes.") is told by the candidate, subject left out.
NOTE_ACTION = compile_lower(
    rf"^\s*(?:(?:[-*•]|\d+[.)])\s+|\**\s*[a-z][a-z ]{{0,15}}?\s*\**\s*[:–—]\s*\**\s*)?{_ADVERB}(?!(?:{_STATE})\b)({_PAST})\s+(?!by\b)[\w$£€]"
)
_PASSIVE = compile_lower(
    rf"\b(?:was|were|got|get|gets|been|being)\s+(?:\w+ly\s+)?(?!(?:{_STATE})\b)"
    r"(\w+ed|made|built|done|taken|given|put|set|run|written|kept|held|shown|sent|told|found|chosen|won|"
    r"led|driven|kicked off|rolled out|carried out)\b",
)
# Further verbs of the same "I" ("I read the tickets, called ten owners and proposed..."), up to another subject.
_MORE_ACTIONS = compile_pattern(rf"(?:,|\band\b|\bthen\b)\s+(?:then\s+|also\s+)?(?!(?:{_STATE})\b)({_PAST})\s+\w")
# "I was asked to" is a task, and "cases that had been closed" describes a thing: neither hides an actor.
_NOT_HIDING = compile_pattern(r"(?:\bI|\bthat|\bwhich|\bwho|\bhad)\s+(?:\w+\s+)?$", cased=True)


def _more_actions(rest: str, folded_rest: str) -> int:
    """Verbs that continue the candidate's action in the rest of the sentence, until someone else acts.
    `folded_rest` is `rest` folded (see casefold)."""
    other = _OTHER_SUBJECT.search(folded_rest)
    return len(_MORE_ACTIONS.findall(rest[: other.start()] if other else rest))


def _passives(text: str, folded: str) -> list[re.Match]:
    """Passive actions that hide who acted; `folded` is `text` folded (see casefold)."""
    return [m for m in _PASSIVE.finditer(folded) if not _NOT_HIDING.search(text[: m.start()])]


@detector(
    "ownership.actors",
    signals={"ownership.first_person": "ownership", "ownership.hidden_actor": "ownership"},
    facts=("ownership.i_share", "ownership.i_actions", "ownership.we_actions"),
)
def actors(doc: Document, rubric, found) -> Detection:
    """Share of actions in Task and Action told as "I did" rather than "we did" or in the passive."""
    sentences = doc.sentences_in("A", "T") or doc.sentences
    evidence, mine, others, ours = [], 0, 0, 0
    for s in sentences:
        folded = fold(s.text)
        own = list(I_ACTION.finditer(s.text)) or list(NOTE_ACTION.finditer(folded))
        team = list(WE_ACTION.finditer(folded))
        hidden = team + _passives(s.text, folded)
        ours += len(team)
        mine += len(own) + (_more_actions(s.text[own[-1].end() :], folded[own[-1].end() :]) if own else 0)
        others += len(hidden)
        if own:
            evidence.append(
                Evidence(
                    "ownership.first_person", "ownership", s.start + own[0].start(), s.start + own[0].end(), s.index
                )
            )
        if hidden:
            m = min(hidden, key=lambda m: m.start())
            evidence.append(
                Evidence(
                    "ownership.hidden_actor", "ownership", s.start + m.start(), s.start + m.end(), s.index, "costs"
                )
            )
    total = mine + others
    shares = {"ownership.i_share": mine / total if total else 0.0, "ownership.i_actions": float(mine)}
    return Detection(tuple(evidence), shares | {"ownership.we_actions": float(ours)})


# A constraint on the goal: what must not get worse while the target is met.
_CONSTRAINT = compile_lower(
    r"\b(?:without|while (?:keeping|holding|meeting|staying|maintaining|protecting|not)|"
    r"(?:(?<=, )|\band (?:to )?)(?:keep(?:ing)?|hold(?:ing)?|protect(?:ing)?|maintain(?:ing)?) (?:\w+[ -]){1,4}(?:flat|steady|level|unchanged|under|below|at)|(?:within|inside) (?:a|an|the|our|my) "
    r"[^,.;]{0,30}(?:budget|limits?|cap|appetite|ceiling)|no more than|not (?:exceed|raise|increase)|staying (?:under|within)|"
    r"kept (?:under|below|within)|(?:had|has|have|needed|needs) to (?:stay|remain) (?:capped|flat|under|below|within|unchanged)|"
    # a guardrail named beside the target: "with defaults under 6%", "and a budget of £2M", "and not slow anyone down"
    r"with (?:\w+[ -]){1,4}(?:under|below|no higher than|no worse than|at most|held at|flat|unchanged)|"
    r"(?:with|and|on) (?:a|the|an) (?:\w+ )?budget of|within (?:\$|£|€)\d|"
    r"and (?:to )?not (?:make|raise|add|slow|hurt|increase|loosen|lower|put|let)|(?:and|with) zero|"
    r"(?:with|on) (?:the )?condition|(?:as|so) long as|"
    # a prohibition on the goal, not a relative clause about someone ("filers who could not pay")
    r"(?<!who )(?<!that )(?<!which )(?:could|can|must|should)(?: not|n't) (?!be\b)\w+|"
    # a guardrail as a rule or as no change: "with one rule from legal", "with no rise in defaults", "and have zero outages"
    r"with (?:one|a|an|the|two|three) (?:\w+ )?(?:rules?|conditions?|constraints?|guardrails?|requirements?|caveats?)|"
    r"with no (?:\w+ )?(?:rise|increase|drop|fall|change|loss|more|worsening|hit)|(?:and|with) (?:have |keep |allow |see )?zero)\b",
)
# A number that measures the target; spans of time ("within two quarters", "for the half") do not.
_MEASURE = compile_lower(
    r"(?:\$|£|€)?\b\d(?:[\d,.]*\d)?(?:\s?(?:%|percent|points?|bps|basis points))?|\b(?:half|halve|halving|halved|a third|a quarter of|"
    # fractions, ratios and bounds told in words: "two thirds", "one in twenty-five", "under an hour"
    r"two thirds|(?:two|three) quarters of|one in [\w-]+|(?:under|below|less than) an? (?:hour|minute|day|week)|"
    r"double|doubling|triple|tenfold|zero)\b",
)
_TIME_UNIT = compile_lower(
    r"^[\s-]*(?:calendar |business |working )?(?:days?|weeks?|months?|quarters?|years?|sprints?|hours?|minutes?)\b"
)
# A number after these words dates the goal ("within two quarters", "for the half", "by Q3").
_SPAN_BEFORE = compile_lower(r"\b(?:within|in|over|for|after|during|next|first|last|the|this|every|each|past)\s+$|\bQ$")
_YEAR = compile_pattern(r"(?:19|20)\d\d")
_HALF_YEAR = compile_lower(r"\b(?:the|this|first|second|next|last)\s+$")
_METRIC_SPAN = compile_pattern(r"-(?:day|week|month|year)\b")


def measurable(text: str, start: int = 0, folded: str | None = None) -> re.Match | None:
    """The first number in `text` (from `start`) that measures something rather than dating it.
    The match is on `folded`, `text` folded (see casefold), folded here unless given."""
    if folded is None:
        folded = fold(text)
    for m in _MEASURE.finditer(folded, start):
        before, after = folded[: m.start()], folded[m.end() :]
        if _YEAR.fullmatch(m.group(0)) or (_SPAN_BEFORE.search(before) and _TIME_UNIT.match(after)):
            continue
        if m.group(0) == "half" and _HALF_YEAR.search(before):  # "for the half" is a planning period
            continue
        if _METRIC_SPAN.match(text, m.end()):  # "the 30-day repeat rate" names a metric, not a target
            continue
        return m
    return None


_NEXT_CLAUSE = compile_pattern(r"[,;]\s*(?:and\s+)?")


def _target_after(text: str, folded: str, limit: re.Match) -> re.Match | None:
    """A target told in a later clause than its guardrail ("with a $150K budget, and to reach
    100,000 users"); a number inside the guardrail's own clause measures the guardrail."""
    clause = _NEXT_CLAUSE.search(text, limit.end())
    return measurable(text, clause.end(), folded) if clause else None


@detector("ownership.target", signals={"ownership.target": "ownership"}, facts=("ownership.constrained_target",))
def target(doc: Document, rubric, found) -> Detection:
    """A goal sentence with a measurable target, and a constraint stated after the target."""
    evidence, constrained = [], 0
    goals = found.sentences_with("ownership.goal", "ownership.intent")
    # a heading ("My goal", "**Mandate**") states the goal in the sentence under it
    goals |= {i + 1 for i in goals if i + 1 < len(doc.sentences) and len(doc.sentences[i].text.split()) <= 4}
    for index in sorted(goals):
        s = doc.sentences[index]
        folded = fold(s.text)
        limit = _CONSTRAINT.search(folded)
        end = limit.start() if limit else len(s.text)
        number = measurable(s.text[:end], folded=folded[:end])
        if (
            number is None
            and limit is not None
            and measurable(s.text[limit.start() : limit.end()], folded=limit.group(0))
        ):
            number = limit  # a quantified limit ("within a $450K budget") is measurable too
        if number is None and limit is not None:
            number = _target_after(s.text, folded, limit)
        if number is None:
            continue
        evidence.append(
            Evidence("ownership.target", "ownership", s.start + number.start(), s.start + number.end(), s.index)
        )
        constrained += limit is not None
    return Detection(tuple(evidence), {"ownership.constrained_target": float(constrained)})
