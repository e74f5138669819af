"""GradeId: the one reader and writer of ``test_<function>_<kind>``."""

import pytest

from autograder import notebooks
from autograder.course import Course
from autograder.grade_id import KINDS, GradeId
from optkit.contracts import CONTRACTS


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("function", sorted(CONTRACTS))
def test_every_grade_id_reads_back_as_written(function, kind):
    written = GradeId(function, kind)
    assert str(written) == f"test_{function}_{kind}"
    assert GradeId.parse(str(written)) == written


def test_every_test_cell_of_the_course_is_a_grade_id_written_back_unchanged():
    course = Course()
    for assignment in course.assignments():
        for grade_id in notebooks.test_points(notebooks.read(course.source_notebook(assignment))):
            parsed = GradeId.parse(grade_id)
            assert parsed is not None and str(parsed) == grade_id, (assignment, grade_id)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "initialize_velocity",
        "test_initialize_velocity",
        "test_initialize_velocity_secret",
        "test__public",
        "test_f_public_",
        "x_test_f_public",
    ],
)
def test_anything_else_is_not_a_grade_id(text):
    assert GradeId.parse(text) is None


@pytest.mark.parametrize(
    "function, kind", [("f", "private"), ("two words", "public"), ("", "hidden")]
)
def test_a_grade_id_cannot_be_written_wrong(function, kind):
    with pytest.raises(ValueError):
        GradeId(function, kind)
