"""Correct implementations of 02_mini_batches written differently from the reference.

The contract fixes the batches exactly (SPEC.md), not the code: any function that draws the
same permutation from the seeded global generator and cuts the same slices is correct. These
variants step through the columns, split arrays, index without a shuffled copy, shuffle an index
array in place (``np.random.permutation(m)`` is exactly that), return float64 or lists. Each is
self-contained (``np`` only). ``CORRECT`` lists them (see the package docstring).
"""

import numpy as np


def mini_batches_step_through_columns(X, Y, mini_batch_size=64, seed=0):
    """range(0, m, size) visits every batch start; the last slice is cut short by numpy."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [
        (
            shuffled_X[:, start : start + mini_batch_size],
            shuffled_Y[:, start : start + mini_batch_size],
        )
        for start in range(0, m, mini_batch_size)
    ]


def mini_batches_array_split(X, Y, mini_batch_size=64, seed=0):
    """np.array_split at the multiples of the batch size below m."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    cuts = np.arange(mini_batch_size, m, mini_batch_size)
    X_parts = np.array_split(X[:, permutation], cuts, axis=1)
    Y_parts = np.array_split(Y[:, permutation], cuts, axis=1)
    return list(zip(X_parts, Y_parts))


def mini_batches_index_batches(X, Y, mini_batch_size=64, seed=0):
    """Cut the permutation itself into index batches, then index X and Y with each one."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    mini_batches = []
    n_batches = -(-m // mini_batch_size)  # ceil(m / size) in integers
    for k in range(n_batches):
        columns = permutation[k * mini_batch_size : (k + 1) * mini_batch_size]
        mini_batches.append((X[:, columns], Y[:, columns]))
    return mini_batches


def mini_batches_shuffled_indices(X, Y, mini_batch_size=64, seed=0):
    """np.random.permutation(m) shuffles arange(m): shuffling it ourselves draws the same order."""
    np.random.seed(seed)
    m = X.shape[1]
    order = np.arange(m)
    np.random.shuffle(order)
    shuffled_X = np.take(X, order, axis=1)
    shuffled_Y = np.take(Y, order, axis=1)
    num_complete = int(m / mini_batch_size)  # int() truncates: the floor for m >= 0
    mini_batches = [
        (
            shuffled_X[:, k * mini_batch_size : (k + 1) * mini_batch_size],
            shuffled_Y[:, k * mini_batch_size : (k + 1) * mini_batch_size],
        )
        for k in range(num_complete)
    ]
    if m % mini_batch_size:
        rest = m % mini_batch_size
        mini_batches.append((shuffled_X[:, -rest:], shuffled_Y[:, -rest:]))
    return mini_batches


def mini_batches_while_loop(X, Y, mini_batch_size=64, seed=0):
    """A while loop that takes batches until no column is left; float64 copies of the data."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation].astype(np.float64)
    shuffled_Y = Y[:, permutation].astype(np.float64)
    mini_batches, start = [], 0
    while start < m:
        end = min(start + mini_batch_size, m)
        mini_batches.append((shuffled_X[:, start:end].copy(), shuffled_Y[:, start:end].copy()))
        start = end
    return mini_batches


def mini_batches_as_lists(X, Y, mini_batch_size=64, seed=0):
    """Each batch as a list [X_batch, Y_batch]: it unpacks like a tuple, so it is accepted."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X.T[permutation].T  # rows of X.T are the examples
    shuffled_Y = Y.T[permutation].T
    bounds = list(range(0, m, mini_batch_size)) + [m]
    return [[shuffled_X[:, a:b], shuffled_Y[:, a:b]] for a, b in zip(bounds[:-1], bounds[1:])]


CORRECT = {
    "random_mini_batches": [
        mini_batches_step_through_columns,
        mini_batches_array_split,
        mini_batches_index_batches,
        mini_batches_shuffled_indices,
        mini_batches_while_loop,
        mini_batches_as_lists,
    ],
}
