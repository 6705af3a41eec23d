"""The story bank's Python API, on SQLite and PostgreSQL: versions, history, diff, formats, migrations, owners, accounts."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from bank_fixtures import STRONG, WEAK, bank, db_url
from starbar import review
from starbar.bank import Bank, StoryNotFound, formats
from starbar.bank.checklist import evaluate
from starbar.bank.db import resolve_url
from starbar.bank.diff import word_diff
from starbar.bank.matrix import build
from starbar.bank.matrix_inputs import story_matrix
from starbar.bank.principle_table import principle_table
from starbar.bank.records import Story, Version
from starbar.errors import InputError
from starbar.rubric import load_rubric


def test_add_keeps_text_review_and_rubric_version(bank):
    v = bank.add("  Statement   disputes ", STRONG + "\n\n", level="L6", tags=["cards", " smb", "cards"])
    assert (v.number, v.source, v.level) == (1, "add", "L6")
    assert v.text == STRONG
    assert v.review == review(STRONG, "L6").to_dict()
    assert v.rubric_version == load_rubric().version
    story = bank.story(v.story_id)
    assert (story.title, story.tags, story.versions, story.lp) == (
        "Statement disputes",
        ("cards", "smb"),
        1,
        "customer-obsession",
    )
    assert story.latest == v


def test_update_numbers_versions_and_history_is_oldest_first(bank):
    first = bank.add("Exports", WEAK)
    second = bank.update(first.story_id, STRONG)
    third = bank.update(first.story_id, STRONG.replace("40 recorded", "55 recorded"), level="L7")
    assert [v.number for v in bank.history(first.story_id)] == [1, 2, 3]
    assert [v.text for v in bank.history(first.story_id)] == [WEAK, STRONG, third.text]
    assert second.review == review(STRONG, "L6").to_dict() and third.level == "L7"
    assert bank.story(first.story_id).level == "L7"
    assert bank.version(first.story_id, 2) == second
    assert bank.version(first.story_id) == third
    with pytest.raises(StoryNotFound, match="no version 9"):
        bank.version(first.story_id, 9)
    with pytest.raises(StoryNotFound):
        bank.update(999, STRONG)


def test_list_shows_every_story_with_its_latest_version(bank):
    a = bank.add("Weak one", WEAK)
    b = bank.add("Strong one", STRONG, tags=["cards"])
    bank.update(a.story_id, STRONG)
    listed = {s.id: s for s in bank.list()}
    assert set(listed) == {a.story_id, b.story_id}
    assert (listed[a.story_id].versions, listed[a.story_id].latest.text) == (2, STRONG)
    assert listed[b.story_id].latest.verdict == review(STRONG).verdict
    assert json.loads(json.dumps([s.to_dict() for s in listed.values()]))[0]["id"] in listed


def test_diff_shows_words_dimensions_flags_and_verdict(bank):
    v1 = bank.add("Exports", WEAK)
    v2 = bank.update(v1.story_id, STRONG)
    change = bank.diff(v1.story_id)  # the last two
    assert (change.before.number, change.after.number) == (1, 2)
    assert "".join(s.text for s in change.words if s.op != "insert") == WEAK
    assert "".join(s.text for s in change.words if s.op != "delete") == STRONG
    assert {c.name: (c.before, c.after) for c in change.dimensions} == {
        d: (v1.levels[d], v2.levels[d]) for d in v1.levels
    }
    assert (change.verdict.before, change.verdict.after) == (v1.verdict, v2.verdict)
    assert set(change.flags_raised) == set(v2.flags) - set(v1.flags)
    assert set(change.flags_cleared) == set(v1.flags) - set(v2.flags)
    assert bank.diff(v1.story_id, 2, 1).to_dict()["from"] == 2
    with pytest.raises(InputError):
        bank.diff(v1.story_id, 1, None)


def test_diff_of_a_story_with_one_version_says_so(bank):
    v = bank.add("Exports", WEAK)
    with pytest.raises(StoryNotFound, match="one version"):
        bank.diff(v.story_id)


def test_word_diff_marks_only_the_changed_words():
    segments = word_diff("We cut fees by 10% in May.", "We cut late fees by 12.5% in May.")
    assert [(s.op, s.text.strip()) for s in segments if s.op != "equal"] == [
        ("insert", "late"),
        ("delete", "10"),
        ("insert", "12.5"),
    ]
    assert [(s.op, s.text) for s in word_diff("same text", "same text")] == [("equal", "same text")]
    rewritten = word_diff("Users asked for an export button.", "Owners could not match charges to invoices.")
    assert [s.op for s in rewritten] == ["delete", "insert", "equal"]  # one change, not one per word
    assert (rewritten[0].text, rewritten[1].text) == (
        "Users asked for an export button",
        "Owners could not match charges to invoices",
    )


def test_delete_removes_the_story_and_its_versions_only(bank):
    keep = bank.add("Keep", STRONG)
    gone = bank.add("Gone", WEAK, tags=["x"])
    bank.update(gone.story_id, STRONG)
    deleted = bank.delete(gone.story_id)
    assert deleted.title == "Gone"
    assert [s.id for s in bank.list()] == [keep.story_id]
    assert bank.count_versions() == 1
    with pytest.raises(StoryNotFound):
        bank.history(gone.story_id)
    with pytest.raises(StoryNotFound):
        bank.delete(gone.story_id)
    assert bank.add("Later", WEAK).story_id > gone.story_id  # an id never names another story


def test_rereview_keeps_old_reviews_and_skips_unchanged(bank):
    v = bank.add("Cards", STRONG)
    assert [new for _, new in bank.rereview()] == [None]
    with bank.engine.begin() as conn:  # as if an older rubric had judged it
        conn.execute(text("UPDATE versions SET rubric_version = '1999.1' WHERE story_id = :id"), {"id": v.story_id})
    [(_, new)] = bank.rereview()
    assert (new.number, new.source, new.rubric_version, new.text) == (2, "rereview", load_rubric().version, STRONG)
    assert bank.version(v.story_id, 1).rubric_version == "1999.1"
    with pytest.raises(StoryNotFound):
        bank.rereview(story_ids=[v.story_id + 1])
    [(_, at_l7)] = bank.rereview(level="L7", story_ids=[v.story_id])
    assert (at_l7.number, at_l7.level, bank.story(v.story_id).level) == (3, "L7", "L7")
    assert at_l7.review == review(STRONG, "L7").to_dict()


def test_input_errors_store_nothing(bank):
    with pytest.raises(InputError):
        bank.add("", STRONG)
    with pytest.raises(InputError):
        bank.add("Empty", "   ")
    with pytest.raises(InputError):
        bank.add("Level", STRONG, level="L9")
    assert bank.list() == []


def test_json_export_then_import_into_an_empty_bank_gives_the_same_stories_and_versions(bank, tmp_path):
    a = bank.add("Exports", WEAK, tags=["budget"])
    bank.update(a.story_id, STRONG)
    bank.add("Cards", STRONG, level="L5", lp="earn-trust")
    exported = bank.export("json")
    with Bank.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.import_stories(formats.parse_json(exported))
        assert _contents(other) == _contents(bank)
        assert other.export("json") == exported  # ids too: both banks number from 1


def _contents(bank: Bank) -> list:
    return [
        (
            s.title,
            s.lp,
            s.level,
            s.tags,
            s.versions,
            s.created_at,
            s.updated_at,
            [
                (v.number, v.text, v.review, v.rubric_version, v.level, v.verdict, v.source, v.created_at)
                for v in bank.history(s.id)
            ],
        )
        for s in bank.list()
    ]


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_markdown_and_csv_round_trip_keep_titles_texts_tags(bank, tmp_path, fmt):
    star_headed = "## Situation\n" + STRONG.replace("Situation: ", "", 1)
    bank.add("Headed story", star_headed, tags=["cards", "smb"])
    bank.add('Comma, "quoted" title', WEAK, level="L5")
    exported = bank.export(fmt)
    parse = formats.parse_markdown if fmt == "md" else formats.parse_csv
    with Bank.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.import_stories(parse(exported))
        got = [(s.title, s.latest.text, s.tags, s.level, s.latest.review) for s in other.list()]
    want = [(s.title, s.latest.text, s.tags, s.level, s.latest.review) for s in bank.list()]
    assert got == want


def test_markdown_import_splits_on_titles_and_keeps_star_headings_inside():
    doc = (
        "# My stories\nignored preamble\n\n## Loan drop-off\n## Situation\nA.\n## Action\nB.\n\n"
        '## Card disputes ##\n<!-- starbar: {"tags": ["cards"], "level": "L7"} -->\n**Situation:** C.\n'
    )
    stories = formats.parse_markdown(doc)
    assert [(s.title, s.text, s.tags, s.level) for s in stories] == [
        ("Loan drop-off", "## Situation\nA.\n## Action\nB.", (), None),
        ("Card disputes", "**Situation:** C.", ("cards",), "L7"),
    ]
    with pytest.raises(InputError, match="no `## Title`"):
        formats.parse_markdown("Just a story without a title heading.")
    with pytest.raises(InputError, match="has no text"):
        formats.parse_markdown("## Empty\n\n## Full\ntext")


def test_csv_import_reads_title_text_tags_and_names_bad_rows():
    stories = formats.parse_csv('Title,Text,Tags\nOne,"first, story",a;b\nTwo,second,"c, a"\n')
    assert [(s.title, s.text, s.tags) for s in stories] == [
        ("One", "first, story", ("a", "b")),
        ("Two", "second", ("a", "c")),
    ]
    with pytest.raises(InputError, match="missing text"):
        formats.parse_csv("title,body\nx,y\n")
    with pytest.raises(InputError, match="line 3"):
        formats.parse_csv("title,text\nx,y\n,z\n")


def test_json_import_rejects_what_is_not_an_export():
    for bad, message in [
        ("{", "not valid JSON"),
        ('{"stories": []}', "not a starbar bank export"),
        ('{"format": "starbar-bank", "format_version": 1, "stories": [{"title": "x"}]}', "incomplete"),
    ]:
        with pytest.raises(InputError, match=message):
            formats.parse_json(bad)


def test_urls_map_to_psycopg_and_bare_paths_to_sqlite(tmp_path, monkeypatch):
    monkeypatch.delenv("STARBAR_DATABASE_URL", raising=False)
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url(str(tmp_path / "b.db")).database == str(tmp_path / "b.db")
    monkeypatch.setenv("STARBAR_DATABASE_URL", "sqlite:///from-env.db")
    assert resolve_url().database == "from-env.db"
    with pytest.raises(Exception, match="unsupported database"):
        resolve_url("mysql://u@h/db")


def test_default_bank_is_created_in_the_user_data_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("STARBAR_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Bank.open() as bank:
        bank.add("Cards", STRONG)
    assert (tmp_path / "data" / "starbar" / "bank.db").is_file()


def test_first_migration_with_stories_upgrades_to_head_without_loss(db_url):
    from starbar.bank.db import make_engine
    from starbar.bank.schema import FIRST_REVISION, current_revision, head_revision, upgrade

    engine = make_engine(resolve_url(db_url), 10)
    upgrade(engine, "test", FIRST_REVISION)
    old = review(WEAK).to_dict()
    new = review(STRONG).to_dict()
    stamp = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO stories (id, title, lp, level, tags, created_at, updated_at) VALUES "
                "(1, 'Old one', 'customer-obsession', 'L6', 'cards, smb', :t, :t), "
                "(2, 'Untagged', 'customer-obsession', 'L5', '', :t, :t)"
            ),
            {"t": stamp},
        )
        rows = [(1, 1, WEAK, old), (1, 2, STRONG, new), (2, 1, STRONG, new)]
        for story_id, number, body, rev in rows:
            conn.execute(
                text(
                    "INSERT INTO versions (story_id, number, text, review, rubric_version, level, created_at) "
                    "VALUES (:s, :n, :body, :review, '2026.1', 'L6', :t)"
                ),
                {"s": story_id, "n": number, "body": body, "review": json.dumps(rev), "t": stamp},
            )
    engine.dispose()

    with Bank.open(db_url) as bank:
        with bank.engine.connect() as conn:
            assert current_revision(conn, "test") == head_revision() != FIRST_REVISION
        stories = bank.list()
        assert [(s.id, s.title, s.tags, s.versions, s.created_at) for s in stories] == [
            (1, "Old one", ("cards", "smb"), 2, stamp),
            (2, "Untagged", (), 1, stamp),
        ]
        assert len({s.uid for s in stories}) == 2 and all(len(s.uid) == 36 for s in stories)  # 0005 gave each one
        history = bank.history(1)
        assert [(v.number, v.text, v.review, v.verdict, v.source) for v in history] == [
            (1, WEAK, old, old["verdict"], "add"),
            (2, STRONG, new, new["verdict"], "update"),
        ]
        assert bank.update(1, STRONG).number == 3  # the counter continues from the migrated data


def test_the_head_the_bank_opens_fast_at_is_alembics_head():
    from starbar.bank.schema import HEAD, head_revision

    assert head_revision() == HEAD


def _stories_and_versions(engine) -> tuple[list, list]:
    with engine.connect() as conn:
        listed = conn.execute(
            text("SELECT id, title, lp, level, latest_version, created_at, updated_at FROM stories ORDER BY id")
        ).all()
        stored = conn.execute(
            text(
                "SELECT story_id, number, text, review, rubric_version, level, verdict, source, "
                "created_at FROM versions ORDER BY story_id, number"
            )
        ).all()
    return [tuple(r) for r in listed], [tuple(r) for r in stored]


def _bank_at_second_migration(db_url: str):
    """A bank at revision 0002 holding what `bank add` and `bank update` stored then: two stories, three versions."""
    from starbar.bank.db import make_engine
    from starbar.bank.schema import upgrade

    engine = make_engine(resolve_url(db_url), 10)
    upgrade(engine, "test", "0002")
    stamp = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO stories (id, title, lp, level, latest_version, created_at, updated_at) VALUES "
                "(1, 'Cards', 'customer-obsession', 'L6', 2, :t, :t), "
                "(2, 'Budget', 'customer-obsession', 'L5', 1, :t, :t)"
            ),
            {"t": stamp},
        )
        conn.execute(text("INSERT INTO story_tags (story_id, tag) VALUES (1, 'cards'), (1, 'smb')"))
        for story_id, number, body, source in ((1, 1, WEAK, "add"), (1, 2, STRONG, "update"), (2, 1, WEAK, "add")):
            rev = review(body).to_dict()
            conn.execute(
                text(
                    "INSERT INTO versions (story_id, number, text, review, rubric_version, level, verdict, "
                    "source, created_at) VALUES (:s, :n, :body, :review, '2026.1', 'L6', :verdict, :source, :t)"
                ),
                {
                    "s": story_id,
                    "n": number,
                    "body": body,
                    "review": json.dumps(rev),
                    "verdict": rev["verdict"],
                    "source": source,
                    "t": stamp,
                },
            )
    return engine


def test_second_migration_with_stories_upgrades_to_head_with_every_version_and_no_owner(db_url):
    from starbar.bank.schema import current_revision, head_revision

    engine = _bank_at_second_migration(db_url)
    before = _stories_and_versions(engine)
    engine.dispose()

    with Bank.open(db_url) as bank:
        with bank.engine.connect() as conn:
            assert current_revision(conn, "test") == head_revision() != "0002"
            assert conn.execute(text("SELECT owner FROM stories")).scalars().all() == [None, None]
        assert _stories_and_versions(bank.engine) == before
        assert [s.tags for s in bank.list()] == [("cards", "smb"), ()]
        assert bank.accounts() == []
        assert bank.list(owner="alice") == []  # an owner sees none of the stories from before accounts
        assert bank.update(1, STRONG).number == 3


def test_migration_moves_the_old_web_tables_into_owner_and_accounts(db_url):
    """Banks the web app used before 0003 hold its own tables; their rows move into the bank's schema."""
    import sqlalchemy as sa

    engine = _bank_at_second_migration(db_url)
    old = sa.MetaData()
    web_accounts = sa.Table(
        "web_accounts",
        old,
        sa.Column("username", sa.String(32), primary_key=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("admin", sa.Boolean, nullable=False),
    )
    web_owners = sa.Table(
        "web_story_owners",
        old,
        sa.Column("story_id", sa.Integer, primary_key=True),
        sa.Column("owner", sa.String(32), nullable=False, index=True),
    )
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            web_accounts.insert(),
            [
                {"username": "alice", "password_hash": "scrypt$alice", "admin": True},
                {"username": "bob", "password_hash": "scrypt$bob", "admin": False},
            ],
        )
        # Story 9 was deleted from the CLI after bob created it: its row matches no story.
        conn.execute(web_owners.insert(), [{"story_id": 1, "owner": "alice"}, {"story_id": 9, "owner": "bob"}])
    before = _stories_and_versions(engine)
    engine.dispose()

    with Bank.open(db_url) as bank:
        assert [(a.username, a.password_hash, a.admin) for a in bank.accounts()] == [
            ("alice", "scrypt$alice", True),
            ("bob", "scrypt$bob", False),
        ]
        assert [s.id for s in bank.list(owner="alice")] == [1]
        assert bank.list(owner="bob") == []
        assert [s.id for s in bank.list()] == [1, 2]
        assert _stories_and_versions(bank.engine) == before
        assert {"web_accounts", "web_story_owners"}.isdisjoint(sa.inspect(bank.engine).get_table_names())


