"""Public and hidden cases of 04_adaptive_methods: AdaGrad, RMSProp and Adam.

Besides layer counts, shapes, hyper-parameters and float32 inputs, the update cases cover what
separates these rules from their usual mistakes:

* nonzero states (a running sum or average of squared gradients is never negative), so that
  replacing the state instead of updating it shows;
* tiny gradients with tiny states, where sqrt(s) is comparable to epsilon, so that epsilon inside
  the square root shows (with ordinary gradients the two placements agree to 1e-8), gradients
  as small as epsilon itself, where its value decides the step, and huge ones;
* the defaults left out (so the student's defaults run: a wrong one shows), epsilon's with
  epsilon-sized gradients;
* for Adam, step counts t of 1 (zero moments: the first step), 2, 10 and 1000, so that a bias
  correction with the wrong power of beta shows, and beta1 != beta2 so that swapping them shows.
"""

import numpy as np

from . import (
    Case,
    describe_layers,
    hidden,
    kind,
    layer_parameters,
    public,
    random_dims,
    random_dtype,
    shaped_like,
    zeros_like,
)
from .momentum import first_step

TINY = 1e-5  # gradient scale of a "tiny gradients" case: sqrt(s) is near epsilon
EPSILON_SIZED = 1e-8  # gradients as small as epsilon itself: its value decides the step
HUGE = 1e5  # exploding gradients: squares near 1e10
_RATES = [0.1, 0.05, 0.01, 0.003, 0.001]


def _scale(grads) -> str:
    """The size of the gradients: where epsilon shows, and where it does not."""
    largest = max(float(np.max(np.abs(g))) for g in grads.values())
    return "tiny gradients" if largest < 1e-3 else "huge gradients" if largest > 1e3 else ""


@kind("update_parameters_with_adagrad")
def _adagrad_kind(kwargs):
    return tuple(
        label
        for label in ("first step" if first_step(kwargs["G"]) else "", _scale(kwargs["grads"]))
        if label
    )


@kind("update_parameters_with_rmsprop")
def _rmsprop_kind(kwargs):
    return tuple(
        label
        for label in ("first step" if first_step(kwargs["s"]) else "", _scale(kwargs["grads"]))
        if label
    )


@kind("update_parameters_with_adam")
def _adam_kind(kwargs):
    return tuple(
        label
        for label in ("first step" if kwargs["t"] == 1 else "", _scale(kwargs["grads"]))
        if label
    )


# ---------------------------------------------------------------- the three initializers


@public("initialize_adagrad")
def _adagrad_init_public():
    return _initializer_public(401)


@public("initialize_rmsprop")
def _rmsprop_init_public():
    return _initializer_public(402)


@public("initialize_adam")
def _adam_init_public():
    return _initializer_public(403)


@hidden("initialize_adagrad")
@hidden("initialize_rmsprop")
@hidden("initialize_adam")
def _initializer_hidden(rng):
    layer_counts = [1, 5, 2, 3, 4, 2, 3, 1]
    dtypes = [np.float32, np.float64] + [random_dtype(rng) for _ in layer_counts[2:]]
    return [
        _initializer_case(layer_parameters(rng, random_dims(rng, n), dtype))
        for n, dtype in zip(layer_counts, dtypes)
    ]


def _initializer_public(seed):
    rng = np.random.default_rng(seed)
    shapes = [([2, 3, 1], np.float64), ([3, 4, 2, 1], np.float64), ([2, 2], np.float32)]
    return [
        _initializer_case(layer_parameters(rng, dims, dtype, decimals=2)) for dims, dtype in shapes
    ]


def _initializer_case(parameters):
    return Case(describe_layers(parameters), {"parameters": parameters})


# ---------------------------------------------------------------- shared building blocks


def _squares(rng, parameters, scale, steps, readable=False):
    """A plausible state of squared gradients: nonnegative, about ``steps`` times scale**2."""
    state = {}
    for key, value in parameters.items():
        squares = steps * (scale * rng.normal(size=value.shape)) ** 2
        state["d" + key] = (_significant(squares) if readable else squares).astype(value.dtype)
    return state


