"""Storing a debrief's answers in the story bank, through the Bank API.

Each answered question becomes a version of a story: the story chosen for it, else the
story already titled after the question (an earlier debrief of the same question), else a
new story tagged `debrief`. The text stored is what the final review read: the answer and
every follow-up answer. Each answer is one transaction of `Bank.add` or `Bank.update`.
"""

from __future__ import annotations

from ..practice.saving import clipped
from .report import Debrief

TAG = "debrief"


def story_title(question: str, limit: int) -> str:
    return clipped("Debrief: " + " ".join(question.split()), limit)


def save_answers(debrief: Debrief, url: str | None = None, stories: dict[int, int] | None = None) -> list[str]:
    """Store every reviewed answer (answer number -> story id in `stories` where chosen); a line per answer."""
    from ..bank import Bank
    from ..bank.service import TITLE_MAX
    from ..practice.session import exchange_text

    stories = stories or {}
    lines = []
    with Bank.open(url) as bank:
        by_title = {s.title: s.id for s in bank.list()}
        for answer in debrief.answers:
            if answer.review is None:
                continue
            title = story_title(answer.exchange.question.text, TITLE_MAX)
            said = [f.followup.answer.text for f in answer.followups]
            text = exchange_text(answer.exchange.answer.text, said)
            story_id = stories.get(answer.number, by_title.get(title))
            if story_id is None:
                version = bank.add(title, text, level=debrief.level, tags=[TAG])
                by_title[title] = version.story_id
            else:
                version = bank.update(story_id, text, level=debrief.level)
            lines.append(
                f"answer {answer.number}: story {version.story_id}, version {version.number} ({version.verdict}) in {bank.where}"
            )
    return lines
