"""Public and hidden cases of 09_landscape_and_initialization: classify_critical_point,
initialize_parameters and precondition_gradients.

The edges where the contracts are most precise are in both case sets: flat directions beside
curved ones, the relative tolerance at tiny and huge scales, layers whose fan-in and fan-out
differ, averages of squared gradients that are zero or tinier than epsilon.
"""

import numpy as np

from . import Case, hidden, layer_parameters, public, random_dims, random_dtype, shaped_like

_CLASSIFY = "classify_critical_point"
_INIT = "initialize_parameters"
_PRECONDITION = "precondition_gradients"

# ---------------------------------------------------------------- classify_critical_point


@public(_CLASSIFY)
def _classify_public():
    bowl = np.array([[2.0, 1.0], [1.0, 3.0]])
    return [
        _classify_case(bowl, "a bowl, x y coupled"),
        _classify_case(np.array([[-4.0, 1.0], [1.0, -2.0]]), "a dome"),
        _classify_case(
            np.array([[1.0, 2.0], [2.0, 1.0]]), "positive diagonal, eigenvalues 3 and -1"
        ),
        _classify_case(
            np.array([[1.0, 2.0, 2.0], [2.0, 1.0, 2.0], [2.0, 2.0, 1.0]]),
            "3 x 3, eigenvalues 5, -1, -1 (positive determinant and trace)",
        ),
        _classify_case(
            np.array([[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, -3.0]]),
            "3 x 3, eigenvalues 2, 0, -3",
        ),
        _classify_case(
            np.array([[2.0, -1.0, -1.0], [-1.0, 2.0, -1.0], [-1.0, -1.0, 2.0]]),
            "3 x 3, eigenvalues 3, 3, 0",
        ),
        _classify_case(np.array([[1.0, 1.0], [1.0, 1.0]]), "2 x 2, eigenvalues 2 and 0"),
        _classify_case(
            np.array([[-1.0, 0.0, 1.0], [0.0, -2.0, 0.0], [1.0, 0.0, -1.0]]),
            "3 x 3, eigenvalues -2, -2, 0",
        ),
        _classify_case(np.zeros((2, 2)), "a zero Hessian"),
        _classify_case(np.array([[-0.5]]), "one parameter"),
        _classify_case(1e-9 * bowl, "a bowl scaled by 1e-9"),
        _classify_case(1e8 * np.array([[1.0, 1.0], [1.0, 1.0]]), "eigenvalues 2e8 and 0"),
        _classify_case(np.float32([[-2.0, 1.0], [1.0, -2.0]]), "a dome"),
        _classify_case(np.array([[1.0, 0.0], [0.0, 1e-4]]), "eigenvalues 1 and 1e-4", tol=1e-3),
        _classify_case(np.array([[1.0, 0.0], [0.0, 1e-4]]), "eigenvalues 1 and 1e-4"),
    ]


@hidden(_CLASSIFY)
def _classify_hidden(rng):
    cases = [
        _classify_case(np.zeros((1, 1)), "one parameter, zero curvature"),
        _classify_case(np.zeros((4, 4)), "a zero Hessian"),
        _classify_case(np.array([[1e-6, 0.0], [0.0, -1.0]]), "one tiny eigenvalue", tol=1e-5),
        _classify_case(np.diag([3.0, 2e-5]), "one small eigenvalue", tol=1e-5),
        _classify_case(np.diag([-3.0, -2e-7]), "one tiny eigenvalue"),
        _classify_case(np.float32([[2.0, 2.0], [2.0, 2.0]]), "equal entries"),
        _classify_case(np.float32([[0.0, 3.0], [3.0, 0.0]]), "zero diagonal"),
    ]
    kinds = ["minimum", "maximum", "saddle", "degenerate", "flat saddle", "flat maximum"]
    for i in range(24):
        n = int(rng.integers(1 if i < 4 else 2, 7))
        kind = kinds[i % len(kinds)] if n > 1 else ("minimum", "maximum", "degenerate")[i % 3]
        scale = 10.0 ** rng.choice([-100, -12, -6, 0, 0, 3, 12, 100]) if i >= 4 else 1.0
        eigenvalues = _eigenvalues(rng, n, kind)
        cases.append(
            _classify_case(
                scale * _with_eigenvalues(rng, eigenvalues),
                f"a rotated diagonal, scale {scale:.0e}",
            )
        )
    for kind in ("minimum", "saddle", "maximum"):
        eigenvalues = _eigenvalues(rng, 3, kind)
        cases.append(
            _classify_case(
                _with_eigenvalues(rng, eigenvalues).astype(np.float32), "a rotated diagonal"
            )
        )
    return cases


def _eigenvalues(rng, n, kind):
    """n eigenvalues of one kind, magnitudes between 0.1 and 10 (zeros exactly 0)."""

    def rest(*choices):
        return rng.choice(choices, size=max(n - 2, 0))

    if kind == "minimum":
        signs = np.ones(n)
    elif kind == "maximum":
        signs = -np.ones(n)
    elif kind == "saddle":
        signs = np.r_[1.0, -1.0, rest(-1.0, 1.0)]
    elif kind == "degenerate":
        signs = np.r_[0.0, 1.0, rest(0.0, 1.0)]  # a bowl with flat directions
    elif kind == "flat saddle":
        signs = np.r_[1.0, -1.0, rest(-1.0, 0.0, 1.0)]
        signs[min(2, n - 1)] = 0.0 if n > 2 else signs[min(2, n - 1)]
    else:  # "flat maximum"
        signs = np.r_[-1.0, 0.0, -np.ones(max(n - 2, 0))][:n]
    return rng.permutation(rng.uniform(0.1, 10.0, size=n) * signs[:n])