def _significant(values, digits=3):
    """``values`` rounded to ``digits`` significant digits (public cases stay readable)."""
    with np.errstate(divide="ignore"):
        exponent = np.floor(np.log10(np.abs(values)))
    factor = 10.0 ** (digits - 1 - np.where(np.isfinite(exponent), exponent, 0))
    return np.round(values * factor) / factor


def _gradients(rng, parameters, scale, decimals=None):
    grads = shaped_like(rng, parameters, decimals=decimals)
    return {key: (scale * value).astype(value.dtype) for key, value in grads.items()}


def _size(scale) -> str:
    if scale == 1.0:
        return "gradients ~1"
    return f"{'huge' if scale > 1 else 'tiny'} gradients (~{scale:g})"


def _describe(parameters, scale, first_step, state):
    start = f"{state} = 0 (first step)" if first_step else f"nonzero {state}"
    return f"{describe_layers(parameters)}; {_size(scale)}, {start}"


def _given(given) -> str:
    """The hyper-parameters given; the others are left out, so their defaults run."""
    shown = ", ".join(f"{key}={value:g}" for key, value in given.items())
    return shown or "every hyper-parameter left at its default"


# ---------------------------------------------------------------- AdaGrad
#
# Besides the random cases, each update has cases that leave its defaults out (the default is
# what runs: a wrong one shows), with epsilon-sized gradients where the default epsilon must
# show, and cases with huge gradients. Settings: (dims, dtype, first step, gradient scale,
# hyper-parameters given).

_DEFAULT_RUNS = {
    "update_parameters_with_adagrad": [
        ([3, 2, 1], np.float64, False, 1.0, dict(epsilon=1e-8)),
        ([2, 3, 1], np.float64, False, EPSILON_SIZED, dict(learning_rate=0.05)),
        ([2, 2], np.float64, True, EPSILON_SIZED, {}),
    ],
    "update_parameters_with_rmsprop": [
        ([3, 2, 1], np.float64, False, 1.0, dict(epsilon=1e-8)),
        ([2, 3, 1], np.float64, False, EPSILON_SIZED, dict(beta=0.8, learning_rate=0.05)),
        ([2, 2], np.float64, True, EPSILON_SIZED, {}),
    ],
}


@public("update_parameters_with_adagrad")
def _adagrad_public():
    rng = np.random.default_rng(404)
    settings = [
        ([2, 3, 1], np.float64, 0.01, 1e-8, True, 1.0),
        ([3, 4, 2, 1], np.float64, 0.1, 1e-8, False, 1.0),
        ([2, 2], np.float32, 0.05, 1e-8, False, TINY),
        ([2, 2, 1], np.float64, 0.01, 1e-8, True, TINY),
        ([2, 1], np.float64, 0.1, 1e-8, False, HUGE),
    ]
    cases = [
        _adagrad_case(
            rng, dims, dtype, first, scale, dict(learning_rate=lr, epsilon=eps), decimals=2
        )
        for dims, dtype, lr, eps, first, scale in settings
    ]
    return cases + [
        _adagrad_case(rng, dims, dtype, first, scale, given, decimals=2)
        for dims, dtype, first, scale, given in _DEFAULT_RUNS["update_parameters_with_adagrad"]
    ]


@hidden("update_parameters_with_adagrad")
def _adagrad_hidden(rng):
    settings = [
        (True, 1.0, np.float64),
        (False, TINY, np.float64),
        (False, TINY, np.float32),
        (False, 1.0, np.float32),
        (True, TINY, np.float64),
        (False, HUGE, np.float64),
        (False, EPSILON_SIZED, np.float64),
    ]
    settings += [
        (rng.random() < 0.15, TINY if rng.random() < 0.25 else 1.0, random_dtype(rng))
        for _ in range(6)
    ]
    cases = [
        _adagrad_case(
            rng,
            random_dims(rng, int(rng.integers(1, 6))),
            dtype,
            first,
            scale,
            dict(
                learning_rate=float(rng.choice(_RATES)),
                epsilon=float(rng.choice([1e-8, 1e-8, 1e-7, 1e-6])),
            ),
        )
        for first, scale, dtype in settings
    ]
    return cases + [
        _adagrad_case(rng, random_dims(rng, int(rng.integers(1, 4))), dtype, first, scale, given)
        for _, dtype, first, scale, given in _DEFAULT_RUNS["update_parameters_with_adagrad"]
    ]


