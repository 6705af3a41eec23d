"""The bank under stress: concurrent writers, a writer killed mid-transaction, broken databases."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlalchemy.engine import make_url

from bank_fixtures import STRONG, WEAK, assert_one_clear_line, bank, cli, db_url
from starbar.bank import Bank, BankError

STARBAR = [sys.executable, "-c", "from starbar.cli.main import main; main()"]

# Waits for the start signal, then stores N versions of one story, each text naming its writer and index.
WRITER = """
import sys, time
from pathlib import Path
from typing import NamedTuple
from starbar.bank import Bank
url, story_id, name, count, go = sys.argv[1:6]
with Bank.open(url) as bank:
    while not Path(go).exists():
        time.sleep(0.01)
    for i in range(int(count)):
        bank.update(int(story_id), BASE + f"\\n\\nRevision {name} {i}.")
"""

# Stores a version but stops inside the transaction, right after the version's INSERT, until killed.
STALLED_WRITER = """
import sys, time
from sqlalchemy import event
from starbar.bank import Bank
url, story_id = sys.argv[1:3]
bank = Bank.open(url)

@event.listens_for(bank.engine, "after_cursor_execute")
def stall(conn, cursor, statement, *args):
    if statement.lstrip().upper().startswith("INSERT INTO VERSIONS"):
        print("inside the transaction", flush=True)
        time.sleep(120)

bank.update(int(story_id), BASE + "\\n\\nA version that must never be stored.")
"""


def _script(code: str) -> str:
    return f"BASE = {STRONG!r}\n" + code


def test_two_writer_processes_lose_nothing(db_url, tmp_path):
    per_writer = 60
    with Bank.open(db_url) as bank:
        story_id = bank.add("Shared story", STRONG).story_id
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _script(WRITER), db_url, str(story_id), name, str(per_writer), str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    time.sleep(0.5)
    go.touch()
    for w in writers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    with Bank.open(db_url) as bank:
        history = bank.history(story_id)
        assert bank.story(story_id).versions == 2 * per_writer + 1
    assert [v.number for v in history] == list(range(1, 2 * per_writer + 2))
    for name in ("alpha", "beta"):
        mine = [v.text.rsplit("Revision ", 1)[1] for v in history if f"Revision {name} " in v.text]
        assert mine == [f"{name} {i}." for i in range(per_writer)]  # every write, in its writer's order
    times = [v.created_at for v in history]
    assert times == sorted(times)


def test_a_writer_killed_mid_transaction_leaves_the_bank_intact(db_url):
    with Bank.open(db_url) as bank:
        first = bank.add("Before the crash", WEAK)
        bank.update(first.story_id, STRONG)
        before = bank.export("json")
    writer = subprocess.Popen(
        [sys.executable, "-c", _script(STALLED_WRITER), db_url, str(first.story_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "inside the transaction", writer.stderr.read()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    with Bank.open(db_url, timeout=10) as bank:
        assert bank.export("json") == before
        if bank.engine.dialect.name == "sqlite":
            with bank.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert bank.update(first.story_id, WEAK).number == 3  # the lock died with the writer


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_missing_bank_reads_as_empty_and_is_not_created(cli, tmp_path):
    path = tmp_path / "nothing.db"
    listed = cli("bank", "list", "--db", f"sqlite:///{path}")
    assert listed.returncode == 0 and "The bank is empty" in listed.stdout
    assert not path.exists()
    assert_one_clear_line(cli("bank", "show", "1", "--db", f"sqlite:///{path}"), "no story bank", str(path))
    assert not path.exists()


def _sqlite_bank_with_one_story(tmp_path: Path) -> tuple[Path, Path]:
    """(a SQLite bank holding story "One", a story file to add to it)."""
    path = tmp_path / "bank.db"
    with Bank.open(f"sqlite:///{path}") as bank:
        bank.add("One", STRONG)
    story = tmp_path / "s.md"
    story.write_text(STRONG)
    return path, story


def test_corrupt_file_is_a_clear_error_and_left_untouched(cli, tmp_path):
    damaged, story = _sqlite_bank_with_one_story(tmp_path)
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_bytes(b"these are my interview notes, not a database\n" * 50)
    data = bytearray(damaged.read_bytes())
    data[100 : 4096 * 2] = os.urandom(len(data[100 : 4096 * 2]))  # keep the header, wreck the pages
    damaged.write_bytes(bytes(data))
    for path in (not_sqlite, damaged):
        digest = _sha(path)
        for args in (["list"], ["add", str(story), "--title", "x"]):
            assert_one_clear_line(cli("bank", *args, "--db", f"sqlite:///{path}"), str(path))
        assert _sha(path) == digest
    # and through the installed entry point, in its own process
    digest = _sha(not_sqlite)
    result = subprocess.run(
        [*STARBAR, "bank", "list", "--db", f"sqlite:///{not_sqlite}"], capture_output=True, text=True, timeout=120
    )
    assert_one_clear_line(result, "not a SQLite database")
    assert _sha(not_sqlite) == digest


@contextmanager
def _holding_the_write_lock(db_url: str):
    """Another program in the middle of a write: the SQLite file's lock, or every story row's on PostgreSQL."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        holder = sqlite3.connect(url.database, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
    else:
        import psycopg

        holder = psycopg.connect(db_url)
        holder.execute("SELECT id FROM stories FOR UPDATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def test_locked_bank_is_a_clear_error_after_the_timeout(cli, db_url, tmp_path):
    with Bank.open(db_url) as bank:
        story_id = bank.add("One", STRONG).story_id
    story = tmp_path / "s.md"
    story.write_text(WEAK)
    with _holding_the_write_lock(db_url):
        result = cli("bank", "update", str(story_id), str(story), "--db", db_url, env={"STARBAR_DB_TIMEOUT": "0.5"})
    assert_one_clear_line(result, "locked")
    with Bank.open(db_url) as bank:
        assert bank.story(story_id).versions == 1


def test_read_only_bank_is_a_clear_error_for_writes_and_still_reads(cli, tmp_path):
    path, story = _sqlite_bank_with_one_story(tmp_path)
    digest = _sha(path)
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    assert_one_clear_line(cli("bank", "add", str(story), "--title", "Two", "--db", read_only), "read-only")
    listed = cli("bank", "list", "--format", "json", "--db", read_only)
    assert listed.returncode == 0 and '"title": "One"' in listed.stdout, listed.stderr
    assert _sha(path) == digest


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_a_clear_error(cli, tmp_path):
    path, story = _sqlite_bank_with_one_story(tmp_path)
    path.chmod(0o444)
    assert_one_clear_line(cli("bank", "add", str(story), "--title", "Two", "--db", f"sqlite:///{path}"), "read-only")


def test_a_database_that_is_not_a_bank_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    digest = _sha(path)
    with pytest.raises(BankError, match="not a story bank"):
        Bank.open(f"sqlite:///{path}")
    assert _sha(path) == digest


def test_a_bank_from_a_newer_starbar_is_refused(bank, db_url):
    with bank.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(BankError, match="newer starbar"):
        Bank.open(db_url)


def test_unreachable_postgres_is_a_clear_error(cli):
    result = cli("bank", "list", "--db", "postgresql://starbar@127.0.0.1:9/bank", env={"STARBAR_DB_TIMEOUT": "2"})
    assert_one_clear_line(result, "unreachable", "127.0.0.1:9")


@pytest.mark.postgres
def test_missing_postgres_database_is_a_clear_error(cli, postgres_url):
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url).set(database="starbar_no_such_db").render_as_string(hide_password=False)
    assert_one_clear_line(cli("bank", "list", "--db", url), "does not exist")
