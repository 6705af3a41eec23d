"""The learned layer moves a level at most one step, only on evidence, and never past a cap."""

from __future__ import annotations

import pytest

from starbar import review
from starbar.detect import detect, roles
from starbar.judge import judge
from starbar.judge.calibrate import adjust, probabilities
from starbar.parse import parse
from starbar.rubric import available, earning_signals, for_lp, load_rubric
from starbar.rubric.schema import Calibration, LearnedLayer


def _calibration(probabilities_favour: int) -> Calibration:
    # One feature that is always 1.0; the intercepts make `probabilities_favour` the likely class.
    classes = [0, 1, 2, 3, 4]
    intercept = [8.0 if c == probabilities_favour else 0.0 for c in classes]
    return Calibration(
        rubric_version="t",
        trained_on={"test": 1},
        band=1,
        features=["bias"],
        dimensions={"friction": {"classes": classes, "coef": [[0.0]] * 5, "intercept": intercept}},
    )


@pytest.mark.parametrize(("anchor", "favoured", "expected"), [(1, 4, 2), (3, 0, 2), (2, 2, 2), (4, 4, 4), (0, 1, 1)])
def test_a_level_moves_at_most_one_step_towards_what_the_model_favours(anchor, favoured, expected):
    cal = _calibration(favoured)
    level, probability = adjust(probabilities(cal, "friction", {"bias": 1.0}), anchor, cal.band)
    assert level == expected
    assert 0 <= probability <= 1


@pytest.mark.parametrize("rubric_id", available())
def test_the_shipped_calibration_reads_only_what_the_engine_produces(rubric_id):
    """A signal renamed or dropped since the weights were trained would leave its weight reading
    nothing, silently: every feature must still be one the engine produces."""
    rubric = load_rubric(rubric_id)
    cal = rubric.calibration
    assert cal is not None and cal.band == 1
    dims = {d.id for d in rubric.dimensions}
    earning = earning_signals(rubric) | (roles.signals(rubric) if rubric.tagger else frozenset())
    for name in cal.features:
        kind, _, rest = name.partition(":")
        assert (kind == "sig" and rest in earning) or (kind == "lvl" and rest in dims) or name == "ctx:other", name
    assert not any("buzzword" in f or f == "words" for f in cal.features)


NO_RESEARCH = (
    "Situation: Our payments app for merchants had only a light theme. Task: I owned the settings screen. "
    "Action: I built the dark mode with the design team and we released it in May. "
    "Result: Merchants could switch to dark mode."
)


def test_nothing_in_the_story_means_nothing_to_raise():
    result = review(NO_RESEARCH)
    assert result.dimensions["customer_insight"].level == 0
    assert not any(d.startswith("customer_insight: calibrated") for d in result.trace.decisions)


def test_a_calibrated_level_says_so_in_the_trace(seed_examples):
    moved = [
        d
        for story in seed_examples
        for d in review(story["text"], level=story.get("level", "L6")).trace.decisions
        if ": calibrated to " in d
    ]
    assert all("labelled stories with this evidence" in d for d in moved)


def test_caps_still_hold_after_calibration():
    stuffed = (
        "I was customer obsessed and dove deep into the data with a root cause analysis. I owned it end to end "
        "and navigated pushback from stakeholders with data-driven alignment. We ensured PCI DSS compliance, "
        "tokenization, MFA and KYC. NPS went up and customers loved the seamless, frictionless experience."
    )
    result = review(stuffed)
    assert all(s.level <= 1 for s in result.dimensions.values()), {k: v.level for k, v in result.dimensions.items()}


def test_the_layer_never_reads_nothing_where_a_sentence_speaks_for_the_dimension():
    # A layer that favours 0 everywhere: a vague obstacle keeps friction's level 1 ("obstacles
    # named vaguely"), while a level above it still steps down by one.
    rubric = load_rubric()
    favour_nothing = _calibration(0).dimensions["friction"]
    cal = Calibration(
        rubric_version=rubric.version,
        trained_on={"test": 1},
        band=1,
        features=["bias"],
        dimensions={d.id: favour_nothing for d in rubric.dimensions},
    )
    text = (
        "Situation: Refunds to card took nine days and 30% of buyers wrote in to chase them. "
        "Task: I owned refunds. Action: There were some challenges along the way, but I rebuilt "
        "the refund flow so money goes back the same day. Result: Chase-up contacts fell to 4%."
    )
    doc = parse(text)
    signals = detect(doc, rubric)
    plain = judge(doc, signals, rubric, "L6", calibrate=False)
    moved = judge(doc, signals, rubric.model_copy(update={"calibration": cal}), "L6")
    assert plain.dimensions["friction"].level == 1 and moved.dimensions["friction"].level == 1
    above = [d for d, s in plain.dimensions.items() if s.level >= 2]
    assert above and all(moved.dimensions[d].level == plain.dimensions[d].level - 1 for d in above)


