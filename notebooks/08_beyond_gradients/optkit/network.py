"""A small fully connected network in numpy: LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID.

Used by 06_training (the capstone) and later notebooks. Conventions: examples are columns,
``X`` has shape (n_x, m), labels ``Y`` have shape (1, m) with values 0 or 1, and
``parameters`` maps ``"W1", "b1", "W2", "b2", "W3", "b3"`` to arrays of shapes
(n_l, n_{l-1}) and (n_l, 1).
"""

import numpy as np


def sigmoid(x):
    """Element-wise logistic function 1 / (1 + exp(-x)), computed without overflow."""
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def relu(x):
    """Element-wise rectified linear unit max(0, x)."""
    return np.maximum(0, x)


def initialize_parameters_he(layers_dims):
    """He initialization, seeded with ``np.random.seed(3)``, for every layer l = 1, ..., L:

        Wl = randn(n_l, n_{l-1}) * sqrt(2 / n_{l-1})        bl = zeros((n_l, 1))

    Arguments:
        layers_dims -- list [n_x, n_1, ..., n_L] of layer sizes, input layer first

    Returns:
        parameters -- dict ``"W1", "b1", ..., "WL", "bL"``
    """
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n_prev, n = layers_dims[l - 1], layers_dims[l]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(2 / n_prev)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass of the 3-layer network:

        z1 = W1 X + b1,   a1 = relu(z1)          shapes (n_1, m)
        z2 = W2 a1 + b2,  a2 = relu(z2)          shapes (n_2, m)
        z3 = W3 a2 + b3,  a3 = sigmoid(z3)       shapes (1, m)

    Arguments:
        X -- inputs of shape (n_x, m)
        parameters -- dict ``"W1", "b1", "W2", "b2", "W3", "b3"``

    Returns:
        a3 -- predicted probabilities P(y = 1 | x), shape (1, m)
        cache -- tuple (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) for the backward pass
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = W1 @ X + b1
    a1 = relu(z1)
    z2 = W2 @ a1 + b2
    a2 = relu(z2)
    z3 = W3 @ a2 + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def compute_cost(a3, Y):
    """SUM of the cross-entropy losses over the m examples (the caller divides by m):

        cost = - sum_i [ y_i log(a3_i) + (1 - y_i) log(1 - a3_i) ]

    Returning the sum lets a training loop add up the costs of its mini-batches and divide
    once by the total number of examples. Probabilities are clipped to [1e-12, 1 - 1e-12]
    so that a saturated output gives a large finite cost instead of infinity.

    Arguments:
        a3 -- predicted probabilities, shape (1, m)
        Y -- labels 0 or 1, shape (1, m)

    Returns:
        cost_total -- python float
    """
    a3 = np.clip(a3, 1e-12, 1 - 1e-12)
    losses = -(Y * np.log(a3) + (1 - Y) * np.log(1 - a3))
    return float(np.sum(losses))


def backward_propagation(X, Y, cache):
    """Gradients of the MEAN cost J = compute_cost(a3, Y) / m with respect to every parameter:

        dz3 = (a3 - Y) / m,        dW3 = dz3 a2^T,   db3 = sum of dz3 over the columns
        dz2 = (W3^T dz3) * [z2 > 0],  dW2 = dz2 a1^T,  db2 = sum of dz2 over the columns
        dz1 = (W2^T dz2) * [z1 > 0],  dW1 = dz1 X^T,   db1 = sum of dz1 over the columns

    Arguments:
        X -- inputs of shape (n_x, m)
        Y -- labels of shape (1, m)
        cache -- the cache returned by ``forward_propagation(X, parameters)``

    Returns:
        grads -- dict ``"dW1", "db1", "dW2", "db2", "dW3", "db3"`` shaped like the parameters
    """
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = (a3 - Y) / m
    dz2 = (W3.T @ dz3) * (z2 > 0)
    dz1 = (W2.T @ dz2) * (z1 > 0)
    return {
        "dW3": dz3 @ a2.T,
        "db3": np.sum(dz3, axis=1, keepdims=True),
        "dW2": dz2 @ a1.T,
        "db2": np.sum(dz2, axis=1, keepdims=True),
        "dW1": dz1 @ X.T,
        "db1": np.sum(dz1, axis=1, keepdims=True),
    }


def predict_dec(parameters, X):
    """Class predictions 1 if a3 > 0.5 else 0, shape (1, m); needs no labels (for plots)."""
    a3, _ = forward_propagation(X, parameters)
    return (a3 > 0.5).astype(int)


def predict(X, Y, parameters, print_accuracy=True):
    """Predict the labels of X and measure the accuracy against Y.

    Arguments:
        X -- inputs of shape (n_x, m)
        Y -- true labels of shape (1, m)
        parameters -- trained parameters
        print_accuracy -- print "Accuracy: ..." (default True)

    Returns:
        predictions -- integer array of shape (1, m): 1 where a3 > 0.5, else 0
    """
    predictions = predict_dec(parameters, X)
    if print_accuracy:
        print("Accuracy: " + str(accuracy(predictions, Y)))
    return predictions


def accuracy(predictions, Y):
    """Share of the examples whose prediction equals the label: mean(predictions == Y)."""
    return float(np.mean(predictions == Y))
