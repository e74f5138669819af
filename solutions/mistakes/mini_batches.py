"""Catalogued mistakes of 02_mini_batches: random_mini_batches.

Each mistake is written as its slip (``_slips``): a correct answer, stated once below, and the
edits that make it wrong, beside the mistake's key and title. The compiled function uses only
``np``, its docstring says what is wrong, and its source is the whole answer a student might
write, which the sample class pastes into a notebook.

Two classic mistakes crash instead of returning wrong batches, so they cannot be catalogued
here (a diagnosis compares outputs): looping over the float count ``m / mini_batch_size`` (or
``np.floor`` of it, still a float) raises a TypeError in ``range``, and taking the last batch
from the loop variable ``k`` raises an UnboundLocalError when the loop never ran. What students
write to silence those errors is catalogued instead: ``ceil_count``, ``round_count`` and
``last_batch_from_loop_variable``. The notebook explains both errors. Seeding after drawing the
permutation cannot be catalogued either: its output depends on the random state left by earlier
code, so no stored output can match it.
"""

import numpy as np  # noqa: F401  (the compiled slips use it)

from . import Mistake
from ._slips import slipped

_ANSWER = '''\
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples, then cut them into mini-batches."""
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
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],
                             shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches
'''


def _slip(key, title, hint, what, *edits):
    """The mistake ``key``: the answer with ``edits``, documented by ``what``."""
    implementation = slipped(_ANSWER, f"mini_batches_{key}", what, *edits, namespace=globals())
    return Mistake(key, _NAME, title, hint, implementation)


# The lines of the answer that the slips change.
_SEED = "    np.random.seed(seed)\n"
_PERMUTATION = "    permutation = list(np.random.permutation(m))\n"
_SHUFFLED = "    shuffled_X = X[:, permutation]\n    shuffled_Y = Y[:, permutation]\n"
_COUNT_LINE = "    num_complete = m // mini_batch_size\n"
_BATCH = (
    "        batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)\n"
    "        mini_batches.append((shuffled_X[:, batch], shuffled_Y[:, batch]))\n"
)
_LAST_APPEND = (
    "        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:],\n"
    "                             shuffled_Y[:, num_complete * mini_batch_size:]))\n"
)
_LAST_BATCH = "    if m % mini_batch_size != 0:\n" + _LAST_APPEND

_NAME = "random_mini_batches"
_COUNT = (
    "The number of complete batches is the whole part of m divided by the batch size: "
    "round it down with math.floor or use integer division. The smaller last batch is "
    "added once, after the loop."
)

