"""fit: which of the sixteen Leadership Principles a story shows, with the quotes behind each."""

from .loader import load_principles
from .rank import fit
from .result import Fit, PrincipleFit, Quote
from .schema import DEEP

__all__ = ["DEEP", "Fit", "PrincipleFit", "Quote", "fit", "load_principles"]
