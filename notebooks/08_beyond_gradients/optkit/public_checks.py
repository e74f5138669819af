"""``check(name, fn)``: the public check a notebook runs under each exercise.

It replays the stored public cases of the casebook, ``data/public_cases.json`` beside this module
(generated from the reference solutions when the assignment was released, never edited by hand):
in an assignment's folder, the cases of that assignment's functions and of the earlier ones it
uses. Those cases also hold the outputs of known mistakes -- data only -- so a wrong answer can
be named with a hint. The environment variable ``OPTKIT_CASEBOOK`` may name another casebook.
"""

import json
import os
from pathlib import Path

from .contracts import get_contract
from .runner import (
    Candidate,
    CheckFailure,
    JudgedCase,
    Observation,
    check_signature,
    hide_engine_frames,
    run_student,
    untouched,
    verdict,
)
from .serialization import decode
from .signatures import POSITIONAL, Param

# Read at import: the course's own tests and notebooks run this package from its sources, which
# hold no casebook, and point OPTKIT_CASEBOOK at the whole course's.
CASEBOOK = Path(
    os.environ.get("OPTKIT_CASEBOOK")
    or Path(__file__).resolve().parent / "data" / "public_cases.json"
)
# name -> the function object that last passed its public check in this kernel: a figure drawn
# from any other version of it says so (plots.show).
_PASSED: dict = {}
PASS_LINE = (
    "✓ {name} passed {count} public cases.\n"
    "  Hidden tests with random cases run when your work is graded."
)


def check(name: str, fn) -> None:
    """Run every public case of graded function ``name`` on ``fn``.

    Prints one line when all pass; raises :class:`CheckFailure` (an AssertionError) saying which
    case, where and how the result is wrong otherwise.
    """
    contract = get_contract(name)
    _PASSED.pop(name, None)
    cases, mistakes = _stored(name)
    candidates = lambda: _candidates(contract, cases, mistakes)  # noqa: E731
    check_signature(contract, fn, candidates)
    try:
        observations = run_student(contract, fn, cases, "public")
    except Exception as error:
        hide_engine_frames(error)
        raise
    failure = verdict(
        contract,
        cases,
        observations,
        "public",
        candidates,
        reveal=True,
        earlier=lambda: earlier_findings(contract, fn),
    )
    if failure:
        raise CheckFailure(failure)
    _PASSED[name] = fn
    print(PASS_LINE.format(name=name, count=len(cases)))


def check_quietly(name: str, fn) -> bool:
    """The public check without a word: True (and remembered, like :func:`check`) when ``fn``
    passes. For a run that replaces the check cells by something else: the figures drawn later
    then carry the same notes (:func:`optkit.plots.show`) as after the check cells."""
    _PASSED.pop(name, None)
    passed = failure_line(name, fn) is None
    if passed:
        _PASSED[name] = fn
    return passed


def has_passed(fn) -> bool:
    """True when this very function object passed the public check of its name (a function
    redefined after its check has not)."""
    return _PASSED.get(getattr(fn, "__name__", None)) is fn


def failure_line(name: str, fn) -> str | None:
    """None when ``fn`` passes the public check of ``name``; else the first line of why not."""
    contract = get_contract(name)
    if not callable(fn):
        return f"{name} is not a function"
    cases, mistakes = _stored(name)
    try:
        check_signature(contract, fn)
        observations = run_student(contract, fn, cases, "public")
    except CheckFailure as error:
        return error.failure.message.splitlines()[0]
    except Exception as error:
        return f"raises {type(error).__name__}: {str(error)[:200]}"
    failure = verdict(contract, cases, observations, "public", list, reveal=True)
    return failure.message.splitlines()[0] if failure else None


def earlier_findings(contract, fn) -> dict:
    """What the public check of each earlier function ``fn`` calls finds (None: it passes)."""
    namespace = getattr(fn, "__globals__", {})
    return {
        name: failure_line(name, namespace[name]) if name in namespace else f"{name} is not defined"
        for name in contract.uses
    }


def stored_cases(name: str) -> list[JudgedCase]:
    """The public cases of ``name``, each with its expected observation."""
    return _stored(name)[0]


def _stored(name):
    """(cases, mistakes) of ``name``, freshly decoded from the casebook (callers may modify)."""
    try:
        book = json.loads(CASEBOOK.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"optkit has no public cases here ({CASEBOOK} is missing): keep "
            "the optkit folder that came with this assignment, whole, next "
            "to its notebook"
        ) from None
    if name not in book["functions"]:
        home = get_contract(name).assignment
        raise LookupError(
            f"this folder's optkit has no public cases for {name!r}: {name} "
            f"belongs to assignment {home}; check it in the notebook of the "
            f"{home} folder, with the optkit that came with it"
        )
    entry = decode(book["functions"][name])
    contract = get_contract(name)
    cases = [
        JudgedCase(
            case["label"],
            case["inputs"],
            untouched(contract, case["inputs"], case["expected"], case.get("filled")),
            case.get("style", POSITIONAL),
        )
        for case in entry["cases"]
    ]
    return cases, _with_outputs(entry)


def _with_outputs(entry):
    """mistake key -> (what the casebook says of it, [stored output per case, or None where
    it was correct])."""
    return {
        key: (about, [case["mistake_outputs"].get(key) for case in entry["cases"]])
        for key, about in entry["mistakes"].items()
    }


def _candidates(contract, cases, mistakes) -> list[Candidate]:
    """Each stored mistake as a Candidate; where nothing is stored, it did what was expected."""
    candidates = []
    for key, (about, outputs) in mistakes.items():
        observations = [
            case.expected
            if output is None
            else Observation(
                output["returned"], {**case.expected.inputs_after, **output["modified_inputs"]}
            )
            for case, output in zip(cases, outputs)
        ]
        params = about.get("signature")
        candidates.append(
            Candidate(
                key,
                about["title"],
                about["hint"],
                observations,
                about.get("match", ""),
                None if params is None else tuple(Param(*entry) for entry in params),
            )
        )
    return candidates
