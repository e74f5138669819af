"""Reference solutions of 09_landscape_and_initialization: the shape of a loss and where to start.

* ``classify_critical_point(hessian, tol=1e-6) -> kind`` -- what a point with zero gradient is,
  read from the signs of the Hessian's eigenvalues: "minimum", "maximum", "saddle" or
  "degenerate" (the second-order test cannot tell).
* ``initialize_parameters(layers_dims, method, seed=0) -> parameters`` -- the weights of a
  fully connected network drawn with one of four rules: "zeros", "random" (0.01 times a standard
  normal), "xavier" (Glorot) or "he", from ONE generator ``np.random.default_rng(seed)``.
* ``precondition_gradients(grads, s, epsilon=1e-8) -> preconditioned`` -- the diagonal
  preconditioner that RMSProp and Adam apply: every gradient divided entry by entry by the square
  root of its running average of squared gradients.
"""

import numpy as np

KINDS = ("minimum", "maximum", "saddle", "degenerate")
METHODS = ("zeros", "random", "xavier", "he")


def classify_critical_point(hessian, tol=1e-6):
    """Classify a critical point (a point where the gradient is zero) by its Hessian.

    Let lambda_1, ..., lambda_n be the eigenvalues of the symmetric (n, n) Hessian and
    Lambda = max_i |lambda_i| the largest in magnitude. An eigenvalue counts as ZERO when
    |lambda_i| <= tol * Lambda (relative to the largest one, so multiplying the loss by a positive
    constant never changes the answer; a zero Hessian has only zero eigenvalues). Then

        "saddle"      some eigenvalue > 0 and some < 0 (zero ones may be present too)
        "degenerate"  otherwise, if some eigenvalue is zero (the second-order test fails)
        "minimum"     otherwise, if every eigenvalue is > 0
        "maximum"     otherwise (every eigenvalue is < 0)

    Arguments:
        hessian -- symmetric numpy array of shape (n, n), n >= 1
        tol -- relative tolerance under which an eigenvalue counts as zero

    Returns:
        kind -- one of the strings "minimum", "maximum", "saddle", "degenerate"
    """
    eigenvalues = np.linalg.eigvalsh(hessian.astype(np.float64))
    zero = np.abs(eigenvalues) <= tol * np.max(np.abs(eigenvalues))
    positive = np.any((eigenvalues > 0) & ~zero)
    negative = np.any((eigenvalues < 0) & ~zero)
    if positive and negative:
        return "saddle"
    if np.any(zero):
        return "degenerate"
    return "minimum" if positive else "maximum"


def initialize_parameters(layers_dims, method, seed=0):
    """The weights and biases of a fully connected network, drawn with one rule.

    With ``rng = np.random.default_rng(seed)`` created once, for l = 1, ..., L in order
    (fan-in n_{l-1}, fan-out n_l):

        Wl = scale_l * rng.standard_normal((n_l, n_{l-1}))        bl = zeros((n_l, 1))

        "zeros"   Wl = zeros((n_l, n_{l-1}))  (no scale; a draw, if made, is multiplied by 0)
        "random"  scale_l = 0.01
        "xavier"  scale_l = sqrt(2 / (n_{l-1} + n_l))      (Glorot: Var W = 2 / (fan_in + fan_out))
        "he"      scale_l = sqrt(2 / n_{l-1})               (Var W = 2 / fan_in, for ReLU layers)

    Every layer draws its matrix from the same generator, one after the other, so layer 2's
    weights continue the stream where layer 1's stopped.

    Arguments:
        layers_dims -- list [n_0, n_1, ..., n_L] of layer sizes, input layer first
        method -- one of "zeros", "random", "xavier", "he"
        seed -- seed of the generator

    Returns:
        parameters -- dict "W1", "b1", ..., "WL", "bL" of float64 arrays
    """
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in, fan_out = layers_dims[l - 1], layers_dims[l]
        scale = {
            "zeros": 0.0,
            "random": 0.01,
            "xavier": np.sqrt(2 / (fan_in + fan_out)),
            "he": np.sqrt(2 / fan_in),
        }[method]
        parameters["W" + str(l)] = scale * rng.standard_normal((fan_out, fan_in))
        parameters["b" + str(l)] = np.zeros((fan_out, 1))
    return parameters


def precondition_gradients(grads, s, epsilon=1e-8):
    """Apply the diagonal preconditioner of RMSProp and Adam to every gradient.

    For every key k of ``grads`` ("dW1", "db1", ...), entry by entry:

        preconditioned[k] = grads[k] / (sqrt(s[k]) + epsilon)

    that is P g with the diagonal matrix P = diag(1 / (sqrt(s) + epsilon)). ``s`` holds running
    averages of squared gradients (RMSProp's s, or Adam's bias-corrected s_hat), so sqrt(s) is the
    typical size of each coordinate's gradient, and the result has a typical size of about 1 in
    every coordinate whatever the scale of the loss along it. epsilon stays OUTSIDE the square
    root. Neither argument is modified.

    Arguments:
        grads -- dict "dW1", "db1", ...: the gradients
        s -- dict with the same keys and shapes: non-negative running averages of squared gradients
        epsilon -- small number that keeps the division finite where s is 0

    Returns:
        preconditioned -- dict with the keys of grads, arrays shaped like grads
    """
    preconditioned = {}
    for key in grads:
        preconditioned[key] = grads[key] / (np.sqrt(s[key]) + epsilon)
    return preconditioned
