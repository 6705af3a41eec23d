"""Every message helps: what is wrong, named precisely, in one line, with the right exit code;
and the CLI does what its docs say (levels in any case, an empty bank is an empty list,
scripted practice that cannot misplace an answer)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from bank_fixtures import STRONG, assert_one_clear_line, cli
from starbar.bank import Bank

ROOT = Path(__file__).resolve().parent.parent
STORIES = Path(__file__).parent / "practice_stories"
NO_FRICTION = STORIES / "no_friction.txt"
QUESTION = "conversion-versus-safety"


@pytest.fixture
def story_file(tmp_path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STRONG)
    return path


# --- 10: messages that name the real cause ------------------------------------------------------


@contextmanager
def unwritable(path: Path):
    """`path` made unwritable for this process: immutable for root (who ignores modes), else mode 0555."""
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("root, and no chattr +i here to make a file unwritable")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def test_a_read_only_folder_is_named_as_the_folder(cli, tmp_path, story_file):
    folder = tmp_path / "coaching"
    db = f"sqlite:///{folder / 'bank.db'}"
    assert cli("bank", "add", str(story_file), "--title", "One", "--db", db).returncode == 0
    with unwritable(folder):
        result = cli("bank", "add", str(story_file), "--title", "Two", "--db", db)
    assert_one_clear_line(result, f"its folder {folder} is read-only")


def test_a_leftover_read_only_shm_file_is_named(cli, tmp_path, story_file):
    db_path = tmp_path / "bank.db"
    db = f"sqlite:///{db_path}"
    assert cli("bank", "add", str(story_file), "--title", "One", "--db", db).returncode == 0
    shm = tmp_path / "bank.db-shm"
    shm.write_bytes(b"")
    with unwritable(shm):
        result = cli("bank", "add", str(story_file), "--title", "Two", "--db", db)
    assert_one_clear_line(result, f"the file {shm} beside it is read-only")


@contextmanager
def password_demanding_server():
    """A PostgreSQL server, as far as a client can tell, that asks every client for a password."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            while True:
                head = conn.recv(8, socket.MSG_WAITALL)
                if len(head) < 8:
                    return
                length, code = struct.unpack("!ii", head)
                if length == 8 and code in (80877103, 80877104):  # SSL or GSS encryption request: not here
                    conn.sendall(b"N")
                    continue
                conn.recv(length - 8, socket.MSG_WAITALL)  # the rest of the startup message
                conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
                conn.recv(1024)
                return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        thread.join(timeout=30)


def test_a_postgres_url_without_a_needed_password_says_so(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    with password_demanding_server() as port:
        result = cli("bank", "list", "--db", f"postgresql://coach@127.0.0.1:{port}/bank")
    assert_one_clear_line(result, "needs a password", "~/.pgpass")
    assert "unreachable" not in result.stderr


def test_a_malformed_json_import_names_the_story_and_field(cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'bank.db'}"
    with Bank.open(db) as bank:
        bank.add("One", STRONG)
        data = json.loads(bank.export("json"))
    data["stories"][0]["versions"][0]["number"] = "first"
    del data["stories"][0]["lp"]
    for story, message in [({"title": "x"}, "story 1 ('x') is incomplete: 'versions' is missing"), (None, "")]:
        broken = data if story is None else {**data, "stories": [story]}
        path = tmp_path / "broken.json"
        path.write_text(json.dumps(broken))
        result = cli("bank", "import", str(path), "--db", db)
        assert_one_clear_line(result, message or "'number' is 'first', not a whole number")
        assert not any(name in result.stderr for name in ("ValueError", "KeyError", "TypeError"))


def test_eval_names_a_missing_file_and_a_file_that_is_not_labelled(cli, tmp_path):
    assert_one_clear_line(cli("eval", str(tmp_path / "gold.jsonl")), "gold.jsonl: no such file")
    unlabelled = tmp_path / "stories.jsonl"
    unlabelled.write_text(json.dumps({"id": 1, "text": STRONG}) + "\n")
    result = cli("eval", str(unlabelled))
    assert_one_clear_line(result, "stories.jsonl:1", "lacks 'dims', 'archetype', 'verdict'", "docs/labelled-stories.md")
    assert "KeyError" not in result.stderr and "Errno" not in result.stderr


def test_eval_help_points_at_the_documented_format(cli):
    from starbar.cli.evaluate import evaluate

    assert "docs/labelled-stories.md" in evaluate.help
    doc = (ROOT / "docs" / "labelled-stories.md").read_text()
    for key in ("`id`", "`text`", "`dims`", "`archetype`", "`verdict`", "`parts`"):
        assert key in doc


# --- 11: files that hold no story ---------------------------------------------------------------


def test_a_whole_html_page_is_refused(cli, tmp_path):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in STRONG.splitlines())
    page.write_text(f"<!DOCTYPE html>\n<html><head><title>My story</title></head><body>{body}</body></html>\n")
    result = cli("review", str(page))
    assert_one_clear_line(result, "page.html: is an HTML page, not a story")
    assert result.returncode == 2


