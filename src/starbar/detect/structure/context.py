"""What the story is about: the share of its sentences that concern a financial product."""

from __future__ import annotations

from ...parse import Document
from ..evidence import Detection
from ..registry import detector


@detector("context.money_share", facts=("context.money_share",))
def money_share(doc: Document, rubric, found) -> Detection:
    """A story that mentions a payment once in passing is not a fintech story; one that keeps
    returning to money is."""
    total = len(doc.sentences)
    share = len(found.sentences_with("context.money")) / total if total else 0.0
    return Detection(facts={"context.money_share": share})
