"""Signal examples are written for the rule, never copied from a labelled story: a test that
passes because the code matches a story's own sentence proves only that the code memorised it.
Every example of every rubric and of `fit` is checked against every labelled story the project
holds (development, tuning, robustness, sealed and the shared sets): none is a story's sentence,
and none shares a run of eight words with one (a story's particular phrase, shortened). The
comments beside the rules and the rubrics' CHANGELOGs quote wordings too, so they are held to
the same eight words."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from test_fit_data import CASES as FIT_CASES
from test_signal_examples import CASES as RUBRIC_CASES
from test_signal_examples import _unmark

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "starbar"
STORY_FILES = sorted((ROOT / "data").rglob("*.jsonl")) + sorted((ROOT.parent / "shared" / "data").rglob("*.jsonl"))
# Fields of a labelled record that hold a story's text (robustness records tell it several ways).
TEXT_FIELDS = ("text", "base", "paraphrase", "spoken", "gamed")
# Shorter examples ("I was wrong.") are common speech, not a story's own sentence.
MIN_WORDS = 6
# Eight words in a row that a story also has are its phrase, not common speech.
RUN = 8
_LABEL = re.compile(r"^\W*(?:situation|task|action|result)\W*:\s*", re.IGNORECASE)
EXAMPLES = sorted({sample for *_, sample, _ in RUBRIC_CASES} | {sample for _, sample, _ in FIT_CASES})


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%$€£₹]+", text.lower()))


def _words(sample: str) -> str:
    return _norm(_LABEL.sub("", _unmark(sample)[0].lstrip("-* ")))


@cache
def _stories() -> str:
    texts = []
    for path in STORY_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            texts += [record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)]
            texts += [v for v in (record.get("ablations") or {}).values() if isinstance(v, str)]
    return "\n".join(_norm(t) for t in texts)


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_signal_example_is_a_sentence_of_a_labelled_story():
    stories = _stories()
    assert len(stories) > 100_000, "the labelled stories were not found"
    copied = [s for s in EXAMPLES if len(_words(s).split()) >= MIN_WORDS and _words(s) in stories]
    assert not copied, f"{len(copied)} examples copied from labelled stories, e.g. {copied[:5]}"


def test_no_signal_example_shares_a_run_of_eight_words_with_a_labelled_story():
    story_runs = set().union(*(_runs(line.split()) for line in _stories().split("\n")))
    shared = [s for s in EXAMPLES if _runs(_words(s).split()) & story_runs]
    assert not shared, f"{len(shared)} examples share {RUN} words in a row with a labelled story, e.g. {shared[:5]}"


def _commentary() -> list[tuple[str, str]]:
    """(place, text) of every comment in the package's YAML, word lists and Python, and of every
    line of its Markdown (the rubrics' CHANGELOGs)."""
    out = []
    for path in sorted(SOURCE.rglob("*")):
        if path.suffix not in (".yaml", ".txt", ".py", ".md"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = line if path.suffix == ".md" else line[line.index("#") :] if "#" in line else ""
            if text:
                out.append((f"{path.relative_to(ROOT)}:{number}", text))
    return out


def test_no_comment_or_changelog_line_shares_a_run_of_eight_words_with_a_labelled_story():
    story_runs = set().union(*(_runs(line.split()) for line in _stories().split("\n")))
    shared = [place for place, text in _commentary() if _runs(_norm(text).split()) & story_runs]
    assert not shared, f"{len(shared)} comment lines quote {RUN} words in a row of a labelled story: {shared[:8]}"
