"""Public and hidden cases of 01_gradient_descent: update_parameters_with_gd."""

import numpy as np

from . import (
    Case,
    describe_layers,
    hidden,
    layer_parameters,
    public,
    random_dims,
    random_dtype,
    shaped_like,
)

GD = "update_parameters_with_gd"

# Learning rates of the random hidden cases. 0.5 and 1 are left out on purpose: at 0.5 taking two
# steps equals forgetting the learning rate, and at 1 squaring the learning rate changes nothing,
# so those values could not tell the catalogued mistakes apart.
_LEARNING_RATES = [0.3, 0.1, 0.05, 0.01, 0.0075, 0.003, 0.001]


@public(GD)
def _gd_public():
    rng = np.random.default_rng(101)
    settings = [
        ([2, 3, 1], np.float64, 0.1),
        ([3, 4, 2, 1], np.float64, 0.01),
        ([2, 2], np.float32, 0.05),
    ]
    return [_gd_case(rng, dims, dtype, lr, decimals=2) for dims, dtype, lr in settings]


@hidden(GD)
def _gd_hidden(rng):
    # Edge cases first: one layer, a deep net, a learning rate above 1, zero gradients, a zero
    # learning rate, 1x1 layers; then random depths, shapes, precisions and learning rates.
    edges = [
        ([3, 1], np.float64, 0.1, 1.0),
        ([4, 3, 3, 2, 2, 1], np.float64, 0.01, 1.0),
        ([2, 3, 1], np.float32, 1.5, 1.0),
        ([3, 2, 1], np.float64, 0.1, 0.0),
        ([2, 4, 1], np.float64, 0.0, 1.0),
        ([1, 1, 1], np.float32, 0.05, 1.0),
        ([2, 3, 1], np.float64, 0.01, 1e6),  # exploding gradients
        ([3, 2, 1], np.float64, 0.1, 1e-9),
    ]  # vanishing gradients
    cases = [_gd_case(rng, dims, dtype, lr, scale) for dims, dtype, lr, scale in edges]
    for _ in range(8):
        dims = random_dims(rng, int(rng.integers(1, 6)))
        lr = float(rng.choice(_LEARNING_RATES + [round(float(rng.uniform(0.001, 0.4)), 4)]))
        cases.append(_gd_case(rng, dims, random_dtype(rng), lr))
    return cases


def _gd_case(rng, dims, dtype, learning_rate, grad_scale=1.0, decimals=None):
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = shaped_like(rng, parameters, grad_scale, decimals)
    label = f"{describe_layers(parameters)}; learning_rate={learning_rate:g}"
    if grad_scale == 0:
        label += ", all gradients zero"
    elif grad_scale != 1:
        label += f", gradients ~{grad_scale:g}"
    return Case(label, {"parameters": parameters, "grads": grads, "learning_rate": learning_rate})
