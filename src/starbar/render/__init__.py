"""render: a Review as JSON (the contract), terminal text, Markdown, or an explain trace; each
shows the other principles the story serves (`also`, from `starbar.api.also_serves`) when given."""

from __future__ import annotations

FORMATS = ("text", "json", "md")


def render(review, fmt: str, *, color: bool = False, explain: bool = False, also=None) -> str:
    if fmt == "json":
        from .jsonout import to_json

        return to_json(review, also=also)
    if fmt == "md":
        from .markdown import to_markdown

        return to_markdown(review, explain=explain, also=also)
    from .text import to_text

    return to_text(review, color=color, explain=explain, also=also)
