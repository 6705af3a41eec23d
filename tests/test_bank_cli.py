"""Every `starbar bank` command end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bank_fixtures import STRONG, WEAK, db_url
from starbar import review
from starbar.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run(db_url, tmp_path):
    """`starbar bank ARGS...` against the test database; fails the test on an unexpected exit code."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, code: int = 0):
        result = runner.invoke(cli, ["bank", *args], env={"STARBAR_DATABASE_URL": db_url}, input=input)
        assert result.exit_code == code, (result.output, result.exception)
        return result

    return invoke


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, body in {"weak.md": WEAK, "strong.md": STRONG}.items():
        paths[name] = tmp_path / name
        paths[name].write_text(body)
    return paths


def test_add_update_list_show_history(run, files):
    added = run("add", str(files["weak.md"]), "--title", "Export button", "--tag", "budget", "--tag", "consumer")
    assert "stored story 1 'Export button', version 1" in added.output
    run("update", "1", str(files["strong.md"]))
    run("add", str(files["strong.md"]), "--title", "Statement disputes", "--level", "L5", "--lp", "earn-trust")

    listed = json.loads(run("list", "--format", "json").output)
    assert [(s["id"], s["title"], s["versions"], s["level"], s["lp"]) for s in listed] == [
        (1, "Export button", 2, "L6", "customer-obsession"),
        (2, "Statement disputes", 1, "L5", "earn-trust"),
    ]
    assert listed[0]["tags"] == ["budget", "consumer"]
    assert listed[0]["latest"]["verdict"] == review(STRONG).verdict
    assert listed[0]["latest"]["levels"] == {d: s["level"] for d, s in review(STRONG).to_dict()["dimensions"].items()}
    text_list = run("list").output
    assert "Export button" in text_list and "Statement disputes" in text_list

    shown = json.loads(run("show", "1", "--version", "1", "--format", "json").output)
    assert (shown["id"], shown["version"]["number"], shown["version"]["text"]) == (1, 1, WEAK)
    assert shown["version"]["review"] == review(WEAK).to_dict()
    assert WEAK in run("show", "1", "--version", "1").output
    assert f"verdict at L6: {review(STRONG).verdict}" in run("show", "1").output

    history = json.loads(run("history", "1", "--format", "json").output)
    assert [(h["id"], h["number"], h["verdict"], h["source"]) for h in history] == [
        (1, 1, review(WEAK).verdict, "add"),
        (2, 2, review(STRONG).verdict, "update"),
    ]
    assert history[0]["rubric_version"] and "review" not in history[0]
    assert len(run("history", "1").output.splitlines()) == 4  # header, two versions, legend


def test_add_reads_standard_input(run):
    assert "stored story 1 'Typed in'" in run("add", "-", "--title", "Typed in", input=WEAK).output
    assert json.loads(run("show", "1", "-f", "json").output)["version"]["text"] == WEAK


def test_diff_text_and_json(run, files):
    run("add", str(files["weak.md"]), "--title", "Export")
    run("update", "1", str(files["strong.md"]))
    data = json.loads(run("diff", "1", "--format", "json").output)
    assert (data["from"], data["to"]) == (1, 2)
    assert "".join(s["text"] for s in data["text"] if s["op"] != "insert") == WEAK
    weak, strong = review(WEAK).to_dict(), review(STRONG).to_dict()
    assert data["dimensions"] == {
        d: {"before": weak["dimensions"][d]["level"], "after": strong["dimensions"][d]["level"]}
        for d in weak["dimensions"]
    }
    assert data["verdict"] == {"before": weak["verdict"], "after": strong["verdict"]}
    shown = run("diff", "1", "1", "2", "--no-color").output
    assert "story 1: version 1 -> 2" in shown and "[-" in shown and "{+" in shown
    for dim in weak["dimensions"]:
        assert dim in shown
    run("diff", "1", "2", code=2)  # one version number is a usage error


def test_delete_asks_first(run, files):
    run("add", str(files["weak.md"]), "--title", "Export")
    refused = run("delete", "1", input="n\n", code=1)
    assert "nothing deleted" in refused.output
    assert len(json.loads(run("list", "-f", "json").output)) == 1
    assert "deleted story 1" in run("delete", "1", input="y\n").output
    run("add", str(files["weak.md"]), "--title", "Again")
    run("delete", "2", "--yes")
    assert json.loads(run("list", "-f", "json").output) == []


