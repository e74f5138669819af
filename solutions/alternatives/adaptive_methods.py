"""Correct implementations of 04_adaptive_methods written differently from the reference.

Every function here honours SPEC.md, so the public and the hidden checks must pass it: loops over
dict keys, in-place updates, numpy ufuncs, algebraically equal expressions (Adam's step with the
bias corrections folded into the learning rate), new dicts instead of mutation, float64 results
from float32 inputs. ``CORRECT`` lists them (see the package docstring).
"""

import numpy as np

# ---------------------------------------------------------------- initializers


def adagrad_init_comprehension(parameters):
    """A dict comprehension over the keys; np.zeros(shape) is float64 even for float32 inputs."""
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def adagrad_init_times_zero(parameters):
    """0 * W is zero too (negative entries give -0.0, which equals 0.0)."""
    return {"d" + key: 0.0 * value for key, value in parameters.items()}


def rmsprop_init_biases_first(parameters):
    """Layers counted from the top, biases before weights, full_like with an explicit 0.0."""
    L = len(parameters) // 2
    s = {}
    for l in reversed(range(1, L + 1)):
        s[f"db{l}"] = np.full_like(parameters[f"b{l}"], 0.0)
        s[f"dW{l}"] = np.full_like(parameters[f"W{l}"], 0.0)
    return s


def rmsprop_init_own_dtype(parameters):
    """Zeros in each parameter's own dtype."""
    return {
        "d" + key: np.zeros(value.shape, dtype=value.dtype) for key, value in parameters.items()
    }


def adam_init_copies(parameters):
    """s is built as copies of v's arrays: two dicts, no array shared."""
    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {key: value.copy() for key, value in v.items()}
    return v, s


def adam_init_list(parameters):
    """Returns [v, s]: a list unpacks exactly like a tuple, so it is accepted."""
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            shape = parameters[name + str(l)].shape
            v["d" + name + str(l)] = np.zeros(shape)
            s["d" + name + str(l)] = np.zeros(shape)
    return [v, s]


# ---------------------------------------------------------------- AdaGrad


