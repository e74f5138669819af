"""The reference safeguards against mathematics: clipping (global norm capped, direction kept),
annealed noise (its variance schedule, its draws, its limits) and early stopping (argmin,
patience)."""

import numpy as np
import pytest

from solutions.robust_training import add_gradient_noise, clip_gradients, early_stopping


def make_grads(scale=1.0, seed=0):
    rng = np.random.default_rng(seed)
    shapes = {
        "dW1": (5, 2),
        "db1": (5, 1),
        "dW2": (2, 5),
        "db2": (2, 1),
        "dW3": (1, 2),
        "db3": (1, 1),
    }
    return {key: scale * rng.standard_normal(shape) for key, shape in shapes.items()}


def global_norm(grads):
    return np.sqrt(sum(np.sum(g**2) for g in grads.values()))


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


# ------------------------------------------------------------------- add_gradient_noise


def zero_grads(shape=(400, 500)):
    return {"dW1": np.zeros(shape), "db1": np.zeros((shape[0], 1))}


def noise_of(grads, **kwargs):
    noisy = add_gradient_noise(grads, **kwargs)
    return {key: noisy[key] - grads[key] for key in grads}


@pytest.mark.parametrize(
    "t, eta, gamma", [(0, 0.3, 0.55), (10, 1.0, 0.55), (1000, 0.01, 1.0), (5, 2.0, 0.0)]
)
def test_the_noise_has_mean_zero_and_variance_eta_over_1_plus_t_to_the_gamma(t, eta, gamma):
    noise = noise_of(zero_grads(), t=t, eta=eta, gamma=gamma, seed=3)["dW1"]
    variance = eta / (1 + t) ** gamma
    # 200 000 independent draws: the sample std is within 1% (about 6 standard errors).
    assert noise.std() == pytest.approx(np.sqrt(variance), rel=0.01)
    assert abs(noise.mean()) < 6 * np.sqrt(variance / noise.size)


def test_the_draws_are_standard_normals_of_one_generator_in_key_order():
    grads = make_grads()
    sigma = np.sqrt(0.3 / (1 + 7) ** 0.55)
    rng = np.random.default_rng(11)
    noise = noise_of(grads, t=7, eta=0.3, gamma=0.55, seed=11)
    assert list(noise) == list(grads)
    for key, g in grads.items():
        np.testing.assert_allclose(
            noise[key], sigma * rng.standard_normal(g.shape), rtol=1e-12, atol=1e-15
        )


def test_the_noise_is_added_independent_of_the_gradient():
    small, large = make_grads(0.01, seed=1), make_grads(100.0, seed=2)
    a = noise_of(small, t=3, eta=0.5, gamma=0.55, seed=5)
    b = noise_of(large, t=3, eta=0.5, gamma=0.55, seed=5)
    for key in a:
        np.testing.assert_allclose(a[key], b[key], atol=1e-10)


def test_the_noise_scales_exactly_with_the_schedule():
    """Same seed, same draws z: the noise is sigma_t z, so ratios follow the schedule exactly."""
    grads = zero_grads((20, 30))
    base = noise_of(grads, t=0, eta=1.0, gamma=0.55, seed=9)
    for t, eta, gamma in [(1, 1.0, 0.55), (99, 0.3, 0.55), (12, 4.0, 1.0), (7, 0.5, 0.0)]:
        noise = noise_of(grads, t=t, eta=eta, gamma=gamma, seed=9)
        factor = np.sqrt(eta) * (1 + t) ** (-gamma / 2)
        for key in grads:
            np.testing.assert_allclose(noise[key], factor * base[key], rtol=1e-12)


def test_the_variance_halves_when_1_plus_t_doubles_gamma_times():
    # (1 + t)**gamma = 2 for gamma = 1 at t = 1, and for gamma = 0.5 at t = 3.
    grads = zero_grads((10, 10))
    first = noise_of(grads, t=0, eta=0.8, seed=4, gamma=1.0)["dW1"]
    for t, gamma in [(1, 1.0), (3, 0.5)]:
        later = noise_of(grads, t=t, eta=0.8, seed=4, gamma=gamma)["dW1"]
        np.testing.assert_allclose(later**2, first**2 / 2, rtol=1e-12)


def test_limits_no_noise_for_eta_zero_and_vanishing_noise_for_large_t():
    grads = make_grads()
    for key, g in add_gradient_noise(grads, t=5, eta=0.0, seed=1).items():
        np.testing.assert_array_equal(g, grads[key])
    far = noise_of(grads, t=10**12, eta=1.0, gamma=1.0, seed=1)
    assert max(np.abs(n).max() for n in far.values()) < 1e-4


def test_the_seed_makes_the_noise_reproducible_and_different_seeds_differ():
    grads = make_grads()
    one = add_gradient_noise(grads, t=2, seed=8)
    again = add_gradient_noise(grads, t=2, seed=8)
    other = add_gradient_noise(grads, t=2, seed=9)
    for key in grads:
        np.testing.assert_array_equal(one[key], again[key])
        assert not np.allclose(one[key], other[key])


def test_arrays_of_the_same_shape_get_independent_noise():
    grads = {"dW1": np.zeros((300, 300)), "db1": np.zeros((300, 300))}
    noise = noise_of(grads, t=0, eta=1.0, seed=2)
    correlation = np.corrcoef(noise["dW1"].ravel(), noise["db1"].ravel())[0, 1]
    assert abs(correlation) < 0.02  # 90 000 pairs: the standard error is 0.0033


