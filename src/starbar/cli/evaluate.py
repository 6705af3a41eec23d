"""`starbar eval GOLD.jsonl`: agreement with labelled stories."""

from __future__ import annotations

import json

import click


@click.command()
@click.argument("gold", type=str)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold: str, as_json: bool) -> None:
    """Measure agreement between starbar and labelled stories (the development set's format)."""
    from ..evaluate import evaluate as run
    from ..evaluate import load_gold
    from ..render.evaluation import eval_table

    result = run(load_gold(gold))
    click.echo(json.dumps(result, indent=2) if as_json else eval_table(result))
