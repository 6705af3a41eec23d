"""The story matrix page: the bank's stories × the sixteen principles, the gaps and the overuse."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ...judge import LEVELS
from ..stores import user_bank
from ..templating import page
from .common import require_user

router = APIRouter(include_in_schema=False)


@router.get("/bank/matrix")
def bank_matrix(
    request: Request,
    level: str = "L6",
    fintech: bool = True,
    manages_people: bool = False,
    user=Depends(require_user),
):
    level = level if level in LEVELS else "L6"
    matrix = user_bank(request, user).matrix(level, fintech=fintech, manages_people=manages_people)
    return page(
        request,
        "bank_matrix.html",
        matrix=matrix,
        stretched=[r for r in matrix.rows if r.dropped],
        names={p.id: p.name for p in matrix.principles},
        level=level,
        levels=LEVELS,
    )
