"""``check(name, fn)``: the public check a notebook runs under each exercise.

It replays the stored public cases of ``data/public_cases.json`` (generated from the reference
solutions by ``python -m autograder.casebook``, never edited by hand). Those cases also hold the
outputs of known mistakes -- data only -- so a wrong answer can be named with a hint.
"""
import json
from pathlib import Path

from .compare import DIAGNOSIS_PATTERN  # noqa: F401  (re-exported: the grader parses feedback)
from .contracts import get_contract
from .runner import (CheckFailure, Candidate, JudgedCase, Observation, check_signature,
                     hide_engine_frames, run_student, untouched, verdict)
from .serialization import decode

CASEBOOK = Path(__file__).resolve().parent / "data" / "public_cases.json"
PASS_LINE = ("✓ {name} passed {count} public cases. "
             "Hidden tests with random cases run when your work is graded.")


def check(name: str, fn) -> None:
    """Run every public case of graded function ``name`` on ``fn``.

    Prints one line when all pass; raises :class:`CheckFailure` (an AssertionError) saying which
    case, where and how the result is wrong otherwise.
    """
    contract = get_contract(name)
    check_signature(contract, fn)
    cases, mistakes = _stored(name)
    try:
        observations = run_student(contract, fn, cases, "public")
    except Exception as error:
        hide_engine_frames(error)
        raise
    failure = verdict(contract, cases, observations, "public",
                      lambda: _candidates(contract, cases, mistakes), reveal=True)
    if failure:
        raise CheckFailure(failure)
    print(PASS_LINE.format(name=name, count=len(cases)))


def stored_cases(name: str) -> list[JudgedCase]:
    """The public cases of ``name``, each with its expected observation."""
    return _stored(name)[0]


def _stored(name):
    """(cases, mistakes) of ``name``, freshly decoded from the casebook (callers may modify)."""
    book = json.loads(CASEBOOK.read_text(encoding="utf-8"))
    if name not in book["functions"]:
        raise LookupError(f"the casebook has no public cases for {name!r}; "
                          "run `python -m autograder.casebook` to regenerate it")
    entry = decode(book["functions"][name])
    contract = get_contract(name)
    cases = [JudgedCase(case["label"], case["inputs"],
                        untouched(contract, case["inputs"], case["expected"]))
             for case in entry["cases"]]
    return cases, _with_outputs(entry)


def _with_outputs(entry):
    """mistake key -> (title, hint, [stored output per case, or None where it was correct])."""
    return {key: (about["title"], about["hint"],
                  [case["mistake_outputs"].get(key) for case in entry["cases"]])
            for key, about in entry["mistakes"].items()}


def _candidates(contract, cases, mistakes) -> list[Candidate]:
    """Each stored mistake as a Candidate; where nothing is stored, it did what was expected."""
    candidates = []
    for key, (title, hint, outputs) in mistakes.items():
        observations = [case.expected if output is None else Observation(
            output["returned"], {**case.expected.inputs_after, **output["modified_inputs"]})
            for case, output in zip(cases, outputs)]
        candidates.append(Candidate(key, title, hint, observations))
    return candidates
