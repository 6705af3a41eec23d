"""The interactive practice loop: a question, a countdown the candidate sees, a typed answer, the probes.

Input is read with `os.read` behind `select`, so the clock keeps running while the candidate
types and a warning can appear at the wrap-up mark. An answer ends at a line holding only `.`
or at Ctrl-D, never at a blank line, so a pasted answer of several paragraphs stays whole.
When time runs out, the line still being typed is kept. Before each probe, input typed ahead
is dropped (and the candidate told), so no text lands under a question it did not answer.
Ctrl-C raises KeyboardInterrupt out of the loop; nothing is saved until a session is
complete, so an interrupted one leaves no trace.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import time
from collections.abc import Callable

from ..errors import InputError
from .loop import LoopPlan
from .questions import Question
from .report import WIDTH, clock, review_brief, wrap
from .session import AnySession, begin, finish, has_rubric, read_answer

# Where a spoken answer should be wrapping up; a shorter limit warns at two thirds of it.
WRAP_UP_SECONDS = 120.0
TIMEOUT = object()
END_MARK = "."  # a line holding only this ends an answer

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

    def take_typed(self) -> str:
        """What was typed and not yet read, the unfinished line included, emptying the input.

        A terminal keeps an unfinished line in its own buffer, out of reach of `read` until
        Enter; switching canonical mode off for a moment hands it over as it stands on screen.
        """
        data, self.pending = self.pending, b""
        saved = termios.tcgetattr(self.fd) if os.isatty(self.fd) else None
        if saved is not None:
            raw = termios.tcgetattr(self.fd)
            raw[3] &= ~termios.ICANON
            raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
            termios.tcsetattr(self.fd, termios.TCSANOW, raw)
        try:
            while select.select([self.fd], [], [], 0)[0]:
                chunk = os.read(self.fd, 4096)
                if not chunk:
                    break
                data += chunk
        finally:
            if saved is not None:
                termios.tcsetattr(self.fd, termios.TCSANOW, saved)
        return data.decode("utf-8", "replace").replace("\r", "")


def wrap_up_mark(limit: float) -> float:
    return WRAP_UP_SECONDS if limit > WRAP_UP_SECONDS else limit * 2 / 3


def _ends_answer(line) -> bool:
    return line is None or line.strip() == END_MARK


def read_timed_answer(reader: LineReader, write: Write, limit: float) -> tuple[str, float]:
    """Lines until a line holding only `.`, end of input or the time limit; the text and the seconds it took.

    Blank lines belong to the answer (paragraphs); at the time limit, the unfinished line is kept.
    """
    start = reader.now()
    warn_at = wrap_up_mark(limit)
    warned = False
    lines: list[str] = []
    while True:
        elapsed = reader.now() - start
        if elapsed >= limit:
            typed = reader.take_typed()
            lines += typed.split("\n")
            kept = " (the lines you were typing are kept)" if typed.strip() else ""
            write(f"\n-- Time is up ({clock(limit)}){kept}. --\n")
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
        if _ends_answer(line):
            break
        lines.append(line)
    return "\n".join(lines).strip("\n"), reader.now() - start


def read_probe_answer(reader: LineReader, write: Write) -> str:
    """Untimed lines until a line holding only `.` or end of input; an empty first line passes the probe."""
    lines: list[str] = []
    while True:
        write("> ")
        line = reader.readline()
        if line is None:
            write("\n")
        if _ends_answer(line) or (not lines and not line.strip()):
            return "\n".join(lines).strip("\n")
        lines.append(line)


def drop_typed_ahead(reader: LineReader, write: Write) -> None:
    """Text typed (or pasted) before a probe is shown answers no probe: drop it, and say so."""
    dropped = reader.take_typed()
    if dropped.strip():
        lines = len(dropped.strip("\n").split("\n"))
        write(f"(dropped {lines} line{'s' if lines > 1 else ''} typed before this question was shown)\n")


def run_interactive(
    question: Question,
    level: str,
    minutes: float,
    duration: float | None,
    reader: LineReader,
    write: Write,
    width: int = WIDTH,
) -> AnySession:
    """One whole session at the terminal, its text wrapped to `width`. Raises InputError for an empty answer.

    A question about a principle without a rubric ends at the answer: `fit` reads it, no probes follow.
    """
    limit = minutes * 60
    write(
        f"\nQuestion ({question.lp}, {question.kind.replace('_', ' ')}, {question.setting}):\n"
        f"{wrap(question.text, '  ', width=width)}\n\n"
    )
    write(
        f"You have {clock(limit)}. Type or paste your answer; a line holding only . (or Ctrl-D) ends it, Ctrl-C quits.\n\n"
    )
    answer, seconds = read_timed_answer(reader, write, limit)
    if not answer.strip():
        raise InputError("no answer was given; nothing was reviewed or saved", code="empty_answer")
    if not has_rubric(question.lp):
        write("\n")
        if duration is not None:
            return read_answer(question, answer, level, duration)
        return read_answer(question, answer, level, seconds, spoken=False)
    write("\nYour answer, as the committee would see it:\n")
    initial, probes = begin(answer, level, question.lp)
    write("\n".join(review_brief(initial, width=width)) + "\n")
    answers = []
    for i, probe in enumerate(probes, 1):
        write("\n" + wrap(probe.text, "  ", first=f"Follow-up {i} of {len(probes)}: ", width=width) + "\n")
        drop_typed_ahead(reader, write)
        write("(a line holding only . or Ctrl-D ends the answer; an empty first line passes)\n")
        answers.append(read_probe_answer(reader, write))
    write("\n")
    if duration is not None:
        return finish(question, answer, initial, probes, answers, duration)
    return finish(question, answer, initial, probes, answers, seconds, spoken=False)


def stdout_writer(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def run_loop_interactive(
    plan: LoopPlan, minutes: float, reader: LineReader, write: Write, width: int = WIDTH
) -> list[AnySession]:
    """Every question of a mock loop at the terminal, interviewer by interviewer; the report comes after."""
    sessions: list[AnySession] = []
    total = len(plan.questions)
    for interview in plan.interviews:
        write(f"\n=== Interviewer {interview.number} of {len(plan.interviews)} ===\n")
        for q in interview.questions:
            write(f"(question {len(sessions) + 1} of {total})\n")
            sessions.append(run_interactive(q, plan.level, minutes, None, reader, write, width))
    return sessions
