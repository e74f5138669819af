"""Hold a graded function to its contract's signature: argument names, their order, defaults.

The notebooks call graded functions by position (``update_parameters_with_rmsprop(p, g, s, 0.9,
lr)``) and leave defaulted arguments out, so a function that takes two arguments in another
order, or has another default, goes wrong there even if it is right when called by name. The
checks therefore compare the signature first, and then call the function the same way
(:func:`call`).

A signature is described as plain data, a list of :class:`Param`, so that the grading sandbox
can hand it to the trusted side, which decides with the same code as the student's own check.
"""

import inspect
import numbers
from dataclasses import dataclass

PASSED_BY_POSITION = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")  # parameter kinds


@dataclass(frozen=True)
class Param:
    """One parameter: its name, its kind (``inspect.Parameter.kind.name``) and its default."""

    name: str
    kind: str = "POSITIONAL_OR_KEYWORD"
    has_default: bool = False
    default: object = None

    def __str__(self) -> str:
        return f"{self.name}={self.default!r}" if self.has_default else self.name


def params_of(fn) -> list[Param] | None:
    """The parameters of ``fn``, or None when Python cannot tell (some builtins)."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    return [
        Param(
            p.name,
            p.kind.name,
            p.default is not p.empty,
            None if p.default is p.empty else p.default,
        )
        for p in signature.parameters.values()
    ]


def contract_params(contract) -> list[Param]:
    """The signature the contract asks for: its arguments, then the lists it fills."""
    listed = [
        Param(arg, "POSITIONAL_OR_KEYWORD", arg in contract.defaults, contract.defaults.get(arg))
        for arg in contract.args
    ]
    return listed + [Param(fill, "KEYWORD_ONLY", True, None) for fill in contract.fills]


def render(params: list[Param]) -> str:
    """``(parameters, grads, s, beta=0.9, ..., *, costs=None)``, as Python shows a signature."""
    parts, starred = [], False
    for param in params:
        if param.kind == "VAR_POSITIONAL":
            parts.append(f"*{param.name}")
            starred = True
        elif param.kind == "VAR_KEYWORD":
            parts.append(f"**{param.name}")
        else:
            if param.kind == "KEYWORD_ONLY" and not starred:
                parts.append("*")
                starred = True
            parts.append(str(param))
    return "(" + ", ".join(parts) + ")"


def problem(contract, params: list[Param]) -> str | None:
    """What is wrong with ``params`` for ``contract`` (one sentence), or None when it fits."""
    positional = [p for p in params if p.kind in PASSED_BY_POSITION]
    for number, arg in enumerate(contract.args):
        found = positional[number] if number < len(positional) else None
        if found is None or found.name != arg:
            return _misplaced(arg, number, found, positional)
        if found.kind != "POSITIONAL_OR_KEYWORD":
            return f"{arg} must be an ordinary argument (no / in the signature)"
        if arg in contract.defaults and not (
            found.has_default and same_value(found.default, contract.defaults[arg])
        ):
            wanted = contract.defaults[arg]
            if not found.has_default:
                return (
                    f"{arg} has no default; it must default to {wanted!r} "
                    "(the notebook leaves it out of some calls)"
                )
            return f"the default of {arg} is {found.default!r}; it must be {wanted!r}"
    for extra in positional[len(contract.args) :] + [
        p for p in params if p.kind == "KEYWORD_ONLY" and p.name not in contract.fills
    ]:
        if not extra.has_default:
            return f"it takes an extra argument {extra.name} that the notebook never passes"
    return _fills_problem(contract, params)


def _misplaced(arg, number, found, positional) -> str:
    names = [p.name for p in positional]
    if arg in names:
        return f"{arg} is argument {names.index(arg) + 1}; it must be argument {number + 1}"
    if found is None:
        return f"it has no argument {arg} (argument {number + 1})"
    return f"argument {number + 1} is called {found.name}; it must be {arg}"


def _fills_problem(contract, params) -> str | None:
    by_name = {p.name: p for p in params}
    takes_any = any(p.kind == "VAR_KEYWORD" for p in params)
    for fill in contract.fills:
        param = by_name.get(fill)
        if param is None and takes_any:
            continue
        if param is None or param.kind not in ("KEYWORD_ONLY", "POSITIONAL_OR_KEYWORD"):
            return f"it has no keyword argument {fill}=None (the notebook passes a list there)"
        if not (param.has_default and param.default is None):
            return f"the default of {fill} must be None"
    return None


def same_value(a, b) -> bool:
    """Equal defaults: numbers by value (1 and 1.0 agree), anything else exactly."""
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return a is b
    if isinstance(a, numbers.Real) and isinstance(b, numbers.Real):
        return float(a) == float(b)
    return type(a) is type(b) and a == b


def same_signature(a: list[Param], b: list[Param], count: int) -> bool:
    """The first ``count`` positional parameters of ``a`` and ``b`` agree (names, defaults)."""
    first = [[p for p in params if p.kind in PASSED_BY_POSITION][:count] for params in (a, b)]
    return len(first[0]) == len(first[1]) and all(
        x.name == y.name
        and x.has_default == y.has_default
        and (not x.has_default or same_value(x.default, y.default))
        for x, y in zip(*first)
    )


def message(contract, params: list[Param], what: str) -> str:
    """The failure message of a signature that does not fit: what is wrong, both signatures."""
    return (
        f"✗ {contract.name} must take its arguments in this order, with these defaults:\n"
        f"    {render(contract_params(contract))}\n"
        f"yours takes\n"
        f"    {render(params)}\n"
        f"What differs: {what}. The notebook calls {contract.name} with its "
        "arguments in this order, by position, and leaves defaulted ones out: keep the "
        "names, the order and the defaults given in the exercise."
    )


POSITIONAL = "positional"  # every argument given, in order, by position
MIXED = "mixed"  # the first two by position, the others by name
STYLES = (POSITIONAL, MIXED)
MIXED_BY_POSITION = 2  # update_lr(0.1, epoch, decay_rate=1.0), clip_gradients(grads, 1.0)


def call(contract, fn, arguments: dict, style: str = POSITIONAL):
    """Call ``fn`` as the notebooks do. ``style`` POSITIONAL: the contract's arguments by
    position, as far as ``arguments`` gives them in order; MIXED: only the first two of them
    (``update_lr(0.1, epoch, decay_rate=1.0)``). Whatever else is given (a later hyper-parameter
    after a left-out default, a list to fill) goes by name."""
    positional = []
    for arg in contract.args:
        if arg not in arguments or (style == MIXED and len(positional) == MIXED_BY_POSITION):
            break
        positional.append(arguments[arg])
    named = {
        key: value
        for key, value in arguments.items()
        if key not in contract.args[: len(positional)]
    }
    return fn(*positional, **named)


def to_plain(params: list[Param] | None, encode) -> list | None:
    """``params`` as plain data, defaults encoded with ``encode`` (the sandbox's encoder)."""
    if params is None:
        return None
    return [[p.name, p.kind] + ([encode(p.default)] if p.has_default else []) for p in params]


def from_plain(data, decode) -> list[Param] | None:
    """The inverse of :func:`to_plain`; ValueError for anything else."""
    if data is None:
        return None
    if not isinstance(data, list):
        raise ValueError("a signature is a list")
    params = []
    for entry in data:
        if not (
            isinstance(entry, list)
            and len(entry) in (2, 3)
            and all(isinstance(item, str) for item in entry[:2])
        ):
            raise ValueError("a parameter is [name, kind] or [name, kind, default]")
        params.append(
            Param(
                entry[0][:100],
                entry[1][:30],
                len(entry) == 3,
                decode(entry[2]) if len(entry) == 3 else None,
            )
        )
    return params