MISTAKES = [
    _slip(
        "different_permutations",
        "X and Y are shuffled with different permutations",
        "Draw the permutation once and reorder the columns of X and of Y with that same "
        "permutation; otherwise each example gets the label of another one.",
        "X and Y are shuffled with two different permutations: the labels leave their examples.",
        (_PERMUTATION, ""),
        ("X[:, permutation]", "X[:, list(np.random.permutation(m))]"),
        ("Y[:, permutation]", "Y[:, list(np.random.permutation(m))]"),
    ),
    _slip(
        "no_shuffle",
        "The examples are not shuffled",
        "Seed the generator with seed, draw one random permutation of the m column indices "
        "and reorder the columns of X and Y with it before cutting the batches.",
        "The batches are cut from the data in its stored order.",
        (_SEED, ""),
        (_PERMUTATION, ""),
        (_SHUFFLED, ""),
        ("shuffled_X[", "X["),
        ("shuffled_Y[", "Y["),
    ),
    _slip(
        "shuffles_features",
        "The rows (features) are shuffled instead of the columns",
        "Examples are the columns of X and Y. Shuffling an array in place reorders its first "
        "axis, the rows; index the columns with a permutation of the m examples instead.",
        "np.random.shuffle permutes the FIRST axis: the rows (features), not the examples.",
        (_PERMUTATION, ""),
        (
            _SHUFFLED,
            "    shuffled_X = X.copy()\n    shuffled_Y = Y.copy()\n"
            "    np.random.shuffle(shuffled_X)\n    np.random.shuffle(shuffled_Y)\n",
        ),
    ),
    _slip(
        "shuffles_inputs_in_place",
        "X and Y are shuffled in place",
        "The batches are right, but the caller's X and Y were reordered too. Build shuffled "
        "copies by indexing the columns with the permutation and leave the inputs unchanged.",
        "Right batches, but np.random.shuffle on X.T and Y.T shuffles the caller's arrays.",
        (
            _SEED + "    m = X.shape[1]\n" + _PERMUTATION + _SHUFFLED,
            "    m = X.shape[1]\n"
            "    np.random.seed(seed)\n"
            "    np.random.shuffle(X.T)          "
            "# X.T is a view: this reorders the columns of X itself\n"
            "    np.random.seed(seed)\n"
            "    np.random.shuffle(Y.T)          # the same seed gives Y the same order\n",
        ),
        ("shuffled_X[", "X["),
        ("shuffled_Y[", "Y["),
    ),
    _slip(
        "other_generator",
        "The permutation comes from a different random generator",
        "The contract fixes the recipe: seed numpy's global generator with seed, then draw "
        "the permutation from that global generator. A new-style generator shuffles "
        "differently, even with the same seed.",
        "The permutation comes from np.random.default_rng(seed), not from np.random.seed(seed).",
        (_SEED, "    rng = np.random.default_rng(seed)\n"),
        ("np.random.permutation(m)", "rng.permutation(m)"),
    ),
    _slip(
        "seed_ignored",
        "The seed argument is ignored",
        "Seed the generator with the argument seed, not with a fixed number: the training "
        "loop passes a new seed every epoch to get a new shuffle.",
        "np.random.seed(0): the seed argument is ignored, every call shuffles the same way.",
        ("np.random.seed(seed)", "np.random.seed(0)"),
    ),
    _slip(
        "drops_last_batch",
        "The last smaller batch is missing",
        "When m is not a multiple of the batch size, the leftover examples form one more, "
        "smaller batch at the end; every example must be used once per epoch.",
        "Only the complete batches: the m % mini_batch_size leftover examples are never used.",
        (_COUNT_LINE, ""),
        ("range(num_complete)", "range(m // mini_batch_size)"),
        (_LAST_BATCH, ""),
    ),
    _slip(
        "empty_last_batch",
        "An empty batch is added when the batches come out even",
        "Add the last smaller batch only when the remainder of m divided by the batch size "
        "is not zero.",
        "The last batch is appended without checking m % mini_batch_size: empty when it is 0.",
        ("    if m % mini_batch_size != 0:\n        mini_batches", "    mini_batches"),
        ("\n" + " " * 29 + "shuffled_Y[:, num", "\n" + " " * 25 + "shuffled_Y[:, num"),
    ),
    _slip(
        "ceil_count",
        "The last smaller batch appears twice",
        "Rounding the number of complete batches up makes the loop produce the smaller batch "
        "already. " + _COUNT,
        "ceil(m / size) 'complete' batches: the loop already makes the smaller one, added twice.",
        ("m // mini_batch_size", "int(np.ceil(m / mini_batch_size))"),
    ),
    _slip(
        "round_count",
        "The batch count is rounded to the nearest whole number",
        "Rounding to nearest adds a duplicate smaller batch whenever the fractional part is "
        "large. " + _COUNT,
        "round(m / size) batches: one too many (a duplicate last batch) when the fraction is "
        "large.",
        ("m // mini_batch_size", "round(m / mini_batch_size)"),
        (
            _LAST_APPEND,
            "        start = (m // mini_batch_size) * mini_batch_size\n"
            "        mini_batches.append((shuffled_X[:, start:], "
            "shuffled_Y[:, start:]))\n",
        ),
    ),
    _slip(
        "last_batch_from_loop_variable",
        "The last batch is empty when there is no complete batch",
        "The leftover examples start right after the complete batches: at the number of "
        "complete batches times the batch size. Do not compute it from the loop variable, "
        "which the loop never sets when there is no complete batch.",
        "The last batch starts at (k + 1) * size with k = 0 set before the loop: when there is"
        "\n    no complete batch the loop never runs and the last batch is empty.",
        (_COUNT_LINE, "    k = 0\n"),
        ("range(num_complete)", "range(m // mini_batch_size)"),
        ("num_complete * mini_batch_size:", "(k + 1) * mini_batch_size:"),
    ),
    _slip(
        "overlapping",
        "Consecutive batches overlap",
        "Batch k starts at k times the batch size, not at column k: the batches must be "
        "disjoint slices that follow each other.",
        "Batch k starts at column k instead of k * size: consecutive batches overlap.",
        (
            _BATCH,
            "        mini_batches.append((shuffled_X[:, k:k + mini_batch_size],\n"
            "                             shuffled_Y[:, k:k + mini_batch_size]))\n",
        ),
    ),
    _slip(
        "inclusive_end",
        "Each complete batch misses its last example",
        "A Python slice already stops before its end index: batch k runs from k times the "
        "batch size up to, but not including, k + 1 times the batch size.",
        "The slice end is treated as inclusive: every complete batch loses its last example.",
        (
            "batch = slice(k * mini_batch_size, (k + 1) * mini_batch_size)",
            "start, end = k * mini_batch_size, (k + 1) * mini_batch_size - 1",
        ),
        ("[:, batch]", "[:, start:end]"),
    ),
    _slip(
        "last_batch_full_size",
        "The last batch is filled up with examples of the batch before",
        "The contract's last batch holds only the leftover examples, the remainder of m "
        "divided by the batch size; it starts where the complete batches end.",
        "The last batch is the last `size` columns: full size, overlapping the batch before.",
        ("num_complete * mini_batch_size:", "m - mini_batch_size:"),
    ),
]


# ---------------------------------------------------------------- signature slips


MISTAKES += [
    _slip(
        "seed_before_size",
        "The seed comes before the batch size in the signature",
        "The notebook calls it with the data, then the batch size, then the seed, by "
        "position: keep the signature given in the cell.",
        "The seed before the batch size: right by name, wrong by position.",
        ("mini_batch_size=64, seed=0", "seed=0, mini_batch_size=64"),
    ),
]