def test_an_owner_sees_and_changes_only_their_own_stories(bank):
    alice = bank.add("Alice cards", WEAK, owner="alice")
    bank.update(alice.story_id, STRONG, owner="alice")
    bob = bank.add("Bob budget", WEAK, owner="bob")
    shared = bank.add("From the CLI", WEAK)
    assert [s.title for s in bank.list(owner="alice")] == ["Alice cards"]
    assert [s.title for s in bank.list()] == ["Alice cards", "Bob budget", "From the CLI"]  # no owner: all, as before
    assert bank.story(alice.story_id).versions == 2

    reads = [
        lambda: bank.story(alice.story_id, owner="bob"),
        lambda: bank.version(alice.story_id, 1, owner="bob"),
        lambda: bank.history(alice.story_id, owner="bob"),
        lambda: bank.diff(alice.story_id, owner="bob"),
        lambda: bank.story(shared.story_id, owner="bob"),
    ]
    writes = [
        lambda: bank.update(alice.story_id, STRONG, owner="bob"),
        lambda: bank.update(alice.story_id, STRONG, level="L7", owner="bob"),
        lambda: bank.delete(alice.story_id, owner="bob"),
        lambda: bank.rereview(story_ids=[alice.story_id], owner="bob"),
    ]
    for attempt in reads + writes:
        with pytest.raises(StoryNotFound) as refused:
            attempt()
        assert "your story bank" in str(refused.value)  # the same answer as for a story that does not exist
    with pytest.raises(StoryNotFound) as missing:
        bank.story(alice.story_id + 100, owner="bob")
    assert str(missing.value) == str(refused.value).replace(str(alice.story_id), str(alice.story_id + 100))
    assert bank.count_versions() == 4  # the refused writes stored nothing
    assert bank.story(alice.story_id, owner="alice").level == "L6"

    assert [s.title for s, _ in bank.rereview(level="L7", owner="bob")] == ["Bob budget"]
    assert bank.story(alice.story_id).level == "L6"
    alices = bank.checklist("L6", owner="alice").to_dict()
    alice_stories = bank.list(owner="alice")
    assert alices == evaluate(load_rubric(), alice_stories, "L6", story_matrix(alice_stories, "L6")).to_dict()
    nobodys = evaluate(load_rubric(), [], "L6", story_matrix([], "L6")).to_dict()
    assert bank.checklist("L6", owner="nobody").to_dict() == nobodys != alices
    for fmt in ("json", "md", "csv"):
        exported = bank.export(fmt, owner="alice")
        assert "Alice cards" in exported and "Bob budget" not in exported and "From the CLI" not in exported, fmt
    assert len(json.loads(bank.export("json", owner="alice"))["stories"][0]["versions"]) == 2
    deleted = bank.delete(bob.story_id, owner="bob")
    assert deleted.title == "Bob budget" and bank.list(owner="bob") == []


