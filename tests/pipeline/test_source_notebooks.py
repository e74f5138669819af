"""The instructor notebooks are clean and their answers are the reference, function by function."""

import ast
import re

import pytest

from autograder import notebooks
from autograder.course import Course
from autograder.grade_id import GradeId
from optkit.contracts import CONTRACTS
from solutions import home

COURSE = Course()
ASSIGNMENTS = COURSE.assignments()


def _without_docstrings(tree: ast.AST) -> str:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and ast.get_docstring(node) is not None:
            node.body = node.body[1:]
    return ast.dump(tree)


@pytest.fixture(params=ASSIGNMENTS)
def source_nb(request):
    return notebooks.read(COURSE.source_notebook(request.param))


def test_there_is_at_least_one_assignment():
    assert ASSIGNMENTS


def test_committed_source_notebooks_carry_no_outputs(source_nb):
    dirty = [
        i
        for i, c in enumerate(source_nb.cells)
        if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]
    assert not dirty, f"cells {dirty} carry outputs: clear them before committing"


def _reference_node(name: str) -> ast.FunctionDef:
    return next(
        n
        for n in ast.parse(open(home(name).__file__).read()).body
        if isinstance(n, ast.FunctionDef) and n.name == name
    )


def test_every_solution_cell_defines_its_functions_exactly_as_the_reference(source_nb):
    """A graded cell defines its one function; an ungraded cell (earlier work the student
    brings along) defines reference functions only. Either way the code is the reference's."""
    for cell in source_nb.cells:
        if not notebooks.is_solution(cell):
            continue
        name = notebooks.grade_id(cell)
        defs = [
            n
            for n in ast.parse(notebooks.strip_solution_markers(cell.source)).body
            if isinstance(n, ast.FunctionDef)
        ]
        if name in CONTRACTS:
            assert [d.name for d in defs] == [name], (
                f"cell {name} must define exactly def {name}(...)"
            )
        else:
            assert defs and all(d.name in CONTRACTS for d in defs), f"cell {name}"
        for node in defs:
            assert _without_docstrings(node) == _without_docstrings(_reference_node(node.name)), (
                f"the answer of {node.name} in the notebook differs from the reference"
            )


def test_each_exercise_has_a_public_and_a_hidden_test_with_points(source_nb):
    points = notebooks.test_points(source_nb)
    for cell in source_nb.cells:
        if notebooks.is_solution(cell) and notebooks.grade_id(cell) in CONTRACTS:
            name = notebooks.grade_id(cell)
            public, hidden_id = str(GradeId(name, "public")), str(GradeId(name, "hidden"))
            assert points.get(public, 0) > 0
            assert points.get(hidden_id, 0) > 0
            hidden = notebooks.cells_by_id(source_nb)[hidden_id].source
            assert "### BEGIN HIDDEN TESTS" in hidden and f'hidden_check("{name}"' in hidden


def test_the_notebook_states_its_point_total(source_nb):
    total = sum(notebooks.test_points(source_nb).values())
    text = "\n".join(c.source for c in source_nb.cells if c.cell_type == "markdown")
    stated = {float(x) for x in re.findall(r"worth \**(\d+(?:\.\d+)?) points", text)}
    assert stated == {total}, (
        f"the markdown states {stated or 'no'} total, the test cells add up to {total}"
    )
