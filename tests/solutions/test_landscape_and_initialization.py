"""The references of 09_landscape_and_initialization against closed forms, invariances and laws."""

import numpy as np
import pytest

from optkit.network import relu
from solutions.adaptive_methods import (
    initialize_adam,
    initialize_rmsprop,
    update_parameters_with_adam,
    update_parameters_with_rmsprop,
)
from solutions.landscape_and_initialization import (
    classify_critical_point,
    initialize_parameters,
    precondition_gradients,
)


def _rotation(n, seed):
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(n, n)))
    return q


def _with_eigenvalues(eigenvalues, seed=0):
    q = _rotation(len(eigenvalues), seed)
    hessian = q @ np.diag(eigenvalues) @ q.T
    return (hessian + hessian.T) / 2


# ---------------------------------------------------------------- classify_critical_point


@pytest.mark.parametrize(
    "hessian, kind",
    [
        ([[2.0, 0.0], [0.0, 2.0]], "minimum"),  # x^2 + y^2 at 0
        ([[-2.0, 0.0], [0.0, -2.0]], "maximum"),  # -(x^2 + y^2)
        ([[2.0, 0.0], [0.0, -2.0]], "saddle"),  # x^2 - y^2
        ([[0.0, 1.0], [1.0, 0.0]], "saddle"),  # x y: eigenvalues +1 and -1
        ([[2.0, 0.0], [0.0, 0.0]], "degenerate"),  # x^2 + y^4: the test cannot tell
        ([[0.0, 0.0], [0.0, 0.0]], "degenerate"),  # x^3 - 3 x y^2 (monkey saddle)
        ([[802.0, -400.0], [-400.0, 200.0]], "minimum"),  # Rosenbrock at (1, 1)
        ([[5.0]], "minimum"),
        ([[-1e-3]], "maximum"),
        ([[0.0]], "degenerate"),
    ],
)
def test_textbook_critical_points(hessian, kind):
    assert classify_critical_point(np.array(hessian)) == kind


def test_a_positive_and_a_negative_curvature_make_a_saddle_even_beside_a_flat_direction():
    assert classify_critical_point(np.diag([3.0, 0.0, -1.0])) == "saddle"
    assert classify_critical_point(np.diag([3.0, 0.0, 1.0])) == "degenerate"
    assert classify_critical_point(np.diag([-3.0, 0.0, -1.0])) == "degenerate"


@pytest.mark.parametrize("seed", range(6))
def test_the_kind_is_invariant_under_rotation_and_positive_scaling(seed):
    rng = np.random.default_rng(seed)
    for eigenvalues, kind in [
        (rng.uniform(0.1, 5, 4), "minimum"),
        (-rng.uniform(0.1, 5, 4), "maximum"),
        ([2.0, -1.0, 0.5, 3.0], "saddle"),
        ([2.0, 0.0, 0.5, 3.0], "degenerate"),
    ]:
        for scale in (1e-12, 1e-3, 1.0, 1e4, 1e12):
            hessian = scale * _with_eigenvalues(np.asarray(eigenvalues, float), seed)
            assert classify_critical_point(hessian) == kind


def test_negating_the_loss_swaps_minimum_and_maximum_and_keeps_saddles_and_degenerates():
    swap = {
        "minimum": "maximum",
        "maximum": "minimum",
        "saddle": "saddle",
        "degenerate": "degenerate",
    }
    rng = np.random.default_rng(7)
    for _ in range(30):
        eigenvalues = rng.choice([-2.0, -0.5, 0.0, 0.7, 3.0], size=rng.integers(1, 5))
        hessian = _with_eigenvalues(eigenvalues, int(rng.integers(100)))
        assert classify_critical_point(-hessian) == swap[classify_critical_point(hessian)]


def test_the_tolerance_is_relative_to_the_largest_eigenvalue():
    assert classify_critical_point(np.diag([1.0, 1e-7])) == "degenerate"
    assert classify_critical_point(np.diag([1.0, 1e-5])) == "minimum"
    assert classify_critical_point(np.diag([1.0, 1e-5]), tol=1e-4) == "degenerate"
    assert classify_critical_point(np.diag([1e-9, 1e-15])) == "degenerate"
    assert classify_critical_point(np.diag([1e-9, 1e-12])) == "minimum"


