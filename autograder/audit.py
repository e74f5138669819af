"""`audit`: check that the grading records, the gradebook and the autograded notebooks agree.

Reading only (nothing here writes): every submission's record is compared with its grade rows
and its autograded notebook. A flag is raised for a grade row whose automatic score is not the
one grading wrote (changed outside a grading run), a score overridden by hand in formgrader,
a score sitting next to an error output, an autograded notebook changed after grading, a
gradebook submission that no grading run recorded, and a submission graded without a sandbox.
"""

import hashlib
import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Assignment
from sqlalchemy import create_engine, inspect
from sqlalchemy.orm import Session

from . import notebooks
from .course import Course
from .results import SubmissionResult

BLOCKING = ("changed outside", "next to an error", "changed after grading", "no grading record")


@dataclass(frozen=True)
class Flag:
    """Something an instructor must look at before trusting a grade."""

    student: str
    assignment: str
    what: str

    @property
    def blocking(self) -> bool:
        """True when the grade itself is in doubt (a hand override or a warning is not)."""
        return any(words in self.what for words in BLOCKING)


def gradebook_rows(course: Course, assignment: str) -> dict[str, dict[str, tuple]]:
    """student -> grade_id -> (auto_score, manual_score) as the gradebook holds them now.

    Read through a read-only SQLite connection: opening nbgrader's Gradebook would create
    missing tables and this course's row, so a read could change the gradebook it reads."""
    rows: dict[str, dict[str, tuple]] = {}
    if not course.gradebook.exists():
        return rows
    engine = _read_only_engine(course.gradebook)
    try:
        if not inspect(engine).has_table(Assignment.__tablename__):
            return rows
        with Session(engine) as session:
            found = (
                session.query(Assignment)
                .filter_by(name=assignment, course_id=course.course_id)
                .one_or_none()
            )
            for submission in found.submissions if found else ():
                grades = rows.setdefault(submission.student.id, {})
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        grades[grade.name] = (grade.auto_score, grade.manual_score)
    finally:
        engine.dispose()
    return rows


def _read_only_engine(path: Path):
    """An engine whose every connection SQLite itself refuses to let write (``mode=ro``)."""
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, timeout=120))


def audit(course: Course, assignment: str, results: list[SubmissionResult]) -> list[Flag]:
    """Every flag of one assignment, by student."""
    rows = gradebook_rows(course, assignment)
    flags = []
    for result in results:
        flags += _flags_of(course, result, rows.get(result.student))
    recorded = {r.student for r in results}
    flags += [
        Flag(
            student,
            assignment,
            "in the gradebook but no grading record: graded outside "
            "`autograder grade`, or its record was deleted",
        )
        for student in sorted(rows)
        if student not in recorded
    ]
    return sorted(flags, key=lambda f: (f.student, f.what))


def _flags_of(course: Course, result: SubmissionResult, grades: dict | None) -> list[Flag]:
    def flag(what):
        return Flag(result.student, result.assignment, what)

    flags = [] if result.sandboxed else [flag("graded WITHOUT a sandbox (--no-sandbox)")]
    if grades is None:
        return flags + [
            flag(
                "the grading record has no gradebook row: changed outside a grading run (deleted?)"
            )
        ]
    for test in result.tests:
        auto, manual = grades.get(test.grade_id, (None, None))
        if auto is None or abs(float(auto) - test.score) > 1e-9:
            flags.append(
                flag(
                    f"{test.grade_id}: the gradebook's automatic score is {auto}, "
                    f"grading wrote {test.score:g}: changed outside a grading run"
                )
            )
        if manual is not None and abs(float(manual) - test.score) > 1e-9:
            flags.append(
                flag(
                    f"{test.grade_id}: overridden by hand in formgrader: "
                    f"{float(manual):g} (autograder: {test.score:g})"
                )
            )
    return flags + _notebook_flags(course, result, grades)


def _notebook_flags(course: Course, result: SubmissionResult, grades: dict) -> list[Flag]:
    path = course.autograded_notebook(result.assignment, result.student)
    if not path.is_file():
        return [
            Flag(
                result.student,
                result.assignment,
                "the autograded notebook is missing: changed after grading",
            )
        ]
    flags = []
    if hashlib.sha256(path.read_bytes()).hexdigest() != result.autograded_digest:
        flags.append(
            Flag(result.student, result.assignment, "the autograded notebook changed after grading")
        )
    for cell in notebooks.read(path).cells:
        grade_id = notebooks.grade_id(cell)
        if not notebooks.is_test(cell) or grade_id not in grades:
            continue
        auto, manual = grades[grade_id]
        score = manual if manual is not None else auto
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors and score:
            flags.append(
                Flag(
                    result.student,
                    result.assignment,
                    f"{grade_id}: {float(score):g} points next to an error output",
                )
            )
    return flags
