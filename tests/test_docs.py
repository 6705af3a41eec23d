"""The docs keep up with the code: every command is in the README, every review option is documented,
and the architecture names every package."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from starbar.cli.main import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"starbar {name}\b", README), f"`starbar {name}` is not shown in the README"


@pytest.mark.parametrize("name", ["review", "batch", "eval"])
def test_every_option_is_documented(name):
    command = cli.get_command(click.Context(cli), name)
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            if longest in {"--help", "--color"}:
                continue
            assert longest in README, f"{name} {longest} is not documented in the README"


def test_architecture_names_every_package():
    packages = sorted(p.name for p in (ROOT / "src" / "starbar").iterdir() if (p / "__init__.py").exists())
    for package in packages:
        assert f"starbar.{package}" in ARCHITECTURE, f"docs/ARCHITECTURE.md has no paragraph for starbar.{package}"


def test_readme_commands_use_files_that_exist():
    for path in re.findall(r"\b(examples/[\w./-]+)", README):
        assert (ROOT / path).exists(), path
