"""rubric: the bar as data (dimensions, anchors, signals, flags, verdict rules), validated on load."""

from .loader import DEFAULT_RUBRIC, all_signals, available, earning_signals, expand, for_lp, load_rubric
from .schema import Condition, Dimension, Flag, Rubric, Signal

__all__ = [
    "DEFAULT_RUBRIC",
    "Condition",
    "Dimension",
    "Flag",
    "Rubric",
    "Signal",
    "all_signals",
    "available",
    "earning_signals",
    "expand",
    "for_lp",
    "load_rubric",
]
