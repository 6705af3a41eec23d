"""The Python API: `review(text)` runs parse -> detect -> judge and returns a typed Review."""

from __future__ import annotations

from .detect import detect
from .judge import Review, judge
from .parse import parse
from .rubric import DEFAULT_RUBRIC, load_rubric


def review(text: str, level: str = "L6", *, rubric: str = DEFAULT_RUBRIC) -> Review:
    """Judge one STAR story at a target level (L5, L6 or L7).

    Raises `starbar.errors.InputError` for text that cannot be judged (empty, binary,
    over 20,000 words, not English). Same input, same output: nothing here is random.
    """
    spec = load_rubric(rubric)
    doc = parse(text)
    return judge(doc, detect(doc, spec), spec, level)
