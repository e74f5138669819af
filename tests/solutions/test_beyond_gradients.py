"""The gradient-free building blocks and the multimodal landscapes against closed forms and laws."""

import itertools

import numpy as np
import pytest

from optkit import landscapes
from solutions.beyond_gradients import acceptance_probability, rank_weights, tournament_selection
from tests.conftest import numeric_gradient

# ---------------------------------------------------------------- rank_weights


@pytest.mark.parametrize("n", [2, 3, 5, 10, 101])
def test_distinct_values_get_evenly_spaced_weights_from_plus_to_minus_a_half(n):
    fitness = np.random.default_rng(n).permutation(n) * 1.7 - 3.0
    weights = rank_weights(fitness)
    assert weights.shape == (n,) and weights.dtype.kind == "f"
    np.testing.assert_allclose(np.sort(weights), np.linspace(-0.5, 0.5, n), atol=1e-15)
    assert weights[np.argmin(fitness)] == 0.5 and weights[np.argmax(fitness)] == -0.5


def test_two_samples_get_plus_and_minus_a_half():
    np.testing.assert_array_equal(rank_weights(np.array([0.3, -0.2])), [-0.5, 0.5])


@pytest.mark.parametrize("seed", range(5))
def test_weights_add_up_to_zero_with_and_without_ties(seed):
    rng = np.random.default_rng(seed)
    for fitness in (rng.normal(size=17), rng.integers(0, 4, size=17).astype(float)):
        assert abs(rank_weights(fitness).sum()) < 1e-12


def test_a_better_fitness_never_gets_a_smaller_weight():
    fitness = np.random.default_rng(0).integers(0, 6, size=40).astype(float)
    weights = rank_weights(fitness)
    better = fitness[:, None] < fitness[None, :]
    assert np.all(weights[:, None] > weights[None, :], where=better)
    same = fitness[:, None] == fitness[None, :]
    assert np.all(weights[:, None] == weights[None, :], where=same)


def test_only_the_order_counts_any_increasing_transformation_leaves_the_weights():
    fitness = np.random.default_rng(1).normal(size=25)
    fitness[[3, 7, 11]] = fitness[0]  # with ties
    weights = rank_weights(fitness)
    for transformed in (np.exp(fitness), 1e6 * fitness - 42.0, fitness**3, np.arctan(fitness)):
        np.testing.assert_array_equal(rank_weights(transformed), weights)


def test_negating_the_fitness_negates_the_weights():
    fitness = np.random.default_rng(2).integers(-3, 3, size=30).astype(float)
    np.testing.assert_allclose(rank_weights(-fitness), -rank_weights(fitness), atol=1e-15)


def test_weights_follow_their_samples_under_a_permutation():
    rng = np.random.default_rng(3)
    fitness = rng.integers(0, 5, size=20).astype(float)
    order = rng.permutation(20)
    np.testing.assert_array_equal(rank_weights(fitness[order]), rank_weights(fitness)[order])


@pytest.mark.parametrize("seed", range(4))
def test_closed_form_half_the_mean_sign_of_the_differences(seed):
    """w_i = sum_j sign(f_j - f_i) / (2 (n - 1)): every other sample counts +1 if worse, -1 if
    better and 0 if tied."""
    fitness = np.random.default_rng(seed).integers(0, 5, size=12).astype(float)
    n = len(fitness)
    expected = [sum(np.sign(fj - fi) for fj in fitness) / (2 * (n - 1)) for fi in fitness]
    np.testing.assert_allclose(rank_weights(fitness), expected, atol=1e-15)


def test_ties_share_the_average_of_their_ranks():
    # ascending ranks: 0.5 -> 0, 1;  1.25 -> 2, 3;  2.5 -> 4;  4 -> 5   (n - 1 = 5)
    weights = rank_weights(np.array([1.25, 0.5, 1.25, 2.5, 0.5, 4.0]))
    np.testing.assert_allclose(weights, 0.5 - np.array([2.5, 0.5, 2.5, 4, 0.5, 5]) / 5)
    np.testing.assert_array_equal(rank_weights(np.full(6, 2.0)), np.zeros(6))


