"""What the bank returns: frozen records with `to_dict()` for JSON, independent of the tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from .claims import Claim

PASSING_VERDICTS = ("hire", "strong_hire")


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones in its time zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso(moment: datetime) -> str:
    """A moment as ISO 8601 in UTC with a `Z`, as every export and JSON output writes it."""
    return as_utc(moment).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Version:
    """One stored version of a story: its text and the review that judged it, as it was then."""

    story_id: int
    number: int
    text: str
    review: dict  # Review.to_dict(): the JSON contract
    rubric_version: str
    level: str
    verdict: str
    source: str  # add, update, rereview or import
    created_at: datetime

    @property
    def levels(self) -> dict[str, int]:
        """Dimension id -> level 0-4, in the rubric's order."""
        return {dim: score["level"] for dim, score in self.review.get("dimensions", {}).items()}

    @property
    def flags(self) -> tuple[str, ...]:
        """Ids of the flags the review raised."""
        return tuple(f["id"] for f in self.review.get("flags", []))

    @property
    def archetype(self) -> str:
        """The archetype the review found (off_topic, feature_factory, advocacy, obsession)."""
        return self.review.get("archetype", "")

    @property
    def signals(self) -> frozenset[str]:
        """Ids of the signals quoted as evidence anywhere in the review."""
        quotes = [q for d in self.review.get("dimensions", {}).values() for q in d.get("evidence", [])]
        return frozenset(q["signal"] for q in quotes)

    @property
    def passes(self) -> bool:
        """The review's verdict clears the bar at the level it was judged for."""
        return self.verdict in PASSING_VERDICTS

    def to_dict(self, *, review: bool = True) -> dict:
        """The version as JSON (`bank show --format json`); with `review`, the stored review too."""
        data = {
            "story_id": self.story_id,
            "number": self.number,
            "created_at": iso(self.created_at),
            "source": self.source,
            "level": self.level,
            "rubric_version": self.rubric_version,
            "verdict": self.verdict,
            "archetype": self.archetype,
            "levels": self.levels,
            "flags": list(self.flags),
            "text": self.text,
        }
        if review:
            data["review"] = self.review
        return data


@dataclass(frozen=True)
class Story:
    """A story in the bank with its latest version."""

    id: int
    title: str
    lp: str
    level: str  # the target level new versions are judged at
    tags: tuple[str, ...]
    versions: int
    created_at: datetime
    updated_at: datetime
    latest: Version
    owner: str | None = None  # the account the story belongs to (team mode); None for the CLI's and the local app's
    uid: str = ""  # the story's identity across export and import
    principles: tuple[Claim, ...] = ()  # the principles it is told for, primary first
    principles_source: str | None = None  # "fit", "user", or None: not read by fit yet (before 0006)

    @property
    def told_for(self) -> str:
        """The principle the candidate tells the story for: their own chosen primary (a practice
        answer to a principle without a rubric is saved so), else the one whose rubric judges it."""
        if self.principles_source == "user" and self.principles and self.principles[0].role == "primary":
            return self.principles[0].principle
        return self.lp

    def to_dict(self, *, review: bool = False) -> dict:
        """The story as JSON (`bank list --format json`), its latest version included."""
        return {
            "id": self.id,
            "title": self.title,
            "lp": self.lp,
            "told_for": self.told_for,
            "level": self.level,
            "tags": list(self.tags),
            "versions": self.versions,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
            "owner": self.owner,
            "uid": self.uid,
            "principles": [c.to_dict() for c in self.principles],
            "principles_source": self.principles_source,
            "latest": self.latest.to_dict(review=review),
        }