def test_imported_stories_belong_to_the_importing_owner(bank):
    [story_id] = bank.import_stories([formats.NewStory("Imported", WEAK)], owner="carol").stored
    assert [s.id for s in bank.list(owner="carol")] == [story_id]
    assert bank.list(owner="dave") == []


def _team_bank(bank: Bank) -> str:
    """Stories of alice (two versions), bob, and one without an owner; the bank's JSON export."""
    alice = bank.add("Alice cards", WEAK, owner="alice")
    bank.update(alice.story_id, STRONG, owner="alice")
    bank.add("Bob budget", STRONG, level="L5", owner="bob")
    bank.add("From the CLI", WEAK)
    return bank.export("json")


def test_json_export_then_import_keeps_each_storys_owner(bank, tmp_path):
    exported = _team_bank(bank)
    assert [s["owner"] for s in json.loads(exported)["stories"]] == ["alice", "bob", None]
    assert [s.to_dict()["owner"] for s in bank.list()] == ["alice", "bob", None]
    with Bank.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.import_stories(formats.parse_json(exported))
        assert [s.title for s in other.list(owner="alice")] == ["Alice cards"]
        assert [s.title for s in other.list(owner="bob")] == ["Bob budget"]
        assert [(s.title, s.owner) for s in other.list()] == [
            ("Alice cards", "alice"),
            ("Bob budget", "bob"),
            ("From the CLI", None),
        ]
        assert len(other.history(1, owner="alice")) == 2
        assert _contents(other) == _contents(bank)
        assert other.export("json") == exported


