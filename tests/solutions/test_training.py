"""The reference training loop: its wiring (seeds, Adam's t, decay) and the two-moons result."""

import time

import numpy as np
import pytest

from optkit.datasets import make_moons
from optkit.network import (
    accuracy,
    backward_propagation,
    forward_propagation,
    initialize_parameters_he,
    predict_dec,
)
from solutions.adaptive_methods import initialize_adam, update_parameters_with_adam
from solutions.gradient_descent import update_parameters_with_gd
from solutions.learning_rate_decay import schedule_lr_decay, update_lr
from solutions.mini_batches import random_mini_batches
from solutions.momentum import initialize_velocity, update_parameters_with_momentum
from solutions.training import model, train

DIMS = [2, 5, 2, 1]


def small_moons(m=100):
    return make_moons(n_samples=m, noise=0.2, seed=0)


def assert_same_parameters(actual, expected):
    assert sorted(actual) == sorted(expected)
    for key in expected:
        np.testing.assert_allclose(actual[key], expected[key], rtol=1e-12, atol=1e-15, err_msg=key)


def manual_training(X, Y, optimizer, learning_rate, num_epochs, mini_batch_size=64):
    """The loop written out step by step with the reference update rules (tests the wiring)."""
    parameters = initialize_parameters_he(DIMS)
    v = initialize_velocity(parameters)
    adam_v, adam_s = initialize_adam(parameters)
    t = 0
    for epoch in range(num_epochs):
        for batch_X, batch_Y in random_mini_batches(X, Y, mini_batch_size, seed=11 + epoch):
            _, cache = forward_propagation(batch_X, parameters)
            grads = backward_propagation(batch_X, batch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(
                    parameters, grads, v, 0.9, learning_rate
                )
            else:
                t += 1
                parameters, adam_v, adam_s, _, _ = update_parameters_with_adam(
                    parameters, grads, adam_v, adam_s, t, learning_rate
                )
    return parameters, t


def test_unknown_optimizer_raises_value_error_naming_the_choices():
    X, Y = small_moons()
    with pytest.raises(ValueError, match="gd.*momentum.*adam.*'sgd'"):
        model(X, Y, DIMS, "sgd", num_epochs=1, print_cost=False)


@pytest.mark.parametrize("optimizer", ["gd", "momentum", "adam"])
def test_two_epochs_of_two_mini_batches_match_the_steps_written_out(optimizer):
    # m = 100 and size 64: batches of 64 and 36, seeds 11 then 12, Adam's t = 1, 2, 3, 4.
    X, Y = small_moons(100)
    expected, steps = manual_training(X, Y, optimizer, 0.01, num_epochs=2)
    if optimizer == "adam":
        assert steps == 4
    parameters = model(X, Y, DIMS, optimizer, learning_rate=0.01, num_epochs=2, print_cost=False)
    assert_same_parameters(parameters, expected)


def test_decay_is_called_once_per_epoch_on_the_initial_rate():
    X, Y = small_moons(100)
    calls = []

    def spy(learning_rate0, epoch_num, decay_rate):
        calls.append((learning_rate0, epoch_num, decay_rate))
        return learning_rate0 / (1 + epoch_num)

    model(
        X,
        Y,
        DIMS,
        "gd",
        learning_rate=0.2,
        num_epochs=4,
        print_cost=False,
        decay=spy,
        decay_rate=0.7,
    )
    assert calls == [(0.2, epoch, 0.7) for epoch in range(4)]


def test_the_rate_of_epoch_i_is_decay_of_i():
    # A schedule that stops learning from epoch 1 on: two epochs then equal one epoch.
    X, Y = small_moons(100)

    def stop_after_first(learning_rate0, epoch_num, decay_rate):
        return learning_rate0 if epoch_num == 0 else 0.0

    two = model(
        X, Y, DIMS, "gd", learning_rate=0.1, num_epochs=2, print_cost=False, decay=stop_after_first
    )
    one = model(X, Y, DIMS, "gd", learning_rate=0.1, num_epochs=1, print_cost=False)
    assert_same_parameters(two, one)


def test_train_returns_the_mean_cost_of_every_epoch():
    X, Y = small_moons(100)
    # With a zero rate the parameters stay at the He initialization: every epoch's cost is
    # the mean cross-entropy of the whole data set under those parameters.
    a3, _ = forward_propagation(X, initialize_parameters_he(DIMS))
    mean_cost = -np.mean(Y * np.log(a3) + (1 - Y) * np.log(1 - a3))
    _, costs = train(X, Y, DIMS, "gd", learning_rate=0.0, num_epochs=3, print_cost=False)
    assert len(costs) == 3 and all(type(c) is float for c in costs)
    np.testing.assert_allclose(costs, [mean_cost] * 3, rtol=1e-12)
    parameters, costs = train(X, Y, DIMS, "gd", learning_rate=0.05, num_epochs=20, print_cost=False)
    assert costs[-1] < costs[0]
    assert_same_parameters(
        parameters, model(X, Y, DIMS, "gd", 0.05, num_epochs=20, print_cost=False)
    )


def test_print_cost_every_1000_epochs(capsys):
    X, Y = small_moons(20)
    model(X, Y, DIMS, "gd", num_epochs=1001, decay=update_lr, decay_rate=0.001)
    out = capsys.readouterr().out
    assert "Cost after epoch 0:" in out and "Cost after epoch 1000:" in out
    assert out.count("Cost after epoch") == 2
    assert out.count("learning rate at epoch") == 2
    model(X, Y, DIMS, "gd", num_epochs=3, print_cost=False)
    assert capsys.readouterr().out == ""


# ---------------------------------------------------------------- the classic two-moons result
# Classic settings: 300 points (noise 0.2, seed 3), layers [2, 5, 2, 1], mini-batches of 64,
# 5000 epochs (about 2 s per run). Measured: gd 0.717, momentum 0.717, adam 0.943,
# gd + update_lr (lr 0.1, decay_rate 1) 0.650, gd + update_lr (lr 0.1, decay_rate 3e-4) 0.947,
# gd + schedule_lr_decay (lr 0.1, decay_rate 0.3, every 1000 epochs) 0.947.

RUNS = {
    "gd": dict(optimizer="gd"),
    "momentum": dict(optimizer="momentum"),
    "adam": dict(optimizer="adam"),
    "gd+update_lr": dict(optimizer="gd", learning_rate=0.1, decay=update_lr, decay_rate=1),
    "gd+slow update_lr": dict(optimizer="gd", learning_rate=0.1, decay=update_lr, decay_rate=3e-4),
    "gd+schedule_lr_decay": dict(
        optimizer="gd", learning_rate=0.1, decay=schedule_lr_decay, decay_rate=0.3
    ),
}


@pytest.fixture(scope="module")
def moons_results():
    X, Y = make_moons(n_samples=300, noise=0.2, seed=3)
    results = {}
    for name, settings in RUNS.items():
        start = time.perf_counter()
        parameters, costs = train(
            X, Y, DIMS, mini_batch_size=64, num_epochs=5000, print_cost=False, **settings
        )
        results[name] = {
            "accuracy": accuracy(predict_dec(parameters, X), Y),
            "cost": costs[-1],
            "seconds": time.perf_counter() - start,
        }
    return results


def test_adam_clearly_beats_gd_and_momentum_at_a_small_rate(moons_results):
    adam = moons_results["adam"]
    for name in ("gd", "momentum"):
        assert adam["accuracy"] >= moons_results[name]["accuracy"] + 0.15, name
        assert adam["cost"] < moons_results[name]["cost"] / 3, name
    assert adam["accuracy"] >= 0.92


def test_momentum_barely_differs_from_gd_at_a_small_rate(moons_results):
    gd, momentum = moons_results["gd"], moons_results["momentum"]
    assert abs(momentum["accuracy"] - gd["accuracy"]) <= 0.02


@pytest.mark.parametrize("name", ["gd+schedule_lr_decay", "gd+slow update_lr"])
def test_gd_with_a_higher_decaying_rate_closes_most_of_the_gap(moons_results, name):
    gd, adam, decayed = (moons_results[key] for key in ("gd", "adam", name))
    gap = adam["accuracy"] - gd["accuracy"]
    assert decayed["accuracy"] - gd["accuracy"] >= 0.8 * gap
    assert decayed["accuracy"] >= adam["accuracy"] - 0.02
    assert decayed["cost"] < gd["cost"] / 3


def test_decaying_every_epoch_by_a_large_rate_kills_the_learning_rate(moons_results):
    # update_lr with decay_rate 1: after 100 epochs the rate is already lr0 / 101.
    collapsed, adam = moons_results["gd+update_lr"], moons_results["adam"]
    assert collapsed["accuracy"] <= adam["accuracy"] - 0.15
    assert collapsed["cost"] > 3 * adam["cost"]