# A principle whose layer only raises, and only where the dimension's own evidence agrees.
RAISES_ONLY = load_rubric(for_lp("deliver-results"))
SETBACK_STORY = (
    "Situation: Our card team promised merchants instant payouts by June. Task: I owned the launch and "
    "committed to 95% of payouts within a minute. Action: In April our processor failed load tests at 40% of "
    "volume, so I split the rollout by merchant size and moved the largest to a second processor. "
    "Result: 97% of payouts landed within a minute by the end of June."
)


def _favouring(rubric, level: int, own_level: int) -> Calibration:
    """A layer whose story-wide models favour `level` and whose own-evidence models favour `own_level`."""
    model = _calibration(level).dimensions["friction"]
    own = _calibration(own_level).dimensions["friction"]
    dims = [d.id for d in rubric.dimensions]
    return Calibration(
        rubric_version=rubric.version,
        trained_on={"test": 1},
        band=1,
        features=["bias"],
        dimensions=dict.fromkeys(dims, model),
        own=dict.fromkeys(dims, own),
    )


def _levels(rubric, cal: Calibration | None, text: str = SETBACK_STORY) -> dict[str, int]:
    doc = parse(text)
    judged = rubric.model_copy(update={"calibration": cal})
    review = judge(doc, detect(doc, judged), judged, "L6", calibrate=cal is not None)
    return {d: s.level for d, s in review.dimensions.items()}


def test_the_shipped_principles_layer_only_raises():
    assert RAISES_ONLY.learned_layer == LearnedLayer(lowers=False, raises="own_evidence")
    plain = _levels(RAISES_ONLY, None)
    assert any(level >= 1 for level in plain.values())
    # A layer that favours 0 everywhere moves nothing down.
    assert _levels(RAISES_ONLY, _favouring(RAISES_ONLY, 0, 0)) == plain


def test_a_raise_needs_the_dimensions_own_evidence_to_agree():
    plain = _levels(RAISES_ONLY, None)
    halo = _levels(RAISES_ONLY, _favouring(RAISES_ONLY, 4, 0))
    assert halo == plain  # the story's other evidence alone lifts nothing
    both = _levels(RAISES_ONLY, _favouring(RAISES_ONLY, 4, 4))
    raised = {d for d in plain if both[d] != plain[d]}
    assert raised and all(both[d] == plain[d] + 1 for d in raised)


def test_a_layer_moves_only_the_dimensions_the_rubric_lets_it():
    plain = _levels(RAISES_ONLY, None)
    both = _favouring(RAISES_ONLY, 4, 4)
    everywhere = _levels(RAISES_ONLY, both)
    raised = sorted(d for d in plain if everywhere[d] != plain[d])
    assert len(raised) >= 2
    kept, *rest = raised
    policy = LearnedLayer(lowers=False, raises="own_evidence", dimensions=rest)
    limited = _levels(RAISES_ONLY.model_copy(update={"learned_layer": policy}), both)
    assert limited[kept] == plain[kept]
    assert all(limited[d] == plain[d] + 1 for d in rest)


def test_an_own_evidence_raise_says_so_in_the_trace():
    doc = parse(SETBACK_STORY)
    judged = RAISES_ONLY.model_copy(update={"calibration": _favouring(RAISES_ONLY, 4, 4)})
    moved = [d for d in judge(doc, detect(doc, judged), judged, "L6").trace.decisions if ": calibrated to " in d]
    assert moved and all("own evidence alone (p=" in d for d in moved)


def test_each_own_evidence_model_reads_only_its_dimension():
    cal = RAISES_ONLY.calibration
    assert cal is not None
    for dim, model in cal.own.items():
        assert model.features is not None and f"lvl:{dim}" in model.features
        assert not [f for f in model.features if f.startswith("lvl:") and f != f"lvl:{dim}"]
        roles = {f"sig:role.{r}": spec.dimension for r, spec in RAISES_ONLY.roles.items()}
        assert all(roles[f] == dim for f in model.features if f in roles), dim
