"""`starbar batch IN.jsonl -o OUT.jsonl`: many stories, one review per line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import InputError, StarbarError
from .inputs import decode, read_bytes
from .outputs import write_atomically


def _story(line: str) -> tuple[str, str, str]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise InputError("a line must be a JSON object with `id` and `text`")
    if "id" not in row or not isinstance(row.get("text"), str):
        raise InputError("a line needs `id` and a string `text`")
    from ..judge.facts import LEVELS

    level = str(row.get("level") or "L6").upper()
    if level not in LEVELS:
        raise InputError(f"level must be L5, L6 or L7, not {row['level']!r}")
    return row["id"], row["text"], level


@click.command()
@click.argument("infile", type=str)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write reviews here (default: standard output).",
)
def batch(infile: str, output: str | None) -> None:
    """Review every story in INFILE (JSON Lines with `id`, `text`, optional `level`, `question`)."""
    from ..api import review

    raw, name = read_bytes(infile)
    lines = decode(raw, name).splitlines()
    results, bad = [], 0
    with click.progressbar(
        enumerate(lines, 1), length=len(lines), label="reviewing", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as rows:
        for number, line in rows:
            if not line.strip():
                continue
            try:
                story_id, text, level = _story(line)
                results.append(json.dumps({"id": story_id, **review(text, level).to_dict()}, ensure_ascii=False))
            except StarbarError as exc:
                bad += 1
                click.echo(f"starbar: {infile}:{number}: skipped: {exc}", err=True)
    body = "".join(r + "\n" for r in results)
    if output:
        write_atomically(Path(output), body)
    else:
        click.echo(body, nl=False)
    click.echo(f"starbar: reviewed {len(results)} stories, skipped {bad}", err=True)
    if bad:
        sys.exit(1)
