"""Saving a finished session to the story bank, as one new story the candidate can polish later.

The bank stores the whole exchange: the answer, then each probe ("Follow-up: ...") and its
answer, under the principle the question asked about. Only a complete session reaches this module, and `Bank.add` writes in one
transaction, so an interrupted session leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Sequence

from .session import AnySession, has_rubric

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
    """Add the session to an open `bank` (a `Bank` or a web user's bank) as a new story; its id
    and title. The story is judged under the asked principle's rubric; an answer to one of the
    nine principles without a rubric is judged under the bank's default and tagged, as the user's
    choice, as told for the asked principle, so the matrix counts it there."""
    from ..bank.service import DEFAULT_LP, TITLE_MAX

    lp = session.question.lp
    title = story_title(session, TITLE_MAX)
    judged, told_for = (lp, None) if has_rubric(lp) else (DEFAULT_LP, lp)
    version = bank.add(
        title, session.transcript(), level=session.level, tags=session_tags(session), lp=judged, told_for=told_for
    )
    return version.story_id, title
