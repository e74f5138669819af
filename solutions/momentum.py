"""Reference solutions of 03_momentum: the velocity and the momentum step.

The contract (SPEC.md) shared by every update rule: ``parameters`` maps ``"W1", "b1", ...,
"WL", "bL"`` to numpy arrays, with ``L = len(parameters) // 2``; ``grads`` and every optimizer
state (``v``, ``s``, ``G``) map ``"dW1", "db1", ...`` to arrays shaped like the matching
parameter. An update may modify ``parameters`` (and its state) in place and always returns it.
"""

import numpy as np


def initialize_velocity(parameters):
    """Velocity for momentum: zeros shaped like every parameter.

    Arguments:
        parameters -- dict ``"Wl"`` of shape (n_l, n_{l-1}), ``"bl"`` of shape (n_l, 1)

    Returns:
        v -- dict ``"dWl"``, ``"dbl"`` of zeros with the shapes of ``"Wl"``, ``"bl"``
    """
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One momentum step, exponentially-weighted-average form, for every layer l:

        v_dW = beta * v_dW + (1 - beta) * dW        W = W - learning_rate * v_dW
        v_db = beta * v_db + (1 - beta) * db        b = b - learning_rate * v_db

    Arguments:
        parameters -- dict of arrays ``"Wl"``, ``"bl"``
        grads -- dict of arrays ``"dWl"``, ``"dbl"``, shaped like the parameters
        v -- current velocity, dict shaped like ``grads``
        beta -- momentum coefficient in [0, 1); 0 gives plain gradient descent
        learning_rate -- step size

    Returns:
        (parameters, v) -- the updated parameters and velocity
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta * v[key] + (1 - beta) * grads[key]
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * v[key]
    return parameters, v
