"""Public and hidden cases of 06_training: the training loop ``model``.

Every case trains a SMALL network for a FEW epochs and compares the parameters it ends with, so
that the wiring of the loop decides the outcome: the mini-batch size never divides m evenly
except in chosen edge cases (several batches and a smaller last one: Adam's t must count the
batches, not the epochs), there are at least three epochs (a reshuffle with a new seed every
epoch; a decay that compounds differs from one applied to the initial rate from the third epoch
on), and the three optimizers run with and without a decay schedule. A public case can only pass
a schedule the casebook can name (``optkit.serialization.NAMED_FUNCTIONS``); hidden cases also
use the course's own schedules.
"""

import numpy as np

from optkit.contracts import get_contract
from optkit.datasets import make_moons
from optkit.serialization import inverse_square_decay
from solutions.learning_rate_decay import schedule_lr_decay, update_lr

from . import Case, hidden, kind, public

NAME = "model"


@kind(NAME)
def _run(kwargs):
    """The optimizer, with or without a schedule."""
    return (kwargs["optimizer"], "no schedule" if kwargs.get("decay") is None else "a schedule")


def every_two_epochs(learning_rate0, epoch_num, decay_rate):
    """schedule_lr_decay with a stair every 2 epochs (its default of 1000 is too long here)."""
    return schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=2)


_DECAY_NAMES = {
    inverse_square_decay: "inverse_square_decay",
    update_lr: "update_lr",
    every_two_epochs: "schedule_lr_decay every 2 epochs",
}


@public(NAME)
def _public():
    # (optimizer, m, layers_dims, mini_batch_size, num_epochs, settings): every optimizer with
    # and without a schedule, and every hyper-parameter left at its default, as the hidden
    # cases have them (tests/solutions/test_case_coverage.py).
    runs = [
        ("gd", 30, [2, 3, 2, 1], 8, 3, dict(learning_rate=0.1)),
        (
            "momentum",
            30,
            [2, 3, 2, 1],
            8,
            3,
            dict(learning_rate=0.1, beta=0.8, decay=inverse_square_decay, decay_rate=0.5),
        ),
        (
            "adam",
            30,
            [2, 4, 2, 1],
            8,
            3,
            dict(learning_rate=0.02, beta1=0.8, beta2=0.99, epsilon=1e-8),
        ),
        (
            "adam",
            25,
            [2, 3, 3, 1],
            10,
            4,
            dict(
                learning_rate=0.03,
                beta1=0.9,
                beta2=0.999,
                epsilon=1e-7,
                decay=inverse_square_decay,
                decay_rate=1.0,
            ),
        ),
        (
            "gd",
            28,
            [2, 3, 2, 1],
            8,
            4,
            dict(learning_rate=0.3, decay=inverse_square_decay, decay_rate=0.3),
        ),
        ("momentum", 26, [2, 4, 3, 1], 7, 3, dict(learning_rate=0.05, beta=0.95)),
        ("adam", 22, [2, 4, 2, 1], 6, 3, {}),
        ("momentum", 24, [2, 3, 2, 1], 7, 4, dict(learning_rate=0.1, decay=inverse_square_decay)),
        ("gd", 70, [2, 3, 2, 1], None, 3, dict(learning_rate=0.1)),
        ("adam", 27, [2, 3, 2, 1], 8, 3, dict(_EVERY_ARGUMENT, decay=inverse_square_decay)),
        ("adam", 25, [2, 3, 2, 1], 8, 3, dict(learning_rate=0.05, beta1=0.9, beta2=0.99)),
    ]
    cases = []
    for number, (optimizer, m, dims, size, epochs, settings) in enumerate(runs):
        X, Y = make_moons(n_samples=m, noise=0.2, seed=60 + number)
        X = X.round(2).astype(np.float32 if number == 2 else np.float64)
        cases.append(_case(X, Y, dims, optimizer, size, epochs, settings))
    return cases[:-1] + [_epsilon_sized(cases[-1])]


def _epsilon_sized(case):
    """The case with inputs ~1e-8: the gradients of W1 are as small as epsilon."""
    return Case(
        case.label.replace("; X", "; inputs ~1e-8 (epsilon-sized gradients), X"),
        dict(case.kwargs, X=case.kwargs["X"] * EPSILON_SIZED),
        case.style,
    )


# Inputs this small make the gradients of W1 as small as epsilon: its default then decides the
# steps (with ordinary inputs, epsilon changes the parameters by far less than the tolerance).
EPSILON_SIZED = 1e-8


# Every hyper-parameter given (the case is called with all fourteen arguments by position, so
# that two of them in another order show).
_EVERY_ARGUMENT = dict(
    learning_rate=0.02, beta=0.85, beta1=0.8, beta2=0.99, epsilon=1e-7, decay_rate=0.5
)


