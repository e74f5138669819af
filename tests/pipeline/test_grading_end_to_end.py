"""End to end with real nbgrader, real kernels and a real SQLite gradebook, on a sample class."""

import csv
import re
from html import unescape

import pytest
from nbgrader.api import Gradebook

from autograder import notebooks
from autograder.export import export
from autograder.feedback import feedback
from autograder.grade import grade
from autograder.grade_id import GradeId
from autograder.report import report
from autograder.sample_class import write_sample_class
from solutions.mistakes import catalog
from tests.pipeline.conftest import scratch_course

ASSIGNMENT = "03_momentum"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = scratch_course(tmp_path_factory.mktemp("course"), figures=True)
    # the infinite loop holds a job slot until the cell's time limit: 10 s, not the course's 30
    config = course.config_file
    config.write_text(config.read_text() + "\nc.Execute.timeout = 10  # shorter, for the test\n")
    samples = write_sample_class(course, ASSIGNMENT)
    results = {r.student: r for r in grade(course, ASSIGNMENT, jobs=2, progress=False)}
    feedback(course, ASSIGNMENT)
    return course, samples, results


def _feedback_html(course, student):
    return unescape(
        "\n".join(p.read_text() for p in (course.feedback / student / ASSIGNMENT).glob("*.html"))
    )


def test_every_submission_gets_a_result_and_a_gradebook_row(graded):
    course, samples, results = graded
    assert sorted(results) == sorted(s.student for s in samples)
    with Gradebook(course.db_url, course.course_id) as gb:
        rows = {s.student.id for s in gb.find_assignment(ASSIGNMENT).submissions}
    assert rows == set(results)


def test_correct_work_gets_full_marks_and_blank_gets_zero(graded):
    _, _, results = graded
    for student in ("correct", "correct-different"):
        assert results[student].score == results[student].max_score > 0, results[student].tests
        assert results[student].reasons == [] and results[student].status == "graded"
    assert results["blank"].score == 0


def test_every_catalogued_mistake_loses_points_and_is_named_in_the_feedback(graded):
    course, _, results = graded
    functions = {GradeId.parse(t.grade_id).function for t in results["correct"].tests}
    checked = 0
    for function in functions:
        for mistake in catalog(function):
            student = f"mistake-{function}-{mistake.key}".replace("_", "-")
            result = results[student]
            assert result.score < result.max_score, student
            assert f"{function}:{mistake.key}" in result.mistakes, (student, result.tests)
            assert mistake.title in _feedback_html(course, student), student
            checked += 1
    assert checked >= 12


def test_broken_submissions_get_a_row_and_a_reason_without_stopping_others(graded):
    _, _, results = graded
    expectations = {
        "broken-unreadable": "cannot be read",
        "broken-infinite-loop": "time limit",
        "broken-kernel-killer": "kernel died",
        "broken-memory-hog": "ran out of memory",
        "broken-huge-output": "output was cut",
        "tampered-edited-test": "was edited",
        "tampered-deleted-test": "was deleted",
    }
    for student, reason in expectations.items():
        assert any(reason in r for r in results[student].reasons), (
            student,
            results[student].reasons,
        )
    assert (
        results["broken-unreadable"].score == 0 and results["broken-unreadable"].status == "failed"
    )


def test_no_test_that_did_not_run_or_was_tampered_with_counts_as_passed(graded):
    _, _, results = graded
    for student in ("tampered-edited-test", "tampered-deleted-test"):
        tests = {t.grade_id: t for t in results[student].tests}
        tampered = [g for g in tests if "update_parameters_with_momentum" in g]
        assert tampered and all(tests[g].score == 0 for g in tampered), tests
        assert results[student].score > 0  # the untouched exercise still counts
    assert all(t.score == 0 and t.error for t in results["broken-unreadable"].tests)
    # the kernel dying in the last exercise's cell keeps the points earned before it
    for student in ("broken-infinite-loop", "broken-memory-hog", "broken-kernel-killer"):
        tests = {t.grade_id: t for t in results[student].tests}
        assert all(t.score == 0 for g, t in tests.items() if "update_parameters_with_momentum" in g)
        assert results[student].score > 0  # the cell before the broken one still counts


def test_the_feedback_shows_the_figures_the_students_own_code_drew(graded):
    course, _, _ = graded
    for student in ("correct", "correct-different"):
        page = "\n".join(
            p.read_text() for p in (course.feedback / student / ASSIGNMENT).glob("*.html")
        )
        shown = re.findall(r'<img\b[^>]*\bsrc="data:image/png;base64,', page)
        nb = notebooks.read(course.autograded_notebook(ASSIGNMENT, student))
        drawn = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if "image/png" in o.get("data", {})
        ]
        assert len(shown) == len(drawn) >= 3, student


def test_figures_drawn_from_a_function_that_fails_its_check_say_so_in_the_feedback(graded):
    """The sandbox runs the public check quietly where the check cell stood, so a figure drawn
    from a broken function carries the same note as in the student's own run; correct work
    gets none."""
    course, _, _ = graded
    note = "⚠ Not passed its check: update_parameters_with_momentum."
    broken = _feedback_html(course, "mistake-update-parameters-with-momentum-no-dampening")
    assert broken.count(note) >= 3  # under each momentum figure
    for student in ("correct", "correct-different"):
        assert "Not passed its check" not in _feedback_html(course, student), student


def test_export_and_report_cover_the_class(graded):
    course, _, results = graded
    wide, detail = export(course, assignments=[ASSIGNMENT])
    rows = list(csv.DictReader(wide.open()))
    assert {r["student_id"] for r in rows} == set(results)
    assert {r["student_id"]: float(r[ASSIGNMENT]) for r in rows} == {
        s: r.score for s, r in results.items()
    }
    reasons = {r["student_id"]: r["reasons"] for r in csv.DictReader(detail.open())}
    assert "cannot be read" in reasons["broken-unreadable"]
    html = report(course, assignments=[ASSIGNMENT]).read_text()
    assert "update_parameters_with_momentum" in html and "broken-kernel-killer" in html
    assert (course.reports / "grade_histogram.png").stat().st_size > 1000


def test_parallel_grading_gives_the_same_grades_as_serial(graded, tmp_path):
    course, _, results = graded
    students = [
        "correct",
        "blank",
        "broken-kernel-killer",
        "tampered-deleted-test",
        next(s for s in results if s.startswith("mistake-")),
    ]
    serial_course = scratch_course(tmp_path)  # (and without figures: same grades)
    write_sample_class(serial_course, ASSIGNMENT)
    serial = grade(serial_course, ASSIGNMENT, students=students, jobs=1, progress=False)
    assert {r.student: (r.score, r.mistakes, r.status) for r in serial} == {
        s: (results[s].score, results[s].mistakes, results[s].status) for s in students
    }
