"""Public and hidden checks of 02_mini_batches: what its cases cover and what its messages say
(what every function shares is in ``test_checks.py``)."""

import re

import numpy as np
import pytest

import optkit
from autograder import hidden_checks
from autograder.hidden_checks import hidden_judged_cases
from solutions import reference
from solutions.cases import hidden_cases, public_cases
from tests.conftest import hidden_failure, public_failure

NAME = "random_mini_batches"
REFERENCE = reference(NAME)


def test_the_labels_have_the_dtype_of_the_data_in_both_case_sets():
    for cases in (public_cases(NAME), hidden_cases(NAME, np.random.default_rng(0))):
        assert all(case.kwargs["Y"].dtype == case.kwargs["X"].dtype for case in cases)


def test_public_cases_have_every_kind_of_last_batch():
    shapes = [
        (case.kwargs["X"].shape[1], case.kwargs.get("mini_batch_size", 64))
        for case in public_cases(NAME)
    ]
    assert any(m % size == 0 for m, size in shapes)  # batches come out even
    assert any(m < size for m, size in shapes)  # no complete batch
    assert any(m > size and m % size for m, size in shapes)  # a last smaller batch
    assert any(case.kwargs["Y"].shape[0] > 1 for case in public_cases(NAME))


def test_hidden_cases_cover_the_edge_counts_shapes_and_seeds():
    cases = hidden_cases(NAME, np.random.default_rng(hidden_checks.DEFAULT_SEED))
    shapes = {(case.kwargs["X"].shape[1], case.kwargs.get("mini_batch_size", 64)) for case in cases}
    assert {(1, 64), (1, 1), (16, 16), (5, 8), (65, 64)} <= shapes
    assert any(m % size == 0 and m > size for m, size in shapes)
    assert any(m % size == 1 and m > size for m, size in shapes)
    assert any(size == 1 and m > 1 for m, size in shapes)
    assert {case.kwargs["X"].shape[0] for case in cases} >= {1, 2, 3}
    assert max(case.kwargs["Y"].shape[0] for case in cases) > 1
    seeds = {case.kwargs.get("seed", 0) for case in cases}
    assert 0 in seeds and len(seeds) >= 8
    assert any(
        "seed" not in case.kwargs and "mini_batch_size" not in case.kwargs for case in cases
    ), "one case relies on the defaults 64 and 0"


def test_exact_means_exact_a_rounding_error_fails():
    def nearly(X, Y, mini_batch_size=64, seed=0):
        return [
            (X_batch * (1 + 1e-12), Y_batch)
            for X_batch, Y_batch in REFERENCE(X, Y, mini_batch_size, seed)
        ]

    message = public_failure(NAME, nearly)
    assert "mini-batch 0, X_batch:" in message and "values must be identical" in message


def test_a_hidden_failure_names_the_batch_but_never_an_expected_value():
    def reversed_last(X, Y, mini_batch_size=64, seed=0):
        batches = REFERENCE(X, Y, mini_batch_size, seed)
        X_last, Y_last = batches[-1]
        batches[-1] = (X_last[:, ::-1], Y_last[:, ::-1])
        return batches

    message = hidden_failure(NAME, reversed_last)
    case = hidden_judged_cases(NAME)[0]
    assert message.splitlines()[0] == f"✗ {NAME} failed hidden case 1 of 16: {case.label}"
    assert "mini-batch 0, X_batch:" in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    for X_batch, _ in case.expected.returned:
        for value in X_batch.ravel():
            assert f"{value:.6g}" not in message or abs(value) < 1e-3
    assert "def " not in message and "solutions" not in message


def test_messages_say_what_is_wrong():
    def transposed(X, Y, mini_batch_size=64, seed=0):
        return [
            (X_batch.T, Y_batch.T) for X_batch, Y_batch in REFERENCE(X, Y, mini_batch_size, seed)
        ]

    assert "mini-batch 0, X_batch: expected shape (3, 4); got shape (4, 3)" in public_failure(
        NAME, transposed
    )

    def only_X(X, Y, mini_batch_size=64, seed=0):
        return [X_batch for X_batch, _ in REFERENCE(X, Y, mini_batch_size, seed)]

    assert "mini-batch 0: expected a tuple of 2 items; got a numpy array" in public_failure(
        NAME, only_X
    )

    def sorts_X_in_place(X, Y, mini_batch_size=64, seed=0):
        batches = REFERENCE(X, Y, mini_batch_size, seed)
        X.sort(axis=0)
        X[...] = X[::-1]
        return batches

    assert "input X: was modified by your function" in hidden_failure(NAME, sorts_X_in_place)
    assert "returned None" in hidden_failure(NAME, lambda X, Y, mini_batch_size=64, seed=0: None)


def test_a_float_batch_count_crashes_with_a_note_naming_the_case():
    """The seeds' classic bug: range() refuses the float m / mini_batch_size (np.floor too).

    The check lets the student's own TypeError through, with a note saying which case raised it.
    """

    def float_count(X, Y, mini_batch_size=64, seed=0):
        np.random.seed(seed)
        m = X.shape[1]
        permutation = list(np.random.permutation(m))
        shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
        mini_batches = []
        for k in range(np.floor(m / mini_batch_size)):
            mini_batches.append(
                (
                    shuffled_X[:, k * mini_batch_size : (k + 1) * mini_batch_size],
                    shuffled_Y[:, k * mini_batch_size : (k + 1) * mini_batch_size],
                )
            )
        return mini_batches

    with pytest.raises(TypeError, match="cannot be interpreted as an integer") as caught:
        optkit.check(NAME, float_count)
    notes = getattr(caught.value, "__notes__", [])
    assert notes and notes[0].startswith(f"(raised by {NAME} in public case 1 of ")
