"""Speed and memory of the review engine over a set of stories (the development set by default).

Prints: p50 and p95 latency per review (all stories, and those of 300-500 words), reviews per
second in one process, the cold start of `starbar review` on one file (the first run, which
compiles the rubric's patterns and keeps their programs in the user's cache, and the runs after
it; wall time and the CPU time that the machine's load does not inflate), and peak memory.
Targets: p50 <= 10 ms for a 400-word story, cold start <= 0.4 s, peak memory <= 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "devset" / "stories.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cold_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stories", nargs="?", default=str(DEFAULT), help="JSON Lines with a `text` field")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the stories")
    args = parser.parse_args()

    texts = [json.loads(line)["text"] for line in Path(args.stories).read_text().splitlines() if line.strip()]
    import starbar
    from starbar.api import prepare

    # As a long-lived process runs: the rubric loaded, the patterns compiled with their prefilters.
    prepare()
    starbar.review(texts[0])
    latencies, mid, mid_cpu = [], [], []
    started = time.perf_counter()
    for _ in range(args.rounds):
        for text in texts:
            t0, c0 = time.perf_counter(), time.process_time()
            starbar.review(text)
            elapsed = (time.perf_counter() - t0) * 1000
            latencies.append(elapsed)
            if 300 <= len(text.split()) <= 500:
                mid.append(elapsed)
                mid_cpu.append((time.process_time() - c0) * 1000)
    total = time.perf_counter() - started

    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as fh:
        fh.write(max(texts, key=lambda t: -abs(len(t.split()) - 400)))
    starbar_bin = Path(sys.executable).with_name("starbar")
    command = [str(starbar_bin), "review", fh.name, "--format", "json"]
    with tempfile.TemporaryDirectory() as cache:
        # As an installed package runs: with its bytecode written (pip compiles it at install),
        # whatever this shell says; and with the patterns' programs kept after the first run.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = cache
        first_wall, first_cpu = cold_run(command, env)
        kept = [cold_run(command, env) for _ in range(5)]
    os.unlink(fh.name)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stories: {len(texts)} x {args.rounds} rounds")
    print(f"latency p50: {statistics.median(latencies):.2f} ms   p95: {percentile(latencies, 0.95):.2f} ms")
    if mid:
        print(
            f"latency p50 (300-500 words, n={len(mid)}): {statistics.median(mid):.2f} ms "
            f"({statistics.median(mid_cpu):.2f} ms CPU, which a busy machine inflates less)   (target <= 10 ms)"
        )
    print(f"throughput: {len(latencies) / total:.1f} reviews/s in one process")
    print(f"cold start of `starbar review`, first run: {first_wall:.3f} s ({first_cpu:.3f} s CPU)")
    wall, cpu = (statistics.median(figures) for figures in zip(*kept, strict=True))
    print(
        f"cold start of `starbar review`, patterns kept (median of 5): {wall:.3f} s ({cpu:.3f} s CPU)   (target <= 0.4 s)"
    )
    print(f"peak memory: {peak_mb:.1f} MB   (target <= 150 MB)")


if __name__ == "__main__":
    main()
