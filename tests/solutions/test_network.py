"""optkit.network: He initialization, the cost, backprop checked by finite differences, predict."""

import numpy as np
import pytest

from optkit.network import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters_he,
    predict,
    predict_dec,
    relu,
    sigmoid,
)


def test_relu_and_sigmoid():
    x = np.array([[-1000.0, -2.0, 0.0, 3.0, 1000.0]])
    np.testing.assert_array_equal(relu(x), [[0, 0, 0, 3, 1000]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = sigmoid(x)
    np.testing.assert_allclose(s, [[0, 1 / (1 + np.e**2), 0.5, 1 / (1 + np.e**-3), 1]])
    np.testing.assert_allclose(sigmoid(-x), 1 - sigmoid(x), atol=1e-15)


def test_he_initialization_shapes_zeros_and_seed():
    parameters = initialize_parameters_he([2, 5, 2, 1])
    shapes = {"W1": (5, 2), "b1": (5, 1), "W2": (2, 5), "b2": (2, 1), "W3": (1, 2), "b3": (1, 1)}
    assert {key: p.shape for key, p in parameters.items()} == shapes
    for l in (1, 2, 3):
        assert not np.any(parameters["b" + str(l)])
    again = initialize_parameters_he([2, 5, 2, 1])
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], again[key])
    np.random.seed(3)
    np.testing.assert_allclose(parameters["W1"], np.random.randn(5, 2) * np.sqrt(2 / 2))


def test_he_initialization_has_variance_two_over_fan_in():
    parameters = initialize_parameters_he([400, 300, 1])
    assert np.std(parameters["W1"]) == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert np.mean(parameters["W1"]) == pytest.approx(0, abs=0.003)


def test_forward_propagation_computes_the_layers():
    parameters = initialize_parameters_he([3, 4, 2, 1])
    X = np.random.default_rng(0).standard_normal((3, 6))
    a3, cache = forward_propagation(X, parameters)
    a1 = np.maximum(0, parameters["W1"] @ X + parameters["b1"])
    a2 = np.maximum(0, parameters["W2"] @ a1 + parameters["b2"])
    z3 = parameters["W3"] @ a2 + parameters["b3"]
    np.testing.assert_allclose(a3, 1 / (1 + np.exp(-z3)))
    assert a3.shape == (1, 6)


def test_compute_cost_is_the_sum_of_cross_entropies():
    m = 8
    assert compute_cost(np.full((1, m), 0.5), np.ones((1, m))) == pytest.approx(m * np.log(2))
    a3 = np.array([[0.9, 0.2, 0.7]])
    Y = np.array([[1, 0, 0]])
    assert compute_cost(a3, Y) == pytest.approx(-(np.log(0.9) + np.log(0.8) + np.log(0.3)))
    assert np.isfinite(compute_cost(np.array([[1.0, 0.0]]), np.array([[0, 1]])))


def tiny_problem(seed=0, m=7):
    rng = np.random.default_rng(seed)
    layers = [3, 4, 3, 1]
    parameters = {}
    for l in range(1, 4):
        parameters["W" + str(l)] = rng.standard_normal((layers[l], layers[l - 1]))
        parameters["b" + str(l)] = 0.3 * rng.standard_normal((layers[l], 1))
    X = rng.standard_normal((3, m))
    Y = (rng.uniform(size=(1, m)) > 0.5).astype(float)
    return parameters, X, Y


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backward_propagation_matches_finite_differences_of_the_mean_cost(seed):
    parameters, X, Y = tiny_problem(seed)
    m = X.shape[1]

    def J():
        return compute_cost(forward_propagation(X, parameters)[0], Y) / m

    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache)
    assert sorted(grads) == sorted("d" + key for key in parameters)
    h = 1e-6
    for key, p in parameters.items():
        numeric = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            saved = p[index]
            p[index] = saved + h
            plus = J()
            p[index] = saved - h
            minus = J()
            p[index] = saved
            numeric[index] = (plus - minus) / (2 * h)
        analytic = grads["d" + key]
        assert analytic.shape == p.shape
        difference = np.linalg.norm(analytic - numeric) / (
            np.linalg.norm(analytic) + np.linalg.norm(numeric) + 1e-12
        )
        assert difference < 1e-7, f"{key}: relative difference {difference:.2e}"


def separable_problem(m=200):
    """Label 1 exactly when x1 > 0, and a network that computes sigmoid(10 x1)."""
    X = np.random.default_rng(0).uniform(-1, 1, (2, m))
    Y = (X[:1] > 0).astype(int)
    parameters = {
        "W1": np.array([[1.0, 0.0], [-1.0, 0.0]]),
        "b1": np.zeros((2, 1)),
        "W2": np.eye(2),
        "b2": np.zeros((2, 1)),
        "W3": np.array([[10.0, -10.0]]),
        "b3": np.zeros((1, 1)),
    }
    return X, Y, parameters


def test_predict_on_a_separable_set(capsys):
    X, Y, parameters = separable_problem()
    predictions = predict(X, Y, parameters)
    np.testing.assert_array_equal(predictions, Y)
    assert predictions.shape == (1, 200)
    assert "Accuracy: 1.0" in capsys.readouterr().out
    assert accuracy(predictions, Y) == 1.0
    assert accuracy(predict_dec(parameters, X), 1 - Y) == 0.0
    predict(X, Y, parameters, print_accuracy=False)
    assert capsys.readouterr().out == ""
