"""Speed of judging one story for the whole loop: the seven principles' reviews plus `fit`.

Prints the p50 and p95 per story of all eight together (target <= 50 ms warm, issue 12) and the
p50 of each part. Every story is read once per round, as a user's story is, so the parse that
the eight share is paid once per story and never carried over from an earlier round.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "devset" / "stories.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stories", nargs="?", default=str(DEFAULT), help="JSON Lines with a `text` field")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the stories")
    args = parser.parse_args()

    texts = [json.loads(line)["text"] for line in Path(args.stories).read_text().splitlines() if line.strip()]
    import starbar
    from starbar.parse import parse
    from starbar.rubric import available, load_rubric

    lps = [load_rubric(name).lp for name in available()]
    for lp in lps:  # warm: every rubric loaded and its patterns compiled
        starbar.review(texts[0], lp=lp)
    starbar.fit(texts[0])
    per: dict[str, list[float]] = {lp: [] for lp in [*lps, "fit"]}
    totals: list[float] = []
    cpu: list[float] = []
    for _ in range(args.rounds):
        parse.cache_clear()
        for text in texts:
            started, cpu_started = time.perf_counter(), time.process_time()
            for lp in lps:
                t0 = time.perf_counter()
                starbar.review(text, lp=lp)
                per[lp].append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            starbar.fit(text)
            per["fit"].append((time.perf_counter() - t0) * 1000)
            totals.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)

    ordered = sorted(totals)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"stories: {len(texts)} x {args.rounds} rounds, {len(lps)} principles + fit")
    print(
        f"all seven reviews + fit, per story: p50 {statistics.median(totals):.1f} ms   p95 {p95:.1f} ms "
        f"(CPU p50 {statistics.median(cpu):.1f} ms)   (target <= 50 ms)"
    )
    for name, values in per.items():
        print(f"  {name:<22} p50 {statistics.median(values):.1f} ms")


if __name__ == "__main__":
    main()
