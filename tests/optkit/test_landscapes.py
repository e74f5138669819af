"""optkit.landscapes: right gradients and minima, and a run_optimizer that is faithful."""

import numpy as np
import pytest

from optkit import landscapes
from tests.conftest import numeric_gradient

LANDSCAPES = {
    "quadratic": landscapes.quadratic(),
    "rotated quadratic": landscapes.quadratic(a=2.0, b=30.0, angle=0.7),
    "rosenbrock": landscapes.rosenbrock(),
    "shifted rosenbrock": landscapes.rosenbrock(a=-0.5, b=10.0),
}


@pytest.mark.parametrize("name", LANDSCAPES)
def test_gradient_matches_central_finite_differences(name):
    land = LANDSCAPES[name]
    rng = np.random.default_rng(0)
    for x, y in rng.uniform(-2, 2, size=(20, 2)):
        np.testing.assert_allclose(
            land.grad(x, y), numeric_gradient(land.f, x, y), rtol=1e-6, atol=1e-5
        )


@pytest.mark.parametrize("name", LANDSCAPES)
def test_the_stated_minimum_is_a_stationary_point_below_its_neighbourhood(name):
    land = LANDSCAPES[name]
    x0, y0 = land.minimum
    np.testing.assert_allclose(land.grad(x0, y0), (0.0, 0.0), atol=1e-12)
    rng = np.random.default_rng(1)
    for dx, dy in rng.normal(scale=0.1, size=(50, 2)):
        assert land.f(x0 + dx, y0 + dy) > land.f(x0, y0)


@pytest.mark.parametrize("name", LANDSCAPES)
def test_f_and_grad_broadcast_over_grids(name):
    land = LANDSCAPES[name]
    X, Y = np.meshgrid(np.linspace(*land.xlim, 7), np.linspace(*land.ylim, 5))
    assert land.f(X, Y).shape == X.shape
    assert np.shape(land.grad(X, Y)) == (2, *X.shape)
    assert land(1.0, 2.0) == land.f(1.0, 2.0)


def test_quadratic_curvatures_are_a_along_and_b_across_the_turned_valley():
    angle = 0.3
    land = landscapes.quadratic(a=2.0, b=50.0, angle=angle)
    along = np.array([np.cos(angle), np.sin(angle)])
    across = np.array([-np.sin(angle), np.cos(angle)])
    assert land.f(*along) == pytest.approx(0.5 * 2.0)
    assert land.f(*across) == pytest.approx(0.5 * 50.0)
    assert "condition number 25" in land.name
    assert "condition number 4" in landscapes.quadratic(a=8.0, b=2.0).name


def test_rosenbrock_known_values():
    land = landscapes.rosenbrock()
    assert land.minimum == (1.0, 1.0)
    assert land.f(0.0, 0.0) == 1.0
    assert land.f(-1.0, 1.0) == 4.0
    assert land.grad(0.0, 0.0) == (-2.0, 0.0)


def test_parameters_round_trip():
    parameters = landscapes.as_parameters((1.5, -2.0))
    assert set(parameters) == {"W1", "b1"}
    assert parameters["W1"].shape == parameters["b1"].shape == (1, 1)
    assert parameters["W1"].dtype == np.float64
    np.testing.assert_array_equal(landscapes.as_point(parameters), [1.5, -2.0])


def _gd(learning_rate):
    def step(parameters, grads):
        parameters["W1"] = parameters["W1"] - learning_rate * grads["dW1"]
        parameters["b1"] = parameters["b1"] - learning_rate * grads["db1"]
        return parameters

    return step


def test_run_optimizer_gradient_descent_follows_the_closed_form_on_a_quadratic():
    a, b, lr, n = 1.0, 10.0, 0.05, 30
    land = landscapes.quadratic(a=a, b=b)
    path, losses = landscapes.run_optimizer(_gd(lr), land.f, land.grad, (3.0, -1.0), n)
    t = np.arange(n + 1)
    assert path.shape == (n + 1, 2) and losses.shape == (n + 1,)
    np.testing.assert_allclose(path[:, 0], 3.0 * (1 - lr * a) ** t)
    np.testing.assert_allclose(path[:, 1], -1.0 * (1 - lr * b) ** t)
    np.testing.assert_allclose(losses, land.f(path[:, 0], path[:, 1]))


def test_run_optimizer_passes_the_point_and_its_gradient_in_the_course_dicts():
    land = landscapes.rosenbrock()
    seen = []

    def step(parameters, grads):
        seen.append((landscapes.as_point(parameters), grads["dW1"].item(), grads["db1"].item()))
        assert set(grads) == {"dW1", "db1"} and grads["dW1"].shape == (1, 1)
        return parameters

    path, _ = landscapes.run_optimizer(step, land.f, land.grad, (-1.0, 2.0), 2)
    np.testing.assert_array_equal(path, [[-1.0, 2.0]] * 3)
    point, dx, dy = seen[0]
    np.testing.assert_array_equal(point, [-1.0, 2.0])
    assert (dx, dy) == land.grad(-1.0, 2.0)


def test_run_optimizer_is_not_fooled_by_steps_that_update_in_place():
    land = landscapes.quadratic(a=1.0, b=4.0)

    def in_place(parameters, grads):
        parameters["W1"] -= 0.1 * grads["dW1"]
        parameters["b1"] -= 0.1 * grads["db1"]
        return parameters

    path, _ = landscapes.run_optimizer(in_place, land.f, land.grad, (1.0, 1.0), 3)
    expected, _ = landscapes.run_optimizer(_gd(0.1), land.f, land.grad, (1.0, 1.0), 3)
    np.testing.assert_allclose(path, expected)
    assert len({tuple(p) for p in path}) == 4  # every iterate stored, not one shared array


def test_run_optimizer_noise_is_seeded_and_zero_noise_is_exact():
    land = landscapes.quadratic()

    def run(**kw):
        return landscapes.run_optimizer(_gd(0.01), land.f, land.grad, (-5, 1), 20, **kw)[0]

    np.testing.assert_array_equal(run(noise=1.0, seed=3), run(noise=1.0, seed=3))
    assert not np.array_equal(run(noise=1.0, seed=3), run(noise=1.0, seed=4))
    assert not np.array_equal(run(noise=1.0, seed=3), run())
    np.testing.assert_array_equal(run(noise=0.0, seed=3), run(noise=0.0, seed=4))


def test_run_optimizer_leaves_the_global_random_state_alone():
    land = landscapes.quadratic()
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    landscapes.run_optimizer(_gd(0.01), land.f, land.grad, (-5, 1), 10, noise=1.0)
    assert np.random.rand() == expected


def test_run_optimizer_stops_quietly_when_the_run_diverges():
    land = landscapes.quadratic(a=1.0, b=100.0)
    with np.errstate(all="raise"):  # no overflow warning may escape
        path, losses = landscapes.run_optimizer(_gd(1.0), land.f, land.grad, (1.0, 1.0), 10_000)
    assert len(path) == len(losses) < 10_001
    assert not np.isfinite(losses[-1]) and np.all(np.isfinite(losses[:-1]))


def test_run_optimizer_explains_a_step_that_returns_a_tuple():
    land = landscapes.quadratic()

    def forgets_to_unpack(parameters, grads):
        return parameters, {}

    with pytest.raises(TypeError, match=r"unpack it inside step"):
        landscapes.run_optimizer(forgets_to_unpack, land.f, land.grad, (1.0, 1.0), 3)