def _adagrad_case(rng, dims, dtype, first_step, scale, given, decimals=None):
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = _gradients(rng, parameters, scale, decimals)
    steps = float(rng.integers(2, 20)) if decimals is None else 5.0
    G = (
        zeros_like(parameters)
        if first_step
        else _squares(rng, parameters, scale, steps, decimals is not None)
    )
    label = f"{_describe(parameters, scale, first_step, 'G')}, {_given(given)}"
    return Case(label, {"parameters": parameters, "grads": grads, "G": G, **given})


# ---------------------------------------------------------------- RMSProp


@public("update_parameters_with_rmsprop")
def _rmsprop_public():
    rng = np.random.default_rng(405)
    settings = [
        ([2, 3, 1], np.float64, 0.9, 0.01, True, 1.0),
        ([3, 4, 2, 1], np.float64, 0.8, 0.1, False, 1.0),
        ([2, 2], np.float32, 0.99, 0.05, False, TINY),
        ([2, 2, 1], np.float64, 0.9, 0.01, True, TINY),
        ([2, 1], np.float64, 0.5, 0.1, False, HUGE),
    ]
    cases = [
        _rmsprop_case(
            rng,
            dims,
            dtype,
            first,
            scale,
            dict(beta=beta, learning_rate=lr, epsilon=1e-8),
            decimals=2,
        )
        for dims, dtype, beta, lr, first, scale in settings
    ]
    return cases + [
        _rmsprop_case(rng, dims, dtype, first, scale, given, decimals=2)
        for dims, dtype, first, scale, given in _DEFAULT_RUNS["update_parameters_with_rmsprop"]
    ]


@hidden("update_parameters_with_rmsprop")
def _rmsprop_hidden(rng):
    settings = [
        (0.9, True, 1.0, np.float64),
        (0.99, False, TINY, np.float64),
        (0.999, False, 1.0, np.float32),
        (0.0, False, 1.0, np.float64),
        (0.9, False, TINY, np.float32),
        (0.9, True, TINY, np.float64),
        (0.5, False, HUGE, np.float64),
        (0.95, False, EPSILON_SIZED, np.float64),
    ]
    settings += [
        (
            _random_beta(rng),
            rng.random() < 0.15,
            TINY if rng.random() < 0.25 else 1.0,
            random_dtype(rng),
        )
        for _ in range(5)
    ]
    cases = [
        _rmsprop_case(
            rng,
            random_dims(rng, int(rng.integers(1, 6))),
            dtype,
            first,
            scale,
            dict(
                beta=beta,
                learning_rate=float(rng.choice(_RATES)),
                epsilon=float(rng.choice([1e-8, 1e-8, 1e-7, 1e-6])),
            ),
        )
        for beta, first, scale, dtype in settings
    ]
    return cases + [
        _rmsprop_case(rng, random_dims(rng, int(rng.integers(1, 4))), dtype, first, scale, given)
        for _, dtype, first, scale, given in _DEFAULT_RUNS["update_parameters_with_rmsprop"]
    ]


def _rmsprop_case(rng, dims, dtype, first_step, scale, given, decimals=None):
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = _gradients(rng, parameters, scale, decimals)
    s = (
        zeros_like(parameters)
        if first_step
        else _squares(rng, parameters, scale, 1.0, decimals is not None)
    )
    label = f"{_describe(parameters, scale, first_step, 's')}, {_given(given)}"
    return Case(label, {"parameters": parameters, "grads": grads, "s": s, **given})


def _random_beta(rng) -> float:
    return float(rng.choice([0.5, 0.8, 0.9, 0.95, 0.99, 0.999, round(rng.uniform(0.05, 0.95), 3)]))


# ---------------------------------------------------------------- Adam

# (dims, dtype, t, gradient scale, hyper-parameters given): the defaults left out.
_ADAM_DEFAULT_RUNS = [
    ([3, 2, 1], np.float64, 5, 1.0, dict(epsilon=1e-8)),
    ([2, 3, 1], np.float64, 3, EPSILON_SIZED, dict(learning_rate=0.05, beta1=0.8, beta2=0.99)),
    ([2, 2], np.float64, 1, EPSILON_SIZED, {}),
]


