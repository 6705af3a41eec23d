"""The Python API: `review(text)` runs parse -> detect -> judge and returns a typed Review;
`fit(text)` ranks the sixteen Leadership Principles by the evidence in a story; `also_serves(review)`
names the other principles a reviewed story credibly serves."""

from __future__ import annotations

from .detect import detect
from .judge import Review, judge
from .parse import parse
from .parse.matcher import build_prefilters
from .principles import Fit, PrincipleFit, load_principles
from .principles import fit as _fit
from .rubric import DEFAULT_RUBRIC, for_lp, load_rubric


def review(
    text: str, level: str = "L6", *, lp: str | None = None, rubric: str = DEFAULT_RUBRIC, calibrate: bool = True
) -> Review:
    """Judge one STAR story at a target level (L5, L6 or L7), against the rubric of Leadership
    Principle `lp` (``customer-obsession``) or a rubric named or given as a folder.

    `calibrate=False` judges by the rubric's anchors alone, without the learned layer that may
    move a level one step (judge/calibrate.py). Raises `starbar.errors.InputError` for text that
    cannot be judged (empty, binary, over 20,000 words, not English). Same input, same output:
    nothing here is random.
    """
    spec = load_rubric(for_lp(lp) if lp else rubric)
    doc = parse(text)
    return judge(doc, detect(doc, spec), spec, level, calibrate=calibrate)


def fit(text: str) -> Fit:
    """Which of the sixteen Leadership Principles the story shows: all ranked by quoted evidence
    (``Fit.ranked``), the ones it can be told for (``role`` primary or secondary) and the deep
    reviews worth running (``Fit.deep``). Raises `starbar.errors.InputError` like `review`."""
    return _fit(text)


def also_serves(review: Review) -> tuple[PrincipleFit, ...]:
    """The principles other than the one reviewed that the story credibly serves (those `fit`
    gives a role), best first, each with its quotes. Separate from `review` so that a review
    pays for it only where a report shows it."""
    reviewed = load_rubric(review.rubric).lp
    # `parse` keeps its last documents, so the story is not segmented again here.
    return tuple(p for p in _fit(review.text).ranked if p.claimed and p.id != reviewed)


def prepare(rubric: str = DEFAULT_RUBRIC) -> None:
    """Ready the engine for many reviews: load the rubric and the sixteen principles (for
    `fit` and `also_serves`) and compile their patterns with their literal prefilters now,
    rather than during the first reviews. A server calls it at start."""
    load_rubric(rubric)
    load_principles()
    build_prefilters()
