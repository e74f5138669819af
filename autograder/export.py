"""`export`: grades as CSV files an LMS can import, from the grading records.

A submission's score is its record's, with any hand override from formgrader applied (the
audit reads those from the gradebook); every flag the audit raises is written beside it, so
a grade that cannot be trusted as it stands never leaves silently.
"""

import csv
from pathlib import Path

from .audit import audit, gradebook_rows
from .course import Course
from .results import SubmissionResult, load_results


def exported_score(result: SubmissionResult, grades: dict | None) -> float:
    """The record's score, where formgrader holds no hand-set score for a test cell."""
    grades = grades or {}
    return sum(
        float(grades[t.grade_id][1])
        if grades.get(t.grade_id, (None, None))[1] is not None
        else t.score
        for t in result.tests
    )


def export(
    course: Course = Course(), *, assignments: list[str] | None = None, to: Path | None = None
) -> tuple[Path, Path]:
    """Write grades.csv (one row per student, one column per assignment, for an LMS) and
    grades_detail.csv (one row per submission, with the reasons and flags). Returns both."""
    assignments = assignments or course.assignments()
    out = to or course.reports
    out.mkdir(parents=True, exist_ok=True)
    table, detail_rows = {}, []
    for assignment in assignments:
        results = load_results(course.results_dir(assignment))
        rows = gradebook_rows(course, assignment)
        flags = {}
        for flag in audit(course, assignment, results):
            flags.setdefault(flag.student, []).append(flag.what)
        for result in results:
            score = exported_score(result, rows.get(result.student))
            table.setdefault(result.student, {})[assignment] = (score, result.max_score)
            detail_rows.append(
                [
                    result.student,
                    assignment,
                    f"{score:g}",
                    f"{result.max_score:g}",
                    result.status,
                    "; ".join(result.reasons),
                    "; ".join(flags.get(result.student, [])),
                ]
            )
    wide, detail = out / "grades.csv", out / "grades_detail.csv"
    with wide.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", *assignments, "total", "max_total"])
        for student in sorted(table):
            row = [table[student].get(a, (0.0, 0.0)) for a in assignments]
            writer.writerow(
                [
                    student,
                    *[f"{s:g}" for s, _ in row],
                    f"{sum(s for s, _ in row):g}",
                    f"{sum(m for _, m in row):g}",
                ]
            )
    with detail.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["student_id", "assignment", "score", "max_score", "status", "reasons", "flags"]
        )
        writer.writerows(sorted(detail_rows))
    return wide, detail