def test_json_import_with_an_owner_gives_every_story_to_that_owner(bank, tmp_path):
    exported = _team_bank(bank)
    with Bank.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        ids = other.import_stories(formats.parse_json(exported), owner="carol").stored
        assert [s.id for s in other.list(owner="carol")] == ids and len(ids) == 3
        assert other.list(owner="alice") == [] and other.list(owner="bob") == []
        assert {s.owner for s in other.list()} == {"carol"}


def test_json_export_made_before_owners_still_imports(bank, tmp_path):
    data = json.loads(_team_bank(bank))
    for story in data["stories"]:
        del story["owner"]
    old_export = json.dumps(data)
    assert [s.owner for s in formats.parse_json(old_export)] == [None, None, None]
    with Bank.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.import_stories(formats.parse_json(old_export))
        assert [s.owner for s in other.list()] == [None, None, None]
        assert other.list(owner="alice") == []
        assert _contents(other) == _contents(bank)
        other.import_stories(formats.parse_json(old_export), owner="dave")
        assert [s.title for s in other.list(owner="dave")] == ["Alice cards", "Bob budget", "From the CLI"]


def test_json_import_rejects_an_owner_that_is_not_an_account_name():
    data = {
        "format": "starbar-bank",
        "format_version": 1,
        "stories": [
            {
                "title": "x",
                "lp": "customer-obsession",
                "level": "L6",
                "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z",
                "owner": owner,
                "versions": [
                    {
                        "number": 1,
                        "created_at": "2026-01-01T00:00:00Z",
                        "level": "L6",
                        "rubric_version": "r",
                        "verdict": "hire",
                        "text": "t",
                        "review": {},
                    }
                ],
            }
            for owner in ("ok-name", "Not A Name", 7)
        ],
    }
    with pytest.raises(InputError, match="not an account name"):
        formats.parse_json(json.dumps(data))
    data["stories"] = data["stories"][:1]
    assert formats.parse_json(json.dumps(data))[0].owner == "ok-name"


