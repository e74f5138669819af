"""The graded test cells of an assignment, read from the instructor's notebook (never a student's).

A test cell is one of two calls, and its grade id says which (``GradeId``)::

    optkit.check("initialize_velocity", initialize_velocity)            # test_..._public
    hidden_check("initialize_velocity", initialize_velocity)            # test_..._hidden

At grading, the trusted side knows from this what each cell checks; the cell that runs in the
sandbox is ``recording_source(test)`` instead, and its points come from the verdict.
"""

import ast
from dataclasses import dataclass

from . import notebooks
from .grade_id import GradeId

KINDS = {"check": "public", "hidden_check": "hidden"}


@dataclass(frozen=True)
class TestCell:
    """One autograded test cell: which function it checks, how, and for how many points."""

    __test__ = False  # a name pytest would otherwise collect

    id: GradeId
    expression: str  # the code that names the student's function in the cell
    points: float

    @property
    def grade_id(self) -> str:
        return str(self.id)

    @property
    def function(self) -> str:
        return self.id.function

    @property
    def kind(self) -> str:
        """ "public" or "hidden"."""
        return self.id.kind

    @property
    def recording_source(self) -> str:
        """The line executed in the sandbox in place of the cell."""
        return f'__import__("recorder").record({self.grade_id!r}, {self.expression})'


def parse_test_cell(grade_id: str, source: str, points: float) -> TestCell:
    """The TestCell of an instructor's test cell; ValueError for any other form."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise ValueError(f"test cell {grade_id}: not valid Python ({error.msg})") from None
    calls = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    ]
    others = [
        node for node in tree.body if not isinstance(node, (ast.Expr, ast.Import, ast.ImportFrom))
    ]
    if len(calls) != 1 or others:
        raise ValueError(
            f"test cell {grade_id}: expected exactly one check call, "
            f"optkit.check(name, fn) or hidden_check(name, fn)"
        )
    call = calls[0]
    callee = (
        call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    )
    if (
        callee not in KINDS
        or len(call.args) != 2
        or call.keywords
        or not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))
    ):
        raise ValueError(
            f"test cell {grade_id}: {ast.unparse(call)[:80]} is not "
            'optkit.check("name", fn) or hidden_check("name", fn)'
        )
    function, kind = call.args[0].value, KINDS[callee]
    if not function.isidentifier():
        raise ValueError(f"test cell {grade_id}: {function!r} is not a function's name")
    expected = GradeId(function, kind)
    if grade_id != str(expected):
        raise ValueError(
            f"test cell {grade_id}: a {kind} check of {function} must have the grade id {expected}"
        )
    return TestCell(expected, ast.unparse(call.args[1]), float(points))


def read_test_cells(nb) -> list[TestCell]:
    """Every autograded test cell of an instructor (source or release) notebook, in order."""
    return [
        parse_test_cell(
            notebooks.grade_id(cell), cell.source, notebooks.nbgrader_meta(cell).get("points", 0)
        )
        for cell in nb.cells
        if notebooks.is_test(cell)
    ]
