"""Correct implementations of 09_landscape_and_initialization written differently from the
reference: the general eigenvalue routine, the extreme eigenvalues only, counting in a loop, a
normalized Hessian; rng.normal with a scale, a table of rules, np.divide and in-place division.
``CORRECT`` lists them; the first of each is what the demo's correct-different student submits.
"""

import numpy as np

# ---------------------------------------------------------------- classify_critical_point


def classify_extreme_eigenvalues(hessian, tol=1e-6):
    """Only the smallest and the largest eigenvalue decide."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    lowest, highest = eigenvalues[0], eigenvalues[-1]
    cutoff = tol * max(abs(lowest), abs(highest))
    if highest > cutoff and lowest < -cutoff:
        return "saddle"
    if lowest > cutoff:
        return "minimum"
    if highest < -cutoff:
        return "maximum"
    return "degenerate"


def classify_general_eigvals(hessian, tol=1e-6):
    """np.linalg.eigvals (any square matrix) and the real parts of its eigenvalues."""
    eigenvalues = np.linalg.eigvals(hessian.astype(np.float64)).real
    size = np.abs(eigenvalues).max()
    signs = [0 if abs(e) <= tol * size else (1 if e > 0 else -1) for e in eigenvalues]
    if 1 in signs and -1 in signs:
        return "saddle"
    if 0 in signs:
        return "degenerate"
    return "minimum" if signs[0] == 1 else "maximum"


def classify_by_counting(hessian, tol=1e-6):
    """Count positive, negative and zero eigenvalues in a loop."""
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    largest = np.max(np.abs(eigenvalues))
    n_pos = n_neg = n_zero = 0
    for value in eigenvalues:
        if abs(value) <= tol * largest:
            n_zero += 1
        elif value > 0:
            n_pos += 1
        else:
            n_neg += 1
    if n_pos and n_neg:
        return "saddle"
    if n_zero:
        return "degenerate"
    return "minimum" if n_pos else "maximum"


def classify_normalized(hessian, tol=1e-6):
    """Divide the Hessian by its largest entry first (same kinds), then compare with tol."""
    H = hessian.astype(np.float64)
    biggest = np.abs(H).max()
    if biggest == 0:
        return "degenerate"
    eigenvalues = np.linalg.eigvalsh(H / biggest)
    zero = np.abs(eigenvalues) <= tol * np.abs(eigenvalues).max()
    if np.any(eigenvalues[~zero] > 0) and np.any(eigenvalues[~zero] < 0):
        return "saddle"
    if zero.any():
        return "degenerate"
    return "minimum" if eigenvalues.min() > 0 else "maximum"


# ---------------------------------------------------------------- initialize_parameters


def init_with_rng_normal(layers_dims, method, seed=0):
    """rng.normal(0, scale, shape) draws the same numbers as scale * rng.standard_normal."""
    rng = np.random.default_rng(seed)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        n_prev, n = layers_dims[l - 1], layers_dims[l]
        if method == "zeros":
            parameters[f"W{l}"] = np.zeros((n, n_prev))
        else:
            if method == "random":
                std = 0.01
            elif method == "xavier":
                std = np.sqrt(2.0 / (n_prev + n))
            else:
                std = np.sqrt(2.0) / np.sqrt(n_prev)
            parameters[f"W{l}"] = rng.normal(0.0, std, size=(n, n_prev))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def init_with_rule_table(layers_dims, method, seed=0):
    """A table of variance rules; the weights divided by the square root of 1 / variance."""
    rules = {
        "zeros": lambda fan_in, fan_out: 0.0,
        "random": lambda fan_in, fan_out: 1e-4,
        "xavier": lambda fan_in, fan_out: 2.0 / (fan_in + fan_out),
        "he": lambda fan_in, fan_out: 2.0 / fan_in,
    }
    rng = np.random.default_rng(seed)
    parameters = {}
    for l, (fan_in, fan_out) in enumerate(zip(layers_dims[:-1], layers_dims[1:]), start=1):
        draws = rng.standard_normal(size=(fan_out, fan_in))
        parameters["W" + str(l)] = draws * np.sqrt(rules[method](fan_in, fan_out))
        parameters["b" + str(l)] = np.zeros(shape=(fan_out, 1), dtype=float)
    return parameters


def init_zeros_without_drawing(layers_dims, method, seed=0):
    """For zeros nothing is drawn at all; the other rules draw layer by layer."""
    rng = None if method == "zeros" else np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        shape = (layers_dims[l], layers_dims[l - 1])
        if rng is None:
            W = np.zeros(shape)
        else:
            W = rng.standard_normal(shape)
            W *= {
                "random": 0.01,
                "xavier": (2 / (shape[0] + shape[1])) ** 0.5,
                "he": (2 / shape[1]) ** 0.5,
            }[method]
        parameters["W" + str(l)] = W
        parameters["b" + str(l)] = np.zeros((shape[0], 1))
    return parameters


# ---------------------------------------------------------------- precondition_gradients


def precondition_np_divide(grads, s, epsilon=1e-8):
    """A dict comprehension with np.divide and np.add."""
    return {key: np.divide(g, np.add(np.sqrt(s[key]), epsilon)) for key, g in grads.items()}


def precondition_times_inverse(grads, s, epsilon=1e-8):
    """Multiply by the diagonal of P = 1 / (sqrt(s) + epsilon)."""
    preconditioned = {}
    for key in grads:
        P = 1.0 / (s[key] ** 0.5 + epsilon)
        preconditioned[key] = P * grads[key]
    return preconditioned


def precondition_copy_then_divide(grads, s, epsilon=1e-8):
    """Copy each gradient, then divide the copy in place (the input stays as it was)."""
    preconditioned = {}
    for key, g in grads.items():
        out = g.copy()
        out /= np.sqrt(s[key]) + epsilon
        preconditioned[key] = out
    return preconditioned


CORRECT = {
    "classify_critical_point": [
        classify_extreme_eigenvalues,
        classify_general_eigvals,
        classify_by_counting,
        classify_normalized,
    ],
    "initialize_parameters": [
        init_with_rng_normal,
        init_with_rule_table,
        init_zeros_without_drawing,
    ],
    "precondition_gradients": [
        precondition_np_divide,
        precondition_times_inverse,
        precondition_copy_then_divide,
    ],
}
