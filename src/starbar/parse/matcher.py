"""Compiled patterns that skip the regex engine when a text cannot match.

Every cue and detector pattern runs on every sentence of every story, and most find nothing,
yet Python's engine tries a long alternation at every position of the sentence. So each
pattern works out the literals one of which any match must contain; all patterns' literals sit
in one Aho-Corasick automaton, and one scan of a text tells which it holds. The engine then runs
only where a match is possible: the answer is always the engine's, the literals only rule text
out.

Working the literals out costs about as much as compiling the patterns, so it waits until the
patterns have run often (or a server asks for it at start): a one-off `starbar review`, whose
start-up time counts, never pays it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]  # the parser's opcodes (Python's own, stable since 3.11)
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

from .programs import compile_program

_ESCAPE_OR_RUN = re.compile(r"\\.|[^\\]+", re.DOTALL)
# Alternative strings kept when spelling out a run such as "(?:pay|paid) (?:out|back)".
_MAX_SPELLINGS = 64
# Small character classes spelled out as single characters, e.g. a quote in ['’].
_MAX_CLASS = 4
_MIN_LITERAL = 3
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)


def lower_pattern(regex: str) -> str:
    """The regex in lower case, escapes untouched (``\\D`` is not ``\\d``).

    Matched against lower-cased text it finds what the original finds with IGNORECASE, and
    runs several times faster: case-insensitive alternations defeat the engine's literal
    prefix scanning.
    """
    return _ESCAPE_OR_RUN.sub(lambda m: m[0] if m[0][0] == "\\" else m[0].lower(), regex)


# Matcher calls (all patterns together) before the prefilters are built: about fifty reviews of
# a few hundred words. Working out every pattern's literals costs about half a second, what some
# seventy reviews lose without them; waiting until as much has been spent unfiltered keeps any
# run of reviews within twice its best cost, and a one-off review never pays it.
_WARM_AFTER = 50_000
# The ids of a pattern without usable literals: every text may match.
_ANY_TEXT: frozenset[int] = frozenset()


class _Literals:
    """Every Matcher's literals in one automaton, built once the patterns have run often enough
    (see _WARM_AFTER), all at once: a pattern made later is analysed with any others made
    since, at its first call. A literal added after the automaton was built makes a new one;
    answers are cached by automaton, so none from an older one is ever reused."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.automaton: ahocorasick.Automaton | None = None
        self.calls = 0
        self.pending: list[Matcher] = []
        self.lock = threading.Lock()

    def ready(self) -> bool:
        """Whether prefilters are in use yet; on the call that makes them so, and whenever new
        patterns wait, works out the literals of every waiting pattern."""
        if self.calls < _WARM_AFTER:
            self.calls += 1
            return False
        if self.pending:
            with self.lock:
                waiting, self.pending = self.pending, []
                for matcher in waiting:
                    literals = required_literals(matcher.pattern)
                    matcher.ids = self._register(literals) if literals else _ANY_TEXT
        return True

    def _register(self, literals: tuple[str, ...]) -> frozenset[int]:
        for literal in literals:
            if literal not in self.ids:
                self.ids[literal] = len(self.ids)
                self.automaton = None
        return frozenset(self.ids[literal] for literal in literals)

    def current(self) -> ahocorasick.Automaton:
        automaton = self.automaton
        if automaton is None:
            with self.lock:
                if self.automaton is None:
                    automaton = ahocorasick.Automaton()
                    for literal, i in self.ids.items():
                        automaton.add_word(literal, i)
                    automaton.make_automaton()
                    self.automaton = automaton
                automaton = self.automaton
        return automaton


_LITERALS = _Literals()


def build_prefilters() -> None:
    """Work out every pattern's literals and build the automaton now, not after a few reviews:
    for a server, whose first user should not wait for it."""
    _LITERALS.calls = _WARM_AFTER
    _LITERALS.ready()
    _LITERALS.current()


# A review scans fewer than a hundred distinct texts (sentences, clauses) with many patterns
# each; the cache serves one review, not the next story that happens to share a sentence.
@lru_cache(maxsize=256)
def _held(text: str, automaton: ahocorasick.Automaton) -> frozenset[int]:
    """The ids of the registered literals that occur in `text`."""
    return frozenset(i for _, i in automaton.iter(text))


def _held_now(text: str) -> frozenset[int]:
    return _held(text, _LITERALS.current())