def test_rank_weighted_noise_points_downhill_on_a_linear_function():
    """The ES step sum_i w_i eps_i (best weight +0.5) is, on average, along minus the gradient."""
    rng = np.random.default_rng(4)
    gradient = np.array([3.0, -1.0, 0.5])
    steps = []
    for _ in range(400):
        noise = rng.standard_normal((20, 3))
        fitness = noise @ gradient  # f(theta + sigma * eps) - f(theta), up to the factor sigma
        steps.append(rank_weights(fitness) @ noise)
    mean = np.mean(steps, axis=0)
    cosine = mean @ -gradient / (np.linalg.norm(mean) * np.linalg.norm(gradient))
    assert cosine > 0.99


def test_rank_weights_leave_the_fitness_unchanged():
    fitness = np.array([3.0, 1.0, 2.0])
    rank_weights(fitness)
    np.testing.assert_array_equal(fitness, [3.0, 1.0, 2.0])


# ---------------------------------------------------------------- acceptance_probability


def test_moves_that_are_not_worse_are_always_accepted():
    delta = np.array([-1e6, -2.0, -1e-12, 0.0])
    for temperature in (0.0, 1e-9, 0.5, 3.0, 1e9):
        np.testing.assert_array_equal(acceptance_probability(delta, temperature), np.ones(4))


def test_worse_moves_follow_the_boltzmann_factor():
    delta = np.array([[0.1, 0.5], [1.0, 7.0]])
    for temperature in (0.2, 1.0, 4.0):
        np.testing.assert_allclose(
            acceptance_probability(delta, temperature), np.exp(-delta / temperature), rtol=1e-15
        )
    assert acceptance_probability(np.array([1.0]), 1.0)[0] == pytest.approx(1 / np.e)


def test_zero_temperature_is_greedy_descent():
    p = acceptance_probability(np.array([-3.0, 0.0, 1e-12, 5.0]), 0.0)
    np.testing.assert_array_equal(p, [1.0, 1.0, 0.0, 0.0])


def test_limits_freezing_and_melting():
    delta = np.array([0.01, 1.0, 100.0])
    np.testing.assert_allclose(acceptance_probability(delta, 1e-6), 0.0, atol=1e-300)
    np.testing.assert_allclose(acceptance_probability(delta, 1e9), 1.0, rtol=1e-6)


def test_probability_falls_with_delta_and_rises_with_temperature():
    delta = np.linspace(0.01, 10, 50)
    p = acceptance_probability(delta, 2.0)
    assert np.all(np.diff(p) < 0) and np.all((p > 0) & (p < 1))
    temperatures = np.geomspace(0.1, 100, 30)
    across = [acceptance_probability(np.array([1.5]), t)[0] for t in temperatures]
    assert np.all(np.diff(across) > 0)


def test_two_worse_moves_in_a_row_multiply_like_one_larger_move():
    a, b, temperature = np.array([0.7]), np.array([1.9]), 1.3
    assert acceptance_probability(a + b, temperature)[0] == pytest.approx(
        acceptance_probability(a, temperature)[0] * acceptance_probability(b, temperature)[0]
    )


