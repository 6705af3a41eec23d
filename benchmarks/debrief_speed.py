"""How long `starbar debrief` takes on an hour-long interview (tests/data/debrief/long-60min.voice.vtt).

Prints the wall time of the whole command in a fresh process (reading, splitting, every review,
the report), its median over a few runs, and the same inside a warm process. Target: <= 2 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONG = ROOT / "tests" / "data" / "debrief" / "long-60min.voice.vtt"
RUNS = 5


def main() -> None:
    cold = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "starbar", "debrief", str(LONG), "--format", "json"], check=True, capture_output=True
        )
        cold.append(time.perf_counter() - start)

    from starbar.debrief import debrief

    text = LONG.read_text(encoding="utf-8")
    result = debrief(text)
    warm = []
    for _ in range(RUNS):
        start = time.perf_counter()
        debrief(text)
        warm.append(time.perf_counter() - start)
    minutes = (result.transcript.end - result.transcript.start) / 60
    reviews = sum(1 + len(a.followups) for a in result.answers if a.review)
    print(
        f"{LONG.name}: {minutes:.0f} minutes, {len(result.transcript.segments)} cues, {len(result.answers)} questions, {reviews} reviews"
    )
    print(
        f"starbar debrief, fresh process: median {statistics.median(cold):.2f} s, worst {max(cold):.2f} s (target <= 2 s)"
    )
    print(f"debrief() in a warm process:    median {statistics.median(warm):.2f} s")


if __name__ == "__main__":
    main()
