"""Where in a story to look: the setup (the customer's problem) and the result.

STAR labels are read from the text when given and inferred otherwise; an inferred label can be
wrong at the edges, so both regions also trust position and cue words, not the label alone.
"""

from __future__ import annotations

import re

from ...parse import Document, Sentence
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


def result_sentences(doc: Document) -> list[Sentence]:
    """From the first Result sentence after the setup to the end (closing lines are often read as
    Action); a result told first, before the setup, is that opening block alone. In a story without
    a labelled result, from the first late sentence that reads as an outcome."""
    sentences = doc.sentences
    last_setup = max((s.index for s in sentences if s.part in ("S", "T")), default=-1)
    labelled = [s.index for s in sentences if s.part == "R"]
    first = next((i for i in labelled if i > last_setup), None)
    if first is None and labelled:
        return [s for s in sentences if s.part == "R"]
    if first is None:
        half = len(sentences) // 2
        first = next((s.index for s in sentences[half:] if _RESULT_CUE.search(fold(s.text))), None)
    if first is None:
        return []
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
    return [s for s in sentences[first:] if s.part != "O" or collapsed]


def before_result(doc: Document) -> list[Sentence]:
    """Everything told apart from the outcome: situation, task and action."""
    result = {s.index for s in result_sentences(doc)}
    return [s for s in doc.sentences if s.index not in result and s.part != "O"]
