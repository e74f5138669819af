"""Public and hidden cases of 08_beyond_gradients: rank_weights, acceptance_probability and
tournament_selection.

Every case holds the random draws a method would make (fitness values, energy differences,
tournament contestants) as plain arrays. Ties, a zero temperature and all-equal fitness are the
edges where the contracts are most precise, so both case sets contain them.
"""

import numpy as np

from . import Case, hidden, kind, public, random_dtype

_RANKS = "rank_weights"
_METROPOLIS = "acceptance_probability"
_TOURNAMENT = "tournament_selection"


@kind(_RANKS)
def _ranks_kind(kwargs):
    fitness = kwargs["fitness"]
    return ("ties",) if len(np.unique(fitness)) < len(fitness) else ()


@kind(_METROPOLIS)
def _metropolis_kind(kwargs):
    return ("T = 0",) if kwargs["temperature"] == 0 else ()


@kind(_TOURNAMENT)
def _tournament_kind(kwargs):
    scores = kwargs["fitness"][kwargs["contestants"]]
    tied = np.sum(scores == scores.min(axis=1, keepdims=True), axis=1) > 1
    return ("tied winners",) if np.any(tied) else ()


# ---------------------------------------------------------------- rank_weights


@public(_RANKS)
def _ranks_public():
    return [
        _ranks_case([3.2, -1.5, 0.7, 12.0, 2.1], "5 distinct values"),
        _ranks_case([1.25, 0.5, 1.25, 2.5, 0.5, 4.0], "6 values, two pairs of ties"),
        _ranks_case(np.float32([0.25, 100.0, -0.75, 1.5]), "4 values, one far outlier"),
    ]


@hidden(_RANKS)
def _ranks_hidden(rng):
    cases = [
        _ranks_case(np.array([0.3, -0.2]), "n = 2"),
        _ranks_case(np.full(4, 1.5), "4 equal values"),
        _ranks_case(np.array([2.0, -1.0, 2.0]), "n = 3, the worst two tied"),
        _ranks_case(np.array([-1.0, 0.5, -1.0, 3.0, 0.5, -1.0, 7.0]), "n = 7, a triple tie"),
    ]
    for n in (5, 8, 13, 20, 50):
        cases.append(_ranks_case(_draw_fitness(rng, n, ties=False), f"n = {n}"))
    for n in (6, 10, 30):
        cases.append(_ranks_case(_draw_fitness(rng, n, ties=True), f"n = {n}, with ties"))
    heavy = np.exp(3 * rng.normal(size=12))
    cases.append(_ranks_case(heavy, "n = 12, heavy-tailed values (exp of a normal)"))
    # Extreme scales: values a hair apart (not ties), and huge values.
    close = 1.0 + 1e-12 * rng.permutation(9)
    cases.append(_ranks_case(close, "n = 9, values 1e-12 apart"))
    cases.append(_ranks_case(1e12 * rng.normal(size=7), "n = 7, values ~1e12"))
    return cases


def _ranks_case(fitness, label):
    fitness = np.asarray(fitness)
    return Case(f"{label}, {fitness.dtype}", {"fitness": fitness})


