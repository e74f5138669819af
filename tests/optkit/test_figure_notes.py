"""A figure drawn from a student's function says so when that function has not passed its check.

A wrong function draws a wrong picture that looks just as convincing as a right one, so every
figure cell whose data come from a graded function of its notebook ends with
``plots.show(<those functions>)``: under the figure it prints a warning for each of them that has
not passed its public check in this kernel. The first tests find those cells by following names
through the notebook (a helper or a result defined from a graded function carries it along);
the last ones run ``plots.show`` itself.
"""

import ast
import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import optkit  # noqa: E402
from optkit import plots, public_checks  # noqa: E402
from optkit.contracts import CONTRACTS  # noqa: E402
from solutions.gradient_descent import update_parameters_with_gd as reference_gd  # noqa: E402

from .test_figure_sizes import NOTEBOOKS, code_without_magics  # noqa: E402

# Methods that change the object they are called on: `results.append(model(...))` makes
# `results` a product of `model`.
MUTATING = {"append", "extend", "update", "insert", "setdefault", "add"}


def graded_functions(cells) -> set[str]:
    """The notebook's graded functions: a cell whose nbgrader grade_id is a contract name."""
    return {
        cell["metadata"]["nbgrader"]["grade_id"]
        for cell in cells
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") in CONTRACTS
    }


def _loaded(node) -> set[str]:
    """Names whose values ``node`` reads: not those its lambdas and comprehensions bind."""
    loaded = {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    own = set()
    for n in ast.walk(node):
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            own |= {
                m.id for g in n.generators for m in ast.walk(g.target) if isinstance(m, ast.Name)
            }
        elif isinstance(n, ast.Lambda):
            own |= {a.arg for a in n.args.posonlyargs + n.args.args + n.args.kwonlyargs}
    return loaded - own


def _walk_own_scope(node):
    """The nodes of ``node``, without those of the functions, lambdas and comprehensions in it
    (the names they bind are their own)."""
    stack = [node]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(
            child
            for child in ast.iter_child_nodes(node)
            if not isinstance(
                child,
                (
                    ast.FunctionDef,
                    ast.AsyncFunctionDef,
                    ast.Lambda,
                    ast.ListComp,
                    ast.SetComp,
                    ast.DictComp,
                    ast.GeneratorExp,
                ),
            )
        )


def _bound(node) -> set[str]:
    """Names a statement binds: they hold a new value afterwards."""
    return {
        n.id
        for n in _walk_own_scope(node)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


def _changed(node) -> set[str]:
    """Names of objects a statement changes but does not rebind: the base of a subscript or
    attribute target, the object of a mutating method call."""
    names = set()
    for n in _walk_own_scope(node):
        if isinstance(n, (ast.Subscript, ast.Attribute)) and isinstance(n.ctx, ast.Store):
            names |= _base_name(n.value)
        elif (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in MUTATING
        ):
            names |= _base_name(n.func.value)
    return names


def _base_name(node) -> set[str]:
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return {node.id} if isinstance(node, ast.Name) else set()


def _show_calls(statement):
    """(plt.show() calls, plots.show(...) calls) of a simple statement."""
    plt_shows, plots_shows = [], []
    for node in _walk_own_scope(statement):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "show"
            and isinstance(node.func.value, ast.Name)
        ):
            {"plt": plt_shows, "plots": plots_shows}.get(node.func.value.id, []).append(node)
    return plt_shows, plots_shows


class _Cell:
    """Follows, statement by statement, which graded functions each name's value comes from."""

    def __init__(self, graded, made_from):
        self.graded, self.made_from = graded, made_from
        self.uses, self.plt_shows, self.plots_shows = set(), [], []

    def sources(self, names) -> set[str]:
        return set().union(*(self.made_from.get(name, set()) for name in names))

    def bind(self, names, sources):
        for name in names:
            self.made_from[name] = set(sources)

    def run(self, statements):
        for statement in statements:
            self.statement(statement)

    def statement(self, st):
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if st.name not in self.graded:  # the exercise itself stands for itself
                arguments = st.args
                local = {
                    a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs
                } | {
                    n.id
                    for n in ast.walk(st)
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
                }
                local |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a}
                self.made_from[st.name] = self.sources(_loaded(st) - local)
        elif isinstance(st, (ast.For, ast.AsyncFor)):
            sources = self.sources(_loaded(st.iter))
            self.uses |= sources
            self.bind(_bound(st.target), sources)
            for _ in range(2):  # twice: what one pass makes, the next one uses
                self.run(st.body)
            self.run(st.orelse)
        elif isinstance(st, (ast.While, ast.If)):
            self.uses |= self.sources(_loaded(st.test))
            for _ in range(2 if isinstance(st, ast.While) else 1):
                self.run(st.body)
            self.run(st.orelse)
        elif isinstance(st, (ast.With, ast.AsyncWith)):
            for item in st.items:
                sources = self.sources(_loaded(item.context_expr))
                self.uses |= sources
                if item.optional_vars is not None:
                    self.bind(_bound(item.optional_vars), sources)
            self.run(st.body)
        elif isinstance(st, ast.Try):
            self.run(st.body)
            for handler in st.handlers:
                self.run(handler.body)
            self.run(st.orelse)
            self.run(st.finalbody)
        else:
            sources = self.sources(_loaded(st))
            self.uses |= sources
            for name in _bound(st):
                old = self.made_from.get(name, set()) if isinstance(st, ast.AugAssign) else set()
                self.made_from[name] = old | sources
            for name in _changed(st):
                self.made_from[name] = self.made_from.get(name, set()) | sources
            shows = _show_calls(st)
            self.plt_shows += shows[0]
            self.plots_shows += shows[1]