def test_accounts_are_created_found_and_listed(bank):
    made = bank.create_account("zoe", "scrypt$hash-of-zoe", admin=True)
    bank.create_account("amy", "scrypt$hash-of-amy")
    assert (made.username, made.admin) == ("zoe", True)
    assert bank.account("zoe").password_hash == "scrypt$hash-of-zoe"
    assert bank.account("nobody") is None
    assert [(a.username, a.admin) for a in bank.accounts()] == [("amy", False), ("zoe", True)]
    with pytest.raises(InputError, match="already exists"):
        bank.create_account("zoe", "scrypt$another")
    for bad in ("Zoe", "x", "a" * 33, "has space", ""):
        with pytest.raises(InputError, match="user name"):
            bank.create_account(bad, "scrypt$h")
    assert len(bank.accounts()) == 2


def test_models_match_the_migrations(bank):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from starbar.bank.models import metadata

    with bank.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def _story(
    story_id: int,
    *,
    level="L6",
    verdict="hire",
    archetype="obsession",
    levels=None,
    flags=(),
    signals=(),
    lp="customer-obsession",
    text=None,
):
    levels = levels or {
        "problem_depth": 3,
        "root_cause": 3,
        "customer_insight": 3,
        "ownership": 3,
        "friction": 3,
        "fintech_judgment": 3,
        "customer_impact": 3,
    }
    dims = {d: {"level": n, "evidence": [], "why": ""} for d, n in levels.items()}
    for signal in signals:
        dims[signal[0]]["evidence"].append({"start": 0, "end": 1, "signal": signal[1], "quote": "x"})
    rev = {"verdict": verdict, "archetype": archetype, "dimensions": dims, "flags": [{"id": f} for f in flags]}
    now = datetime.now(UTC)
    v = Version(story_id, 1, text or f"The story numbered {story_id}.", rev, "r", level, verdict, "add", now)
    return Story(story_id, f"Story {story_id}", lp, level, (), 1, now, now, v)


