"""The debrief page through the test client: upload, per-answer cards, timeline, errors, escaping."""

from __future__ import annotations

import re

import starbar
from debrief_corpus import DATA
from starbar.debrief import debrief

from .conftest import csrf_of


def _upload(client, name: str, content: bytes, **form):
    data = {"csrf": csrf_of(client), **form}
    return client.post("/debrief", data=data, files={"transcript": (name, content, "text/plain")})


def test_upload_shows_a_card_per_question_and_a_timeline(client):
    content = (DATA / "lending.teams.txt").read_bytes()
    response = _upload(client, "lending.txt", content)
    assert response.status_code == 200, response.text
    html = response.text
    result = debrief(content.decode())
    cards = re.findall(r'data-testid="answer-card" data-number="(\d+)"', html)
    assert cards == [str(a.number) for a in result.answers]
    assert re.search(r'data-testid="candidate">([^<]+)<', html).group(1) == "Maria Lopez"
    verdicts = re.findall(r'data-testid="verdict">([^<]+)<', html)
    reviewed = [a for a in result.answers if a.review]
    assert verdicts == [starbar.review(a.exchange.answer.text).verdict.replace("_", " ").upper() for a in reviewed]
    assert html.count('data-testid="missed"') == 1
    # Every segment on a lane, and one verdict-coloured span per question.
    assert html.count('class="tl tl-interviewer"') + html.count('class="tl tl-candidate"') == len(
        result.transcript.segments
    )
    spans = re.findall(r'class="tl tl-(strong_hire|hire|no_hire|strong_no_hire|missed)"', html)
    assert spans == [a.final.verdict if a.final else "missed" for a in result.answers]


def test_the_form_keeps_the_choices_and_forces_a_format(client):
    content = (DATA / "wallet.srt").read_bytes()
    html = _upload(client, "w.srt", content, me="jordan patel", level="L7", source="srt").text
    assert re.search(r'data-testid="candidate">([^<]+)<', html).group(1) == "Jordan Patel"
    assert '<option value="srt" selected>' in html and '<option value="L7" selected>' in html


def test_a_bad_transcript_is_a_422_with_one_line(client):
    response = _upload(client, "notes.txt", b"Just notes, nothing timed.\n", me="Sam")
    assert response.status_code == 422
    assert re.search(r'role="alert">([^<]+)<', response.text).group(1).startswith("no timestamps found")
    assert 'value="Sam"' in response.text  # what the user typed is kept
    assert _upload(client, "x.vtt", b"\x00\x01" * 20).status_code == 422
    assert _upload(client, "empty.vtt", b"").status_code == 422


def test_names_and_words_in_a_transcript_are_escaped(client):
    hostile = (
        "Ann <b>Lee</b>  0:00\nTell me about a time you helped a customer?\n\n"
        "Bo  0:05\nWe had <script>window.__pwned=1</script> 300 double charges every month, and I fixed the retry "
        "logic so they fell to 20.\n"
    )
    html = _upload(client, "x.txt", hostile.encode()).text
    assert "<script>window" not in html and "<b>Lee" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html and "Ann &lt;b&gt;Lee&lt;/b&gt;" in html


def test_the_form_needs_the_csrf_token(client):
    csrf_of(client)
    response = client.post("/debrief", data={"csrf": "forged"}, files={"transcript": ("x.vtt", b"WEBVTT", "text/vtt")})
    assert response.status_code == 403
