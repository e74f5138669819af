"""Correct implementations of 08_beyond_gradients written differently from the reference.

Every function here honours the contracts of ``solutions/beyond_gradients.py``, so the public and
the hidden checks must pass it: loops instead of broadcasting, sorting instead of counting,
np.where with the warnings silenced, float32 results from float32 inputs, stable argsorts.
``CORRECT`` lists them (see the package docstring); the first of each is what the demo's
correct-different student submits.
"""

import math

import numpy as np

# ---------------------------------------------------------------- rank_weights


def ranks_by_sign_sum(fitness):
    """w_i = sum_j sign(f_j - f_i) / (2 (n - 1)): better values count +1, worse -1, ties 0."""
    n = len(fitness)
    return np.sign(fitness[None, :] - fitness[:, None]).sum(axis=1) / (2 * (n - 1))


def ranks_with_unique(fitness):
    """Sort once with np.unique; a group of c tied values starting at rank r shares r + (c-1)/2."""
    values, inverse, counts = np.unique(fitness, return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts
    ranks = (first + (counts - 1) / 2)[inverse.ravel()]
    return 0.5 - ranks / (len(fitness) - 1)


def ranks_double_loop(fitness):
    """Plain Python: count smaller values and other equal ones for each sample."""
    n = len(fitness)
    weights = np.zeros(n)
    for i in range(n):
        rank = 0.0
        for j in range(n):
            if fitness[j] < fitness[i]:
                rank += 1
            elif fitness[j] == fitness[i] and j != i:
                rank += 0.5
        weights[i] = 0.5 - rank / (n - 1)
    return weights


def ranks_stable_sort_then_average(fitness):
    """Stable argsort for provisional ranks, then replace each tied group by its mean rank."""
    n = len(fitness)
    order = np.argsort(fitness, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(n)
    for value in np.unique(fitness):
        tied = fitness == value
        ranks[tied] = ranks[tied].mean()
    return (0.5 - ranks / (n - 1)).astype(fitness.dtype)


# ---------------------------------------------------------------- acceptance_probability


def metropolis_where(delta, temperature):
    """np.where on the whole array; the division by T = 0 only feeds entries np.where drops."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        return np.where(delta <= 0, 1.0, np.exp(-delta / temperature))


def metropolis_loop(delta, temperature):
    """One entry at a time with math.exp."""
    probability = np.empty(delta.shape)
    for index, d in np.ndenumerate(delta):
        if d <= 0:
            probability[index] = 1.0
        elif temperature == 0:
            probability[index] = 0.0
        else:
            probability[index] = math.exp(-d / temperature)
    return probability


def metropolis_clip(delta, temperature):
    """exp(-max(delta, 0) / T) is 1 for every move that is not worse; T = 0 on its own."""
    if temperature == 0:
        return (delta <= 0).astype(np.float64)
    return np.exp(-np.clip(delta, 0, None) / temperature)


def metropolis_minimum_same_dtype(delta, temperature):
    """min(1, exp(-delta / T)) in the input's precision, with a separate greedy case."""
    if temperature <= 0:
        return np.where(delta > 0, 0.0, 1.0).astype(delta.dtype)
    with np.errstate(over="ignore"):
        return np.minimum(1, np.exp(-delta / np.asarray(temperature, dtype=delta.dtype)))


# ---------------------------------------------------------------- tournament_selection


def tournament_take_along_axis(fitness, contestants):
    """np.take_along_axis picks the winning column of every row."""
    best = np.argmin(fitness[contestants], axis=1)
    return np.take_along_axis(contestants, best[:, None], axis=1)[:, 0]


def tournament_loop(fitness, contestants):
    """A loop per tournament; a contestant replaces the best only when strictly better."""
    winners = np.empty(len(contestants), dtype=int)
    for i, row in enumerate(contestants):
        best = row[0]
        for c in row[1:]:
            if fitness[c] < fitness[best]:
                best = c
        winners[i] = best
    return winners


def tournament_stable_argsort(fitness, contestants):
    """The first column of a stable argsort of each row is its (first) minimum."""
    order = np.argsort(fitness[contestants], axis=1, kind="stable")
    return contestants[np.arange(contestants.shape[0]), order[:, 0]]


def tournament_python_min(fitness, contestants):
    """Python's min with a key returns the first of several equal minima."""
    return np.array([min(row, key=lambda c: fitness[c]) for row in contestants])


CORRECT = {
    "rank_weights": [
        ranks_by_sign_sum,
        ranks_with_unique,
        ranks_double_loop,
        ranks_stable_sort_then_average,
    ],
    "acceptance_probability": [
        metropolis_where,
        metropolis_loop,
        metropolis_clip,
        metropolis_minimum_same_dtype,
    ],
    "tournament_selection": [
        tournament_take_along_axis,
        tournament_loop,
        tournament_stable_argsort,
        tournament_python_min,
    ],
}
