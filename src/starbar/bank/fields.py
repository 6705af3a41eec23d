"""What a story's fields may hold, checked by starbar itself, the same on SQLite and PostgreSQL.

SQLite ignores a column's length and PostgreSQL enforces it, so without these checks a bank
on one could hold stories that an import into the other refuses. Pure functions: a value in,
the value as stored out, or an `InputError` naming the field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..errors import InputError

# The column sizes of `models.py`.
TITLE_MAX = 200
LP_MAX = 64
TAG_MAX = 64
SHORT_MAX = 32  # a rubric version, a verdict
SOURCES = ("add", "update", "rereview", "import")
# A story id or version number is a 32-bit integer on PostgreSQL; the same bound on SQLite.
ID_MAX = 2**31 - 1


def _refuse_control(value: str, what: str) -> None:
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise InputError(f"{what} {value!r} holds a control character ({bad!r}); use plain text")


def _check_text(value: str, what: str, limit: int, missing: str) -> str:
    if not value:
        raise InputError(missing)
    _refuse_control(value, what)
    if len(value) > limit:
        raise InputError(f"{what} is at most {limit} characters (this one has {len(value)})")
    return value


def check_title(title: str) -> str:
    """The title with its runs of spaces and line breaks made single spaces."""
    return _check_text(" ".join(str(title).split()), "a title", TITLE_MAX, "a story needs a title (--title)")


def check_lp(lp: str) -> str:
    """The id of one of the seven principles with a rubric, given as its id or its name in any
    case ("Dive Deep", "have backbone; disagree and commit"); an `InputError` otherwise."""
    from .principle_table import find, judged_principles

    value = _check_text(" ".join(str(lp).split()), "--lp", LP_MAX, "a story needs a Leadership Principle (--lp)")
    found = find(value, judged_principles())
    if found is None:
        ids = ", ".join(p.id for p in judged_principles())
        raise InputError(f"--lp {value!r} is not a principle with a rubric; use one of {ids}")
    return found.id


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, without repeats, sorted, so every format stores them the same way."""
    found = set()
    for tag in tags:
        tag = str(tag).strip()
        if not tag:
            continue
        _refuse_control(tag, "tag")
        if len(tag) > TAG_MAX:
            raise InputError(f"tag {tag[:20]!r}…: a tag is at most {TAG_MAX} characters (this one has {len(tag)})")
        found.add(tag)
    return tuple(sorted(found))


def check_level(level: str) -> str:
    """The level in upper case (L5, L6 or L7), whatever case it came in."""
    from ..judge.facts import LEVELS

    level = str(level).strip().upper()
    if level not in LEVELS:
        raise InputError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return level


def check_short(value: str, what: str) -> str:
    """A short stored value (a rubric version, a verdict) of 1-32 characters without control characters."""
    value = str(value)
    _refuse_control(value, what)
    if not value or len(value) > SHORT_MAX:
        raise InputError(f"{what} {value[:40]!r} must be 1 to {SHORT_MAX} characters")
    return value


def check_source(source: str) -> str:
    """A version's source: add, update, rereview or import."""
    if source not in SOURCES:
        raise InputError(f"version source {source!r} is not one of {', '.join(SOURCES)}")
    return source


def in_id_range(number: int) -> bool:
    """A story id or version number the database can hold (larger ones name nothing)."""
    return 1 <= number <= ID_MAX