def test_the_noise_leaves_the_input_alone_and_keeps_keys_and_shapes():
    grads = {key: g.astype(np.float32) for key, g in make_grads().items()}
    before = {key: g.copy() for key, g in grads.items()}
    noisy = add_gradient_noise(grads, t=4, seed=0)
    assert list(noisy) == list(grads)
    for key in grads:
        np.testing.assert_array_equal(grads[key], before[key])
        assert noisy[key].shape == grads[key].shape and noisy[key].dtype == np.float64


# ----------------------------------------------------------------------- early_stopping


def random_losses(rng, n, decimals=2):
    return list(np.round(rng.uniform(0.1, 1.0, n), decimals))


def test_with_no_min_delta_the_best_epoch_is_the_first_argmin():
    rng = np.random.default_rng(0)
    for _ in range(300):
        losses = random_losses(rng, int(rng.integers(1, 40)), decimals=1)  # many ties
        stop, best = early_stopping(losses, patience=int(rng.integers(1, 10)))
        assert best == int(np.argmin(losses))


def test_stop_exactly_when_patience_epochs_follow_the_best():
    rng = np.random.default_rng(1)
    for _ in range(300):
        losses = random_losses(rng, int(rng.integers(1, 40)))
        patience = int(rng.integers(1, 10))
        stop, best = early_stopping(losses, patience=patience)
        assert stop == (len(losses) - 1 - best >= patience)


def test_a_training_loop_stops_patience_epochs_after_the_best_epoch():
    rng = np.random.default_rng(2)
    for _ in range(100):
        losses = random_losses(rng, 60)
        patience = int(rng.integers(1, 8))
        for n in range(1, len(losses) + 1):
            stop, best = early_stopping(losses[:n], patience=patience)
            if stop:
                break
        if stop:
            assert n - 1 == best + patience
            assert min(losses[best + 1 : n]) >= losses[best]  # nothing after the best beat it
            assert losses[best] == min(losses[:n])


def test_improving_every_epoch_never_stops_and_the_best_is_the_last():
    losses = list(np.linspace(2.0, 0.1, 30))
    for n in range(1, 31):
        assert early_stopping(losses[:n], patience=1) == (False, n - 1)


def test_getting_worse_after_epoch_0_stops_once_patience_epochs_have_passed():
    losses = [0.5 + 0.1 * k for k in range(10)]
    for patience in range(1, 12):
        assert early_stopping(losses, patience=patience) == (9 >= patience, 0)


def test_ties_are_no_improvement():
    assert early_stopping([0.5, 0.5, 0.5, 0.5], patience=3) == (True, 0)
    assert early_stopping([0.5, 0.4, 0.4, 0.4], patience=3) == (False, 1)


def test_min_delta_every_improvement_beats_the_previous_best_by_more_than_min_delta():
    rng = np.random.default_rng(3)
    for _ in range(200):
        losses = random_losses(rng, int(rng.integers(2, 30)), decimals=3)
        min_delta = float(rng.choice([0.0025, 0.0125, 0.0505]))
        stop, best = early_stopping(losses, patience=3, min_delta=min_delta)
        # Rebuild the chain of improvements from the definition, epoch by epoch.
        chain = [0]
        for epoch in range(1, len(losses)):
            if losses[chain[-1]] - losses[epoch] > min_delta:
                chain.append(epoch)
        assert best == chain[-1]
        # Nothing after the best epoch gains more than min_delta on it.
        assert all(losses[best] - loss <= min_delta for loss in losses[best + 1 :])
        assert losses[best] - min(losses) <= min_delta


def test_a_huge_min_delta_keeps_epoch_0_and_zero_min_delta_is_the_default():
    losses = [1.0, 0.5, 0.2, 0.1, 0.05, 0.01]
    assert early_stopping(losses, patience=5, min_delta=10.0) == (True, 0)
    assert early_stopping(losses, patience=6, min_delta=10.0) == (False, 0)
    assert early_stopping(losses) == early_stopping(losses, patience=5, min_delta=0.0)


def test_shifting_and_scaling_the_losses_changes_nothing():
    rng = np.random.default_rng(4)
    for _ in range(100):
        losses = np.round(rng.uniform(0.1, 1.0, 25), 3)
        base = early_stopping(list(losses), patience=4, min_delta=0.0125)
        assert early_stopping(list(losses + 5.0), patience=4, min_delta=0.0125) == base
        assert early_stopping(list(4 * losses), patience=4, min_delta=0.05) == base


def test_a_smaller_patience_stops_at_least_as_often():
    rng = np.random.default_rng(5)
    for _ in range(100):
        losses = random_losses(rng, 20)
        stops = [early_stopping(losses, patience=p)[0] for p in range(1, 25)]
        assert stops == sorted(stops, reverse=True)


def test_returns_python_types_and_leaves_the_list_alone():
    losses = [np.float32(0.5), np.float32(0.4), np.float32(0.45)]
    before = list(losses)
    stop, best = early_stopping(losses, patience=1)
    assert type(stop) is bool and type(best) is int
    assert (stop, best) == (True, 1) and losses == before
    assert early_stopping([0.7], patience=1) == (False, 0)
