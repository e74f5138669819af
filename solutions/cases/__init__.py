"""Test cases of the graded functions: a few fixed public cases and many random hidden ones.

* ``public_cases(name)``: small, seeded and readable (values rounded to two decimals). The
  casebook stores them with the reference outputs in each release folder's optkit, so
  students see them.
* ``hidden_cases(name, rng)``: drawn from ``rng`` when work is graded -- several layer counts,
  shapes, hyper-parameters, float32 inputs and edge values -- so no answer can be hard-coded.

A case is a label (what it tests, shown in messages) and the keyword arguments of one call.
The cases of a function of assignment ``NN_topic`` live in ``<topic>.py`` here (the naming rule
of ``solutions``), whose generators carry the ``@public(name)`` and ``@hidden(name)``
decorators; that module is imported when the function's cases are first asked for.
Shared building blocks (random layers, gradients shaped like parameters, labels) live below.

Every behaviour a hidden case tests has a public case too, so that a student never loses points
the public check could have shown: ``features(name, case)`` says what a case exercises -- its
*kind* (the defaults it leaves out, and what the function's module says with ``@kind(name)``:
an optimizer with or without a schedule, a first step, ties...) and its *traits* (float32
values, numpy scalars) -- and a test proves that every hidden case's kind is the kind of a public
case and its traits appear among the public cases.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from solutions import home, module_of

_PUBLIC: dict[str, Callable[[], list]] = {}
_HIDDEN: dict[str, Callable[[np.random.Generator], list]] = {}
_KIND: dict[str, Callable[[dict], tuple]] = {}


@dataclass(frozen=True)
class Case:
    """A label, the arguments, and how the check calls the function with them: ``"positional"``
    (every argument given, in order, by position) or ``"mixed"`` (defaulted ones by name)."""

    label: str
    kwargs: dict
    style: str | None = None  # None: every other case is "mixed" (see _call_styles)


def public(name: str):
    """Register the public case generator of graded function ``name``."""

    def register(generator):
        _PUBLIC[name] = generator
        return generator

    return register


def hidden(name: str):
    """Register the hidden case generator of graded function ``name`` (it receives an rng)."""

    def register(generator):
        _HIDDEN[name] = generator
        return generator

    return register


def kind(name: str):
    """Register what makes a case of ``name`` a kind of its own (it receives the kwargs and
    returns a tuple of labels, e.g. ``("adam", "with a schedule")``)."""

    def register(describe):
        _KIND[name] = describe
        return describe

    return register


@dataclass(frozen=True)
class Features:
    kind: tuple  # must be the kind of some public case
    traits: frozenset  # each must appear in some public case


def features(name: str, case: Case) -> Features:
    """What ``case`` of graded function ``name`` exercises (see the module docstring)."""
    from optkit.contracts import get_contract

    _import_home(name)
    left_out = tuple(
        f"default {arg}" for arg in get_contract(name).defaults if arg not in case.kwargs
    )
    own = _KIND[name](case.kwargs) if name in _KIND else ()
    return Features(tuple(own) + left_out, frozenset(_traits(case.kwargs.values())))


def _traits(values) -> set:
    found = set()
    for value in values:
        if isinstance(value, dict):
            found |= _traits(value.values())
        elif isinstance(value, (list, tuple)):
            found |= _traits(value)
        elif isinstance(value, (np.ndarray, np.generic)) and value.dtype == np.float32:
            found.add("float32")
        if isinstance(value, np.generic):
            found.add("numpy scalar")
    return found


def public_cases(name: str) -> list[Case]:
    return _call_styles(name, _generator(_PUBLIC, name, "public")())


def hidden_cases(name: str, rng: np.random.Generator) -> list[Case]:
    return _call_styles(name, _generator(_HIDDEN, name, "hidden")(rng))


def _call_styles(name, cases) -> list[Case]:
    """Every other case of a function of three or more arguments is called the other way the
    notebooks call: the first two arguments by position, the others by name."""
    from optkit.contracts import get_contract

    if len(get_contract(name).args) < 3:
        return [Case(case.label, case.kwargs, case.style or "positional") for case in cases]
    return [
        Case(case.label, case.kwargs, case.style or ("mixed" if number % 2 else "positional"))
        for number, case in enumerate(cases)
    ]


def _generator(registry, name, kind):
    _import_home(name)
    if name not in registry:
        raise LookupError(
            f"no {kind} cases for {name!r}: add a @{kind}({name!r}) generator "
            f"to {module_of(name, 'cases').replace('.', '/')}.py"
        )
    return registry[name]


def functions_with_cases() -> list[str]:
    """Graded functions that have public cases, in a stable order."""
    from optkit.contracts import CONTRACTS

    for name in CONTRACTS:
        _import_home(name)
    return sorted(name for name in _PUBLIC if name in CONTRACTS)


def _import_home(name: str) -> None:
    """Import the cases module of graded function ``name``: its decorators register it."""
    home(name, "cases")


# ------------------------------------------------------------------ building blocks


def layer_parameters(rng, dims, dtype=np.float64, decimals=None) -> dict:
    """``"W1", "b1", ...`` for layer sizes ``dims`` (n_0, n_1, ..., n_L), normal entries."""
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(size=(dims[l], 1))
    return {key: _finish(value, dtype, decimals) for key, value in parameters.items()}


def shaped_like(rng, parameters, scale=1.0, decimals=None) -> dict:
    """``"dW1", "db1", ...``: random arrays shaped (and typed) like the parameters."""
    return {
        "d" + key: _finish(scale * rng.normal(size=value.shape), value.dtype, decimals)
        for key, value in parameters.items()
    }


def zeros_like(parameters) -> dict:
    return {"d" + key: np.zeros_like(value) for key, value in parameters.items()}


def describe_layers(parameters) -> str:
    """E.g. ``2 layers: W1 (3, 2), W2 (1, 3), float32``."""
    weights = [key for key in parameters if key.startswith("W")]
    shapes = ", ".join(f"{key} {parameters[key].shape}" for key in weights)
    plural = "s" if len(weights) != 1 else ""
    return f"{len(weights)} layer{plural}: {shapes}, {parameters[weights[0]].dtype}"


def random_dims(rng, n_layers) -> list[int]:
    return [int(n) for n in rng.integers(1, 7, size=n_layers + 1)]


def random_dtype(rng):
    """float32 about a third of the time: correct work must pass in either precision."""
    return np.float32 if rng.random() < 0.35 else np.float64


def _finish(values, dtype, decimals):
    return (values if decimals is None else np.round(values, decimals)).astype(dtype)
