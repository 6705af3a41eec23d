"""The regex programs kept between runs (parse/programs.py): a kept program matches as the
pattern compiled afresh does, a damaged or foreign cache is ignored, and no story's text is
ever written to the cache."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from starbar.parse import programs

PATTERNS = (
    (r"\b(?:spoke|talked|sat down) with (?P<who>\d+ \w+)", 0),
    (r"(?:refund|chargeback)s?\b|\bfrom \d+ to \d+ days\b", 0),
    (r"\bI\b", re.IGNORECASE),
)
TEXTS = (
    "I spoke with 12 merchants and talked with 3 analysts.",
    "Chargebacks fell from 41 to 19 days; i refund.",
    "nothing here at all",
)


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "programs.marshal"
    monkeypatch.setattr(programs, "_STORE", programs._Store(lambda: path))
    return path


def _new_run(monkeypatch, path: Path) -> programs._Store:
    """A store as the next process sees it: empty until it reads the file."""
    fresh = programs._Store(lambda: path)
    monkeypatch.setattr(programs, "_STORE", fresh)
    return fresh


def _answers(pattern: re.Pattern[str]) -> list[list[tuple[tuple[int, int], dict[str, str | None]]]]:
    return [[(m.span(), m.groupdict()) for m in pattern.finditer(text)] for text in TEXTS]


def test_a_kept_program_matches_as_the_pattern_compiled_afresh(store, monkeypatch):
    first = [programs.compile_program(regex, flags) for regex, flags in PATTERNS]
    programs._STORE.save()
    assert store.exists()

    _new_run(monkeypatch, store)
    kept = [programs.compile_program(regex, flags) for regex, flags in PATTERNS]
    assert not programs._STORE.added, "every program should have come from the file"
    for (regex, flags), a, b in zip(PATTERNS, first, kept, strict=True):
        fresh = re.compile(regex, flags)
        assert _answers(a) == _answers(b) == _answers(fresh)
        assert (b.pattern, b.flags, b.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)


@pytest.mark.parametrize("content", [b"", b"not marshal at all \x00\xff", marshal.dumps([1, 2, 3])])
def test_an_unreadable_cache_is_ignored_and_written_again(store, monkeypatch, content):
    store.write_bytes(content)
    _new_run(monkeypatch, store)
    regex, flags = PATTERNS[0]
    assert _answers(programs.compile_program(regex, flags)) == _answers(re.compile(regex, flags))
    programs._STORE.save()
    assert (regex, flags) in marshal.loads(store.read_bytes())


def test_a_damaged_program_is_compiled_afresh(store, monkeypatch):
    regex, flags = PATTERNS[1]
    flags_kept, code, *rest = programs._program(regex, flags)
    store.write_bytes(marshal.dumps({(regex, flags): (flags_kept, code[: len(code) // 2], *rest)}))
    _new_run(monkeypatch, store)
    assert _answers(programs.compile_program(regex, flags)) == _answers(re.compile(regex, flags))


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setattr(programs, "_STORE", programs._Store(lambda: blocker / "programs.marshal"))
    regex, flags = PATTERNS[0]
    assert _answers(programs.compile_program(regex, flags)) == _answers(re.compile(regex, flags))
    programs._STORE.save()  # no error
    assert blocker.read_text() == "not a directory"


def test_a_review_keeps_the_rubric_patterns_but_none_of_the_story(tmp_path):
    """In a fresh process with an empty cache: the review writes the cache, a second process
    gives the same report from it, and the story's words are nowhere in the file."""
    story = (
        "Situation: Quibbleworth's merchants waited 41 days for payouts. Task: I owned the fix. "
        "Action: I interviewed 14 merchants and found the cause was a manual reconciliation step. "
        "Result: payouts now take 3 days for Quibbleworth's 2,000 merchants."
    )
    path = tmp_path / "story.md"
    path.write_text(story)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "starbar", "review", str(path), "--format", "json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    (kept,) = (tmp_path / "cache").rglob("regex-programs-*")
    patterns = [regex for regex, _ in marshal.loads(kept.read_bytes())]
    assert len(patterns) > 100
    assert not any("quibbleworth" in regex.lower() for regex in patterns)
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    assert json.loads(second) == json.loads(first)
