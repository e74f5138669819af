"""Reference building blocks of three gradient-free optimizers (08_beyond_gradients).

Each function is one decision inside a method, written as a pure function: randomness enters as
arrays drawn beforehand, so the same inputs always give the same outputs. All three MINIMIZE: a
lower fitness (loss, energy) is better.

* ``rank_weights(fitness) -> weights`` -- fitness shaping of an evolution strategy (NES,
  OpenAI-ES): centred rank weights in [-0.5, 0.5], the best sample gets +0.5.
* ``acceptance_probability(delta, temperature) -> probability`` -- the Metropolis rule of
  simulated annealing: 1 for a move that is not worse, exp(-delta / T) otherwise, 0 at T = 0.
* ``tournament_selection(fitness, contestants) -> winners`` -- parent selection of a genetic
  algorithm: the index of the fittest contestant of each pre-drawn tournament.
"""

import numpy as np


def rank_weights(fitness):
    """Centred rank weights for minimization (fitness shaping of an evolution strategy).

    Rank the n values from best (lowest fitness) to worst and map the ranks linearly onto
    [-0.5, 0.5] so that the best gets +0.5 and the worst -0.5. With the ascending rank

        r_i = #{j : f_j < f_i} + (#{j != i : f_j = f_i}) / 2     (0 for the lowest; tied
                                                                    values share the average rank)
    the weight is

        w_i = 0.5 - r_i / (n - 1).

    The weights add up to 0, depend only on the ORDER of the fitness values (any increasing
    transformation of f leaves them unchanged), and tied values get equal weights.

    Arguments:
        fitness -- numpy array of shape (n,), n >= 2: the loss of each sample (lower is better)

    Returns:
        weights -- float array of shape (n,)
    """
    n = len(fitness)
    smaller = np.sum(fitness[None, :] < fitness[:, None], axis=1)
    ties = np.sum(fitness[None, :] == fitness[:, None], axis=1) - 1
    ranks = smaller + 0.5 * ties
    weights = 0.5 - ranks / (n - 1)
    return weights


def acceptance_probability(delta, temperature):
    """Metropolis acceptance probability of simulated annealing (minimization).

    For a proposed move that changes the energy (loss) by ``delta = f(candidate) - f(current)``:

        p = 1                    if delta <= 0   (not worse: always accepted)
        p = exp(-delta / T)      if delta > 0 and T > 0
        p = 0                    if delta > 0 and T = 0   (the limit T -> 0: greedy descent)

    Arguments:
        delta -- numpy array of any shape: energy differences of proposed moves
        temperature -- float T >= 0

    Returns:
        probability -- float array shaped like ``delta``, entries in [0, 1]
    """
    probability = np.ones(delta.shape)
    worse = delta > 0
    if temperature > 0:
        probability[worse] = np.exp(-delta[worse] / temperature)
    else:
        probability[worse] = 0.0
    return probability


def tournament_selection(fitness, contestants):
    """Tournament selection of a genetic algorithm (minimization).

    Row i of ``contestants`` lists the population indices drawn (beforehand, at random) for
    tournament i; its winner is the contestant with the LOWEST fitness. When several contestants
    share the lowest fitness, the one that comes first in the row wins.

    Arguments:
        fitness -- numpy array of shape (n,): the loss of every individual of the population
        contestants -- integer array of shape (n_winners, k), entries in 0 .. n-1

    Returns:
        winners -- integer array of shape (n_winners,): the population index of each winner
    """
    scores = fitness[contestants]
    best = np.argmin(scores, axis=1)
    winners = contestants[np.arange(len(contestants)), best]
    return winners