@public("update_parameters_with_adam")
def _adam_public():
    rng = np.random.default_rng(406)
    # dims, dtype, t, learning_rate, beta1, beta2, gradient scale
    settings = [
        ([2, 3, 1], np.float64, 1, 0.01, 0.9, 0.999, 1.0),
        ([3, 4, 2, 1], np.float64, 10, 0.05, 0.8, 0.99, 1.0),
        ([2, 2], np.float32, 2, 0.01, 0.9, 0.999, TINY),
        ([2, 2, 1], np.float64, 1, 0.01, 0.5, 0.9, TINY),
        ([2, 1], np.float64, 1000, 0.05, 0.9, 0.999, HUGE),
    ]
    cases = [
        _adam_case(
            rng,
            dims,
            dtype,
            t,
            scale,
            dict(learning_rate=lr, beta1=beta1, beta2=beta2, epsilon=1e-8),
            decimals=2,
        )
        for dims, dtype, t, lr, beta1, beta2, scale in settings
    ]
    return cases + [
        _adam_case(rng, dims, dtype, t, scale, given, decimals=2)
        for dims, dtype, t, scale, given in _ADAM_DEFAULT_RUNS
    ]


@hidden("update_parameters_with_adam")
def _adam_hidden(rng):
    # t, scale, dtype, beta1, beta2: the first step, early steps (large bias correction), late
    # steps (t = 1000: beta1**t vanishes but beta2**t does not), tiny, epsilon-sized and huge
    # gradients, odd betas.
    settings = [
        (1, 1.0, np.float64, 0.9, 0.999),
        (2, 1.0, np.float32, 0.9, 0.999),
        (10, 1.0, np.float64, 0.8, 0.99),
        (1000, 1.0, np.float64, 0.9, 0.999),
        (2, TINY, np.float64, 0.9, 0.999),
        (10, TINY, np.float32, 0.9, 0.99),
        (1, TINY, np.float64, 0.5, 0.9),
        (3, 1.0, np.float64, 0.0, 0.9),
        (4, HUGE, np.float64, 0.9, 0.999),
        (7, EPSILON_SIZED, np.float64, 0.8, 0.999),
    ]
    settings += [
        (
            int(rng.choice([1, 2, 3, 10, 50, 1000, int(rng.integers(4, 200))])),
            TINY if rng.random() < 0.2 else 1.0,
            random_dtype(rng),
            float(rng.choice([0.8, 0.9, 0.95])),
            float(rng.choice([0.99, 0.999, 0.9999])),
        )
        for _ in range(4)
    ]
    cases = [
        _adam_case(
            rng,
            random_dims(rng, int(rng.integers(1, 6))),
            dtype,
            t,
            scale,
            dict(
                learning_rate=float(rng.choice(_RATES)),
                beta1=beta1,
                beta2=beta2,
                epsilon=float(rng.choice([1e-8, 1e-8, 1e-7, 1e-6])),
            ),
        )
        for t, scale, dtype, beta1, beta2 in settings
    ]
    return cases + [
        _adam_case(rng, random_dims(rng, int(rng.integers(1, 4))), dtype, t, scale, given)
        for _, dtype, t, scale, given in _ADAM_DEFAULT_RUNS
    ]


def _adam_case(rng, dims, dtype, t, scale, given, decimals=None):
    """At t = 1 both moments start at zero (the first step); later they are random, s >= 0."""
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = _gradients(rng, parameters, scale, decimals)
    if t == 1:
        v, s = zeros_like(parameters), zeros_like(parameters)
    else:
        v = {
            key: (scale * value).astype(value.dtype)
            for key, value in shaped_like(rng, parameters, 0.5, decimals).items()
        }
        # s holds about (1 - beta2**(t-1)) times the mean square of the gradients seen so far
        beta2 = given.get("beta2", 0.999)
        s = _squares(rng, parameters, scale, 1 - beta2 ** (t - 1), decimals is not None)
    start = "v = s = 0 (first step)" if t == 1 else "nonzero v and s"
    label = f"{describe_layers(parameters)}; {_size(scale)}, {start}, t={t}, {_given(given)}"
    return Case(label, {"parameters": parameters, "grads": grads, "v": v, "s": s, "t": t, **given})
