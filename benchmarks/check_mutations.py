"""Mutation run for the check engine: which small slips of each reference do the checks catch?

    .venv/bin/python benchmarks/check_mutations.py [FUNCTION ...] [--survivors] [--markdown]

For every graded function it takes the reference solution, applies systematic small mutations
to its source with the ``ast`` module, one at a time --

  swap        two adjacent parameters of the signature (with their defaults), two adjacent
              arguments of a call inside the body, or the operands of - / **
  off-by-one  an argument of range(), a slice bound or an exponent, plus or minus one
  drop        one term of a sum (a + b -> a, b; a - b -> a), or an accumulation (x += y)
  default     a default value (x10, /10 for floats; +-1 for integers; not for booleans)
  in-place    x = x - y -> x -= y on the caller's arrays, x -= y -> x = x - y, a copy dropped
  constant    a number in the body (x2, /2 for floats, +-1 for integers)
  compare     a comparison flipped (< <=, > >=, == !=, < >, is / is not)
  operator    an arithmetic operator changed (+ -, * /, ** *)
  call        a one-argument call dropped (sqrt(x) -> x, np.square(x) -> x, float(x) -> x)

-- and reports, per function, how many mutants there are, how many change behaviour, how many
the public check catches, how many the hidden check catches, and how many of those are named
(a catalogued mistake's hint, or the signature check's message that says which argument or
default differs).

The signature check catches every mutant of the signature (a swap of parameters, a changed
default) before any case runs. So that the cases prove themselves too, a second table counts
those mutants again with the signature check left out (as for a function whose signature Python
cannot read): then only calls by position and cases that leave the defaults out can catch them.

A mutant *changes behaviour* when its signature differs from the contract's (the notebooks call
by position and leave defaults out) or when, on some probe, it returns or modifies something
else than the reference, up to the contract's tolerance, or raises. The probes are broader than
the checks: the public cases, the hidden cases of many grading seeds, and each of those with
every float array scaled by 1e-9, 1e-4 and 1e4 (the extreme scales where a slightly different
formula shows). A mutant that changes behaviour and passes a check is a *survivor*: a missing
case. ``--survivors`` lists them, and the mutants no probe could tell from the reference, with
the mutated line, for review (``EQUIVALENT`` below records the ones judged equivalent).

Checks are run with the engine the notebooks use (``optkit.runner``: the signature check, the
cases called as the notebooks call them, the verdict with the stored or catalogued mistakes);
the hidden cases and catalogued mistakes of each function are computed once. A figure, not a
test: the suite never runs this (the whole run takes about twenty seconds on one core).
"""

import argparse
import ast
import contextlib
import copy
import inspect
import io
import json
import signal
import sys
import textwrap
import time
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder.casebook import write_public_casebook  # noqa: E402
from autograder.hidden_checks import (  # noqa: E402
    hidden_judged_cases,
    hidden_rng,  # noqa: E402
    mistake_candidates,
    references_for_earlier_work,
    signature_candidates,
)
from optkit import public_checks  # noqa: E402
from optkit.contracts import CONTRACTS, get_contract  # noqa: E402
from optkit.runner import CheckFailure, JudgedCase, check_signature, judge, run_student, verdict  # noqa: E402
from optkit.signatures import params_of, problem  # noqa: E402
from solutions import reference  # noqa: E402
from solutions.cases import hidden_cases  # noqa: E402

PROBE_SEEDS = list(range(1, 13))
MODEL_PROBE_SEEDS = [1, 2]  # model trains networks: fewer, but the same kinds of case
SCALES = (1e-9, 1e-4, 1e4)
TIME_LIMIT = 120  # seconds per mutant (a mutant may loop for ever)

