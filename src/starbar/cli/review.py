"""`starbar review FILE`: one story, judged and explained."""

from __future__ import annotations

import sys

import click

from ..render import FORMATS, render
from .inputs import LEVEL, read_story


@click.command()
@click.argument("file", type=str)
@click.option("--level", "-l", type=LEVEL, default="L6", show_default=True, help="Target level of the role.")
@click.option(
    "--lp",
    default="customer-obsession",
    show_default=True,
    help="The Leadership Principle to judge the story against (`starbar rubric list` shows them).",
)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Show every detector that fired or was suppressed, and why.")
@click.option("--color/--no-color", default=None, help="Colour output (default: when writing to a terminal).")
def review(file: str, level: str, lp: str, fmt: str, explain: bool, color: bool | None) -> None:
    """Review the STAR story in FILE ('-' reads standard input)."""
    from ..api import also_serves
    from ..api import review as run_review

    text = read_story(file)
    result = run_review(text, level, lp=lp)
    use_color = sys.stdout.isatty() if color is None else color
    out = render(result, fmt, color=use_color, explain=explain, also=also_serves(result))
    click.echo(out, color=use_color)
