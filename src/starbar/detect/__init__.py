"""detect: read a Document and return evidence spans (rubric patterns, then structural detectors)."""

from __future__ import annotations

from dataclasses import replace

from ..parse import Document, Sentence
from ..rubric import Rubric
from .evidence import Detection, Evidence, Signals, Suppression
from .patterns import match_rubric
from .registry import detector, for_rubric
from .substance import concrete

__all__ = ["Detection", "Evidence", "Signals", "Suppression", "detect", "detector"]


def detect(doc: Document, rubric: Rubric) -> Signals:
    """The rubric's pattern and unit signals, then the structural detectors it declares, in its
    order (each may read what came before); last, evidence made of the rubric's own vocabulary
    is set aside where its sentence holds nothing concrete."""
    signals = Signals()
    for detection in match_rubric(rubric, doc):
        signals.add(detection)
    signals.ran.append("rubric patterns")
    for d in for_rubric(rubric.detectors):
        signals.add(_speaking_for(rubric.dimension_of, d.fn(doc, rubric, signals)))
        signals.ran.append(d.id)
    if rubric.claim_words:
        _set_aside_bare_claims(doc, signals, rubric.claim_words)
    return signals


def _speaking_for(dimension_of: dict[str, str], detection: Detection) -> Detection:
    """A shared detector's evidence under the dimension this rubric gives its signals."""
    if not dimension_of:
        return detection

    def dimension(signal: str, default: str | None) -> str | None:
        family = signal.split(".", 1)[0] + ".*"
        return dimension_of.get(signal, dimension_of.get(family, default))

    moved = tuple(replace(e, dimension=dimension(e.signal, e.dimension)) for e in detection.evidence)
    return Detection(moved, detection.facts, detection.suppressed)


def _set_aside_bare_claims(doc: Document, signals: Signals, claim_signal: str) -> None:
    """Evidence in a sentence that speaks the rubric's own vocabulary and holds nothing concrete
    moves from `evidence` to `claims`: the judge lets a claim earn a dimension's level 1 (the
    rubric's "generic claim" anchors) and never more. The whole sentence is set aside, not only
    the buzzword: "I dove deep to understand the why behind the ask" says nothing either way."""
    spoken: dict[int, list[Evidence]] = {}
    for e in signals.of(claim_signal):
        spoken.setdefault(e.sentence, []).append(e)
    if not spoken:
        return
    bare = {i for i, words in spoken.items() if concrete(_without(doc.sentences[i], words)) is None}
    kept: list[Evidence] = []
    for e in signals.evidence:
        if _claimable(e, claim_signal) and e.sentence in bare:
            signals.claims.append(e)
            signals.suppressed.append(
                Suppression(e.signal, e.start, e.end, "a sentence of rubric vocabulary with nothing concrete in it")
            )
            continue
        kept.append(e)
    # A signal's fact counts the sentences that still carry it.
    for name in {e.signal for e in signals.claims}:
        signals.facts[name] = len({e.sentence for e in kept if e.signal == name})
    signals.evidence = kept


def _without(sentence: Sentence, words: list[Evidence]) -> str:
    """The sentence with the rubric's vocabulary blanked out: "the five whys" names a method, and
    its number makes nothing concrete."""
    text = sentence.text
    for e in sorted(words, key=lambda e: e.start, reverse=True):
        a, b = e.start - sentence.start, e.end - sentence.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _claimable(e: Evidence, claim_signal: str) -> bool:
    """Evidence a bare claim may carry: anything that speaks for a dimension, the rubric's
    generic-claim signals included (so a claim never counts as the dimension's evidence when
    the learned layer decides whether it may raise a level), but not the vocabulary itself."""
    return e.polarity == "earns" and e.dimension is not None and e.signal != claim_signal
