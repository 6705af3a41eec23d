"""fit: which of the sixteen Leadership Principles a story shows, with the quotes behind each."""

from __future__ import annotations

import sys
import types

from .loader import load_principles
from .rank import fit
from .result import Fit, PrincipleFit, Quote
from .schema import DEEP

__all__ = ["DEEP", "Fit", "PrincipleFit", "Quote", "fit", "load_principles"]


class _CallablePackage(types.ModuleType):
    """Importing this package binds ``starbar.fit`` to it, where the API promises the function
    ``starbar.fit(text)``; calling the package runs that function, so both names hold."""

    def __call__(self, text: str) -> Fit:
        return fit(text)


sys.modules[__name__].__class__ = _CallablePackage