# The Customer Obsession items read the stored reviews only; the coverage items have their own tests.
NO_MATRIX = build([], principle_table(), "L6")


def test_checklist_counts_clearing_stories_and_names_what_each_lacks(rubric):
    money = [("customer_impact", "impact.financial_outcome")]
    stories = [
        _story(1, signals=money),
        _story(
            2,
            levels={
                "problem_depth": 2,
                "root_cause": 3,
                "customer_insight": 2,
                "ownership": 3,
                "friction": 1,
                "fintech_judgment": 2,
                "customer_impact": 3,
            },
            flags=["no_friction"],
            signals=money,
        ),
        _story(3, verdict="no_hire", archetype="advocacy", signals=money),
        _story(4, lp="earn-trust"),  # another principle: not counted
        _story(5, signals=money, text="the story  NUMBERED 1."),  # the same text as story 1: not distinct
    ]
    result = evaluate(rubric, stories, "L6", NO_MATRIX)
    assert [s.id for s in result.clearing] == [1, 2]
    by_status = {i.text: i for i in result.items}
    distinct = next(i for i in result.items if "distinct" in i.text)
    assert distinct.status == "met"
    numbers = next(i for i in result.items if "numbers" in i.text)
    assert [(g.story_id, g.missing) for g in numbers.gaps] == [(2, "numbers for the size of the problem")]
    tradeoff = next(i for i in result.items if "trade-off" in i.text)
    assert [g.story_id for g in tradeoff.gaps] == [2] and tradeoff.status == "not_met"
    assert next(i for i in result.items if "financial implications" in i.text).status == "met"
    assert sum(i.status == "yours" for i in by_status.values()) == 2
    advice = {d.id: d.advice for d in rubric.dimensions}
    assert any(advice["friction"] in step and step.startswith("#2") for step in result.next_steps)
    assert not any("more Customer Obsession" in step for step in result.next_steps)


def test_checklist_at_another_level_asks_for_a_rereview(rubric):
    result = evaluate(rubric, [_story(1), _story(2)], "L7", NO_MATRIX)
    assert result.clearing == ()
    assert any("rereview --level L7" in s for s in result.next_steps)
    assert any("Bring 2 more" in s for s in result.next_steps)
    empty = evaluate(rubric, [], "L6", NO_MATRIX)
    assert all(i.status != "met" for i in empty.items)


def test_checklist_over_a_real_bank_agrees_with_the_stored_verdicts(bank):
    bank.add("Strong", STRONG)
    bank.add("Weak", WEAK)
    result = bank.checklist("L6")
    stored = {s.id: s.latest for s in bank.list()}
    assert {s.id for s in result.clearing} == {
        i for i, v in stored.items() if v.passes and v.archetype == "obsession" and v.levels["fintech_judgment"] >= 2
    }
    numbers = next(i for i in result.items if "numbers" in i.text)
    weak_id = next(s.id for s in bank.list() if s.title == "Weak")
    assert weak_id in {g.story_id for g in numbers.gaps}  # the weak story names no number for its problem
