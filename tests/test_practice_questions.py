"""The practice question bank: data validated on load, filtered by kind and setting, listed by the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from starbar.cli.practice import questions as questions_cmd
from starbar.practice.questions import (
    KINDS,
    QuestionError,
    check_coverage,
    find,
    load_questions,
    parse_bank,
    principle_table,
    select,
)
from starbar.principles import DEEP, load_principles

CO_KINDS = {"customer_interaction", "difficult_customer", "above_and_beyond", "customer_vs_business", "customer_data"}


def test_bank_has_forty_questions_covering_every_kind_and_fintech_settings():
    bank = load_questions()
    assert len(bank) >= 40
    assert {q.kind for q in bank} == set(KINDS)
    assert len({q.setting for q in bank if q.fintech}) >= 6
    assert len({q.id for q in bank}) == len(bank)


def test_principle_table_is_fits_sixteen_in_order_with_their_tiers():
    catalogue = load_principles()
    assert [(p.id, p.name, p.tier) for p in principle_table()] == [
        (p.spec.id, p.spec.name, p.spec.tier) for p in catalogue.principles
    ]


def test_every_principle_has_its_questions_twelve_for_each_with_a_rubric():
    bank = load_questions()
    counts = {p.id: sum(q.lp == p.id for q in bank) for p in principle_table()}
    assert set(counts) == {p.spec.id for p in load_principles().principles}
    for lp in DEEP:
        assert counts[lp] >= 12, lp
    assert all(n >= 3 for n in counts.values()), counts
    # Customer Obsession keeps its own kinds; the six new rubrics' questions are varied and mostly fintech.
    assert {q.kind for q in bank if q.lp == "customer-obsession"} == CO_KINDS
    for lp in set(DEEP) - {"customer-obsession"}:
        mine = [q for q in bank if q.lp == lp]
        assert len({q.kind for q in mine}) >= 4, lp
        assert sum(q.fintech for q in mine) >= len(mine) // 2, lp
        assert "failure" in {q.kind for q in mine}, lp


def test_a_principle_short_of_questions_is_an_error_naming_it_and_its_minimum():
    short = tuple(q for q in load_questions() if q.id != "outside-your-remit")
    with pytest.raises(
        QuestionError, match=r"bank\.yaml: ownership has 11 questions; a tier-1 principle needs at least 12"
    ):
        check_coverage(short, "bank.yaml")
    thin = tuple(q for q in load_questions() if q.id != "calculated-risk")
    with pytest.raises(QuestionError, match=r"bias-for-action has 2 questions; a tier-2 principle needs at least 3"):
        check_coverage(thin, "bank.yaml")
    check_coverage(load_questions(), "bank.yaml")


def test_an_unknown_principle_is_rejected_with_the_question_and_the_key():
    bad = "questions:\n  - id: a-question\n    text: Tell me about a customer.\n    lp: customer-obsesion\n    kind: customer_data\n    setting: general\n"
    with pytest.raises(
        QuestionError, match=r"bank\.yaml: questions\.0\.lp: 'customer-obsesion' is not one of the sixteen"
    ):
        parse_bank(bad, "bank.yaml")


def test_select_by_principle():
    chosen = select(load_questions(), lp="dive-deep", fintech=True)
    assert chosen and all(q.lp == "dive-deep" and q.fintech for q in chosen)


def test_unknown_key_is_rejected_with_the_file_and_the_key():
    bad = "questions:\n  - id: a-question\n    text: Tell me about a customer.\n    lp: customer-obsession\n    kind: customer_data\n    setting: general\n    difficulty: hard\n"
    with pytest.raises(QuestionError, match=r"bank\.yaml: questions\.0\.difficulty: unknown key"):
        parse_bank(bad, "bank.yaml")


@pytest.mark.parametrize(
    "field, value", [("kind", "teamwork"), ("setting", "crypto-casino"), ("id", "Has Spaces"), ("lp", "Dive_Deep")]
)
def test_values_outside_the_vocabulary_are_rejected(field, value):
    entry = {
        "id": "a-question",
        "text": "Tell me about a customer.",
        "lp": "customer-obsession",
        "kind": "customer_data",
        "setting": "general",
    }
    entry[field] = value
    text = "questions:\n  - " + "\n    ".join(f"{k}: {v}" for k, v in entry.items()) + "\n"
    with pytest.raises(QuestionError, match=field):
        parse_bank(text, "bank.yaml")


def test_duplicate_ids_are_rejected():
    one = "  - id: same\n    text: Tell me about a customer.\n    lp: customer-obsession\n    kind: customer_data\n    setting: general\n"
    with pytest.raises(QuestionError, match="used twice"):
        parse_bank("questions:\n" + one + one, "bank.yaml")


def test_select_by_kind_and_fintech():
    bank = load_questions()
    trade_offs = select(bank, kind="customer_vs_business", fintech=True)
    assert trade_offs and all(q.kind == "customer_vs_business" and q.setting != "general" for q in trade_offs)
    assert len(select(bank, kind="customer_vs_business")) > len(trade_offs)


def test_find_unknown_id_says_where_to_look():
    with pytest.raises(QuestionError, match="starbar questions"):
        find(load_questions(), "no-such-question")


def test_cli_lists_json_objects_with_the_four_fields():
    result = CliRunner().invoke(questions_cmd, ["--kind", "difficult_customer", "--fintech", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(set(r) == {"id", "text", "lp", "kind", "setting"} for r in rows)
    assert all(r["kind"] == "difficult_customer" and r["setting"] != "general" for r in rows)


def test_cli_text_lists_ids_and_rejects_unknown_kind():
    runner = CliRunner()
    text = runner.invoke(questions_cmd, ["--kind", "customer_data"])
    assert text.exit_code == 0
    assert all(q.id in text.output for q in select(load_questions(), kind="customer_data"))
    assert runner.invoke(questions_cmd, ["--kind", "teamwork"]).exit_code == 2


def test_cli_lists_one_principle_and_rejects_an_unknown_one_with_the_ids():
    runner = CliRunner()
    result = runner.invoke(questions_cmd, ["--lp", "earn-trust", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 12 and {r["lp"] for r in rows} == {"earn-trust"}
    bad = runner.invoke(questions_cmd, ["--lp", "earn_trust"])
    assert bad.exit_code == 2 and "no Leadership Principle 'earn_trust'" in bad.output and "dive-deep" in bad.output