class Matcher:
    """A compiled pattern with a literal prefilter; the same methods as ``re.Pattern``."""

    __slots__ = ("compiled", "ids", "pattern")

    def __init__(self, compiled: re.Pattern[str]):
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.ids: frozenset[int] | None = None  # the ids of its literals, once worked out
        with _LITERALS.lock:
            _LITERALS.pending.append(self)

    def possible(self, text: str) -> bool:
        """False when `text` holds none of the literals, so the pattern cannot match it."""
        ids = self.ids
        if ids is None and not _LITERALS.ready():
            return True
        ids = self.ids
        # None still while another thread works the literals out: run the engine meanwhile.
        return ids is None or ids is _ANY_TEXT or not ids.isdisjoint(_held_now(text))

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.search(text, *args) if self.possible(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.match(text, *args) if self.possible(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, *args) if self.possible(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, *args) if self.possible(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.compiled.findall(text, *args) if self.possible(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count) if self.possible(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(text, maxsplit) if self.possible(text) else [text]


# What the compile helpers return: a regex, or a regex behind its literal prefilter.
Compiled = re.Pattern[str] | Matcher


@lru_cache(maxsize=1024)
def compile_pattern(regex: str, flags: int = 0, *, cased: bool = False) -> Compiled:
    """`regex` compiled, with a literal prefilter; case-insensitive patterns get none (their
    literals could be in any case). Cached, so the pattern built for each story from the
    rubric's vocabulary is one pattern, analysed once.

    Patterns match case-folded text, so one with an upper-case letter would silently never
    match: it is refused unless `cased` says it reads the text as written ("I" as a word)."""
    if not cased and not flags & re.IGNORECASE and lower_pattern(regex) != regex:
        raise ValueError(f"pattern has upper case but matches folded text (use compile_lower): {regex[:60]!r}")
    compiled = compile_program(regex, flags)
    return compiled if compiled.flags & re.IGNORECASE else Matcher(compiled)


@lru_cache(maxsize=1024)
def compile_lower(regex: str) -> Compiled:
    """A pattern for lower-cased text: ``regex`` lowered (see lower_pattern), then compiled.
    Cached like compile_pattern: lowering a long pattern costs more than matching it."""
    return compile_pattern(lower_pattern(regex))


def required_literals(regex: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `regex` contains, or None when there are none worth
    testing (a match may be empty, is built from classes such as ``\\d+``, or needs only a
    letter or two)."""
    try:
        parsed = _parser.parse(regex)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    _, needles = _sequence(list(parsed))
    # One- and two-letter literals are in nearly every sentence: scanning for them costs more
    # than it saves.
    if not needles or min(len(n) for n in needles) < _MIN_LITERAL:
        return None
    # "late fees" adds nothing beside "late fee": text holding one holds the other.
    return tuple(sorted(n for n in needles if not any(m != n and m in n for m in needles)))


# Each node gives (exact, needles): `exact` is the finite set of strings the node matches, when
# small enough to spell out; `needles` a set one of which is in every match, or None.
def _node(op: Any, av: Any) -> tuple[set[str] | None, set[str] | None]:
    if op is c.LITERAL:
        return {chr(av)}, {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}, None
    if op is c.IN:
        if len(av) <= _MAX_CLASS and all(item_op is c.LITERAL for item_op, _ in av):
            chars = {chr(code) for _, code in av}
            return chars, chars
        return None, None
    if op is c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            return None, None
        return _sequence(list(sub))
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is c.BRANCH:
        return _branch(av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        exact, needles = _sequence(list(sub))
        if exact is not None and high == 1:
            return (exact | {""} if low == 0 else exact), (needles if low else None)
        return None, (needles if low >= 1 else None)
    return None, None


def _sequence(items: list[Any]) -> tuple[set[str] | None, set[str] | None]:
    """A concatenation. Its candidates: each element's needles, each stretch of plain literal
    text, and each run of spelled-out elements (``(?:pay|paid) back``); the best one wins."""
    candidates: list[set[str]] = []
    run = {""}  # the spellings of the current run of exact elements
    chunk = ""  # the plain text since the last element with alternatives
    spelled = True  # the whole sequence so far is `run`
    for op, av in items:
        exact, needles = _node(op, av)
        if needles:
            candidates.append(needles)
        if exact is not None and len(exact) == 1:
            chunk += next(iter(exact))
        else:
            candidates.append({chunk})
            chunk = ""
        if exact is not None and len(run) * len(exact) <= _MAX_SPELLINGS:
            run = {a + b for a in run for b in exact}
        else:
            candidates.append(run)
            run = {""} if exact is None else set(exact)
            spelled = False
    candidates += [{chunk}, run]
    usable = [cand for cand in candidates if "" not in cand]
    return (run if spelled else None), max(usable, key=_strength, default=None)


def _branch(alternatives: Any) -> tuple[set[str] | None, set[str] | None]:
    exact: set[str] | None = set()
    needles: set[str] | None = set()
    for alternative in alternatives:
        alt_exact, alt_needles = _sequence(list(alternative))
        exact = exact | alt_exact if exact is not None and alt_exact is not None else None
        needles = needles | alt_needles if needles is not None and alt_needles else None
    if exact is not None and len(exact) > _MAX_SPELLINGS:
        exact = None
    return exact, needles


def _strength(needles: set[str]) -> tuple[int, int]:
    """Longer literals rule out more text; the automaton makes their number nearly free."""
    return min(len(n) for n in needles), -len(needles)