# Mutants no probe can tell from the reference, judged equivalent on reading them (function,
# mutated line -> why). The run lists any other such mutant for review.
_FLOAT = "float() dropped: a numpy float of the same value, which the checks accept as a float"
_PRINT = "only what model prints changes (print_cost), never what it returns or records"
EQUIVALENT = {
    (
        "random_mini_batches",
        "permutation = np.random.permutation(m)",
    ): "list() dropped: indexing with the permutation array or its list picks the same columns",
    (
        "random_mini_batches",
        "num_complete_minibatches = math.floor(m // mini_batch_size)",
    ): "// of two integers is already the floor",
    ("update_lr", "return learning_rate0 / (1 + decay_rate * epoch_num)"): _FLOAT,
    (
        "schedule_lr_decay",
        "return learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))",
    ): _FLOAT,
    (
        "schedule_lr_decay",
        "return float(learning_rate0 / (1 + decay_rate * math.floor(epoch_num // time_interval)))",
    ): "// of integers (epochs) is already the floor",
    ("step_decay", "return learning_rate0 * drop ** math.floor(epoch_num / epochs_drop)"): _FLOAT,
    (
        "step_decay",
        "return float(learning_rate0 * drop ** math.floor(epoch_num // epochs_drop))",
    ): "// of integers (epochs) is already the floor",
    ("exponential_decay", "return learning_rate0 * decay ** epoch_num"): _FLOAT,
    (
        "cosine_decay",
        "return learning_rate0 * 0.5 * (1 + math.cos(math.pi * epoch_num / total_epochs))",
    ): _FLOAT,
    ("warmup_linear_decay", "return learning_rate0 * (1 - progress)"): _FLOAT,
    ("warmup_linear_decay", "return learning_rate0 * (epoch_num + 1) / warmup_epochs"): _FLOAT,
    (
        "model",
        "cost_total = cost_total + compute_cost(a3, minibatch_Y)",
    ): "cost_total is a number: += and + give the same value",
    ("model", "if print_cost and i % 1000 != 0:"): _PRINT,
    ("model", "if print_cost and i % 1000 == 1:"): _PRINT,
    ("model", "if print_cost and i % 1000 == -1:"): _PRINT,
    ("model", "if print_cost and i % 1001 == 0:"): _PRINT,
    ("model", "if print_cost and i % 999 == 0:"): _PRINT,
    ("model", "if decay is None:"): _PRINT + " (the rate printed with the cost)",
    (
        "clip_gradients",
        "if norm < max_norm:",
    ): "at norm == max_norm the scale is max_norm / norm == 1.0, and g * 1.0 == g exactly",
    (
        "clip_gradients",
        "scale = max_norm / norm",
    ): "float() dropped: max_norm / norm is already a Python float",
    (
        "clip_gradients",
        "return {key: g for key, g in grads.items()}",
    ): "the arrays of grads returned without a copy: clipping may share or change grads "
    "(the contract lets it modify grads in place)",
    (
        "clip_gradients",
        "norm = math.sqrt(sum((np.sum(np.square(g)) for g in grads.values())))",
    ): "float() dropped: float32 arrays' sums then add up in float32, a relative difference "
    "near 1e-7, within float32's tolerance",
    (
        "early_stopping",
        "for epoch in range(1 - 1, len(val_losses)):",
    ): "epoch 0 compared with itself never improves (x < x - min_delta is false for "
    "min_delta >= 0)",
    (
        "early_stopping",
        "for epoch in range(0, len(val_losses)):",
    ): "epoch 0 compared with itself never improves",
    (
        "early_stopping",
        "return (stop, int(best_epoch))",
    ): "bool() dropped: a numpy bool, which the checks accept as a bool",
    (
        "early_stopping",
        "return (bool(stop), best_epoch)",
    ): "int() dropped: best_epoch is already a Python int (a range index)",
    (
        "rank_weights",
        "ties = np.sum(fitness[None, :] == fitness[:, None], axis=0) - 1",
    ): "the matrix of equalities is symmetric: rows and columns have the same sums",
    (
        "acceptance_probability",
        "if temperature >= 0:",
    ): "at T = 0, exp(-delta / 0) for delta > 0 is exp(-inf) = 0, the value the rule gives",
    (
        "acceptance_probability",
        "if temperature > -1:",
    ): "temperatures are >= 0, and at T = 0 exp(-inf) = 0 as above",
}

# Mutants of a default that no case can afford to run, caught by the signature check alone.
SIGNATURE_ONLY = {
    "model": "num_epochs: a case that left it out would train 5000 epochs (seconds per case, "
    "times every catalogued mistake); the signature check compares the default itself",
}


@dataclass
class Mutant:
    operator: str
    line: str  # the mutated source line (or signature), for review
    fn: object = None


@dataclass
class Outcome:
    changes: bool = False
    public: bool = False
    hidden: bool = False
    named: bool = False
    signature: bool = False  # the signature differs from the contract's
    public_cases: bool = False  # caught by the public cases alone (signature mutants)
    hidden_cases: bool = False
    why: str = ""


