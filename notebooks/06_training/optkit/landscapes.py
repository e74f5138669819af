"""Two-dimensional test functions, and a runner that lets any update rule drive a point across them.

Introduced in 03_momentum (the narrow valley, ``run_optimizer``) and reused by later notebooks.

A landscape is a loss over two numbers ``(x, y)``. To let the graded update rules of the course move
such a point, ``run_optimizer`` dresses it up as the parameters of a tiny one-layer network,
``{"W1": [[x]], "b1": [[y]]}``, with gradients ``{"dW1": [[df/dx]], "db1": [[df/dy]]}`` — the same
dictionaries the update rules receive when they train a real network.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Landscape:
    """A loss surface f(x, y) with its gradient, where its minimum is, and a window to draw it in.

    ``f(x, y)`` and ``grad(x, y) -> (df/dx, df/dy)`` accept numbers or arrays that broadcast.
    """

    name: str
    f: Callable
    grad: Callable
    minimum: tuple
    xlim: tuple
    ylim: tuple

    def __call__(self, x, y):
        return self.f(x, y)


def quadratic(a=1.0, b=100.0, angle=0.0, xlim=(-11.0, 6.0), ylim=(-2.0, 2.0)):
    """The valley f = (a·u² + b·w²) / 2, where (u, w) is (x, y) turned by ``angle`` radians.

    Its curvature is ``a`` along the valley floor and ``b`` across it; the condition number
    ``max(a, b) / min(a, b)`` says how narrow the valley is. Gradient descent is stable only for
    a learning rate below ``2 / max(a, b)``. The minimum is at the origin.
    """
    c, s = np.cos(angle), np.sin(angle)

    def f(x, y):
        u, w = c * x + s * y, -s * x + c * y
        return 0.5 * (a * u**2 + b * w**2)

    def grad(x, y):
        u, w = c * x + s * y, -s * x + c * y
        du, dw = a * u, b * w
        return c * du - s * dw, s * du + c * dw

    name = f"quadratic valley (condition number {max(a, b) / min(a, b):g})"
    return Landscape(name, f, grad, (0.0, 0.0), tuple(xlim), tuple(ylim))


def rosenbrock(a=1.0, b=100.0, xlim=(-2.0, 2.0), ylim=(-1.0, 3.0)):
    """The banana-shaped valley f = (a − x)² + b·(y − x²)², minimum at (a, a²)."""

    def f(x, y):
        return (a - x) ** 2 + b * (y - x**2) ** 2

    def grad(x, y):
        return -2 * (a - x) - 4 * b * x * (y - x**2), 2 * b * (y - x**2)

    return Landscape("Rosenbrock", f, grad, (a, a**2), tuple(xlim), tuple(ylim))


def as_parameters(point):
    """The point (x, y) as one-layer parameters ``{"W1": [[x]], "b1": [[y]]}`` (float64 arrays)."""
    x, y = point
    return {"W1": np.array([[x]], dtype=float), "b1": np.array([[y]], dtype=float)}


def as_point(parameters):
    """The inverse of ``as_parameters``: a float array ``[x, y]``."""
    return np.array([parameters["W1"].item(), parameters["b1"].item()], dtype=float)


def run_optimizer(step, f, grad, start, n_steps, noise=0.0, seed=0):
    """Let ``step`` move a point downhill on ``f`` for ``n_steps`` steps.

    Arguments:
        step -- callable ``step(parameters, grads) -> parameters``, one update of the point
                written as parameters ``{"W1": [[x]], "b1": [[y]]}`` with gradients
                ``{"dW1": [[df/dx]], "db1": [[df/dy]]}``. A rule that keeps state (a velocity)
                keeps it inside the callable.
        f, grad -- the loss ``f(x, y)`` and its gradient ``grad(x, y) -> (df/dx, df/dy)``
        start -- the starting point ``(x, y)``
        n_steps -- how many steps to take
        noise -- standard deviation of Gaussian noise added to every gradient entry (a stand-in
                 for the noise of mini-batch gradients); 0 gives exact gradients
        seed -- seed of that noise, so a run can be repeated exactly

    Returns:
        (path, losses) -- ``path`` of shape (k + 1, 2) holds the start and the point after each
        of the k steps taken; ``losses`` of shape (k + 1,) holds f there. Normally k = n_steps;
        a run that diverges (the point or its loss leaves the finite numbers) stops early.
    """
    rng = np.random.default_rng(seed)
    parameters = as_parameters(start)
    path = [as_point(parameters)]
    with np.errstate(over="ignore", invalid="ignore"):
        losses = [float(f(*path[0]))]
        for _ in range(n_steps):
            dx, dy = np.asarray(grad(*path[-1]), dtype=float) + noise * rng.standard_normal(2)
            grads = {"dW1": np.array([[dx]]), "db1": np.array([[dy]])}
            parameters = step(parameters, grads)
            point = _point_from_step(parameters)
            path.append(point)
            losses.append(float(f(*point)))
            if not (np.all(np.isfinite(point)) and np.isfinite(losses[-1])):
                break
    return np.array(path), np.array(losses)


def _point_from_step(parameters):
    """Read the new point from what ``step`` returned, explaining the usual slip."""
    if not isinstance(parameters, dict):
        hint = ""
        if isinstance(parameters, tuple):
            hint = (
                " If your update rule returns a tuple such as (parameters, v), unpack it "
                "inside step and return only the parameters."
            )
        raise TypeError(
            "step(parameters, grads) must return the parameters dict, "
            f"not a {type(parameters).__name__}.{hint}"
        )
    return as_point(parameters)


def rastrigin(A=10.0, xlim=(-5.12, 5.12), ylim=(-5.12, 5.12)):
    """The egg-crate f = 2A + (x² − A·cos 2πx) + (y² − A·cos 2πy), minimum 0 at the origin.

    Introduced in 08_beyond_gradients. A bowl x² + y² covered in ripples of height 2A: a local
    minimum sits near every point with integer coordinates, the global one at (0, 0). Gradient
    descent stops in whichever dip it starts in.
    """

    def f(x, y):
        return 2 * A + x**2 - A * np.cos(2 * np.pi * x) + y**2 - A * np.cos(2 * np.pi * y)

    def grad(x, y):
        return (
            2 * x + 2 * np.pi * A * np.sin(2 * np.pi * x),
            2 * y + 2 * np.pi * A * np.sin(2 * np.pi * y),
        )

    return Landscape("Rastrigin", f, grad, (0.0, 0.0), tuple(xlim), tuple(ylim))


def ackley(a=20.0, b=0.2, c=2 * np.pi, xlim=(-5.0, 5.0), ylim=(-5.0, 5.0)):
    """Ackley's function: a nearly flat, rippled plateau around a deep funnel, minimum 0 at 0.

    Introduced in 08_beyond_gradients.
    f = −a·exp(−b·√((x² + y²)/2)) − exp((cos cx + cos cy)/2) + a + e.
    Far from the origin the first term is almost constant and the ripples of the second dominate
    the gradient; at the origin itself f has the tip of a cone, where no gradient exists (``grad``
    returns 0 there, a subgradient).
    """

    def f(x, y):
        r = np.sqrt(0.5 * (x**2 + y**2))
        return -a * np.exp(-b * r) - np.exp(0.5 * (np.cos(c * x) + np.cos(c * y))) + a + np.e

    def grad(x, y):
        r = np.sqrt(0.5 * (x**2 + y**2))
        with np.errstate(divide="ignore", invalid="ignore"):
            cone = np.where(r > 0, a * b * np.exp(-b * r) * 0.5 / r, 0.0)
        ripple = 0.5 * c * np.exp(0.5 * (np.cos(c * x) + np.cos(c * y)))
        return cone * x + ripple * np.sin(c * x), cone * y + ripple * np.sin(c * y)

    return Landscape("Ackley", f, grad, (0.0, 0.0), tuple(xlim), tuple(ylim))


def eggholder(xlim=(-512.0, 512.0), ylim=(-512.0, 512.0)):
    """The Eggholder function: deep, irregular dents everywhere; minimum −959.64 at (512, 404.23).

    Introduced in 08_beyond_gradients.
    f = −(y + 47)·sin √|x/2 + y + 47| − x·sin √|x − (y + 47)|, searched over the square
    [−512, 512]². The best point lies on the edge of that square, in a narrow dent far from the
    middle. Along the two lines where a |·| is zero f has a cusp with no gradient; ``grad``
    returns 0 for that term there.
    """

    def f(x, y):
        u, v = x / 2 + y + 47, x - (y + 47)
        return -(y + 47) * np.sin(np.sqrt(np.abs(u))) - x * np.sin(np.sqrt(np.abs(v)))

    def grad(x, y):
        u, v = x / 2 + y + 47, x - (y + 47)
        du, dv = _sin_sqrt_abs_slope(u), _sin_sqrt_abs_slope(v)
        dx = -(y + 47) * du / 2 - np.sin(np.sqrt(np.abs(v))) - x * dv
        dy = -np.sin(np.sqrt(np.abs(u))) - (y + 47) * du + x * dv
        return dx, dy

    return Landscape("Eggholder", f, grad, (512.0, 404.2318807), tuple(xlim), tuple(ylim))


def _sin_sqrt_abs_slope(u):
    """d/du sin √|u| = cos √|u| · sign(u) / (2√|u|), taken as 0 at the cusp u = 0."""
    root = np.sqrt(np.abs(u))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(root > 0, np.cos(root) * np.sign(u) / (2 * root), 0.0)
