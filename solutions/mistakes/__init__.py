"""The mistake catalog: realistic wrong implementations of the graded functions, with hints.

The mistakes of a function of assignment ``NN_topic`` live in ``<topic>.py`` here (the naming
rule of ``solutions``): each is a plain, self-contained function with the contract's signature
-- the sample class pastes its source into a notebook, so it may use only ``np`` -- listed in
the module's ``MISTAKES``. Where a mistake is a small edit of a right answer it is written as
that slip (``_slips``: the answer once, then ``(old, new)`` edits beside each mistake's key and
title), compiled with its whole source kept. The casebook stores each mistake's outputs on the
public cases, and the hidden checks run it.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from solutions import home


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
    return list(_catalogs(name))


def functions_with_mistakes() -> list[str]:
    from optkit.contracts import CONTRACTS

    return sorted(name for name in CONTRACTS if _catalogs(name))


@lru_cache(maxsize=None)
def _catalogs(name: str) -> tuple[Mistake, ...]:
    """The MISTAKES of ``name``'s module that are mistakes of ``name``; keys must be unique."""
    module = home(name, "mistakes")
    mistakes = tuple(m for m in getattr(module, "MISTAKES", ()) if m.function == name)
    keys = [m.key for m in mistakes]
    for key in keys:
        if keys.count(key) > 1:
            raise ValueError(f"duplicate mistake key {name}:{key}")
    return mistakes
