"""Give every sentence a STAR part: from its heading when there is one, otherwise inferred."""

from __future__ import annotations

import re
from dataclasses import replace

from .document import Heading, Sentence

_RESULT = re.compile(r"\b(result|as a result|outcome|impact|dropped|fell|rose|increased|decreased|reduced|cut|went from|down|up) ", re.I)
_TASK = re.compile(r"\b(my (goal|task|job|role|responsibility)|i (owned|was responsible|was asked|was tasked|needed to)|our goal)\b", re.I)
_REFLECT = re.compile(r"\b(i learned|lesson|in hindsight|looking back|what i('d| would) do differently)\b", re.I)


def assign_parts(text: str, sentences: tuple[Sentence, ...], headings: tuple[Heading, ...]) -> tuple[Sentence, ...]:
    if headings:
        return _from_headings(sentences, headings)
    return _inferred(sentences)


def _from_headings(sentences: tuple[Sentence, ...], headings: tuple[Heading, ...]) -> tuple[Sentence, ...]:
    out, current = [], "O"
    pending = list(headings)
    for s in sentences:
        while pending and pending[0].start < s.end:
            current = pending.pop(0).part
        out.append(replace(s, part=current, part_source="heading"))
    return tuple(out)


def _inferred(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    n = len(sentences)
    out = []
    for s in sentences:
        pos = s.index / max(n, 1)
        if _REFLECT.search(s.text):
            part = "O"
        elif _TASK.search(s.text):
            part = "T"
        elif pos < 0.2:
            part = "S"
        elif pos > 0.75 and _RESULT.search(s.text):
            part = "R"
        else:
            part = "A"
        out.append(replace(s, part=part))
    return tuple(out)
