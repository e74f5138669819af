"""Public and hidden cases of 07_robust_training: clip_gradients, add_gradient_noise and
early_stopping."""

import numpy as np

from . import Case, hidden, kind, layer_parameters, public, random_dims, random_dtype, shaped_like

# ------------------------------------------------------------------------ shared helpers


def describe_grads(grads) -> str:
    """E.g. ``2 layers: dW1 (3, 2), dW2 (1, 3), float32``."""
    weights = [key for key in grads if key.startswith("dW")]
    shapes = ", ".join(f"{key} {grads[key].shape}" for key in weights)
    plural = "s" if len(weights) != 1 else ""
    return f"{len(weights)} layer{plural}: {shapes}, {grads[weights[0]].dtype}"


def random_grads(rng, dims, dtype=np.float64, decimals=None) -> dict:
    """Gradients ``"dW1", "db1", ...`` of a network with layer sizes ``dims``."""
    return shaped_like(rng, layer_parameters(rng, dims, dtype), decimals=decimals)


def global_norm(grads) -> float:
    return float(np.sqrt(sum(np.sum(np.square(g.astype(np.float64))) for g in grads.values())))


@kind("clip_gradients")
def _clip_kind(kwargs):
    norm = global_norm(kwargs["grads"])
    return ("zero" if norm == 0 else "clipped" if norm > kwargs["max_norm"] else "kept",)


@kind("early_stopping")
def _stopping_kind(kwargs):
    return ("min_delta > 0" if kwargs.get("min_delta", 0.0) > 0 else "min_delta 0",)


# ------------------------------------------------------------------------ clip_gradients


def _with_norm(grads, target, dtype, decimals=None) -> dict:
    """``grads`` rescaled to global norm ``target`` (then rounded and cast)."""
    factor = target / global_norm(grads)
    return {key: _cast(factor * g, dtype, decimals) for key, g in grads.items()}


def _each_below(rng, grads, max_norm, dtype, decimals=None) -> dict:
    """Every array with a norm below ``max_norm`` (75-95% of it): the global norm is above."""
    scaled = {}
    for key, g in grads.items():
        target = max_norm * rng.uniform(0.75, 0.95)
        scaled[key] = _cast(g * (target / np.linalg.norm(g)), dtype, decimals)
    return scaled


def _one_exploding(rng, grads, max_norm, dtype) -> dict:
    """One array far above the limit, every other one tiny: a single layer explodes."""
    keys = list(grads)
    spike = keys[int(rng.integers(len(keys)))]
    return {
        key: _cast(
            g * (max_norm * (rng.uniform(20, 200) if key == spike else 0.01) / np.linalg.norm(g)),
            dtype,
            None,
        )
        for key, g in grads.items()
    }


def _cast(values, dtype, decimals):
    return (values if decimals is None else np.round(values, decimals)).astype(dtype)


def _clip_case(grads, max_norm, what) -> Case:
    norm = global_norm(grads)
    relation = ">" if norm > max_norm else "<="
    label = (
        f"{describe_grads(grads)}; {what}: global norm {norm:.3g} {relation} max_norm={max_norm:g}"
    )
    return Case(label, {"grads": grads, "max_norm": max_norm})


@public("clip_gradients")
def _clip_public():
    rng = np.random.default_rng(701)
    large = _with_norm(random_grads(rng, [2, 3, 1]), 6.0, np.float64, decimals=2)
    small = _with_norm(random_grads(rng, [3, 2, 1]), 0.8, np.float64, decimals=2)
    each = _each_below(rng, random_grads(rng, [2, 2, 2, 1]), 1.0, np.float32, decimals=2)
    zero = {key: np.zeros_like(g) for key, g in random_grads(rng, [2, 2, 1]).items()}
    return [
        _clip_case(large, 1.0, "a large gradient"),
        _clip_case(small, 2.0, "a small gradient"),
        _clip_case(each, 1.0, "every array below max_norm, the whole gradient above"),
        _clip_case(zero, 1.0, "all gradients zero"),
    ]


