"""Reference solution of 01_gradient_descent: one step of gradient descent.

The contract (SPEC.md) shared by every update rule: ``parameters`` maps ``"W1", "b1", ...,
"WL", "bL"`` to numpy arrays, with ``L = len(parameters) // 2``; ``grads`` and every optimizer
state (``v``, ``s``, ``G``) map ``"dW1", "db1", ...`` to arrays shaped like the matching
parameter. An update may modify ``parameters`` (and its state) in place and always returns it.
"""


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of (batch or mini-batch) gradient descent, for every layer l:

        W = W - learning_rate * dW        b = b - learning_rate * db

    Arguments:
        parameters -- dict ``"Wl"`` of shape (n_l, n_{l-1}), ``"bl"`` of shape (n_l, 1)
        grads -- dict ``"dWl"``, ``"dbl"``, shaped like the parameters
        learning_rate -- step size

    Returns:
        parameters -- the updated parameters
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = name + str(l)
            parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return parameters
