"""The other principles a reviewed story credibly serves: those `fit` gives a role, less the
one reviewed. Worked out beside the review by whoever reports it (`starbar.api.also_serves`),
so `review()` pays nothing for it; these helpers only lay it out."""

from __future__ import annotations

from typing import Any

from ..principles import DEEP, PrincipleFit, Quote


def serves_dict(p: PrincipleFit) -> dict[str, Any]:
    """One entry of the contract's ``also_serves``."""
    return {
        "id": p.id,
        "name": p.name,
        "role": p.role,
        "signals": p.signals,
        "deep_review": p.id in DEEP,
        "quotes": [q.to_dict() for q in p.quotes],
    }


def report_dict(review, also: tuple[PrincipleFit, ...] | None) -> dict[str, Any]:
    """The JSON contract: the review's keys, then ``also_serves`` when it was worked out."""
    out = review.to_dict()
    if also is not None:
        out["also_serves"] = [serves_dict(p) for p in also]
    return out


def heading(p: PrincipleFit) -> str:
    noun = "signal" if p.signals == 1 else "signals"
    return f"{p.name} ({p.id}): {p.role}, {p.signals} {noun}"


def by_sentence(quotes: tuple[Quote, ...]) -> list[tuple[str, str]]:
    """Each quoted sentence once, with everything it shows: (what it shows, the sentence)."""
    groups: dict[tuple[int, int], list[Quote]] = {}
    for q in quotes:
        groups.setdefault((q.start, q.end), []).append(q)
    return [("; ".join(dict.fromkeys(q.says for q in group)), group[0].quote) for group in groups.values()]


NONE_SERVED = "none: no other principle shows two signals or more in this story."
