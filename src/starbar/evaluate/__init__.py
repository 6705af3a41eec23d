"""evaluate: agreement between starbar's reviews and labelled stories."""

from .report import evaluate
from .gold import load_gold

__all__ = ["evaluate", "load_gold"]