@dataclass
class Row:
    name: str
    mutants: int = 0
    changing: int = 0
    public: int = 0
    hidden: int = 0
    named: int = 0
    survivors: list = field(default_factory=list)
    silent: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)  # (mutant, outcome) of every mutant
    signature: int = 0  # signature mutants, and how many the cases alone catch
    public_cases: int = 0
    hidden_cases: int = 0


# ---------------------------------------------------------------------------- mutations


def mutants(name: str) -> list[Mutant]:
    """Every single-site mutant of the reference of ``name``, compiled."""
    function = reference(name)
    source = textwrap.dedent(inspect.getsource(function))
    tree = ast.parse(source)
    found = []
    for index, node in enumerate(ast.walk(tree)):
        for operator, edit in _edits(node):
            mutated = copy.deepcopy(tree)
            target = list(ast.walk(mutated))[index]
            try:
                if edit(target, _parents(mutated)) is False:
                    continue
                line = _changed_line(source, mutated)
            except _Skip:
                continue
            if line is None:
                continue
            found.append(Mutant(operator, line, _compile(name, mutated, function)))
    return found


class _Skip(Exception):
    pass


def _parents(tree) -> dict:
    parents = {}
    for node in ast.walk(tree):
        for name, value in ast.iter_fields(node):
            if isinstance(value, list):
                for position, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        parents[id(item)] = (node, name, position)
            elif isinstance(value, ast.AST):
                parents[id(value)] = (node, name, None)
    return parents


def _replace(node, new, parents):
    parent, name, position = parents[id(node)]
    if position is None:
        setattr(parent, name, new)
    else:
        getattr(parent, name)[position] = new


def _is_docstring(node, parents) -> bool:
    parent = parents.get(id(node))
    return isinstance(node, ast.Constant) and parent is not None and isinstance(parent[0], ast.Expr)


def _edits(node):
    """(operator, edit) pairs for one node; an edit changes the node of a copy of the tree."""
    edits = []
    if isinstance(node, ast.FunctionDef):
        edits += _signature_edits(node)
    if isinstance(node, ast.Call):
        edits += _call_edits(node)
    if isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            if getattr(node, bound) is not None:
                edits += [("off-by-one", _shift(bound, delta)) for delta in (1, -1)]
    if isinstance(node, ast.BinOp):
        edits += _binop_edits(node)
    if isinstance(node, ast.AugAssign):
        edits.append(("drop", _drop_statement))
        edits.append(("in-place", _augmented_to_copy))
    if (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.value, ast.BinOp)
        and ast.dump(node.targets[0]) == ast.dump(node.value.left)
    ):
        edits.append(("in-place", _assign_to_augmented))
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        edits += [("constant", _set_constant(value)) for value in _other_numbers(node.value)]
    if isinstance(node, ast.Compare):
        for position, op in enumerate(node.ops):
            edits += [
                ("compare", _set_compare(position, other)) for other in _FLIPS.get(type(op), ())
            ]
    return edits


def _signature_edits(node):
    edits = []
    args = node.args.args
    for position in range(len(args) - 1):
        edits.append(("swap", _swap_params(position)))
    for position, default in enumerate(node.args.defaults):
        if isinstance(default, ast.Constant) and type(default.value) in (int, float):
            edits += [
                ("default", _set_default(position, value))
                for value in _other_defaults(default.value)
            ]
    return edits


def _swap_params(position):
    def edit(node, parents):
        args, defaults = node.args.args, node.args.defaults
        args[position], args[position + 1] = args[position + 1], args[position]
        first_default = len(args) - len(defaults)
        if position >= first_default:  # both have defaults: they move with the names
            j = position - first_default
            defaults[j], defaults[j + 1] = defaults[j + 1], defaults[j]

    return edit


def _set_default(position, value):
    def edit(node, parents):
        node.args.defaults[position] = ast.Constant(value)

    return edit


def _call_edits(node):
    edits = []
    if getattr(node.func, "id", None) == "range":
        for position in range(len(node.args)):
            edits += [("off-by-one", _shift_arg(position, delta)) for delta in (1, -1)]
    for position in range(len(node.args) - 1):
        if ast.dump(node.args[position]) != ast.dump(node.args[position + 1]):
            edits.append(("swap", _swap_args(position)))
    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    if name == "copy":
        edits.append(("in-place", _drop_copy))
    elif len(node.args) == 1 and not node.keywords and name in _DROPPABLE:
        edits.append(("call", _drop_call))
    return edits


