"""Reject text that cannot be judged, with one clear sentence saying why.

Only what makes a review meaningless is rejected: nothing to read, bytes that are not text,
more than a book chapter, another language, or a web page's markup. A story that merely
contains some HTML (a pasted ``<script>`` tag) is reviewed; renderers escape it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from ..errors import InputError
from .document import count_words

MAX_WORDS = 20_000
# Below this many words the language cannot be told reliably, so short snippets pass; below the
# second, only another language's own function words reject a text (number-heavy notes pass).
_MIN_WORDS_FOR_LANGUAGE = 8
_MIN_WORDS_WITHOUT_ENGLISH = 15

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_NOT_LATIN = re.compile(r"[^A-Za-z\u00c0-\u024f]")
# Tags, comments and the contents of script and style elements.
_MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!doctype[^>]*>|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.I | re.S
)
_PAGE_MARKERS = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)

# Function words: whatever a story is about, its sentences are full of them.
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "it",
        "its",
        "i",
        "we",
        "my",
        "our",
        "they",
        "their",
        "this",
        "that",
        "these",
        "those",
        "not",
        "no",
        "so",
        "because",
        "then",
        "which",
        "who",
        "what",
        "when",
        "had",
        "has",
        "have",
        "did",
        "do",
        "he",
        "she",
        "his",
        "her",
        "them",
        "us",
        "me",
        "you",
        "your",
        "there",
        "after",
        "before",
        "into",
        "over",
        "i'm",
        "i'd",
        "it's",
        "didn't",
        "wasn't",
        "don't",
        "we'd",
        "per",
        "via",
        "more",
        "less",
        "than",
        "all",
        "up",
        "out",
        "about",
        "new",
        "one",
        "two",
        "also",
        "only",
        "each",
        "every",
        "if",
        "will",
        "would",
        "could",
        "can",
    ]
)
_ENGLISH_ENDINGS = ("ed", "ing", "tion", "tions", "ly", "ment", "ments", "ness", "ship", "ers")
# The language shows in the first thousand words as well as in twenty thousand.
_LANGUAGE_SAMPLE_WORDS = 1000
_OTHER_LANGUAGES = (
    frozenset(
        # Spanish, French, German, Portuguese, Italian, Dutch (none of them English words).
        [
            "de",
            "el",
            "la",
            "los",
            "las",
            "del",
            "que",
            "y",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "es",
            "fue",
            "pero",
            "como",
            "su",
            "sus",
            "muy",
            "también",
            "le",
            "les",
            "des",
            "et",
            "est",
            "une",
            "du",
            "dans",
            "pour",
            "qui",
            "pas",
            "sur",
            "avec",
            "au",
            "ce",
            "cette",
            "nous",
            "vous",
            "je",
            "mais",
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "mit",
            "den",
            "dem",
            "zu",
            "auf",
            "auch",
            "sich",
            "wir",
            "ich",
            "für",
            "von",
            "o",
            "os",
            "um",
            "uma",
            "não",
            "são",
            "foi",
            "com",
            "em",
            "da",
            "do",
            "mas",
            "também",
            "nos",
            "il",
            "di",
            "che",
            "è",
            "e",
            "si",
            "non",
            "per",
            "una",
            "sono",
            "gli",
            "della",
            "anche",
            "ho",
            "abbiamo",
            "era",
            "erano",
            "quindi",
            "molto",
            "troppo",
            "perché",
            "het",
            "een",
            "van",
            "en",
            "ik",
            "niet",
            "op",
            "te",
            "zijn",
            "dat",
            "wij",
            "met",
            "voor",
        ]
    )
    - _ENGLISH
)


def check_text(text: str) -> None:
    """Raise InputError when the text cannot be reviewed as an English STAR story."""
    if not isinstance(text, str):
        raise InputError("The story must be text, not bytes or another object.")
    if not text.strip():
        raise InputError("The story is empty: paste a STAR story (Situation, Task, Action, Result).")
    sample = text[:8192]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError("The input looks like binary data, not a text story.")
    words = count_words(text)
    if words > MAX_WORDS:
        raise InputError(f"The story has {words:,} words; the limit is {MAX_WORDS:,}.")
    if _is_markup(text):
        raise InputError("The input is an HTML document, not a story: paste the story's text without the page markup.")
    first_words = [m[0] for m in islice(_LETTER_WORD.finditer(text), _LANGUAGE_SAMPLE_WORDS)]
    if not first_words:
        raise InputError("The story has no words to review, only numbers or symbols.")
    if not _is_english(first_words):
        raise InputError("The story does not look like English; starbar reviews stories written in English.")


def _is_markup(text: str) -> bool:
    """Mostly markup: tags and scripts outweigh the prose between them."""
    markup = sum(len(m.group()) for m in _MARKUP.finditer(text))
    if not markup:
        return False
    visible = len(re.sub(r"\s+", "", _MARKUP.sub(" ", text)))
    share = markup / (markup + visible)
    return share > 0.5 or (share > 0.3 and bool(_PAGE_MARKERS.search(text)))


def _is_english(words: list[str]) -> bool:
    """From the first words of the text: Latin script, and English words rather than another
    language's."""
    letters = "".join(words)
    # Another script (Cyrillic, CJK, Arabic...) for most of the letters.
    # Counted as what is left besides the few non-Latin characters: far fewer matches to make.
    if len(letters) - len(_NOT_LATIN.findall(letters)) < 0.6 * len(letters):
        return False
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return True
    seen = Counter(w.lower().replace("\u2019", "'") for w in words)
    english = sum(n for w, n in seen.items() if w in _ENGLISH or (len(w) > 4 and w.endswith(_ENGLISH_ENDINGS)))
    other = sum(n for w, n in seen.items() if w in _OTHER_LANGUAGES)
    if other > english:
        return False
    # English prose runs at 30-50% function words, and terse bullets ("Reduced churn 12%") are
    # full of English endings; a longer text with almost neither is in some other language.
    return len(words) < _MIN_WORDS_WITHOUT_ENGLISH or english >= 0.12 * len(words)
