"""The data-driven detector kind: a rubric signal's patterns and meaning units, matched
sentence by sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parse import Document
from ..parse.matcher import Matcher, compile_lower
from ..rubric import Rubric, all_signals, expand
from ..rubric.loader import per_rubric
from .casefold import fold
from .evidence import Detection, Evidence, Suppression
from .units import Lexicon, Reading, Unit, parse_unit, read, search


@dataclass(frozen=True)
class CompiledSignal:
    id: str
    dimension: str | None
    polarity: str
    parts: frozenset[str]
    match: re.Pattern | Matcher | None
    units: tuple[Unit, ...]
    lexicon: Lexicon  # the rubric's word classes, which the units read
    with_: tuple[re.Pattern | Matcher, ...]
    without: tuple[re.Pattern | Matcher, ...]


def _compile(rubric: Rubric, regex: str) -> re.Pattern | Matcher:
    return compile_lower(expand(rubric, regex))


@per_rubric
def lexicon(rubric: Rubric) -> Lexicon:
    return Lexicon(rubric.classes)


@per_rubric
def compiled(rubric: Rubric) -> tuple[CompiledSignal, ...]:
    out = []
    for dim_id, s in all_signals(rubric):
        pattern = "|".join(f"(?:{p})" for p in s.patterns)
        out.append(
            CompiledSignal(
                s.id,
                dim_id,
                s.polarity,
                frozenset(s.parts),
                _compile(rubric, pattern) if s.patterns else None,
                tuple(parse_unit(u, rubric.classes) for u in s.units),
                lexicon(rubric),
                tuple(_compile(rubric, w) for w in s.with_),
                tuple(_compile(rubric, w) for w in s.without),
            )
        )
    return tuple(out)


def match_signal(
    signal: CompiledSignal, doc: Document, folded: list[str] | None = None, readings: Readings | None = None
) -> Detection:
    """Evidence for one signal; `folded` is each sentence's case-folded text, if already made."""
    folded = folded or [fold(s.text) for s in doc.sentences]
    if readings is None and signal.units:
        readings = Readings(doc, signal.lexicon)
    evidence, suppressed = [], []
    for sentence, text in zip(doc.sentences, folded):
        if signal.parts and sentence.part not in signal.parts:
            continue
        span = _first_match(signal, sentence.index, text, readings)
        if span is None or not all(w.search(text) for w in signal.with_):
            continue
        start, end = sentence.start + span[0], sentence.start + span[1]
        blocker = next((w for w in signal.without if w.search(text)), None)
        if blocker is not None:
            suppressed.append(Suppression(signal.id, start, end, f"the sentence also matches /{blocker.pattern}/"))
            continue
        evidence.append(Evidence(signal.id, signal.dimension, start, end, sentence.index, signal.polarity))
    return Detection(tuple(evidence), {}, tuple(suppressed))


class Readings:
    """Each sentence read for meaning units once, on first use, and shared by every signal."""

    def __init__(self, doc: Document, lexicon: Lexicon):
        self._doc = doc
        self._lexicon = lexicon
        self._cache: dict[int, Reading] = {}

    def __getitem__(self, index: int) -> Reading:
        hit = self._cache.get(index)
        if hit is None:
            hit = self._cache[index] = read(self._doc.sentences[index].text, self._lexicon)
        return hit


def _first_match(signal: CompiledSignal, index: int, text: str, readings: Readings | None) -> tuple[int, int] | None:
    if signal.match is not None and (m := signal.match.search(text)):
        return m.start(), m.end()
    if signal.units and readings is not None:
        reading = readings[index]
        for unit in signal.units:
            if (span := search(unit, reading)) is not None:
                return span
    return None


def match_rubric(rubric: Rubric, doc: Document) -> list[Detection]:
    folded = [fold(s.text) for s in doc.sentences]
    readings = Readings(doc, lexicon(rubric))
    return [match_signal(signal, doc, folded, readings) for signal in compiled(rubric)]
