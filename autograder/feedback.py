"""`feedback`: per-student HTML feedback from the autograded notebooks (nbgrader generate_feedback)."""
from pathlib import Path

from .course import Course


def feedback(course: Course = Course(), assignment: str = "", *, student: str | None = None) -> list[Path]:
    """Write feedback/<student>/<assignment>/*.html and return the files written."""
    args = ["generate_feedback", assignment, "--force"]
    if student:
        args += ["--student", student]
    done = course.run_nbgrader(*args)
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader generate_feedback {assignment} failed:\n{done.stderr[-3000:]}")
    pattern = f"{student or '*'}/{assignment}/*.html"
    return sorted(course.feedback.glob(pattern))
