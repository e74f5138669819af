"""Correct implementations of 03_momentum written differently from the reference.

Every function here honours SPEC.md, so the public and the hidden checks must pass it: loops
over dict keys, in-place updates, algebraically equal expressions, new dicts instead of
mutation, float64 results from float32 inputs. ``CORRECT`` lists them (see the package docstring).
"""

from collections import OrderedDict

import numpy as np

# ---------------------------------------------------------------- initialize_velocity


def velocity_comprehension(parameters):
    """A dict comprehension over the keys; np.zeros(shape) is float64 even for float32 inputs."""
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def velocity_biases_first(parameters):
    """Layers counted from the top, biases before weights, full_like with an explicit 0.0."""
    L = len(parameters) // 2
    v = {}
    for l in reversed(range(1, L + 1)):
        v[f"db{l}"] = np.full_like(parameters[f"b{l}"], 0.0)
        v[f"dW{l}"] = np.full_like(parameters[f"W{l}"], 0.0)
    return v


def velocity_ordered_dict(parameters):
    """An OrderedDict (still a mapping), zeros in the parameter's own dtype."""
    v = OrderedDict()
    for key, value in parameters.items():
        v["d" + key] = np.zeros(value.shape, dtype=value.dtype)
    return v


def velocity_times_zero(parameters):
    """0 * W is zero too (negative entries give -0.0, which equals 0.0)."""
    return {"d" + key: 0.0 * value for key, value in parameters.items()}


# ---------------------------------------------------- update_parameters_with_momentum


def momentum_in_place_over_keys(parameters, grads, v, beta, learning_rate):
    """Loop over the gradient keys, update v and the parameters in place."""
    for key in grads:
        v[key] *= beta
        v[key] += (1 - beta) * grads[key]
        parameters[key[1:]] -= learning_rate * v[key]
    return parameters, v


def momentum_algebraic(parameters, grads, v, beta, learning_rate):
    """beta*v + g - beta*g equals beta*v + (1 - beta)*g."""
    L = len(parameters) // 2
    for l in range(L):
        for name in ("W", "b"):
            key = f"d{name}{l + 1}"
            v[key] = beta * v[key] + grads[key] - beta * grads[key]
            parameters[f"{name}{l + 1}"] = parameters[f"{name}{l + 1}"] - learning_rate * v[key]
    return parameters, v


def momentum_interpolation(parameters, grads, v, beta, learning_rate):
    """v moves from g towards the old v: g + beta*(v - g)."""
    for key, value in parameters.items():
        d = "d" + key
        v[d] = grads[d] + beta * (v[d] - grads[d])
        parameters[key] = value - learning_rate * v[d]
    return parameters, v


def momentum_new_dicts(parameters, grads, v, beta, learning_rate):
    """Changes no argument: builds and returns new dicts."""
    new_v = {key: beta * v[key] + (1 - beta) * grads[key] for key in v}
    new_parameters = {
        key: value - learning_rate * new_v["d" + key] for key, value in parameters.items()
    }
    return new_parameters, new_v


def momentum_ufuncs_out(parameters, grads, v, beta, learning_rate):
    """numpy ufuncs writing into the existing arrays."""
    for key in parameters:
        d = "d" + key
        np.multiply(v[d], beta, out=v[d])
        np.add(v[d], (1 - beta) * grads[d], out=v[d])
        np.subtract(parameters[key], learning_rate * v[d], out=parameters[key])
    return parameters, v


def momentum_float64(parameters, grads, v, beta, learning_rate):
    """Computes in float64 whatever the input precision (float32 inputs give float64 results)."""
    for key in parameters:
        d = "d" + key
        v[d] = beta * v[d].astype(np.float64) + (1 - beta) * grads[d].astype(np.float64)
        parameters[key] = parameters[key].astype(np.float64) - learning_rate * v[d]
    return parameters, v


def momentum_returns_list(parameters, grads, v, beta, learning_rate):
    """Returns [parameters, v]: a list unpacks exactly like a tuple, so it is accepted."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta * v[key] + (1 - beta) * grads[key]
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * v[key]
    return [parameters, v]


CORRECT = {
    "initialize_velocity": [
        velocity_comprehension,
        velocity_biases_first,
        velocity_ordered_dict,
        velocity_times_zero,
    ],
    "update_parameters_with_momentum": [
        momentum_in_place_over_keys,
        momentum_algebraic,
        momentum_interpolation,
        momentum_new_dicts,
        momentum_ufuncs_out,
        momentum_float64,
        momentum_returns_list,
    ],
}
