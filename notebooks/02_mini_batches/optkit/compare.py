"""Compare what a function returned with what was expected, and say precisely what differs.

The order follows pytest-regressions: type, then length or keys, then shape, then dtype, then
values (how many entries differ, the largest absolute and relative errors, the first differing
indices). Every difference is a :class:`Problem`. Its ``reveal`` lines show expected against got;
public checks print them and hidden checks leave them out -- one comparison, two views.
"""

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

import numpy as np

MAX_INDICES = 4  # differing entries listed in a message
_FLOAT32_EPS = float(np.finfo(np.float32).eps)


@dataclass(frozen=True)
class Tolerance:
    rtol: float = 1e-5
    atol: float = 1e-8
    exact: bool = False


EXACT = Tolerance(0.0, 0.0, exact=True)


@dataclass(frozen=True)
class Naming:
    """Names for the items of a returned list, e.g. ``mini-batch 3, Y_batch``."""

    item: str = ""  # label of each list item
    entries: tuple[str, ...] = ()  # names of the entries of each item (a tuple)


@dataclass(frozen=True)
class Problem:
    """One difference, at ``path`` (e.g. ``returned v["dW2"]``)."""

    path: str
    what: str
    details: tuple[str, ...] = ()  # safe to show anyone
    reveal: tuple[str, ...] = ()  # expected values: public checks only

    def lines(self, reveal: bool) -> list[str]:
        extra = self.details + (self.reveal if reveal else ())
        return [f"{self.path}: {self.what}"] + [f"    {line}" for line in extra]


def compare(expected, got, path: str, tol: Tolerance, naming: Naming = Naming()) -> list[Problem]:
    """Every difference between ``got`` and ``expected``; an empty list when they agree."""
    if isinstance(expected, Mapping):
        return _compare_mapping(expected, got, path, tol, naming)
    if isinstance(expected, (tuple, list)):
        return _compare_sequence(expected, got, path, tol, naming)
    if isinstance(expected, np.ndarray):
        return _compare_array(expected, got, path, tol)
    if isinstance(expected, (bool, np.bool_)):
        return _compare_truth(expected, got, path)
    if _is_number(expected):
        return _compare_number(expected, got, path, tol)
    if got is expected or (type(got) is type(expected) and got == expected):
        return []
    return [
        Problem(
            path, f"got {describe(got)}, not the expected value", reveal=(f"expected {expected!r}",)
        )
    ]


def compare_returned(
    names, expected, got, tol: Tolerance, naming: Naming = Naming(), *, sharing: bool = True
):
    """Compare a function's return value, naming its items after the contract (``names``);
    with ``sharing``, also report returned items that are one object where they must not be."""
    if got is None and expected is not None:
        return [
            Problem(
                "returned value",
                "your function returned None; did you forget the return statement?",
            )
        ]
    if len(names) == 1:
        return compare(expected, got, f"returned {names[0]}", tol, naming)
    if not (isinstance(expected, tuple) and len(expected) == len(names)):
        return compare(expected, got, "returned value", tol, naming)  # a mistake's output
    arity = _arity_problem(names, got)
    if arity:
        return [arity]
    values = [
        problem
        for name, e, g in zip(names, expected, got)
        for problem in compare(e, g, f"returned {name}", tol, naming)
    ]
    return values + (_shared_items(names, expected, got) if sharing else [])


def _shared_items(names, expected, got) -> list[Problem]:
    """Returned items that are one object (``v is s``) where the expected ones are not: equal
    values today, but updating one would silently update the other."""
    problems = []
    for i, j in combinations(range(len(names)), 2):
        if _shares(got[i], got[j]) and not _shares(expected[i], expected[j]):
            problems.append(
                Problem(
                    f"returned {names[i]} and {names[j]}",
                    "are the same object (or share arrays): updating one would change the other; "
                    "build each one separately",
                )
            )
    return problems


def _shares(a, b) -> bool:
    if a is b:
        return isinstance(a, (Mapping, np.ndarray, list))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        arrays = {id(value) for value in a.values() if isinstance(value, np.ndarray)}
        return any(id(value) in arrays for value in b.values() if isinstance(value, np.ndarray))
    return False


