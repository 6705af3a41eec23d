"""The interactive practice loop driven through a pseudo-terminal, as a candidate would use it.

`.venv/bin/starbar practice` runs as a child on a pty (stdlib `pty`), so the countdown, the
time-out, an empty answer and Ctrl-C are exercised for real. Each test uses its own bank file.
Every step waits for what the candidate would see (a prompt, the echo of what was typed),
with generous bounds, never for a fixed time: the suite runs on busy machines.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from starbar.bank import Bank

STARBAR = Path(sys.executable).with_name("starbar")
QUESTION_ID = "wallet-first-use"
pytestmark = pytest.mark.skipif(
    not STARBAR.exists() or sys.platform == "win32", reason="needs the starbar script and a pty"
)


class Terminal:
    """`starbar practice` on a pseudo-terminal: type into it and read what the candidate sees."""

    def __init__(self, args: list[str], env: dict[str, str], *, errors_apart: bool = False) -> None:
        """`errors_apart`: standard error goes to a pipe, read whole by `errors()`. What a program
        writes to a terminal just before it exits can be lost to the reader (the terminal is
        closed under it), while a pipe keeps everything until it is read."""
        pipe = os.pipe() if errors_apart else None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes starbar, with the pty as its controlling terminal
            if pipe is not None:
                os.dup2(pipe[1], 2)
                os.close(pipe[0])
            # A suite started in the background by a non-interactive shell has SIGINT ignored, and
            # Python then installs no Ctrl-C handler: give the child the default a terminal gives.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execve(str(STARBAR), [str(STARBAR), *args], env)
        self.errors_fd = None
        if pipe is not None:
            os.close(pipe[1])
            self.errors_fd = pipe[0]
        self.screen = ""

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # the child closed the terminal
            return False
        self.screen += chunk.decode("utf-8", "replace")
        return bool(chunk)

    def expect(self, pattern: str, timeout: float = 90) -> re.Match:
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, self.screen)
            if match:
                self.screen = self.screen[match.end() :]
                return match
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(left):
                raise AssertionError(f"{pattern!r} never appeared; the screen shows:\n{self.screen}")

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def type_and_see(self, text: str) -> None:
        """Type a line's worth of text (no Enter) and wait until the terminal has echoed it:
        then it is in the terminal's buffer, as on the candidate's screen."""
        self.type(text)
        self.expect(re.escape(text))

    def errors(self) -> str:
        """Everything the program wrote to standard error (with `errors_apart`), once it has ended."""
        assert self.errors_fd is not None
        chunks = []
        while chunk := os.read(self.errors_fd, 4096):
            chunks.append(chunk)
        os.close(self.errors_fd)
        return b"".join(chunks).decode("utf-8", "replace")

    def finish(self, timeout: float = 120) -> int:
        """Read to the end and return the exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    def pass_probes(self, total: int | None = None) -> None:
        """Pass every probe, each once its prompt shows (what is typed earlier is dropped).

        `total`: the first probe's header was already read, and it said this many."""
        total = total or int(self.expect(r"Follow-up 1 of (\d)").group(1))
        for n in range(1, total + 1):
            if n > 1:
                self.expect(rf"Follow-up {n} of {total}")
            self.expect(r"> ")
            self.type("\n")


@pytest.fixture
def env(tmp_path):
    bank = tmp_path / "bank.db"
    return dict(
        os.environ, STARBAR_DATABASE_URL=f"sqlite:///{bank}", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path)
    ), bank


def _stories(bank: Path):
    with Bank.open(str(bank), create=False) as b:
        return b.list()