_DROPPABLE = {
    "sqrt",
    "square",
    "abs",
    "exp",
    "log",
    "float",
    "int",
    "bool",
    "floor",
    "ceil",
    "round",
    "list",
    "tuple",
    "asarray",
    "array",
}


def _drop_call(node, parents):
    _replace(node, node.args[0], parents)


def _swap_args(position):
    def edit(node, parents):
        node.args[position], node.args[position + 1] = node.args[position + 1], node.args[position]

    return edit


def _shift_arg(position, delta):
    def edit(node, parents):
        node.args[position] = _plus(node.args[position], delta)

    return edit


def _shift(bound, delta):
    def edit(node, parents):
        setattr(node, bound, _plus(getattr(node, bound), delta))

    return edit


def _plus(expression, delta):
    op = ast.Add() if delta > 0 else ast.Sub()
    return ast.BinOp(expression, op, ast.Constant(abs(delta)))


def _drop_copy(node, parents):
    """np.copy(x) -> x, x.copy() -> x: the caller's array itself."""
    if isinstance(node.func, ast.Attribute) and not node.args:
        _replace(node, node.func.value, parents)
    elif node.args:
        _replace(node, node.args[0], parents)
    else:
        return False


def _binop_edits(node):
    edits = []
    if isinstance(node.op, ast.Add):
        edits += [("drop", _keep("left")), ("drop", _keep("right"))]
    if isinstance(node.op, ast.Sub):
        edits.append(("drop", _keep("left")))
    if isinstance(node.op, ast.Pow):
        edits += [("off-by-one", _shift("right", delta)) for delta in (1, -1)]
    if isinstance(node.op, (ast.Sub, ast.Div, ast.Pow, ast.FloorDiv)):
        edits.append(("swap", _swap_operands))
    edits += [("operator", _set_operator(other)) for other in _OPERATORS.get(type(node.op), ())]
    return edits


_OPERATORS = {
    ast.Add: (ast.Sub,),
    ast.Sub: (ast.Add,),
    ast.Mult: (ast.Div,),
    ast.Div: (ast.Mult, ast.FloorDiv),
    ast.FloorDiv: (ast.Div,),
    ast.Pow: (ast.Mult,),
}


def _set_operator(other):
    def edit(node, parents):
        node.op = other()

    return edit


def _swap_operands(node, parents):
    node.left, node.right = node.right, node.left


def _keep(side):
    def edit(node, parents):
        _replace(node, getattr(node, side), parents)

    return edit


def _drop_statement(node, parents):
    _replace(node, ast.Pass(), parents)


def _augmented_to_copy(node, parents):
    target = copy.deepcopy(node.target)
    load = copy.deepcopy(node.target)
    for part in ast.walk(load):
        if hasattr(part, "ctx"):
            part.ctx = ast.Load()
    _replace(node, ast.Assign([target], ast.BinOp(load, node.op, node.value)), parents)


def _assign_to_augmented(node, parents):
    _replace(node, ast.AugAssign(node.targets[0], node.value.op, node.value.right), parents)


def _set_constant(value):
    def edit(node, parents):
        if _is_docstring(node, parents):
            raise _Skip()
        parent = parents.get(id(node))
        if parent is not None and isinstance(parent[0], ast.arguments):
            raise _Skip()  # defaults have their own operator
        node.value = value

    return edit


def _other_numbers(value):
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value + 1, value - 1]
    return [value * 2, value / 2] if value else [1.0]


def _other_defaults(value):
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value + 1, value - 1]
    return [value * 10, value / 10] if value else [1.0]


_FLIPS = {
    ast.Lt: (ast.LtE, ast.Gt),
    ast.LtE: (ast.Lt, ast.GtE),
    ast.Gt: (ast.GtE, ast.Lt),
    ast.GtE: (ast.Gt, ast.LtE),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}


def _set_compare(position, other):
    def edit(node, parents):
        node.ops[position] = other()

    return edit


def _changed_line(source, mutated) -> str | None:
    """The first line that differs between the reference and the mutant (None: no change)."""
    before = ast.unparse(ast.parse(source)).splitlines()
    after = ast.unparse(ast.fix_missing_locations(mutated)).splitlines()
    for old, new in zip(before, after):
        if old != new:
            return new.strip()
    return None if len(before) == len(after) else after[-1].strip()


def _compile(name, tree, function):
    namespace = dict(function.__globals__)  # the reference's own helpers, a private copy
    exec(compile(ast.fix_missing_locations(tree), f"<mutant of {name}>", "exec"), namespace)
    return namespace[function.__name__]


