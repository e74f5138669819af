"""06_training graded with earlier work brought in by optkit.earlier_work, with real nbgrader.

The functions copied into the cell are the student's own code and get full marks. A copy call
left in the cell fails while graded (the sandbox holds only this folder): it costs the public
check of `model` (which runs the student's earlier functions), not the hidden tests (which run
the references), and the cell's output says why.
"""

import shutil

import nbformat
import pytest

from autograder import notebooks
from autograder.grade import grade
from autograder.grade_id import GradeId
from autograder.standalone import solved_release_notebook
from optkit.earlier_work import code
from tests.pipeline.conftest import scratch_course

ASSIGNMENT = "06_training"
EARLIER = (
    "update_parameters_with_gd",
    "random_mini_batches",
    "initialize_velocity",
    "update_parameters_with_momentum",
    "initialize_adam",
    "update_parameters_with_adam",
    "update_lr",
    "schedule_lr_decay",
)
CALL = f"optkit.earlier_work.copy_into_this_cell(*{EARLIER!r})\n"


def _submit(course, student, earlier_work_cell):
    solved = solved_release_notebook(
        course.release / ASSIGNMENT, course.source_notebook(ASSIGNMENT)
    )
    for cell in solved.cells:
        if notebooks.grade_id(cell) == "earlier_work":
            cell.source = earlier_work_cell
    folder = course.submitted / student / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(solved, str(folder / course.release_notebook(ASSIGNMENT).name))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = scratch_course(tmp_path_factory.mktemp("earlier"))
    handed_in = tmp_path_factory.mktemp("student-folders")  # the student's own 01-05, solved
    for assignment in course.assignments()[:5]:
        shutil.copytree(course.release / assignment, handed_in / assignment)
        nbformat.write(
            solved_release_notebook(
                course.release / assignment, course.source_notebook(assignment)
            ),
            str(course.release_notebook(assignment)).replace(str(course.release), str(handed_in)),
        )
    _submit(course, "copied", code(*EARLIER, folder=handed_in))
    _submit(course, "call-left-in", CALL)
    results = {r.student: r for r in grade(course, ASSIGNMENT, jobs=2, progress=False)}
    return course, results


def test_copied_earlier_work_gets_full_marks(graded):
    _, results = graded
    assert results["copied"].score == results["copied"].max_score > 0


def test_a_copy_call_left_in_costs_the_public_check_only_and_says_why(graded):
    course, results = graded
    tests = {t.grade_id: t for t in results["call-left-in"].tests}
    public, hidden = (tests[str(GradeId("model", kind))] for kind in ("public", "hidden"))
    assert not public.passed and hidden.passed
    autograded = notebooks.read(course.autograded_notebook(ASSIGNMENT, "call-left-in"))
    cell = notebooks.cells_by_id(autograded)["earlier_work"]
    shown = "".join(o.get("evalue", "") + o.get("text", "") for o in cell.outputs)
    assert "this cell must hold your functions" in shown
