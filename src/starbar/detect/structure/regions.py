"""Where in a story to look: the setup (the customer's problem) and the result.

STAR labels are read from the text when given and inferred otherwise; an inferred label can be
wrong at the edges, so both regions also trust position and cue words, not the label alone.
"""

from __future__ import annotations

import re

from ...parse import Document, Sentence
from ...rubric import Rubric, expand

# Share of the opening sentences read as setup whatever their label.
_OPENING_SHARE = 0.3
_RESULT_CUE = re.compile(
    r"^\W*(?:results?|outcomes?|impact)\b|\b(?:as a result|in the end|after (?:the )?launch|since (?:the )?launch|"
    r"(?:it|we|they) (?:shipped|launched|went live)|shipped (?:it )?(?:on time|at the end)|"
    r"went (?:up|down)|fell|dropped|rose|grew|increased|decreased|improved|were happier|loved it)\b",
    re.I,
)


def vocab_regex(rubric: Rubric, pattern: str) -> re.Pattern:
    """A regex using the rubric's shared fragments ({customer}, {number}...); `re` caches the compile."""
    return re.compile(expand(rubric, pattern), re.I)


def setup_sentences(doc: Document) -> list[Sentence]:
    """Situation and Task sentences, plus the opening of the story where its parts were inferred."""
    opening = max(3, round(len(doc.sentences) * _OPENING_SHARE))
    return [
        s for s in doc.sentences
        if s.part in ("S", "T") or (s.index < opening and s.part_source != "heading" and s.part not in ("R", "O"))
    ]


def result_sentences(doc: Document) -> list[Sentence]:
    """From the first Result sentence to the end (closing lines are often read as Action), or,
    in a story without a labelled result, from the first late sentence that reads as an outcome."""
    sentences = doc.sentences
    first = next((s.index for s in sentences if s.part == "R"), None)
    if first is None:
        half = len(sentences) // 2
        first = next((s.index for s in sentences[half:] if _RESULT_CUE.search(s.text)), None)
    if first is None:
        return []
    return [s for s in sentences[first:] if s.part != "O"]


def before_result(doc: Document) -> list[Sentence]:
    """Everything told before the outcome: situation, task and action."""
    result = result_sentences(doc)
    end = result[0].index if result else len(doc.sentences)
    return list(doc.sentences[:end])