def adagrad_in_place_over_keys(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """Loop over the gradient keys, update G and the parameters in place."""
    for key in grads:
        G[key] += grads[key] ** 2
        parameters[key[1:]] -= learning_rate * grads[key] / (np.sqrt(G[key]) + epsilon)
    return parameters, G


def adagrad_new_dicts(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """Changes no argument: builds and returns new dicts, with np.square and np.divide."""
    new_G = {key: G[key] + np.square(grads[key]) for key in G}
    new_parameters = {
        key: value
        - learning_rate * np.divide(grads["d" + key], np.sqrt(new_G["d" + key]) + epsilon)
        for key, value in parameters.items()
    }
    return new_parameters, new_G


def adagrad_per_coordinate_rate(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """First the per-coordinate learning rate, then a gradient step with it; float64 throughout."""
    for key in parameters:
        d = "d" + key
        G[d] = G[d].astype(np.float64) + grads[d].astype(np.float64) ** 2
        rate = learning_rate / (np.sqrt(G[d]) + epsilon)
        parameters[key] = parameters[key].astype(np.float64) - rate * grads[d]
    return parameters, G


# ---------------------------------------------------------------- RMSProp


def rmsprop_in_place_over_keys(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """Loop over the gradient keys, update s and the parameters in place."""
    for key in grads:
        s[key] *= beta
        s[key] += (1 - beta) * grads[key] ** 2
        parameters[key[1:]] -= learning_rate * grads[key] / (np.sqrt(s[key]) + epsilon)
    return parameters, s


def rmsprop_interpolation(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """s moves from the old average towards g**2: s + (1 - beta)*(g**2 - s)."""
    L = len(parameters) // 2
    for l in range(L):
        for name in ("W", "b"):
            key = f"d{name}{l + 1}"
            s[key] = s[key] + (1 - beta) * (grads[key] * grads[key] - s[key])
            root = s[key] ** 0.5
            parameters[f"{name}{l + 1}"] = parameters[f"{name}{l + 1}"] - (
                learning_rate * grads[key] / (root + epsilon)
            )
    return parameters, s


def rmsprop_ufuncs_out(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """numpy ufuncs writing into the existing arrays."""
    for key in parameters:
        d = "d" + key
        np.multiply(s[d], beta, out=s[d])
        np.add(s[d], (1 - beta) * np.square(grads[d]), out=s[d])
        np.subtract(
            parameters[key],
            learning_rate * grads[d] / (np.sqrt(s[d]) + epsilon),
            out=parameters[key],
        )
    return parameters, s


def rmsprop_returns_list(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """New dicts, returned as a list [parameters, s] (a list unpacks like a tuple)."""
    new_s = {key: beta * s[key] + (1 - beta) * grads[key] ** 2 for key in s}
    new_parameters = {
        key: value - learning_rate * grads["d" + key] / (np.sqrt(new_s["d" + key]) + epsilon)
        for key, value in parameters.items()
    }
    return [new_parameters, new_s]


# ---------------------------------------------------------------- Adam


def adam_in_place_over_keys(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """Loop over the gradient keys, update the moments and the parameters in place."""
    v_corrected, s_corrected = {}, {}
    for key in grads:
        v[key] *= beta1
        v[key] += (1 - beta1) * grads[key]
        s[key] *= beta2
        s[key] += (1 - beta2) * grads[key] ** 2
        v_corrected[key] = v[key] / (1 - beta1**t)
        s_corrected[key] = s[key] / (1 - beta2**t)
        parameters[key[1:]] -= (
            learning_rate * v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
        )
    return parameters, v, s, v_corrected, s_corrected


def adam_folded_corrections(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """The corrections folded into the step: multiply the top and bottom of
    (v/c1) / (sqrt(s/c2) + eps) by sqrt(c2) to get sqrt(c2)/c1 * v / (sqrt(s) + eps*sqrt(c2))."""
    c1 = 1 - beta1**t
    c2 = 1 - beta2**t
    v_corrected, s_corrected = {}, {}
    for key, value in parameters.items():
        d = "d" + key
        v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
        s[d] = beta2 * s[d] + (1 - beta2) * grads[d] ** 2
        v_corrected[d] = v[d] / c1
        s_corrected[d] = s[d] / c2
        step_size = learning_rate * np.sqrt(c2) / c1
        parameters[key] = value - step_size * v[d] / (np.sqrt(s[d]) + epsilon * np.sqrt(c2))
    return parameters, v, s, v_corrected, s_corrected


def adam_new_dicts(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """Changes no argument: builds and returns new dicts."""
    new_v = {key: beta1 * v[key] + (1 - beta1) * grads[key] for key in v}
    new_s = {key: beta2 * s[key] + (1 - beta2) * np.square(grads[key]) for key in s}
    v_corrected = {key: value / (1 - beta1**t) for key, value in new_v.items()}
    s_corrected = {key: value / (1 - beta2**t) for key, value in new_s.items()}
    new_parameters = {
        key: value
        - learning_rate * v_corrected["d" + key] / (np.sqrt(s_corrected["d" + key]) + epsilon)
        for key, value in parameters.items()
    }
    return new_parameters, new_v, new_s, v_corrected, s_corrected


def adam_float64_list(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """Computes in float64 whatever the input precision; returns a list of the five items."""
    L = len(parameters) // 2
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            g = grads[key].astype(np.float64)
            v[key] = beta1 * v[key].astype(np.float64) + (1 - beta1) * g
            s[key] = beta2 * s[key].astype(np.float64) + (1 - beta2) * g * g
            v_corrected[key] = v[key] / (1.0 - np.power(beta1, t))
            s_corrected[key] = s[key] / (1.0 - np.power(beta2, t))
            update = learning_rate * v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)].astype(np.float64) - update
    return [parameters, v, s, v_corrected, s_corrected]


CORRECT = {
    "initialize_adagrad": [adagrad_init_comprehension, adagrad_init_times_zero],
    "initialize_rmsprop": [rmsprop_init_biases_first, rmsprop_init_own_dtype],
    "initialize_adam": [adam_init_copies, adam_init_list],
    "update_parameters_with_adagrad": [
        adagrad_in_place_over_keys,
        adagrad_new_dicts,
        adagrad_per_coordinate_rate,
    ],
    "update_parameters_with_rmsprop": [
        rmsprop_in_place_over_keys,
        rmsprop_interpolation,
        rmsprop_ufuncs_out,
        rmsprop_returns_list,
    ],
    "update_parameters_with_adam": [
        adam_in_place_over_keys,
        adam_folded_corrections,
        adam_new_dicts,
        adam_float64_list,
    ],
}
