"""Load on the web app: POST /api/review from several connections for a bounded time.

Drives a running server on loopback (`--url http://127.0.0.1:8765`), or starts `starbar serve`
on a free loopback port itself when no URL is given, and prints reviews per second and p50/p95
latency. Target on a two-core machine: >= 100 reviews per second with p95 <= 100 ms.

Requests cycle through a file of different stories (the held-out set by default), so no cache
that a real user's next story would miss flatters the figures.

The client is raw HTTP/1.1 over asyncio streams, so the load generator itself costs little of
the CPU it shares with the server. Each request opens its own connection unless --keep-alive.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORIES = ROOT / "data" / "heldout" / "stories.jsonl"
STARTUP_SECONDS = 60


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def request_bytes(host: str, port: int, text: str, level: str, keep_alive: bool) -> bytes:
    body = json.dumps({"text": text, "level": level}).encode()
    head = (
        f"POST /api/review HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
    )
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:]) if k.lower() == "content-length")
    await reader.readexactly(length)
    return status


def read_stories(path: Path) -> list[str]:
    """Stories from a JSON-lines file (a "text" per line), or the one story in a text file."""
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [path.read_text(encoding="utf-8")]


async def worker(
    host: str,
    port: int,
    payloads: Iterator[bytes],
    deadline: float,
    latencies: list[float],
    errors: list[int],
    keep_alive: bool,
):
    """One client: requests back to back on one connection, or each on a new one (the latency then
    includes connecting, and the server's processes share the connections more evenly)."""
    connection = None
    try:
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            if connection is None:
                connection = await asyncio.open_connection(host, port)
            reader, writer = connection
            writer.write(next(payloads))
            await writer.drain()
            status = await read_response(reader)
            if not keep_alive:
                writer.close()
                connection = None
            if status == 200:
                latencies.append(time.perf_counter() - start)
            else:
                errors.append(status)
    finally:
        if connection:
            connection[1].close()


async def drive(host: str, port: int, payloads: Iterator[bytes], seconds: float, connections: int, keep_alive: bool):
    latencies: list[float] = []
    errors: list[int] = []
    # Warm up every server process: its first review loads the rubric and compiles the patterns.
    warm = time.perf_counter() + 1.0
    await asyncio.gather(*(worker(host, port, payloads, warm, [], [], keep_alive) for _ in range(connections)))
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(
        *(worker(host, port, payloads, deadline, latencies, errors, keep_alive) for _ in range(connections))
    )
    return latencies, errors, time.perf_counter() - start


def engine_cpu_ms(texts: list[str], level: str, runs: int = 60) -> float:
    """CPU per review of the engine alone, in this process, warmed up as the server is: the
    floor under the server's figure."""
    import starbar

    for text in texts * 3:
        starbar.review(text, level)
    start = time.process_time()
    for i in range(runs):
        starbar.review(texts[i % len(texts)], level)
    return (time.process_time() - start) * 1000 / runs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, db: str, workers: int) -> subprocess.Popen:
    # Its own process group, so stopping it also stops the worker processes it spawned.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from starbar.cli.main import main; main()",
            "serve",
            "--port",
            str(port),
            "--db",
            db,
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server did not start: {proc.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2):
                return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit(f"the server did not start within {STARTUP_SECONDS} s")


def group_cpu_seconds(pgid: int) -> float:
    """User plus system CPU time of every live process in a process group (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ..., utime (12), stime (13)
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def stop_server(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8765 (default: start one)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to drive it (default 10)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument(
        "--keep-alive",
        action="store_true",
        help="reuse each client's connection (a server process keeps every connection it accepted, "
        "so with several processes one may get most of them)",
    )
    parser.add_argument("--workers", type=int, default=2, help="server processes when starting one (default 2)")
    parser.add_argument(
        "--stories",
        type=Path,
        default=DEFAULT_STORIES,
        help='stories to cycle through: a JSON-lines file with a "text" per line, or one story\'s '
        "text file (default: the held-out set)",
    )
    parser.add_argument("--level", default="L6")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    proc = None
    if args.url:
        parts = urlsplit(args.url)
        host, port = parts.hostname, parts.port or 80
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("drive only a server on loopback")
    else:
        host, port = "127.0.0.1", free_port()
        proc = start_server(port, os.path.join(tempfile.mkdtemp(prefix="starbar-load-"), "bank.db"), args.workers)
    texts = read_stories(args.stories)
    payloads = cycle([request_bytes(host, port, text, args.level, args.keep_alive) for text in texts])
    try:
        cpu_before = group_cpu_seconds(proc.pid) if proc else None
        latencies, errors, elapsed = asyncio.run(
            drive(host, port, payloads, args.seconds, args.connections, args.keep_alive)
        )
        cpu = group_cpu_seconds(proc.pid) - cpu_before if proc else None
    finally:
        if proc:
            stop_server(proc)
    if not latencies:
        raise SystemExit(f"no successful review; statuses: {sorted(set(errors))}")
    figures = {
        "reviews": len(latencies),
        "errors": len(errors),
        "seconds": round(elapsed, 2),
        "reviews_per_second": round(len(latencies) / elapsed, 1),
        "connections": args.connections,
        "stories": len(texts),
        "mean_story_words": round(sum(len(t.split()) for t in texts) / len(texts)),
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        # The server's own CPU per review (warm-up included), when this script started it: what the
        # throughput would be if the server had the cores to itself, however busy the machine is.
        "server_cpu_ms_per_review": round(cpu * 1000 / len(latencies), 1) if cpu else None,
        "cores": os.cpu_count(),
        "engine_cpu_ms_per_review": round(engine_cpu_ms(texts, args.level), 1),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"{figures['reviews']} reviews of {figures['stories']} stories ({figures['mean_story_words']} words on "
        f"average) in {figures['seconds']} s "
        f"from {args.connections} clients ({figures['errors']} errors)"
    )
    print(f"reviews/second: {figures['reviews_per_second']}  (target >= 100)")
    print(f"latency p50: {figures['p50_ms']} ms  p95: {figures['p95_ms']} ms  (target p95 <= 100 ms)")
    if figures["server_cpu_ms_per_review"]:
        per = figures["server_cpu_ms_per_review"]
        print(
            f"server CPU per review: {per} ms, so at most {round(1000 * figures['cores'] / per)} reviews/second "
            f"on {figures['cores']} cores with nothing else running"
        )
    print(f"the engine alone: {figures['engine_cpu_ms_per_review']} ms CPU per review of these stories")


if __name__ == "__main__":
    main()
