"""Correct implementations of 07_robust_training written differently from the reference.

Every function here honours the contracts in solutions/robust_training.py, so the public and the
hidden checks must pass it: one flat vector instead of a sum over arrays, in-place scaling,
PyTorch's ``max_norm / (norm + 1e-6)``, algebraically equal formulas, ``rng.normal`` instead of
scaled ``standard_normal`` draws, a Keras-style waiting counter. ``CORRECT`` lists them (see the
package docstring); the first variant of each function is the demo's `correct-different`
submission.
"""

import numpy as np

# ---------------------------------------------------------------------- clip_gradients


def clip_flat_vector(grads, max_norm):
    """All entries in one vector; a factor min(1, max_norm / norm) applied to every array."""
    flat = np.concatenate([g.ravel() for g in grads.values()])
    norm = np.linalg.norm(flat)
    factor = 1.0 if norm <= max_norm else max_norm / norm
    return {key: factor * g for key, g in grads.items()}


def clip_in_place(grads, max_norm):
    """Scales the caller's arrays in place and returns the same dict (the contract allows it)."""
    total = 0.0
    for g in grads.values():
        total += np.sum(g * g)
    norm = np.sqrt(total)
    if norm > max_norm:
        for key in grads:
            grads[key] *= max_norm / norm
    return grads


def clip_pytorch_style(grads, max_norm):
    """torch.nn.utils.clip_grad_norm_: factor max_norm / (norm + 1e-6), used when below 1."""
    norm = np.sqrt(sum(np.vdot(g, g) for g in grads.values()))
    clip_coef = max_norm / (norm + 1e-6)
    if clip_coef < 1:
        return {key: g * clip_coef for key, g in grads.items()}
    return dict(grads)


def clip_over_layers(grads, max_norm):
    """Loops over the layers l = 1..L and over W and b; np.linalg.norm of each array."""
    L = len(grads) // 2
    squares = 0.0
    for l in range(1, L + 1):
        squares += np.linalg.norm(grads["dW" + str(l)]) ** 2
        squares += np.linalg.norm(grads["db" + str(l)]) ** 2
    norm = squares**0.5
    clipped = {}
    for key in grads:
        clipped[key] = grads[key] * min(1.0, max_norm / norm) if norm > 0 else grads[key]
    return clipped


# ------------------------------------------------------------------- add_gradient_noise


def noise_rng_normal(grads, t, eta=0.3, gamma=0.55, seed=0):
    """rng.normal(0, sigma, shape) draws the same numbers as sigma * rng.standard_normal(shape)."""
    rng = np.random.default_rng(seed)
    sigma = (eta * (1 + t) ** (-gamma)) ** 0.5
    return {key: g + rng.normal(0.0, sigma, size=g.shape) for key, g in grads.items()}


def noise_in_place_over_layers(grads, t, eta=0.3, gamma=0.55, seed=0):
    """Loops over layers (dW before db, as in grads) and stores the sums back into grads."""
    rng = np.random.default_rng(seed)
    variance = eta / np.power(1.0 + t, gamma)
    L = len(grads) // 2
    for l in range(1, L + 1):
        for name in ("dW", "db"):
            key = name + str(l)
            grads[key] = grads[key] + np.sqrt(variance) * rng.standard_normal(grads[key].shape)
    return grads


def noise_flat_draw(grads, t, eta=0.3, gamma=0.55, seed=0):
    """One flat draw per array, reshaped: the same numbers in the same order."""
    rng = np.random.default_rng(seed)
    sigma = np.exp(0.5 * (np.log(eta) - gamma * np.log1p(t))) if eta > 0 else 0.0
    noisy = {}
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.size).reshape(g.shape)
    return noisy


# ----------------------------------------------------------------------- early_stopping


def stopping_keras_counter(val_losses, patience=5, min_delta=0.0):
    """Keras' EarlyStopping: a best value and a waiting counter reset at every improvement."""
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
    return wait >= patience, best_epoch


def stopping_gain_over_best(val_losses, patience=5, min_delta=0.0):
    """Improvement written as a gain: best_loss - loss > min_delta; returns a list."""
    best_epoch = 0
    best_loss = val_losses[0]
    for epoch in range(len(val_losses)):
        if best_loss - val_losses[epoch] > min_delta:
            best_epoch, best_loss = epoch, val_losses[epoch]
    epochs_waited = len(val_losses) - 1 - best_epoch
    return [epochs_waited >= patience, best_epoch]


def stopping_improvements_list(val_losses, patience=5, min_delta=0.0):
    """Collects the improving epochs first; the best epoch is the last of them."""
    improving = [0]
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[improving[-1]] - min_delta:
            improving.append(epoch)
    best_epoch = improving[-1]
    return (len(val_losses) - best_epoch > patience), best_epoch


CORRECT = {
    "clip_gradients": [clip_flat_vector, clip_in_place, clip_pytorch_style, clip_over_layers],
    "add_gradient_noise": [noise_rng_normal, noise_in_place_over_layers, noise_flat_draw],
    "early_stopping": [stopping_keras_counter, stopping_gain_over_best, stopping_improvements_list],
}
