"""The practice question bank: data validated on load, filtered by kind and setting, listed by the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from starbar.cli.practice import questions as questions_cmd
from starbar.practice.questions import KINDS, QuestionError, find, load_questions, parse_bank, select


def test_bank_has_forty_questions_covering_every_kind_and_fintech_settings():
    bank = load_questions()
    assert len(bank) >= 40
    assert {q.kind for q in bank} == set(KINDS)
    assert len({q.setting for q in bank if q.fintech}) >= 6
    assert len({q.id for q in bank}) == len(bank)


def test_unknown_key_is_rejected_with_the_file_and_the_key():
    bad = "questions:\n  - id: a-question\n    text: Tell me about a customer.\n    kind: customer_data\n    setting: general\n    difficulty: hard\n"
    with pytest.raises(QuestionError, match=r"bank\.yaml: questions\.0\.difficulty: unknown key"):
        parse_bank(bad, "bank.yaml")


@pytest.mark.parametrize("field, value", [("kind", "teamwork"), ("setting", "crypto-casino"), ("id", "Has Spaces")])
def test_values_outside_the_vocabulary_are_rejected(field, value):
    entry = {"id": "a-question", "text": "Tell me about a customer.", "kind": "customer_data", "setting": "general"}
    entry[field] = value
    text = "questions:\n  - " + "\n    ".join(f"{k}: {v}" for k, v in entry.items()) + "\n"
    with pytest.raises(QuestionError, match=field):
        parse_bank(text, "bank.yaml")


def test_duplicate_ids_are_rejected():
    one = "  - id: same\n    text: Tell me about a customer.\n    kind: customer_data\n    setting: general\n"
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
    assert rows and all(set(r) == {"id", "text", "kind", "setting"} for r in rows)
    assert all(r["kind"] == "difficult_customer" and r["setting"] != "general" for r in rows)


def test_cli_text_lists_ids_and_rejects_unknown_kind():
    runner = CliRunner()
    text = runner.invoke(questions_cmd, ["--kind", "customer_data"])
    assert text.exit_code == 0
    assert all(q.id in text.output for q in select(load_questions(), kind="customer_data"))
    assert runner.invoke(questions_cmd, ["--kind", "teamwork"]).exit_code == 2
