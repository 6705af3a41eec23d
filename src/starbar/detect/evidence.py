"""Findings: small frozen records tying a signal to a span of the original text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Evidence:
    signal: str
    dimension: str | None
    start: int  # the match itself, half-open offsets into the input text
    end: int
    sentence: int  # index of the sentence that holds the match
    polarity: str = "earns"  # "earns" raises a dimension, "costs" holds it down
    note: str = ""


@dataclass(frozen=True, slots=True)
class Suppression:
    """A match that was found and then set aside, kept so --explain can say why."""

    signal: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Detection:
    evidence: tuple[Evidence, ...] = ()
    facts: dict[str, float] = field(default_factory=dict)
    suppressed: tuple[Suppression, ...] = ()


@dataclass
class Signals:
    """Everything the detectors found in one document; read by the judge."""

    evidence: list[Evidence] = field(default_factory=list)
    facts: dict[str, float] = field(default_factory=dict)
    suppressed: list[Suppression] = field(default_factory=list)
    # Evidence that is only the rubric's vocabulary: it earns a dimension's level 1 at most.
    claims: list[Evidence] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)

    def add(self, detection: Detection) -> None:
        self.evidence.extend(detection.evidence)
        self.suppressed.extend(detection.suppressed)
        self.facts.update(detection.facts)
        # A signal's fact is the number of sentences that carry it.
        pairs = {(e.signal, e.sentence) for e in detection.evidence}
        for signal, count in Counter(signal for signal, _ in pairs).items():
            self.facts[signal] = self.facts.get(signal, 0) + count

    def of(self, *signals: str) -> list[Evidence]:
        wanted = set(signals)
        return [e for e in self.evidence if e.signal in wanted]

    def sentences_with(self, *signals: str) -> set[int]:
        return {e.sentence for e in self.of(*signals)}
