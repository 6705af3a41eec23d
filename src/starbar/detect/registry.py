"""Detectors are code registered by id; each declares the signals and facts it produces."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..parse import Document
from .evidence import Detection, Signals

DetectFn = Callable[[Document, "object", Signals], Detection]


@dataclass(frozen=True)
class Detector:
    id: str
    fn: DetectFn
    signals: dict[str, str | None]  # signal id -> dimension id (None: used by flags only)
    facts: tuple[str, ...]
    description: str


_REGISTRY: dict[str, Detector] = {}


def detector(id: str, *, signals: dict[str, str | None] | None = None, facts: tuple[str, ...] = ()):
    """Register a structural detector. It runs after the rubric's pattern signals, in
    registration order, and may read what earlier detectors found."""

    def wrap(fn: DetectFn) -> DetectFn:
        if id in _REGISTRY:
            raise ValueError(f"detector {id!r} registered twice")
        _REGISTRY[id] = Detector(id, fn, dict(signals or {}), tuple(facts), (fn.__doc__ or "").strip())
        return fn

    return wrap


def by_id() -> dict[str, Detector]:
    from . import roles, structure  # noqa: F401  (importing them registers the built-in detectors)

    return dict(_REGISTRY)


def for_rubric(names: list[str]) -> list[Detector]:
    """The detectors a rubric declares, in its order: a detector runs only for the rubrics that name it."""
    known = by_id()
    return [known[name] for name in names]


def declared_facts(names: list[str]) -> set[str]:
    out: set[str] = set()
    for d in for_rubric(names):
        out |= set(d.signals) | set(d.facts)
    return out
