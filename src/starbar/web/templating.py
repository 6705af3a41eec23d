"""Jinja2 templates (autoescaped) and the helpers every page uses."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from ..bank.principle_table import judged_principles
from ..parse import PART_NAMES
from .auth import csrf_token
from .sessions import current_user

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(csrf_token=csrf_token, part_names=PART_NAMES, judged_principles=judged_principles)
templates.env.filters["words"] = lambda s: str(s).replace("_", " ")


def page(request: Request, name: str, status_code: int = 200, **context):
    context.setdefault("user", current_user(request))
    context.setdefault("team", request.app.state.settings.team)
    return templates.TemplateResponse(request, name, context, status_code=status_code)
