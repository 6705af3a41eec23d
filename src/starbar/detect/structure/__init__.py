"""Structural detectors: rules that need code, not just a pattern (ratios, numbers, sequences).

Importing this package registers them; each module holds the detectors of one concern.
"""

from . import ownership, story, style  # noqa: F401
