"""Entry point: a click group whose subcommands are imported only when called."""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import StarbarError

# name -> "module:attribute"; each module is imported only when its command runs.
COMMANDS = {
    "review": "starbar.cli.review:review",
    "fit": "starbar.cli.fit:fit",
    "batch": "starbar.cli.batch:batch",
    "eval": "starbar.cli.evaluate:evaluate",
    "rubric": "starbar.cli.rubric:rubric",
    "bank": "starbar.cli.bank:bank",
    "questions": "starbar.cli.practice:questions",
    "practice": "starbar.cli.practice:practice",
    "debrief": "starbar.cli.debrief:debrief",
    "serve": "starbar.cli.serve:serve",
    "users": "starbar.cli.users:users",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="starbar")
def cli() -> None:
    """Judge Customer Obsession STAR stories for fintech PM interviews, with evidence."""


def main(argv: list[str] | None = None) -> None:
    """Run the `starbar` command: a `StarbarError` becomes one `starbar: error:` line and its exit code."""
    try:
        cli.main(args=argv, prog_name="starbar", standalone_mode=False)
    except StarbarError as exc:
        click.echo(f"starbar: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("starbar: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("starbar: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
