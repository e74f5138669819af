"""The engine needs no change for the next assignments: mini-batches, Adam's 5-tuple, floats.

Each test registers case generators the way an assignment will (``@public``/``@hidden`` in
solutions/cases.py), builds a casebook from them, and runs both checks on the real reference
and on a realistic wrong version.
"""

import numpy as np
import pytest

import optkit
from autograder import casebook
from autograder.hidden_checks import hidden_check
from optkit import public_checks
from solutions import cases, reference
from solutions.cases import Case, layer_parameters, shaped_like, zeros_like


@pytest.fixture
def register(monkeypatch, tmp_path):
    """Register generators for ``name`` and point the public check at a casebook built with them."""

    def _register(name, public, hidden):
        monkeypatch.setitem(cases._PUBLIC, name, public)
        monkeypatch.setitem(cases._HIDDEN, name, hidden)
        path = casebook.write_public_casebook(tmp_path / "public_cases.json")
        monkeypatch.setattr(public_checks, "CASEBOOK", path)

    return _register


def _both_fail(name, fn) -> tuple[str, str]:
    messages = []
    for run in (optkit.check, hidden_check):
        with pytest.raises(optkit.CheckFailure) as caught:
            run(name, fn)
        messages.append(str(caught.value))
    return tuple(messages)


def _batches_case(rng, n_x, m, size):
    X = rng.normal(size=(n_x, m)).round(2)
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return Case(
        f"X ({n_x}, {m}), mini_batch_size={size}",
        {"X": X, "Y": Y, "mini_batch_size": size, "seed": int(rng.integers(100))},
    )


def test_mini_batches_are_compared_exactly_and_named_by_position(register, capsys):
    name = "random_mini_batches"
    register(
        name,
        lambda: [_batches_case(np.random.default_rng(1), 2, 10, 4)],
        lambda rng: [_batches_case(rng, 3, m, size) for m, size in [(12, 4), (7, 16), (9, 2)]],
    )

    def labels_not_shuffled(X, Y, mini_batch_size=64, seed=0):
        batches = reference(name)(X, Y, mini_batch_size, seed)
        return [
            (x, Y[:, k * mini_batch_size : k * mini_batch_size + x.shape[1]])
            for k, (x, _) in enumerate(batches)
        ]

    optkit.check(name, reference(name))
    hidden_check(name, reference(name))
    assert capsys.readouterr().out.count("✓") == 2
    public, hidden = _both_fail(name, labels_not_shuffled)
    assert "mini-batch 0, Y_batch: " in public and "(values must be identical)" in public
    assert "at [0, " in public and "mini-batch 0, Y_batch: " in hidden


def _adam_case(rng, t):
    parameters = layer_parameters(rng, [3, 2, 1])
    return Case(
        f"t={t}",
        {
            "parameters": parameters,
            "grads": shaped_like(rng, parameters),
            "v": zeros_like(parameters),
            "s": zeros_like(parameters),
            "t": t,
            "learning_rate": 0.01,
            "beta1": 0.9,
            "beta2": 0.999,
            "epsilon": 1e-8,
        },
    )


def test_adam_five_tuple_items_are_named_after_the_contract(register):
    name = "update_parameters_with_adam"
    register(
        name,
        lambda: [_adam_case(np.random.default_rng(2), 1)],
        lambda rng: [_adam_case(rng, t) for t in (1, 2, 10)],
    )

    def no_bias_correction(
        parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
    ):
        result = reference(name)(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        return result[:3] + (result[1], result[2])

    def returns_four(
        parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
    ):
        return reference(name)(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)[:4]

    optkit.check(name, reference(name))
    hidden_check(name, reference(name))
    public, hidden = _both_fail(name, no_bias_correction)
    assert 'returned v_corrected["dW1"]: 6 of 6 entries differ' in public
    assert "returned s_corrected" in public and 'returned v_corrected["dW1"]' in hidden
    assert (
        "(parameters, v, s, v_corrected, s_corrected) of 5 items; got a tuple of 4"
        in (_both_fail(name, returns_four)[0])
    )


def test_schedules_return_floats_compared_with_tolerance(register, capsys):
    name = "update_lr"

    def case(epoch, learning_rate0, decay_rate):
        return Case(
            f"epoch {epoch}",
            {"learning_rate0": learning_rate0, "epoch_num": epoch, "decay_rate": decay_rate},
        )

    register(name, lambda: [case(3, 0.5, 1.0)], lambda rng: [case(e, 0.1, 0.3) for e in (0, 1, 17)])

    def as_numpy(learning_rate0, epoch_num, decay_rate):
        return np.float32(learning_rate0) / np.float32(1 + decay_rate * epoch_num)

    optkit.check(name, as_numpy)
    hidden_check(name, as_numpy)
    assert capsys.readouterr().out.count("✓") == 2
    public, hidden = _both_fail(
        name,
        lambda learning_rate0, epoch_num, decay_rate: learning_rate0 / (decay_rate * epoch_num + 2),
    )
    assert "returned learning_rate: the value differs" in public
    assert "expected 0.125, got 0.1" in public
    assert "returned learning_rate: the value differs" in hidden and "expected" not in hidden
