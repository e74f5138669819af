"""Plotting helpers for the notebooks: contour maps, optimizer paths and loss curves.

Introduced in 03_momentum and reused by later notebooks. Every function draws on the axes it is
given (or on a new figure) and returns what it drew on, so cells can add titles or combine panels.
"""

import matplotlib.pyplot as plt
import matplotlib.transforms as transforms
import numpy as np

from .messages import fit
from .public_checks import has_passed

COLORS = plt.rcParams["axes.prop_cycle"].by_key()["color"]
# Points driven by landscapes.run_optimizer travel as {"W1": [[x]], "b1": [[y]]}: the default
# axis labels say so. A map whose point is not a network's parameters passes its own.
PARAMETER_AXES = ("x  (the parameter W1)", "y  (the parameter b1)")


def contours(landscape, ax=None, levels=15, resolution=300, title=None, axis_labels=PARAMETER_AXES):
    """Draw the level curves of ``landscape`` over its window and mark its minimum with a star.

    The levels are spaced geometrically above the minimum, so the narrow bottom of a valley gets
    as many lines as its steep walls. The star is drawn above anything drawn later (paths), so
    it is never hidden. ``axis_labels`` names the two axes.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(8, 4))[1]
    x = np.linspace(*landscape.xlim, resolution)
    y = np.linspace(*landscape.ylim, resolution)
    X, Y = np.meshgrid(x, y)
    height = landscape.f(X, Y) - landscape.f(*landscape.minimum)
    top = float(np.max(height))
    ax.contour(
        X, Y, height, levels=np.geomspace(top * 1e-4, top, levels), colors="0.65", linewidths=0.8
    )
    ax.plot(
        *landscape.minimum,
        marker="*",
        markersize=14,
        color="black",
        linestyle="none",
        markeredgecolor="white",
        markeredgewidth=0.8,
        zorder=5,
        label="minimum",
    )
    ax.set_xlim(landscape.xlim)
    ax.set_ylim(landscape.ylim)
    ax.set_aspect("equal")
    ax.set_xlabel(axis_labels[0])
    ax.set_ylabel(axis_labels[1])
    ax.set_title(title if title is not None else landscape.name)
    return ax


def paths(
    landscape,
    runs,
    ax=None,
    title=None,
    markers=True,
    styles=None,
    legend="inside",
    axis_labels=PARAMETER_AXES,
):
    """Draw each path of ``runs`` (label -> array of points, shape (k, 2)) over the contours.

    A dot marks every iterate when ``markers`` is true; a square marks the start. ``styles`` may
    map a label to matplotlib line options (e.g. ``{"linestyle": "--"}``) for that path.
    ``legend`` is ``"inside"`` (where it hides the least), ``"below"`` the map, or False.
    ``axis_labels`` names the two axes (see ``contours``).
    """
    ax = contours(landscape, ax=ax, title=title, axis_labels=axis_labels)
    styles = styles or {}
    for (label, path), color in zip(runs.items(), _cycle()):
        path = np.asarray(path)
        style = dict(color=color, linewidth=1.4, marker="o" if markers else None, markersize=2.5)
        style.update(styles.get(label, {}))
        ax.plot(path[:, 0], path[:, 1], label=label, **style)
    if runs:
        start = np.asarray(next(iter(runs.values())))[0]
        ax.plot(*start, marker="s", markersize=8, color="black", linestyle="none", label="start")
    if legend == "below":
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize="small")
    elif legend:
        ax.legend(loc="best", fontsize="small")
    return ax


def loss_curves(curves, ax=None, title="Loss along the way", log=True):
    """Plot each curve of ``curves`` (label -> losses per iteration), on a log scale by default.

    On a log scale a method that converges at a constant rate draws a straight line, and the
    steeper the line, the faster the method. A diverging curve leaves through the top: the axis
    stops at a thousand times the largest starting loss.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(6, 4))[1]
    first = []
    for (label, losses), color in zip(curves.items(), _cycle()):
        ax.plot(np.arange(len(losses)), losses, color=color, linewidth=1.6, label=label)
        first.append(losses[0])
    if log:
        ax.set_yscale("log", nonpositive="mask")
        # A diverging run would squash every other curve into the bottom: let it leave the top.
        values = np.concatenate([np.asarray(c, dtype=float).ravel() for c in curves.values()])
        values = values[np.isfinite(values) & (values > 0)]
        top = 1e3 * max(first, default=1.0)
        if values.size and values.max() > top and values.min() < top:
            ax.set_ylim(values.min() / 3, top)
    ax.set_xlabel("iteration")
    ax.set_ylabel("loss f(x, y)" + ("  (log scale)" if log else ""))
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")
    return ax


