"""A story's principle (the rubric that judges it) in the bank, its API, CLI and migration, on
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from bank_fixtures import STRONG, WEAK, assert_one_clear_line, bank, cli, db_url
from starbar import fit, review
from starbar.bank import Bank, formats
from starbar.bank.db import resolve_url
from starbar.errors import InputError
from starbar.rubric import for_lp, load_rubric


def test_a_story_is_judged_under_the_rubric_of_its_principle(bank):
    v = bank.add("Ledger breaks", STRONG, lp="Dive Deep")
    story = bank.story(v.story_id)
    assert story.lp == "dive-deep"
    assert v.review == review(STRONG, "L6", lp="dive-deep").to_dict()
    assert v.review["rubric"] == "dive-deep-fintech"
    assert v.rubric_version == load_rubric(for_lp("dive-deep")).version

    kept = bank.update(v.story_id, WEAK)  # a new version keeps the story's principle
    assert kept.review["rubric"] == "dive-deep-fintech"
    moved = bank.update(v.story_id, STRONG, lp="have-backbone")
    assert moved.review == review(STRONG, "L6", lp="have-backbone").to_dict()
    assert bank.story(v.story_id).lp == "have-backbone"


def test_rereview_judges_again_under_the_storys_own_principle(bank):
    v = bank.add("Ledger breaks", STRONG, lp="earn-trust")
    [(_story, new)] = bank.rereview(level="L7")
    assert new is not None and new.review == review(STRONG, "L7", lp="earn-trust").to_dict()
    assert bank.story(v.story_id).lp == "earn-trust"


@pytest.mark.parametrize("lp", ["think-big", "obsession", "customer-obsession, ownership"])
def test_a_principle_without_a_rubric_is_refused_naming_the_seven(bank, lp):
    with pytest.raises(InputError, match="not a principle with a rubric; use one of customer-obsession, ownership"):
        bank.add("Ledger breaks", STRONG, lp=lp)
    assert bank.list() == []


def test_cli_add_lp_and_a_bad_lp_is_one_clear_line(cli, db_url, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(STRONG)
    ok = cli("bank", "add", str(story), "--title", "Refunds", "--lp", "deliver-results", "--db", db_url)
    assert ok.returncode == 0, ok.stderr
    shown = json.loads(cli("bank", "show", "1", "--format", "json", "--db", db_url).stdout)
    assert (shown["lp"], shown["version"]["review"]["rubric"]) == ("deliver-results", "deliver-results-fintech")
    bad = cli("bank", "add", str(story), "--title", "x", "--lp", "frugality", "--db", db_url)
    assert_one_clear_line(bad, "--lp 'frugality' is not a principle with a rubric", "have-backbone, deliver-results")
    assert len(json.loads(cli("bank", "list", "--format", "json", "--db", db_url).stdout)) == 1


def test_migration_0006_turns_free_text_principles_into_ids_and_keeps_the_rest_as_a_tag(db_url):
    from starbar.bank.db import make_engine
    from starbar.bank.schema import upgrade

    engine = make_engine(resolve_url(db_url), 10)
    upgrade(engine, "test", "0005")
    stamp = datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)
    old = review(STRONG).to_dict()
    with engine.begin() as conn:
        for story_id, lp in enumerate(
            ["customer-obsession", "Dive Deep", "Have Backbone; Disagree and Commit", "Think Big", ""], 1
        ):
            conn.execute(
                text(
                    "INSERT INTO stories (id, title, lp, level, latest_version, created_at, updated_at, uid) "
                    "VALUES (:id, :title, :lp, 'L6', 1, :t, :t, :uid)"
                ),
                {"id": story_id, "title": f"S{story_id}", "lp": lp, "t": stamp, "uid": f"uid-{story_id}"},
            )
            conn.execute(
                text(
                    "INSERT INTO versions (story_id, number, text, review, rubric_version, level, verdict, source, "
                    "created_at) VALUES (:s, 1, :body, :review, '2026.1', 'L6', :verdict, 'add', :t)"
                ),
                {"s": story_id, "body": STRONG, "review": json.dumps(old), "verdict": old["verdict"], "t": stamp},
            )
        conn.execute(text("INSERT INTO story_tags (story_id, tag) VALUES (4, 'bets')"))
    engine.dispose()

    with Bank.open(db_url) as opened:
        listed = opened.list()
        assert [(s.lp, s.tags) for s in listed] == [
            ("customer-obsession", ()),
            ("dive-deep", ()),
            ("have-backbone", ()),
            ("customer-obsession", ("bets", "lp:Think Big")),
            ("customer-obsession", ()),
        ]
        assert [s.latest.review for s in listed] == [old] * 5  # reviews stay until a rereview
        assert {(s.principles, s.principles_source) for s in listed} == {((), None)}  # fit has not read them
        opened.rereview()
        claims = tuple((p.id, p.role, p.signals) for p in fit(STRONG).ranked if p.role)
        assert {(tuple(_claims(s)), s.principles_source) for s in opened.list()} == {(claims, "fit")}


# --- the principles a story serves: from fit, or chosen by the user --------------------------

MULTI = (Path(__file__).parent / "data" / "multi-principle.md").read_text()


def _claims(story) -> list[tuple[str, str, int]]:
    return [(c.principle, c.role, c.signals) for c in story.principles]


def test_saving_a_version_tags_the_story_with_what_fit_claims(bank):
    v = bank.add("Undrawn loans", MULTI)
    story = bank.story(v.story_id)
    want = [(p.id, p.role, p.signals) for p in fit(MULTI).ranked if p.role]
    assert len(want) == 3 and want[0][1] == "primary"
    assert (_claims(story), story.principles_source) == (want, "fit")
    bank.update(v.story_id, STRONG)  # fit's tags follow each version
    assert _claims(bank.story(v.story_id)) == [(p.id, p.role, p.signals) for p in fit(STRONG).ranked if p.role]


def test_a_users_choice_survives_new_versions_until_auto(bank):
    v = bank.add("Undrawn loans", STRONG)
    chosen = bank.tag(v.story_id, primary="Have Backbone; Disagree and Commit", secondaries=["deliver-results"])
    assert chosen.principles_source == "user"
    assert [(c.principle, c.role) for c in chosen.principles] == [
        ("have-backbone", "primary"),
        ("deliver-results", "secondary"),
    ]
    bank.update(v.story_id, MULTI)
    kept = bank.story(v.story_id)
    found = fit(MULTI)
    assert _claims(kept) == [
        ("have-backbone", "primary", found.get("have-backbone").signals),
        ("deliver-results", "secondary", found.get("deliver-results").signals),
    ]  # the choice is kept, its signals read from the new version
    bank.rereview()
    assert _claims(bank.story(v.story_id)) == _claims(kept)
    back = bank.tag(v.story_id, auto=True)
    assert (_claims(back), back.principles_source) == (
        [(p.id, p.role, p.signals) for p in found.ranked if p.role],
        "fit",
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "name a --primary or at least one --secondary"),
        ({"primary": "thinking big"}, "'thinking big' is not a Leadership Principle"),
        ({"primary": "dive-deep", "secondaries": ["Dive Deep"]}, "dive-deep is named twice"),
        ({"primary": "dive-deep", "auto": True}, "give --auto alone"),
    ],
)
def test_a_bad_choice_is_refused_and_changes_nothing(bank, kwargs, message):
    v = bank.add("Undrawn loans", MULTI)
    before = bank.story(v.story_id)
    with pytest.raises(InputError, match=message):
        bank.tag(v.story_id, **kwargs)
    assert bank.story(v.story_id) == before


def test_tags_travel_in_a_json_export_and_deleting_a_story_drops_them(bank, db_url, tmp_path):
    first = bank.add("Undrawn loans", MULTI)
    bank.tag(first.story_id, primary="frugality", secondaries=["think-big", "ownership", "earn-trust"])
    exported = bank.export("json")
    with Bank.open(f"sqlite:///{tmp_path / 'copy.db'}") as copy:
        copy.import_stories(formats.parse_json(exported))
        assert [(_claims(s), s.principles_source) for s in copy.list()] == [
            (_claims(s), s.principles_source) for s in bank.list()
        ]
        assert copy.export("json") == exported
    bank.delete(first.story_id)
    with bank.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM story_principles")).scalar_one() == 0


def test_cli_tag_and_show(cli, db_url, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(MULTI)
    assert cli("bank", "add", str(story), "--title", "Undrawn", "--db", db_url).returncode == 0
    shown = cli("bank", "show", "1", "--db", db_url).stdout
    assert "principles: invent-and-simplify (primary, 3 signals)" in shown and "· from fit" in shown
    tagged = cli("bank", "tag", "1", "-p", "dive-deep", "-s", "ownership", "--db", db_url)
    assert tagged.stdout.strip() == (
        f"story 1 'Undrawn': dive-deep (primary, {fit(MULTI).get('dive-deep').signals} signals), "
        "ownership (secondary, 0 signals) · chosen by you"
    )
    listed = json.loads(cli("bank", "list", "--format", "json", "--db", db_url).stdout)
    assert [c["id"] for c in listed[0]["principles"]] == ["dive-deep", "ownership"]
    assert_one_clear_line(cli("bank", "tag", "1", "--db", db_url), "name a --primary")
    assert_one_clear_line(cli("bank", "tag", "7", "-p", "ownership", "--db", db_url), "no story 7")


# --- the story matrix over a stored bank ----------------------------------------------------


def test_cli_matrix_in_every_format(cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'bank.db'}"
    for name, body in {"multi.md": MULTI, "strong.md": STRONG}.items():
        (tmp_path / name).write_text(body)
    cli("bank", "add", str(tmp_path / "multi.md"), "--title", "Undrawn | loans", "--lp", "dive-deep", "--db", db)
    cli("bank", "add", str(tmp_path / "strong.md"), "--title", "Disputes", "--db", db)
    data = json.loads(cli("bank", "matrix", "--format", "json", "--level", "L7", "--db", db).stdout)
    assert (data["level"], data["fintech"], data["manages_people"], data["target_stories"]) == ("L7", True, False, 14)
    found = fit(MULTI)
    row = data["rows"][0]
    assert row["cells"] == {
        p.id: {"role": p.role, "verdict": review(MULTI, "L7", lp=p.id).verdict} for p in found.ranked if p.role
    }
    own = review(MULTI, "L7", lp="dive-deep")
    assert (row["lp"], row["scope"], row["fintech_judgment"]) == (
        "dive-deep",
        own.dimensions["scope"].level,
        own.dimensions["fintech_judgment"].level,
    )
    ids = [g["id"] for g in data["gaps"]]
    assert {"thin_bank", "no_primary", "no_failure_story"} <= set(ids) and "stretched_story" not in ids
    assert "off_domain" not in [
        g["id"] for g in json.loads(cli("bank", "matrix", "-f", "json", "--no-fintech", "--db", db).stdout)["gaps"]
    ]
    people = json.loads(cli("bank", "matrix", "-f", "json", "--manages-people", "--db", db).stdout)
    assert people["target_stories"] == 14 and "hire-and-develop-the-best" in people["gaps"][3]["principles"]

    shown = cli("bank", "matrix", "--db", db).stdout
    assert "Story matrix at L6 · fintech role · no reports" in shown
    assert "thin_bank: 2 distinct stories: a loop needs at least 8 (aim for 12)" in shown
    markdown = cli("bank", "matrix", "-f", "markdown", "--db", db).stdout
    assert "| #1 Undrawn \\| loans |" in markdown and markdown.count("\n|") == 4  # header, rule, two stories

    bad = cli("bank", "matrix", "--level", "L9", "--db", db)
    assert bad.returncode == 2 and "'L9' is not a level; use L5, L6 or L7" in bad.stderr
    empty = cli("bank", "matrix", "-f", "json", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert json.loads(empty.stdout)["rows"] == [] and not (tmp_path / "none.db").exists()


def test_the_matrix_reads_fit_for_stories_stored_before_tags_were_kept(bank):
    v = bank.add("Undrawn loans", MULTI)
    with bank.engine.begin() as conn:  # as migration 0006 leaves a story it could not read
        conn.execute(text("DELETE FROM story_principles"))
        conn.execute(text("UPDATE stories SET principles_source = NULL"))
    [row] = bank.matrix().rows
    assert row.id == v.story_id
    assert {p: c.role for p, c in row.cells.items()} == {p.id: p.role for p in fit(MULTI).ranked if p.role}


def test_cli_checklist_covers_every_principle_from_the_matrix(cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'bank.db'}"
    (tmp_path / "multi.md").write_text(MULTI)
    cli("bank", "add", str(tmp_path / "multi.md"), "--title", "Undrawn", "--db", db)
    data = json.loads(cli("bank", "checklist", "-f", "json", "--db", db).stdout)
    matrix = json.loads(cli("bank", "matrix", "-f", "json", "--db", db).stdout)
    names = [p["name"] for p in matrix["principles"]]
    assert [c["text"].split(" (tier")[0] for c in data["coverage"][:16]] == names
    primary = next(p.id for p in fit(MULTI).ranked if p.role == "primary")
    covered = {c["text"].split(" (tier")[0]: c for c in data["coverage"][:16]}
    assert covered["Frugality"]["status"] == "not_met" and "no story yet" in covered["Frugality"]["detail"]
    name = next(p["name"] for p in matrix["principles"] if p["id"] == primary)
    assert covered[name]["detail"].startswith("primary #1 'Undrawn'")
    assert len(data["coverage"]) == 16 + 6 and data["coverage"][16]["status"] == "not_met"  # thin bank
    assert len(json.loads(cli("bank", "checklist", "-f", "json", "--no-fintech", "--db", db).stdout)["coverage"]) == 21
    for gap in matrix["gaps"]:
        assert any(gap["message"] in step for step in data["next_steps"])
    text_out = cli("bank", "checklist", "--db", db).stdout
    assert "Loop coverage" in text_out and "[ ] Frugality (tier 3): a story" in text_out
    assert "Customer Obsession:" in text_out
