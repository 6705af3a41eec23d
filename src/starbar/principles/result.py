"""What `fit` returns: all sixteen principles ranked, each with the quotes behind it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Role = Literal["primary", "secondary"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence that shows a signal: ``text[start:end] == quote``."""

    signal: str
    says: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"signal": self.signal, "says": self.says, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class PrincipleFit:
    id: str
    name: str
    tier: int
    score: float
    # Distinct signals shown, no sentence counted for two of them.
    signals: int
    quotes: tuple[Quote, ...]
    # "Mistaken for" patterns found: evidence of the level below, which lowers the score.
    mistaken: tuple[Quote, ...]
    role: Role | None
    # Sentences that name the principle or speak its signals' words with nothing concrete:
    # never evidence, only the order among principles whose scores tie.
    mentions: int = 0

    @property
    def claimed(self) -> bool:
        return self.role is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "tier": self.tier,
            "score": self.score,
            "signals": self.signals,
            "role": self.role,
            "mentions": self.mentions,
            "quotes": [q.to_dict() for q in self.quotes],
            "mistaken": [q.to_dict() for q in self.mistaken],
        }


@dataclass(frozen=True)
class Fit:
    version: str
    # All sixteen, best first (ties in the spec's table order).
    ranked: tuple[PrincipleFit, ...]
    # The principles with a full rubric worth a deep review, best first.
    deep: tuple[str, ...]

    @property
    def primary(self) -> PrincipleFit | None:
        return next((p for p in self.ranked if p.role == "primary"), None)

    def get(self, lp: str) -> PrincipleFit:
        return next(p for p in self.ranked if p.id == lp)

    def to_dict(self) -> dict[str, Any]:
        primary = self.primary
        return {
            "version": self.version,
            "primary": primary.id if primary else None,
            "claimed": [p.id for p in self.ranked if p.claimed],
            "deep_reviews": list(self.deep),
            "principles": [p.to_dict() for p in self.ranked],
        }