@pytest.mark.parametrize("temperature", [0.3, 1.0, 5.0])
def test_metropolis_chain_has_the_boltzmann_distribution(temperature):
    """Detailed balance: with symmetric proposals the chain's stationary law is exp(-E/T)/Z."""
    energies = np.array([0.0, 2.0, 0.5, 3.0, 1.0, 0.2])
    n = len(energies)
    transition = np.zeros((n, n))
    for i in range(n):
        for j in ((i - 1) % n, (i + 1) % n):  # propose a neighbour on a ring, 1/2 each
            delta = np.array([energies[j] - energies[i]])
            transition[i, j] = 0.5 * acceptance_probability(delta, temperature)[0]
        transition[i, i] = 1 - transition[i].sum()
    boltzmann = np.exp(-energies / temperature)
    boltzmann /= boltzmann.sum()
    np.testing.assert_allclose(boltzmann @ transition, boltzmann, atol=1e-14)
    flow = boltzmann[:, None] * transition
    np.testing.assert_allclose(flow, flow.T, atol=1e-15)


def test_shape_dtype_and_inputs_are_respected():
    delta = np.float32([[0.5, -1.0, 2.0]])
    p = acceptance_probability(delta, 1.0)
    assert p.shape == (1, 3) and p.dtype.kind == "f"
    np.testing.assert_array_equal(delta, np.float32([[0.5, -1.0, 2.0]]))


# ---------------------------------------------------------------- tournament_selection


def test_the_lowest_fitness_of_each_row_wins():
    fitness = np.array([4.2, 1.3, 7.5, 0.6, 2.9, 5.1])
    contestants = np.array([[2, 1, 5], [0, 4, 3], [5, 2, 0], [1, 1, 2]])
    np.testing.assert_array_equal(tournament_selection(fitness, contestants), [1, 3, 0, 1])


def test_winners_are_contestants_of_their_row_with_no_better_rival():
    rng = np.random.default_rng(0)
    fitness = rng.integers(0, 6, size=30).astype(float)
    contestants = rng.integers(0, 30, size=(200, 4))
    winners = tournament_selection(fitness, contestants)
    assert winners.shape == (200,) and winners.dtype.kind in "iu"
    assert np.all(np.any(contestants == winners[:, None], axis=1))
    assert np.all(fitness[winners][:, None] <= fitness[contestants])


def test_ties_go_to_the_first_contestant_in_the_row():
    fitness = np.array([1.0, 0.0, 1.0, 0.0, 2.0])
    contestants = np.array([[0, 2, 4], [4, 3, 1], [2, 0, 4], [3, 1, 0]])
    np.testing.assert_array_equal(tournament_selection(fitness, contestants), [0, 3, 2, 3])
    np.testing.assert_array_equal(
        tournament_selection(np.zeros(4), contestants[:, ::-1] % 4), contestants[:, -1] % 4
    )


def test_tournaments_of_one_return_the_contestants():
    contestants = np.array([[2], [0], [2], [1]])
    np.testing.assert_array_equal(
        tournament_selection(np.array([0.5, -0.5, 1.5]), contestants), contestants[:, 0]
    )


def test_only_the_order_of_the_fitness_matters():
    rng = np.random.default_rng(1)
    fitness = rng.normal(size=15)
    contestants = rng.integers(0, 15, size=(50, 3))
    winners = tournament_selection(fitness, contestants)
    for transformed in (np.exp(fitness), 3 * fitness + 10, fitness**3):
        np.testing.assert_array_equal(tournament_selection(transformed, contestants), winners)


@pytest.mark.parametrize("n, k", [(4, 1), (4, 2), (5, 3), (3, 4)])
def test_selection_probabilities_over_all_possible_tournaments(n, k):
    """Drawing k contestants uniformly with replacement, the individual of rank r (0 = best)
    wins with probability ((n - r)^k - (n - r - 1)^k) / n^k: every contestant ranks r or worse,
    and not all of them rank worse than r."""
    fitness = np.array([3.0, 0.5, 9.0, 1.5, 4.0])[:n]
    contestants = np.array(list(itertools.product(range(n), repeat=k)))
    wins = np.bincount(tournament_selection(fitness, contestants), minlength=n)
    ranks = np.argsort(np.argsort(fitness))
    expected = (n - ranks) ** k - (n - ranks - 1) ** k
    np.testing.assert_array_equal(wins, expected)
    assert wins.sum() == n**k


