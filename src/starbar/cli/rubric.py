"""`starbar rubric show`: the bar behind every judgment, from the rubric data."""

from __future__ import annotations

import click


@click.group()
def rubric() -> None:
    """Inspect the rubric the reviews are judged against."""


@rubric.command(name="list")
def list_rubrics() -> None:
    """The rubrics starbar can judge with: principle, rubric id, version and dimensions."""
    from ..rubric import available, load_rubric

    for name in available():
        spec = load_rubric(name)
        dims = ", ".join(d.id for d in spec.dimensions)
        click.echo(f"{spec.lp:<24} {spec.id} (version {spec.version}): {dims}")


@rubric.command()
@click.option("--lp", default=None, help="The Leadership Principle whose rubric to show (see `starbar rubric list`).")
@click.option(
    "--name", default=None, help="A packaged rubric's name or a rubric folder (default: the Customer Obsession rubric)."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(lp: str | None, name: str | None, fmt: str) -> None:
    """Print the dimensions with their level anchors, the flags and the verdict rules."""
    from ..rubric import DEFAULT_RUBRIC, for_lp, load_rubric

    spec = load_rubric(for_lp(lp) if lp else name or DEFAULT_RUBRIC)
    if fmt == "json":
        click.echo(spec.model_dump_json(indent=2, by_alias=True))
        return
    lines = [f"{spec.name} (rubric {spec.id}, version {spec.version})", "", " ".join(spec.summary.split()), ""]
    for dim in spec.dimensions:
        lines.append(f"{dim.id} - {dim.name} ({dim.part})")
        lines.append(f"  {dim.description}")
        for anchor in sorted(dim.anchors, key=lambda a: a.level):
            lines.append(f"  {anchor.level}: {anchor.text}")
        lines.append("")
    lines.append("Flags")
    lines += [f"  {f.id}: {f.description}" for f in spec.flags]
    lines += ["", "Archetypes (first that applies)"]
    lines += [f"  {a.value}: {a.why}" for a in spec.archetypes]
    lines += ["", "Verdicts (first that applies)"]
    for v in spec.verdicts:
        only = f" [{', '.join(v.levels)}]" if v.levels else ""
        lines.append(f"  {v.value}{only}: {v.why}")
    lines += ["", "Levels"] + [f"  {k}: {v}" for k, v in spec.level_scope.items()]
    click.echo("\n".join(lines))
