"""`starbar debrief` end to end: every format, every report, bad files, and --save into the story bank."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import starbar
from bank_fixtures import db_url
from debrief_corpus import DATA
from starbar.bank import Bank
from starbar.practice.session import exchange_text

FILES = [
    "checkout.voice.vtt",
    "lending.prefix.vtt",
    "wallet.srt",
    "checkout.otter.txt",
    "lending.zoom.txt",
    "wallet.teams.txt",
]


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "starbar", "debrief", *args], input=stdin, capture_output=True, timeout=120, env=env
    )


@pytest.mark.parametrize("name", FILES)
def test_every_format_debriefs_to_json_with_each_answer_reviewed(name):
    result = run(str(DATA / name), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = json.loads((DATA / f"{name.split('.')[0]}.expected.json").read_text())
    assert data["candidate"] == {"name": expected["candidate"], "chosen_by": "most_words"}
    assert len(data["answers"]) == len(expected["exchanges"])
    for answer in data["answers"]:
        if answer["review"]:
            assert answer["review"] == starbar.review(answer["answer"]["text"]).to_dict()


def test_text_report_names_the_candidate_and_every_question():
    result = run(str(DATA / "wallet.teams.txt"))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Candidate: Alex Kim (the speaker with the most words; --me NAME to choose)" in out
    assert out.count("\nQuestion ") == 4 and "How close:" in out and "recovered:" in out
    assert "pauses: not timed in this format" in out


def test_markdown_report_and_a_forced_input_format():
    result = run(str(DATA / "lending.srt"), "--format", "srt", "--format", "md", "--me", "maria lopez")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# Interview debrief\n") and out.count("\n## Question ") == 4
    assert "Candidate: Maria Lopez (named with --me)" in out and "| Dimension | Level | Evidence |" in out


def test_standard_input_is_read_with_a_dash():
    result = run("-", "--format", "json", stdin=(DATA / "hand.vtt").read_bytes())
    assert result.returncode == 0 and json.loads(result.stdout)["candidate"]["name"] == "Bo Park"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01WEBVTT\x00" * 50, "looks binary, not a text transcript"),
        (b"Just some notes from the call.\nNothing timed.\n", "no timestamps found"),
        (b"WEBVTT\n\n00:00.000 --> 00:03.000\nAnn: Hello?\n\n00:04.000 --> 00:05.000\nAnn: Hi?\n", "only one speaker"),
        (b"WEBVTT\n\n00:09.000 --> 00:03.000\nAnn: Hello?\n\n00:10.000 --> 00:12.000\nBo: Hi.\n", "runs backwards"),
        (b"WEBVTT\n\n00:00.000 --> 00:03.000\nAnn: Hi?\n\n03:10:00.000 --> 03:10:05.000\nBo: Hi.\n", "runs 3:10:05"),
    ],
)
def test_bad_files_get_one_line_and_a_non_zero_exit(tmp_path, content, message):
    path = tmp_path / "call.vtt"
    path.write_bytes(content)
    result = run(str(path))
    err = result.stderr.decode()
    assert result.returncode == 2 and result.stdout == b""
    assert err.count("\n") == 1 and err.startswith("starbar: error: ") and message in err


def test_usage_errors():
    assert b"give --format at most once" in run(str(DATA / "hand.vtt"), "-f", "md", "-f", "json").stderr
    assert b"--story needs --save" in run(str(DATA / "hand.vtt"), "--story", "1=3").stderr
    assert b"no speaker named 'Cy'" in run(str(DATA / "hand.vtt"), "--me", "Cy").stderr
    assert b"no rubric named 'earn-trust'" in run(str(DATA / "hand.vtt"), "--lp", "earn-trust").stderr
    two = run(str(DATA / "wallet.srt"), "--save", "--story", "7")
    assert b"4 answers to save: say which goes into story 7, like --story 2=7" in two.stderr


# The debrief runs with every way out of the process closed: sockets refuse, and it writes no file.
NO_NETWORK = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network use attempted")
socket.socket.connect = socket.socket.connect_ex = socket.socket.sendto = refuse
socket.create_connection = socket.getaddrinfo = refuse
from starbar.cli.main import main
main(["debrief", sys.argv[1], "--format", "json"])
"""


def test_a_transcript_never_leaves_the_process(tmp_path):
    import os

    transcript = tmp_path / "mock.vtt"
    transcript.write_bytes((DATA / "checkout.voice.vtt").read_bytes())
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "TMPDIR": str(tmp_path)}
    env.pop("STARBAR_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(transcript)], capture_output=True, cwd=tmp_path, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["answers"]) == 5
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["mock.vtt"]


def test_save_stores_each_answer_as_a_tagged_story_then_as_new_versions(db_url, tmp_path):
    import os

    env = {**os.environ, "STARBAR_DATABASE_URL": db_url}
    first = run(str(DATA / "wallet.zoom.txt"), "--save", env=env)
    assert first.returncode == 0, first.stderr
    with Bank.open(db_url) as bank:
        stories = bank.list()
    assert len(stories) == 4 and all(s.tags == ("debrief",) and s.versions == 1 for s in stories)
    assert stories[0].title == "Debrief: Tell me about a time you built something customers asked for."
    # What is stored is what the final review read: the answer and the follow-up answers.
    data = json.loads(run(str(DATA / "wallet.zoom.txt"), "-f", "json").stdout)
    a = data["answers"][0]
    text = exchange_text(a["answer"]["text"], [f["answer"]["text"] for f in a["followups"]]).strip()
    with Bank.open(db_url) as bank:
        assert bank.version(stories[0].id).text == text
    # The same interview again matches the stories by question; --story sends answer 2 elsewhere.
    again = run(str(DATA / "wallet.zoom.txt"), "--save", "--story", f"2={stories[3].id}", env=env)
    assert again.returncode == 0, again.stderr
    with Bank.open(db_url) as bank:
        versions = {s.id: s.versions for s in bank.list()}
    assert versions == {stories[0].id: 2, stories[1].id: 1, stories[2].id: 2, stories[3].id: 3}
    assert b"answer 2: story" in again.stdout
