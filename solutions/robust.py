"""Reference safeguards for robust training: gradient clipping by global norm."""
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