def test_rereview_at_a_new_level_adds_versions_and_keeps_the_old(run, files):
    run("add", str(files["strong.md"]), "--title", "Cards")
    assert "unchanged" in run("rereview").output
    out = run("rereview", "--level", "L7").output
    assert "version 2" in out
    history = json.loads(run("history", "1", "-f", "json").output)
    assert [(h["level"], h["source"]) for h in history] == [("L6", "add"), ("L7", "rereview")]


def test_checklist_text_and_json(run, files):
    run("add", str(files["strong.md"]), "--title", "Cards")
    run("add", str(files["weak.md"]), "--title", "Export")
    data = json.loads(run("checklist", "--format", "json").output)
    assert data["level"] == "L6" and len(data["items"]) >= 5
    assert all(i["status"] in ("met", "not_met", "yours") for i in data["items"])
    assert data["next_steps"]
    text = run("checklist", "--level", "L7").output
    assert "Preparation checklist at L7" in text and "rereview --level L7" in text


def test_import_markdown_and_csv_then_export_every_format(run, tmp_path):
    md = tmp_path / "stories.md"
    md.write_text(f"# My stories\n\n## Statement disputes\n{STRONG}\n\n## Export button\n{WEAK}\n")
    assert "imported 2 stories" in run("import", str(md)).output
    table = tmp_path / "more.csv"
    table.write_text(f'title,text,tags\n"Cards, again","{STRONG}",cards;smb\n')
    run("import", str(table), "--level", "L5")
    listed = json.loads(run("list", "-f", "json").output)
    assert [(s["title"], s["level"], s["tags"]) for s in listed] == [
        ("Statement disputes", "L6", []),
        ("Export button", "L6", []),
        ("Cards, again", "L5", ["cards", "smb"]),
    ]

    exported_md = run("export", "--format", "md").output
    assert exported_md.count("\n## ") == 3 and WEAK in exported_md
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").output)))
    assert [r["title"] for r in rows] == ["Statement disputes", "Export button", "Cards, again"]
    assert rows[2]["tags"] == "cards;smb" and rows[1]["text"] == WEAK
    out = tmp_path / "bank.json"
    run("export", "-o", str(out))
    assert [s["title"] for s in json.loads(out.read_text())["stories"]] == [r["title"] for r in rows]


def test_json_export_import_round_trip_through_the_cli(run, files, tmp_path):
    run("add", str(files["weak.md"]), "--title", "Export", "--tag", "budget")
    run("update", "1", str(files["strong.md"]))
    exported = run("export").output
    dump = tmp_path / "bank.json"
    dump.write_text(exported)
    other = f"sqlite:///{tmp_path / 'empty.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["bank", "import", str(dump), "--db", other]).exit_code == 0
    assert runner.invoke(cli, ["bank", "export", "--db", other]).output == exported


def test_bad_input_is_a_clear_error(db_url, tmp_path, capsys, monkeypatch):
    from starbar.bank import Bank
    from starbar.cli.main import main

    Bank.open(db_url).close()  # an empty bank
    monkeypatch.setenv("STARBAR_DATABASE_URL", db_url)
    bad = tmp_path / "bad.csv"
    bad.write_text("name,body\nx,y\n")
    for args, phrase in [
        (["import", str(bad)], "missing title, text"),
        (["show", "7"], "no story 7"),
        (["add", str(tmp_path / "none.md")], "no such file"),
    ]:
        with pytest.raises(SystemExit) as exit_:
            main(["bank", *args])
        assert exit_.value.code != 0
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and phrase in err, err


@pytest.fixture
def accounts(db_url):
    """The accounts alice and bob in the test database (as `starbar users add` makes them)."""
    from starbar.bank import Bank

    with Bank.open(db_url) as b:
        for name in ("alice", "bob"):
            b.create_account(name, f"scrypt$hash-of-{name}")


