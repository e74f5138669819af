"""Plotting helpers for the notebooks: contour maps, optimizer paths and loss curves.

Introduced in 03_momentum and reused by later notebooks. Every function draws on the axes it is
given (or on a new figure) and returns what it drew on, so cells can add titles or combine panels.
"""
import matplotlib.pyplot as plt
import numpy as np

COLORS = plt.rcParams["axes.prop_cycle"].by_key()["color"]


def contours(landscape, ax=None, levels=15, resolution=300, title=None):
    """Draw the level curves of ``landscape`` over its window and mark its minimum with a star.

    The levels are spaced geometrically above the minimum, so the narrow bottom of a valley gets
    as many lines as its steep walls.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(8, 4))[1]
    x = np.linspace(*landscape.xlim, resolution)
    y = np.linspace(*landscape.ylim, resolution)
    X, Y = np.meshgrid(x, y)
    height = landscape.f(X, Y) - landscape.f(*landscape.minimum)
    top = float(np.max(height))
    ax.contour(X, Y, height, levels=np.geomspace(top * 1e-4, top, levels),
               colors="0.65", linewidths=0.8)
    ax.plot(*landscape.minimum, marker="*", markersize=14, color="black", linestyle="none",
            label="minimum")
    ax.set_xlim(landscape.xlim)
    ax.set_ylim(landscape.ylim)
    ax.set_aspect("equal")
    ax.set_xlabel("x  (the parameter W1)")
    ax.set_ylabel("y  (the parameter b1)")
    ax.set_title(title if title is not None else landscape.name)
    return ax


def paths(landscape, runs, ax=None, title=None, markers=True):
    """Draw each path of ``runs`` (label -> array of points, shape (k, 2)) over the contours.

    A dot marks every iterate when ``markers`` is true; a square marks the start.
    """
    ax = contours(landscape, ax=ax, title=title)
    for (label, path), color in zip(runs.items(), _cycle()):
        path = np.asarray(path)
        ax.plot(path[:, 0], path[:, 1], color=color, linewidth=1.4, label=label,
                marker="o" if markers else None, markersize=2.5)
    if runs:
        start = np.asarray(next(iter(runs.values())))[0]
        ax.plot(*start, marker="s", markersize=8, color="black", linestyle="none", label="start")
    ax.legend(loc="best", fontsize="small")
    return ax


def loss_curves(curves, ax=None, title="Loss along the way", log=True):
    """Plot each curve of ``curves`` (label -> losses per iteration), on a log scale by default.

    On a log scale a method that converges at a constant rate draws a straight line, and the
    steeper the line, the faster the method.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(6, 4))[1]
    for (label, losses), color in zip(curves.items(), _cycle()):
        ax.plot(np.arange(len(losses)), losses, color=color, linewidth=1.6, label=label)
    if log:
        ax.set_yscale("log", nonpositive="mask")
    ax.set_xlabel("iteration")
    ax.set_ylabel("loss f(x, y)" + ("  (log scale)" if log else ""))
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax


def compare(landscape, runs, title=None, markers=True, figsize=(14, 4.2)):
    """Paths on the contour map (left) and loss curves (right) for ``runs``.

    ``runs`` maps a label to ``(path, losses)``, exactly what ``landscapes.run_optimizer``
    returns. Returns the figure.
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize,
                                      gridspec_kw={"width_ratios": [2.2, 1]})
    paths(landscape, {k: path for k, (path, _) in runs.items()}, ax=left, markers=markers,
          title="Paths" if title is None else f"{title}: paths")
    loss_curves({k: losses for k, (_, losses) in runs.items()}, ax=right,
                title="Loss" if title is None else f"{title}: loss")
    fig.tight_layout()
    return fig


def _cycle():
    """Colors for successive curves, repeating after the default cycle runs out."""
    while True:
        yield from COLORS
