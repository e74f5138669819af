"""optkit.plots: every helper draws what it promises, on the axes it is given."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from optkit import landscapes, plots  # noqa: E402

VALLEY = landscapes.quadratic(a=1.0, b=20.0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _run(lr, n=20):
    def step(parameters, grads):
        parameters["W1"] = parameters["W1"] - lr * grads["dW1"]
        parameters["b1"] = parameters["b1"] - lr * grads["db1"]
        return parameters

    return landscapes.run_optimizer(step, VALLEY.f, VALLEY.grad, (-8.0, 1.0), n)


def test_contours_draw_on_the_given_axes_inside_the_landscape_window():
    fig, ax = plt.subplots()
    assert plots.contours(VALLEY, ax=ax) is ax
    assert ax.get_xlim() == VALLEY.xlim and ax.get_ylim() == VALLEY.ylim
    assert ax.get_title() == VALLEY.name and ax.get_xlabel() and ax.get_ylabel()


def test_paths_draw_one_line_per_run_with_its_label_and_style():
    runs = {"slow": _run(0.01)[0], "fast": _run(0.08)[0]}
    ax = plots.paths(VALLEY, runs, title="t", styles={"fast": {"linestyle": "--"}})
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_array_equal(lines["slow"].get_xydata(), runs["slow"])
    assert lines["fast"].get_linestyle() == "--"
    assert {"minimum", "start"} <= set(lines)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["minimum", "slow", "fast", "start"]
    assert plots.paths(VALLEY, runs, legend=False).get_legend() is None


def test_loss_curves_use_a_log_scale_and_let_a_diverging_run_leave_the_top():
    curves = {"converges": np.geomspace(10, 1e-3, 30), "diverges": np.geomspace(10, 1e100, 30)}
    ax = plots.loss_curves(curves)
    assert ax.get_yscale() == "log"
    bottom, top = ax.get_ylim()
    assert top == pytest.approx(1e4) and bottom < 1e-3


def test_compare_gives_paths_and_losses_together_or_one_map_per_run():
    runs = {"a": _run(0.01), "b": _run(0.05), "c": _run(0.09)}
    assert len(plots.compare(VALLEY, runs, title="Figure").axes) == 2
    separate = plots.compare(VALLEY, runs, title="Figure", separate=True)
    assert len(separate.axes) == 4
    assert [ax.get_title() for ax in separate.axes[:3]] == ["a", "b", "c"]
    assert separate.get_suptitle() == "Figure"


def test_decision_boundary_shades_both_classes_and_draws_the_data():
    X = np.array([[-1.0, -0.5, 0.5, 1.0], [0.0, 1.0, -1.0, 0.5]])
    Y = np.array([[0, 0, 1, 1]])
    ax = plots.decision_boundary(lambda points: (points[0:1] > 0).astype(int), X, Y, title="T")
    assert ax.get_title() == "T" and ax.get_xlim() == (-1.5, 1.5)
    scatter = [c for c in ax.collections if c.get_label().startswith("y = ")]
    assert [c.get_label() for c in scatter] == ["y = 0", "y = 1"]
    np.testing.assert_array_equal(scatter[1].get_offsets(), X[:, 2:].T)


def test_the_minimum_is_drawn_above_the_paths_and_the_axes_can_be_named():
    runs = {"slow": _run(0.01)[0]}
    ax = plots.paths(VALLEY, runs, axis_labels=("x", "y"))
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert lines["minimum"].get_zorder() > lines["slow"].get_zorder()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("x", "y")
    assert "W1" in plots.contours(VALLEY).get_xlabel()  # run_optimizer's convention
