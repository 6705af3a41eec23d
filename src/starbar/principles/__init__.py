"""principles: which of the sixteen Leadership Principles a story shows (`starbar fit`), with
the quotes behind each; the principles' signals are data in `data/`."""

from __future__ import annotations

from .loader import load_principles
from .rank import fit
from .result import Fit, PrincipleFit, Quote
from .schema import DEEP

__all__ = ["DEEP", "Fit", "PrincipleFit", "Quote", "fit", "load_principles"]
