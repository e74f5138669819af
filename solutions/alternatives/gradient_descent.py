"""Correct implementations of 01_gradient_descent written differently from the reference.

Every function here honours SPEC.md, so the public and the hidden checks must pass it: loops
over dict keys, in-place updates, algebraically equal expressions, new dicts instead of
mutation, float64 results from float32 inputs. ``CORRECT`` lists them (see the package docstring).
"""

import numpy as np


def gd_in_place_over_keys(parameters, grads, learning_rate):
    """Loop over the parameter keys and subtract in place."""
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters


def gd_new_dict(parameters, grads, learning_rate):
    """Changes no argument: builds and returns a new dict."""
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def gd_layers_from_the_top(parameters, grads, learning_rate):
    """Layers counted down from L, biases first, adding a negative step."""
    L = len(parameters) // 2
    for l in range(L, 0, -1):
        parameters[f"b{l}"] = parameters[f"b{l}"] + (-learning_rate) * grads[f"db{l}"]
        parameters[f"W{l}"] = parameters[f"W{l}"] + (-learning_rate) * grads[f"dW{l}"]
    return parameters


def gd_zero_based_loop(parameters, grads, learning_rate):
    """range(L) with l + 1 in the keys, gradient times learning rate."""
    L = len(parameters) // 2
    for l in range(L):
        W, b = "W" + str(l + 1), "b" + str(l + 1)
        parameters[W] = parameters[W] - grads["d" + W] * learning_rate
        parameters[b] = parameters[b] - grads["d" + b] * learning_rate
    return parameters


def gd_ufuncs_out(parameters, grads, learning_rate):
    """numpy ufuncs writing into the existing arrays."""
    for key, value in parameters.items():
        np.subtract(value, np.multiply(learning_rate, grads["d" + key]), out=value)
    return parameters


def gd_float64(parameters, grads, learning_rate):
    """Computes in float64 whatever the input precision (float32 inputs give float64 results)."""
    for key in list(parameters):
        parameters[key] = parameters[key].astype(np.float64) - learning_rate * grads[
            "d" + key
        ].astype(np.float64)
    return parameters


def gd_over_gradient_keys(parameters, grads, learning_rate):
    """Loop over the gradient keys and update a shallow copy of the parameters."""
    updated = dict(parameters)
    for key, gradient in grads.items():
        updated[key[1:]] = updated[key[1:]] - learning_rate * gradient
    return updated


CORRECT = {
    "update_parameters_with_gd": [
        gd_in_place_over_keys,
        gd_new_dict,
        gd_layers_from_the_top,
        gd_zero_based_loop,
        gd_ufuncs_out,
        gd_float64,
        gd_over_gradient_keys,
    ],
}