def figure_note_problems(cells) -> list[str]:
    """Each figure cell drawn from graded functions that does not end in plots.show(them)."""
    graded = graded_functions(cells)
    # name -> the graded functions its value was made from, in notebook order.
    made_from = {name: {name} for name in graded}
    problems = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        tracer = _Cell(graded, made_from)
        tracer.run(ast.parse(code_without_magics("".join(cell["source"]))).body)
        uses = tracer.uses
        if not uses or not (tracer.plt_shows or tracer.plots_shows):
            continue
        where = f"cell {index} (id {cell.get('id')})"
        if tracer.plt_shows:
            problems.append(f"{where} draws from {sorted(uses)} but calls plt.show()")
        for call in tracer.plots_shows:
            named = {arg.id for arg in call.args if isinstance(arg, ast.Name)}
            if not uses <= named:
                problems.append(f"{where}: plots.show does not name {sorted(uses - named)}")
    return problems


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.parent.name)
def test_every_figure_drawn_from_a_graded_function_names_it_in_plots_show(path):
    assert figure_note_problems(_cells(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.parent.name)
def test_every_notebook_has_a_figure_drawn_from_its_graded_functions(path):
    # Guards the tracing above: if it lost the thread, no cell would need a note and the
    # previous test would pass for nothing.
    cells = _cells(path)
    noted = [
        cell
        for cell in cells
        if cell["cell_type"] == "code" and "plots.show(" in "".join(cell["source"])
    ]
    assert noted and graded_functions(cells)


def _code_cell(source, grade_id=None):
    metadata = {"nbgrader": {"grade_id": grade_id, "solution": True}} if grade_id else {}
    return {"cell_type": "code", "id": "x", "metadata": metadata, "source": source}


def test_a_figure_from_a_helper_or_a_result_of_a_graded_function_must_name_it():
    cells = [
        _code_cell("def model(X):\n    return X", "model"),
        _code_cell(
            "def train(rate):\n    return model(rate)\n"
            "results = []\nfor rate in (1, 2):\n    results.append(train(rate))"
        ),
        _code_cell("plt.plot(results)\nplt.show()"),
        _code_cell("plt.plot([1, 2])\nplt.show()"),
        _code_cell("plt.plot(train(3))\nplots.show()"),
    ]
    assert figure_note_problems(cells) == [
        "cell 2 (id x) draws from ['model'] but calls plt.show()",
        "cell 4 (id x): plots.show does not name ['model']",
    ]


def test_a_name_assigned_again_no_longer_carries_the_function():
    cells = [
        _code_cell("def model(X):\n    return X", "model"),
        _code_cell("runs = model(1)"),
        _code_cell("runs = [1, 2]\nplt.plot(runs)\nplt.show()"),
    ]
    assert figure_note_problems(cells) == []


@pytest.fixture()
def fresh_kernel(monkeypatch):
    # Each test starts as a kernel in which nothing has passed its check yet.
    monkeypatch.setattr(public_checks, "_PASSED", {})
    yield
    plt.close("all")


NOTE = "⚠ Not passed its check: {}. This figure may be wrong."


def _printed(capsys) -> str:
    # The note is wrapped for an 80-column reader: compare the words, not the line breaks.
    return " ".join(capsys.readouterr().out.split())


def _draw():
    plt.plot(np.arange(3))


def test_no_note_under_a_figure_drawn_from_a_function_that_passed(fresh_kernel, capsys):
    optkit.check("update_parameters_with_gd", reference_gd)
    capsys.readouterr()
    _draw()
    plots.show(reference_gd)
    assert _printed(capsys) == ""


def test_a_note_under_a_figure_drawn_from_a_function_that_failed(fresh_kernel, capsys):
    def update_parameters_with_gd(parameters, grads, learning_rate):
        return parameters  # forgets to step

    with pytest.raises(AssertionError):
        optkit.check("update_parameters_with_gd", update_parameters_with_gd)
    capsys.readouterr()
    _draw()
    plots.show(update_parameters_with_gd)
    assert _printed(capsys) == NOTE.format("update_parameters_with_gd")


def test_a_note_under_a_figure_drawn_from_a_function_redefined_after_it_passed(
    fresh_kernel, capsys
):
    namespace = {}
    definition = (
        "def update_parameters_with_gd(parameters, grads, learning_rate):\n"
        "    for key in parameters:\n"
        "        parameters[key] = parameters[key] - learning_rate * grads['d' + key]\n"
        "    return parameters\n"
    )
    exec(definition, namespace)
    optkit.check("update_parameters_with_gd", namespace["update_parameters_with_gd"])
    exec(definition, namespace)  # the cell run again: a new, unchecked function
    capsys.readouterr()
    _draw()
    plots.show(namespace["update_parameters_with_gd"])
    assert _printed(capsys) == NOTE.format("update_parameters_with_gd")


def test_one_note_names_every_unchecked_function(fresh_kernel, capsys):
    def initialize_velocity(parameters):
        return {}

    def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
        return parameters, v

    _draw()
    plots.show(initialize_velocity, update_parameters_with_momentum)
    assert _printed(capsys) == NOTE.format("initialize_velocity, update_parameters_with_momentum")
