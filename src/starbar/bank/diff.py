"""What changed between two versions: the text word by word, every dimension, flag and verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import groupby

from .records import Version

# Words (with inner apostrophes, hyphens, decimal points), runs of spaces, single punctuation marks.
_TOKEN = re.compile(r"\w+(?:['’.,\-]\w+)*|\s+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    """A run of text that is equal in both versions, deleted from the first, or inserted in the second."""

    op: str  # "equal", "delete" or "insert"
    text: str


@dataclass(frozen=True)
class Change:
    """A dimension's level, or the verdict, archetype or rubric version, before and after."""

    name: str
    before: int | str | None
    after: int | str | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class VersionDiff:
    """What changed between two versions of a story: the words, each dimension, the flags, the verdict."""

    story_id: int
    before: Version
    after: Version
    words: tuple[Segment, ...]
    dimensions: tuple[Change, ...]
    verdict: Change
    archetype: Change
    rubric_version: Change
    flags_raised: tuple[str, ...]
    flags_cleared: tuple[str, ...]
    flags_kept: tuple[str, ...]

    @property
    def text_changed(self) -> bool:
        return any(s.op != "equal" for s in self.words)

    def to_dict(self) -> dict:
        """The diff as JSON (`bank diff --format json`)."""
        return {
            "story_id": self.story_id,
            "from": self.before.number,
            "to": self.after.number,
            "text": [{"op": s.op, "text": s.text} for s in self.words],
            "dimensions": {c.name: {"before": c.before, "after": c.after} for c in self.dimensions},
            "verdict": {"before": self.verdict.before, "after": self.verdict.after},
            "archetype": {"before": self.archetype.before, "after": self.archetype.after},
            "rubric_version": {"before": self.rubric_version.before, "after": self.rubric_version.after},
            "flags": {
                "raised": list(self.flags_raised),
                "cleared": list(self.flags_cleared),
                "kept": list(self.flags_kept),
            },
        }


def word_diff(before: str, after: str) -> tuple[Segment, ...]:
    """The edit from `before` to `after` at word granularity: runs of equal text, and each
    changed stretch as its deleted text followed by its inserted text."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    pieces = [
        (op == "equal", "".join(a[i1:i2]), "".join(b[j1:j2]))
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    ]
    # A bare space between two changes reads better inside one change than as [-a-] [-b-].
    for k in range(1, len(pieces) - 1):
        same, old, new = pieces[k]
        if same and not old.strip() and not pieces[k - 1][0] and not pieces[k + 1][0]:
            pieces[k] = (False, old, new)
    segments: list[Segment] = []
    for same, group in groupby(pieces, key=lambda piece: piece[0]):
        run = list(group)
        if same:
            segments.append(Segment("equal", "".join(old for _, old, _ in run)))
            continue
        old, new = "".join(p[1] for p in run), "".join(p[2] for p in run)
        segments += [Segment(op, text) for op, text in (("delete", old), ("insert", new)) if text]
    return tuple(segments)


def diff_versions(before: Version, after: Version) -> VersionDiff:
    """The `VersionDiff` from `before` to `after` (pure: no database)."""
    dims = list(dict.fromkeys([*before.levels, *after.levels]))
    flags_before, flags_after = set(before.flags), set(after.flags)
    return VersionDiff(
        story_id=after.story_id,
        before=before,
        after=after,
        words=word_diff(before.text, after.text),
        dimensions=tuple(Change(d, before.levels.get(d), after.levels.get(d)) for d in dims),
        verdict=Change("verdict", before.verdict, after.verdict),
        archetype=Change("archetype", before.archetype, after.archetype),
        rubric_version=Change("rubric_version", before.rubric_version, after.rubric_version),
        flags_raised=tuple(f for f in after.flags if f not in flags_before),
        flags_cleared=tuple(f for f in before.flags if f not in flags_after),
        flags_kept=tuple(f for f in after.flags if f in flags_before),
    )