@hidden("clip_gradients")
def _clip_hidden(rng):
    regimes = [
        "far above",
        "just above",
        "below",
        "each below",
        "one exploding",
        "zero",
        "far above",
        "below",
        "each below",
        "just above",
        "far above",
        "one exploding",
    ]
    cases = []
    for number, regime in enumerate(regimes):
        n_layers = [1, 2, 3, 5][number % 4] if number < 4 else int(rng.integers(1, 6))
        dtype = np.float32 if number in (1, 4) else random_dtype(rng)
        max_norm = float(rng.choice([0.5, 1.0, 2.0, 5.0, round(rng.uniform(0.5, 10.0), 2)]))
        grads = random_grads(rng, random_dims(rng, n_layers))
        if regime == "far above":
            grads = _with_norm(grads, max_norm * rng.uniform(10, 1000), dtype)
        elif regime == "just above":
            grads = _with_norm(grads, max_norm * rng.uniform(1.05, 2.0), dtype)
        elif regime == "below":
            grads = _with_norm(grads, max_norm * rng.uniform(0.2, 0.95), dtype)
        elif regime == "each below":
            grads = _each_below(rng, grads, max_norm, dtype)
        elif regime == "one exploding":
            grads = _one_exploding(rng, grads, max_norm, dtype)
        else:
            grads = {key: np.zeros_like(g, dtype=dtype) for key, g in grads.items()}
        cases.append(
            _clip_case(grads, max_norm, regime.replace("each below", "every array below max_norm"))
        )
    # Extreme scales: exploding gradients, vanishing ones, a huge limit just exceeded, and a
    # norm a hair above the limit (one part in a million). Limits stay >= 0.5: PyTorch's
    # norm + 1e-6 (a correct variant) then stays within the tolerance.
    cases.append(
        _clip_case(
            _with_norm(random_grads(rng, [3, 4, 2]), 3e8, np.float64), 5.0, "exploding gradients"
        )
    )
    cases.append(
        _clip_case(
            _with_norm(random_grads(rng, [2, 2, 1]), 4e-9, np.float64), 0.5, "vanishing gradients"
        )
    )
    cases.append(
        _clip_case(
            _with_norm(random_grads(rng, [2, 3, 1]), 3e6, np.float64), 1e6, "a huge max_norm"
        )
    )
    cases.append(
        _clip_case(
            _with_norm(random_grads(rng, [3, 2, 1]), 2.0 * (1 + 1e-6), np.float64),
            2.0,
            "a hair above",
        )
    )
    return cases


# ------------------------------------------------------------------------ add_gradient_noise


def _noise_case(grads, t, eta, gamma, seed) -> Case:
    """A hyper-parameter None is left out, so its default runs."""
    given = {
        key: value
        for key, value in (("eta", eta), ("gamma", gamma), ("seed", seed))
        if value is not None
    }
    shown = ", ".join(f"{key}={value:g}" for key, value in given.items())
    left = [key for key in ("eta", "gamma", "seed") if key not in given]
    label = (
        f"{describe_grads(grads)}; t={t}"
        + (f", {shown}" if shown else "")
        + (f", default {', '.join(left)}" if left else "")
    )
    return Case(label, {"grads": grads, "t": t, **given})


@public("add_gradient_noise")
def _noise_public():
    rng = np.random.default_rng(702)
    settings = [
        ([3, 2, 1], np.float64, 0, 0.3, 0.55, 0),
        ([2, 3, 1], np.float64, 9, 1.0, 0.55, 1),
        ([2, 2, 2, 1], np.float32, 99, 0.01, 0.55, 7),
        ([2, 2, 1], np.float64, 4, 0.5, 0.8, None),
        ([2, 3, 1], np.float64, 3, None, None, None),
    ]
    return [
        _noise_case(random_grads(rng, dims, dtype, decimals=2), t, eta, gamma, seed)
        for dims, dtype, t, eta, gamma, seed in settings
    ]


