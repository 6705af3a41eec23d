"""detect: read a Document and return evidence spans (rubric patterns, then structural detectors)."""

from __future__ import annotations

from ..parse import Document
from ..rubric import Rubric
from .evidence import Detection, Evidence, Signals, Suppression
from .patterns import match_rubric
from .registry import detector, registered

__all__ = ["Detection", "Evidence", "Signals", "Suppression", "detect", "detector", "registered"]


def detect(doc: Document, rubric: Rubric) -> Signals:
    signals = Signals()
    for detection in match_rubric(rubric, doc):
        signals.add(detection)
    signals.ran.append("rubric patterns")
    for d in registered():
        signals.add(d.fn(doc, rubric, signals))
        signals.ran.append(d.id)
    return signals