def compare(landscape, runs, title=None, markers=True, separate=False, figsize=None):
    """Paths on the contour map (left) and loss curves (right) for ``runs``, under ``title``.

    ``runs`` maps a label to ``(path, losses)``, exactly what ``landscapes.run_optimizer``
    returns; the legend of the loss panel (under it, unless ``separate``) names the colors of
    both panels. With
    ``separate=True`` every path gets its own map, one under the other, so paths that cross each
    other stay readable. The default size fits a notebook column (10 inches wide). Returns the
    figure.
    """
    rows = len(runs) if separate else 1
    figsize = figsize or (10, 4.2 if rows == 1 else 2.3 * rows + 0.8)
    fig = plt.figure(figsize=figsize)
    grid = fig.add_gridspec(rows, 2, width_ratios=[2.2, 1])
    colors = dict(zip(runs, _cycle()))
    point_runs = {label: path for label, (path, _) in runs.items()}
    if separate:
        for row, (label, path) in enumerate(point_runs.items()):
            paths(
                landscape,
                {label: path},
                ax=fig.add_subplot(grid[row, 0]),
                markers=markers,
                title=label,
                styles={label: {"color": colors[label]}},
                legend=False,
            )
    else:
        paths(
            landscape,
            point_runs,
            ax=fig.add_subplot(grid[0, 0]),
            markers=markers,
            title="paths",
            legend=False,
        )
    loss_ax = loss_curves(
        {label: losses for label, (_, losses) in runs.items()},
        ax=fig.add_subplot(grid[:, 1]),
        title="loss",
    )
    if not separate:
        # Beside a single short map the loss panel is too small to hold long labels without
        # hiding curves: the legend goes under it, below its axis label.
        under = transforms.offset_copy(loss_ax.transAxes, fig=fig, y=-36, units="points")
        loss_ax.legend(
            loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=under, fontsize="small"
        )
    # Once above both panels: repeated over the narrow loss panel it would run off its edge.
    if title is not None:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def decision_boundary(predict, X, Y, ax=None, title=None, resolution=250, margin=0.5):
    """Shade the plane by the class that ``predict`` gives each point; draw the data on top.

    ``predict`` maps points of shape (2, k) to labels 0 or 1 (any shape holding k labels), e.g.
    ``lambda points: network.predict_dec(parameters, points)``; ``X`` of shape (2, m) and ``Y``
    of shape (1, m) are the data. The black line is the decision boundary. Introduced in
    06_training.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(5, 4))[1]
    low, high = X.min(axis=1) - margin, X.max(axis=1) + margin
    grid_x, grid_y = np.meshgrid(
        np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution)
    )
    labels = np.asarray(predict(np.vstack([grid_x.ravel(), grid_y.ravel()]))).reshape(grid_x.shape)
    ax.contourf(grid_x, grid_y, labels, levels=[-0.5, 0.5, 1.5], colors=COLORS[:2], alpha=0.25)
    ax.contour(grid_x, grid_y, labels, levels=[0.5], colors="black", linewidths=1)
    for label, color in zip((0, 1), COLORS):
        points = X[:, np.ravel(Y) == label]
        ax.scatter(
            points[0],
            points[1],
            s=12,
            color=color,
            edgecolors="white",
            linewidths=0.3,
            label=f"y = {label}",
        )
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
    ax.set_aspect("equal")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    if title is not None:
        ax.set_title(title)
    return ax


def _cycle():
    """Colors for successive curves, repeating after the default cycle runs out."""
    while True:
        yield from COLORS


def show(*uses) -> None:
    """Show the figure (``plt.show()``), then, under it, one line naming each function of
    ``uses`` (the student's own graded functions the figure is drawn from) that has not passed
    its check in this kernel: the picture may come from a wrong function."""
    plt.show()
    unchecked = [getattr(fn, "__name__", repr(fn)) for fn in uses if not has_passed(fn)]
    if unchecked:
        print(fit(f"⚠ Not passed its check: {', '.join(unchecked)}. This figure may be wrong."))
