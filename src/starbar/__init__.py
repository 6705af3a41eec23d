"""starbar: judge a Customer Obsession STAR story like a hiring committee, with evidence."""

from __future__ import annotations

from importlib.metadata import version as _installed_version

# One source for the version: pyproject.toml, as installed.
__version__ = _installed_version("starbar")
__all__ = ["Fit", "Review", "__version__", "fit", "review"]


def __getattr__(name: str):
    # Lazy, so `import starbar` stays cheap for the CLI's start-up.
    if name == "review":
        from .api import review

        return review
    if name == "fit":
        from .api import fit

        return fit
    if name == "Fit":
        from .principles import Fit

        return Fit
    if name == "Review":
        from .judge.result import Review

        return Review
    raise AttributeError(name)
