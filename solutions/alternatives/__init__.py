"""Correct implementations written differently from the reference, one module per assignment.

Each module lists its variants in ``CORRECT = {function name: [implementations]}``. The tests
prove every variant gets full marks, and the demo's `correct-different` student submits the
first variant of each function (so it must be self-contained, using only ``np``).
"""
import importlib
import pkgutil
from functools import lru_cache


@lru_cache(maxsize=None)
def _registry() -> dict[str, tuple]:
    found: dict[str, list] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        for name, variants in importlib.import_module(f"{__name__}.{info.name}").CORRECT.items():
            found.setdefault(name, []).extend(variants)
    return {name: tuple(variants) for name, variants in found.items()}


def correct_variants(name: str) -> list:
    """Every catalogued correct variant of graded function ``name``."""
    return list(_registry().get(name, ()))


def implementation(name: str):
    """The variant the demo's correct-different submission uses."""
    variants = correct_variants(name)
    if not variants:
        raise LookupError(f"no correct variant of {name!r} in solutions/alternatives/")
    return variants[0]


def functions_with_variants() -> list[str]:
    return sorted(_registry())
