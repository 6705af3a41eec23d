"""The candidate's Markdown as a terminal shows a quote of it: without its marks."""

from __future__ import annotations

import re

_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)", re.M)


def plain(text: str) -> str:
    """`text` without `**`, `_`, backticks, heading `#` or quote `>` marks (for display only: the
    JSON quotes stay exact slices of the input)."""
    text = _LINE_MARK.sub("", text)
    return _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text)).replace("`", "")
