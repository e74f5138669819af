"""audit: reading a real nbgrader gradebook (SQLite) never changes it."""

import hashlib
import shutil
import warnings

import pytest
from nbgrader.api import Gradebook
from sqlalchemy.exc import SAWarning

from autograder.audit import audit, gradebook_rows
from autograder.course import Course, grading_environment

ASSIGNMENT = "01_gradient_descent"
NOTEBOOK = "gradient_descent"
CELLS = {"test_f_public": 2.0, "test_f_hidden": 4.0}


def _fingerprint(course: Course) -> tuple:
    """The gradebook's bytes, its modification time and every file beside it (a journal)."""
    data = course.gradebook.read_bytes()
    return (
        hashlib.sha256(data).hexdigest(),
        course.gradebook.stat().st_mtime_ns,
        sorted(path.name for path in course.root.iterdir()),
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A gradebook written through nbgrader: one assignment, two graded cells, ada's grades
    (one of them overridden by hand). Written once: a new gradebook costs seconds."""
    root = tmp_path_factory.mktemp("written")
    course = Course(root)
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        patch.setenv("PATH", grading_environment()["PATH"])  # nbgrader runs `alembic`
        warnings.simplefilter("ignore", SAWarning)  # nbgrader's, while it adds a submission
        with Gradebook(course.db_url, course.course_id) as gb:
            gb.add_assignment(ASSIGNMENT)
            gb.add_notebook(NOTEBOOK, ASSIGNMENT)
            for cell, points in CELLS.items():
                gb.add_grade_cell(cell, NOTEBOOK, ASSIGNMENT, max_score=points, cell_type="code")
            gb.add_student("ada")
            gb.add_submission(ASSIGNMENT, "ada")
            for cell, points in CELLS.items():
                gb.find_grade(cell, NOTEBOOK, ASSIGNMENT, "ada").auto_score = points
            gb.find_grade("test_f_hidden", NOTEBOOK, ASSIGNMENT, "ada").manual_score = 1.0
            gb.db.commit()
    return course.gradebook


@pytest.fixture
def course(written, tmp_path) -> Course:
    """A course of its own holding a copy of the written gradebook."""
    shutil.copy2(written, tmp_path / written.name)
    return Course(tmp_path)


def test_the_rows_are_the_scores_nbgrader_holds(course):
    assert gradebook_rows(course, ASSIGNMENT) == {
        "ada": {"test_f_public": (2.0, None), "test_f_hidden": (4.0, 1.0)}
    }
    assert gradebook_rows(course, "02_mini_batches") == {}


def test_reading_leaves_the_gradebook_file_unchanged(course):
    before = _fingerprint(course)
    gradebook_rows(course, ASSIGNMENT)
    gradebook_rows(course, "02_mini_batches")  # an assignment it does not hold
    audit(course, ASSIGNMENT, [])  # flags ada: no grading record
    assert _fingerprint(course) == before


def test_a_course_the_gradebook_does_not_know_reads_nothing_and_writes_nothing(course):
    (course.root / "nbgrader_config.py").write_text('c.CourseDirectory.course_id = "another"\n')
    before = _fingerprint(course)
    assert gradebook_rows(course, ASSIGNMENT) == {}
    assert _fingerprint(course) == before


def test_opening_nbgrader_s_gradebook_would_have_written(course):
    """Why the audit reads through its own read-only connection: nbgrader's Gradebook adds the
    course it is opened for (and so the fingerprint above sees a write)."""
    before = _fingerprint(course)
    with Gradebook(course.db_url, "another"):
        pass
    assert _fingerprint(course) != before
