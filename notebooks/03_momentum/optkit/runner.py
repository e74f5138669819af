"""The check engine shared by the public checks (stored cases) and the hidden checks (random cases).

A check first holds the function to the contract's signature (names, order, defaults), then
calls it once per case, the way the notebooks do, on deep copies of the inputs and records an
:class:`Observation` (what it returned, the arguments it must not change as they are after the
call, and the lists it filled). It is judged against the expected observation; when a case
fails, every catalogued mistake that behaves like the student's function on all cases is named
in the message.
"""

import copy
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from . import signatures
from .compare import EXACT, Problem, compare, compare_returned
from .messages import Failure, fit, mistake_failure

ENGINE_DIR = Path(__file__).resolve().parent
MAX_PATHS = 6  # other differing places named after the first one


class CheckFailure(AssertionError):
    """A graded function does not do what its contract says; the message says where and how,
    and ``mistakes`` holds the ``function:key`` of each catalogued mistake it names."""

    def __init__(self, failure: "Failure | str"):
        self.failure = failure if isinstance(failure, Failure) else Failure(str(failure))
        self.mistakes = self.failure.mistakes
        super().__init__(self.failure.message)

    def _render_traceback_(self):
        # IPython shows these lines instead of a traceback (and ipykernel sends them on as the
        # error's traceback, which Validate shows): the message laid out for the student's eye,
        # not the engine's frames.
        return fit(str(self)).splitlines()


@dataclass(frozen=True)
class Observation:
    """What one call did: its return value, and the protected arguments and the lists it
    filled (the contract's ``fills``) as they are after the call."""

    returned: object
    inputs_after: dict


@dataclass(frozen=True)
class JudgedCase:
    """One case to run: a label for messages, the keyword arguments, the expected observation,
    and how it is called (``signatures.STYLES``)."""

    label: str
    inputs: dict
    expected: Observation
    style: str = signatures.POSITIONAL


@dataclass(frozen=True)
class Candidate:
    """A catalogued mistake and its observation on each case (aligned with the cases).

    ``match`` says when a student's function behaves like it: "" for the same observations on
    every case, or the name of a looser relation of :data:`MATCHES`. ``params`` is the mistake's
    signature when that is the slip (then the signature check names it)."""

    key: str
    title: str
    hint: str
    observations: list
    match: str = ""
    params: tuple | None = None


def observe(contract, fn, inputs, style: str = signatures.POSITIONAL) -> Observation:
    """Call ``fn`` on deep copies of ``inputs`` (no case spoils another), as the notebooks call
    it (``style``), with an empty list for each list it fills; record what it did."""
    arguments = copy.deepcopy(inputs)
    arguments.update({fill: [] for fill in contract.fills})
    returned = signatures.call(contract, fn, arguments, style)
    return Observation(
        returned,
        {
            arg: arguments[arg]
            for arg in contract.protected + tuple(contract.fills)
            if arg in arguments
        },
    )


def untouched(contract, inputs, returned, filled=None) -> Observation:
    """The observation of a correct call: it returns ``returned``, changes no protected input
    and leaves ``filled`` (fill name -> list) in the lists it fills."""
    return Observation(
        returned,
        {**{arg: inputs[arg] for arg in contract.protected if arg in inputs}, **(filled or {})},
    )


def expected_observation(contract, reference, inputs) -> Observation:
    """The reference's observation on ``inputs``, its protected inputs taken as given."""
    seen = observe(contract, reference, inputs)
    return untouched(
        contract, inputs, seen.returned, {fill: seen.inputs_after[fill] for fill in contract.fills}
    )


def judge(
    contract, expected: Observation, got: Observation, inputs_tol=EXACT, *, sharing: bool = True
) -> list[Problem]:
    """Every way ``got`` differs from ``expected``; modified inputs first (often the cause),
    then the returned value, then the lists it filled. ``sharing=False`` ignores returned items
    that are one object (a stored mistake output, read back from JSON, cannot show that)."""
    problems, filled = [], []
    for arg, before in expected.inputs_after.items():
        if arg in contract.fills:
            filled += _filled_problems(contract, arg, before, got.inputs_after[arg])
            continue
        changes = compare(before, got.inputs_after[arg], arg, inputs_tol)
        if changes:
            problems.append(
                Problem(
                    f"input {arg}",
                    f"was modified by your function, which must leave {arg} unchanged "
                    "(in-place operations such as *= or [...] = change the caller's arrays)",
                    tuple(f"{change.path}: {change.what}" for change in changes[:MAX_PATHS]),
                )
            )
    return (
        problems
        + compare_returned(
            contract.returns,
            expected.returned,
            got.returned,
            contract.tolerance,
            contract.naming,
            sharing=sharing,
        )
        + filled
    )


def _filled_problems(contract, arg, expected, got) -> list[Problem]:
    """How the list ``arg`` the function filled differs (e.g. the costs of the epochs)."""
    if isinstance(got, list) and len(got) != len(expected):
        return [
            Problem(
                arg,
                f"expected {len(expected)} items, {contract.fills[arg]}; got "
                f"{len(got)} (append one item per epoch to the list {arg})",
            )
        ]
    return compare(expected, got, arg, contract.tolerance)


def check_signature(contract, fn, candidates: Callable[[], list] = list) -> None:
    """Refuse a non-function, or a function whose signature differs from the contract's (names,
    order, defaults), naming a catalogued mistake whose signature it has."""
    if not callable(fn):
        raise TypeError(
            f"pass the function itself, without calling it: "
            f"check({contract.name!r}, {contract.name}); got {type(fn).__name__}"
        )
    failure = signature_failure(contract, signatures.params_of(fn), candidates)
    if failure:
        raise CheckFailure(failure)


