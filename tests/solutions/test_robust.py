"""The reference gradient clipping: global norm capped, direction kept, input untouched."""
import numpy as np
import pytest

from solutions.robust import clip_gradients


def make_grads(scale=1.0, seed=0):
    rng = np.random.default_rng(seed)
    shapes = {"dW1": (5, 2), "db1": (5, 1), "dW2": (2, 5), "db2": (2, 1),
              "dW3": (1, 2), "db3": (1, 1)}
    return {key: scale * rng.standard_normal(shape) for key, shape in shapes.items()}


def global_norm(grads):
    return np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))


def flat(grads):
    return np.concatenate([grads[key].ravel() for key in sorted(grads)])


@pytest.mark.parametrize("scale", [10.0, 1e6])
def test_a_large_gradient_is_scaled_to_max_norm(scale):
    grads = make_grads(scale)
    clipped = clip_gradients(grads, max_norm=1.0)
    assert global_norm(clipped) == pytest.approx(1.0, rel=1e-12)
    assert sorted(clipped) == sorted(grads)
    for key in grads:
        assert clipped[key].shape == grads[key].shape


@pytest.mark.parametrize("scale", [10.0, 1e6])
def test_clipping_keeps_the_direction(scale):
    grads = make_grads(scale)
    clipped = clip_gradients(grads, max_norm=0.5)
    a, b = flat(grads), flat(clipped)
    assert a @ b / (np.linalg.norm(a) * np.linalg.norm(b)) == pytest.approx(1.0, rel=1e-12)
    # one common factor for every array: max_norm / norm
    factor = 0.5 / global_norm(grads)
    for key in grads:
        np.testing.assert_allclose(clipped[key], factor * grads[key], rtol=1e-12)


def test_the_norm_is_global_not_per_array():
    # every array has norm 3 < 5, but the global norm is 3 sqrt(2) ~ 4.24 < 5: unchanged;
    # with max_norm 4 they are scaled together by 4 / (3 sqrt(2)).
    grads = {"dW1": np.array([[3.0, 0.0]]), "db1": np.array([[0.0], [3.0]])}
    np.testing.assert_array_equal(clip_gradients(grads, 5.0)["dW1"], grads["dW1"])
    clipped = clip_gradients(grads, 4.0)
    np.testing.assert_allclose(clipped["dW1"], [[4 / np.sqrt(2), 0.0]])
    np.testing.assert_allclose(clipped["db1"], [[0.0], [4 / np.sqrt(2)]])


@pytest.mark.parametrize("max_norm_factor", [1.0, 1.5, 100.0])
def test_a_small_gradient_is_left_unchanged(max_norm_factor):
    grads = make_grads()
    clipped = clip_gradients(grads, max_norm=max_norm_factor * global_norm(grads))
    for key in grads:
        np.testing.assert_array_equal(clipped[key], grads[key])


@pytest.mark.parametrize("scale", [0.01, 100.0])
def test_the_input_is_not_modified(scale):
    grads = make_grads(scale)
    before = {key: g.copy() for key, g in grads.items()}
    clipped = clip_gradients(grads, max_norm=1.0)
    assert clipped is not grads
    for key in grads:
        np.testing.assert_array_equal(grads[key], before[key])
        assert not np.shares_memory(clipped[key], grads[key])


def test_a_zero_gradient_stays_zero():
    grads = {key: np.zeros_like(g) for key, g in make_grads().items()}
    with np.errstate(all="raise"):
        clipped = clip_gradients(grads, max_norm=1.0)
    for key in grads:
        np.testing.assert_array_equal(clipped[key], 0.0)


def test_float32_stays_float32():
    grads = {key: g.astype(np.float32) for key, g in make_grads(100.0).items()}
    clipped = clip_gradients(grads, max_norm=1.0)
    assert all(g.dtype == np.float32 for g in clipped.values())
    assert global_norm(clipped) == pytest.approx(1.0, rel=1e-5)
