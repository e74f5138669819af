"""Public and hidden cases of 04_adaptive_methods: AdaGrad, RMSProp and Adam.

Besides layer counts, shapes, hyper-parameters and float32 inputs, the update cases cover what
separates these rules from their usual mistakes:

* nonzero states (a running sum or average of squared gradients is never negative), so that
  replacing the state instead of updating it shows;
* tiny gradients with tiny states, where sqrt(s) is comparable to epsilon, so that epsilon inside
  the square root shows (with ordinary gradients the two placements agree to 1e-8);
* for Adam, step counts t of 1 (zero moments: the first step), 2, 10 and 1000, so that a bias
  correction with the wrong power of beta shows, and beta1 != beta2 so that swapping them shows.
"""
import numpy as np

from . import (Case, describe_layers, hidden, kind, layer_parameters, public, random_dims,
               random_dtype, shaped_like, zeros_like)
from .momentum import first_step

TINY = 1e-5          # gradient scale of a "tiny gradients" case: sqrt(s) is near epsilon
_RATES = [0.1, 0.05, 0.01, 0.003, 0.001]


def _scale(grads) -> str:
    """The size of the gradients: where epsilon shows, and where it does not."""
    largest = max(float(np.max(np.abs(g))) for g in grads.values())
    return "tiny gradients" if largest < 1e-3 else "huge gradients" if largest > 1e3 else ""


@kind("update_parameters_with_adagrad")
def _adagrad_kind(kwargs):
    return tuple(label for label in ("first step" if first_step(kwargs["G"]) else "",
                                     _scale(kwargs["grads"])) if label)


@kind("update_parameters_with_rmsprop")
def _rmsprop_kind(kwargs):
    return tuple(label for label in ("first step" if first_step(kwargs["s"]) else "",
                                     _scale(kwargs["grads"])) if label)


@kind("update_parameters_with_adam")
def _adam_kind(kwargs):
    return tuple(label for label in ("first step" if kwargs["t"] == 1 else "",
                                     _scale(kwargs["grads"])) if label)

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
    return [_initializer_case(layer_parameters(rng, random_dims(rng, n), dtype))
            for n, dtype in zip(layer_counts, dtypes)]


def _initializer_public(seed):
    rng = np.random.default_rng(seed)
    shapes = [([2, 3, 1], np.float64), ([3, 4, 2, 1], np.float64), ([2, 2], np.float32)]
    return [_initializer_case(layer_parameters(rng, dims, dtype, decimals=2))
            for dims, dtype in shapes]


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


def _gradients(rng, parameters, tiny, decimals=None):
    grads = shaped_like(rng, parameters, decimals=decimals)
    if tiny:
        grads = {key: (TINY * value).astype(value.dtype) for key, value in grads.items()}
    return grads


def _describe(parameters, tiny, first_step, state):
    size = "tiny gradients (~1e-5)" if tiny else "gradients ~1"
    start = f"{state} = 0 (first step)" if first_step else f"nonzero {state}"
    return f"{describe_layers(parameters)}; {size}, {start}"


def _hyper(**values) -> str:
    return ", ".join(f"{key}={value:g}" for key, value in values.items())


# ---------------------------------------------------------------- AdaGrad


@public("update_parameters_with_adagrad")
def _adagrad_public():
    rng = np.random.default_rng(404)
    settings = [([2, 3, 1], np.float64, 0.01, 1e-8, True, False),
                ([3, 4, 2, 1], np.float64, 0.1, 1e-8, False, False),
                ([2, 2], np.float32, 0.05, 1e-8, False, True)]
    return [_adagrad_case(rng, dims, dtype, lr, eps, first, tiny, decimals=2)
            for dims, dtype, lr, eps, first, tiny in settings]


@hidden("update_parameters_with_adagrad")
def _adagrad_hidden(rng):
    settings = [(True, False, np.float64), (False, True, np.float64), (False, True, np.float32),
                (False, False, np.float32)]
    settings += [(rng.random() < 0.15, rng.random() < 0.25, random_dtype(rng)) for _ in range(8)]
    return [_adagrad_case(rng, random_dims(rng, int(rng.integers(1, 6))), dtype,
                          float(rng.choice(_RATES)), float(rng.choice([1e-8, 1e-8, 1e-7, 1e-6])),
                          first, tiny)
            for first, tiny, dtype in settings]


def _adagrad_case(rng, dims, dtype, learning_rate, epsilon, first_step, tiny, decimals=None):
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = _gradients(rng, parameters, tiny, decimals)
    scale = TINY if tiny else 1.0
    steps = float(rng.integers(2, 20)) if decimals is None else 5.0
    G = zeros_like(parameters) if first_step else _squares(rng, parameters, scale, steps, decimals is not None)
    label = (f"{_describe(parameters, tiny, first_step, 'G')}, "
             f"{_hyper(learning_rate=learning_rate, epsilon=epsilon)}")
    return Case(label, {"parameters": parameters, "grads": grads, "G": G,
                        "learning_rate": learning_rate, "epsilon": epsilon})


# ---------------------------------------------------------------- RMSProp