@hidden(NAME)
def _hidden(rng):
    # Every optimizer with every kind of schedule, non-default betas in the first Adam cases,
    # then the edge cases: batches that come out even, one batch per epoch (then t counts the
    # epochs too), a single epoch, and every hyper-parameter left at its default.
    plan = [
        ("gd", None),
        ("momentum", update_lr),
        ("adam", every_two_epochs),
        ("adam", None),
        ("gd", inverse_square_decay),
        ("momentum", None),
        ("adam", update_lr),
        ("gd", every_two_epochs),
        ("momentum", inverse_square_decay),
        ("adam", inverse_square_decay),
    ]
    cases = [
        _random_case(rng, optimizer, decay, special_betas=number in (2, 3))
        for number, (optimizer, decay) in enumerate(plan)
    ]
    cases.append(_random_case(rng, "momentum", update_lr, m=36, size=12))
    cases.append(_random_case(rng, "adam", every_two_epochs, m=20, size=32))
    cases.append(_random_case(rng, "gd", None, epochs=1))
    # Defaults left out: beta and decay_rate, then mini_batch_size (64, so m > 64); then every
    # argument given, called by position.
    cases.append(_random_case(rng, "momentum", update_lr, keep=("learning_rate", "decay")))
    cases.append(_random_case(rng, "gd", None, m=int(rng.integers(66, 90)), size=None))
    cases.append(_random_case(rng, "adam", every_two_epochs, extra={"beta": 0.85}))
    cases.append(
        _epsilon_sized(
            _random_case(rng, "adam", None, keep=("beta1", "beta2"), extra={"learning_rate": 0.05})
        )
    )
    X, Y = _data(rng, 2, 45, np.float64)
    cases.append(
        Case(
            f"every hyper-parameter at its default (adam, learning_rate 0.0007, "
            f"beta1 0.9, beta2 0.999), mini_batch_size 16, 3 epochs; "
            f"{_describe_data(X, [2, 4, 2, 1], 16)}",
            {
                "X": X,
                "Y": Y,
                "layers_dims": [2, 4, 2, 1],
                "optimizer": "adam",
                "mini_batch_size": 16,
                "num_epochs": 3,
                "print_cost": False,
            },
        )
    )
    return cases


def _random_case(
    rng,
    optimizer,
    decay,
    *,
    special_betas=False,
    m=None,
    size=0,
    epochs=None,
    keep=None,
    extra=None,
):
    """A random run; ``size=None`` leaves mini_batch_size out, ``keep`` names the only
    hyper-parameters given (the others are left out), ``extra`` gives more."""
    n_x = int(rng.choice([2, 2, 3]))
    m = m or int(rng.integers(20, 61))
    size = size if size is None or size else _uneven_size(rng, m)
    dims = [n_x, int(rng.integers(2, 7)), int(rng.integers(2, 5)), 1]
    dtype = np.float32 if rng.random() < 0.3 else np.float64
    X, Y = _data(rng, n_x, m, dtype)
    settings = {
        "learning_rate": float(
            rng.choice([0.005, 0.02, 0.05] if optimizer == "adam" else [0.05, 0.1, 0.3])
        )
    }
    if optimizer == "momentum":
        settings["beta"] = float(rng.choice([0.5, 0.8, 0.9, 0.95]))
    if optimizer == "adam":
        beta1, beta2 = (
            (0.8, 0.99)
            if special_betas
            else (float(rng.choice([0.8, 0.9, 0.95])), float(rng.choice([0.99, 0.999])))
        )
        settings.update(beta1=beta1, beta2=beta2, epsilon=float(rng.choice([1e-8, 1e-7])))
    if decay is not None:
        settings.update(decay=decay, decay_rate=float(rng.choice([0.3, 0.5, 1.0, 2.0])))
    if keep is not None:
        settings = {key: value for key, value in settings.items() if key in keep}
    settings.update(extra or {})
    return _case(X, Y, dims, optimizer, size, epochs or int(rng.integers(3, 6)), settings)


def _uneven_size(rng, m):
    """A batch size that leaves a smaller last batch and gives 2 to 6 batches per epoch."""
    while True:
        size = int(rng.integers(4, 17))
        if m % size and 2 <= -(-m // size) <= 6:
            return size


def _data(rng, n_x, m, dtype):
    """Two moons in 2-D; in 3-D, Gaussian points labelled by a random plane (noisy)."""
    if n_x == 2:
        X, Y = make_moons(
            n_samples=m, noise=float(rng.uniform(0.1, 0.3)), seed=int(rng.integers(10_000))
        )
    else:
        X = rng.normal(size=(n_x, m))
        Y = (rng.normal(size=n_x) @ X + 0.3 * rng.normal(size=m) > 0).reshape(1, m).astype(int)
    return X.astype(dtype), Y


def _case(X, Y, dims, optimizer, size, epochs, settings):
    """A run; ``size`` None leaves mini_batch_size at its default. A run given every argument
    is called with all of them by position."""
    kwargs = {
        "X": X,
        "Y": Y,
        "layers_dims": dims,
        "optimizer": optimizer,
        "mini_batch_size": size,
        "num_epochs": epochs,
        "print_cost": False,
        **settings,
    }
    if size is None:
        del kwargs["mini_batch_size"]
    every = set(kwargs) == set(get_contract(NAME).args)
    return Case(
        f"{_describe_run(optimizer, epochs, settings)}; "
        f"{_describe_data(X, dims, size or 64)}"
        + ("; every argument given, by position" if every else ""),
        kwargs,
        "positional" if every else None,
    )


def _describe_run(optimizer, epochs, settings):
    shown = [
        f"{key} {settings[key]:g}"
        for key in ("learning_rate", "beta", "beta1", "beta2", "epsilon")
        if key in settings
    ] or ["every hyper-parameter at its default"]
    decay = settings.get("decay")
    if decay is not None:
        rate = settings.get("decay_rate")
        shown.append(
            f"decay {_DECAY_NAMES[decay]} (decay_rate "
            f"{'left at its default' if rate is None else f'{rate:g}'})"
        )
    return f"{optimizer} ({', '.join(shown)}), {epochs} epoch{'s' * (epochs != 1)}"


def _describe_data(X, dims, size):
    n_x, m = X.shape
    batches = [size] * (m // size) + [m % size] * bool(m % size)
    return (
        f"X ({n_x}, {m}) {X.dtype}, layers_dims {dims}, mini-batches of "
        f"{', '.join(map(str, batches))}"
    )
