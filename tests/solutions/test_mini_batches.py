"""The reference mini-batch partition: a seeded shuffle cut into ceil(m / size) batches."""

import math

import numpy as np
import pytest

from solutions.mini_batches import random_mini_batches

# (m, mini_batch_size): divisible, not divisible, smaller than one batch, one example, size 1
SIZES = [(128, 64), (148, 64), (300, 64), (10, 64), (1, 64), (7, 1), (64, 64), (65, 64)]


def indexed_data(m, n_x=3):
    """X whose column j depends only on j, and Y = j: every column says where it came from."""
    j = np.arange(m)
    X = np.vstack([j + 0.5 * i if i % 2 == 0 else -j - 0.5 * i for i in range(n_x)]).astype(float)
    Y = j.reshape(1, m).astype(float)
    return X, Y


@pytest.mark.parametrize("m, size", SIZES)
def test_batches_partition_the_examples_exactly_once(m, size):
    X, Y = indexed_data(m)
    batches = random_mini_batches(X, Y, size, seed=2)
    columns = np.concatenate([batch_Y[0] for _, batch_Y in batches])
    assert sorted(columns.astype(int)) == list(range(m))


@pytest.mark.parametrize("m, size", SIZES)
def test_every_x_column_keeps_its_label(m, size):
    X, Y = indexed_data(m)
    for batch_X, batch_Y in random_mini_batches(X, Y, size, seed=5):
        np.testing.assert_array_equal(batch_X, X[:, batch_Y[0].astype(int)])


@pytest.mark.parametrize("m, size", SIZES)
def test_batch_count_and_sizes(m, size):
    X, Y = indexed_data(m)
    batches = random_mini_batches(X, Y, size, seed=0)
    assert len(batches) == math.ceil(m / size)
    sizes = [batch_X.shape[1] for batch_X, _ in batches]
    assert sizes[: m // size] == [size] * (m // size)
    if m % size:
        assert sizes[-1] == m % size
    for batch_X, batch_Y in batches:
        assert batch_X.shape[0] == X.shape[0] and batch_Y.shape[0] == 1
        assert batch_X.shape[1] == batch_Y.shape[1]


def test_fewer_examples_than_one_batch_gives_one_batch_with_everything():
    X, Y = indexed_data(10)
    batches = random_mini_batches(X, Y, 64, seed=0)
    assert len(batches) == 1
    assert sorted(batches[0][1][0].astype(int)) == list(range(10))


def test_labels_with_several_rows_follow_their_columns():
    X, Y = indexed_data(50)
    Y2 = np.vstack([Y, 2 * Y])
    for batch_X, batch_Y in random_mini_batches(X, Y2, 16, seed=4):
        np.testing.assert_array_equal(batch_Y[1], 2 * batch_Y[0])
        np.testing.assert_array_equal(batch_X, X[:, batch_Y[0].astype(int)])


@pytest.mark.parametrize("m, size", [(148, 64), (10, 64), (300, 32)])
def test_order_follows_the_seeded_permutation_of_the_contract(m, size):
    # Contract (SPEC.md): np.random.seed(seed); permutation = list(np.random.permutation(m));
    # the batches are consecutive slices of the shuffled columns.
    X, Y = indexed_data(m)
    seed = 7
    batches = random_mini_batches(X, Y, size, seed=seed)
    np.random.seed(seed)
    permutation = np.random.permutation(m)
    np.testing.assert_array_equal(batches[0][1][0], permutation[:size])
    order = np.concatenate([batch_Y[0] for _, batch_Y in batches])
    np.testing.assert_array_equal(order, permutation)


def test_same_seed_same_batches_and_different_seed_different_order():
    X, Y = indexed_data(148)
    first = random_mini_batches(X, Y, 64, seed=3)
    again = random_mini_batches(X, Y, 64, seed=3)
    other = random_mini_batches(X, Y, 64, seed=4)
    for (x1, y1), (x2, y2) in zip(first, again):
        np.testing.assert_array_equal(x1, x2)
        np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(first[0][1], other[0][1])


def test_inputs_are_not_modified():
    X, Y = indexed_data(100)
    X0, Y0 = X.copy(), Y.copy()
    random_mini_batches(X, Y, 32, seed=1)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(Y, Y0)
