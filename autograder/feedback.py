"""`feedback`: per-student HTML feedback from the autograded notebooks (nbgrader generate_feedback).

The autograded notebooks were built from sanitized outputs and the trusted verdicts; feedback
is withheld (and the reason printed) for a submission whose gradebook no longer agrees with its
grading record, so no student reads a score nobody can account for.
"""

from pathlib import Path

from .audit import audit
from .course import Course
from .results import load_results


def feedback(
    course: Course = Course(), assignment: str = "", *, student: str | None = None, say=print
) -> list[Path]:
    """Write feedback/<student>/<assignment>/*.html and return the files written."""
    course.nbgrader("generate_feedback", assignment, student_id=student, force=True)
    withheld = {}
    for flag in audit(course, assignment, load_results(course.results_dir(assignment))):
        if flag.blocking and (student is None or flag.student == student):
            withheld.setdefault(flag.student, []).append(flag.what)
    for name, reasons in sorted(withheld.items()):
        for path in (course.feedback / name / assignment).glob("*.html"):
            path.unlink()
        say(
            f"feedback withheld for {name}: {'; '.join(reasons)} "
            "(regrade it, or check the gradebook)"
        )
    pattern = f"{student or '*'}/{assignment}/*.html"
    return sorted(course.feedback.glob(pattern))
