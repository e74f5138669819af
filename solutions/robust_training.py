"""Reference safeguards for robust training (07_robust_training).

Three small, pure functions a training loop can call at every step or epoch:

* ``clip_gradients(grads, max_norm)`` -- cap the global L2 norm of the gradients;
* ``add_gradient_noise(grads, t, eta, gamma, seed)`` -- add annealed Gaussian noise
  (Neelakantan et al., 2015), drawn from ``np.random.default_rng(seed)`` so that a call is
  reproducible;
* ``early_stopping(val_losses, patience, min_delta)`` -- decide from the validation losses so
  far whether to stop, and which epoch was the best.

``grads`` is a dict of arrays keyed ``"dW1", "db1", ..., "dWL", "dbL"``. The gradient functions
return a new dict; a version that changes ``grads`` in place and returns it is correct too.
"""

import math

import numpy as np


def clip_gradients(grads, max_norm):
    """Rescale all gradients together so that their global L2 norm is at most ``max_norm``:

        norm = sqrt(sum over every array g in grads of sum(g**2))
        g = g * max_norm / norm      for every g, only if norm > max_norm

    The direction of the full gradient is kept; only its length is capped.

    Arguments:
        grads -- dict of gradient arrays (e.g. ``"dW1"``, ``"db1"``, ...), any shapes
        max_norm -- largest allowed global norm, > 0

    Returns:
        clipped -- a NEW dict with the same keys and shapes; ``grads`` is not modified
    """
    norm = math.sqrt(sum(float(np.sum(np.square(g))) for g in grads.values()))
    if norm <= max_norm:
        return {key: np.copy(g) for key, g in grads.items()}
    scale = float(max_norm / norm)  # a python float keeps float32 gradients float32
    return {key: g * scale for key, g in grads.items()}


def add_gradient_noise(grads, t, eta=0.3, gamma=0.55, seed=0):
    """Add annealed Gaussian noise to every gradient (Neelakantan et al., 2015):

        sigma_t**2 = eta / (1 + t)**gamma          (a variance: sigma_t is its square root)
        g = g + sigma_t * z,    z ~ N(0, 1) independently for every entry

    The noise is drawn from ONE generator ``rng = np.random.default_rng(seed)``, one array
    ``z = rng.standard_normal(g.shape)`` per gradient, in the order of the keys of ``grads``
    (``"dW1", "db1", "dW2", ...``). So a call is reproducible, and every array gets its own noise.

    Arguments:
        grads -- dict of gradient arrays, any shapes
        t -- steps taken before this one: 0 at the first step, then 1, 2, ...
        eta -- the noise variance at t = 0, >= 0
        gamma -- how fast the variance decays, usually 0.55; gamma = 0 gives constant noise
        seed -- seed of the generator; use a different seed at every step (e.g. t itself)

    Returns:
        noisy -- a NEW dict with the same keys and shapes: every gradient plus its noise
                 (float64, since the noise is drawn in float64)
    """
    noisy = {}
    rng = np.random.default_rng(seed)
    sigma = math.sqrt(eta / (1 + t) ** gamma)
    for key, g in grads.items():
        noisy[key] = g + sigma * rng.standard_normal(g.shape)
    return noisy


def early_stopping(val_losses, patience=5, min_delta=0.0):
    """Stop when the validation loss has not improved for ``patience`` epochs.

    Epoch 0 is the first best epoch. Epoch e IMPROVES when its loss beats the loss of the best
    epoch so far by MORE than ``min_delta``:

        val_losses[e] < val_losses[best_epoch] - min_delta      (then best_epoch = e)

    A tie, or a gain of at most ``min_delta``, is no improvement. After the last epoch
    n - 1 (n = len(val_losses)):

        stop = (n - 1 - best_epoch) >= patience

    i.e. stop once the ``patience`` epochs after the best one have all failed to improve.

    Arguments:
        val_losses -- list of the validation losses of epochs 0, 1, ..., n - 1 (n >= 1)
        patience -- how many epochs without improvement to accept, >= 1
        min_delta -- smallest decrease that counts as an improvement, >= 0

    Returns:
        stop -- True to stop training now (a Python bool)
        best_epoch -- index of the best epoch (a Python int): restore its parameters
    """
    best_epoch = 0  # epoch 0 is the best so far
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
    stop = len(val_losses) - 1 - best_epoch >= patience
    return bool(stop), int(best_epoch)
