"""Helpers of the Optimization Methods notebooks; ``optkit.check(name, fn)`` is the public check."""

import importlib

from .budget import budget
from .public_checks import check
from .runner import CheckFailure

__all__ = ["check", "CheckFailure", "budget"]


def __getattr__(name):
    """Import a submodule on first use (``optkit.plots``), so ``import optkit`` stays light."""
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
