"""Public and hidden checks of 08_beyond_gradients: what its cases cover, and work wrong in ways
the catalog does not list (what every function shares is in ``test_checks.py``)."""

import re

import numpy as np
import pytest

from autograder.hidden_checks import hidden_check, hidden_judged_cases
from solutions import reference
from solutions.cases import public_cases
from tests.conftest import default_seed_cases, hidden_failure, named_mistakes, public_failure

RANKS, METROPOLIS, TOURNAMENT = "rank_weights", "acceptance_probability", "tournament_selection"


def _has_ties(values) -> bool:
    return len(np.unique(values)) < len(values)


def test_rank_cases_cover_ties_small_and_large_populations():
    for cases in (public_cases(RANKS), default_seed_cases(RANKS)):
        assert any(_has_ties(case.kwargs["fitness"]) for case in cases)
        assert any(not _has_ties(case.kwargs["fitness"]) for case in cases)
    sizes = {len(case.kwargs["fitness"]) for case in default_seed_cases(RANKS)}
    assert min(sizes) == 2 and max(sizes) >= 50
    assert any(len(np.unique(case.kwargs["fitness"])) == 1 for case in default_seed_cases(RANKS))


def test_metropolis_cases_cover_zero_temperature_boundaries_and_shapes():
    for cases in (public_cases(METROPOLIS), default_seed_cases(METROPOLIS)):
        frozen = [case for case in cases if case.kwargs["temperature"] == 0]
        assert any(np.any(case.kwargs["delta"] == 0) for case in frozen)
        assert any(case.kwargs["temperature"] > 0 for case in cases)
        assert any(case.kwargs["delta"].ndim == 2 for case in cases)
    hidden = default_seed_cases(METROPOLIS)
    assert {case.kwargs["delta"].ndim for case in hidden} >= {1, 2}
    with np.errstate(over="raise"):  # even exp(+delta / T) stays finite on every case
        for case in hidden:
            if case.kwargs["temperature"] > 0:
                np.exp(np.abs(case.kwargs["delta"]) / case.kwargs["temperature"])


def test_tournament_cases_cover_ties_k_equal_one_and_first_contestants_that_lose():
    for cases in (public_cases(TOURNAMENT), default_seed_cases(TOURNAMENT)):
        tied_rows = first_loses = 0
        for case in cases:
            fitness, contestants = case.kwargs["fitness"], case.kwargs["contestants"]
            assert contestants.dtype.kind == "i" and contestants.max() < len(fitness)
            scores = fitness[contestants]
            best = scores.min(axis=1, keepdims=True)
            distinct_best = [len(set(row[s == b])) for row, s, b in zip(contestants, scores, best)]
            tied_rows += sum(count > 1 for count in distinct_best)
            first_loses += int(np.sum(scores[:, 0] > best[:, 0]))
        assert tied_rows >= 2 and first_loses >= 3
    assert any(case.kwargs["contestants"].shape[1] == 1 for case in default_seed_cases(TOURNAMENT))


def test_a_hidden_failure_names_the_case_and_place_but_never_an_expected_value():
    def off(delta, temperature):
        return reference(METROPOLIS)(delta, temperature) * 0.99

    message = hidden_failure(METROPOLIS, off)
    case = hidden_judged_cases(METROPOLIS)[0]
    assert message.splitlines()[0] == (
        f"✗ {METROPOLIS} failed hidden case 1 of {len(hidden_judged_cases(METROPOLIS))}: "
        f"{case.label}"
    )
    assert "returned probability:" in message and "largest absolute error" in message
    assert not re.search(r"expected -?\d", message)
    assert "def " not in message and "solutions" not in message


def test_sorting_the_fitness_in_place_is_reported_as_a_modified_input():
    def sorts_in_place(fitness):
        weights = reference(RANKS)(fitness.copy())
        fitness.sort()
        return weights

    for message in (public_failure(RANKS, sorts_in_place), hidden_failure(RANKS, sorts_in_place)):
        assert "input fitness: was modified by your function" in message


def test_a_list_of_winners_is_refused_with_a_clear_message():
    def returns_list(fitness, contestants):
        return list(reference(TOURNAMENT)(fitness, contestants))

    message = public_failure(TOURNAMENT, returns_list)
    assert (
        "returned winners: expected a numpy array of shape (4,); got a list of 4 items" in message
    )


def test_a_python_float_for_a_whole_array_of_moves_is_refused():
    def scalar(delta, temperature):
        return 1.0

    message = hidden_failure(METROPOLIS, scalar)
    assert "returned probability: expected a numpy array" in message and "got float 1.0" in message


def test_rank_weights_in_float32_pass_and_integer_weights_do_not():
    def float32_weights(fitness):
        return reference(RANKS)(fitness).astype(np.float32)

    hidden_check(RANKS, float32_weights)

    def integer_division(fitness):
        n = len(fitness)
        smaller = np.sum(fitness[None, :] < fitness[:, None], axis=1)
        return n // 2 - smaller // (n - 1)

    assert "expected a floating-point dtype" in hidden_failure(RANKS, integer_division)


@pytest.mark.parametrize("kind", [None, "stable", "quicksort", "heapsort"])
def test_argsort_of_argsort_is_named_whatever_order_the_sort_gives_ties(kind):
    def argsort_twice(fitness):
        n = len(fitness)
        return 0.5 - np.argsort(np.argsort(fitness, kind=kind), kind=kind) / (n - 1)

    def reversed_ties(fitness):
        order = np.lexsort((-np.arange(len(fitness)), fitness))
        ranks = np.empty(len(fitness))
        ranks[order] = np.arange(len(fitness))
        return 0.5 - ranks / (len(fitness) - 1)

    for fn in (argsort_twice, reversed_ties):
        for message in (public_failure(RANKS, fn), hidden_failure(RANKS, fn)):
            assert f"{RANKS}:ties_by_position" in named_mistakes(message)
