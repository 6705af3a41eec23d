"""Speed of the story bank's commands, as a user runs them (each a new process), on SQLite.

Prints the median wall time of `bank list`, `bank show`, `bank update` and `bank checklist`
on a bank of a few stories, then eight `bank update`s run one after another against the
same eight run at once. Targets: each command <= 0.5 s; eight at once no slower than in turn.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "invoice-reminders.md"
STARBAR = str(Path(sys.executable).with_name("starbar"))
RUNS = 5
WRITERS = 8


def timed(args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([STARBAR, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, STARBAR_DATABASE_URL=f"sqlite:///{Path(folder) / 'bank.db'}")
        for n in range(3):
            subprocess.run(
                [STARBAR, "bank", "add", str(STORY), "--title", f"Story {n}"],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        commands = {
            "bank list": ["bank", "list"],
            "bank show 1": ["bank", "show", "1"],
            "bank update 1 FILE": ["bank", "update", "1", str(STORY)],
            "bank checklist": ["bank", "checklist"],
        }
        for name, args in commands.items():
            median = statistics.median(timed(args, env) for _ in range(RUNS))
            print(f"{name:<20} median {median:.2f} s over {RUNS} runs (target <= 0.50 s)")

        update = ["bank", "update", "2", str(STORY)]
        t0 = time.perf_counter()
        for _ in range(WRITERS):
            timed(update, env)
        in_turn = time.perf_counter() - t0
        t0 = time.perf_counter()
        running = [subprocess.Popen([STARBAR, *update], env=env, stdout=subprocess.DEVNULL) for _ in range(WRITERS)]
        if any(p.wait() for p in running):
            raise SystemExit("a concurrent update failed")
        at_once = time.perf_counter() - t0
        print(f"{WRITERS} updates of one story: {in_turn:.2f} s in turn, {at_once:.2f} s at once")


if __name__ == "__main__":
    main()