def describe(value) -> str:
    """A short description of a value's type and structure, for messages."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, Mapping):
        return f"a dict with keys {_keys(list(value))}" if value else "an empty dict"
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} items"
    shown = _is_number(value) or isinstance(value, (str, bool, np.bool_))
    return f"{type(value).__name__} {value!r}" if shown else type(value).__name__


def _arity_problem(names, got):
    wanted = f"a tuple ({', '.join(names)})"
    if isinstance(got, (tuple, list)):
        if len(got) == len(names):
            return None
        return Problem(
            "returned value", f"expected {wanted} of {len(names)} items; got {describe(got)}"
        )
    hint = f"; did you forget to return {', '.join(names[1:])}?" if isinstance(got, Mapping) else ""
    kind = "a dict" if isinstance(got, Mapping) else describe(got)
    return Problem("returned value", f"expected {wanted}; got {kind}{hint}")


def _compare_mapping(expected, got, path, tol, naming):
    if not isinstance(got, Mapping):
        return [Problem(path, f"expected a dict; got {describe(got)}")]
    problems = []
    missing = [key for key in expected if key not in got]
    extra = [key for key in got if key not in expected]
    if missing or extra:
        parts = [f"missing keys {_keys(missing)}"] * bool(missing)
        parts += [f"unexpected keys {_keys(extra)}"] * bool(extra)
        problems.append(Problem(path, "; ".join(parts) + f" (expected keys {_keys(expected)})"))
    for key in expected:
        if key in got:
            problems += compare(expected[key], got[key], f'{path}["{key}"]', tol, naming)
    return problems


def _compare_sequence(expected, got, path, tol, naming):
    # A list and a tuple unpack the same way, so either is accepted for the other.
    if not isinstance(got, (tuple, list)):
        return [Problem(path, f"expected {describe(expected)}; got {describe(got)}")]
    if len(got) != len(expected):
        return [Problem(path, f"expected {len(expected)} items; got {len(got)}")]
    problems = []
    for index, (e, g) in enumerate(zip(expected, got)):
        problems += compare(e, g, _item_path(expected, path, index, naming), tol, naming)
    return problems


def _item_path(container, path, index, naming):
    if isinstance(container, list) and naming.item:
        return f"{naming.item} {index}"
    if isinstance(container, tuple) and len(naming.entries) == len(container):
        return f"{path}, {naming.entries[index]}"
    return f"{path}[{index}]"


def _compare_array(expected, got, path, tol):
    if not isinstance(got, np.ndarray):
        return [
            Problem(path, f"expected a numpy array of shape {expected.shape}; got {describe(got)}")
        ]
    if got.shape != expected.shape:
        return [Problem(path, f"expected shape {expected.shape}; got shape {got.shape}")]
    wrong_dtype = _dtype_problem(expected.dtype, got.dtype)
    if wrong_dtype:
        return [Problem(path, wrong_dtype)]
    return _compare_values(expected, got, path, tol)


def _dtype_problem(expected, got):
    """Any float precision is fine for float data; otherwise the kind of number must agree."""
    if expected.kind == "f":
        if got.kind == "f":
            return None
        return f"expected a floating-point dtype (e.g. float64); got dtype {got}" + (
            " -- integer arrays cannot hold fractional values" if got.kind in "iu" else ""
        )
    if _kind(got) == _kind(expected):
        return None
    return f"expected dtype {expected}; got dtype {got}"


def _kind(dtype):
    return "integer" if dtype.kind in "iu" else dtype.kind


def _compare_values(expected, got, path, tol):
    differ = _differing(expected, got, tol)
    count = int(differ.sum())
    if count == 0:
        return []
    rtol, atol = _effective_tolerance(expected, got, tol)
    exact = tol.exact or expected.dtype.kind not in "fc"
    rule = "values must be identical" if exact else f"rtol={rtol:.3g}, atol={atol:.3g}"
    indices = [tuple(int(i) for i in index) for index in np.argwhere(differ)[:MAX_INDICES]]
    details = _error_lines(expected, got, differ) + (
        "first differing indices: " + ", ".join(map(_index, indices)),
    )
    reveal = tuple(
        f"at {_index(i)}: expected {_number(expected[i])}, got {_number(got[i])}" for i in indices
    )
    what = f"{count} of {expected.size} entries differ ({rule})"
    return [Problem(path, what, details, reveal)]


def _differing(expected, got, tol):
    """Boolean mask of the entries that disagree (NaN agrees only with NaN)."""
    if tol.exact or expected.dtype.kind not in "fc":
        same = expected == got
        if expected.dtype.kind == "f" and got.dtype.kind == "f":
            same |= np.isnan(expected) & np.isnan(got)
        return ~np.asarray(same, dtype=bool)
    rtol, atol = _effective_tolerance(expected, got, tol)
    return ~np.isclose(
        got.astype(np.float64), expected.astype(np.float64), rtol=rtol, atol=atol, equal_nan=True
    )


def _effective_tolerance(expected, got, tol):
    """The contract's tolerance, never tighter than what the arrays' precision can hold.

    float32 results (from float32 inputs, or float64 inputs rounded) carry ~1e-7 relative
    rounding; the slack is capped at float32's so that float16 gets no free pass.
    """
    precisions = [float(np.finfo(d).eps) for d in (expected.dtype, got.dtype) if d.kind == "f"]
    eps = min(max(precisions, default=0.0), _FLOAT32_EPS)
    finite = np.abs(expected[np.isfinite(expected)]) if expected.dtype.kind == "f" else []
    scale = max(1.0, float(np.max(finite))) if len(finite) else 1.0
    return max(tol.rtol, 64 * eps), max(tol.atol, 64 * eps * scale)


def _error_lines(expected, got, differ):
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        error = np.abs(got.astype(np.float64) - expected.astype(np.float64))
        error = np.where(np.isnan(error) & differ, np.inf, np.where(differ, error, 0.0))
        relative = np.where(differ, error / np.abs(expected.astype(np.float64)), 0.0)
    relative = np.where(np.isnan(relative), np.inf, relative)
    worst_abs = np.unravel_index(np.argmax(error), error.shape)
    worst_rel = np.unravel_index(np.argmax(relative), relative.shape)
    return (
        f"largest absolute error: {_number(error[worst_abs])} at {_index(worst_abs)}",
        f"largest relative error: {_number(relative[worst_rel])} at {_index(worst_rel)}",
    )


def _compare_truth(expected, got, path):
    """True/False: a Python bool and a numpy bool (what comparisons of arrays give) are alike."""
    if not isinstance(got, (bool, np.bool_)):
        return [Problem(path, f"expected True or False (a bool); got {describe(got)}")]
    if bool(got) == bool(expected):
        return []
    return [
        Problem(
            path, "the truth value differs", reveal=(f"expected {bool(expected)}, got {bool(got)}",)
        )
    ]


def _compare_number(expected, got, path, tol):
    if not _is_number(got):
        return [Problem(path, f"expected a number (float); got {describe(got)}")]
    e, g = float(expected), float(got)
    if tol.exact:
        same = e == g or (math.isnan(e) and math.isnan(g))
    else:
        same = math.isclose(g, e, rel_tol=tol.rtol, abs_tol=tol.atol) or (
            math.isnan(e) and math.isnan(g)
        )
    if same:
        return []
    error = abs(g - e)
    relative = error / abs(e) if e else math.inf
    return [
        Problem(
            path,
            "the value differs",
            (f"absolute error {_number(error)}, relative error {_number(relative)}",),
            (f"expected {_number(e)}, got {_number(g)}",),
        )
    ]


def _is_number(value) -> bool:
    """A real number: Python or numpy scalar, or a 0-d float array; never a bool."""
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and value.dtype.kind in "iuf"
    return isinstance(value, numbers.Real)


def _keys(keys) -> str:
    return ", ".join(f'"{key}"' for key in keys)


def _index(index) -> str:
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def _number(x) -> str:
    return f"{float(x):.6g}"