@hidden("add_gradient_noise")
def _noise_hidden(rng):
    # The first step (t = 0) and constant noise (gamma = 0) first, then random settings.
    fixed = [(1, 0, 0.3, 0.55), (2, 1, 1.0, 0.55), (3, 0, 0.01, 0.0), (4, 250, 0.3, 1.0)]
    cases = [
        _noise_case(
            random_grads(rng, random_dims(rng, n), random_dtype(rng)),
            t,
            eta,
            gamma,
            int(rng.integers(2**31)),
        )
        for n, t, eta, gamma in fixed
    ]
    # The defaults left out: the seed, then every hyper-parameter.
    cases.append(
        _noise_case(
            random_grads(rng, random_dims(rng, 2)),
            int(rng.integers(1, 50)),
            float(rng.choice([0.1, 1.0])),
            0.7,
            None,
        )
    )
    cases.append(
        _noise_case(
            random_grads(rng, random_dims(rng, 2)), int(rng.integers(1, 50)), None, None, None
        )
    )
    for _ in range(8):
        t = int(rng.choice([0, 1, 2, int(rng.integers(3, 100)), int(rng.integers(100, 20000))]))
        eta = float(rng.choice([0.01, 0.1, 0.3, 1.0, round(rng.uniform(0.05, 2.0), 3)]))
        gamma = float(rng.choice([0.55, 0.55, 0.5, 1.0, round(rng.uniform(0.2, 1.0), 2)]))
        grads = random_grads(rng, random_dims(rng, int(rng.integers(1, 6))), random_dtype(rng))
        cases.append(_noise_case(grads, t, eta, gamma, int(rng.integers(2**31))))
    return cases


# ------------------------------------------------------------------------ early_stopping


def _stopping_case(val_losses, patience, min_delta, what="") -> Case:
    """``patience`` or ``min_delta`` None: left out, so the default runs."""
    kind = type(val_losses[0]).__name__ if val_losses else "float"
    given = {
        key: value
        for key, value in (("patience", patience), ("min_delta", min_delta))
        if value is not None
    }
    shown = ", ".join(f"{key}={value:g}" for key, value in given.items())
    left = [key for key in ("patience", "min_delta") if key not in given]
    label = (
        f"{len(val_losses)} epochs ({kind}){what}"
        + (f", {shown}" if shown else "")
        + (f", default {' and '.join(left)}" if left else "")
    )
    return Case(label, {"val_losses": val_losses, **given})


@public("early_stopping")
def _stopping_public():
    return [
        _stopping_case(
            [0.9, 0.7, 0.62, 0.6, 0.61, 0.6, 0.63, 0.64, 0.62], 5, 0.0, ": a plateau with a tie"
        ),
        _stopping_case(
            [1.0, 0.8, 0.795, 0.79, 0.7, 0.71, 0.69, 0.695, 0.7],
            3,
            0.0125,
            ": small gains below min_delta",
        ),
        _stopping_case([0.5, 0.55, 0.45, 0.47, 0.46, 0.44, 0.48, 0.49], 3, 0.0, ": ups and downs"),
        _stopping_case([0.9, 0.8, 0.7, 0.72, 0.71], 3, 0.0, ": still improving recently"),
        _stopping_case(
            _as_list([0.8, 0.75, 0.76, 0.74, 0.77, 0.78], True), 2, 0.0125, ": numpy float32 losses"
        ),
        _stopping_case([0.5, 0.52, 0.55, 0.51, 0.6], 3, 0.0, ": epoch 0 stays the best"),
        _stopping_case([0.9, 0.85, 0.86, 0.87, 0.8], 2, 0.0, ": the last epoch improves"),
        _stopping_case([0.7], 1, 0.0, ": one epoch"),
        # The defaults left out: patience 5 (4 epochs waited: not yet; 5: stop), min_delta 0.
        _stopping_case([0.9, 0.6, 0.61, 0.62, 0.6, 0.63], None, 0.0, ": 4 epochs waited"),
        _stopping_case([0.9, 0.6, 0.61, 0.62, 0.6, 0.63, 0.64], None, 0.0, ": 5 epochs waited"),
        _stopping_case([0.9, 0.89, 0.885, 0.884, 0.8835], 3, None, ": tiny gains"),
        _stopping_case([0.9, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85], None, None, ""),
    ]


