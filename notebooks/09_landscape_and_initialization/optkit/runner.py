"""The check engine shared by the public checks (stored cases) and the hidden checks (random cases).

A check calls the student's function once per case on deep copies of the inputs and records an
:class:`Observation` (what it returned, and the arguments it must not change as they are after
the call). It is judged against the expected observation; when a case fails, every catalogued
mistake that behaves exactly like the student's function on all cases is named in the message.
"""
import copy
import inspect
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .compare import EXACT, Problem, compare, compare_returned, diagnosis_line

ENGINE_DIR = Path(__file__).resolve().parent
MAX_PATHS = 6          # other differing places named after the first one


class CheckFailure(AssertionError):
    """A graded function does not do what its contract says; the message says where and how."""

    def _render_traceback_(self):
        # IPython shows these lines instead of a traceback: the message, not the engine's frames.
        return str(self).splitlines()


@dataclass(frozen=True)
class Observation:
    """What one call did: its return value and the protected arguments after the call."""

    returned: object
    inputs_after: dict


@dataclass(frozen=True)
class JudgedCase:
    """One case to run: a label for messages, the keyword arguments, the expected observation."""

    label: str
    inputs: dict
    expected: Observation


@dataclass(frozen=True)
class Candidate:
    """A catalogued mistake and its observation on each case (aligned with the cases)."""

    key: str
    title: str
    hint: str
    observations: list


def observe(contract, fn, inputs) -> Observation:
    """Call ``fn`` on deep copies of ``inputs`` (no case spoils another); record what it did."""
    arguments = copy.deepcopy(inputs)
    returned = fn(**arguments)
    return Observation(returned, {arg: arguments[arg] for arg in contract.protected
                                  if arg in arguments})


def untouched(contract, inputs, returned) -> Observation:
    """The observation of a correct call: it returns ``returned`` and changes no protected input."""
    return Observation(returned, {arg: inputs[arg] for arg in contract.protected if arg in inputs})


def judge(contract, expected: Observation, got: Observation, inputs_tol=EXACT, *,
          sharing: bool = True) -> list[Problem]:
    """Every way ``got`` differs from ``expected``; modified inputs first (often the cause).
    ``sharing=False`` ignores returned items that are one object (a stored mistake output,
    read back from JSON, cannot show that)."""
    problems = []
    for arg, before in expected.inputs_after.items():
        changes = compare(before, got.inputs_after[arg], arg, inputs_tol)
        if changes:
            problems.append(Problem(
                f"input {arg}", f"was modified by your function, which must leave {arg} unchanged "
                "(in-place operations such as *= or [...] = change the caller's arrays)",
                tuple(f"{change.path}: {change.what}" for change in changes[:MAX_PATHS])))
    return problems + compare_returned(contract.returns, expected.returned, got.returned,
                                       contract.tolerance, contract.naming, sharing=sharing)


def check_signature(contract, fn) -> None:
    """Refuse a non-function or a function whose argument names differ from the contract's."""
    if not callable(fn):
        raise TypeError(f"pass the function itself, without calling it: "
                        f"check({contract.name!r}, {contract.name}); got {type(fn).__name__}")
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):      # some callables have no inspectable signature
        return
    try:
        signature.bind(**{arg: None for arg in contract.args})
    except TypeError:
        raise CheckFailure(
            f"✗ {contract.name} must take the arguments ({', '.join(contract.args)}); "
            f"yours takes {signature}. Keep the argument names given in the exercise.") from None


def run_student(contract, fn, cases, kind: str) -> list[Observation]:
    """Observe ``fn`` on every case; its exceptions go through with a note naming the case."""
    observations = []
    for number, case in enumerate(cases, 1):
        try:
            observations.append(observe(contract, fn, case.inputs))
        except Exception as error:
            add_note(error, f"(raised by {contract.name} in {kind} case {number} of "
                            f"{len(cases)}: {case.label})")
            raise
    return observations


def verdict(contract, cases, observations, kind: str, candidates: Callable[[], list],
            *, reveal: bool) -> str | None:
    """None when every case passes; otherwise the failure message, with any diagnosis."""
    problems = [judge(contract, case.expected, obs) for case, obs in zip(cases, observations)]
    if not any(problems):
        return None
    diagnoses = [diagnosis_line(contract.name, c.key, c.title, c.hint) for c in candidates()
                 if behaves_like(contract, c.observations, observations)]
    if not diagnoses and kind == "public" and contract.uses:
        diagnoses.append(earlier_work_note(contract))    # not a diagnosis: a place to look
    return failure_message(contract.name, kind, cases, problems, reveal=reveal) + "".join(
        "\n" + line for line in diagnoses)


def earlier_work_note(contract) -> str:
    """The public check runs the student's own earlier functions: they may be the culprit.
    (The hidden check runs the references instead, so it never needs this note.)"""
    last = contract.uses[-1]
    return (f"{contract.name} calls your functions from earlier notebooks "
            f"({', '.join(contract.uses)}). If your code here looks right, check them: each must "
            f'pass its own public check, e.g. optkit.check("{last}", {last}).')


def behaves_like(contract, mistake_observations, observations) -> bool:
    """True when the student's function did what the mistake did, on every case."""
    return all(not judge(contract, mistake, student, contract.tolerance, sharing=False)
               for mistake, student in zip(mistake_observations, observations, strict=True))


def failure_message(name, kind, cases, problems, *, reveal: bool) -> str:
    """The first failing case in detail, then where else it differs and how many cases fail."""
    failed = [number for number, found in enumerate(problems) if found]
    first = problems[failed[0]]
    lines = [f"✗ {name} failed {kind} case {failed[0] + 1} of {len(cases)}: "
             f"{cases[failed[0]].label}"]
    lines += first[0].lines(reveal)
    others = list(dict.fromkeys(problem.path for problem in first[1:]))
    if others:
        more = f" and {len(others) - MAX_PATHS} more" if len(others) > MAX_PATHS else ""
        lines.append("Also different: " + "; ".join(others[:MAX_PATHS]) + more)
    if len(failed) > 1:
        lines.append(f"{len(failed)} of {len(cases)} {kind} cases fail.")
    return "\n".join(lines)


def hide_engine_frames(error: BaseException, engine_dirs=(ENGINE_DIR,)) -> None:
    """Drop the check machinery's own frames from the front of the traceback of ``error``.

    A student's exception then shows the notebook cell and their own code. If the error started
    inside the engine (a bug there), nothing is dropped.
    """
    tb = error.__traceback__
    while tb is not None and _in_engine(tb.tb_frame.f_code.co_filename, engine_dirs):
        tb = tb.tb_next
    if tb is not None:
        error.__traceback__ = tb


def add_note(error: BaseException, note: str) -> None:
    if hasattr(error, "add_note"):       # Python 3.11+
        error.add_note(note)
    else:
        print(note, file=sys.stderr)


def _in_engine(filename: str, engine_dirs) -> bool:
    path = Path(filename).resolve()
    return any(directory in path.parents for directory in engine_dirs)
