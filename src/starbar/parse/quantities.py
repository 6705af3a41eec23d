"""Quantities in the forms people write them: figures with units and currencies, spelled-out
counts, fractions and ratios ("a third", "two in five"), multipliers ("halved"), Indian units
("₹1.2 crore") and changes told as "from 41 to 19 days" or "38% -> 61%"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Number words from two up; "one" is no count in "one of them" or "from one bank to another", so
# each use decides whether it reads it.
NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_SPELLED = (
    rf"one|{NUMBER_WORDS}|hundred|a hundred|a thousand|"
    r"hundreds|thousands|millions|dozens?|a dozen|a few dozen|a couple of dozen|a score of"
)
_UNIT = (
    r"%|\s?percent\b|\s?per cent\b|\s?(?:percentage )?points?\b|\s?pp\b|\s?bps\b|\s?basis points\b|x\b|"
    r"\s?(?:k|m|mn|bn|b)\b|\s?(?:thousand|million|billion|lakhs?|crores?|lac)\b"
)
_FIGURE = rf"(?:[$£€₹¥]|\b(?:rs\.?|inr|usd|eur|gbp|ngn|brl|r\$)\s?)?\d(?:[\d,.]*\d)?(?:{_UNIT})?"
_FRACTION = (
    r"\b(?:(?:a|one|two) (?:third|quarter|fifth|tenth)s?|half|halved|doubled?|tripled?|quadrupled?|twice|"
    r"three times|ten times|tenfold|threefold|twofold|cut in half|by half)\b"
)
_RATIO = rf"\b(?:\d+|{_SPELLED}) (?:in|out of) (?:\d+|{_SPELLED}|every)\b"
_QUANTITY = re.compile(rf"{_RATIO}|{_FIGURE}|{_FRACTION}|\b(?:{_SPELLED})\b", re.IGNORECASE)
# A change with both ends: "from 41 to 19 days", "38% -> 61%", "went from a week to a day".
_CHANGE = re.compile(
    rf"\bfrom\s+(?:about\s+|around\s+|roughly\s+|over\s+|under\s+)?(?:{_FIGURE}|{_SPELLED}|a|an)\b[^.;:!?]{{0,25}}?\s+to\s+"
    rf"(?:about\s+|around\s+|roughly\s+|under\s+|just\s+|only\s+|over\s+)?(?:{_FIGURE}|{_SPELLED}|a|an|same|zero|none|nearly|almost)\b"
    rf"|{_FIGURE}[^.;:!?\d]{{0,15}}?(?:→|->|=>|to)\s*{_FIGURE}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`, in order; offsets are into `text`. Cached: a review reads each
    sentence's quantities more than once."""
    return tuple(Quantity(m.start(), m.end(), m.group()) for m in _QUANTITY.finditer(text) if m.group().strip())


def changes(text: str) -> tuple[Quantity, ...]:
    """Changes told with both ends ("from 41 to 19 days", "38% -> 61%")."""
    return tuple(Quantity(m.start(), m.end(), m.group()) for m in _CHANGE.finditer(text))
