"""The shape of ``fit/data/principles.yaml``. Unknown keys are errors, as in a rubric file.

A principle's signals and its "mistaken for" patterns have a rubric signal's shape (patterns
and/or meaning units, ``with``/``without``, examples that fire and stay quiet), so the same
matcher reads both.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..rubric.schema import Signal, Strict

# The principles that have a full rubric (issue 12): the deep reviews `fit` can recommend.
DEEP = (
    "customer-obsession",
    "ownership",
    "invent-and-simplify",
    "earn-trust",
    "dive-deep",
    "have-backbone",
    "deliver-results",
)


class Principle(Strict):
    id: str = Field(pattern=r"^[a-z]+(?:-[a-z]+)*$")
    name: str
    tier: Literal[1, 2, 3, 4]
    bar: str
    signals: list[Signal] = Field(min_length=3)
    # Patterns the spec lists under "mistaken for": a sentence holding one earns this
    # principle nothing, and each one found lowers its score.
    mistaken: list[Signal] = Field(default_factory=list)
    # Regexes for the words that name the principle ("disagree and commit"): never evidence, they
    # only order principles whose evidence ties (a thin story leans towards what it talks about).
    names: list[str] = Field(default_factory=list)


class Principles(Strict):
    version: str
    principles: list[Principle]

    @model_validator(mode="after")
    def _ids_unique(self) -> Principles:
        seen: set[str] = set()
        for p in self.principles:
            ids = [s.id for s in [*p.signals, *p.mistaken]]
            for sid in ids:
                if not sid.startswith(p.id + "."):
                    raise ValueError(f"signal {sid!r} of {p.id} must start with {p.id + '.'!r}")
                if sid in seen:
                    raise ValueError(f"signal id {sid!r} is used twice")
                seen.add(sid)
        pids = [p.id for p in self.principles]
        if len(set(pids)) != len(pids):
            raise ValueError("a principle is listed twice")
        missing = [d for d in DEEP if d not in pids]
        if missing:
            raise ValueError(f"the principle {missing[0]!r}, which has a rubric, is missing")
        return self
