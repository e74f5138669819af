"""Correct implementations of 05_learning_rate_decay written differently from the reference.

Every function here honours SPEC.md, so the public and the hidden checks must pass it: numpy
instead of math (results are np.float64, which is as good as a python float), integer division or
int() instead of floor (the same for epochs >= 0), loops, algebraically equal expressions.
``CORRECT`` lists them (see the package docstring); the first of each is self-contained with np.
"""

import numpy as np

# ---------------------------------------------------------------------------- update_lr


def update_lr_numpy(learning_rate0, epoch_num, decay_rate):
    """numpy arithmetic: returns np.float64."""
    return np.float64(learning_rate0) / (1 + decay_rate * epoch_num)


def update_lr_factor_first(learning_rate0, epoch_num, decay_rate):
    """The factor first, then the initial rate, as the formula is often written."""
    learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0
    return learning_rate


def update_lr_negative_power(learning_rate0, epoch_num, decay_rate):
    """Division written as a power of -1."""
    return learning_rate0 * (1.0 + decay_rate * epoch_num) ** -1


# ----------------------------------------------------------------------- schedule_lr_decay


def schedule_integer_division(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """// on the (non-negative) epoch counts is the floor."""
    completed = epoch_num // time_interval
    return learning_rate0 / (1 + decay_rate * completed)


def schedule_np_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """np.floor: returns np.float64 (the seed's formulation)."""
    return 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0


def schedule_int_truncation(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """int() truncates towards zero, which is the floor for epoch_num >= 0."""
    return float(learning_rate0 / (1 + decay_rate * int(epoch_num / time_interval)))


def schedule_divmod(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """divmod gives the number of complete intervals (and the epochs into the current one)."""
    completed, _ = divmod(epoch_num, time_interval)
    return learning_rate0 / (1.0 + completed * decay_rate)


# ---------------------------------------------------------------------------- step_decay


def step_numpy_power(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """np.power and integer division."""
    return learning_rate0 * np.power(drop, epoch_num // epochs_drop)


def step_loop(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """Multiplies by drop once for every complete interval."""
    learning_rate = learning_rate0
    for _ in range(int(epoch_num) // int(epochs_drop)):
        learning_rate = learning_rate * drop
    return learning_rate


def step_exp_log(learning_rate0, epoch_num, drop=0.5, epochs_drop=10):
    """drop ** k written as exp(k log drop) (drop > 0)."""
    return learning_rate0 * np.exp(np.floor(epoch_num / epochs_drop) * np.log(drop))


# --------------------------------------------------------------------- exponential_decay


def exponential_exp_log(learning_rate0, epoch_num, decay=0.95):
    """decay ** t written as exp(t log decay) (decay > 0)."""
    return learning_rate0 * np.exp(epoch_num * np.log(decay))


def exponential_loop(learning_rate0, epoch_num, decay=0.95):
    """Multiplies by decay once per epoch."""
    learning_rate = learning_rate0
    for _ in range(int(epoch_num)):
        learning_rate *= decay
    return learning_rate


def exponential_numpy_power(learning_rate0, epoch_num, decay=0.95):
    return float(np.power(decay, epoch_num) * learning_rate0)


# ------------------------------------------------------------------------ cosine_decay


def cosine_squared(learning_rate0, epoch_num, total_epochs):
    """(1 + cos 2a) / 2 = cos(a)^2, with a = pi t / (2T)."""
    return learning_rate0 * np.cos(np.pi * epoch_num / (2 * total_epochs)) ** 2


def cosine_numpy(learning_rate0, epoch_num, total_epochs):
    progress = epoch_num / total_epochs
    return 0.5 * learning_rate0 * (1 + np.cos(np.pi * progress))


def cosine_sine(learning_rate0, epoch_num, total_epochs):
    """1 - sin(a)^2 = cos(a)^2, with a = pi t / (2T)."""
    return learning_rate0 * (1 - np.sin(np.pi * epoch_num / (2 * total_epochs)) ** 2)


# ------------------------------------------------------------------ warmup_linear_decay


def warmup_minimum(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """The lower of the two lines: the rising warm-up and the falling decay."""
    rising = (epoch_num + 1) / warmup_epochs
    falling = (total_epochs - epoch_num) / (total_epochs - warmup_epochs)
    return learning_rate0 * min(rising, falling)


def warmup_interp(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """Linear interpolation through (-1, 0), (w - 1, lr0), (w, lr0), (T, 0) for 0 <= t <= T."""
    return np.interp(
        epoch_num,
        [-1, warmup_epochs - 1, warmup_epochs, total_epochs],
        [0.0, learning_rate0, learning_rate0, 0.0],
    )


def warmup_branches(learning_rate0, epoch_num, warmup_epochs=5, total_epochs=100):
    """Decay branch first; the remaining epochs as a fraction of the decay's length."""
    if epoch_num >= warmup_epochs:
        remaining = total_epochs - epoch_num
        return learning_rate0 * remaining / (total_epochs - warmup_epochs)
    return learning_rate0 / warmup_epochs * (epoch_num + 1)


CORRECT = {
    "update_lr": [update_lr_numpy, update_lr_factor_first, update_lr_negative_power],
    "schedule_lr_decay": [
        schedule_integer_division,
        schedule_np_floor,
        schedule_int_truncation,
        schedule_divmod,
    ],
    "step_decay": [step_numpy_power, step_loop, step_exp_log],
    "exponential_decay": [exponential_exp_log, exponential_loop, exponential_numpy_power],
    "cosine_decay": [cosine_squared, cosine_numpy, cosine_sine],
    "warmup_linear_decay": [warmup_minimum, warmup_interp, warmup_branches],
}
