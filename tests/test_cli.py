"""Each command end to end, as a user runs it, bad inputs included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "data" / "devset" / "stories.jsonl"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "starbar", *args], input=stdin, capture_output=True, timeout=120)


def test_review_text_is_plain_when_piped():
    out = run("review", str(DATA / "strong.md"))
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "\x1b[" not in text
    for heading in ("Dimensions", "Flags", "Structure", "A bar raiser would ask", "Next steps"):
        assert heading in text
    assert "words, about" in text


def test_review_colour_can_be_forced():
    out = run("review", str(DATA / "strong.md"), "--color")
    assert "\x1b[" in out.stdout.decode()


def test_review_json_from_stdin_matches_the_api():
    import starbar

    text = (DATA / "feature-request.txt").read_text()
    out = run("review", "-", "--format", "json", "--level", "L5", stdin=text.encode())
    assert out.returncode == 0, out.stderr
    review = starbar.review(text, "L5")
    assert json.loads(out.stdout) == {**review.to_dict(), "also_serves": []}
    assert starbar.api.also_serves(review) == ()


def test_review_markdown_and_explain():
    out = run("review", str(DATA / "stuffed.txt"), "--format", "md", "--explain")
    assert out.returncode == 0
    md = out.stdout.decode()
    assert md.startswith("# Review:") and "## Explain" in md
    assert "detectors run:" in md and "decisions:" in md and "verdict:" in md


def test_explain_lists_suppressions_and_fired_signals():
    out = run("review", str(DATA / "strong.md"), "--explain")
    text = out.stdout.decode()
    assert "fired:" in text and "suppressed" in text


BAD = {
    "empty": b"",
    "whitespace": b"   \n\t \n",
    "binary": bytes(range(256)) * 4,
    "latin1": "Situation: le caf\xe9 \xe9tait ferm\xe9".encode("latin-1"),
    "french": (
        "Situation : notre application de paiement perdait des clients parce que le formulaire "
        "était trop long et les utilisateurs ne comprenaient pas les frais. Nous avons donc "
        "décidé de simplifier le parcours et les résultats ont été très positifs."
    ).encode(),
    "huge": (b"customers " * 20_001),
    "html": b"<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body><div class='a'><p></p></div></body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gets_one_clear_line(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(BAD[name])
    out = run("review", str(path))
    err = out.stderr.decode()
    assert out.returncode != 0
    assert "Traceback" not in err
    assert err.startswith("starbar: error: ") and err.count("\n") == 1


def test_missing_file_and_folder(tmp_path):
    for target in (str(tmp_path / "nope.md"), str(tmp_path)):
        out = run("review", target)
        assert out.returncode != 0 and b"Traceback" not in out.stderr and out.stderr.startswith(b"starbar: error:")


def test_bad_level_is_a_usage_error():
    out = run("review", str(DATA / "strong.md"), "--level", "L9")
    assert out.returncode == 2 and b"Traceback" not in out.stderr


def test_batch_skips_bad_lines_and_reviews_the_rest(tmp_path):
    good = (DATA / "feature-request.txt").read_text()
    lines = [
        json.dumps({"id": "one", "text": good}),
        "{not json",
        json.dumps({"id": "two", "text": ""}),
        json.dumps({"id": 3, "text": good, "level": "L7", "question": "Tell me about a time..."}),
        json.dumps({"text": "no id"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    dest = tmp_path / "out.jsonl"
    out = run("batch", str(src), "-o", str(dest))
    err = out.stderr.decode()
    assert out.returncode == 1
    assert ":2: skipped" in err and ":3: skipped" in err and ":5: skipped" in err and "Traceback" not in err
    rows = [json.loads(line) for line in dest.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["one", 3]
    assert rows[1]["level"] == "L7" and "verdict" in rows[0] and "dimensions" in rows[0]


def test_batch_all_good_exits_zero(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": (DATA / "strong.md").read_text()}) + "\n")
    out = run("batch", str(src))
    assert out.returncode == 0
    assert json.loads(out.stdout)["id"] == "a"


@pytest.mark.skipif(not DEVSET.exists(), reason="development set not present")
def test_eval_reports_every_figure():
    out = run("eval", str(DEVSET), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["stories"] == 40
    assert set(result["dimensions"]) == {
        "problem_depth",
        "root_cause",
        "customer_insight",
        "ownership",
        "friction",
        "fintech_judgment",
        "customer_impact",
    }
    for key in ("mean_qwk", "verdict", "archetype", "flags", "parts"):
        assert key in result
    table = run("eval", str(DEVSET)).stdout.decode()
    assert "mean qwk" in table and "STAR part agreement" in table


def test_eval_on_a_malformed_file(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x", "text": "hi"}\n')
    out = run("eval", str(bad))
    assert out.returncode != 0 and out.stderr.startswith(b"starbar: error:") and b"Traceback" not in out.stderr


def test_rubric_show_lists_every_dimension_and_anchor(rubric):
    text = run("rubric", "show").stdout.decode()
    for dim in rubric.dimensions:
        assert dim.id in text
        for anchor in dim.anchors:
            assert anchor.text in text
    as_json = json.loads(run("rubric", "show", "--format", "json").stdout)
    assert as_json["id"] == rubric.id


def test_review_does_not_import_web_or_database_stack():
    code = (
        "import sys, starbar; starbar.review(open(sys.argv[1]).read());"
        "bad=[m for m in sys.modules if m.split('.')[0] in {'sqlalchemy','fastapi','starlette','uvicorn','alembic','psycopg','jinja2'}];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(DATA / "strong.md")], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == ""
