"""The principles a story is told for: its primary and secondaries, from `fit` or chosen by the user.

A claim names a principle, its role and the distinct signals `fit` found for it in the story's
latest text (the matrix keeps the best-evidenced claims when a story is stretched). Pure:
a `Fit` or the user's choice in, claims out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from .principle_table import find, principle_table

PRIMARY = "primary"
SECONDARY = "secondary"
ROLES = (PRIMARY, SECONDARY)
FIT = "fit"  # the claims came from `fit` and follow each new version
USER = "user"  # the user chose them: a new version refreshes their signals, never the choice
SOURCES = (FIT, USER)


@dataclass(frozen=True)
class Claim:
    principle: str
    role: str  # primary or secondary
    signals: int  # distinct signals `fit` found for the principle in the latest text

    def to_dict(self) -> dict:
        return {"id": self.principle, "role": self.role, "signals": self.signals}


def from_fit(fit) -> tuple[Claim, ...]:
    """The principles `fit` claims for a story (one primary at most, two secondaries), best first."""
    return tuple(Claim(p.id, p.role, p.signals) for p in fit.ranked if p.role is not None)


def chosen(primary: str | None, secondaries: Sequence[str], fit) -> tuple[Claim, ...]:
    """The user's choice, each principle given by id or name, with `fit`'s signals for each.

    More than two secondaries are accepted: the matrix reports such a story as stretched.
    """
    ids = [principle_id(p) for p in ([primary] if primary else []) + list(secondaries)]
    if not ids:
        raise InputError("name a --primary or at least one --secondary principle, or give --auto to use fit's")
    repeated = next((p for p in ids if ids.count(p) > 1), None)
    if repeated is not None:
        raise InputError(f"{repeated} is named twice: a story claims each principle once")
    roles = [PRIMARY if primary and n == 0 else SECONDARY for n in range(len(ids))]
    return tuple(Claim(p, role, fit.get(p).signals) for p, role in zip(ids, roles, strict=True))


def refreshed(claims: Iterable[Claim], fit) -> tuple[Claim, ...]:
    """The same choice with the signals `fit` finds in a new version."""
    return tuple(Claim(c.principle, c.role, fit.get(c.principle).signals) for c in claims)


def principle_id(value: str) -> str:
    """The id of one of the sixteen principles, given as its id or its name in any case."""
    found = find(value, principle_table())
    if found is None:
        ids = ", ".join(p.id for p in principle_table())
        raise InputError(f"{str(value).strip()[:64]!r} is not a Leadership Principle; use one of {ids}")
    return found.id


def check_claims(raw: object, where: str) -> tuple[Claim, ...]:
    """Claims read from an export: known principles, known roles, one primary at most."""
    if not isinstance(raw, list):
        raise InputError(f"{where} is malformed: 'principles' claims are not a JSON list")
    claims = []
    for item in raw:
        if not isinstance(item, dict) or item.get("role") not in ROLES or not isinstance(item.get("signals"), int):
            raise InputError(f"{where} is malformed: a principle claim needs an id, a role and signals")
        claims.append(Claim(principle_id(str(item.get("id", ""))), item["role"], max(0, item["signals"])))
    if sum(c.role == PRIMARY for c in claims) > 1 or len({c.principle for c in claims}) != len(claims):
        raise InputError(f"{where} is malformed: one primary at most, and each principle once")
    return tuple(claims)
