"""`starbar fit FILE`: which Leadership Principles a story shows, with the quotes behind each."""

from __future__ import annotations

import json

import click

from .inputs import read_story


@click.command()
@click.argument("file", type=str)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def fit(file: str, fmt: str) -> None:
    """Rank all sixteen Leadership Principles by the evidence in the story in FILE ('-' reads
    standard input), quoting the sentences behind each, and name the deep reviews to run."""
    from ..api import fit as run_fit

    result = run_fit(read_story(file))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    from ..principles.text import to_text

    click.echo(to_text(result, "-" if file == "-" else file), nl=False)