def signature_failure(contract, params, candidates: Callable[[], list] = list) -> Failure | None:
    """The failure of a signature that does not fit the contract, or None (also when Python
    cannot tell the signature: then the calls decide)."""
    if params is None:
        return None
    what = signatures.problem(contract, params)
    if what is None:
        return None
    named = [
        mistake_failure(contract.name, c.key, c.title, c.hint)
        for c in candidates()
        if c.params is not None
        and signatures.same_signature(list(c.params), params, len(contract.args))
    ]
    return sum(named, Failure(signatures.message(contract, params, what)))


def run_student(contract, fn, cases, kind: str) -> list[Observation]:
    """Observe ``fn`` on every case; its exceptions go through with a note naming the case."""
    observations = []
    for number, case in enumerate(cases, 1):
        try:
            observations.append(observe(contract, fn, case.inputs, case.style))
        except Exception as error:
            add_note(
                error,
                f"(raised by {contract.name} in {kind} case {number} of "
                f"{len(cases)}: {case.label})",
            )
            raise
    return observations


def verdict(
    contract,
    cases,
    observations,
    kind: str,
    candidates: Callable[[], list],
    *,
    reveal: bool,
    earlier: Callable[[], dict] | None = None,
) -> Failure | None:
    """None when every case passes; otherwise the failure message, with any diagnosis.

    ``earlier`` (public checks of a function with ``uses``) returns, for each earlier function
    it calls, None when that function passes its own public check, or the first line of its
    failure: when no mistake is named, the message says what was found there."""
    problems = [judge(contract, case.expected, obs) for case, obs in zip(cases, observations)]
    if not any(problems):
        return None
    diagnoses = [
        mistake_failure(contract.name, c.key, c.title, c.hint)
        for c in candidates()
        if behaves_like(contract, c, cases, observations)
    ]
    if not diagnoses and earlier is not None and contract.uses:
        # not a diagnosis: a finding, so it names no mistake
        diagnoses.append(Failure(earlier_work_note(contract, earlier())))
    return sum(
        diagnoses, Failure(failure_message(contract.name, kind, cases, problems, reveal=reveal))
    )


def earlier_work_note(contract, findings: dict) -> str:
    """What the public checks of the earlier functions found, and so where to look.

    ``findings`` maps each function of ``contract.uses`` to None (it passes its public check)
    or the first line of its failure. (The hidden check runs the references instead, so it never
    needs this note.)"""
    failing = {name: line for name, line in findings.items() if line is not None}
    if not failing:
        return (
            f"Your functions from earlier notebooks that {contract.name} calls "
            f"({', '.join(findings)}) pass their public checks, so look for the difference "
            f"in {contract.name} itself: what happens once, every epoch and every "
            "mini-batch, the arguments of every call, and the cost of each epoch."
        )
    lines = [
        f"{contract.name} calls your functions from earlier notebooks, and "
        f"{'these fail' if len(failing) > 1 else 'this one fails'} its public check here:"
    ]
    lines += [f"    {name}: {line}" for name, line in failing.items()]
    lines.append(
        f"Fix {'them' if len(failing) > 1 else 'it'} in the cell of your earlier work "
        f"first (the hidden tests of {contract.name} use correct versions of them)."
    )
    return "\n".join(lines)


def behaves_like(contract, candidate: Candidate, cases, observations) -> bool:
    """True when the student's function did what the mistake did, on every case."""
    same = MATCHES[candidate.match]
    return all(
        same(contract, case, mistake, student)
        for case, mistake, student in zip(cases, candidate.observations, observations, strict=True)
    )


def _same_observation(contract, case, mistake, student) -> bool:
    return not judge(contract, mistake, student, contract.tolerance, sharing=False)


def _same_up_to_tie_order(contract, case, mistake, student) -> bool:
    """The same values for every group of tied first inputs, in whatever order within a group:
    a mistake that breaks ties by position is matched however the sort broke them."""
    key = np.asarray(case.inputs[contract.args[0]])
    try:
        canonical = [
            Observation(_sorted_within_ties(key, obs.returned), obs.inputs_after)
            for obs in (mistake, student)
        ]
    except (TypeError, ValueError, IndexError):
        return False
    return _same_observation(contract, case, *canonical)


def _sorted_within_ties(key, values):
    values = np.asarray(values)
    if values.shape != key.shape or values.ndim != 1 or values.dtype.kind not in "iuf":
        raise ValueError("not one value per input")
    return values[np.lexsort((values, key))]


MATCHES = {"": _same_observation, "up_to_tie_order": _same_up_to_tie_order}


def failure_message(name, kind, cases, problems, *, reveal: bool) -> str:
    """The first failing case in detail, then where else it differs (with expected and got of
    single values in public checks) and how many cases fail."""
    failed = [number for number, found in enumerate(problems) if found]
    first = problems[failed[0]]
    lines = [
        f"✗ {name} failed {kind} case {failed[0] + 1} of {len(cases)}: {cases[failed[0]].label}"
    ]
    lines += first[0].lines(reveal)
    others = {}
    for problem in first[1:]:
        shown = (
            reveal
            and len(problem.reveal) == 1
            and problem.reveal[0].startswith("expected")
            and problem.path not in others
        )
        others.setdefault(
            problem.path, f"{problem.path} ({problem.reveal[0]})" if shown else problem.path
        )
    others = list(others.values())
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
    if hasattr(error, "add_note"):  # Python 3.11+
        error.add_note(note)
    else:
        print(note, file=sys.stderr)


def _in_engine(filename: str, engine_dirs) -> bool:
    path = Path(filename).resolve()
    return any(directory in path.parents for directory in engine_dirs)
