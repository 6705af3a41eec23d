"""Nothing a user stores is lost: URLs that keep nothing, exports onto databases, damaged files,
fields one backend would refuse, repeated imports, and numbers no database can hold."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bank_fixtures import STRONG, WEAK, assert_one_clear_line, bank, cli, db_url, fresh_postgres_database
from starbar.bank import Bank, StoryNotFound, formats
from starbar.errors import InputError


@pytest.fixture
def story_file(tmp_path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STRONG)
    return path


# --- 1: a URL that keeps nothing ----------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"]
)
def test_a_sqlite_url_without_a_file_is_refused_before_anything_is_stored(cli, story_file, url):
    result = cli("bank", "add", str(story_file), "--title", "Lost", env={"STARBAR_DATABASE_URL": url})
    assert_one_clear_line(result, "names no file")
    assert "stored" not in result.stdout


# --- 2: an export never overwrites a database -----------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_export_onto_the_banks_own_file_is_refused_and_the_bank_kept(cli, tmp_path, story_file, fmt):
    path = tmp_path / "bank.db"
    db = f"sqlite:///{path}"
    assert cli("bank", "add", str(story_file), "--title", "Kept", "--db", db).returncode == 0
    before = path.read_bytes()
    for target in (path, Path(f"{path}-wal")):
        assert_one_clear_line(cli("bank", "export", "-f", fmt, "-o", str(target), "--db", db), "story bank's own file")
    assert path.read_bytes() == before
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (body TEXT)").connection.commit()
    other_bytes = other.read_bytes()
    assert_one_clear_line(cli("bank", "export", "-f", fmt, "-o", str(other), "--db", db), "is a database file")
    assert other.read_bytes() == other_bytes
    listed = cli("bank", "list", "-f", "json", "--db", db)
    assert [s["title"] for s in json.loads(listed.stdout)] == ["Kept"]


def test_export_writes_atomically_so_a_failed_write_keeps_the_old_file(cli, tmp_path, story_file, monkeypatch):
    db = f"sqlite:///{tmp_path / 'bank.db'}"
    cli("bank", "add", str(story_file), "--title", "One", "--db", db)
    target = tmp_path / "export.json"
    target.write_text("the previous export\n")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    assert_one_clear_line(cli("bank", "export", "-o", str(target), "--db", db), "No space left")
    assert target.read_text() == "the previous export\n"
    assert not list(tmp_path.glob(".export.json*"))  # no temporary file left behind
    monkeypatch.undo()
    assert cli("bank", "export", "-o", str(target), "--db", db).returncode == 0
    assert json.loads(target.read_text())["stories"][0]["title"] == "One"


# --- 6: a damaged file takes no writes ----------------------------------------------------


def test_a_bank_with_a_corrupt_page_refuses_writes(cli, tmp_path, story_file):
    path = tmp_path / "bank.db"
    with Bank.open(f"sqlite:///{path}") as b:
        b.add("Long one", STRONG + "\n\n" + "Z" * 20000)  # its text fills overflow pages
        b.add("Short one", WEAK)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    # A bad sector in an overflow page: its pointer to the next page now points nowhere. Only
    # reading that one text would notice; an add never does.
    overflow = next(
        at for at in range(0, len(data), page_size) if data[at + 4 : at + page_size] == b"Z" * (page_size - 4)
    )
    data[overflow : overflow + 4] = b"\x7f\xff\xff\xff"
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    result = cli("bank", "add", str(story_file), "--title", "Another", "--db", f"sqlite:///{path}")
    assert_one_clear_line(result, "is damaged", "nothing was written")
    assert "stored" not in result.stdout
    assert path.read_bytes() == before


# --- 7: the same limits on every backend ----------------------------------------------------


def test_fields_are_checked_the_same_on_every_backend(bank):
    for kwargs, message in [
        ({"tags": ["x" * 65]}, "at most 64"),
        ({"lp": "l" * 65}, "at most 64"),
        ({"title": "Bell\x07 title"}, "control character"),
        ({"tags": ["esc\x1b[31m"]}, "control character"),
    ]:
        args = {"title": "A title", **kwargs}
        with pytest.raises(InputError, match=message):
            bank.add(args.pop("title"), STRONG, **args)
    assert bank.list() == []
    fits = bank.add("T" * 200, STRONG, tags=["x" * 64], lp="customer-obsession")
    assert bank.story(fits.story_id).tags == ("x" * 64,)


def test_a_json_import_with_a_field_too_long_is_refused_whole(bank, tmp_path):
    bank.add("Fine", STRONG)
    data = json.loads(bank.export("json"))
    data["stories"][0]["uid"] = None
    data["stories"].append({**data["stories"][0], "id": 9, "tags": ["t" * 65]})
    with pytest.raises(InputError, match="at most 64"):
        bank.import_stories(formats.parse_json(json.dumps(data)))
    assert [s.title for s in bank.list()] == ["Fine"]


# --- 8: an import is idempotent and keeps ids ---------------------------------------------


def test_importing_the_same_export_twice_stores_each_story_once(bank, db_url, tmp_path):
    for fmt in ("json", "md", "csv"):
        other_url = f"sqlite:///{tmp_path / f'other-{fmt}.db'}"
        with Bank.open(other_url) as other:
            other.add("Export button", WEAK, tags=["budget"])
            other.add("Statement disputes", STRONG)
            exported = other.export(fmt)
        parse = {"json": formats.parse_json, "md": formats.parse_markdown, "csv": formats.parse_csv}[fmt]
        first = bank.import_stories(parse(exported))
        again = bank.import_stories(parse(exported))
        assert (len(first.stored), first.skipped) == (2, []), fmt
        assert (again.stored, again.skipped) == ([], first.stored), fmt
    assert len(bank.list()) == 6  # two per format: each format's import made new stories of its own bank's


def test_a_json_import_keeps_ids_across_gaps_and_new_stories_follow(bank, db_url, tmp_path):
    for title in ("One", "Two", "Three", "Four"):
        bank.add(title, STRONG)
    bank.delete(2)
    exported = bank.export("json")
    if db_url.startswith("sqlite"):
        target = f"sqlite:///{tmp_path / 'restored.db'}"
    else:
        target = fresh_postgres_database(db_url, "starbar_bank_restored")
    with Bank.open(target) as restored:
        result = restored.import_stories(formats.parse_json(exported))
        assert result.stored == [1, 3, 4]
        assert restored.add("Five", WEAK).story_id == 5
        assert restored.export("json").count('"uid"') == 4


def test_a_cli_import_says_what_it_skipped(cli, tmp_path, story_file):
    db = f"sqlite:///{tmp_path / 'bank.db'}"
    cli("bank", "add", str(story_file), "--title", "One", "--db", db)
    dump = tmp_path / "dump.json"
    assert cli("bank", "export", "-o", str(dump), "--db", db).returncode == 0
    again = cli("bank", "import", str(dump), "--db", db)
    assert again.returncode == 0
    assert again.stdout == "imported 0 stories; skipped 1 story already in the bank: id 1\n"


# --- 9: no traceback for what a database cannot hold or does not expect -------------------------


@pytest.mark.parametrize("story_id", [str(2**63), str(2**31)])
def test_an_id_beyond_the_database_integer_is_just_not_found(cli, db_url, story_file, story_id):
    cli("bank", "add", str(story_file), "--title", "One", "--db", db_url)
    for args in (["show", story_id], ["show", "1", "--version", story_id], ["update", story_id, str(story_file)]):
        result = cli("bank", *args, "--db", db_url)
        assert result.returncode == 1, result
        assert_one_clear_line(result, "no ")
    with Bank.open(db_url) as b, pytest.raises(StoryNotFound):
        b.update(int(story_id), STRONG, level="L6")


def test_two_schema_versions_recorded_is_one_clear_line(cli, bank, db_url):
    with bank.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES ('0002')")
    assert_one_clear_line(cli("bank", "list", "--db", db_url), "schema versions", "restore")


# --- 17: a bank command's cost ------------------------------------------------------------------


def test_a_bank_at_the_current_schema_opens_without_the_migration_machinery(tmp_path, story_file):
    db = f"sqlite:///{tmp_path / 'bank.db'}"
    with Bank.open(db) as b:  # created and migrated: now current
        b.add("One", STRONG)
    code = (
        "import sys\nfrom starbar.cli.main import main\n"
        "try:\n    main(['bank', 'update', '1', sys.argv[1], '--db', sys.argv[2]])\nexcept SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "assert 'alembic' not in sys.modules, 'Alembic was imported for a bank at the current schema'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(story_file), db], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    with Bank.open(db) as b:
        assert b.story(1).versions == 2