def test_a_file_holding_only_a_title_is_refused(cli, tmp_path):
    title = tmp_path / "title.md"
    title.write_text("# Reducing card disputes for small business owners\n\n")
    result = cli("review", str(title))
    assert_one_clear_line(result, "holds only a title", "Reducing card disputes")
    assert result.stdout == ""


# --- 12: levels in any case -------------------------------------------------------------------


def test_levels_are_accepted_in_any_case_and_shown_in_upper_case(cli, story_file):
    result = cli("review", str(story_file), "--level", "l7", "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["level"] == "L7"
    bad = cli("review", str(story_file), "--level", "L9")
    assert bad.returncode == 2
    assert "'L9' is not a level; use L5, L6 or L7" in bad.stderr and "'l5'" not in bad.stderr


# --- 13: a new install --------------------------------------------------------------------------


def test_list_and_checklist_on_a_new_install_show_an_empty_bank(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    listed = cli("bank", "list")
    assert listed.returncode == 0 and "The bank is empty" in listed.stdout, listed.stderr
    assert json.loads(cli("bank", "list", "-f", "json").stdout) == []
    checklist = cli("bank", "checklist")
    assert checklist.returncode == 0 and "Preparation checklist at L6" in checklist.stdout, checklist.stderr
    assert not (tmp_path / "data").exists()  # reading created nothing


def test_a_bank_in_a_missing_folder_is_created_with_it(cli, tmp_path, story_file):
    path = tmp_path / "coaching" / "2026" / "bank.db"
    assert cli("bank", "add", str(story_file), "--title", "One", "--db", str(path)).returncode == 0
    assert path.exists()


# --- 14: users add in a script -------------------------------------------------------------------


def _starbar(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "starbar", *args], capture_output=True, text=True, timeout=120, **kwargs
    )


def test_users_add_without_a_terminal_points_at_password_stdin(tmp_path):
    db = str(tmp_path / "bank.db")
    result = _starbar("users", "add", "alice", "--db", db, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert_one_clear_line(result, "--password-stdin")
    assert "GetPassWarning" not in result.stderr and "Password" not in result.stdout
    added = _starbar("users", "add", "alice", "--db", db, "--password-stdin", input="a long enough secret\n")
    assert added.returncode == 0, added.stderr


def test_users_add_checks_the_database_before_the_password(tmp_path):
    result = _starbar("users", "add", "alice", "--db", "sqlite://", stdin=subprocess.DEVNULL)
    assert_one_clear_line(result, "names no file")


# --- 15, 16: scripted practice --------------------------------------------------------------------


def _practice(cli, *args: str, env: dict | None = None):
    return cli("practice", "-q", QUESTION, "--answer", str(NO_FRICTION), *args, env=env)


def test_list_probes_names_each_probe(cli):
    result = _practice(cli, "--list-probes")
    assert result.returncode == 0
    assert [line.split("\t")[:2] for line in result.stdout.splitlines()] == [
        ["no_friction", "friction"],
        ["vague_result", "customer_impact"],
    ]


def test_named_probe_answers_land_on_their_probes_in_any_order(cli, tmp_path):
    answers = tmp_path / "probes.txt"
    answers.write_text("--- customer_impact\nAbandonment fell from 21% to 12%.\n--- no_friction\nRisk pushed back.\n")
    result = _practice(cli, "--probe-answers", str(answers), "-f", "json")
    assert result.returncode == 0, result.stderr
    probes = json.loads(result.stdout)["probes"]
    assert [(p["id"], p["answer"]) for p in probes] == [
        ("no_friction", "Risk pushed back."),
        ("vague_result", "Abandonment fell from 21% to 12%."),
    ]


def test_a_leading_separator_shifts_no_answer(cli, tmp_path):
    answers = tmp_path / "probes.txt"
    answers.write_text("---\nRisk pushed back.\n---\nAbandonment fell from 21% to 12%.\n")
    result = _practice(cli, "--probe-answers", str(answers), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert [p["answer"] for p in json.loads(result.stdout)["probes"]] == [
        "Risk pushed back.",
        "Abandonment fell from 21% to 12%.",
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ("Risk pushed back.\n", "1 answer for 2 probes"),
        ("--- friction\nRisk pushed back.\n", "no answer for vague_result"),
        ("--- pricing\nx\n--- friction\ny\n--- customer_impact\nz\n", "`--- pricing` names no probe"),
        ("--- friction\nRisk pushed back.\n---\nAbandonment fell.\n", "name every answer"),
    ],
)
def test_probe_answers_that_do_not_match_the_probes_are_refused(cli, tmp_path, content, message):
    answers = tmp_path / "probes.txt"
    answers.write_text(content)
    result = _practice(cli, "--probe-answers", str(answers))
    assert_one_clear_line(result, message, "1 no_friction, 2 vague_result")
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["--answer", "-", "--probe-answers", "-", "-q", QUESTION], "cannot both read standard input"),
        (["--kind", "above_and_beyond", "-q", QUESTION, "--answer", str(NO_FRICTION)], "--question picks"),
        (["--fintech", "-q", QUESTION, "--answer", str(NO_FRICTION)], "--question picks"),
    ],
)
def test_conflicting_practice_options_are_refused(cli, args, message):
    result = cli("practice", *args)
    assert result.returncode == 2 and message in result.stderr


