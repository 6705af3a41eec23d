"""Fixtures and stories shared by the story bank tests (tests/test_bank*.py import them).

`db_url` runs a test once on SQLite (a file in tmp_path) and once on PostgreSQL (a fresh
database on the server of STARBAR_TEST_POSTGRES_URL; skipped when it is unset).
The stories were written for these tests.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

PG_TEST_DB = "starbar_bank_test"

STRONG = """Situation: At a card issuer, 22% of small-business customers disputed their first statement, and each dispute froze their credit line for up to 10 days. Disputes ran at 6,000 a month, three times the rate on our consumer cards.
Task: I owned the statement experience and committed to halve first-statement disputes in two quarters while staying inside our chargeback and compliance rules.
Action: I listened to 40 recorded support calls and ran a funnel analysis on 12,000 statements. Customers did not want more detail, they could not match card charges to their own invoices. Finance opposed adding invoice references because it meant reworking the ledger; I built a business case from the dispute costs and proposed a phased plan. I accepted a one-month delay to add automated reconciliation with tokenized merchant references.
Result: First-statement disputes fell from 22% to 8% within two quarters, support calls dropped 35%, and owners saved about 3 hours of bookkeeping a month."""

WEAK = """Situation: Customers of our budgeting app kept asking for a way to export their transactions.
Task: My manager asked the team to add an export button.
Action: We gathered feedback, built the CSV export exactly as requested and everyone agreed it looked good.
Result: We launched on time and customers were happier."""


def fresh_postgres_database(base_url: str, name: str = PG_TEST_DB) -> str:
    """Drop and create database `name` on the server of `base_url`; its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bank.db'}"
    return fresh_postgres_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def bank(db_url):
    from starbar.bank import Bank

    with Bank.open(db_url) as opened:
        yield opened


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `starbar ARGS...` in this process through the real entry point (its error handling included)."""
    from starbar.cli.main import main

    monkeypatch.delenv("STARBAR_DATABASE_URL", raising=False)

    def run(*args: str, env: dict | None = None) -> Ran:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code or 0
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


def assert_one_clear_line(result, *phrases: str) -> None:
    """A failed command that said why in one `starbar: error:` line holding every phrase."""
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("starbar: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in lines[0]
