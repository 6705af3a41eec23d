"""Reject text that cannot be judged, with one clear sentence saying why."""

from __future__ import annotations

import re

from ..errors import InputError

MAX_WORDS = 20_000
_WORD = re.compile(r"[A-Za-z']+")
# Common English function words: a story in English is full of them whatever its topic.
_ENGLISH = frozenset(
    "the a an and or but of to in on at for with by from as is was were are be been it its "
    "i we my our they their this that these those not no so because then which who what when "
    "had has have did do he she his her them us me you your there after before into over".split()
)


def check_text(text: str) -> None:
    if not isinstance(text, str):
        raise InputError("the story must be text")
    if not text.strip():
        raise InputError("the story is empty: paste a STAR story (Situation, Task, Action, Result)")
    if "\x00" in text or sum(ch < " " and ch not in "\t\n\r\f" for ch in text[:4096]) > 8:
        raise InputError("the input looks binary, not a text story")
    words = text.split()
    if len(words) > MAX_WORDS:
        raise InputError(f"the story has {len(words):,} words; the limit is {MAX_WORDS:,}")
    latin = _WORD.findall(text)
    if len(latin) < 0.5 * len(words):
        raise InputError("the story does not look like English text; starbar reviews English stories only")
    if len(latin) >= 12:
        english = sum(w.lower() in _ENGLISH for w in latin)
        if english / len(latin) < 0.12:
            raise InputError("the story does not look like English text; starbar reviews English stories only")