def test_practice_checks_the_bank_before_the_session(cli):
    result = _practice(cli, "--save", "--db", "sqlite://")
    assert_one_clear_line(result, "names no file")
    assert result.stdout == ""  # no session was run and then lost


def test_practice_output_wraps_to_the_terminal_width(cli, tmp_path):
    answers = tmp_path / "probes.txt"
    answers.write_text("---\nRisk pushed back, and I agreed to a three-week delay for step-up checks.\n---\n\n")
    result = _practice(cli, "--probe-answers", str(answers), env={"COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60, [line for line in lines if len(line) > 60]
    assert "Risk pushed back, and I agreed to a three-week delay for" in " ".join(" ".join(lines).split())


# --- 18: Markdown marks stay out of terminal quotes ---------------------------------------------


def test_practice_quotes_show_no_markdown_emphasis(cli, tmp_path):
    answers = tmp_path / "probes.txt"
    story = STORIES / "emphasised.md"
    listed = cli("practice", "-q", QUESTION, "--answer", str(story), "--list-probes")
    names = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    answers.write_text("".join(f"--- {name}\n**Risk** pushed back, and _I_ agreed to a delay.\n" for name in names))
    result = cli("practice", "-q", QUESTION, "--answer", str(story), "--probe-answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert "long sentence (35 words): Situation: At a payments startup" in result.stdout
    assert "> Risk pushed back, and I agreed to a delay." in result.stdout
    assert "**" not in result.stdout and "_I_" not in result.stdout
