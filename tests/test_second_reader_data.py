"""A second reader's labels (data/second-reader/) cover exactly the stories of their sealed set, on
the same dimensions, with values the rubric allows: a missing or misnamed story would quietly
change the agreement the README quotes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "data" / "second-reader").glob("*.jsonl"))
VERDICTS = {"strong_hire", "hire", "no_hire", "strong_no_hire"}

# The script that prints the agreement knows which sealed set each file reads again; ask it.
_spec = importlib.util.spec_from_file_location("second_reader", ROOT / "scripts" / "second_reader.py")
assert _spec and _spec.loader
second_reader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(second_reader)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_are_second_readers():
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_second_reader_labels_every_story_of_its_sealed_set_once(path):
    writer = {row["id"]: row for row in _rows(second_reader.labelled_set(path.stem))}
    reader = _rows(path)
    assert sorted(row["id"] for row in reader) == sorted(writer)
    for row in reader:
        assert set(row["dims"]) == set(writer[row["id"]]["dims"]), row["id"]
        assert all(isinstance(v, int) and 0 <= v <= 4 for v in row["dims"].values()), row["id"]
        assert row["verdict"] in VERDICTS, row["id"]