def test_owner_option_acts_on_that_accounts_stories_only(run, files, accounts, tmp_path):
    assert (
        "stored story 1 'Alice cards'"
        in run("add", str(files["weak.md"]), "--title", "Alice cards", "--owner", "alice").output
    )
    run("add", str(files["strong.md"]), "--title", "Bob budget", "--owner", "bob")
    run("add", str(files["weak.md"]), "--title", "From the CLI")

    def titles(*owner: str) -> list[str]:
        return [s["title"] for s in json.loads(run("list", "-f", "json", *owner).output)]

    assert titles("--owner", "alice") == ["Alice cards"]
    assert titles("--owner", "bob") == ["Bob budget"]
    assert titles() == ["Alice cards", "Bob budget", "From the CLI"]  # without --owner: every story
    assert [s["owner"] for s in json.loads(run("list", "-f", "json").output)] == ["alice", "bob", None]
    assert (
        "Alice cards" in run("list", "--owner", "alice").output
        and "Bob budget" not in run("list", "--owner", "alice").output
    )

    # bob cannot read or change alice's story; alice can
    for args in (
        ["show", "1"],
        ["history", "1"],
        ["update", "1", str(files["strong.md"])],
        ["delete", "1", "--yes"],
        ["rereview", "1"],
    ):
        assert "no story 1" in str(run(*args, "--owner", "bob", code=1).exception), args
    run("update", "1", str(files["strong.md"]), "--owner", "alice")
    assert json.loads(run("show", "1", "-f", "json", "--owner", "alice").output)["versions"] == 2
    assert json.loads(run("diff", "1", "-f", "json", "--owner", "alice").output)["to"] == 2
    assert json.loads(run("checklist", "-f", "json", "--owner", "bob").output) != json.loads(
        run("checklist", "-f", "json").output
    )

    exported = json.loads(run("export", "--owner", "alice").output)["stories"]
    assert [(s["title"], s["owner"]) for s in exported] == [("Alice cards", "alice")]
    dump = tmp_path / "all.json"
    run("export", "-o", str(dump))
    # --owner wins over the file's owners; bob's own story is his already, so it is skipped
    assert run("import", str(dump), "--owner", "bob").output == (
        "imported 2 stories: ids 4, 5; skipped 1 story already in the bank: id 2\n"
    )
    assert titles("--owner", "bob") == ["Bob budget", "Alice cards", "From the CLI"]
    assert titles("--owner", "alice") == ["Alice cards"]
    assert "deleted story 1" in run("delete", "1", "--yes", "--owner", "alice").output
    assert titles("--owner", "alice") == []


def test_owner_option_with_an_unknown_account_is_a_clear_error(db_url, files, accounts, capsys, monkeypatch):
    from starbar.cli.main import main

    monkeypatch.setenv("STARBAR_DATABASE_URL", db_url)
    for args in (
        ["list", "--owner", "nobody"],
        ["add", str(files["weak.md"]), "--title", "X", "--owner", "nobody"],
        ["export", "--owner", "Alice"],
    ):
        with pytest.raises(SystemExit) as exit_:
            main(["bank", *args])
        assert exit_.value.code != 0
        captured = capsys.readouterr()
        assert captured.err.count("\n") == 1 and "no such account" in captured.err and "--owner" in captured.err, (
            captured.err
        )
        assert captured.out == ""
    main(["bank", "list", "--owner", "alice"])  # a known account without stories is fine
    assert "alice has no stories" in capsys.readouterr().out
    main(["bank", "list", "-f", "json"])
    assert json.loads(capsys.readouterr().out) == []  # the refused add stored nothing


def test_review_does_not_import_the_database_stack(tmp_path):
    story = tmp_path / "s.md"
    story.write_text(STRONG)
    code = (
        "import sys\nfrom starbar.cli.main import main\n"
        "try:\n    main(['review', sys.argv[1], '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "assert not [m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic', 'psycopg'))], 'database stack imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(story)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_docs_cover_every_bank_command():
    from starbar.cli.bank import bank

    doc = (ROOT / "docs" / "bank.md").read_text()
    for name in bank.commands:
        assert f"starbar bank {name}" in doc, name
    assert "STARBAR_DATABASE_URL" in doc and "postgresql://" in doc
