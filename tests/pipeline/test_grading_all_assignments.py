"""Every assignment, end to end with real nbgrader: correct work gets full marks, blank work 0,
and every catalogued mistake loses points and is named in the feedback.

The broken and tampered submissions behave the same in every assignment and are covered on
03_momentum (test_grading_end_to_end.py); here each mistake submission combines the k-th
mistake of every exercise, so a whole assignment is graded in a few submissions.
"""

from html import unescape

import pytest

from autograder import notebooks
from autograder.course import Course
from autograder.feedback import feedback
from autograder.grade import grade
from autograder.grade_id import GradeId
from autograder.sample_class import graded_functions, write_sample_class
from solutions.mistakes import catalog
from tests.pipeline.conftest import scratch_course

ASSIGNMENTS = [a for a in Course().assignments() if a != "03_momentum"]
KINDS = ("correct", "correct-different", "blank", "mistakes-")


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory):
    assignment = request.param
    course = scratch_course(tmp_path_factory.mktemp(assignment))
    write_sample_class(course, assignment, combined_mistakes=True, kinds=KINDS)
    results = {r.student: r for r in grade(course, assignment, jobs=2, progress=False)}
    feedback(course, assignment)
    return assignment, course, results


def test_correct_work_gets_full_marks_and_blank_gets_zero(graded):
    _, _, results = graded
    for student in ("correct", "correct-different"):
        result = results[student]
        assert result.max_score > 0 and result.score == result.max_score, [
            t for t in result.tests if not t.passed
        ]
    assert results["blank"].score == 0


def test_every_catalogued_mistake_loses_points_and_is_named_in_the_feedback(graded):
    assignment, course, results = graded
    functions = graded_functions(notebooks.read(course.source_notebook(assignment)))
    for function in functions:
        mistakes = catalog(function)
        assert len(mistakes) >= 5, function
        for k, mistake in enumerate(mistakes, 1):
            student = f"mistakes-{k:02d}"
            tests = [
                t for t in results[student].tests if GradeId.parse(t.grade_id).function == function
            ]
            assert tests and all(not t.passed for t in tests), (student, function, mistake.key)
            assert f"{function}:{mistake.key}" in results[student].mistakes, (
                student,
                results[student].mistakes,
            )
            html = unescape(
                "".join(
                    p.read_text() for p in (course.feedback / student / assignment).glob("*.html")
                )
            )
            assert mistake.title in html, (student, mistake.key)