def _draw_fitness(rng, n, ties):
    """Fitness values: normal ones, or (``ties``) n integers below n // 3, so some repeat."""
    if ties:
        values = rng.integers(0, max(2, n // 3), size=n).astype(float)
    else:
        values = rng.normal(scale=rng.choice([0.1, 1.0, 100.0]), size=n)
    return values.astype(random_dtype(rng))


# ---------------------------------------------------------------- acceptance_probability


@public(_METROPOLIS)
def _metropolis_public():
    return [
        _metropolis_case([-1.0, -0.25, 0.0, 0.25, 0.5, 1.0, 2.0], 1.0),
        _metropolis_case([[0.3, -2.0, 5.0], [1.5, 0.0, 10.0]], 2.5),
        _metropolis_case([-0.5, 0.0, 0.75, 3.0], 0.0),
        _metropolis_case(np.float32([-3.0, 0.05, 0.2, 1.0]), 0.1),
    ]


@hidden(_METROPOLIS)
def _metropolis_hidden(rng):
    # |delta| / T stays within about 100, so that exp(+-delta / T) is finite (no warnings).
    edges = np.array([-0.1, -1e-3, 0.0, 1e-3, 0.02, 0.1])
    cases = [
        _metropolis_case(edges, 0.0),
        _metropolis_case(edges, 1e-3),
        _metropolis_case(100 * edges, 1e3),
        _metropolis_case(np.zeros(3), 0.0),
        _metropolis_case(np.array([-0.4, 0.7, 2.0]), 1.0),
        # extreme scales: a temperature and energies near 1e-9, and near 1e6
        _metropolis_case(1e-8 * edges, 1e-9),
        _metropolis_case(1e7 * edges, 1e6),
        # a matrix of energies, whatever shapes the random draws below pick
        _metropolis_case(edges.reshape(2, 3), 0.5),
    ]
    for temperature in (0.05, 0.3, 2.0, 7.5, 40.0, 0.0, 0.8):
        shape = [(8,), (3, 4), (2, 2, 3), (1,), (5,)][rng.integers(5)]
        scale = (temperature or 1.0) * rng.choice([0.5, 2.0, 6.0])
        delta = rng.normal(scale=scale, size=shape)
        delta.flat[0] = 0.0  # the boundary case of the rule, in every array
        cases.append(_metropolis_case(delta.astype(random_dtype(rng)), temperature))
    return cases


def _metropolis_case(delta, temperature):
    delta = np.asarray(delta)
    label = f"delta of shape {delta.shape}, {delta.dtype}; temperature={temperature:g}"
    return Case(label, {"delta": delta, "temperature": temperature})


# ---------------------------------------------------------------- tournament_selection


@public(_TOURNAMENT)
def _tournament_public():
    fitness = np.array([4.2, 1.3, 7.5, 0.6, 2.9, 5.1])
    contestants = np.array([[2, 1, 5], [0, 4, 3], [5, 2, 0], [1, 1, 2]])
    tied = np.array([3.5, 1.0, 2.25, 1.0, 0.5, 2.25, 6.0, 0.5])
    tied_rows = np.array([[1, 3], [6, 2], [5, 2], [4, 7], [0, 6]])
    small = np.float32([0.8, -1.2, 3.4, -0.1, 2.0])
    small_rows = np.array([[0, 2, 3, 4], [2, 3, 0, 1], [4, 4, 2, 0]])
    return [
        _tournament_case(fitness, contestants, "distinct fitness"),
        _tournament_case(tied, tied_rows, "tied fitness values in some tournaments"),
        _tournament_case(small, small_rows, "k = 4"),
    ]


@hidden(_TOURNAMENT)
def _tournament_hidden(rng):
    cases = [
        _tournament_case(np.array([2.0, 1.0]), np.array([[0, 1]]), "one tournament"),
        _tournament_case(
            np.array([0.5, -0.5, 1.5]),
            np.array([[2], [0], [1], [2]]),
            "k = 1 (every contestant wins)",
        ),
        _tournament_case(
            np.full(5, 3.0), np.array([[3, 1, 4], [0, 2, 1]]), "all fitness values equal"
        ),
        _tournament_case(
            np.array([1.0, 0.0, 1.0, 0.0, 2.0]),
            np.array([[0, 2, 4], [4, 3, 1], [2, 0, 4], [3, 1, 0]]),
            "tied winners",
        ),
    ]
    cases.append(
        _tournament_case(
            1.0 + 1e-12 * rng.permutation(8),
            rng.integers(0, 8, size=(6, 3)),
            "fitness values 1e-12 apart",
        )
    )
    for n, k, n_winners in [
        (10, 3, 10),
        (30, 5, 30),
        (7, 2, 12),
        (50, 4, 6),
        (4, 7, 3),
        (20, 3, 25),
    ]:
        ties = rng.random() < 0.5
        fitness = (
            rng.integers(0, 5, size=n).astype(float) if ties else rng.normal(scale=10.0, size=n)
        ).astype(random_dtype(rng))
        contestants = rng.integers(0, n, size=(n_winners, k))
        label = "with ties" if ties else "distinct fitness"
        cases.append(_tournament_case(fitness, contestants, label))
    return cases


def _tournament_case(fitness, contestants, label):
    n_winners, k = contestants.shape
    plural = "s" if n_winners != 1 else ""
    label = (
        f"population of {len(fitness)}, {fitness.dtype}; {n_winners} tournament{plural} "
        f"of k = {k}, {label}"
    )
    return Case(label, {"fitness": fitness, "contestants": contestants})
