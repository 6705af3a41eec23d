"""A rubric is one package: its word classes, the detectors it runs, its units and its learned
layer are checked both ways on load, and every error names the file and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from starbar.errors import InputError, RubricError
from starbar.rubric import load_rubric
from test_rubric_loader import _edit
from test_rubric_loader import rubric_copy as copy


def test_the_packaged_rubric_declares_its_detectors_classes_and_calibration():
    rubric = load_rubric()
    assert "friction.resistance" in rubric.detectors
    assert {"internal_party", "objection", "people"} <= set(rubric.classes)
    assert all(term == term.lower() and term.strip() == term for terms in rubric.classes.values() for term in terms)
    assert rubric.calibration is not None and rubric.calibration.rubric_version == rubric.version


def test_a_unit_naming_a_missing_class_names_the_file_and_key(copy):
    _edit(copy / "dimensions" / "friction.yaml", lambda d: d["signals"][0]["units"].append("{nobody} ~2 {objection}"))
    with pytest.raises(RubricError, match=r"friction\.yaml: signals\.friction\.objection\.units: unknown word class"):
        load_rubric(str(copy))


def test_a_word_class_nobody_uses_is_an_error(copy):
    (copy / "vocab" / "orphans.txt").write_text("orphan\n")
    with pytest.raises(RubricError, match=r"vocab/orphans\.txt: no unit uses this word class"):
        load_rubric(str(copy))


def test_a_renamed_word_class_is_an_error_not_a_silent_starvation(copy):
    (copy / "vocab" / "objection.txt").rename(copy / "vocab" / "objections.txt")
    with pytest.raises(RubricError, match="unknown word class"):
        load_rubric(str(copy))


def test_an_empty_word_class_is_an_error(copy):
    (copy / "vocab" / "harm.txt").write_text("# nothing here\n\n")
    with pytest.raises(RubricError, match=r"harm\.txt: the word class holds no term"):
        load_rubric(str(copy))


def test_an_unknown_detector_is_an_error(copy):
    _edit(copy / "rubric.yaml", lambda d: d["detectors"].append("friction.telepathy"))
    with pytest.raises(RubricError, match=r"rubric\.yaml: detectors: no detector registered as 'friction\.telepathy'"):
        load_rubric(str(copy))


def test_a_detector_the_rubric_drops_gives_it_nothing(copy):
    # Without friction.resistance, the anchors that test its signals name facts nobody produces.
    _edit(copy / "rubric.yaml", lambda d: d["detectors"].remove("friction.resistance"))
    with pytest.raises(RubricError, match=r"unknown fact 'friction\.party'"):
        load_rubric(str(copy))


def test_an_anchor_may_test_a_declared_role_but_not_an_undeclared_one(copy):
    friction = next(d for d in load_rubric().dimensions if d.id == "friction")
    assert "role.objection" in friction.anchors[2].when.fact_names()
    _edit(copy / "dimensions" / "friction.yaml", lambda d: d["anchors"][2]["when"]["any"].append("role.telepathy"))
    with pytest.raises(RubricError, match=r"friction: anchors\.2: unknown fact 'role\.telepathy'"):
        load_rubric(str(copy))


def test_an_unknown_claim_signal_is_an_error(copy):
    _edit(copy / "rubric.yaml", lambda d: d.update(claim_words="style.nothing"))
    with pytest.raises(RubricError, match="claim_words: unknown signal"):
        load_rubric(str(copy))


def test_a_followup_for_a_missing_dimension_is_an_error(copy):
    _edit(copy / "rubric.yaml", lambda d: d["followups"][0].update(dimension="charisma"))
    with pytest.raises(RubricError, match=r"followups\.root_cause\.dimension: no dimension 'charisma'"):
        load_rubric(str(copy))


def test_a_calibration_for_another_version_of_the_bar_is_refused(copy):
    _edit(copy / "rubric.yaml", lambda d: d.update(version="1999.1"))
    with pytest.raises(RubricError, match=r"calibration\.json: rubric_version: trained for .* retrain"):
        load_rubric(str(copy))


def test_a_calibration_with_the_wrong_shape_is_refused(copy):
    path = copy / "calibration.json"
    data = json.loads(path.read_text())
    data["dimensions"]["friction"]["coef"][0].append(1.0)
    path.write_text(json.dumps(data))
    with pytest.raises(RubricError, match=r"calibration\.json: .*one weight per feature"):
        load_rubric(str(copy))


def test_weights_the_rubric_does_not_say_how_to_use_are_refused(copy):
    _edit(copy / "rubric.yaml", lambda d: d.pop("learned_layer"))
    with pytest.raises(RubricError, match=r"calibration\.json: the rubric declares no learned_layer"):
        load_rubric(str(copy))


def test_raises_on_own_evidence_need_a_model_of_each_dimensions_own_evidence(copy):
    _edit(copy / "rubric.yaml", lambda d: d.update(learned_layer={"lowers": False, "raises": "own_evidence"}))
    with pytest.raises(RubricError, match=r"calibration\.json: own: raises need own evidence, so a model for each"):
        load_rubric(str(copy))


def test_a_layer_limited_to_a_dimension_the_rubric_lacks_is_refused(copy):
    _edit(copy / "rubric.yaml", lambda d: d["learned_layer"].update(dimensions=["friction", "courage"]))
    with pytest.raises(RubricError, match=r"rubric\.yaml: learned_layer\.dimensions: no dimension 'courage'"):
        load_rubric(str(copy))


def test_a_model_reading_features_the_calibration_lacks_is_refused(copy):
    path = copy / "calibration.json"
    data = json.loads(path.read_text())
    model = data["dimensions"]["friction"]
    data["own"] = {"friction": {**model, "coef": [[0.0] for _ in model["coef"]], "features": ["sig:nothing"]}}
    path.write_text(json.dumps(data))
    with pytest.raises(RubricError, match=r"calibration\.json: .*own\.friction: features not in the calibration's"):
        load_rubric(str(copy))


def test_a_rubric_without_calibration_judges_with_its_anchors_alone(copy):
    (copy / "calibration.json").unlink()
    assert load_rubric(str(copy)).calibration is None


@pytest.mark.parametrize("kind", ["contexts", "archetypes", "verdicts"])
def test_a_condition_on_the_fallback_rule_is_an_error(copy, kind):
    _edit(copy / "rubric.yaml", lambda d: d[kind][-1].update(when={"all": ["target.L6"]}))
    with pytest.raises(RubricError, match=rf"rubric\.yaml: {kind}\.\w+: the last rule is the fallback"):
        load_rubric(str(copy))


def test_a_principle_names_its_rubric():
    from starbar import review
    from starbar.rubric import for_lp

    assert for_lp("customer-obsession") == "customer-obsession-fintech"
    with pytest.raises(
        InputError, match=r"no rubric judges the principle 'nobody-at-all'; available: .*customer-obsession"
    ):
        for_lp("nobody-at-all")
    story = "Situation: Borrowers kept missing payments. Action: I read 300 tickets. Result: Misses fell 20%."
    assert review(story, lp="customer-obsession").to_dict() == review(story).to_dict()


def test_rubric_list_shows_each_principle_and_its_dimensions():
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "starbar", *args], capture_output=True, text=True, timeout=120)

    listed = run("rubric", "list")
    assert listed.returncode == 0
    assert listed.stdout.startswith("customer-obsession")
    assert "customer-obsession-fintech (version " in listed.stdout and "problem_depth" in listed.stdout
    shown = run("rubric", "show", "--lp", "customer-obsession")
    assert shown.returncode == 0 and "rubric customer-obsession-fintech" in shown.stdout
    unknown = run("rubric", "show", "--lp", "nobody-at-all")
    assert unknown.returncode != 0 and "no rubric judges the principle 'nobody-at-all'" in unknown.stderr
    story = Path(__file__).resolve().parent.parent / "examples" / "invoice-reminders.md"
    by_lp = run("review", str(story), "--lp", "customer-obsession", "--format", "json")
    assert by_lp.returncode == 0 and '"rubric": "customer-obsession-fintech"' in by_lp.stdout
    refused = run("review", str(story), "--lp", "nobody-at-all")
    assert refused.returncode != 0 and "no rubric judges the principle" in refused.stderr


def test_gates_are_shown_but_never_counted(copy):
    from starbar.judge.decide import aggregate
    from starbar.judge.result import DimensionScore

    _edit(copy / "rubric.yaml", lambda d: d.update(gates=["fintech_judgment"]))
    rubric = load_rubric(str(copy))
    levels = {d.id: 3 for d in rubric.dimensions} | {"fintech_judgment": 0}
    scores = {d: DimensionScore(d, d, lvl, (), "") for d, lvl in levels.items()}
    facts = aggregate(rubric, scores, "fintech")
    assert facts["levels.min_counted"] == 3 and facts["levels.min"] == 0
    assert facts["levels.count4_counted"] == 0


def test_a_gate_must_name_a_dimension(copy):
    _edit(copy / "rubric.yaml", lambda d: d.update(gates=["charisma"]))
    with pytest.raises(RubricError, match="no dimension 'charisma'"):
        load_rubric(str(copy))


def test_a_rubric_gives_a_shared_detectors_signals_its_own_dimension(copy):
    from starbar import review

    _edit(copy / "rubric.yaml", lambda d: d.update(dimension_of={"impact.*": "ownership"}))
    rubric = str(copy)
    story = (
        "Situation: Payouts failed. Action: I fixed the retry. Result: Failed payouts fell from 9% to 2% in a month."
    )
    moved = review(story, rubric=rubric, calibrate=False)
    assert any(e.signal.startswith("impact.") and e.dimension == "ownership" for e in moved.trace.fired)
    assert not any(e.dimension == "customer_impact" and e.signal.startswith("impact.") for e in moved.trace.fired)


def test_folding_a_long_alternation_keeps_the_authors_spaces(copy):
    # YAML folding puts a space after each line's final bar; a space before a bar is meant.
    _edit(copy / "rubric.yaml", lambda d: d.setdefault("vocab", {}).update(spaced="the |this| that|\n  those"))
    assert load_rubric(str(copy)).vocab["spaced"] == "the |this|that|those"
