"""`starbar eval GOLD.jsonl`: agreement with labelled stories."""

from __future__ import annotations

import json

import click


@click.command()
@click.argument("gold", type=str)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold: str, as_json: bool) -> None:
    """Measure agreement between starbar and the labelled stories in GOLD.

    GOLD is JSON Lines, one story a line: id, text, dims (each dimension's level 0-4),
    archetype and verdict; optionally level, context, flags, parts and style. The format,
    with an example: docs/labelled-stories.md.
    """
    from ..evaluate import evaluate as run
    from ..evaluate import load_gold
    from ..render.evaluation import eval_table

    result = run(load_gold(gold))
    click.echo(json.dumps(result, indent=2) if as_json else eval_table(result))
