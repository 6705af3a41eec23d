"""Saving a finished session to the story bank, as one new story the candidate can polish later.

The bank stores the whole exchange: the answer, then each probe ("Follow-up: ...") and its
answer. Only a complete session reaches this module, and `Bank.add` writes in one
transaction, so an interrupted session leaves nothing behind.
"""

from __future__ import annotations

from .session import Session

TAG = "practice"


def clipped(title: str, limit: int) -> str:
    """`title` cut to `limit` characters with an ellipsis, for the bank's title limit."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def story_title(session: Session, limit: int) -> str:
    """The bank title of a session: "Practice: " and the question, cut to `limit` characters."""
    return clipped(f"Practice: {session.question.text}", limit)


def save_session(session: Session, url: str | None = None) -> str:
    """Add the session to the bank at `url` (None: $STARBAR_DATABASE_URL or the default file); a line to show."""
    from ..bank import Bank
    from ..bank.service import TITLE_MAX

    title = story_title(session, TITLE_MAX)
    tags = [TAG, session.question.kind, session.question.setting]
    with Bank.open(url) as bank:
        version = bank.add(title, session.transcript(), level=session.final.level, tags=tags)
        where = bank.where
    return f"Saved to the story bank ({where}) as story {version.story_id}: {title}"
