"""The sentence-role tagger: what a sentence does, read from trained weights, whatever its words.

Every sentence here was written for these tests; none is a labelled training sentence.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from starbar.detect import detect
from starbar.detect.patterns import lexicon
from starbar.detect.roles import probabilities, sentence_features, signals
from starbar.errors import RubricError
from starbar.parse import parse
from starbar.rubric import load_rubric
from starbar.rubric.loader import _folder
from starbar.rubric.schema import Tagger

LABELS = Path(__file__).resolve().parent.parent / "data" / "roles" / "customer-obsession.jsonl"


def roles(text: str, rubric=None) -> set[str]:
    found = detect(parse(text), rubric or load_rubric())
    return {e.signal.removeprefix("role.") for e in found.evidence if e.signal.startswith("role.")}


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Action: Legal was nervous that the new wording promised a return.", "objection"),
        ("Action: In the end she agreed to a six-week pilot capped at 200 merchants.", "resolution"),
        ("Action: I showed the CFO that each failed payout cost us more than the fee.", "resolution"),
        ("Action: We gave up about $30k a month in late fees to make it free.", "cost"),
        ("Action: I sat with eleven bookkeepers while they closed their month.", "research"),
        ("Action: We read four hundred chat transcripts from the week of the outage.", "research"),
        ("Action: It turned out most applicants had no payslip to upload at all.", "finding"),
        ("Action: What they were really afraid of was paying the same bill twice.", "real_cause"),
        ("Action: New payees now need a code sent to the phone on file before the first transfer.", "control"),
        ("Task: My goal was to halve failed payroll runs by March.", "goal"),
        ("Action: I decided to keep the manual review for amounts over $5,000.", "own_decision"),
        ("Result: Failed top-ups fell from 9% to 3% within two months.", "customer_outcome"),
        ("Result: Revenue grew 12% in the quarter.", "business_outcome"),
    ],
)
def test_a_sentence_is_read_for_the_role_it_plays(sentence, role):
    assert role in roles(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Situation: The office moved to a new building in the spring.",
        "Action: I booked a meeting room for Thursday.",
        # interview vocabulary with nothing behind it plays no role
        "Action: The team worked hard and everyone collaborated well.",
        "Result: Customers loved it and the impact was huge.",
    ],
)
def test_a_sentence_that_does_nothing_plays_no_role(sentence):
    assert roles(sentence) == set()


def test_a_task_is_the_candidates_own_only_when_the_sentence_says_so():
    assert "goal" in roles("Task: I was asked to look at the renewals.")
    assert "goal" not in roles("Task: The team was asked to look at the renewals.")


def test_a_role_is_quoted_as_its_whole_sentence_with_its_probability():
    text = (
        "Situation: We run payroll for small shops. Action: Legal was nervous that the new wording promised a return."
    )
    doc = parse(text)
    found = [e for e in detect(doc, load_rubric()).evidence if e.signal == "role.objection"]
    assert found and text[found[0].start : found[0].end] == doc.sentences[found[0].sentence].text
    assert found[0].dimension == "friction" and found[0].note.startswith("p=")


def test_the_roles_are_the_rubrics_own_and_the_tagger_knows_each():
    rubric = load_rubric()
    assert set(rubric.tagger.roles) == set(rubric.roles)
    assert signals(rubric) == {f"role.{r}" for r in rubric.roles}
    assert rubric.roles["team_action"].polarity == "costs" and rubric.roles["goal"].mine


def test_a_role_for_a_dimension_the_rubric_lacks_names_the_file_and_key(rubric_copy):
    path = rubric_copy / "rubric.yaml"
    path.write_text(path.read_text().replace("pain: {dimension: problem_depth}", "pain: {dimension: empathy}"))
    with pytest.raises(RubricError, match=r"rubric\.yaml: roles\.pain\.dimension: no dimension 'empathy'"):
        load_rubric(str(rubric_copy))


def test_roles_without_the_detector_that_reads_them_are_refused(rubric_copy):
    path = rubric_copy / "rubric.yaml"
    path.write_text(path.read_text().replace(", roles.tagged]", "]"))
    with pytest.raises(RubricError, match=r"rubric\.yaml: roles: declared roles and the roles\.tagged detector"):
        load_rubric(str(rubric_copy))


def test_without_weights_the_tagger_reads_nothing():
    bare = load_rubric().model_copy(update={"tagger": None})
    assert roles("Action: In the end she agreed to a six-week pilot capped at 200 merchants.", bare) == set()


def test_the_features_are_words_pairs_numbers_classes_and_the_part():
    feats = sentence_features("I called 12 borrowers.", "A", lexicon(load_rubric()))
    assert {"w:i", "w:called", "w:<num>", "b:called <num>", "p:A"} <= set(feats)
    assert "c:people" in feats  # "borrowers" is in the rubric's class of the people a product serves


def test_probabilities_are_the_logistic_of_the_summed_weights():
    tagger = Tagger(
        trained_on={}, roles=["research", "cost"], threshold=0.5, intercept=[0.0, -1.0], weights={"w:a": {0: 2.0}}
    )
    p = probabilities(tagger, ["w:a", "w:b"])
    assert p["research"] == pytest.approx(1 / (1 + 2.718281828459045**-2.0))
    assert p["cost"] == pytest.approx(1 / (1 + 2.718281828459045))


def test_the_labelled_sentences_cover_every_role_and_no_sealed_story():
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert {r for row in rows for r in row["roles"]} >= set(load_rubric().roles)
    data = LABELS.parent.parent
    sealed = set()
    for path in [*data.glob("**/sealed*.jsonl"), *(data / "final-check").glob("*.jsonl")]:
        sealed |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    # every principle's labelled sentences, those no tagger is trained on yet included
    for path in LABELS.parent.glob("*.jsonl"):
        stories = {json.loads(line)["story"] for line in path.read_text(encoding="utf-8").splitlines()}
        assert not sealed & stories, path.name


@pytest.fixture
def rubric_copy(tmp_path: Path):
    target = tmp_path / "rubric"
    shutil.copytree(_folder("customer-obsession-fintech"), target)
    load_rubric.cache_clear()
    yield target
    load_rubric.cache_clear()


def test_a_rubric_that_runs_the_tagger_without_weights_is_refused(rubric_copy):
    (rubric_copy / "roles.json").unlink()
    with pytest.raises(RubricError, match=r"roles\.json: the rubric runs roles\.tagged but has no weights"):
        load_rubric(str(rubric_copy))
    # the training scripts, which write the weights, read it all the same
    assert load_rubric(str(rubric_copy), calibrated=False).tagger is None


def test_weights_for_an_unknown_role_name_the_file(rubric_copy):
    path = rubric_copy / "roles.json"
    data = json.loads(path.read_text())
    data["roles"][0] = "mind_reading"
    path.write_text(json.dumps(data))
    with pytest.raises(RubricError, match=r"roles\.json: roles: no role 'mind_reading' in rubric\.yaml's roles"):
        load_rubric(str(rubric_copy))


def test_malformed_weights_name_the_file_and_key(rubric_copy):
    path = rubric_copy / "roles.json"
    data = json.loads(path.read_text())
    data["intercept"] = data["intercept"][:-1]
    path.write_text(json.dumps(data))
    with pytest.raises(RubricError, match=r"roles\.json.*intercept: one per role"):
        load_rubric(str(rubric_copy))