def test_a_finite_difference_hessian_of_a_known_function_is_classified_right():
    def f(x):  # minimum at (1, -2), saddle at (0, 0)... of a function with both
        return x[0] ** 4 / 4 - x[0] ** 2 / 2 + x[1] ** 2

    def hessian(x, h=1e-4):
        n = len(x)
        H = np.zeros((n, n))
        for i in range(n):
            for j in range(n):
                e_i, e_j = h * np.eye(n)[i], h * np.eye(n)[j]
                H[i, j] = (
                    f(x + e_i + e_j) - f(x + e_i - e_j) - f(x - e_i + e_j) + f(x - e_i - e_j)
                ) / (4 * h * h)
        return (H + H.T) / 2

    assert classify_critical_point(hessian(np.array([0.0, 0.0])), tol=1e-4) == "saddle"
    assert classify_critical_point(hessian(np.array([1.0, 0.0])), tol=1e-4) == "minimum"
    assert classify_critical_point(hessian(np.array([-1.0, 0.0])), tol=1e-4) == "minimum"


def test_float32_input_gives_the_same_answer():
    hessian = _with_eigenvalues(np.array([4.0, -1.0, 2.0]), 3)
    assert classify_critical_point(hessian.astype(np.float32)) == "saddle"


# ---------------------------------------------------------------- initialize_parameters


@pytest.mark.parametrize("method", ["zeros", "random", "xavier", "he"])
def test_shapes_dtype_zero_biases_and_reproducibility(method):
    dims = [5, 4, 3, 1]
    parameters = initialize_parameters(dims, method, seed=11)
    assert list(parameters) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    for l in range(1, 4):
        assert parameters[f"W{l}"].shape == (dims[l], dims[l - 1])
        assert parameters[f"W{l}"].dtype == np.float64
        np.testing.assert_array_equal(parameters[f"b{l}"], np.zeros((dims[l], 1)))
    again = initialize_parameters(dims, method, seed=11)
    assert all(np.array_equal(parameters[k], again[k]) for k in parameters)


def test_one_generator_in_layer_order_scaled_per_layer():
    dims = [3, 4, 2]
    rng = np.random.default_rng(5)
    z1, z2 = rng.standard_normal((4, 3)), rng.standard_normal((2, 4))
    he = initialize_parameters(dims, "he", seed=5)
    np.testing.assert_allclose(he["W1"], z1 * np.sqrt(2 / 3), rtol=1e-15)
    np.testing.assert_allclose(he["W2"], z2 * np.sqrt(2 / 4), rtol=1e-15)
    xavier = initialize_parameters(dims, "xavier", seed=5)
    np.testing.assert_allclose(xavier["W2"], z2 * np.sqrt(2 / 6), rtol=1e-15)
    np.testing.assert_allclose(initialize_parameters(dims, "random", seed=5)["W1"], 0.01 * z1)
    assert not np.any(initialize_parameters(dims, "zeros", seed=5)["W1"])


@pytest.mark.parametrize("fan_in, fan_out", [(400, 300), (1000, 50), (30, 2000)])
def test_the_sample_variance_of_the_weights_is_the_rule(fan_in, fan_out):
    target = {"random": 1e-4, "xavier": 2 / (fan_in + fan_out), "he": 2 / fan_in}
    for method, variance in target.items():
        W = initialize_parameters([fan_in, fan_out], method, seed=1)["W1"]
        assert abs(W.mean()) < 4 * np.sqrt(variance / W.size)
        assert W.var() == pytest.approx(variance, rel=0.05)


def _second_moments(method, layers=20, width=256, m=500):
    X = np.random.default_rng(0).normal(size=(width, m))
    parameters = initialize_parameters([width] * (layers + 1), method, seed=2)
    moments, a = [], X
    for l in range(1, layers + 1):
        a = relu(parameters[f"W{l}"] @ a + parameters[f"b{l}"])
        moments.append(np.mean(a**2))
    return np.array(moments)


def test_he_keeps_the_signal_of_a_deep_relu_network_and_the_others_lose_it():
    """Var(z_l) = n_{l-1} Var(W) E[a_{l-1}^2] and E[relu(z)^2] = Var(z) / 2 for a symmetric z:
    He's 2 / n keeps E[a^2] constant, Xavier's 2 / (2n) halves it at every layer."""
    he = _second_moments("he")
    assert np.all((he > 0.5) & (he < 2.0))
    xavier = _second_moments("xavier")
    ratio = (xavier[-1] / xavier[0]) ** (1 / (len(xavier) - 1))  # geometric mean per layer
    assert ratio == pytest.approx(0.5, rel=0.1)
    assert _second_moments("random")[-1] < 1e-30  # (256 · 1e-4 / 2)^20
    assert not np.any(_second_moments("zeros"))


def test_zeros_make_every_unit_of_a_layer_identical():
    parameters = initialize_parameters([3, 5, 1], "zeros")
    assert np.all(parameters["W1"] == parameters["W1"][0]) and np.all(parameters["W2"] == 0)


# ---------------------------------------------------------------- precondition_gradients