@public("update_parameters_with_rmsprop")
def _rmsprop_public():
    rng = np.random.default_rng(405)
    settings = [([2, 3, 1], np.float64, 0.9, 0.01, True, False),
                ([3, 4, 2, 1], np.float64, 0.8, 0.1, False, False),
                ([2, 2], np.float32, 0.99, 0.05, False, True)]
    return [_rmsprop_case(rng, dims, dtype, beta, lr, 1e-8, first, tiny, decimals=2)
            for dims, dtype, beta, lr, first, tiny in settings]


@hidden("update_parameters_with_rmsprop")
def _rmsprop_hidden(rng):
    settings = [(0.9, True, False, np.float64), (0.99, False, True, np.float64),
                (0.999, False, False, np.float32), (0.0, False, False, np.float64),
                (0.9, False, True, np.float32)]
    settings += [(_random_beta(rng), rng.random() < 0.15, rng.random() < 0.25, random_dtype(rng))
                 for _ in range(7)]
    return [_rmsprop_case(rng, random_dims(rng, int(rng.integers(1, 6))), dtype, beta,
                          float(rng.choice(_RATES)), float(rng.choice([1e-8, 1e-8, 1e-7, 1e-6])),
                          first, tiny)
            for beta, first, tiny, dtype in settings]


def _rmsprop_case(rng, dims, dtype, beta, learning_rate, epsilon, first_step, tiny,
                  decimals=None):
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = _gradients(rng, parameters, tiny, decimals)
    scale = TINY if tiny else 1.0
    s = zeros_like(parameters) if first_step else _squares(rng, parameters, scale, 1.0, decimals is not None)
    label = (f"{_describe(parameters, tiny, first_step, 's')}, "
             f"{_hyper(beta=beta, learning_rate=learning_rate, epsilon=epsilon)}")
    return Case(label, {"parameters": parameters, "grads": grads, "s": s, "beta": beta,
                        "learning_rate": learning_rate, "epsilon": epsilon})


def _random_beta(rng) -> float:
    return float(rng.choice([0.5, 0.8, 0.9, 0.95, 0.99, 0.999, round(rng.uniform(0.05, 0.95), 3)]))


# ---------------------------------------------------------------- Adam


@public("update_parameters_with_adam")
def _adam_public():
    rng = np.random.default_rng(406)
    # dims, dtype, t, learning_rate, beta1, beta2, tiny
    settings = [([2, 3, 1], np.float64, 1, 0.01, 0.9, 0.999, False),
                ([3, 4, 2, 1], np.float64, 10, 0.05, 0.8, 0.99, False),
                ([2, 2], np.float32, 2, 0.01, 0.9, 0.999, True)]
    return [_adam_case(rng, dims, dtype, t, lr, beta1, beta2, 1e-8, tiny, decimals=2)
            for dims, dtype, t, lr, beta1, beta2, tiny in settings]


@hidden("update_parameters_with_adam")
def _adam_hidden(rng):
    # t, tiny, dtype, beta1, beta2: the first step, early steps (large bias correction), late
    # steps (t = 1000: beta1**t vanishes but beta2**t does not), tiny gradients, odd betas.
    settings = [(1, False, np.float64, 0.9, 0.999), (2, False, np.float32, 0.9, 0.999),
                (10, False, np.float64, 0.8, 0.99), (1000, False, np.float64, 0.9, 0.999),
                (2, True, np.float64, 0.9, 0.999), (10, True, np.float32, 0.9, 0.99),
                (1, True, np.float64, 0.5, 0.9), (3, False, np.float64, 0.0, 0.9)]
    settings += [(int(rng.choice([1, 2, 3, 10, 50, 1000, int(rng.integers(4, 200))])),
                  rng.random() < 0.2, random_dtype(rng), float(rng.choice([0.8, 0.9, 0.95])),
                  float(rng.choice([0.99, 0.999, 0.9999]))) for _ in range(6)]
    return [_adam_case(rng, random_dims(rng, int(rng.integers(1, 6))), dtype, t,
                       float(rng.choice(_RATES)), beta1, beta2,
                       float(rng.choice([1e-8, 1e-8, 1e-7, 1e-6])), tiny)
            for t, tiny, dtype, beta1, beta2 in settings]


def _adam_case(rng, dims, dtype, t, learning_rate, beta1, beta2, epsilon, tiny, decimals=None):
    """At t = 1 both moments start at zero (the first step); later they are random, s >= 0."""
    parameters = layer_parameters(rng, dims, dtype, decimals)
    grads = _gradients(rng, parameters, tiny, decimals)
    scale = TINY if tiny else 1.0
    if t == 1:
        v, s = zeros_like(parameters), zeros_like(parameters)
    else:
        v = {key: (scale * value).astype(value.dtype)
             for key, value in shaped_like(rng, parameters, 0.5, decimals).items()}
        # s holds about (1 - beta2**(t-1)) times the mean square of the gradients seen so far
        s = _squares(rng, parameters, scale, 1 - beta2 ** (t - 1), decimals is not None)
    start = "v = s = 0 (first step)" if t == 1 else "nonzero v and s"
    size = "tiny gradients (~1e-5)" if tiny else "gradients ~1"
    label = (f"{describe_layers(parameters)}; {size}, {start}, t={t}, "
             f"{_hyper(learning_rate=learning_rate, beta1=beta1, beta2=beta2, epsilon=epsilon)}")
    return Case(label, {"parameters": parameters, "grads": grads, "v": v, "s": s, "t": t,
                        "learning_rate": learning_rate, "beta1": beta1, "beta2": beta2,
                        "epsilon": epsilon})
