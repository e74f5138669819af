"""Shared pytest configuration and helpers of the course test suite.

Test modules import the helpers (``from tests.conftest import hidden_failure``); they import
the packages under test lazily, so that loading this file costs nothing to a test that does
not use them.
"""
import pytest


def named_mistakes(failure) -> list[str]:
    """The catalogued mistakes that a check's failure (a CheckFailure, or its message) names,
    as ``"function:key"`` strings in order. Every test that asserts which mistake a message
    names goes through here, so the format of the diagnosis is read in one place."""
    from optkit.compare import DIAGNOSIS_PATTERN
    return [match["mistake"] for match in DIAGNOSIS_PATTERN.finditer(str(failure))]


def public_failure(name: str, fn) -> str:
    """The message of the public check of graded function ``name`` failing ``fn``."""
    import optkit
    with pytest.raises(optkit.CheckFailure) as caught:
        optkit.check(name, fn)
    return str(caught.value)


def hidden_failure(name: str, fn, **options) -> str:
    """The message of the hidden check of graded function ``name`` failing ``fn``."""
    import optkit
    from autograder.hidden_checks import hidden_check
    with pytest.raises(optkit.CheckFailure) as caught:
        hidden_check(name, fn, **options)
    return str(caught.value)


def default_seed_cases(name: str) -> list:
    """The hidden cases of ``name`` drawn from the default grading seed alone."""
    import numpy as np
    from autograder import hidden_checks
    from solutions.cases import hidden_cases
    return hidden_cases(name, np.random.default_rng(hidden_checks.DEFAULT_SEED))


def numeric_gradient(f, x, y, h=1e-6):
    """The gradient of ``f(x, y)`` by central finite differences of step ``h``."""
    return ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h))