def _curve(rng, n) -> np.ndarray:
    """A noisy validation curve: falls, flattens, maybe rises (overfitting); 3 decimals."""
    t = np.arange(n)
    fall = rng.uniform(0.2, 1.0) * np.exp(-t / rng.uniform(2, 10))
    rise = rng.uniform(0, 0.004) * np.maximum(0, t - rng.uniform(5, 30)) ** 1.5
    noise = rng.normal(scale=rng.choice([0.002, 0.01, 0.03]), size=n)
    return np.round(rng.uniform(0.1, 0.5) + fall + rise + noise, 3)


def _as_list(values, float32) -> list:
    return [np.float32(v) for v in values] if float32 else [float(v) for v in values]


@hidden("early_stopping")
def _stopping_hidden(rng):
    cases = [
        _stopping_case([0.693], 1, 0.0, ": one epoch"),
        _stopping_case([0.5] * 6, 5, 0.0, ": constant"),
        _stopping_case(
            _as_list(np.round(np.linspace(1.0, 0.2, 12), 3), False), 2, 0.0025, ": always improving"
        ),
        _stopping_case(
            _as_list(np.round(np.linspace(0.3, 0.5, 7), 3), False),
            4,
            0.0,
            ": epoch 0 stays the best",
        ),
        _stopping_case([1.0, 0.5, 0.7, 0.8, 0.6, 0.9], 3, 0.0, ": epoch 1 stays the best"),
    ]
    # The defaults left out: patience (the boundary, 4 and 5 epochs waited), min_delta, both.
    for waited in (4, 5):
        values = _curve(rng, int(rng.integers(12, 30)))
        best = len(values) - 1 - waited  # the best epoch, then `waited` worse ones
        values[best] = values.min() - 0.05
        values[best + 1 :] = np.maximum(values[best + 1 :], values[best] + 0.01)
        cases.append(_stopping_case(_as_list(values, False), None, 0.0))
    gains = np.round(0.9 - np.cumsum(rng.uniform(0.0005, 0.004, size=10)), 4)
    cases.append(_stopping_case(_as_list(gains, False), 3, None, ": small gains"))
    cases.append(_stopping_case(_as_list(_curve(rng, 25), False), None, None))
    # min_delta sits half-way between multiples of 0.001, so no gain equals it up to rounding.
    deltas = [0.0, 0.0, 0.0025, 0.0125, 0.0375]
    for number in range(11):
        values = _curve(rng, int(rng.integers(4, 45)))
        min_delta = float(rng.choice(deltas))
        waited = _waited(values, min_delta)
        # Every other case sits on the boundary: exactly patience epochs waited, or one short.
        if number % 3 == 0 and waited >= 1:
            patience = waited
        elif number % 3 == 1:
            patience = waited + 1
        else:
            patience = int(rng.choice([1, 2, 3, 5, 10, int(rng.integers(1, 20))]))
        cases.append(_stopping_case(_as_list(values, rng.random() < 0.3), patience, min_delta))
    return cases


def _waited(values, min_delta) -> int:
    """Epochs since the best one (the reference's rule, restated for building cases)."""
    best = 0
    for epoch in range(1, len(values)):
        if values[epoch] < values[best] - min_delta:
            best = epoch
    return len(values) - 1 - best
