"""Two answers of one loop that tell the same story: interviewers compare notes at the debrief,
and a story told twice counts once (lp-identification.md).

A story retold for another principle is re-centred, so its wording changes; what stays are its
particulars: the numbers, the names, the longer words that say what happened. Two answers are
the same story when most of the particulars of the shorter one recur in the other, numbers or
names among them: two stories from one job share its words ("payments", "lending"), not its
figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .questions import Question

# Share of the shorter answer's particulars the other must hold, the fewest shared, and the
# fewest numbers or names among them.
SAME_STORY_SHARE = 0.5
SAME_STORY_MIN = 6
SAME_STORY_FIGURES = 2
LONG_WORD = 7
_STAR_LABELS = {"situation", "task", "action", "actions", "result", "results"}
_NUMBER = re.compile(r"[$£€]?\d[\d,]*(?:\.\d+)?%?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Capitalised words that start sentences or STAR labels say nothing about which story it is.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)([A-Z][A-Za-z'-]*)")


@dataclass(frozen=True, slots=True)
class Reuse:
    """Two questions answered with the same story, and the particulars they share."""

    first: Question
    second: Question
    shared: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"first": self.first.id, "second": self.second.id, "shared": list(self.shared)}


@dataclass(frozen=True, slots=True)
class Particulars:
    """A story's figures (numbers and names capitalised mid-sentence) and its long words, lower-cased."""

    figures: frozenset[str]
    words: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.figures | self.words


def particulars(text: str) -> Particulars:
    numbers = {m.group().replace(",", "").lstrip("$£€") for m in _NUMBER.finditer(text)}
    starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    names, words = set(), set()
    for m in _WORD.finditer(text):
        word = m.group()
        if word.lower() in _STAR_LABELS:
            continue
        if word[0].isupper() and len(word) > 1 and m.start() not in starts:
            names.add(word.lower())
        elif len(word) >= LONG_WORD:
            words.add(word.lower())
    return Particulars(frozenset(numbers | names), frozenset(words - names))


def same_story(a: str, b: str) -> tuple[str, ...]:
    """The particulars two answers share when they tell the same story; empty otherwise."""
    pa, pb = particulars(a), particulars(b)
    shared = pa.all & pb.all
    smaller = min(len(pa.all), len(pb.all))
    if (
        smaller
        and len(shared) >= SAME_STORY_MIN
        and len(shared) / smaller >= SAME_STORY_SHARE
        and len(pa.figures & pb.figures) >= SAME_STORY_FIGURES
    ):
        return tuple(sorted(shared))
    return ()


def find_reuse(answers: Sequence[tuple[Question, str]]) -> tuple[Reuse, ...]:
    """Every pair of answered questions told with the same story, in the order asked."""
    found = []
    for i, (qa, a) in enumerate(answers):
        for qb, b in answers[i + 1 :]:
            shared = same_story(a, b)
            if shared:
                found.append(Reuse(qa, qb, shared))
    return tuple(found)
