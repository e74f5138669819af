"""Catalogued mistakes of 08_beyond_gradients: rank_weights, acceptance_probability and
tournament_selection.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.
"""

import numpy as np

from . import Mistake

# ---------------------------------------------------------------- rank_weights


def ranks_reversed(fitness):
    """The ranks run the wrong way: the best (lowest) fitness gets -0.5."""
    n = len(fitness)
    smaller = np.sum(fitness[None, :] < fitness[:, None], axis=1)
    ties = np.sum(fitness[None, :] == fitness[:, None], axis=1) - 1
    ranks = smaller + 0.5 * ties
    return ranks / (n - 1) - 0.5


def ranks_not_centered(fitness):
    """Weights from 1 (best) down to 0 (worst): the right order, but they do not add up to 0."""
    n = len(fitness)
    smaller = np.sum(fitness[None, :] < fitness[:, None], axis=1)
    ties = np.sum(fitness[None, :] == fitness[:, None], axis=1) - 1
    ranks = smaller + 0.5 * ties
    return 1 - ranks / (n - 1)


def ranks_raw_fitness(fitness):
    """The fitness VALUES are rescaled onto [-0.5, 0.5] instead of their ranks."""
    with np.errstate(divide="ignore", invalid="ignore"):  # all-equal values give 0 / 0
        scaled = (fitness - fitness.min()) / (fitness.max() - fitness.min())
    return 0.5 - scaled


def ranks_argsort_once(fitness):
    """One argsort gives the order that sorts the values, not the rank of each value."""
    n = len(fitness)
    order = np.argsort(fitness)
    return 0.5 - order / (n - 1)


def ranks_divided_by_n(fitness):
    """Ranks divided by n, not n - 1: the weights stop short of -0.5 and do not add up to 0."""
    n = len(fitness)
    smaller = np.sum(fitness[None, :] < fitness[:, None], axis=1)
    ties = np.sum(fitness[None, :] == fitness[:, None], axis=1) - 1
    ranks = smaller + 0.5 * ties
    return 0.5 - ranks / n


def ranks_ties_by_position(fitness):
    """argsort of argsort: tied values get different ranks, decided by their position. (Which
    of a tied group gets which rank depends on the sort, so the checks match this mistake
    whatever order the ranks take within each group of ties.)"""
    n = len(fitness)
    ranks = np.argsort(np.argsort(fitness, kind="stable"), kind="stable")
    return 0.5 - ranks / (n - 1)


def ranks_ties_share_best_rank(fitness):
    """Only strictly smaller values are counted: tied values all get the best of their ranks."""
    n = len(fitness)
    ranks = np.sum(fitness[None, :] < fitness[:, None], axis=1)
    return 0.5 - ranks / (n - 1)


# ---------------------------------------------------------------- acceptance_probability


def metropolis_exp_plus(delta, temperature):
    """exp(+delta / T): a worse move gets a probability above 1."""
    probability = np.ones(delta.shape)
    worse = delta > 0
    if temperature > 0:
        probability[worse] = np.exp(delta[worse] / temperature)
    else:
        probability[worse] = 0.0
    return probability


def metropolis_maximum(delta, temperature):
    """maximum instead of minimum with 1: every worse move is accepted, better ones exceed 1."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        return np.maximum(1.0, np.exp(-delta / temperature))


def metropolis_one_minus(delta, temperature):
    """A worse move is accepted with 1 - exp(-delta / T), the probability of REJECTING it."""
    probability = np.ones(delta.shape)
    worse = delta > 0
    if temperature > 0:
        probability[worse] = 1 - np.exp(-delta[worse] / temperature)
    else:
        probability[worse] = 1.0
    return probability


def metropolis_nan_when_frozen(delta, temperature):
    """min(1, exp(-delta / T)) without a case for T = 0: 0 / 0 gives NaN where delta = 0."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        return np.minimum(1.0, np.exp(-delta / temperature))


def metropolis_absolute_delta(delta, temperature):
    """exp(-|delta| / T) for every move: improvements are not always accepted."""
    if temperature == 0:
        return (delta <= 0).astype(float)
    return np.exp(-np.abs(delta) / temperature)


def metropolis_times_temperature(delta, temperature):
    """exp(-delta * T): multiplying by the temperature turns its effect upside down."""
    probability = np.ones(delta.shape)
    worse = delta > 0
    probability[worse] = np.exp(-delta[worse] * temperature)
    return probability


def metropolis_frozen_rejects_all(delta, temperature):
    """At T = 0 every move is rejected, improvements included."""
    if temperature == 0:
        return np.zeros(delta.shape)
    probability = np.ones(delta.shape)
    worse = delta > 0
    probability[worse] = np.exp(-delta[worse] / temperature)
    return probability


def metropolis_greedy(delta, temperature):
    """Only improvements are accepted, at every temperature (plain hill climbing)."""
    return (delta <= 0).astype(float)


