"""optkit.earlier_work: a student's own functions, copied from their earlier notebooks, or a clear
error."""

import shutil

import nbformat
import pytest

import optkit
from autograder.course import Course
from autograder.standalone import solved_release_notebook
from optkit.earlier_work import EarlierWorkError, code, copy_into_this_cell, gather

COURSE = Course()
GD = "update_parameters_with_gd"


def _folder(tmp_path, assignment, *, solved):
    """The release folder of ``assignment`` in tmp_path, its notebook solved or as handed out."""
    shutil.copytree(COURSE.release / assignment, tmp_path / assignment)
    if solved:
        nb = solved_release_notebook(
            COURSE.release / assignment, COURSE.source_notebook(assignment)
        )
        nbformat.write(nb, str(tmp_path / assignment / COURSE.source_notebook(assignment).name))


def test_the_functions_are_copied_from_the_students_notebooks_and_pass_their_checks(tmp_path):
    for assignment in ("01_gradient_descent", "03_momentum"):
        _folder(tmp_path, assignment, solved=True)
    text, sources = gather([GD, "initialize_velocity", "update_parameters_with_momentum"], tmp_path)
    assert [s.split("/")[-2] for s in sources] == ["01_gradient_descent", "03_momentum"]
    assert "NotImplementedError" not in text and "def initialize_velocity(" in text
    namespace = {"np": __import__("numpy")}
    exec(text, namespace)
    for name in (GD, "initialize_velocity", "update_parameters_with_momentum"):
        optkit.check(name, namespace[name])


def test_the_call_defines_them_where_it_runs_and_prints_the_code_outside_jupyter(tmp_path, capsys):
    _folder(tmp_path, "01_gradient_descent", solved=True)
    copy_into_this_cell(GD, folder=tmp_path)
    assert callable(globals().pop(GD))
    assert f"def {GD}(" in capsys.readouterr().out


def test_an_unfinished_function_and_a_missing_notebook_are_each_named(tmp_path):
    _folder(tmp_path, "01_gradient_descent", solved=False)
    with pytest.raises(EarlierWorkError) as error:
        code(GD, "initialize_velocity", folder=tmp_path)
    message = str(error.value)
    assert f"{GD}: it still raises NotImplementedError" in message
    assert "initialize_velocity: found no notebook in" in message and "03_momentum" in message


def test_while_graded_the_error_says_the_cell_must_hold_the_functions(tmp_path, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(EarlierWorkError, match="this cell must hold your functions"):
        code(GD, folder=tmp_path)


def test_the_last_definition_counts_and_a_cell_that_does_not_parse_is_skipped(tmp_path):
    folder = tmp_path / "01_gradient_descent"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            f"def {GD}(parameters, grads, learning_rate):\n    raise NotImplementedError()"
        ),
        nbformat.v4.new_code_cell("%timeit 1 +"),
        nbformat.v4.new_code_cell(
            f"@staticmethod\ndef {GD}(parameters, grads, learning_rate):"
            "\n    return parameters\nprint('after')"
        ),
    ]
    nbformat.write(nb, str(folder / "mine.ipynb"))
    assert code(GD, folder=tmp_path).endswith(
        f"@staticmethod\ndef {GD}(parameters, grads, learning_rate):\n    return parameters\n"
    )


def test_in_jupyter_the_cell_text_is_replaced_by_the_code(tmp_path, monkeypatch, capsys):
    _folder(tmp_path, "01_gradient_descent", solved=True)
    replaced = []

    class Shell:
        def set_next_input(self, text, replace=False):
            replaced.append((text, replace))

    monkeypatch.setitem(
        __import__("sys").modules,
        "IPython",
        type("IPython", (), {"get_ipython": staticmethod(Shell)}),
    )
    copy_into_this_cell(GD, folder=tmp_path)
    globals().pop(GD)
    ((text, replace),) = replaced
    assert replace and text.startswith("# Copied from your earlier notebooks")
    assert text.endswith(code(GD, folder=tmp_path))
    assert "now holds their code" in capsys.readouterr().out
