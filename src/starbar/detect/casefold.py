"""Lower-cased text with the same offsets, for patterns written in lower case.

Case-sensitive matching of a lower-case pattern is several times faster than re.IGNORECASE,
and the detectors run on every sentence of every story.
"""

from __future__ import annotations

import re


def fold(text: str) -> str:
    """`text` in lower case, character for character, so match offsets still index `text`;
    Markdown emphasis (``**41%**``, ``__Risk__``, backticks) reads as spaces, so a pattern sees
    the words a person reads."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters ("İ") lower to two; keep those as they are so offsets do not shift.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _EMPHASIS.sub(lambda m: " " * len(m.group()), low) if "*" in low or "_" in low or "`" in low else low


_EMPHASIS = re.compile(r"\*\*|__|`")
