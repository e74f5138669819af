"""Build public casebooks from ``solutions/``: the whole course's, and each release folder's.

For every graded function with public cases a casebook stores the inputs, the expected output
(the reference's), and the output of every catalogued mistake that differs from the expected one
-- their outputs, never their code -- so the student's public check can name a mistake.

A release folder's casebook (``optkit/data/public_cases.json`` there, written by ``autograder
release``) holds only its assignment's functions and the earlier ones its notebook brings along
(``functions_of``). The whole course's casebook is a build artifact for the course's own
notebooks and tests, never part of optkit's sources: optkit reads it where ``OPTKIT_CASEBOOK``
points (the test suite's ``conftest.py`` builds it and sets the variable).

    python -m autograder.casebook    write build/casebook/public_cases.json, print the export line

A new graded function plugs in without touching the check engine: its contract in
``optkit/contracts.py``, ``@public``/``@hidden`` case generators in
``solutions/cases/<topic>.py``, a
``solutions/mistakes/<assignment>.py`` module with ``MISTAKES``, then ``autograder release``.
"""

import ast
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

from optkit.compare import EXACT, compare
from optkit.contracts import CONTRACTS, get_contract
from optkit.runner import expected_observation, judge, observe
from optkit.serialization import dumps
from solutions import reference
from solutions.cases import functions_with_cases, public_cases
from solutions.mistakes import catalog

from . import notebooks
from .course import COURSE_CASEBOOK
from .hidden_checks import mistake_params

SCHEMA_VERSION = 1
NOTE = "Generated from the reference solutions when the course was built; do not edit."


def build(names: list[str] | None = None) -> dict:
    """The casebook of ``names`` (default: every function with cases) as a Python object."""
    names = functions_with_cases() if names is None else names
    return {
        "schema_version": SCHEMA_VERSION,
        "note": NOTE,
        "functions": {name: function_entry(name) for name in names},
    }


def render(names: list[str] | None = None) -> str:
    """The exact text the casebook of ``names`` should have now."""
    return dumps(build(names))


def write_public_casebook(path: Path = COURSE_CASEBOOK, names: list[str] | None = None) -> Path:
    """Write the casebook of ``names`` to ``path`` in one step (a reader never sees half)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(render(names), encoding="utf-8")
    partial.replace(path)
    return path


def functions_of(source_nb, assignment: str) -> list[str]:
    """Whose public cases the release folder of ``assignment`` carries: its graded functions,
    the earlier ones its solution cells define (the student brings them along and checks them
    there) and those they use, in the casebook's order."""
    wanted = {name for name, contract in CONTRACTS.items() if contract.assignment == assignment}
    wanted |= _defined_in_solutions(source_nb)
    while True:
        used = {use for name in wanted for use in get_contract(name).uses} - wanted
        if not used:
            break
        wanted |= used
    return [name for name in functions_with_cases() if name in wanted]


def _defined_in_solutions(source_nb) -> set[str]:
    """Graded functions a solution cell of the notebook defines at its top level."""
    found = set()
    for cell in source_nb.cells:
        if cell.cell_type == "code" and notebooks.is_solution(cell):
            tree = ast.parse(notebooks.strip_solution_markers(cell.source))
            found |= {
                node.name
                for node in tree.body
                if isinstance(node, ast.FunctionDef) and node.name in CONTRACTS
            }
    return found


def function_entry(name: str) -> dict:
    mistakes = catalog(name)
    return {
        "mistakes": {m.key: mistake_entry(m) for m in mistakes},
        "cases": [case_entry(name, case, mistakes) for case in public_cases(name)],
    }


def mistake_entry(mistake) -> dict:
    """Its title and hint; how to match it, if not by equal outputs; its signature, if that is
    the slip (names, kinds and defaults: data, never code)."""
    entry = {"title": mistake.title, "hint": mistake.hint}
    if mistake.match:
        entry["match"] = mistake.match
    params = mistake_params(mistake)
    if params is not None:
        entry["signature"] = [[p.name, p.kind, p.has_default, p.default] for p in params]
    return entry


def case_entry(name: str, case, mistakes) -> dict:
    """Inputs, expected output (and filled lists), and the observations of the mistakes that get
    it wrong."""
    contract = get_contract(name)
    expected = expected_observation(contract, reference(name), case.kwargs)
    outputs = {}
    for mistake in mistakes:
        if mistake_params(mistake) is not None:
            continue  # named by the signature check, before any case
        with np.errstate(all="ignore"):  # a mistake may divide by zero (Adam with t = 0)
            seen = observe(contract, mistake.implementation, case.kwargs, case.style)  # no raise
        if judge(contract, expected, seen):
            modified = {
                arg: after
                for arg, after in seen.inputs_after.items()
                if compare(expected.inputs_after[arg], after, arg, EXACT)
            }
            outputs[mistake.key] = {"returned": seen.returned, "modified_inputs": modified}
    entry = {"label": case.label, "inputs": case.kwargs, "expected": expected.returned}
    if case.style != "positional":
        entry["style"] = case.style
    if contract.fills:
        entry["filled"] = {fill: expected.inputs_after[fill] for fill in contract.fills}
    return {**entry, "mistake_outputs": outputs}


# Rebuilt on another CPU or numpy build, a long computation (06's training runs) can end a
# rounding step away; anything beyond this relative difference is a real change.
FLOAT_SLACK = 1e-9


def same_casebook(committed: str, rebuilt: str) -> bool:
    """The two casebook texts hold the same data: equal, floats up to rounding."""
    return committed == rebuilt or _same(json.loads(committed), json.loads(rebuilt))


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=FLOAT_SLACK, abs_tol=1e-300) or (
            math.isnan(a) and math.isnan(b)
        )
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return a == b


def main(argv=None) -> int:
    """Write the whole course's casebook where the course's notebooks and tests read it."""
    argv = sys.argv[1:] if argv is None else argv
    path = write_public_casebook(Path(argv[0]) if argv else COURSE_CASEBOOK)
    print(f"wrote {path}; for the source notebooks outside pytest:\nexport OPTKIT_CASEBOOK={path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
