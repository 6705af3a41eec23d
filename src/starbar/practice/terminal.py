"""The interactive practice loop: a question, a countdown the candidate sees, a typed answer, the probes.

Input is read with `os.read` behind `select`, so the clock keeps running while the candidate
types and a warning can appear at the wrap-up mark. Ctrl-C raises KeyboardInterrupt out of
the loop; nothing is saved until a session is complete, so an interrupted one leaves no trace.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import time
from collections.abc import Callable

from ..errors import InputError
from .questions import Question
from .report import clock, review_brief
from .session import Session, begin, finish

# Where a spoken answer should be wrapping up; a shorter limit warns at two thirds of it.
WRAP_UP_SECONDS = 120.0
TIMEOUT = object()

Write = Callable[[str], None]


class LineReader:
    """Lines from a file descriptor, each read waiting at most a given time."""

    def __init__(self, fd: int, now: Callable[[], float] = time.monotonic) -> None:
        self.fd = fd
        self.now = now
        self.pending = b""

    def readline(self, timeout: float | None = None):
        """The next line without its newline; None at end of input; TIMEOUT if `timeout` passes first."""
        deadline = None if timeout is None else self.now() + timeout
        while b"\n" not in self.pending:
            wait = None if deadline is None else max(0.0, deadline - self.now())
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                return TIMEOUT
            chunk = os.read(self.fd, 4096)
            if not chunk:  # end of input (Ctrl-D on a terminal: a later read may go on)
                line, self.pending = self.pending, b""
                return line.decode("utf-8", "replace") if line else None
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        return line.decode("utf-8", "replace").rstrip("\r")

    def discard_typed(self) -> None:
        """Drop a half-typed line, so it does not become the answer to the next question."""
        self.pending = b""
        if os.isatty(self.fd):
            termios.tcflush(self.fd, termios.TCIFLUSH)


def wrap_up_mark(limit: float) -> float:
    return WRAP_UP_SECONDS if limit > WRAP_UP_SECONDS else limit * 2 / 3


def read_timed_answer(reader: LineReader, write: Write, limit: float) -> tuple[str, float]:
    """Lines until an empty line, end of input or the time limit; the text and the seconds it took."""
    start = reader.now()
    warn_at = wrap_up_mark(limit)
    warned = False
    lines: list[str] = []
    while True:
        elapsed = reader.now() - start
        if elapsed >= limit:
            reader.discard_typed()
            write(f"\n-- Time is up ({clock(limit)}). --\n")
            break
        if not warned and elapsed >= warn_at:
            warned = True
            write(f"\n-- {clock(limit - elapsed)} left: wrap up now, land the result with a number. --\n")
        write(f"[{clock(limit - elapsed)} left] ")
        next_stop = limit if warned else warn_at
        line = reader.readline(next_stop - elapsed)
        if line is TIMEOUT:
            continue
        if line is None:  # Ctrl-D leaves the cursor on the prompt line
            write("\n")
        if line is None or not line.strip():
            break
        lines.append(line)
    return "\n".join(lines), reader.now() - start


def read_probe_answer(reader: LineReader, write: Write) -> str:
    """Untimed lines until an empty line or end of input; an empty first line passes the probe."""
    lines: list[str] = []
    while True:
        write("> ")
        line = reader.readline()
        if line is None or not line.strip():
            return "\n".join(lines)
        lines.append(line)


def run_interactive(
    question: Question, level: str, minutes: float, duration: float | None, reader: LineReader, write: Write
) -> Session:
    """One whole session at the terminal. Raises InputError for an empty answer."""
    limit = minutes * 60
    write(f"\nQuestion ({question.kind.replace('_', ' ')}, {question.setting}):\n  {question.text}\n\n")
    write(f"You have {clock(limit)}. Type your answer; an empty line or Ctrl-D ends it, Ctrl-C quits.\n\n")
    answer, seconds = read_timed_answer(reader, write, limit)
    if not answer.strip():
        raise InputError("no answer was given; nothing was reviewed or saved", code="empty_answer")
    write("\nYour answer, as the committee would see it:\n")
    initial, probes = begin(answer, level)
    write("\n".join(review_brief(initial)) + "\n")
    answers = []
    for i, probe in enumerate(probes, 1):
        write(
            f"\nFollow-up {i} of {len(probes)}: {probe.text}\n(an empty line ends the answer; an empty first line passes)\n"
        )
        answers.append(read_probe_answer(reader, write))
    write("\n")
    if duration is not None:
        return finish(question, answer, initial, probes, answers, duration)
    return finish(question, answer, initial, probes, answers, seconds, spoken=False)


def stdout_writer(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