def test_inputs_are_left_unchanged():
    fitness, contestants = np.array([2.0, 1.0, 3.0]), np.array([[0, 1], [2, 0]])
    tournament_selection(fitness, contestants)
    np.testing.assert_array_equal(fitness, [2.0, 1.0, 3.0])
    np.testing.assert_array_equal(contestants, [[0, 1], [2, 0]])


# ---------------------------------------------------------------- multimodal landscapes

MULTIMODAL = {
    "rastrigin": landscapes.rastrigin(),
    "ackley": landscapes.ackley(),
    "eggholder": landscapes.eggholder(),
}


@pytest.mark.parametrize("name", MULTIMODAL)
def test_gradients_match_central_finite_differences_away_from_kinks(name):
    land = MULTIMODAL[name]
    points = np.random.default_rng(0).uniform(land.xlim[0], land.xlim[1], size=(300, 2))
    h = 1e-6 * (land.xlim[1] - land.xlim[0])
    analytic = np.array(land.grad(points[:, 0], points[:, 1]))
    numeric = np.array(numeric_gradient(land.f, points[:, 0], points[:, 1], h))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", MULTIMODAL)
def test_the_stated_minimum_is_the_lowest_point_of_a_fine_grid(name):
    land = MULTIMODAL[name]
    X, Y = np.meshgrid(np.linspace(*land.xlim, 1001), np.linspace(*land.ylim, 1001))
    assert land.f(*land.minimum) <= land.f(X, Y).min() + 1e-9


def test_known_values_and_minima():
    rastrigin, ackley, eggholder = MULTIMODAL.values()
    assert rastrigin.f(0.0, 0.0) == 0.0 and rastrigin.f(0.5, 0.0) == pytest.approx(20.25)
    assert rastrigin.f(1.0, -2.0) == pytest.approx(5.0)  # a dip at integer points
    assert ackley.f(0.0, 0.0) == pytest.approx(0.0, abs=1e-12)
    assert eggholder.f(*eggholder.minimum) == pytest.approx(-959.6407, abs=1e-4)
    np.testing.assert_array_equal(ackley.grad(0.0, 0.0), (0.0, 0.0))  # the cone's tip
    np.testing.assert_allclose(rastrigin.grad(0.0, 0.0), (0.0, 0.0), atol=1e-12)


def test_rastrigin_has_a_local_minimum_near_every_integer_point():
    rastrigin = landscapes.rastrigin()
    for x0, y0 in [(1, 0), (-2, 3), (4, -4)]:
        # Newton on each coordinate from the integer point: d/dx (x² - 10 cos 2πx) = 0.
        x, y = float(x0), float(y0)
        for _ in range(20):
            gx, gy = rastrigin.grad(x, y)
            x -= gx / (2 + 40 * np.pi**2 * np.cos(2 * np.pi * x))
            y -= gy / (2 + 40 * np.pi**2 * np.cos(2 * np.pi * y))
        assert abs(x - x0) < 0.06 and abs(y - y0) < 0.06
        assert rastrigin.f(x, y) < min(rastrigin.f(x + 0.1, y), rastrigin.f(x, y - 0.1))
        assert rastrigin.f(x, y) > 0.9 * (x0**2 + y0**2)


def test_f_and_grad_broadcast_and_the_kinks_give_finite_gradients():
    for land in MULTIMODAL.values():
        X, Y = np.meshgrid(np.linspace(*land.xlim, 7), np.linspace(*land.ylim, 5))
        assert land.f(X, Y).shape == X.shape
        assert np.shape(land.grad(X, Y)) == (2, *X.shape)
    eggholder = landscapes.eggholder()
    with np.errstate(all="raise"):
        gradient = eggholder.grad(np.array([100.0, 0.0]), np.array([-97.0, -47.0]))  # |.| = 0
    assert np.all(np.isfinite(gradient))
