"""The rubric is data, validated on load: errors name the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from starbar.errors import RubricError
from starbar.rubric import load_rubric
from starbar.rubric.loader import _folder

PACKAGED = _folder("customer-obsession-fintech")


@pytest.fixture
def rubric_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rubric"
    shutil.copytree(PACKAGED, target)
    load_rubric.cache_clear()
    yield target
    load_rubric.cache_clear()


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_packaged_rubric_has_the_contract_ids(rubric):
    assert [d.id for d in rubric.dimensions] == [
        "problem_depth",
        "root_cause",
        "customer_insight",
        "ownership",
        "friction",
        "fintech_judgment",
        "customer_impact",
    ]
    assert {f.id for f in rubric.flags} == {
        "feature_factory",
        "no_friction",
        "vague_result",
        "we_not_i",
        "generic_security",
        "business_only_result",
        "missing_part",
        "thin_action",
        "length_off",
        "buzzword_stuffing",
    }
    assert {a.value for a in rubric.archetypes} == {"obsession", "advocacy", "feature_factory", "off_topic"}
    assert {v.value for v in rubric.verdicts} == {"strong_hire", "hire", "no_hire", "strong_no_hire"}
    # The last verdict and archetype rules are the fallbacks: unconditional.
    assert rubric.verdicts[-1].when is None and rubric.archetypes[-1].when is None


def test_unknown_key_names_file_and_key(rubric_copy):
    _edit(rubric_copy / "dimensions" / "friction.yaml", lambda d: d.update(colour="red"))
    with pytest.raises(RubricError) as err:
        load_rubric(str(rubric_copy))
    assert "friction.yaml" in str(err.value) and "colour" in str(err.value) and "unknown key" in str(err.value)


def test_missing_anchor_is_an_error(rubric_copy):
    _edit(
        rubric_copy / "dimensions" / "ownership.yaml",
        lambda d: d.update(anchors=[a for a in d["anchors"] if a["level"] != 2]),
    )
    with pytest.raises(RubricError) as err:
        load_rubric(str(rubric_copy))
    assert "ownership.yaml" in str(err.value) and "missing level 2" in str(err.value)


def test_unknown_fact_in_a_condition_is_an_error(rubric_copy):
    def change(d):
        d["flags"][0]["when"] = {"all": ["level.friction<=0", "no.such.signal"]}

    _edit(rubric_copy / "rubric.yaml", change)
    with pytest.raises(RubricError) as err:
        load_rubric(str(rubric_copy))
    assert "rubric.yaml" in str(err.value) and "no.such.signal" in str(err.value)


def test_unknown_fact_in_a_flag_detail_is_an_error(rubric_copy):
    def change(d):
        d["flags"][0]["detail"] = {"no.such.fact": "something"}

    _edit(rubric_copy / "rubric.yaml", change)
    with pytest.raises(RubricError) as err:
        load_rubric(str(rubric_copy))
    assert "detail" in str(err.value) and "no.such.fact" in str(err.value)


def test_bad_regex_names_the_signal(rubric_copy):
    named = []

    def change(d):
        d["signals"][0]["patterns"] = ["(unclosed"]
        named.append(d["signals"][0]["id"])

    _edit(rubric_copy / "dimensions" / "friction.yaml", change)
    with pytest.raises(RubricError) as err:
        load_rubric(str(rubric_copy))
    assert "bad pattern" in str(err.value) and f"signals.{named[0]}" in str(err.value)


def test_unknown_rubric_name_lists_the_available_ones():
    with pytest.raises(RubricError) as err:
        load_rubric("no-such-rubric")
    assert "customer-obsession-fintech" in str(err.value)


def test_weights_for_an_older_bar_are_refused_but_can_be_left_unread_for_retraining(rubric_copy):
    # A version bump makes the shipped weights stale: judging refuses them, and the training
    # script, which replaces them, reads the rubric without them.
    _edit(rubric_copy / "rubric.yaml", lambda d: d.update(version="2099.1.1"))
    with pytest.raises(RubricError, match=r"calibration\.json: rubric_version: trained for .*retrain"):
        load_rubric(str(rubric_copy))
    unread = load_rubric(str(rubric_copy), calibrated=False)
    assert unread.version == "2099.1.1" and unread.calibration is None
