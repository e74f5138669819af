"""Public and hidden checks of 02_mini_batches on real implementations: correct, different, cheating."""
import re

import numpy as np
import pytest

import optkit
from autograder import hidden_checks
from autograder.hidden_checks import hidden_check, hidden_judged_cases
from solutions import reference
from solutions.alternatives import correct_variants
from solutions.cases import hidden_cases, public_cases
from tests.implementations.cheats import _public_answer

NAME = "random_mini_batches"
REFERENCE = reference(NAME)


def _hidden_failure(fn, **options) -> str:
    with pytest.raises(optkit.CheckFailure) as caught:
        hidden_check(NAME, fn, **options)
    return str(caught.value)


def _public_failure(fn) -> str:
    with pytest.raises(optkit.CheckFailure) as caught:
        optkit.check(NAME, fn)
    return str(caught.value)


def lookup_batches(X, Y, mini_batch_size=64, seed=0):
    """Knows the public answers; otherwise cuts the data unshuffled."""
    inputs = {"X": X, "Y": Y, "mini_batch_size": mini_batch_size, "seed": seed}
    answer = _public_answer(NAME, inputs)
    if answer is not None:
        return answer
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size])
            for k in range(0, X.shape[1], mini_batch_size)]


def test_the_reference_passes_public_and_hidden(capsys):
    optkit.check(NAME, REFERENCE)
    hidden_check(NAME, REFERENCE)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"✓ {NAME} passed {len(public_cases(NAME))} public cases.")
    assert out[2] == f"✓ {NAME} passed {len(hidden_judged_cases(NAME))} hidden cases."


@pytest.mark.parametrize("fn", correct_variants(NAME), ids=lambda fn: fn.__name__)
def test_correct_implementations_written_differently_pass_both(fn, capsys):
    optkit.check(NAME, fn)
    hidden_check(NAME, fn)
    assert capsys.readouterr().out.count("✓") == 2


def test_both_case_sets_include_float32_and_float64_inputs():
    for cases in (public_cases(NAME), hidden_cases(NAME, np.random.default_rng(0))):
        dtypes = {case.kwargs["X"].dtype for case in cases}
        assert dtypes == {np.dtype(np.float32), np.dtype(np.float64)}
        assert all(case.kwargs["Y"].dtype == case.kwargs["X"].dtype for case in cases)


def test_public_cases_have_every_kind_of_last_batch():
    shapes = [(case.kwargs["X"].shape[1], case.kwargs.get("mini_batch_size", 64))
              for case in public_cases(NAME)]
    assert any(m % size == 0 for m, size in shapes)             # batches come out even
    assert any(m < size for m, size in shapes)                  # no complete batch
    assert any(m > size and m % size for m, size in shapes)     # a last smaller batch
    assert any(case.kwargs["Y"].shape[0] > 1 for case in public_cases(NAME))


def test_hidden_cases_cover_the_edge_counts_shapes_and_seeds():
    cases = hidden_cases(NAME, np.random.default_rng(hidden_checks.DEFAULT_SEED))
    shapes = {(case.kwargs["X"].shape[1], case.kwargs.get("mini_batch_size", 64))
              for case in cases}
    assert {(1, 64), (1, 1), (16, 16), (5, 8), (65, 64)} <= shapes
    assert any(m % size == 0 and m > size for m, size in shapes)
    assert any(m % size == 1 and m > size for m, size in shapes)
    assert any(size == 1 and m > 1 for m, size in shapes)
    assert {case.kwargs["X"].shape[0] for case in cases} >= {1, 2, 3}
    assert max(case.kwargs["Y"].shape[0] for case in cases) > 1
    seeds = {case.kwargs.get("seed", 0) for case in cases}
    assert 0 in seeds and len(seeds) >= 8
    assert any("seed" not in case.kwargs and "mini_batch_size" not in case.kwargs
               for case in cases), "one case relies on the defaults 64 and 0"


def test_a_cheat_that_knows_the_public_answers_passes_public_but_not_hidden(capsys):
    optkit.check(NAME, lookup_batches)
    assert f"passed {len(public_cases(NAME))} public cases" in capsys.readouterr().out
    assert _hidden_failure(lookup_batches).startswith(f"✗ {NAME} failed hidden case 1 of ")


def test_exact_means_exact_a_rounding_error_fails():
    def nearly(X, Y, mini_batch_size=64, seed=0):
        return [(X_batch * (1 + 1e-12), Y_batch)
                for X_batch, Y_batch in REFERENCE(X, Y, mini_batch_size, seed)]
    message = _public_failure(nearly)
    assert "mini-batch 0, X_batch:" in message and "values must be identical" in message


def test_a_hidden_failure_names_the_batch_but_never_an_expected_value():
    def reversed_last(X, Y, mini_batch_size=64, seed=0):
        batches = REFERENCE(X, Y, mini_batch_size, seed)
        X_last, Y_last = batches[-1]
        batches[-1] = (X_last[:, ::-1], Y_last[:, ::-1])
        return batches
    message = _hidden_failure(reversed_last)
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
        return [(X_batch.T, Y_batch.T) for X_batch, Y_batch in REFERENCE(X, Y, mini_batch_size, seed)]
    assert "mini-batch 0, X_batch: expected shape (3, 4); got shape (4, 3)" in _public_failure(
        transposed)

    def only_X(X, Y, mini_batch_size=64, seed=0):
        return [X_batch for X_batch, _ in REFERENCE(X, Y, mini_batch_size, seed)]
    assert "mini-batch 0: expected a tuple of 2 items; got a numpy array" in _public_failure(only_X)

    def sorts_X_in_place(X, Y, mini_batch_size=64, seed=0):
        batches = REFERENCE(X, Y, mini_batch_size, seed)
        X.sort(axis=0)
        X[...] = X[::-1]
        return batches
    assert "input X: was modified by your function" in _hidden_failure(sorts_X_in_place)
    assert "returned None" in _hidden_failure(lambda X, Y, mini_batch_size=64, seed=0: None)


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
            mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                                 shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
        return mini_batches
    with pytest.raises(TypeError, match="cannot be interpreted as an integer") as caught:
        optkit.check(NAME, float_count)
    notes = getattr(caught.value, "__notes__", [])
    assert notes and notes[0].startswith(f"(raised by {NAME} in public case 1 of ")


def test_hidden_cases_are_deterministic_and_the_seed_can_be_changed(monkeypatch):
    labels = [case.label for case in hidden_judged_cases(NAME)]
    assert labels == [case.label for case in hidden_judged_cases(NAME)]
    other = [case.label for case in hidden_judged_cases(NAME, seed=7)]
    monkeypatch.setenv(hidden_checks.SEED_VARIABLE, "7")
    assert [case.label for case in hidden_judged_cases(NAME)] == other != labels
