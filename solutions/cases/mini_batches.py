"""Public and hidden cases of 02_mini_batches: random_mini_batches.

The batch counts matter more than the values here, so every case is chosen by its number of
examples m and batch size: batches that come out even, a last smaller batch, fewer examples than
one batch, exactly one batch, one example, and m one more than a multiple of the size.
"""

import numpy as np

from . import Case, hidden, kind, public, random_dtype

NAME = "random_mini_batches"


@kind(NAME)
def _layout(kwargs):
    """How the examples fall into batches: evenly, with a smaller last batch, or all in one
    batch smaller than the size."""
    m, size = kwargs["X"].shape[1], kwargs.get("mini_batch_size", 64)
    return ("one short batch" if m < size else "even" if m % size == 0 else "smaller last batch",)


@public(NAME)
def _public():
    # Readable data: X[i, j] = j + i/10 and Y[r, j] = j + r/10, so the integer part of every
    # entry says which example (column) it is, and a message shows where the columns went.
    settings = [
        (3, 1, 10, 4, 1, np.float64),  # 2 complete batches + 2 examples left
        (2, 2, 8, 4, 2, np.float64),  # batches come out even
        (4, 1, 5, 8, 3, np.float32),  # no complete batch at all
        (2, 1, 13, 4, 10, np.float64),
    ]  # 3 complete batches + 1 example left
    cases = [
        _case(_indexed(n_x, m, dtype), _indexed(n_y, m, dtype), size, seed)
        for n_x, n_y, m, size, seed, dtype in settings
    ]
    # The defaults of the contract: mini_batch_size=64 and seed=0 when they are not given.
    X, Y = _indexed(2, 70, np.float64), _indexed(1, 70, np.float64)
    cases.append(
        Case(
            f"{_shapes(X, Y)}, default mini_batch_size and seed (64 and 0); {_counts(70, 64)}",
            {"X": X, "Y": Y},
        )
    )
    return cases


@hidden(NAME)
def _hidden(rng):
    # (m, mini_batch_size): edge cases first, then random ones.
    shapes = [
        (5, 8),
        (30, 64),
        (16, 16),
        (96, 32),
        (12, 4),
        (3 * 16 + 1, 16),
        (65, 64),
        (1, 64),
        (1, 1),
        (7, 1),
        (148, 64),
    ]
    shapes += [
        (int(rng.integers(2, 301)), int(rng.choice([2, 3, 8, 16, 32, 64, 128]))) for _ in range(4)
    ]
    cases = [_random_case(rng, m, size) for m, size in shapes]
    # The defaults of the contract: mini_batch_size=64 and seed=0 when they are not given.
    X, Y = _random_data(rng, 2, 1, 150, np.float64)
    cases.append(
        Case(
            f"{_shapes(X, Y)}, default mini_batch_size and seed (64 and 0); {_counts(150, 64)}",
            {"X": X, "Y": Y},
        )
    )
    return cases


def _random_case(rng, m, size):
    n_x, n_y = int(rng.integers(1, 7)), int(rng.integers(1, 4))
    X, Y = _random_data(rng, n_x, n_y, m, random_dtype(rng))
    seed = int(rng.choice([0, int(rng.integers(1, 10_000))], p=[0.15, 0.85]))
    return _case(X, Y, size, seed)


def _random_data(rng, n_x, n_y, m, dtype):
    # Distinct values everywhere, so any column out of place shows.
    return rng.normal(size=(n_x, m)).astype(dtype), rng.normal(size=(n_y, m)).astype(dtype)


def _indexed(rows, m, dtype):
    return (np.arange(m)[None, :] + np.arange(rows)[:, None] / 10).astype(dtype)


def _case(X, Y, mini_batch_size, seed):
    m = X.shape[1]
    label = (
        f"{_shapes(X, Y)}, mini_batch_size={mini_batch_size}, seed={seed}; "
        f"{_counts(m, mini_batch_size)}"
    )
    return Case(label, {"X": X, "Y": Y, "mini_batch_size": mini_batch_size, "seed": seed})


def _shapes(X, Y) -> str:
    return f"X {X.shape}, Y {Y.shape}, {X.dtype}"


def _counts(m, size) -> str:
    """E.g. ``m=10: 2 complete batches + a last batch of 2``."""
    complete, rest = divmod(m, size)
    plural = "es" if complete != 1 else ""
    return f"m={m}: {complete} complete batch{plural}" + (
        f" + a last batch of {rest}" if rest else ""
    )
