"""Reference mini-batch partition of 02_mini_batches: shuffle the examples once, then cut
them into batches.
"""

import math

import numpy as np


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the m examples (columns) of (X, Y) and cut them into mini-batches.

    With ``np.random.seed(seed)`` and ``permutation = list(np.random.permutation(m))``,
    the columns of X and Y are shuffled by the SAME permutation, so every X column keeps
    its label. Then come floor(m / mini_batch_size) complete batches, in order, and one
    last smaller batch with the remaining m % mini_batch_size columns when that is not
    zero: ceil(m / mini_batch_size) batches in all (one batch with everything if
    m < mini_batch_size).

    Arguments:
        X -- input data of shape (n_x, m)
        Y -- labels of shape (n_y, m)
        mini_batch_size -- number of examples per complete batch (default 64)
        seed -- seed of the shuffle (default 0)

    Returns:
        mini_batches -- list of (mini_batch_X, mini_batch_Y), of shapes
                        (n_x, size) and (n_y, size)
    """
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]

    mini_batches = []
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(num_complete_minibatches):
        start, end = k * mini_batch_size, (k + 1) * mini_batch_size
        mini_batches.append((shuffled_X[:, start:end], shuffled_Y[:, start:end]))
    if m % mini_batch_size != 0:
        start = num_complete_minibatches * mini_batch_size
        mini_batches.append((shuffled_X[:, start:], shuffled_Y[:, start:]))
    return mini_batches
