"""Helpers the detector tests share: what the detectors find in a text, and a dimension's level."""

from __future__ import annotations

from functools import partial

import starbar
from starbar.detect import Signals, detect
from starbar.detect.evidence import Evidence
from starbar.detect.patterns import compiled, match_signal
from starbar.parse import parse
from starbar.rubric import Rubric, load_rubric

# Detector tests judge by the rubric's anchors alone: the learned layer has tests of its own.
review = partial(starbar.review, calibrate=False)


def detected(text: str) -> Signals:
    return detect(parse(text), load_rubric())


def fired(text: str) -> set[str]:
    return {e.signal for e in detected(text).evidence}


def level(text: str, dimension: str) -> int:
    return review(text).dimensions[dimension].level


def anchored(text: str, lp: str) -> tuple[set[str], dict[str, int]]:
    """What a principle's anchors alone make of a text: the signals that fired and each level."""
    result = review(text, lp=lp)
    return {e.signal for e in result.trace.fired}, {d: s.level for d, s in result.dimensions.items()}


def signal_evidence(rubric: Rubric, signal_id: str, text: str) -> tuple[Evidence, ...]:
    """Where one of a rubric's signals fires in `text`, read alone (no other signal, gate or part)."""
    signal = next(s for s in compiled(rubric) if s.id == signal_id)
    return match_signal(signal, parse(text)).evidence
