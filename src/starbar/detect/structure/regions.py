"""Where in a story to look: the setup (the customer's problem) and the result.

STAR labels are read from the text when given and inferred otherwise; an inferred label can be
wrong at the edges, so both regions also trust position and cue words, not the label alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...parse import Document, Sentence
from ...parse.cues import HERES_HOW
from ...parse.matcher import Matcher, compile_lower
from ...rubric import Rubric, expand
from ..casefold import fold
from ..evidence import Evidence

# Share of the opening sentences read as setup whatever their label.
_OPENING_SHARE = 0.3
# The product reached customers: the first thing an outcome reports.
_SHIPPED = (
    r"(?:it|we|they) (?:shipped|launched|went live)|shipped (?:it )?(?:on time|at the end)|launched (?:on time|in)"
)
# Compiled lowered (compile_lower): it matches folded text (see casefold).
_RESULT_CUE = compile_lower(
    r"^\W*(?:results?|outcomes?|impact)\b|\b(?:as a result|in the end|(?:after|since) (?:the |that |this |our )?(?:launch|release|rollout)|"
    rf"{_SHIPPED}|went (?:up|down)|(?:up|down) from|fell|dropped|rose|grew|increased|decreased|improved|were happier|loved it|"
    # A state the customers ended in, sized by an intensifier: "became much faster", "were a lot happier".
    r"(?:became|become|were|was|got|felt) (?:much|far|way|a lot|so much) (?:more )?\w+|saved (?:them|their)|afterwards(?=\W*$))\b"
)

# The outcome told first, as a headline: a first-person act that moved something, a cue, or the
# window after the work it was measured over. A state before the work ("had risen to 5%") is setup.
_HEADLINE_CUE = compile_lower(
    r"\b(?:I|we)(?: \w+ly| then| finally)? (?:cut|reduced|brought|got|grew|raised|increased|doubled|halved|tripled|lifted|"
    r"lowered|drove|pushed|saved|recovered|returned|eliminated|removed|took (?:\w+ )?(?:down|up|from))\b|"
    r"^\W*(?:short version|long story short|the headline|headline|bottom line|in short|tl;?dr|end result|net result)\b|"
    rf"{HERES_HOW}|\b(?:how (?:I|we) got there|(?:I'm|I am) (?:starting|beginning|opening) with)\b|"
    r"\b(?:in|within|over|after) (?:the |just |only |about )?(?:first |next |following )?(?:\d+|one|two|three|four|five|six|"
    r"eight|nine|ten|twelve|a|a few|a couple of) (?:\w+ )?(?:days?|weeks?|months?|quarters?|years?)\b(?! (?:before|earlier|prior)\b)|"
    r"\bafter (?:this|the|that|our|my) (?:work|change|launch|fix|rollout|release|redesign)\b"
)
_STATE_BEFORE = compile_lower(
    r"\bhad (?:\w+ly )?(?:gone|risen|grown|fallen|climbed|doubled|tripled|dropped|crept|jumped|increased|decreased|reached|hit|been)\b|"
    r"\bused to\b"
)


def vocab_regex(rubric: Rubric, pattern: str) -> re.Pattern | Matcher:
    """A regex using the rubric's shared fragments ({customer}, {number}...), lowered: it matches
    FOLDED text (see casefold) as the original matched any text case-insensitively. The compile is
    cached, so building it per story is cheap."""
    return compile_lower(expand(rubric, pattern))


def cite(signal: str, dimension: str, s: Sentence, m: re.Match, offset: int = 0, polarity: str = "earns") -> Evidence:
    """Evidence for a match inside a sentence; `offset` is where the searched text starts in it."""
    return Evidence(signal, dimension, s.start + offset + m.start(), s.start + offset + m.end(), s.index, polarity)


def setup_sentences(doc: Document) -> list[Sentence]:
    """Situation and Task sentences, plus the opening of the story where its parts were inferred."""
    opening = max(3, round(len(doc.sentences) * _OPENING_SHARE))
    # With no sentence read as Situation or Task, a story still opens on its setting, even one
    # that starts under an Action label ("What I did: - pulled the data, found payments took 19 days").
    untold = not any(s.part in ("S", "T") for s in doc.sentences)
    return [
        s
        for s in doc.sentences
        if s.part in ("S", "T")
        or (
            s.index < opening
            and (untold or s.part_source != "heading")
            and (s.part not in ("R", "O") or (untold and s.index == 0))
        )
    ]


def _headline(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The opening block read as Result when it is told as the outcome of the work ("We cut failed
    payments from 9% to 3%", "Short version: ...", "... Here's how."), not a problem's trend
    ("drop-off rose from 12% to 30%") that the part labels took for a result."""
    block = list(sentences[: next((i for i, s in enumerate(sentences) if s.part != "R"), 0)])
    told = sentences[: len(block) + 1] if block else ()
    if any(_STATE_BEFORE.search(fold(s.text)) for s in block):
        return []
    return block if any(_HEADLINE_CUE.search(fold(s.text)) for s in told) else []


def result_sentences(doc: Document) -> list[Sentence]:
    """A result told first, before the setup (the opening block read as Result), then from the
    first Result sentence after the setup to the end (closing lines are often read as Action). In
    a story without a labelled result after its setup, from the first late sentence that reads as
    an outcome."""
    sentences = doc.sentences
    last_setup = max((s.index for s in sentences if s.part in ("S", "T")), default=-1)
    labelled = [s.index for s in sentences if s.part == "R"]
    first = next((i for i in labelled if i > last_setup), None)
    if first is None and labelled:
        return [s for s in sentences if s.part == "R"]
    opening = _headline(sentences)
    if first is None:
        half = len(sentences) // 2
        first = next((s.index for s in sentences[half:] if _RESULT_CUE.search(fold(s.text))), None)
    if first is None:
        return opening
    # A launch or an outcome told just before the labelled result ("It launched on time. Users loved it.").
    while (
        first > 0
        and sentences[first - 1].part not in ("S", "T")
        and _RESULT_CUE.search(fold(sentences[first - 1].text))
    ):
        first -= 1
    # "Other" sets aside a title or a closing reflection; a story read as nothing but setup and
    # "other" (a label such as "My target:" taken to govern the rest) has lost its parts instead.
    collapsed = not any(s.part in ("A", "R") for s in sentences)
    return opening + [s for s in sentences[max(first, len(opening)) :] if s.part != "O" or collapsed]


def before_result(doc: Document) -> list[Sentence]:
    """Everything told apart from the outcome: situation, task and action."""
    result = {s.index for s in result_sentences(doc)}
    return [s for s in doc.sentences if s.index not in result and s.part != "O"]
