"""Saving a finished session to the story bank, as one new story the candidate can polish later.

The bank stores the whole exchange: the answer, then each probe ("Follow-up: ...") and its
answer, under the principle the question asked about. Only a complete session reaches this module, and `Bank.add` writes in one
transaction, so an interrupted session leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Sequence

from .session import AnySession

TAG = "practice"


def clipped(title: str, limit: int) -> str:
    """`title` cut to `limit` characters with an ellipsis, for the bank's title limit."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def story_title(session: AnySession, limit: int) -> str:
    """The bank title of a session: "Practice: " and the question, cut to `limit` characters."""
    return clipped(f"Practice: {session.question.text}", limit)


def session_tags(session: AnySession) -> list[str]:
    """The bank tags of a session: practice, the question's kind and setting."""
    return [TAG, session.question.kind, session.question.setting]


def save_session(session: AnySession, url: str | None = None) -> str:
    """Add the session to the bank at `url` (None: $STARBAR_DATABASE_URL or the default file); a line to show."""
    from ..bank import Bank

    with Bank.open(url) as bank:
        story_id, title = add_session(bank, session)
        where = bank.where
    return f"Saved to the story bank ({where}) as story {story_id}: {title}"


def save_sessions(sessions: Sequence[AnySession], url: str | None = None) -> str:
    """Add every session of a mock loop to the bank at `url`, one story each; a line to show."""
    from ..bank import Bank

    with Bank.open(url) as bank:
        ids = [add_session(bank, s)[0] for s in sessions]
        where = bank.where
    return f"Saved {len(ids)} answers to the story bank ({where}) as stories {', '.join(map(str, ids))}"


def add_session(bank, session: AnySession) -> tuple[int, str]:
    """Add the session to an open `bank` as a new story; its id and title."""
    from ..bank.service import TITLE_MAX

    title = story_title(session, TITLE_MAX)
    version = bank.add(
        title, session.transcript(), level=session.level, tags=session_tags(session), lp=session.question.lp
    )
    return version.story_id, title
