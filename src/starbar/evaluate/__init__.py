"""evaluate: agreement between starbar's reviews and labelled stories."""

from .gold import load_gold
from .report import evaluate

__all__ = ["evaluate", "load_gold"]
