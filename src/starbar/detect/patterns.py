"""The data-driven detector kind: a rubric signal's patterns, matched sentence by sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parse import Document
from ..parse.matcher import Matcher, compile_lower
from ..rubric import Rubric, all_signals, expand
from .casefold import fold
from .evidence import Detection, Evidence, Suppression


@dataclass(frozen=True)
class CompiledSignal:
    id: str
    dimension: str | None
    polarity: str
    parts: frozenset[str]
    match: re.Pattern | Matcher
    with_: tuple[re.Pattern | Matcher, ...]
    without: tuple[re.Pattern | Matcher, ...]


def _compile(rubric: Rubric, regex: str) -> re.Pattern | Matcher:
    return compile_lower(expand(rubric, regex))


# Rubrics hold lists and dicts, so they cannot key an lru_cache; keep the rubric beside its
# compiled form and compare identity.
_COMPILED: dict[int, tuple[Rubric, tuple[CompiledSignal, ...]]] = {}


def compiled(rubric: Rubric) -> tuple[CompiledSignal, ...]:
    hit = _COMPILED.get(id(rubric))
    if hit and hit[0] is rubric:
        return hit[1]
    out = []
    for dim_id, s in all_signals(rubric):
        pattern = "|".join(f"(?:{p})" for p in s.patterns)
        out.append(
            CompiledSignal(
                s.id,
                dim_id,
                s.polarity,
                frozenset(s.parts),
                _compile(rubric, pattern),
                tuple(_compile(rubric, w) for w in s.with_),
                tuple(_compile(rubric, w) for w in s.without),
            )
        )
    _COMPILED[id(rubric)] = (rubric, tuple(out))
    return tuple(out)


def match_signal(signal: CompiledSignal, doc: Document, folded: list[str] | None = None) -> Detection:
    """Evidence for one signal; `folded` is each sentence's case-folded text, if already made."""
    folded = folded or [fold(s.text) for s in doc.sentences]
    evidence, suppressed = [], []
    for sentence, text in zip(doc.sentences, folded):
        if signal.parts and sentence.part not in signal.parts:
            continue
        m = signal.match.search(text)
        if not m or not all(w.search(text) for w in signal.with_):
            continue
        start, end = sentence.start + m.start(), sentence.start + m.end()
        blocker = next((w for w in signal.without if w.search(text)), None)
        if blocker is not None:
            suppressed.append(Suppression(signal.id, start, end, f"the sentence also matches /{blocker.pattern}/"))
            continue
        evidence.append(Evidence(signal.id, signal.dimension, start, end, sentence.index, signal.polarity))
    return Detection(tuple(evidence), {}, tuple(suppressed))


def match_rubric(rubric: Rubric, doc: Document) -> list[Detection]:
    folded = [fold(s.text) for s in doc.sentences]
    return [match_signal(signal, doc, folded) for signal in compiled(rubric)]
