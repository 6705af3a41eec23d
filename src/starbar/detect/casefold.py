"""Lower-cased text with the same offsets, for patterns written in lower case.

Case-sensitive matching of a lower-case pattern is several times faster than re.IGNORECASE,
and the detectors run on every sentence of every story.
"""

from __future__ import annotations


def fold(text: str) -> str:
    """`text` in lower case, character for character, so match offsets still index `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters ("İ") lower to two; keep those as they are so offsets do not shift.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