# ---------------------------------------------------------------- tournament_selection


def tournament_maximum(fitness, contestants):
    """The contestant with the HIGHEST fitness wins: the worst one, when lower is better."""
    scores = fitness[contestants]
    best = np.argmax(scores, axis=1)
    return contestants[np.arange(len(contestants)), best]


def tournament_first_contestant(fitness, contestants):
    """The first contestant of each row wins; the fitness is never looked at."""
    return contestants[:, 0].copy()


def tournament_returns_fitness(fitness, contestants):
    """Returns the winning fitness values instead of the winners' indices."""
    return fitness[contestants].min(axis=1)


def tournament_position_in_row(fitness, contestants):
    """Returns where the winner sits in its row (0 .. k-1), not its index in the population."""
    return np.argmin(fitness[contestants], axis=1)


def tournament_global_best(fitness, contestants):
    """Every tournament returns the best individual of the whole population."""
    return np.full(len(contestants), np.argmin(fitness))


def tournament_ties_to_last(fitness, contestants):
    """A loop with <=: among tied best contestants the LAST one wins."""
    winners = []
    for row in contestants:
        best = row[0]
        for c in row[1:]:
            if fitness[c] <= fitness[best]:
                best = c
        winners.append(best)
    return np.array(winners)


def tournament_compares_with_first(fitness, contestants):
    """Each contestant is compared with the first one instead of the best so far."""
    winners = []
    for row in contestants:
        best = row[0]
        for c in row[1:]:
            if fitness[c] < fitness[row[0]]:
                best = c
        winners.append(best)
    return np.array(winners)


def tournament_matrix_index(fitness, contestants):
    """contestants[:, best] picks whole columns: an (n_winners, n_winners) array."""
    best = np.argmin(fitness[contestants], axis=1)
    return contestants[:, best]


_RANKS = "rank_weights"
_METROPOLIS = "acceptance_probability"
_TOURNAMENT = "tournament_selection"

