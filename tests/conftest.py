"""Shared fixtures. Stories used by tests are written for the tests, never taken from the development set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "data" / "devset" / "stories.jsonl"


@pytest.hookimpl(trylast=True)  # after pytest's own tmp_path set-up
def pytest_configure(config):
    """The regex programs the engine keeps between runs (parse/programs.py) go to a throwaway
    cache directory, set before any test module imports starbar and compiles its patterns."""
    os.environ["XDG_CACHE_HOME"] = str(Path(config._tmp_path_factory.getbasetemp()) / "xdg-cache")


@pytest.fixture(autouse=True)
def _away_from_user_data(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own bank or web key: the default data directory
    (platformdirs reads $XDG_DATA_HOME on every call) is a throwaway one, for subprocesses too."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg-data"))
    monkeypatch.delenv("STARBAR_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def rubric():
    from starbar.rubric import load_rubric

    return load_rubric()


@pytest.fixture(scope="session")
def postgres_url():
    url = os.environ.get("STARBAR_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL server (run the suite with `make test`)")
    return url


SEEDS = ROOT.parent / "shared" / "data" / "seed-examples.jsonl"


@pytest.fixture(scope="session")
def seed_examples():
    """The source guide's own BAD, GOOD and loan examples, read from shared/ (never copied here)."""
    import json

    if not SEEDS.exists():
        pytest.skip("the seed examples are not beside this checkout")
    return [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]
