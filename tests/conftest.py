"""Shared pytest configuration and helpers of the course test suite.

Test modules import the helpers (``from tests.conftest import hidden_failure``); they import
the packages under test lazily, so that loading this file costs nothing to a test that does
not use them.
"""

import pytest


class FailureText(str):
    """A check's failure message, with the ``function:key`` of each mistake it names beside it
    (the student's text no longer carries the key)."""

    mistakes: tuple = ()


def named_mistakes(failure) -> list[str]:
    """The catalogued mistakes that a check's failure names, as ``"function:key"`` strings in
    order: of a CheckFailure, a :class:`FailureText` or a trusted-side Verdict. Every test that
    asserts which mistake was named goes through here."""
    if hasattr(failure, "mistakes"):
        return list(failure.mistakes)
    if hasattr(failure, "mistake"):  # a Verdict names the first one
        return [failure.mistake] if failure.mistake else []
    raise TypeError(f"a {type(failure).__name__} does not say which mistakes it names")


def _caught(error) -> FailureText:
    text = FailureText(str(error))
    text.mistakes = tuple(error.mistakes)
    return text


def public_failure(name: str, fn) -> FailureText:
    """The message of the public check of graded function ``name`` failing ``fn``."""
    import optkit

    with pytest.raises(optkit.CheckFailure) as caught:
        optkit.check(name, fn)
    return _caught(caught.value)


def hidden_failure(name: str, fn, **options) -> FailureText:
    """The message of the hidden check of graded function ``name`` failing ``fn``."""
    import optkit
    from autograder.hidden_checks import hidden_check

    with pytest.raises(optkit.CheckFailure) as caught:
        hidden_check(name, fn, **options)
    return _caught(caught.value)


def default_seed_cases(name: str) -> list:
    """The hidden cases of ``name`` that grading draws with the default seed (the one formula
    of ``hidden_checks.hidden_rng``, never retyped here)."""
    from autograder.hidden_checks import hidden_rng
    from solutions.cases import hidden_cases

    return hidden_cases(name, hidden_rng(name))


def numeric_gradient(f, x, y, h=1e-6):
    """The gradient of ``f(x, y)`` by central finite differences of step ``h``."""
    return ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h))
