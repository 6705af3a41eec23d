"""An answer to a principle without a rubric, read with `fit` by lp-identification.md's rule: a
story answers the question asked only if it shows at least three signals of the asked
principle; with fewer, and another principle at three or more, it is a mismatch (the story is
about that other principle); with neither, it is too thin to answer any question well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..api import fit
from ..principles import PrincipleFit
from ..principles.rank import PRIMARY_SIGNALS

Status = Literal["shows", "mismatch", "thin"]


@dataclass(frozen=True)
class FitReading:
    """What `fit` found for the asked principle, and, for a mismatch, the principle shown instead."""

    asked: PrincipleFit
    # The best-ranked other principle with enough signals, when the asked one has too few.
    about: PrincipleFit | None

    @property
    def status(self) -> Status:
        if self.asked.signals >= PRIMARY_SIGNALS:
            return "shows"
        return "mismatch" if self.about is not None else "thin"

    @property
    def summary(self) -> str:
        """One line a candidate reads: does the answer show the principle asked about?"""
        n = self.asked.signals
        counted = f"{n} signal{'s' if n != 1 else ''} of {self.asked.name}"
        if self.status == "shows":
            return f"Shows {self.asked.name}: {counted} (3 needed)."
        if self.about is not None:
            return (
                f"Mismatch: only {counted} (3 needed); the story is about {self.about.name} "
                f"({self.about.signals} signals). Tell a story centred on the principle asked."
            )
        return f"Too thin: {counted} (3 needed), and no other principle reaches 3."

    def to_dict(self) -> dict:
        """The reading as JSON: the status, the asked principle's fit, the principle shown instead."""
        return {
            "status": self.status,
            "signals_needed": PRIMARY_SIGNALS,
            "asked": self.asked.to_dict(),
            "about": self.about.to_dict() if self.about is not None else None,
        }


def read_with_fit(answer: str, lp: str) -> FitReading:
    """Read `answer` to a question about principle `lp`; raises `InputError` like `fit`."""
    ranked = fit(answer).ranked
    asked = next(p for p in ranked if p.id == lp)
    about = None
    if asked.signals < PRIMARY_SIGNALS:
        about = next((p for p in ranked if p.id != lp and p.signals >= PRIMARY_SIGNALS), None)
    return FitReading(asked, about)