MISTAKES = [
    Mistake(
        "reversed",
        _RANKS,
        "The best sample gets the lowest weight",
        "We minimize: the LOWEST fitness is the best sample and must get the largest weight, "
        "plus one half, and the highest fitness minus one half. Rank from lowest to highest "
        "and subtract the scaled rank from one half.",
        ranks_reversed,
    ),
    Mistake(
        "not_centered",
        _RANKS,
        "The weights are not centred on zero",
        "The weights run from minus one half to plus one half and add up to zero, so that "
        "the ES step moves towards the better samples and away from the worse ones; weights "
        "from 0 to 1 push towards every sample.",
        ranks_not_centered,
    ),
    Mistake(
        "raw_fitness",
        _RANKS,
        "The fitness values are rescaled instead of their ranks",
        "Fitness shaping uses only the ORDER of the values: one huge outlier must not squash "
        "the other weights together. Replace each value by its rank first, then map the "
        "ranks linearly onto the interval.",
        ranks_raw_fitness,
    ),
    Mistake(
        "argsort_once",
        _RANKS,
        "The sorting order is used as the ranks",
        "An argsort lists which sample comes first, second and so on, that is the indices "
        "in sorted order; the rank of sample i is its own position in that order, which is "
        "a different array (count how many values are smaller than each value).",
        ranks_argsort_once,
    ),
    Mistake(
        "divided_by_n",
        _RANKS,
        "The ranks are divided by n instead of n - 1",
        "Ranks run from 0 to n - 1, so dividing by n - 1 maps them onto 0 to 1 and the worst "
        "sample gets exactly minus one half; dividing by n leaves the weights off centre.",
        ranks_divided_by_n,
    ),
    Mistake(
        "ties_by_position",
        _RANKS,
        "Tied fitness values get different weights",
        "Two samples with the same fitness are equally good, so they must get the same "
        "weight: give each tied value the average of the ranks the group occupies, that is "
        "the count of strictly smaller values plus half the count of the OTHER equal values.",
        ranks_ties_by_position,
        match="up_to_tie_order",
    ),
    Mistake(
        "ties_share_best_rank",
        _RANKS,
        "Tied values all get the best rank of their group",
        "Counting only strictly smaller values gives every member of a tie the best rank of "
        "the group, so the weights no longer add up to zero; add half the number of OTHER "
        "samples with the same fitness.",
        ranks_ties_share_best_rank,
    ),
    Mistake(
        "exp_plus",
        _METROPOLIS,
        "Worse moves get exp of plus delta over T",
        "A worse move has a positive delta and must be accepted with a probability below 1 "
        "that falls as delta grows: exp of MINUS delta over T.",
        metropolis_exp_plus,
    ),
    Mistake(
        "maximum",
        _METROPOLIS,
        "Every worse move is accepted",
        "Taking the larger of 1 and the exponential gives at least 1 for every move; the "
        "probability is the SMALLER of the two, so worse moves get exp of minus delta over T "
        "and better moves exactly 1.",
        metropolis_maximum,
    ),
    Mistake(
        "one_minus",
        _METROPOLIS,
        "Worse moves are accepted with 1 minus the probability",
        "exp of minus delta over T is the probability of ACCEPTING a worse move: a slightly "
        "worse move is accepted almost always and a much worse one almost never.",
        metropolis_one_minus,
    ),
    Mistake(
        "nan_when_frozen",
        _METROPOLIS,
        "Zero temperature with delta zero gives NaN",
        "At T equal to 0 the exponential form divides 0 by 0 where delta is 0; handle a zero "
        "temperature on its own: a move that is not worse is accepted, a worse one never.",
        metropolis_nan_when_frozen,
    ),
    Mistake(
        "absolute_delta",
        _METROPOLIS,
        "Improvements are not always accepted",
        "Only a WORSE move, with delta above 0, is accepted at random; a move with delta of "
        "0 or below is always accepted, probability 1.",
        metropolis_absolute_delta,
    ),
    Mistake(
        "times_temperature",
        _METROPOLIS,
        "delta is multiplied by T instead of divided",
        "The temperature divides the energy difference: a high temperature makes worse moves "
        "LIKELY, a low one rare, and at T equal to 0 none is accepted.",
        metropolis_times_temperature,
    ),
    Mistake(
        "frozen_rejects_all",
        _METROPOLIS,
        "At zero temperature even improvements are rejected",
        "The limit T to 0 is greedy descent, not standstill: moves that are not worse are "
        "still accepted with probability 1, only worse moves get 0.",
        metropolis_frozen_rejects_all,
    ),
    Mistake(
        "greedy",
        _METROPOLIS,
        "Worse moves are never accepted",
        "That is hill climbing, which gets stuck in the first local minimum; simulated "
        "annealing accepts a worse move with probability exp of minus delta over T when T is "
        "above 0.",
        metropolis_greedy,
    ),
    Mistake(
        "maximum",
        _TOURNAMENT,
        "The contestant with the highest fitness wins",
        "Fitness here is a loss: lower is better, so the winner of a tournament is the "
        "contestant with the SMALLEST fitness.",
        tournament_maximum,
    ),
    Mistake(
        "first_contestant",
        _TOURNAMENT,
        "The first contestant always wins",
        "Compare the fitness of all k contestants of a row and return the one with the "
        "lowest fitness, wherever it sits in the row.",
        tournament_first_contestant,
    ),
    Mistake(
        "returns_fitness",
        _TOURNAMENT,
        "The winning fitness values are returned",
        "Return WHO won, the population index of each winner, so that the caller can copy "
        "that individual; the fitness value alone cannot tell which one it was.",
        tournament_returns_fitness,
    ),
    Mistake(
        "position_in_row",
        _TOURNAMENT,
        "The winner's position in its row is returned",
        "The position of the minimum within a row, between 0 and k - 1, says which column "
        "won; look up the contestant index stored at that position of the same row.",
        tournament_position_in_row,
    ),
    Mistake(
        "global_best",
        _TOURNAMENT,
        "Every tournament returns the best of the population",
        "A tournament compares only its own k contestants; most tournaments do not contain "
        "the overall best, and that randomness is what keeps the population diverse.",
        tournament_global_best,
    ),
    Mistake(
        "ties_to_last",
        _TOURNAMENT,
        "Among tied contestants the last one wins",
        "Replace the current best only when a contestant is STRICTLY better, so that the "
        "first of several tied contestants keeps the win.",
        tournament_ties_to_last,
    ),
    Mistake(
        "compares_with_first",
        _TOURNAMENT,
        "Contestants are compared with the first one only",
        "Compare each contestant with the best one found so far, not with the first of the "
        "row, or a later contestant that merely beats the first can take the win.",
        tournament_compares_with_first,
    ),
    Mistake(
        "matrix_index",
        _TOURNAMENT,
        "The winners come back as a square array",
        "Indexing with a slice for the rows and an array of positions picks whole columns; "
        "pair each row number with its own position to get one winner per row.",
        tournament_matrix_index,
    ),
]


# ---------------------------------------------------------------- signature slips


def metropolis_arguments_swapped(temperature, delta):
    """The temperature first: right by name, wrong by position."""
    probability = np.ones(delta.shape)
    worse = delta > 0
    if temperature > 0:
        probability[worse] = np.exp(-delta[worse] / temperature)
    else:
        probability[worse] = 0.0
    return probability


MISTAKES += [
    Mistake(
        "arguments_swapped",
        _METROPOLIS,
        "The temperature comes before delta in the signature",
        "The rule takes the energy differences, then the temperature: the notebook passes "
        "them by position, so keep the signature given in the cell.",
        metropolis_arguments_swapped,
    ),
]
