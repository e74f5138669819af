"""Catalogued mistakes of 04_adaptive_methods: AdaGrad, RMSProp and Adam, initializers and updates.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.
None of them produces NaN or a numpy warning on any case (a warning printed while the hidden
check looks for mistakes would show a line of this file in a student's feedback), which is why
"the gradient is not squared" is absent: with negative gradients it takes the root of a negative
number. Returning one dictionary as both of Adam's moments (``v is s``) is absent too: two
dictionaries of zeros and one dictionary of zeros look alike to a check that compares values;
the notebook warns against it and its experiments assert it away.
"""
import numpy as np

from . import Mistake

# ---------------------------------------------------------------- initialize_adagrad


def adagrad_init_parameter_keys(parameters):
    """Keys "W1", "b1" instead of "dW1", "db1"."""
    L = len(parameters) // 2
    G = {}
    for l in range(1, L + 1):
        G["W" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        G["b" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return G


def adagrad_init_ones(parameters):
    """Ones, 'to avoid dividing by zero' -- that is epsilon's job."""
    L = len(parameters) // 2
    G = {}
    for l in range(1, L + 1):
        G["dW" + str(l)] = np.ones_like(parameters["W" + str(l)])
        G["db" + str(l)] = np.ones_like(parameters["b" + str(l)])
    return G


def adagrad_init_b_shaped_like_w(parameters):
    """The accumulator of b gets the shape of W."""
    L = len(parameters) // 2
    G = {}
    for l in range(1, L + 1):
        G["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        G["db" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return G


def adagrad_init_missing_last_layer(parameters):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    G = {}
    for l in range(1, L):
        G["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        G["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return G


def adagrad_init_aliases_parameters(parameters):
    """Zeroing an alias of the parameters in place zeroes the parameters too."""
    L = len(parameters) // 2
    G = {}
    for l in range(1, L + 1):
        G["dW" + str(l)] = parameters["W" + str(l)]
        G["db" + str(l)] = parameters["b" + str(l)]
        G["dW" + str(l)] *= 0
        G["db" + str(l)] *= 0
    return G


def adagrad_init_integer_zeros(parameters):
    """Integer zeros cannot hold sums of squared gradients."""
    L = len(parameters) // 2
    G = {}
    for l in range(1, L + 1):
        G["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape, dtype=int)
        G["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape, dtype=int)
    return G


# ---------------------------------------------------------------- update_parameters_with_adagrad


def adagrad_replaces_sum(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """G = g**2 replaces the sum instead of adding to it."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        G["dW" + str(l)] = grads["dW" + str(l)] ** 2
        G["db" + str(l)] = grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(G["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(G["db" + str(l)]) + epsilon)
    return parameters, G


def adagrad_no_square_root(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """Divides by G + epsilon, without the square root."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        G["db" + str(l)] += grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            G["dW" + str(l)] + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            G["db" + str(l)] + epsilon)
    return parameters, G


def adagrad_epsilon_inside_root(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """sqrt(G + epsilon) instead of sqrt(G) + epsilon."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        G["db" + str(l)] += grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / np.sqrt(
            G["dW" + str(l)] + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / np.sqrt(
            G["db" + str(l)] + epsilon)
    return parameters, G


def adagrad_stale_sum(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """The step divides by the old G; G is updated afterwards."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(G["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(G["db" + str(l)]) + epsilon)
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        G["db" + str(l)] += grads["db" + str(l)] ** 2
    return parameters, G


def adagrad_multiplies_by_root(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """Multiplies the gradient by sqrt(G) + epsilon instead of dividing."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        G["db" + str(l)] += grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] * (
            np.sqrt(G["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] * (
            np.sqrt(G["db" + str(l)]) + epsilon)
    return parameters, G


def adagrad_sum_not_returned(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """Right update, but only the parameters are returned."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        G["db" + str(l)] += grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(G["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(G["db" + str(l)]) + epsilon)
    return parameters


def adagrad_only_weights(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """The biases (and their accumulator) are never updated."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(G["dW" + str(l)]) + epsilon)
    return parameters, G


def adagrad_missing_last_layer(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    for l in range(1, L):
        G["dW" + str(l)] += grads["dW" + str(l)] ** 2
        G["db" + str(l)] += grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(G["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(G["db" + str(l)]) + epsilon)
    return parameters, G


# ---------------------------------------------------------------- initialize_rmsprop


def rmsprop_init_parameter_keys(parameters):
    """Keys "W1", "b1" instead of "dW1", "db1"."""
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["W" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["b" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return s


def rmsprop_init_ones(parameters):
    """Ones, 'to avoid dividing by zero' -- that is epsilon's job."""
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["dW" + str(l)] = np.ones_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.ones_like(parameters["b" + str(l)])
    return s


def rmsprop_init_b_shaped_like_w(parameters):
    """The average of b gets the shape of W."""
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return s


def rmsprop_init_missing_last_layer(parameters):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    s = {}
    for l in range(1, L):
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return s


def rmsprop_init_flat(parameters):
    """np.zeros(len(W)) is a 1-D vector with one entry per row."""
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["dW" + str(l)] = np.zeros(len(parameters["W" + str(l)]))
        s["db" + str(l)] = np.zeros(len(parameters["b" + str(l)]))
    return s


def rmsprop_init_starts_at_parameters(parameters):
    """The average starts as the parameter arrays themselves."""
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["dW" + str(l)] = parameters["W" + str(l)]
        s["db" + str(l)] = parameters["b" + str(l)]
    return s


# ---------------------------------------------------------------- update_parameters_with_rmsprop


def rmsprop_multiplies_by_root(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """W -= lr * dW * sqrt(s + eps): multiplies by the root instead of dividing by it."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        s["dW" + str(l)] = beta * s["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)] ** 2
        s["db" + str(l)] = beta * s["db" + str(l)] + (1 - beta) * grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] * np.sqrt(
            s["dW" + str(l)] + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] * np.sqrt(
            s["db" + str(l)] + epsilon)
    return parameters, s


def rmsprop_epsilon_inside_root(parameters, grads, s, beta=0.9, learning_rate=0.01,
                                epsilon=1e-8):
    """sqrt(s + epsilon) instead of sqrt(s) + epsilon."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        s["dW" + str(l)] = beta * s["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)] ** 2
        s["db" + str(l)] = beta * s["db" + str(l)] + (1 - beta) * grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / np.sqrt(
            s["dW" + str(l)] + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / np.sqrt(
            s["db" + str(l)] + epsilon)
    return parameters, s


def rmsprop_swapped_beta(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """s = (1-beta)*s + beta*g**2: the weights of memory and new square are swapped."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        s["dW" + str(l)] = (1 - beta) * s["dW" + str(l)] + beta * grads["dW" + str(l)] ** 2
        s["db" + str(l)] = (1 - beta) * s["db" + str(l)] + beta * grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(s["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(s["db" + str(l)]) + epsilon)
    return parameters, s


def rmsprop_no_dampening(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """s = beta*s + g**2, without the (1 - beta) factor."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        s["dW" + str(l)] = beta * s["dW" + str(l)] + grads["dW" + str(l)] ** 2
        s["db" + str(l)] = beta * s["db" + str(l)] + grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(s["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(s["db" + str(l)]) + epsilon)
    return parameters, s


def rmsprop_no_square_root(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """Divides by s + epsilon, without the square root."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        s["dW" + str(l)] = beta * s["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)] ** 2
        s["db" + str(l)] = beta * s["db" + str(l)] + (1 - beta) * grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            s["dW" + str(l)] + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            s["db" + str(l)] + epsilon)
    return parameters, s


def rmsprop_stale_average(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """The step divides by the old s; s is updated afterwards."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(s["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(s["db" + str(l)]) + epsilon)
        s["dW" + str(l)] = beta * s["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)] ** 2
        s["db" + str(l)] = beta * s["db" + str(l)] + (1 - beta) * grads["db" + str(l)] ** 2
    return parameters, s


def rmsprop_only_weights(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """The biases (and their average) are never updated."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        s["dW" + str(l)] = beta * s["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(s["dW" + str(l)]) + epsilon)
    return parameters, s


def rmsprop_missing_last_layer(parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    for l in range(1, L):
        s["dW" + str(l)] = beta * s["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)] ** 2
        s["db" + str(l)] = beta * s["db" + str(l)] + (1 - beta) * grads["db" + str(l)] ** 2
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)] / (
            np.sqrt(s["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)] / (
            np.sqrt(s["db" + str(l)]) + epsilon)
    return parameters, s


# ---------------------------------------------------------------- initialize_adam


def adam_init_one_dict(parameters):
    """Only v is created and returned."""
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v


def adam_init_parameter_keys(parameters):
    """Keys "W1", "b1" instead of "dW1", "db1"."""
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["W" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["b" + str(l)] = np.zeros_like(parameters["b" + str(l)])
        s["W" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["b" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v, s


def adam_init_s_ones(parameters):
    """s starts at ones, 'to avoid dividing by zero'."""
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
        s["dW" + str(l)] = np.ones_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.ones_like(parameters["b" + str(l)])
    return v, s


def adam_init_b_shaped_like_w(parameters):
    """The moments of b get the shape of W."""
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return v, s


def adam_init_missing_last_layer(parameters):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v, s


def adam_init_s_missing_biases(parameters):
    """s gets only the weights: its bias entries are forgotten."""
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return v, s


def adam_init_aliases_parameters(parameters):
    """Zeroing aliases of the parameters in place zeroes the parameters too."""
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = parameters["W" + str(l)]
        v["db" + str(l)] = parameters["b" + str(l)]
        v["dW" + str(l)] *= 0
        v["db" + str(l)] *= 0
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v, s


# ---------------------------------------------------------------- update_parameters_with_adam


def adam_epsilon_inside_root(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                             beta2=0.999, epsilon=1e-8):
    """sqrt(s_corrected + epsilon) instead of sqrt(s_corrected) + epsilon."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / np.sqrt(
                s_corrected[k] + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_no_bias_correction(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                            beta2=0.999, epsilon=1e-8):
    """No bias correction: v_corrected is v and s_corrected is s."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k]
            s_corrected[k] = s[k]
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_correction_without_power(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                  beta2=0.999, epsilon=1e-8):
    """Divides by 1 - beta instead of 1 - beta**t (right only at t = 1)."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1)
            s_corrected[k] = s[k] / (1 - beta2)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_correction_t_plus_one(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                               beta2=0.999, epsilon=1e-8):
    """Bias correction with beta**(t + 1), as if t counted from 0."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** (t + 1))
            s_corrected[k] = s[k] / (1 - beta2 ** (t + 1))
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_corrects_stored_moments(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                 beta2=0.999, epsilon=1e-8):
    """v and s themselves are overwritten with their corrected values."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v[k] = v[k] / (1 - beta1 ** t)
            s[k] = s[k] / (1 - beta2 ** t)
            v_corrected[k] = v[k]
            s_corrected[k] = s[k]
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_swapped_betas(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                       epsilon=1e-8):
    """beta2 drives the first moment and beta1 the second."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta2 * v[k] + (1 - beta2) * grads[k]
            s[k] = beta1 * s[k] + (1 - beta1) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta2 ** t)
            s_corrected[k] = s[k] / (1 - beta1 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_squares_first_moment(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                              beta2=0.999, epsilon=1e-8):
    """s averages v**2 (the square of the averaged gradient) instead of g**2."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * v[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_multiplies_by_root(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                            beta2=0.999, epsilon=1e-8):
    """Multiplies by sqrt(s_corrected) + epsilon instead of dividing."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] * (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_step_uses_uncorrected(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                               beta2=0.999, epsilon=1e-8):
    """The corrected moments are computed and returned, but the step uses v and s."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v[k] / (np.sqrt(s[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_gradient_numerator(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                            beta2=0.999, epsilon=1e-8):
    """The step's numerator is the raw gradient instead of v_corrected."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * grads[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_corrected_swapped(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                           beta2=0.999, epsilon=1e-8):
    """Right update, but s_corrected is returned before v_corrected."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, s_corrected, v_corrected


def adam_corrected_not_returned(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    """Right update, but only (parameters, v, s) are returned."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s


def adam_only_weights(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                      epsilon=1e-8):
    """Only the weights are updated: the biases keep their values and moments."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        k = "dW" + str(l)
        v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
        s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
        v_corrected[k] = v[k] / (1 - beta1 ** t)
        s_corrected[k] = s[k] / (1 - beta2 ** t)
        parameters["W" + str(l)] -= learning_rate * v_corrected[k] / (
            np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def adam_missing_last_layer(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                            beta2=0.999, epsilon=1e-8):
    """range(1, L) stops before layer L."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_corrected[k] = v[k] / (1 - beta1 ** t)
            s_corrected[k] = s[k] / (1 - beta2 ** t)
            parameters[p + str(l)] -= learning_rate * v_corrected[k] / (
                np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


# ---------------------------------------------------------------- the catalog

_ALL_LAYERS = ("The loop must visit every layer from 1 to L inclusive; "
               "a Python range stops one before its end value.")
_STATE_KEYS = ('The optimizer state is keyed like the gradients: "dW1", "db1", and so on. '
               'The keys "W1", "b1" belong to the parameters.')
_STATE_ZERO = ("Before the first step no gradient has been seen, so the state starts at exactly "
               "zero. Division by zero is prevented by epsilon in the update, not by the "
               "starting value.")
_OWN_SHAPE = ("Each state array must have the shape of its own parameter: the entry for bl is a "
              "column shaped like bl, not like Wl.")
_EPS_OUTSIDE = ("Epsilon is added after taking the square root, to the root itself. Inside the "
                "root it acts like a floor near the square root of epsilon, which shrinks the "
                "steps of every parameter whose gradients are small.")
_DIVIDE = ("The gradient is divided by the root of the average of squares: coordinates with "
           "large gradients get smaller steps. Multiplying does the opposite.")
_ONLY_W = ("Every layer has two parameters: give the bias the same state update and step as the "
           "weights.")
_NEW_STATE = ("Update the state first, including this step's squared gradient, then divide by "
              "the square root of the new state.")

_ADAGRAD_INIT = "initialize_adagrad"
_ADAGRAD = "update_parameters_with_adagrad"
_RMSPROP_INIT = "initialize_rmsprop"
_RMSPROP = "update_parameters_with_rmsprop"
_ADAM_INIT = "initialize_adam"
_ADAM = "update_parameters_with_adam"

MISTAKES = [
    Mistake("parameter_keys", _ADAGRAD_INIT, "G uses the parameters' keys", _STATE_KEYS,
            adagrad_init_parameter_keys),
    Mistake("ones", _ADAGRAD_INIT, "G starts at one instead of zero", _STATE_ZERO,
            adagrad_init_ones),
    Mistake("b_shaped_like_w", _ADAGRAD_INIT, "The accumulator of the bias is shaped like W",
            _OWN_SHAPE, adagrad_init_b_shaped_like_w),
    Mistake("missing_last_layer", _ADAGRAD_INIT, "The last layer has no accumulator", _ALL_LAYERS,
            adagrad_init_missing_last_layer),
    Mistake("aliases_parameters", _ADAGRAD_INIT, "G shares its arrays with the parameters",
            "Putting a parameter array into G does not copy it, so zeroing G in place also "
            "zeroed the parameters. Create new arrays of zeros instead.",
            adagrad_init_aliases_parameters),
    Mistake("integer_zeros", _ADAGRAD_INIT, "G has an integer dtype",
            "Integer arrays cannot hold sums of squared gradients. Create floating-point zeros: "
            "the default of the zeros functions, or the parameter's dtype.",
            adagrad_init_integer_zeros),

    Mistake("replaces_sum", _ADAGRAD, "G is replaced by the squared gradient instead of growing",
            "AdaGrad adds this step's squared gradient to the running sum G that it was given; "
            "the sum remembers every gradient seen so far.", adagrad_replaces_sum),
    Mistake("no_square_root", _ADAGRAD, "The step divides by G instead of by its square root",
            "Divide by the square root of G plus epsilon: the root has the units of a gradient, "
            "so the step has the units of the learning rate.", adagrad_no_square_root),
    Mistake("epsilon_inside_root", _ADAGRAD, "Epsilon is inside the square root", _EPS_OUTSIDE,
            adagrad_epsilon_inside_root),
    Mistake("stale_sum", _ADAGRAD, "The step uses G from before this step's update", _NEW_STATE,
            adagrad_stale_sum),
    Mistake("multiplies_by_root", _ADAGRAD, "The step multiplies by the root instead of dividing",
            _DIVIDE, adagrad_multiplies_by_root),
    Mistake("sum_not_returned", _ADAGRAD, "Only the parameters are returned",
            "The caller needs the new G for the next step: return the parameters and G together, "
            "in that order.", adagrad_sum_not_returned),
    Mistake("only_weights", _ADAGRAD, "The biases are not updated", _ONLY_W,
            adagrad_only_weights),
    Mistake("missing_last_layer", _ADAGRAD, "The last layer is not updated", _ALL_LAYERS,
            adagrad_missing_last_layer),

    Mistake("parameter_keys", _RMSPROP_INIT, "s uses the parameters' keys", _STATE_KEYS,
            rmsprop_init_parameter_keys),
    Mistake("ones", _RMSPROP_INIT, "s starts at one instead of zero", _STATE_ZERO,
            rmsprop_init_ones),
    Mistake("b_shaped_like_w", _RMSPROP_INIT, "The average of the bias is shaped like W",
            _OWN_SHAPE, rmsprop_init_b_shaped_like_w),
    Mistake("missing_last_layer", _RMSPROP_INIT, "The last layer has no average", _ALL_LAYERS,
            rmsprop_init_missing_last_layer),
    Mistake("flat_shape", _RMSPROP_INIT, "The arrays of s are one-dimensional",
            "Passing the length of a parameter to the zeros function gives one entry per row. "
            "Use the full shape of each parameter.", rmsprop_init_flat),
    Mistake("starts_at_parameters", _RMSPROP_INIT, "s starts at the parameter values",
            "s is a running average of squared gradients, not a copy of the parameters. Create "
            "new arrays of zeros with the shapes of the parameters.",
            rmsprop_init_starts_at_parameters),

    Mistake("multiplies_by_root", _RMSPROP, "The step multiplies by the root instead of dividing",
            _DIVIDE, rmsprop_multiplies_by_root),
    Mistake("epsilon_inside_root", _RMSPROP, "Epsilon is inside the square root", _EPS_OUTSIDE,
            rmsprop_epsilon_inside_root),
    Mistake("swapped_beta", _RMSPROP, "The weights beta and (1 - beta) are swapped",
            "beta weights the old average (the memory) and (1 - beta) the new squared gradient; "
            "with beta close to 1 the average changes slowly.", rmsprop_swapped_beta),
    Mistake("no_dampening", _RMSPROP, "The squared gradient is missing its (1 - beta) factor",
            "s is a weighted average, not a decaying sum: scale the squared gradient by "
            "(1 - beta) before adding it to beta times the old average.", rmsprop_no_dampening),
    Mistake("no_square_root", _RMSPROP, "The step divides by s instead of by its square root",
            "Divide by the square root of s plus epsilon: the root has the units of a gradient, "
            "so the step has the units of the learning rate.", rmsprop_no_square_root),
    Mistake("stale_average", _RMSPROP, "The step uses s from before this step's update",
            _NEW_STATE, rmsprop_stale_average),
    Mistake("only_weights", _RMSPROP, "The biases are not updated", _ONLY_W,
            rmsprop_only_weights),
    Mistake("missing_last_layer", _RMSPROP, "The last layer is not updated", _ALL_LAYERS,
            rmsprop_missing_last_layer),

    Mistake("one_dict", _ADAM_INIT, "Only v is returned",
            "Adam keeps two moving averages, so the function returns two dictionaries of zeros: "
            "v for the gradients and s for their squares, in that order.", adam_init_one_dict),
    Mistake("parameter_keys", _ADAM_INIT, "v and s use the parameters' keys", _STATE_KEYS,
            adam_init_parameter_keys),
    Mistake("s_ones", _ADAM_INIT, "s starts at one instead of zero",
            _STATE_ZERO + " The bias correction also assumes that both averages start at zero.",
            adam_init_s_ones),
    Mistake("b_shaped_like_w", _ADAM_INIT, "The moments of the bias are shaped like W",
            _OWN_SHAPE, adam_init_b_shaped_like_w),
    Mistake("missing_last_layer", _ADAM_INIT, "The last layer has no moments", _ALL_LAYERS,
            adam_init_missing_last_layer),
    Mistake("s_missing_biases", _ADAM_INIT, "s has no entries for the biases",
            "Both v and s need one array per parameter, weights and biases alike.",
            adam_init_s_missing_biases),
    Mistake("aliases_parameters", _ADAM_INIT, "v shares its arrays with the parameters",
            "Putting a parameter array into v does not copy it, so zeroing v in place also "
            "zeroed the parameters. Create new arrays of zeros instead.",
            adam_init_aliases_parameters),

    Mistake("epsilon_inside_root", _ADAM, "Epsilon is inside the square root", _EPS_OUTSIDE,
            adam_epsilon_inside_root),
    Mistake("no_bias_correction", _ADAM, "The moments are not bias-corrected",
            "Both averages start at zero and are too small for the first steps: divide v by "
            "(1 - beta1 to the power t) and s by (1 - beta2 to the power t).",
            adam_no_bias_correction),
    Mistake("correction_without_power", _ADAM, "The bias correction ignores the step count t",
            "After t steps the weights of an average that started at zero add up to 1 - beta to "
            "the power t; divide by that, not by 1 - beta, which is right only for the first step.",
            adam_correction_without_power),
    Mistake("correction_t_plus_one", _ADAM, "The bias correction is one step ahead",
            "t already counts the step being taken, so the first step has t equal to 1: raise "
            "beta to the power t itself, not t + 1.", adam_correction_t_plus_one),
    Mistake("corrects_stored_moments", _ADAM, "v and s are overwritten with corrected values",
            "Keep the running averages v and s uncorrected (they carry over to the next step) "
            "and store the corrected values in v_corrected and s_corrected.",
            adam_corrects_stored_moments),
    Mistake("swapped_betas", _ADAM, "beta1 and beta2 are swapped",
            "beta1 (0.9 by default) averages the gradients in v; beta2 (0.999 by default) "
            "averages the squared gradients in s, and each bias correction uses its own beta.",
            adam_swapped_betas),
    Mistake("squares_first_moment", _ADAM, "s averages the square of v instead of the squared "
            "gradient", "s is the moving average of this step's squared gradient, computed from "
            "the raw gradient, not from the averaged one.", adam_squares_first_moment),
    Mistake("multiplies_by_root", _ADAM, "The step multiplies by the root instead of dividing",
            _DIVIDE, adam_multiplies_by_root),
    Mistake("step_uses_uncorrected", _ADAM, "The step uses the uncorrected moments",
            "The corrected moments are the ones the step needs: divide v_corrected by the square "
            "root of s_corrected plus epsilon.", adam_step_uses_uncorrected),
    Mistake("gradient_numerator", _ADAM, "The step follows the raw gradient instead of v",
            "The numerator of Adam's step is the bias-corrected average v_corrected; with the raw "
            "gradient the momentum part of Adam has no effect.", adam_gradient_numerator),
    Mistake("corrected_swapped", _ADAM, "v_corrected and s_corrected come back swapped",
            "Return the five items in the order of the exercise: parameters, v, s, v_corrected, "
            "s_corrected.", adam_corrected_swapped),
    Mistake("corrected_not_returned", _ADAM, "The corrected moments are not returned",
            "Return five items: parameters, v, s, v_corrected and s_corrected.",
            adam_corrected_not_returned),
    Mistake("only_weights", _ADAM, "The biases are not updated", _ONLY_W, adam_only_weights),
    Mistake("missing_last_layer", _ADAM, "The last layer is not updated", _ALL_LAYERS,
            adam_missing_last_layer),
]


# ---------------------------------------------------------------- signature slips


def rmsprop_arguments_swapped(parameters, grads, s, learning_rate=0.01, beta=0.9, epsilon=1e-8):
    """The learning rate before beta: right by name, wrong by position (the notebook's way)."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            s[key] = beta * s[key] + (1 - beta) * grads[key] ** 2
            step = grads[key] / (np.sqrt(s[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, s


def rmsprop_default_beta_099(parameters, grads, s, beta=0.99, learning_rate=0.01, epsilon=1e-8):
    """beta defaults to 0.99 (PyTorch's default), not the exercise's 0.9."""
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            s[key] = beta * s[key] + (1 - beta) * grads[key] ** 2
            step = grads[key] / (np.sqrt(s[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, s


def adam_betas_first(parameters, grads, v, s, t, beta1=0.9, beta2=0.999, learning_rate=0.01,
                     epsilon=1e-8):
    """The betas before the learning rate: right by name, wrong by position."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            s[key] = beta2 * s[key] + (1 - beta2) * grads[key] ** 2
            v_corrected[key] = v[key] / (1 - beta1 ** t)
            s_corrected[key] = s[key] / (1 - beta2 ** t)
            step = v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, v, s, v_corrected, s_corrected


def adam_default_epsilon_1e7(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                             beta2=0.999, epsilon=1e-7):
    """epsilon defaults to 1e-7 (Keras's default), not the exercise's 1e-8."""
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            s[key] = beta2 * s[key] + (1 - beta2) * grads[key] ** 2
            v_corrected[key] = v[key] / (1 - beta1 ** t)
            s_corrected[key] = s[key] / (1 - beta2 ** t)
            step = v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, v, s, v_corrected, s_corrected


_ORDER = ("The notebook passes the hyper-parameters by position and leaves some out, so their "
          "order and defaults are part of the exercise: keep the signature given in the cell.")

MISTAKES += [
    Mistake("arguments_swapped", _RMSPROP, "The learning rate comes before beta in the signature",
            "Called by position with beta then the learning rate, this version steps by beta and "
            "averages with the learning rate. " + _ORDER, rmsprop_arguments_swapped),
    Mistake("default_beta", _RMSPROP, "The default beta is 0.99 instead of 0.9",
            "Other libraries choose other defaults; this exercise's beta defaults to 0.9. "
            + _ORDER, rmsprop_default_beta_099),
    Mistake("betas_before_learning_rate", _ADAM, "The betas come before the learning rate",
            "The update takes t, then the learning rate, beta1, beta2 and epsilon, in that "
            "order. " + _ORDER, adam_betas_first),
    Mistake("default_epsilon", _ADAM, "The default epsilon is 1e-7 instead of 1e-8",
            "Other libraries choose other defaults; this exercise's epsilon defaults to one "
            "hundred millionth, as in the Adam paper. " + _ORDER, adam_default_epsilon_1e7),
]