def _grads(rng, dtype=np.float64):
    return {
        "dW1": rng.normal(size=(3, 2)).astype(dtype),
        "db1": rng.normal(size=(3, 1)).astype(dtype),
    }


def test_preconditioning_with_the_squared_gradient_itself_gives_its_sign():
    grads = _grads(np.random.default_rng(0))
    s = {k: g**2 for k, g in grads.items()}
    for key, p in precondition_gradients(grads, s, epsilon=0.0).items():
        np.testing.assert_allclose(p, np.sign(grads[key]), rtol=1e-15)
    for key, p in precondition_gradients(grads, s).items():  # epsilon only shrinks it a little
        assert np.all(np.abs(p) < 1) and np.all(np.abs(p) > 1 - 1e-6)


def test_rescaling_a_coordinate_changes_nothing_when_s_is_its_squared_size():
    """g -> c g and s -> c^2 s leave g / sqrt(s) unchanged: the loss's scale along each
    coordinate drops out, which is what a good diagonal preconditioner is for."""
    rng = np.random.default_rng(1)
    grads = _grads(rng)
    s = {k: rng.uniform(0.5, 2.0, size=g.shape) for k, g in grads.items()}
    c = {k: 10.0 ** rng.integers(-4, 5, size=g.shape) for k, g in grads.items()}
    scaled = precondition_gradients(
        {k: c[k] * g for k, g in grads.items()},
        {k: c[k] ** 2 * v for k, v in s.items()},
        epsilon=0.0,
    )
    plain = precondition_gradients(grads, s, epsilon=0.0)
    for key in grads:
        np.testing.assert_allclose(scaled[key], plain[key], rtol=1e-13)


def test_on_a_diagonal_quadratic_the_ideal_preconditioner_makes_every_direction_equal():
    """f(x) = 1/2 sum h_i x_i^2 has gradient h x; with s = h^2 the step is x itself, so one
    step of rate 1 lands on the minimum whatever the condition number."""
    h = np.array([[1e-3], [1.0], [1e4]])
    x = np.array([[2.0], [-1.0], [0.5]])
    p = precondition_gradients({"dW1": h * x}, {"dW1": h**2}, epsilon=0.0)["dW1"]
    np.testing.assert_allclose(x - p, 0.0, atol=1e-15)


def test_epsilon_keeps_a_zero_average_finite_and_stays_outside_the_root():
    p = precondition_gradients(
        {"dW1": np.array([[1e-9, 0.0, 2.0]])}, {"dW1": np.array([[0.0, 0.0, 1e-16]])}, epsilon=1e-8
    )["dW1"]
    np.testing.assert_allclose(p, [[1e-9 / 1e-8, 0.0, 2.0 / 2e-8]], rtol=1e-12)


def test_rmsprop_is_gradient_descent_on_preconditioned_gradients():
    rng = np.random.default_rng(2)
    parameters = {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=(3, 1))}
    expected = {k: v.copy() for k, v in parameters.items()}
    s = initialize_rmsprop(parameters)
    for _ in range(5):
        grads = _grads(rng)
        expected, s = update_parameters_with_rmsprop(expected, grads, s, 0.9, 0.01, 1e-8)
        p = precondition_gradients(grads, s)
        parameters = {k: parameters[k] - 0.01 * p["d" + k] for k in parameters}
    for key in parameters:
        np.testing.assert_allclose(parameters[key], expected[key], rtol=1e-12)


def test_adam_is_momentum_on_preconditioned_averages():
    rng = np.random.default_rng(3)
    parameters = {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=(3, 1))}
    expected = {k: v.copy() for k, v in parameters.items()}
    v, s = initialize_adam(parameters)
    for t in range(1, 6):
        grads = _grads(rng)
        expected, v, s, v_hat, s_hat = update_parameters_with_adam(expected, grads, v, s, t)
        p = precondition_gradients(v_hat, s_hat)
        parameters = {k: parameters[k] - 0.01 * p["d" + k] for k in parameters}
    for key in parameters:
        np.testing.assert_allclose(parameters[key], expected[key], rtol=1e-12)


def test_inputs_are_untouched_and_float32_stays_float32():
    grads = _grads(np.random.default_rng(4), np.float32)
    s = {k: (g**2).astype(np.float32) for k, g in grads.items()}
    before = {k: (grads[k].copy(), s[k].copy()) for k in grads}
    out = precondition_gradients(grads, s)
    assert all(out[k].dtype == np.float32 and out[k].shape == grads[k].shape for k in grads)
    for k, (g, v) in before.items():
        np.testing.assert_array_equal(grads[k], g)
        np.testing.assert_array_equal(s[k], v)
