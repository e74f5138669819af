"""Public and hidden cases of 03_momentum: initialize_velocity, update_parameters_with_momentum."""

import numpy as np

from . import (
    Case,
    describe_layers,
    hidden,
    kind,
    layer_parameters,
    public,
    random_dims,
    random_dtype,
    shaped_like,
    zeros_like,
)


def first_step(state) -> bool:
    """Is the optimizer state all zeros (the first step)?"""
    return not any(np.any(value) for value in state.values())


@kind("update_parameters_with_momentum")
def _momentum_kind(kwargs):
    return ("first step",) if first_step(kwargs["v"]) else ()


@public("initialize_velocity")
def _velocity_public():
    rng = np.random.default_rng(301)
    shapes = [([2, 3, 1], np.float64), ([3, 4, 2, 1], np.float64), ([2, 2], np.float32)]
    return [
        _velocity_case(layer_parameters(rng, dims, dtype, decimals=2)) for dims, dtype in shapes
    ]


@hidden("initialize_velocity")
def _velocity_hidden(rng):
    layer_counts = [1, 5, 2, 3, 4, 2, 3, 1]
    return [
        _velocity_case(layer_parameters(rng, random_dims(rng, n), random_dtype(rng)))
        for n in layer_counts
    ]


def _velocity_case(parameters):
    return Case(describe_layers(parameters), {"parameters": parameters})


@public("update_parameters_with_momentum")
def _momentum_public():
    rng = np.random.default_rng(302)
    settings = [
        ([2, 3, 1], np.float64, 0.9, 0.01, True),
        ([3, 4, 2, 1], np.float64, 0.8, 0.1, False),
        ([2, 2], np.float32, 0.95, 0.05, False),
    ]
    return [
        _momentum_case(rng, dims, dtype, beta, lr, first, decimals=2)
        for dims, dtype, beta, lr, first in settings
    ]


@hidden("update_parameters_with_momentum")
def _momentum_hidden(rng):
    # Edge cases first (beta = 0 is plain gradient descent; a first step starts from v = 0),
    # then random ones, always with a nonzero velocity so that forgetting it shows.
    settings = [
        (0.0, False, np.float64),
        (0.9, True, np.float64),
        (0.99, False, np.float32),
        (0.5, False, np.float64),
    ]
    settings += [(_random_beta(rng), False, random_dtype(rng)) for _ in range(8)]
    cases = [
        _momentum_case(
            rng,
            random_dims(rng, int(rng.integers(1, 6))),
            dtype,
            beta,
            float(rng.choice([0.1, 0.05, 0.01, 0.003, 0.001])),
            first,
        )
        for beta, first, dtype in settings
    ]
    # Extreme scales: exploding and vanishing gradients (and velocities).
    return cases + [
        _momentum_case(rng, [2, 3, 1], np.float64, 0.9, 0.01, False, scale=scale)
        for scale in (1e6, 1e-9)
    ]


def _momentum_case(rng, dims, dtype, beta, learning_rate, first_step, decimals=None, scale=1.0):
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = shaped_like(rng, parameters, scale, decimals=decimals)
    v = (
        zeros_like(parameters)
        if first_step
        else shaped_like(rng, parameters, 0.5 * scale, decimals)
    )
    start = "v = 0 (first step)" if first_step else "nonzero v"
    if scale != 1:
        start += f", gradients ~{scale:g}"
    label = (
        f"{describe_layers(parameters)}; {start}, beta={beta:g}, learning_rate={learning_rate:g}"
    )
    return Case(
        label,
        {
            "parameters": parameters,
            "grads": grads,
            "v": v,
            "beta": beta,
            "learning_rate": learning_rate,
        },
    )


def _random_beta(rng) -> float:
    return float(rng.choice([0.5, 0.8, 0.9, 0.95, 0.99, round(rng.uniform(0.05, 0.95), 3)]))
