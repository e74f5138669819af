"""The reference update rules of 01, 03 and 04 against closed forms, limits and a quadratic."""

import numpy as np
import pytest

from solutions.adaptive_methods import (
    initialize_adagrad,
    initialize_adam,
    initialize_rmsprop,
    update_parameters_with_adagrad,
    update_parameters_with_adam,
    update_parameters_with_rmsprop,
)
from solutions.gradient_descent import update_parameters_with_gd
from solutions.momentum import initialize_velocity, update_parameters_with_momentum

LAYERS = {1: [3, 1], 2: [3, 4, 1], 3: [2, 5, 2, 1], 4: [4, 3, 3, 2, 1]}


def make_parameters(layers_dims, seed=0, dtype=np.float64):
    """Random parameters "W1", "b1", ... for the given layer sizes."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters["W" + str(l)] = rng.standard_normal((n, n_prev)).astype(dtype)
        parameters["b" + str(l)] = rng.standard_normal((n, 1)).astype(dtype)
    return parameters


def make_grads(parameters, seed=1, scale=1.0):
    """Random gradients "dW1", "db1", ... shaped like the parameters, none of them zero."""
    rng = np.random.default_rng(seed)
    grads = {}
    for key, p in parameters.items():
        g = rng.uniform(0.1, 2.0, p.shape) * rng.choice([-1.0, 1.0], p.shape)
        grads["d" + key] = (scale * g).astype(p.dtype)
    return grads


def copy(d):
    return {k: np.array(a, copy=True) for k, a in d.items()}


def assert_dicts_close(actual, expected, rtol=1e-12, atol=1e-12):
    assert sorted(actual) == sorted(expected)
    for key in expected:
        assert actual[key].shape == expected[key].shape, key
        np.testing.assert_allclose(actual[key], expected[key], rtol=rtol, atol=atol, err_msg=key)


# ---------------------------------------------------------------- gradient descent


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_gd_step_is_p_minus_lr_g(L):
    parameters = make_parameters(LAYERS[L])
    grads = make_grads(parameters)
    before = copy(parameters)
    result = update_parameters_with_gd(parameters, grads, 0.3)
    expected = {k: before[k] - 0.3 * grads["d" + k] for k in before}
    assert_dicts_close(result, expected, rtol=0, atol=0)


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_gd_with_zero_learning_rate_changes_nothing(L):
    parameters = make_parameters(LAYERS[L])
    before = copy(parameters)
    result = update_parameters_with_gd(parameters, make_grads(parameters), 0.0)
    assert_dicts_close(result, before, rtol=0, atol=0)


def test_gd_steps_add_up_for_a_constant_gradient():
    parameters = make_parameters(LAYERS[3])
    grads = make_grads(parameters)
    before = copy(parameters)
    for _ in range(7):
        parameters = update_parameters_with_gd(parameters, grads, 0.01)
    expected = {k: before[k] - 7 * 0.01 * grads["d" + k] for k in before}
    assert_dicts_close(parameters, expected)


# ---------------------------------------------------------------- momentum


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_initialize_velocity_is_zeros_shaped_like_parameters(L):
    parameters = make_parameters(LAYERS[L])
    v = initialize_velocity(parameters)
    assert sorted(v) == sorted("d" + k for k in parameters)
    for key, p in parameters.items():
        assert v["d" + key].shape == p.shape
        assert not np.any(v["d" + key])


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_momentum_with_beta_zero_is_gradient_descent(L):
    parameters = make_parameters(LAYERS[L])
    grads = make_grads(parameters)
    expected = update_parameters_with_gd(copy(parameters), grads, 0.05)
    result, v = update_parameters_with_momentum(
        parameters, grads, initialize_velocity(parameters), 0.0, 0.05
    )
    assert_dicts_close(result, expected)
    assert_dicts_close(v, grads)


@pytest.mark.parametrize("beta", [0.5, 0.9, 0.99])
def test_momentum_velocity_of_a_constant_gradient_is_one_minus_beta_to_the_k(beta):
    parameters = make_parameters(LAYERS[2])
    grads = make_grads(parameters)
    before = copy(parameters)
    v = initialize_velocity(parameters)
    lr, k = 0.1, 12
    for _ in range(k):
        parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, lr)
    assert_dicts_close(v, {key: (1 - beta**k) * g for key, g in grads.items()})
    # The displacement is lr * sum_{j=1..k} (1 - beta^j) g
    #                   = lr * (k - beta (1 - beta^k) / (1 - beta)) g.
    factor = k - beta * (1 - beta**k) / (1 - beta)
    expected = {key: before[key] - lr * factor * grads["d" + key] for key in before}
    assert_dicts_close(parameters, expected, rtol=1e-10)


# ---------------------------------------------------------------- AdaGrad


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_initialize_adagrad_is_zeros_shaped_like_parameters(L):
    parameters = make_parameters(LAYERS[L])
    G = initialize_adagrad(parameters)
    assert sorted(G) == sorted("d" + k for k in parameters)
    for key, p in parameters.items():
        assert G["d" + key].shape == p.shape and not np.any(G["d" + key])


def test_adagrad_accumulates_the_sum_of_squared_gradients():
    parameters = make_parameters(LAYERS[3])
    G = initialize_adagrad(parameters)
    sequence = [make_grads(parameters, seed=s) for s in range(5)]
    for grads in sequence:
        parameters, G = update_parameters_with_adagrad(parameters, grads, G)
    expected = {key: sum(g[key] ** 2 for g in sequence) for key in G}
    assert_dicts_close(G, expected)


@pytest.mark.parametrize("scale", [1e-3, 1.0, 1e3])
def test_adagrad_first_step_moves_by_lr_times_sign_of_g(scale):
    parameters = make_parameters(LAYERS[3])
    grads = make_grads(parameters, scale=scale)
    before = copy(parameters)
    lr, eps = 0.01, 1e-8
    G = initialize_adagrad(parameters)
    parameters, _ = update_parameters_with_adagrad(parameters, grads, G, lr, eps)
    for key in before:
        g = grads["d" + key]
        step = before[key] - parameters[key]
        np.testing.assert_allclose(step, lr * g / (np.abs(g) + eps), rtol=1e-12)
        np.testing.assert_allclose(step, lr * np.sign(g), rtol=1e-4)


def test_adagrad_steps_shrink_like_one_over_sqrt_k_for_a_constant_gradient():
    parameters = make_parameters(LAYERS[2])
    grads = make_grads(parameters)
    G = initialize_adagrad(parameters)
    lr = 0.1
    for k in range(1, 6):
        before = copy(parameters)
        parameters, G = update_parameters_with_adagrad(parameters, grads, G, lr)
        for key in before:
            g = grads["d" + key]
            np.testing.assert_allclose(
                before[key] - parameters[key], lr * np.sign(g) / np.sqrt(k), rtol=1e-6
            )


# ---------------------------------------------------------------- RMSProp


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_initialize_rmsprop_is_zeros_shaped_like_parameters(L):
    parameters = make_parameters(LAYERS[L])
    s = initialize_rmsprop(parameters)
    assert sorted(s) == sorted("d" + k for k in parameters)
    for key, p in parameters.items():
        assert s["d" + key].shape == p.shape and not np.any(s["d" + key])


@pytest.mark.parametrize("beta", [0.5, 0.9, 0.999])
def test_rmsprop_average_of_a_constant_gradient_is_one_minus_beta_to_the_k(beta):
    parameters = make_parameters(LAYERS[3])
    grads = make_grads(parameters)
    s = initialize_rmsprop(parameters)
    k = 9
    for _ in range(k):
        parameters, s = update_parameters_with_rmsprop(parameters, grads, s, beta)
    assert_dicts_close(s, {key: (1 - beta**k) * g**2 for key, g in grads.items()}, rtol=1e-10)


@pytest.mark.parametrize("scale", [1e-2, 1.0, 1e2])
def test_rmsprop_divides_by_the_root_mean_square(scale):
    # First step: s = (1 - beta) g^2, so the step is lr g / (sqrt(1 - beta) |g| + eps),
    # about lr sign(g) / sqrt(1 - beta) whatever the scale of g (multiplying would scale it).
    parameters = make_parameters(LAYERS[3])
    grads = make_grads(parameters, scale=scale)
    before = copy(parameters)
    lr, beta, eps = 0.01, 0.9, 1e-8
    s = initialize_rmsprop(parameters)
    parameters, _ = update_parameters_with_rmsprop(parameters, grads, s, beta, lr, eps)
    for key in before:
        g = grads["d" + key]
        step = before[key] - parameters[key]
        expected = lr * g / (np.sqrt(1 - beta) * np.abs(g) + eps)
        np.testing.assert_allclose(step, expected, rtol=1e-10)
        np.testing.assert_allclose(step, lr * np.sign(g) / np.sqrt(1 - beta), rtol=1e-4)


# ---------------------------------------------------------------- Adam


@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_initialize_adam_is_two_zero_dicts_shaped_like_parameters(L):
    parameters = make_parameters(LAYERS[L])
    v, s = initialize_adam(parameters)
    for state in (v, s):
        assert sorted(state) == sorted("d" + k for k in parameters)
        for key, p in parameters.items():
            assert state["d" + key].shape == p.shape and not np.any(state["d" + key])
    assert v["dW1"] is not s["dW1"]


@pytest.mark.parametrize("beta1, beta2", [(0.9, 0.999), (0.5, 0.9), (0.0, 0.99)])
@pytest.mark.parametrize("scale", [1e-3, 1.0, 1e3])
def test_adam_first_step_moves_by_lr_g_over_abs_g(beta1, beta2, scale):
    parameters = make_parameters(LAYERS[3])
    grads = make_grads(parameters, scale=scale)
    before = copy(parameters)
    v, s = initialize_adam(parameters)
    lr, eps = 0.01, 1e-8
    parameters, *_ = update_parameters_with_adam(parameters, grads, v, s, 1, lr, beta1, beta2, eps)
    for key in before:
        g = grads["d" + key]
        np.testing.assert_allclose(
            before[key] - parameters[key], lr * g / (np.abs(g) + eps), rtol=1e-10
        )


@pytest.mark.parametrize("beta1, beta2", [(0.9, 0.999), (0.8, 0.95)])
def test_adam_bias_corrected_moments_of_a_constant_gradient_are_g_and_g_squared(beta1, beta2):
    parameters = make_parameters(LAYERS[4])
    grads = make_grads(parameters)
    v, s = initialize_adam(parameters)
    for t in range(1, 21):
        parameters, v, s, v_hat, s_hat = update_parameters_with_adam(
            parameters, grads, v, s, t, 0.01, beta1, beta2
        )
        assert_dicts_close(v, {k: (1 - beta1**t) * g for k, g in grads.items()}, rtol=1e-10)
        assert_dicts_close(s, {k: (1 - beta2**t) * g**2 for k, g in grads.items()}, rtol=1e-10)
        assert_dicts_close(v_hat, grads, rtol=1e-10)
        assert_dicts_close(s_hat, {k: g**2 for k, g in grads.items()}, rtol=1e-10)


def test_adam_moments_of_two_different_gradients():
    parameters = make_parameters(LAYERS[2])
    g1, g2 = make_grads(parameters, seed=1), make_grads(parameters, seed=2)
    v, s = initialize_adam(parameters)
    b1, b2 = 0.9, 0.999
    parameters, v, s, _, _ = update_parameters_with_adam(parameters, g1, v, s, 1, 0.01, b1, b2)
    parameters, v, s, v_hat, s_hat = update_parameters_with_adam(
        parameters, g2, v, s, 2, 0.01, b1, b2
    )
    for key in g1:
        v2 = b1 * (1 - b1) * g1[key] + (1 - b1) * g2[key]
        s2 = b2 * (1 - b2) * g1[key] ** 2 + (1 - b2) * g2[key] ** 2
        np.testing.assert_allclose(v_hat[key], v2 / (1 - b1**2), rtol=1e-10)
        np.testing.assert_allclose(s_hat[key], s2 / (1 - b2**2), rtol=1e-10)


def test_adam_adds_epsilon_outside_the_root():
    # With |g| = 1e-10 and eps = 1e-8 the first step is lr g / (|g| + eps) ~ 0.0099 lr;
    # eps under the root, lr g / sqrt(g^2 + eps), would give ~1e-6 lr.
    parameters = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.full((2, 2), 1e-10), "db1": np.full((2, 1), -1e-10)}
    v, s = initialize_adam(parameters)
    parameters, *_ = update_parameters_with_adam(parameters, grads, v, s, 1, learning_rate=1.0)
    np.testing.assert_allclose(parameters["W1"], -1e-10 / (1e-10 + 1e-8), rtol=1e-8)
    np.testing.assert_allclose(parameters["b1"], 1e-10 / (1e-10 + 1e-8), rtol=1e-8)


def test_adam_uses_t_as_the_step_count():
    # The correction at step t divides by 1 - beta^t: with v = s = 0 and t = 3, v_hat is
    # (1 - beta1) g / (1 - beta1^3), not g.
    parameters = make_parameters(LAYERS[1])
    grads = make_grads(parameters)
    v, s = initialize_adam(parameters)
    _, _, _, v_hat, s_hat = update_parameters_with_adam(parameters, grads, v, s, 3, 0.01, 0.9, 0.99)
    for key, g in grads.items():
        np.testing.assert_allclose(v_hat[key], 0.1 * g / (1 - 0.9**3), rtol=1e-12)
        np.testing.assert_allclose(s_hat[key], 0.01 * g**2 / (1 - 0.99**3), rtol=1e-12)


# ---------------------------------------------------------------- all rules


def run_rule(rule, parameters, grads):
    if rule == "gd":
        return update_parameters_with_gd(parameters, grads, 0.01)
    if rule == "momentum":
        return update_parameters_with_momentum(
            parameters, grads, initialize_velocity(parameters), 0.9, 0.01
        )[0]
    if rule == "adagrad":
        return update_parameters_with_adagrad(parameters, grads, initialize_adagrad(parameters))[0]
    if rule == "rmsprop":
        return update_parameters_with_rmsprop(parameters, grads, initialize_rmsprop(parameters))[0]
    v, s = initialize_adam(parameters)
    return update_parameters_with_adam(parameters, grads, v, s, 1)[0]


RULES = ["gd", "momentum", "adagrad", "rmsprop", "adam"]


@pytest.mark.parametrize("rule", RULES)
def test_float32_stays_float32(rule):
    parameters = make_parameters(LAYERS[3], dtype=np.float32)
    result = run_rule(rule, parameters, make_grads(parameters))
    assert all(result[k].dtype == np.float32 for k in result)


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_moves_against_the_gradient(rule):
    parameters = make_parameters(LAYERS[4])
    grads = make_grads(parameters)
    before = copy(parameters)
    result = run_rule(rule, parameters, grads)
    for key in before:
        assert np.all(np.sign(before[key] - result[key]) == np.sign(grads["d" + key])), key


# ---------------------------------------------------------------- a convex quadratic


def quadratic():
    """f(w) = w^T A w / 2 on w = (W1 (2x2), b1 (2x1)) flattened; A has condition number 100."""
    rng = np.random.default_rng(0)
    Q, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    return Q @ np.diag(np.logspace(0, 2, 6)) @ Q.T


def flatten(d, prefix=""):
    return np.concatenate([d[prefix + "W1"].ravel(), d[prefix + "b1"].ravel()])


def unflatten(w, prefix=""):
    return {prefix + "W1": w[:4].reshape(2, 2), prefix + "b1": w[4:].reshape(2, 1)}


def minimize(rule, steps=500):
    A = quadratic()
    parameters = unflatten(np.ones(6))
    state = {"adagrad": initialize_adagrad, "rmsprop": initialize_rmsprop, "adam": initialize_adam}[
        rule
    ](parameters)
    values = [0.5 * flatten(parameters) @ A @ flatten(parameters)]
    for t in range(1, steps + 1):
        grads = unflatten(A @ flatten(parameters), prefix="d")
        if rule == "adagrad":
            parameters, state = update_parameters_with_adagrad(parameters, grads, state, 0.5)
        elif rule == "rmsprop":
            parameters, state = update_parameters_with_rmsprop(
                parameters, grads, state, learning_rate=0.01
            )
        else:
            parameters, v, s, _, _ = update_parameters_with_adam(
                parameters, grads, *state, t, learning_rate=0.05
            )
            state = (v, s)
        w = flatten(parameters)
        values.append(0.5 * w @ A @ w)
    return np.array(values)


@pytest.mark.parametrize("rule", ["adagrad", "rmsprop", "adam"])
def test_adaptive_rules_minimize_an_ill_conditioned_quadratic(rule):
    values = minimize(rule)
    f0 = values[0]
    assert values[-1] < 1e-4 * f0
    assert values[-100:].max() < 1e-3 * f0  # settled near the minimum, not passing through it
    windows = values.reshape(-1)[1:].reshape(10, 50).mean(axis=1)
    assert np.all(np.diff(windows[:5]) < 0)  # the cost goes down, window after window