# ---------------------------------------------------------------------------- judging


@lru_cache(maxsize=None)
def hidden_setup(name):
    cases = hidden_judged_cases(name)
    return cases, mistake_candidates(name, cases), signature_candidates(name)


@lru_cache(maxsize=None)
def public_setup(name):
    cases, stored = public_checks._stored(name)
    contract = get_contract(name)
    return cases, public_checks._candidates(contract, cases, stored)


@lru_cache(maxsize=None)
def probes(name) -> list[JudgedCase]:
    """Public cases, hidden cases of many seeds, and all of those at extreme scales."""
    contract = get_contract(name)
    seeds = MODEL_PROBE_SEEDS if name == "model" else PROBE_SEEDS
    inputs = [case.inputs for case in public_setup(name)[0]]
    inputs += [case.kwargs for seed in seeds for case in hidden_cases(name, hidden_rng(name, seed))]
    if name != "model":
        inputs += [_scaled(kwargs, scale) for kwargs in list(inputs) for scale in SCALES]
    judged = []
    for kwargs in inputs:
        try:
            with _quiet():
                from optkit.runner import expected_observation

                judged.append(
                    JudgedCase(
                        "probe", kwargs, expected_observation(contract, reference(name), kwargs)
                    )
                )
        except Exception:  # a scaled input outside the contract (the reference refuses)
            continue
    return judged


def _scaled(value, scale):
    if isinstance(value, dict):
        return {key: _scaled(item, scale) for key, item in value.items()}
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return (value * scale).astype(value.dtype)
    return value


