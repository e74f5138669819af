"""`export`: grades as CSV files an LMS can import, scores read from the gradebook."""
import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .course import Course
from .results import load_results


def _reasons(course: Course, assignment: str) -> dict[str, str]:
    return {r.student: "; ".join(r.reasons) for r in load_results(course.results_dir(assignment))}


def gradebook_scores(course: Course, assignments: list[str]) -> dict[str, dict[str, tuple]]:
    """student -> assignment -> (score, max_score), for every submission in the gradebook."""
    table: dict[str, dict[str, tuple]] = {}
    with Gradebook(course.db_url, course.course_id) as gb:
        for assignment in assignments:
            try:
                found = gb.find_assignment(assignment)
            except MissingEntry:
                continue
            for submission in found.submissions:
                table.setdefault(submission.student.id, {})[assignment] = (
                    float(submission.score), float(submission.max_score))
    return table


def export(course: Course = Course(), *, assignments: list[str] | None = None,
           to: Path | None = None) -> tuple[Path, Path]:
    """Write grades.csv (one row per student, one column per assignment, for an LMS) and
    grades_detail.csv (one row per submission, with the reasons). Returns both paths."""
    assignments = assignments or course.assignments()
    out = to or course.reports
    out.mkdir(parents=True, exist_ok=True)
    scores = gradebook_scores(course, assignments)
    wide, detail = out / "grades.csv", out / "grades_detail.csv"
    with wide.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", *assignments, "total", "max_total"])
        for student in sorted(scores):
            row = [scores[student].get(a, (0.0, 0.0)) for a in assignments]
            writer.writerow([student, *[f"{s:g}" for s, _ in row],
                             f"{sum(s for s, _ in row):g}", f"{sum(m for _, m in row):g}"])
    with detail.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "assignment", "score", "max_score", "reasons"])
        for assignment in assignments:
            reasons = _reasons(course, assignment)
            for student in sorted(scores):
                if assignment in scores[student]:
                    score, max_score = scores[student][assignment]
                    writer.writerow([student, assignment, f"{score:g}", f"{max_score:g}",
                                     reasons.get(student, "")])
    return wide, detail