def _with_eigenvalues(rng, eigenvalues):
    q, _ = np.linalg.qr(rng.normal(size=(len(eigenvalues), len(eigenvalues))))
    hessian = q @ np.diag(eigenvalues) @ q.T
    return (hessian + hessian.T) / 2


def _classify_case(hessian, label, **options):
    n = hessian.shape[0]
    extra = "".join(f"; {key}={value:g}" for key, value in options.items())
    return Case(
        f"{label}: Hessian of shape ({n}, {n}), {hessian.dtype}{extra}",
        {"hessian": hessian, **options},
    )


# ---------------------------------------------------------------- initialize_parameters


@public(_INIT)
def _init_public():
    return [
        _init_case([3, 2, 1], "he", 0),
        _init_case([2, 4, 3], "xavier", 1),
        _init_case([4, 2], "random", 2),
        _init_case([2, 3, 1], "zeros", 3),
        _init_case([5, 3, 2, 2], "he", 7),
        _init_case([6, 1], "xavier", 4),
        _init_case([3, 4, 1], "he", None),
    ]


@hidden(_INIT)
def _init_hidden(rng):
    cases = [
        _init_case([4096, 2], "he", 11),
        _init_case([1, 1000], "he", 12),
        _init_case([1, 500, 1], "xavier", 13),
        _init_case([784, 64, 10], "xavier", 14),
        _init_case([3] * 11, "he", 15),
        _init_case([2, 2], "zeros", None),
        _init_case([200, 100, 1], "random", 16),
    ]
    for method in ("he", "xavier", "random", "zeros", "he", "xavier", "he", "xavier"):
        dims = random_dims(rng, int(rng.integers(1, 5)))
        cases.append(_init_case(dims, method, int(rng.integers(0, 2**31))))
    return cases


def _init_case(dims, method, seed):
    kwargs = {"layers_dims": list(dims), "method": method}
    if seed is not None:
        kwargs["seed"] = seed
    seed_text = f"seed={seed}" if seed is not None else "default seed"
    return Case(f"layers_dims={list(dims)}, method={method!r}, {seed_text}", kwargs)


# ---------------------------------------------------------------- precondition_gradients


@public(_PRECONDITION)
def _precondition_public():
    rng = np.random.default_rng(901)
    grads = shaped_like(rng, layer_parameters(rng, [2, 3, 1]), decimals=2)
    s = _averages(rng, grads, 1.0, decimals=2)
    zero_grads = shaped_like(rng, layer_parameters(rng, [2, 2]), decimals=2)
    zero_s = _with_zeros(rng, zero_grads, _averages(rng, zero_grads, 1.0, decimals=2))
    tiny_grads = shaped_like(rng, layer_parameters(rng, [3, 2]), scale=1e-6, decimals=None)
    tiny = _averages(rng, tiny_grads, 1e-12)
    huge_grads = shaped_like(rng, layer_parameters(rng, [2, 1]), scale=1e6)
    f32 = shaped_like(rng, layer_parameters(rng, [2, 2, 1], np.float32), decimals=2)
    return [
        _precondition_case(grads, s, "averages of about 1"),
        _precondition_case(zero_grads, zero_s, "some averages exactly 0"),
        _precondition_case(tiny_grads, tiny, "gradients of about 1e-6, averages of about 1e-12"),
        _precondition_case(
            huge_grads,
            _averages(rng, huge_grads, 1e12),
            "gradients of about 1e6, averages of about 1e12",
        ),
        _precondition_case(
            f32, _averages(rng, f32, 0.5, decimals=2), "averages of about 0.5", epsilon=1e-4
        ),
    ]


@hidden(_PRECONDITION)
def _precondition_hidden(rng):
    cases = []
    for i, scale in enumerate((1.0, 1e-6, 1e-3, 1e3, 1e8, 1.0, 1e-9, 1e-4, 1e2, 1.0)):
        dtype = (
            np.float32 if i in (0, 8) else random_dtype(rng) if 1e-4 <= scale <= 1e3 else np.float64
        )
        grads = shaped_like(
            rng,
            layer_parameters(rng, random_dims(rng, int(rng.integers(1, 4))), dtype),
            scale=scale,
        )
        s = _averages(rng, grads, scale**2)
        if rng.random() < 0.4:
            s = _with_zeros(rng, grads, s)
        options = {"epsilon": float(rng.choice([1e-8, 1e-6, 1e-3]))} if rng.random() < 0.4 else {}
        cases.append(_precondition_case(grads, s, f"gradients of about {scale:g}", **options))
    return cases


def _averages(rng, grads, size, decimals=None):
    """Non-negative averages shaped (and typed) like each gradient, of about ``size``."""
    out = {}
    for key, g in grads.items():
        values = size * rng.uniform(0.05, 2.0, size=g.shape)
        values = values if decimals is None else np.maximum(np.round(values, decimals), 0.01)
        out[key] = values.astype(g.dtype)
    return out


def _with_zeros(rng, grads, s):
    """Zeros in some entries of s: one where the gradient is 0 too, others where it is not."""
    s = {key: value.copy() for key, value in s.items()}
    key = next(iter(grads))
    s[key].flat[0] = 0.0
    grads[key].flat[0] = 0.0
    for value in s.values():
        value[rng.random(value.shape) < 0.3] = 0.0
    return s


def _precondition_case(grads, s, label, **options):
    shapes = ", ".join(f"{key} {g.shape}" for key, g in grads.items())
    extra = "".join(f"; {key}={value:g}" for key, value in options.items())
    dtype = next(iter(grads.values())).dtype
    return Case(f"{label}: {shapes}, {dtype}{extra}", {"grads": grads, "s": s, **options})
