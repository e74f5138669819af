"""Reference solutions of 04_adaptive_methods: AdaGrad, RMSProp and Adam.

The contract (SPEC.md) shared by every update rule: ``parameters`` maps ``"W1", "b1", ...,
"WL", "bL"`` to numpy arrays, with ``L = len(parameters) // 2``; ``grads`` and every optimizer
state (``v``, ``s``, ``G``) map ``"dW1", "db1", ...`` to arrays shaped like the matching
parameter. An update may modify ``parameters`` (and its state) in place and always returns it.
"""

import numpy as np


def initialize_adagrad(parameters):
    """AdaGrad's accumulator G: zeros shaped like every parameter.

    Arguments:
        parameters -- dict ``"Wl"``, ``"bl"``

    Returns:
        G -- dict ``"dWl"``, ``"dbl"`` of zeros with the shapes of ``"Wl"``, ``"bl"``
    """
    L = len(parameters) // 2
    G = {}
    for l in range(1, L + 1):
        G["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        G["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return G


def update_parameters_with_adagrad(parameters, grads, G, learning_rate=0.01, epsilon=1e-8):
    """One AdaGrad step, element-wise for every parameter W (and likewise b):

        G_dW = G_dW + dW**2
        W = W - learning_rate * dW / (sqrt(G_dW) + epsilon)

    G only grows, so each coordinate's step shrinks with the squared gradients it has seen.

    Arguments:
        parameters -- dict of arrays ``"Wl"``, ``"bl"``
        grads -- dict of arrays ``"dWl"``, ``"dbl"``, shaped like the parameters
        G -- running sum of squared gradients, dict shaped like ``grads``
        learning_rate -- step size (default 0.01)
        epsilon -- keeps the division finite (default 1e-8)

    Returns:
        (parameters, G) -- the updated parameters and accumulator
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            G[key] = G[key] + grads[key] ** 2
            step = grads[key] / (np.sqrt(G[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, G


def initialize_rmsprop(parameters):
    """RMSProp's average of squared gradients s: zeros shaped like every parameter.

    Arguments:
        parameters -- dict ``"Wl"``, ``"bl"``

    Returns:
        s -- dict ``"dWl"``, ``"dbl"`` of zeros with the shapes of ``"Wl"``, ``"bl"``
    """
    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        s["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return s


def update_parameters_with_rmsprop(
    parameters, grads, s, beta=0.9, learning_rate=0.01, epsilon=1e-8
):
    """One RMSProp step, element-wise for every parameter W (and likewise b):

        s_dW = beta * s_dW + (1 - beta) * dW**2
        W = W - learning_rate * dW / (sqrt(s_dW) + epsilon)

    The step DIVIDES by the root-mean-square of recent gradients.

    Arguments:
        parameters -- dict of arrays ``"Wl"``, ``"bl"``
        grads -- dict of arrays ``"dWl"``, ``"dbl"``, shaped like the parameters
        s -- moving average of squared gradients, dict shaped like ``grads``
        beta -- decay of the moving average (default 0.9)
        learning_rate -- step size (default 0.01)
        epsilon -- keeps the division finite (default 1e-8)

    Returns:
        (parameters, s) -- the updated parameters and moving average
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            s[key] = beta * s[key] + (1 - beta) * grads[key] ** 2
            step = grads[key] / (np.sqrt(s[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, s


def initialize_adam(parameters):
    """Adam's first and second moment estimates: zeros shaped like every parameter.

    Arguments:
        parameters -- dict ``"Wl"``, ``"bl"``

    Returns:
        (v, s) -- two dicts ``"dWl"``, ``"dbl"`` of zeros with the shapes of ``"Wl"``, ``"bl"``
    """
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            v["d" + name + str(l)] = np.zeros_like(parameters[name + str(l)])
            s["d" + name + str(l)] = np.zeros_like(parameters[name + str(l)])
    return v, s


def update_parameters_with_adam(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """One Adam step, element-wise for every parameter W (and likewise b):

        v_dW = beta1 * v_dW + (1 - beta1) * dW          v_hat = v_dW / (1 - beta1**t)
        s_dW = beta2 * s_dW + (1 - beta2) * dW**2       s_hat = s_dW / (1 - beta2**t)
        W = W - learning_rate * v_hat / (sqrt(s_hat) + epsilon)

    Arguments:
        parameters -- dict of arrays ``"Wl"``, ``"bl"``
        grads -- dict of arrays ``"dWl"``, ``"dbl"``, shaped like the parameters
        v -- moving average of the gradients, dict shaped like ``grads``
        s -- moving average of the squared gradients, dict shaped like ``grads``
        t -- number of Adam steps taken, counting this one (the first step has t = 1)
        learning_rate -- step size (default 0.01)
        beta1 -- decay of the first moment estimate (default 0.9)
        beta2 -- decay of the second moment estimate (default 0.999)
        epsilon -- keeps the division finite, added outside the root (default 1e-8)

    Returns:
        (parameters, v, s, v_corrected, s_corrected) -- updated parameters and moments, and
        the bias-corrected moments v_hat and s_hat (dicts shaped like ``grads``)
    """
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            s[key] = beta2 * s[key] + (1 - beta2) * grads[key] ** 2
            v_corrected[key] = v[key] / (1 - beta1**t)
            s_corrected[key] = s[key] / (1 - beta2**t)
            step = v_corrected[key] / (np.sqrt(s_corrected[key]) + epsilon)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * step
    return parameters, v, s, v_corrected, s_corrected