def test_countdown_warning_and_time_out_then_probes_and_save(env):
    environ, bank = env
    term = Terminal(["practice", "--question", QUESTION_ID, "--minutes", "0.2"], environ)
    term.expect(r"You have 0:12")
    term.expect(r"\[0:\d\d left\] ")
    term.type("Our team redesigned the wallet top-up screen after users got confused.\n")
    term.expect(r"\[0:\d\d left\] ")
    term.expect(r"0:0\d left: wrap up")
    term.expect(r"Time is up \(0:12\)")
    term.expect(r"flags: .*we_not_i")
    term.pass_probes()
    term.expect(r"Recovered by the probes: nothing")
    term.expect(r"\d+ words typed in 0:\d\d: \d+ words a minute")
    term.expect(r"Saved to the story bank")
    assert term.finish() == 0
    (story,) = _stories(bank)
    assert story.latest.text.startswith("Our team redesigned the wallet top-up screen")
    assert "practice" in story.tags


def test_the_line_being_typed_when_time_runs_out_is_kept(env):
    environ, bank = env
    term = Terminal(["practice", "-q", QUESTION_ID, "--minutes", "0.2"], environ)
    term.expect(r"left\] ")
    term.type("We were a team on the wallet app and I redesigned the top-up screen.\n")
    term.expect(r"wrap up now")
    term.type_and_see("Result: top-up errors fell 40% in a month")  # no Enter: still typing
    term.expect(r"Time is up \(0:12\) \(the lines you were typing are kept\)")
    term.pass_probes()
    term.expect(r"Saved to the story bank")
    assert term.finish() == 0
    (story,) = _stories(bank)
    assert "Result: top-up errors fell 40% in a month" in story.latest.text


def test_a_pasted_answer_of_several_paragraphs_stays_one_answer(env):
    environ, bank = env
    term = Terminal(["practice", "-q", QUESTION_ID, "--minutes", "5", "--no-save", "-f", "json"], environ)
    term.expect(r"left\] ")
    paragraphs = [
        "Situation: our wallet's first top-up failed for 18% of new users.",
        "Task: I owned the top-up flow and committed to halve the failures.",
        "Action: I interviewed 12 users and rebuilt the card form.",
        "Result: failures fell from 18% to 7% in six weeks.",
    ]
    term.type("\n\n".join(paragraphs) + "\n.\n")  # pasted at once, then the end mark
    term.pass_probes()
    term.expect(r"\n\{")
    assert term.finish() == 0
    data = json.loads("{" + term.screen)
    assert data["answer"].split("\n\n") == paragraphs
    assert not bank.exists()
    assert [p["answer"] for p in data["probes"]] == [""] * len(data["probes"])


def test_text_typed_before_a_probe_is_shown_answers_no_probe(env):
    environ, bank = env
    term = Terminal(["practice", "-q", QUESTION_ID, "--minutes", "5", "--no-save", "-f", "json"], environ)
    term.expect(r"left\] ")
    # the answer, its end, and a paragraph too many, all pasted at once
    term.type("We were a team on the wallet app. The team redesigned the top-up screen.\n.\nAn extra paragraph.\n")
    total = int(term.expect(r"Follow-up 1 of (\d)").group(1))
    term.expect(r"dropped 1 line typed before this question was shown")
    term.pass_probes(total)
    term.expect(r"\n\{")
    assert term.finish() == 0
    data = json.loads("{" + term.screen)
    assert "An extra paragraph" not in json.dumps(data["probes"])
    assert not bank.exists()


def test_answer_ended_by_ctrl_d_with_a_probe_answered(env):
    environ, bank = env
    term = Terminal(["practice", "-q", QUESTION_ID, "--minutes", "2", "--no-save", "--duration", "0:20"], environ)
    term.expect(r"\[\d:\d\d left\] ")
    term.type("We were a team on the wallet app. The team decided to redesign the top-up screen.\n")
    term.expect(r"left\] ")
    term.type("\x04")  # Ctrl-D on an empty line: end of the answer
    total = int(term.expect(r"Follow-up 1 of (\d): (.*)\n").group(1))
    term.expect(r"> ")
    term.type("I personally interviewed 14 wallet users and proposed the new flow to the head of payments.\n.\n")
    for n in range(2, total + 1):
        term.expect(rf"Follow-up {n} of {total}")
        term.expect(r"> ")
        term.type("\n")
    term.expect(r"Recovered by the probes: ")
    term.expect(r"\d+ words in 0:20: \d+ words a minute")
    assert term.finish() == 0
    assert not bank.exists()


