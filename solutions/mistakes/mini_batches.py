"""Catalogued mistakes of 02_mini_batches: random_mini_batches.

Each function is what a student might plausibly write; its docstring says what is wrong. They
use only ``np`` and no helper, because the sample class pastes their source into a notebook.

Two classic mistakes crash instead of returning wrong batches, so they cannot be catalogued
here (a diagnosis compares outputs): looping over the float count ``m / mini_batch_size`` (or
``np.floor`` of it, still a float) raises a TypeError in ``range``, and taking the last batch
from the loop variable ``k`` raises an UnboundLocalError when the loop never ran. What students
write to silence those errors is catalogued instead: ``ceil_count``, ``round_count`` and
``last_batch_from_loop_variable``. The notebook explains both errors. Seeding after drawing the
permutation cannot be catalogued either: its output depends on the random state left by earlier
code, so no stored output can match it.
"""
import numpy as np

from . import Mistake

# ---------------------------------------------------------------- shuffling


def mini_batches_different_permutations(X, Y, mini_batch_size=64, seed=0):
    """X and Y are shuffled with two different permutations: the labels leave their examples."""
    np.random.seed(seed)
    m = X.shape[1]
    shuffled_X = X[:, list(np.random.permutation(m))]
    shuffled_Y = Y[:, list(np.random.permutation(m))]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_no_shuffle(X, Y, mini_batch_size=64, seed=0):
    """The batches are cut from the data in its stored order."""
    m = X.shape[1]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((X[:, batch], Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((X[:, num_complete * mini_batch_size:],
                             Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_shuffles_features(X, Y, mini_batch_size=64, seed=0):
    """np.random.shuffle permutes the FIRST axis: the rows (features), not the examples."""
    np.random.seed(seed)
    m = X.shape[1]
    shuffled_X = X.copy()
    shuffled_Y = Y.copy()
    np.random.shuffle(shuffled_X)
    np.random.shuffle(shuffled_Y)
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_shuffles_inputs_in_place(X, Y, mini_batch_size=64, seed=0):
    """Right batches, but np.random.shuffle on X.T and Y.T shuffles the caller's arrays."""
    m = X.shape[1]
    np.random.seed(seed)
    np.random.shuffle(X.T)          # X.T is a view: this reorders the columns of X itself
    np.random.seed(seed)
    np.random.shuffle(Y.T)          # the same seed gives Y the same order
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((X[:, batch], Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((X[:, num_complete * mini_batch_size:],
                             Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_other_generator(X, Y, mini_batch_size=64, seed=0):
    """The permutation comes from np.random.default_rng(seed), not from np.random.seed(seed)."""
    rng = np.random.default_rng(seed)
    m = X.shape[1]
    permutation = list(rng.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_seed_ignored(X, Y, mini_batch_size=64, seed=0):
    """np.random.seed(0): the seed argument is ignored, every call shuffles the same way."""
    np.random.seed(0)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


# ---------------------------------------------------------------- partitioning


def mini_batches_drops_last_batch(X, Y, mini_batch_size=64, seed=0):
    """Only the complete batches: the m % mini_batch_size leftover examples are never used."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    for k in range(m // mini_batch_size):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    return mini_batches


def mini_batches_empty_last_batch(X, Y, mini_batch_size=64, seed=0):
    """The last batch is appended without checking m % mini_batch_size: empty when it is 0."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                         shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_ceil_count(X, Y, mini_batch_size=64, seed=0):
    """ceil(m / size) 'complete' batches: the loop already makes the smaller one, added twice."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = int(np.ceil(m / mini_batch_size))
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_round_count(X, Y, mini_batch_size=64, seed=0):
    """round(m / size) batches: one too many (a duplicate last batch) when the fraction is large."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = round(m / mini_batch_size)
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        start = (m // mini_batch_size) * mini_batch_size
        mini_batches.append((shuffled_X[:, start:], shuffled_Y[:, start:]))
    return mini_batches


def mini_batches_last_batch_from_loop_variable(X, Y, mini_batch_size=64, seed=0):
    """The last batch starts at (k + 1) * size with k = 0 set before the loop: when there is
    no complete batch the loop never runs and the last batch is empty."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    k = 0
    for k in range(m // mini_batch_size):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, (k + 1) * mini_batch_size:],
                             shuffled_Y[:, (k + 1) * mini_batch_size:]))
    return mini_batches


def mini_batches_overlapping(X, Y, mini_batch_size=64, seed=0):
    """Batch k starts at column k instead of k * size: consecutive batches overlap."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        mini_batches.append((shuffled_X[:, k:k + mini_batch_size],
                             shuffled_Y[:, k:k + mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_inclusive_end(X, Y, mini_batch_size=64, seed=0):
    """The slice end is treated as inclusive: every complete batch loses its last example."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        start, end = k * mini_batch_size, (k + 1) * mini_batch_size - 1
        mini_batches.append((shuffled_X[:, start:end], shuffled_Y[:, start:end]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches


def mini_batches_last_batch_full_size(X, Y, mini_batch_size=64, seed=0):
    """The last batch is the last `size` columns: full size, overlapping the batch before."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, m - mini_batch_size:],
                             shuffled_Y[:, m - mini_batch_size:]))
    return mini_batches


_NAME = "random_mini_batches"
_COUNT = ("The number of complete batches is the whole part of m divided by the batch size: "
          "round it down with math.floor or use integer division. The smaller last batch is "
          "added once, after the loop.")

MISTAKES = [
    Mistake("different_permutations", _NAME, "X and Y are shuffled with different permutations",
            "Draw the permutation once and reorder the columns of X and of Y with that same "
            "permutation; otherwise each example gets the label of another one.",
            mini_batches_different_permutations),
    Mistake("no_shuffle", _NAME, "The examples are not shuffled",
            "Seed the generator with seed, draw one random permutation of the m column indices "
            "and reorder the columns of X and Y with it before cutting the batches.",
            mini_batches_no_shuffle),
    Mistake("shuffles_features", _NAME, "The rows (features) are shuffled instead of the columns",
            "Examples are the columns of X and Y. Shuffling an array in place reorders its first "
            "axis, the rows; index the columns with a permutation of the m examples instead.",
            mini_batches_shuffles_features),
    Mistake("shuffles_inputs_in_place", _NAME, "X and Y are shuffled in place",
            "The batches are right, but the caller's X and Y were reordered too. Build shuffled "
            "copies by indexing the columns with the permutation and leave the inputs unchanged.",
            mini_batches_shuffles_inputs_in_place),
    Mistake("other_generator", _NAME, "The permutation comes from a different random generator",
            "The contract fixes the recipe: seed numpy's global generator with seed, then draw "
            "the permutation from that global generator. A new-style generator shuffles "
            "differently, even with the same seed.", mini_batches_other_generator),
    Mistake("seed_ignored", _NAME, "The seed argument is ignored",
            "Seed the generator with the argument seed, not with a fixed number: the training "
            "loop passes a new seed every epoch to get a new shuffle.", mini_batches_seed_ignored),
    Mistake("drops_last_batch", _NAME, "The last smaller batch is missing",
            "When m is not a multiple of the batch size, the leftover examples form one more, "
            "smaller batch at the end; every example must be used once per epoch.",
            mini_batches_drops_last_batch),
    Mistake("empty_last_batch", _NAME, "An empty batch is added when the batches come out even",
            "Add the last smaller batch only when the remainder of m divided by the batch size "
            "is not zero.", mini_batches_empty_last_batch),
    Mistake("ceil_count", _NAME, "The last smaller batch appears twice",
            "Rounding the number of complete batches up makes the loop produce the smaller batch "
            "already. " + _COUNT, mini_batches_ceil_count),
    Mistake("round_count", _NAME, "The batch count is rounded to the nearest whole number",
            "Rounding to nearest adds a duplicate smaller batch whenever the fractional part is "
            "large. " + _COUNT, mini_batches_round_count),
    Mistake("last_batch_from_loop_variable", _NAME,
            "The last batch is empty when there is no complete batch",
            "The leftover examples start right after the complete batches: at the number of "
            "complete batches times the batch size. Do not compute it from the loop variable, "
            "which the loop never sets when there is no complete batch.",
            mini_batches_last_batch_from_loop_variable),
    Mistake("overlapping", _NAME, "Consecutive batches overlap",
            "Batch k starts at k times the batch size, not at column k: the batches must be "
            "disjoint slices that follow each other.", mini_batches_overlapping),
    Mistake("inclusive_end", _NAME, "Each complete batch misses its last example",
            "A Python slice already stops before its end index: batch k runs from k times the "
            "batch size up to, but not including, k + 1 times the batch size.",
            mini_batches_inclusive_end),
    Mistake("last_batch_full_size", _NAME,
            "The last batch is filled up with examples of the batch before",
            "The contract's last batch holds only the leftover examples, the remainder of m "
            "divided by the batch size; it starts where the complete batches end.",
            mini_batches_last_batch_full_size),
]


# ---------------------------------------------------------------- signature slips


def mini_batches_seed_first(X, Y, seed=0, mini_batch_size=64):
    """The seed before the batch size: right by name, wrong by position."""
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = []
    complete = m // mini_batch_size
    for k in range(complete):
        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, complete * mini_batch_size:],
                             shuffled_Y[:, complete * mini_batch_size:]))
    return mini_batches


MISTAKES += [
    Mistake("seed_before_size", _NAME, "The seed comes before the batch size in the signature",
            "The notebook calls it with the data, then the batch size, then the seed, by "
            "position: keep the signature given in the cell.", mini_batches_seed_first),
]
