"""The review: typed, frozen, and serialised to exactly the JSON contract by `to_dict`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..detect import Evidence, Signals, Suppression
from ..parse import Document, PartSpan

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence of the story that earned (or cost) a judgment."""

    start: int
    end: int
    signal: str
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "signal": self.signal, "quote": self.quote}


@dataclass(frozen=True)
class DimensionScore:
    id: str
    name: str
    level: int
    evidence: tuple[Quote, ...]
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "evidence": [q.to_dict() for q in self.evidence], "why": self.why}


@dataclass(frozen=True)
class FlagResult:
    id: str
    message: str
    evidence: tuple[Quote, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "message": self.message, "evidence": [q.to_dict() for q in self.evidence]}


@dataclass(frozen=True)
class Stats:
    words: int
    speaking_seconds: int
    part_shares: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {"words": self.words, "speaking_seconds": self.speaking_seconds, "part_shares": dict(self.part_shares)}


@dataclass(frozen=True)
class Trace:
    """What --explain shows: each detector's firing or suppression, and each decision's reason."""

    detectors: tuple[str, ...]
    fired: tuple[Evidence, ...]
    suppressed: tuple[Suppression, ...]
    decisions: tuple[str, ...]


# The verdicts from worst to best: what "one step" and "better" mean for a verdict.
VERDICT_ORDER = ("strong_no_hire", "no_hire", "hire", "strong_hire")


@dataclass(frozen=True)
class Swing:
    """One level more (`step` 1) or less (-1) on one dimension, and the verdict it would give."""

    dimension: str
    step: int
    verdict: str


@dataclass(frozen=True)
class Review:
    rubric: str
    level: str
    verdict: str
    archetype: str
    dimensions: dict[str, DimensionScore]
    flags: tuple[FlagResult, ...]
    parts: tuple[PartSpan, ...]
    followups: tuple[str, ...]
    next_steps: tuple[str, ...]
    stats: Stats
    context: str = "fintech"
    schema_version: int = SCHEMA_VERSION
    # Not part of the JSON contract: how close the verdict is (each single-level change that would
    # change it), and the inputs renderers need to show the story itself.
    swings: tuple[Swing, ...] = ()
    document: Document | None = field(default=None, compare=False, repr=False)
    trace: Trace | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""

    def flag(self, flag_id: str) -> FlagResult | None:
        return next((f for f in self.flags if f.id == flag_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "rubric": self.rubric,
            "level": self.level,
            "verdict": self.verdict,
            "archetype": self.archetype,
            "dimensions": {k: v.to_dict() for k, v in self.dimensions.items()},
            "flags": [f.to_dict() for f in self.flags],
            "parts": [{"start": p.start, "end": p.end, "part": p.part} for p in self.parts],
            "followups": list(self.followups),
            "next_steps": list(self.next_steps),
            "stats": self.stats.to_dict(),
        }


__all__ = [
    "SCHEMA_VERSION",
    "VERDICT_ORDER",
    "DimensionScore",
    "FlagResult",
    "Quote",
    "Review",
    "Signals",
    "Stats",
    "Swing",
    "Trace",
]