def test_an_empty_answer_reviews_and_saves_nothing(env):
    environ, bank = env
    term = Terminal(["practice", "-q", QUESTION_ID, "--minutes", "1"], environ, errors_apart=True)
    term.expect(r"left\] ")
    term.type("\n")
    term.expect(r"left\] ")  # a blank line is a paragraph break, not the end
    term.type(".\n")
    assert term.finish() == 2
    assert "no answer was given; nothing was reviewed or saved" in term.errors()
    assert not bank.exists()


def test_ctrl_c_during_the_probes_leaves_the_bank_as_it_was(env):
    environ, bank = env
    with Bank.open(str(bank)) as b:
        b.add("Earlier story", (Path(__file__).parent / "practice_stories" / "vague_result.txt").read_text())
    term = Terminal(["practice", "-q", QUESTION_ID, "--minutes", "5", "--save"], environ, errors_apart=True)
    term.expect(r"left\] ")
    term.type("We were a team on the wallet app and the team redesigned the top-up screen.\n.\n")
    term.expect(r"Follow-up 1 of")
    term.expect(r"> ")  # the probe's prompt: the program is reading the answer
    term.type_and_see("Risk pushed back on the new limits, and I")
    term.type("\x03")  # Ctrl-C
    assert term.finish() == 130
    assert "practice interrupted; nothing was saved" in term.errors()
    assert [s.title for s in _stories(bank)] == ["Earlier story"]


STORIES = Path(__file__).parent / "practice_stories"


def test_a_principle_without_a_rubric_is_read_with_fit_and_saved_under_it(env):
    environ, bank = env
    term = Terminal(["practice", "--question", "calculated-risk", "--minutes", "5"], environ)
    term.expect(r"Question \(bias-for-action, pressure, fraud\)")
    term.expect(r"\[\d:\d\d left\] ")
    term.type((STORIES / "bias_for_action.txt").read_text() + ".\n")
    term.expect(r"read for Bias for Action \(no rubric: no verdict, no probes\)")
    term.expect(r"Shows Bias for Action: \d signals")
    term.expect(r"Saved to the story bank")
    assert term.finish() == 0
    (story,) = _stories(bank)
    assert story.principles[0].principle == "bias-for-action" and story.principles_source == "user"
    assert story.latest.text.startswith("Situation: I was the product manager")


def test_a_mock_loop_at_the_terminal_asks_every_question_then_reports_and_saves(env):
    environ, bank = env
    term = Terminal(["practice", "--loop", "--interviews", "3", "--seed", "5", "--minutes", "5"], environ)
    answer = (
        "I read 200 support tickets from Acme merchants myself; the risk lead objected, so I ran a pilot "
        "that cut refund waiting from 9 days to 2.\n.\n"
    )
    asked = []
    while True:
        step = term.expect(r"Question \(([a-z-]+), |Follow-up 1 of (\d)|Mock loop at L6")
        if step.group(1):
            asked.append(step.group(1))
            term.expect(r"\[\d:\d\d left\] ")
            term.type(answer)
        elif step.group(2):
            term.pass_probes(int(step.group(2)))
        else:
            break
    term.expect(r"replay with --seed 5")
    term.expect(r"Interviewer 3")
    term.expect(r"Stories told twice")  # the same answer every time
    term.expect(rf"Saved {len(asked)} answers to the story bank")
    assert term.finish() == 0
    assert len(asked) >= 8 and len(set(asked)) == len(asked)
    assert [s.told_for for s in _stories(bank)] == asked
