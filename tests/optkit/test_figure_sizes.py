"""Every figure of the course fits a notebook column at 100%.

JupyterLab's column is about 1000 px wide, 10 inches at the inline backend's 100 dpi: a wider
figure is scaled down, and with it every label, legend and title, to a few pixels. So every
``figsize`` in the source notebooks and in optkit/plots.py must be a literal at most 10 inches
wide (or a parameter whose literal defaults are checked), and no text is set below 8 points.
"""

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(ROOT.glob("source/*/*.ipynb"))
MAX_WIDTH = 10
MIN_FONT_POINTS = 8
# Named sizes relative to the default 10 pt text (matplotlib.font_manager.font_scalings).
TOO_SMALL_NAMES = {"xx-small", "x-small"}


def code_without_magics(source: str) -> str:
    """The cell's source with IPython magics and shell escapes blanked (ast cannot read them);
    blanked, not removed, so line numbers still match the cell."""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )


def _literal_width(node):
    """The width of a ``(w, h)`` tuple whose w is a number literal, else None."""
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        width = node.elts[0]
        if isinstance(width, ast.Constant) and isinstance(width.value, (int, float)):
            return width.value
    return None


def _widths_assigned(function, name):
    """(line, width or None) of every tuple assigned to ``name`` inside ``function``, e.g. the
    fallback of ``figsize = figsize or (10, 4)``."""
    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            tuples = [n for n in ast.walk(node.value) if isinstance(n, ast.Tuple)]
            found += [(t.lineno, _literal_width(t)) for t in tuples] or [(node.lineno, None)]
    return found


def figure_problems(source: str) -> list[str]:
    """What is wrong with the figure sizes and font sizes of ``source``, one line each."""
    tree = ast.parse(source)
    problems = []
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}

    def enclosing_functions(node):
        while node in parents:
            node = parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield node

    def check_width(line, width, what):
        if width is None:
            problems.append(f"line {line}: {what} is not a (number, height) literal")
        elif width > MAX_WIDTH:
            problems.append(f"line {line}: {what} is {width} inches wide (at most {MAX_WIDTH})")

    # A parameter named figsize: its default is the size used when the caller gives none.
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        arguments = function.args
        positional = arguments.posonlyargs + arguments.args
        pairs = list(
            zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults)
        )
        pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d]
        for argument, default in pairs:
            if argument.arg != "figsize":
                continue
            if isinstance(default, ast.Constant) and default.value is None:
                fallbacks = _widths_assigned(function, "figsize")
                if not fallbacks:
                    problems.append(
                        f"line {function.lineno}: {function.name}(figsize=None) "
                        "has no literal fallback size"
                    )
                for line, width in fallbacks:
                    check_width(line, width, f"the fallback figsize of {function.name}")
            else:
                check_width(
                    default.lineno,
                    _literal_width(default),
                    f"the default figsize of {function.name}",
                )

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg == "figsize":
                if isinstance(value, ast.Name) and any(
                    value.id in {a.arg for a in f.args.args + f.args.kwonlyargs}
                    for f in enclosing_functions(node)
                ):
                    continue  # a parameter: its default is checked above
                check_width(node.lineno, _literal_width(value), "figsize")
            elif keyword.arg in ("fontsize", "size") and isinstance(value, ast.Constant):
                small = (
                    value.value in TOO_SMALL_NAMES
                    if isinstance(value.value, str)
                    else isinstance(value.value, (int, float)) and value.value < MIN_FONT_POINTS
                )
                if small:
                    problems.append(
                        f"line {node.lineno}: {keyword.arg}={value.value!r} is "
                        f"smaller than {MIN_FONT_POINTS} points"
                    )
    return problems


def notebook_problems(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    problems = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        where = f"{path.relative_to(ROOT)}, cell {index} (id {cell.get('id')})"
        try:
            found = figure_problems(code_without_magics("".join(cell["source"])))
        except SyntaxError as error:
            found = [f"cannot be parsed: {error}"]
        problems += [f"{where}: {problem}" for problem in found]
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.parent.name)
def test_every_figure_of_the_notebook_fits_a_column(path):
    assert notebook_problems(path) == []


def test_every_figure_of_optkit_plots_fits_a_column():
    assert figure_problems((ROOT / "optkit" / "plots.py").read_text(encoding="utf-8")) == []


def test_the_notebooks_are_found():
    assert len(NOTEBOOKS) == 9


@pytest.mark.parametrize(
    "source, words",
    [
        ("fig, ax = plt.subplots(1, 2, figsize=(15, 4.5))", "15 inches wide"),
        ("size = (8, 3)\nplt.figure(figsize=size)", "not a (number, height) literal"),
        (
            "def show(runs, figsize=(16, 5)):\n    plt.figure(figsize=figsize)",
            "default figsize of show is 16",
        ),
        (
            "def compare(runs, figsize=None):\n    figsize = figsize or (14, 4)\n"
            "    plt.figure(figsize=figsize)",
            "fallback figsize of compare is 14",
        ),
        (
            "def compare(runs, figsize=None):\n    plt.figure(figsize=figsize)",
            "no literal fallback",
        ),
        ("show_race(valley, runs, 'title', figsize=(16, 5))", "16 inches wide"),
        ("ax.legend(fontsize='xx-small')", "smaller than 8 points"),
        ("ax.text(0, 0, '3', fontsize=7)", "smaller than 8 points"),
    ],
)
def test_a_figure_too_wide_or_a_font_too_small_is_named(source, words):
    problems = figure_problems(source)
    assert len(problems) == 1 and words in problems[0], problems


def test_column_sized_figures_pass():
    source = (
        "fig, axes = plt.subplots(2, 2, figsize=(10, 7.5))\n"
        "def race(runs, figsize=(10, 6.8)):\n    return plt.figure(figsize=figsize)\n"
        "def compare(runs, figsize=None):\n    figsize = figsize or (10, 4.2 if 1 else 2)\n"
        "    return plt.figure(figsize=figsize)\n"
        "ax.legend(fontsize='small')\nax.text(0, 0, 'x', fontsize=9)\n"
    )
    assert figure_problems(source) == []


def test_magics_are_blanked_not_parsed():
    cell = "%matplotlib inline\n!ls\nfig = plt.figure(figsize=(12, 3))"
    assert figure_problems(code_without_magics(cell)) == [
        "line 3: figsize is 12 inches wide (at most 10)"
    ]
