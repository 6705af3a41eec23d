"""debrief: a recorded mock interview's transcript in, every answer reviewed and its delivery measured out.

formats -> transcript (timed, attributed segments, checked)
        -> split (the candidate; questions, answers, follow-ups)
        -> timing (delivery from the timestamps) and the engine's review of each answer
        -> report (the Debrief and its JSON contract) -> render (text, Markdown)
"""

from .formats import FORMATS, read_transcript
from .report import SCHEMA_VERSION, Debrief, debrief
from .transcript import TranscriptError

__all__ = ["FORMATS", "SCHEMA_VERSION", "Debrief", "TranscriptError", "debrief", "read_transcript"]
