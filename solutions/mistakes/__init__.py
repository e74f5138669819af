"""The mistake catalog: realistic wrong implementations of the graded functions, with hints.

One module per assignment (``momentum.py``, ...) defines each mistake as a self-contained
function with the contract's signature -- the sample class pastes its source into a notebook, so
it may use only ``np`` -- and lists them in ``MISTAKES``. Where a mistake is a small edit of a
right answer it is written as that slip (``_slips``: the answer once, then ``(old, new)`` edits
beside each mistake's key and title), compiled with its whole source kept. Adding a module is
all it takes: the casebook stores each mistake's outputs on the public cases, and the hidden
checks run it.
"""
import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable


@dataclass(frozen=True)
class Mistake:
    """One catalogued mistake of graded function ``function``.

    ``title`` is one phrase without a final period; ``hint`` teaches what to fix in words, not
    code. The check prints ``Likely mistake [function:key]: title. hint``. A mistake whose
    signature differs from the contract's (two arguments swapped, another default) is named by
    the signature check. ``match`` names a looser way of behaving like it than the same output
    on every case (``optkit.runner.MATCHES``), e.g. ``"up_to_tie_order"``.
    """

    key: str
    function: str
    title: str
    hint: str
    implementation: Callable
    match: str = ""


def catalog(name: str) -> list[Mistake]:
    """The catalogued mistakes of graded function ``name``, in definition order ([] if none)."""
    return list(_registry().get(name, ()))


def functions_with_mistakes() -> list[str]:
    return sorted(_registry())


@lru_cache(maxsize=None)
def _registry() -> dict[str, tuple[Mistake, ...]]:
    """Import every assignment module of this package and group their MISTAKES by function
    (a module named with a leading underscore, like ``_slips``, is a helper, not an assignment)."""
    found: dict[str, list[Mistake]] = {}
    for module in sorted(info.name for info in pkgutil.iter_modules(__path__)
                         if not info.name.startswith("_")):
        for mistake in importlib.import_module(f"{__name__}.{module}").MISTAKES:
            keys = [m.key for m in found.get(mistake.function, [])]
            if mistake.key in keys:
                raise ValueError(f"duplicate mistake key {mistake.function}:{mistake.key}")
            found.setdefault(mistake.function, []).append(mistake)
    return {function: tuple(mistakes) for function, mistakes in found.items()}
