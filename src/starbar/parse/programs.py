"""Regex programs kept between runs, so that a one-off `starbar review` does not compile the
rubrics again.

Compiling the rubrics' patterns (a few hundred long alternations of word classes) takes about
40% of a cold review. The program Python's regex engine runs depends only on the pattern, its
flags and the Python that built it, so the first run keeps each program in the user's cache
directory and later runs give it to the engine as it is. Only patterns built from rubrics and
from the code's own constants come here, never a story's text; a cache that is missing,
unreadable or from another Python is ignored and the patterns are compiled as usual.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]  # what re.compile itself runs

# flags, code, last group, group index, index group: the arguments of _sre.compile after the
# pattern, as re._compiler.compile passes them.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

# Programs kept at most: enough for every rubric several times over; past it a run keeps only
# the programs it used, so patterns of rubrics edited long ago fall out.
_MAX_PROGRAMS = 4096


def _program(regex: str, flags: int) -> Program:
    """What re._compiler.compile hands the engine for `regex`."""
    parsed = _parser.parse(regex, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints: the opcodes and flags are int subclasses, which marshal refuses.
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _engine_takes_programs() -> bool:
    """Whether this Python's engine runs a program built as above exactly as re.compile would:
    _sre is CPython's own, so a Python that differs falls back to re.compile."""
    probe = r"(?P<word>[a-z]+)\s(\d+)|x"
    try:
        built = _sre.compile(probe, *_program(probe, 0))
    except (AttributeError, TypeError, ValueError, RuntimeError):
        return False
    expected = re.compile(probe)
    text = "ab 12 x"
    return (
        built.groupindex == expected.groupindex
        and built.flags == expected.flags
        and [m.span() for m in built.finditer(text)] == [m.span() for m in expected.finditer(text)]
    )


def _cache_file() -> Path:
    from platformdirs import user_cache_dir

    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
    return Path(user_cache_dir("starbar", appauthor=False)) / f"regex-programs-{tag}.marshal"


class _Store:
    """The programs read from the cache file at first use, the ones this run used, and whether
    any was new (then the file is written again when the process ends)."""

    def __init__(self, locate: Callable[[], Path] = _cache_file) -> None:
        self.locate = locate
        self.lock = threading.Lock()
        self.programs: dict[Key, Program] | None = None
        self.used: set[Key] = set()
        self.added = False
        self.path: Path | None = None

    def _load(self) -> dict[Key, Program]:
        self.path = self.locate()
        try:
            loaded = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def get(self, key: Key) -> Program | None:
        with self.lock:
            if self.programs is None:
                self.programs = self._load()
            self.used.add(key)
            return self.programs.get(key)

    def add(self, key: Key, program: Program) -> None:
        with self.lock:
            assert self.programs is not None  # get() came first
            if not self.added:
                atexit.register(self.save)
            self.programs[key] = program
            self.added = True

    def save(self) -> None:
        """Write the programs to the cache file, whole or not at all (a reader never sees half
        a file); a cache that cannot be written costs only the next run's start-up."""
        with self.lock:
            if not self.added or self.programs is None or self.path is None:
                return
            programs = self.programs
            if len(programs) > _MAX_PROGRAMS:
                programs = {key: program for key, program in programs.items() if key in self.used}
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                partial.write_bytes(marshal.dumps(programs))
                os.replace(partial, self.path)
            except OSError:
                with contextlib.suppress(OSError):
                    partial.unlink(missing_ok=True)
                return
            self.added = False


_STORE = _Store()
_ENABLED = _engine_takes_programs()


def compile_program(regex: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(regex, flags)`, with the program taken from the cache when a run before this
    one compiled the same pattern."""
    if not _ENABLED:
        return re.compile(regex, flags)
    key = (regex, int(flags))  # a plain int: marshal refuses re.RegexFlag
    program = _STORE.get(key)
    if program is not None:
        try:
            return _run(regex, program)
        except (TypeError, ValueError, RuntimeError):  # a damaged entry: compile afresh
            pass
    program = _program(regex, flags)
    _STORE.add(key, program)
    return _run(regex, program)


def _run(regex: str, program: Program) -> re.Pattern[str]:
    """The pattern object for `program`; the engine checks the program's code first."""
    pattern: re.Pattern[str] = _sre.compile(regex, *program)
    return pattern
