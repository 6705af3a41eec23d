"""Structural detectors: rules that need code, not just a pattern (ratios, numbers, sequences).

Importing this package registers them; each module holds the detectors of one concern.
"""

from . import cause, context, fintech, friction, impact, insight, ownership, problem, story, style  # noqa: F401
