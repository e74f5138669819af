"""Toy data sets generated from a seed with numpy only (used in 06_training and later)."""

import numpy as np


def make_moons(n_samples=300, noise=0.2, seed=3):
    """Two interleaving half circles, labelled 0 (upper moon) and 1 (lower moon).

    The upper moon is (cos t, sin t), the lower one (1 - cos t, 1/2 - sin t), for t evenly
    spaced in [0, pi]; the points are shuffled, then Gaussian noise of standard deviation
    ``noise`` is added to both coordinates. The recipe (and the random stream) follow
    scikit-learn's ``make_moons``, so ``seed=3`` gives the classic 300-point data set.

    Arguments:
        n_samples -- total number of points m; the upper moon gets m // 2 of them
        noise -- standard deviation of the Gaussian noise (0 for exact half circles)
        seed -- seed of the generator; the same seed always gives the same data

    Returns:
        X -- points, array of shape (2, m)
        Y -- labels 0 or 1, integer array of shape (1, m)
    """
    rng = np.random.RandomState(seed)
    n_upper = n_samples // 2
    n_lower = n_samples - n_upper
    t_upper = np.linspace(0, np.pi, n_upper)
    t_lower = np.linspace(0, np.pi, n_lower)
    points = np.vstack(
        [
            np.append(np.cos(t_upper), 1 - np.cos(t_lower)),
            np.append(np.sin(t_upper), 0.5 - np.sin(t_lower)),
        ]
    ).T
    labels = np.hstack([np.zeros(n_upper, dtype=int), np.ones(n_lower, dtype=int)])
    order = np.arange(n_samples)
    rng.shuffle(order)
    points, labels = points[order], labels[order]
    points = points + rng.normal(scale=noise, size=points.shape)
    return points.T, labels.reshape(1, n_samples)


def train_test_split(X, Y, test_fraction=0.25, seed=0):
    """Split the m examples (columns) of (X, Y) at random into a training and a test set.

    Arguments:
        X -- inputs of shape (n_x, m)
        Y -- labels of shape (n_y, m)
        test_fraction -- share of the examples put in the test set, rounded to an integer count
        seed -- seed of the shuffle

    Returns:
        (X_train, Y_train, X_test, Y_test) -- the columns of X and Y, each example in one set
    """
    m = X.shape[1]
    order = np.random.RandomState(seed).permutation(m)
    n_test = int(round(test_fraction * m))
    test, train = order[:n_test], order[n_test:]
    return X[:, train], Y[:, train], X[:, test], Y[:, test]
