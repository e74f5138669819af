"""``hidden_check(name, fn)``: random cases against the reference, run when work is graded.

The hidden test cell of a notebook is this one call, so the feedback a student receives shows no
reference or test code. The message says which hidden case failed (its description) and what is
wrong (where, which shape, how many entries differ, how large the errors are), never an expected
value. Grades are deterministic: the cases come from a fixed seed, unless ``OPTIM_HIDDEN_SEED``
(or the ``seed`` argument) says otherwise.

A function that calls graded functions of earlier notebooks (``model`` calls the optimizers the
student pasted in) is graded on its own code: during the hidden check those names are bound to
the references, so a slip in earlier work costs points only where it was graded.
"""

import os
import warnings
import zlib
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from optkit.contracts import get_contract
from optkit.runner import (
    ENGINE_DIR,
    Candidate,
    CheckFailure,
    JudgedCase,
    check_signature,
    expected_observation,
    hide_engine_frames,
    observe,
    run_student,
    verdict,
)
from optkit.signatures import params_of, problem
from solutions import reference
from solutions.cases import hidden_cases
from solutions.mistakes import catalog

DEFAULT_SEED = 20240917
SEED_VARIABLE = "OPTIM_HIDDEN_SEED"
_HERE = Path(__file__).resolve().parent


def hidden_check(name: str, fn, *, seed: int | None = None, n_cases: int | None = None) -> None:
    """Check ``fn`` against the reference of ``name`` on random hidden cases.

    Prints one line when all pass; raises :class:`optkit.CheckFailure` otherwise, naming a
    catalogued mistake when ``fn`` behaves exactly like one on every case.
    """
    contract = get_contract(name)
    check_signature(contract, fn, lambda: signature_candidates(name))
    cases = hidden_judged_cases(name, seed=seed, n_cases=n_cases)
    try:
        with references_for_earlier_work(contract, fn):
            observations = run_student(contract, fn, cases, "hidden")
    except Exception as error:
        hide_engine_frames(error, (ENGINE_DIR, _HERE))
        raise
    failure = verdict(
        contract,
        cases,
        observations,
        "hidden",
        lambda: mistake_candidates(name, cases),
        reveal=False,
    )
    if failure:
        raise CheckFailure(failure)
    print(f"✓ {name} passed {len(cases)} hidden cases.")


def hidden_judged_cases(name: str, *, seed=None, n_cases=None) -> list[JudgedCase]:
    """The hidden cases of ``name`` with the reference's observation on each."""
    contract = get_contract(name)
    cases = hidden_cases(name, hidden_rng(name, seed))[:n_cases]
    return [
        JudgedCase(case.label, case.kwargs, _reference_observation(contract, case), case.style)
        for case in cases
    ]


def hidden_rng(name: str, seed=None) -> np.random.Generator:
    """The generator the hidden cases of ``name`` are drawn from, for grading seed ``seed``."""
    return np.random.default_rng([resolve_seed(seed), zlib.crc32(name.encode())])


@contextmanager
def references_for_earlier_work(contract, fn):
    """While the block runs, the names of ``contract.uses`` in ``fn``'s module (a notebook's
    namespace) are the reference functions; afterwards every name is as it was (or absent)."""
    namespace = getattr(fn, "__globals__", None)
    if not contract.uses or namespace is None:
        yield
        return
    saved = {name: namespace[name] for name in contract.uses if name in namespace}
    namespace.update({name: reference(name) for name in contract.uses})
    try:
        yield
    finally:
        for name in contract.uses:
            if name in saved:
                namespace[name] = saved[name]
            else:
                namespace.pop(name, None)


def resolve_seed(seed=None) -> int:
    """The seed argument, else ``$OPTIM_HIDDEN_SEED``, else the fixed default."""
    if seed is not None:
        return int(seed)
    return int(os.environ.get(SEED_VARIABLE, DEFAULT_SEED))


def mistake_candidates(name: str, cases) -> list[Candidate]:
    """Run every catalogued mistake on the cases (grading machine only: this is their code)."""
    contract = get_contract(name)
    candidates = []
    for mistake in catalog(name):
        if mistake_params(mistake) is not None:
            continue  # named by the signature check (signature_candidates)
        try:
            # A warning would print a line of the mistake's source into the student's feedback.
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                observations = [
                    observe(contract, mistake.implementation, case.inputs, case.style)
                    for case in cases
                ]
        except Exception:  # a mistake that crashes here cannot look like a finished run
            continue
        candidates.append(
            Candidate(
                mistake.key,
                mistake.title,
                mistake.hint,
                observations,
                mistake.match,
                mistake_params(mistake),
            )
        )
    return candidates


def signature_candidates(name: str) -> list[Candidate]:
    """The catalogued mistakes of ``name`` whose slip is the signature (nothing run)."""
    return [
        Candidate(m.key, m.title, m.hint, [], m.match, mistake_params(m))
        for m in catalog(name)
        if mistake_params(m) is not None
    ]


@lru_cache(maxsize=None)
def mistake_params(mistake) -> tuple | None:
    """A mistake's signature when it differs from the contract's (the slip is there), else None."""
    params = params_of(mistake.implementation)
    return tuple(params) if problem(get_contract(mistake.function), params) else None


def _reference_observation(contract, case):
    """The reference's observation; its own traceback (reference code) must never reach a
    student."""
    name = contract.name
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return expected_observation(contract, reference(name), case.kwargs)
    except Exception as error:
        raise RuntimeError(
            f"the reference {name} failed on hidden case {case.label!r} "
            f"({type(error).__name__}); this is a bug in the course, not in "
            "your work"
        ) from None
