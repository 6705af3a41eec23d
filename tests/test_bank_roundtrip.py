"""Every export format re-imports to the same bank: a property test over generated stories.

Titles, tags and texts are drawn with the characters that broke round trips before (`,` and
`;` in tags, `#` and `##` headings in texts and titles, quotes, comment markers); the texts
start with a real STAR story so the review engine accepts them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank_fixtures import STRONG
from starbar.bank import Bank, formats

TRICKY = ",;#\"'[]<>!-\\ *:"
_chars = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs"),
    include_characters=TRICKY + "\u2028",
)
_word = st.text(_chars, min_size=1, max_size=12)
title = st.lists(_word, min_size=1, max_size=6).map(" ".join).filter(lambda t: t.strip())
tag = st.text(_chars, min_size=1, max_size=20).filter(lambda t: t.strip())
_line = st.one_of(
    st.text(_chars, max_size=40),
    st.sampled_from(["## Notes", "## Situation", "\\## escaped", "##", "# Heading", "<!-- starbar: {} -->", ""]),
    st.builds(lambda w: f"## {w}", _word),
)
text = st.lists(_line, max_size=6).map(lambda lines: STRONG + "\n\n" + "\n".join(lines))
story = st.fixed_dictionaries(
    {
        "title": title,
        "text": text,
        "tags": st.lists(tag, max_size=3),
        "level": st.sampled_from(["L5", "L6", "L7"]),
        "lp": st.sampled_from(["customer-obsession", "Earn Trust", "have backbone; disagree and commit"]),
    }
)
PARSE = {"json": formats.parse_json, "md": formats.parse_markdown, "csv": formats.parse_csv}


def _contents(bank: Bank) -> list:
    return [(s.title, s.latest.text, s.tags, s.lp, s.level, s.uid) for s in bank.list()]


@pytest.mark.parametrize("fmt", sorted(PARSE))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories=st.lists(story, min_size=1, max_size=3))
def test_every_export_format_reimports_to_the_same_bank(fmt, stories):
    with tempfile.TemporaryDirectory() as folder:
        with Bank.open(f"sqlite:///{Path(folder) / 'a.db'}") as source:
            for s in stories:
                source.add(s["title"], s["text"], tags=s["tags"], level=s["level"], lp=s["lp"])
            exported = source.export(fmt)
            want = _contents(source)
        with Bank.open(f"sqlite:///{Path(folder) / 'b.db'}") as copy:
            copy.import_stories(PARSE[fmt](exported))
            assert _contents(copy) == want
            assert copy.export(fmt) == exported