@contextlib.contextmanager
def _quiet():
    with (
        np.errstate(all="ignore"),
        warnings.catch_warnings(),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        warnings.simplefilter("ignore")
        yield


def outcome(name, fn) -> Outcome:
    contract = get_contract(name)
    result = Outcome()
    if problem(contract, params_of(fn)):
        result.changes = result.signature = True
        result.public_cases = _public(name, fn, signature=False)[0]
        result.hidden_cases = _hidden(name, fn, signature=False)[0]
    else:
        result.changes = _differs(contract, fn, probes(name))
    result.public, named_public = _public(name, fn)
    result.hidden, named_hidden = _hidden(name, fn)
    result.named = named_public or named_hidden
    return result


def _differs(contract, fn, cases) -> bool:
    for case in cases:
        try:
            with _quiet(), references_for_earlier_work(contract, fn):
                got = run_student(contract, fn, [case], "probe")[0]
        except Exception:
            return True
        if judge(contract, case.expected, got):
            return True
    return False


def _named(failure) -> bool:
    """A catalogued mistake named, or the signature check's message (it names the argument)."""
    return bool(failure.mistakes) or "must take its arguments" in failure.message


def _public(name, fn, signature=True):
    contract = get_contract(name)
    cases, candidates = public_setup(name)
    return _check(
        contract,
        fn,
        cases,
        "public",
        lambda: candidates,
        lambda: candidates,
        earlier=lambda: public_checks.earlier_findings(contract, fn),
        signature=signature,
    )


def _hidden(name, fn, signature=True):
    contract = get_contract(name)
    cases, candidates, signed = hidden_setup(name)
    return _check(
        contract,
        fn,
        cases,
        "hidden",
        lambda: candidates,
        lambda: signed,
        references=True,
        signature=signature,
    )


def _check(
    contract, fn, cases, kind, candidates, signed, earlier=None, references=False, signature=True
):
    """(caught, named) for one check run the engine's way (``signature=False``: without the
    signature check, so that only the cases can catch a mutant)."""
    try:
        with _quiet():
            if signature:
                check_signature(contract, fn, signed)
            if references:
                with references_for_earlier_work(contract, fn):
                    observations = run_student(contract, fn, cases, kind)
            else:
                observations = run_student(contract, fn, cases, kind)
            failure = verdict(
                contract,
                cases,
                observations,
                kind,
                candidates,
                reveal=kind == "public",
                earlier=earlier,
            )
    except CheckFailure as error:
        return True, _named(error.failure)
    except Exception:
        return True, False  # the student sees the error
    return bool(failure), bool(failure) and _named(failure)


# ---------------------------------------------------------------------------- the run


class _TimeLimit(Exception):
    pass


def _alarm(signum, frame):
    raise _TimeLimit()


def run(name: str) -> Row:
    row = Row(name)
    for mutant in mutants(name):
        signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(TIME_LIMIT)
        try:
            found = outcome(name, mutant.fn)
        except _TimeLimit:
            found = Outcome(changes=True, public=True, hidden=True, why="time limit")
        finally:
            signal.alarm(0)
        row.mutants += 1
        row.outcomes.append((mutant, found))
        if not found.changes:
            row.silent.append(mutant)
            continue
        row.changing += 1
        row.signature += found.signature
        row.public_cases += found.public_cases
        row.hidden_cases += found.hidden_cases
        row.public += found.public
        row.hidden += found.hidden
        row.named += found.named
        if not (found.public and found.hidden) or (
            found.signature and not (found.public_cases and found.hidden_cases)
        ):
            row.survivors.append((mutant, found))
    return row


def table(rows) -> str:
    lines = [
        "| function | mutants | change behaviour | caught public | caught hidden | named |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| `{row.name}` | {row.mutants} | {row.changing} | {row.public} | "
            f"{row.hidden} | {row.named} |"
        )
    total = [
        sum(getattr(row, key) for row in rows)
        for key in ("mutants", "changing", "public", "hidden", "named")
    ]
    lines.append("| **all** | " + " | ".join(map(str, total)) + " |")
    return "\n".join(lines)


def signature_table(rows) -> str:
    lines = [
        "| function | signature mutants | caught by the public cases alone | "
        "by the hidden cases alone |",
        "|---|---:|---:|---:|",
    ]
    for row in rows:
        if row.signature:
            lines.append(
                f"| `{row.name}` | {row.signature} | {row.public_cases} | {row.hidden_cases} |"
            )
    total = [
        sum(getattr(row, key) for row in rows)
        for key in ("signature", "public_cases", "hidden_cases")
    ]
    lines.append("| **all** | " + " | ".join(map(str, total)) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("functions", nargs="*", help="graded functions (default: all)")
    parser.add_argument(
        "--survivors", action="store_true", help="list surviving and behaviour-equivalent mutants"
    )
    parser.add_argument("--markdown", action="store_true", help="print the table only")
    parser.add_argument("--json", type=Path, help="write every mutant's outcome to this file")
    args = parser.parse_args(argv)
    # optkit's sources hold no casebook: the public checks here read the whole course's, built now.
    public_checks.CASEBOOK = write_public_casebook()
    names = args.functions or list(CONTRACTS)
    rows = []
    for name in names:
        start = time.monotonic()
        rows.append(run(name))
        if not args.markdown:
            row = rows[-1]
            print(
                f"{name}: {row.mutants} mutants, {row.changing} change behaviour, "
                f"{row.public} caught public, {row.hidden} hidden, {row.named} named "
                f"({time.monotonic() - start:.0f} s)",
                file=sys.stderr,
            )
        if args.survivors:
            _review(rows[-1])
    print(table(rows))
    print()
    print(signature_table(rows))
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "function": row.name,
                        "operator": mutant.operator,
                        "line": mutant.line,
                        **{
                            key: getattr(found, key)
                            for key in ("changes", "public", "hidden", "named", "signature")
                        },
                    }
                    for row in rows
                    for mutant, found in row.outcomes
                ],
                indent=1,
            )
        )
    return 0


def _review(row):
    for mutant, found in row.survivors:
        if (
            row.name in SIGNATURE_ONLY
            and found.public
            and found.hidden
            and "num_epochs=" in mutant.line
            and "num_epochs=5000" not in mutant.line
        ):
            print(
                f"  signature only [{mutant.operator}] {row.name}: {mutant.line}  -- "
                f"{SIGNATURE_ONLY[row.name]}",
                file=sys.stderr,
            )
            continue
        missed = " and ".join(
            kind
            for kind, caught in (
                ("public", found.public),
                ("hidden", found.hidden),
                ("public cases alone", found.public_cases or not found.signature),
                ("hidden cases alone", found.hidden_cases or not found.signature),
            )
            if not caught
        )
        print(f"  SURVIVES {missed} [{mutant.operator}] {row.name}: {mutant.line}", file=sys.stderr)
    for mutant in row.silent:
        known = EQUIVALENT.get((row.name, mutant.line))
        print(
            f"  {'equivalent' if known else 'NO PROBE TELLS'} [{mutant.operator}] "
            f"{row.name}: {mutant.line}" + (f"  -- {known}" if known else ""),
            file=sys.stderr,
        )


if __name__ == "__main__":
    sys.exit(main())
