"""`grade`: autograde every submission of an assignment with real nbgrader, several at a time.

Each submission is graded by its own `nbgrader autograde` process, under a memory cap and a
wall-clock limit, with a kernel that cannot import files the student put next to the notebook.
Whatever happens to one submission, it ends as a SubmissionResult with a grade row in the
gradebook and, when something went wrong, a reason.
"""
import os
import re
import resource
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from nbgrader.api import Gradebook
from tqdm import tqdm

from optkit.public_checks import DIAGNOSIS_PATTERN

from . import notebooks
from .course import Course, grading_environment
from .integrity import inspect_submission
from .results import SubmissionResult, TestResult, load_results, save_results
from .settings import GradingSettings, load_settings

KERNEL_DEATH = re.compile(r"DeadKernelError|Kernel died|kernel .*(died|restarting)", re.IGNORECASE)


def results_path(course: Course, assignment: str) -> Path:
    return course.reports / assignment / "results.json"


def record_assignment(course: Course, assignment: str) -> None:
    """Store the assignment's cells (hidden tests included) in the gradebook, as nbgrader needs."""
    done = course.run_nbgrader("generate_assignment", assignment, "--force",
                               "--CourseDirectory.release_directory=.nbgrader-release")
    if done.returncode != 0:
        raise RuntimeError(f"cannot record {assignment} in the gradebook:\n{done.stderr[-3000:]}")


def _limits(memory_mb: int):
    def apply() -> None:
        cap = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return apply


def run_autograde(course: Course, assignment: str, student: str,
                  settings: GradingSettings) -> tuple[int, str]:
    """Run `nbgrader autograde` for one student; returns (exit code, log). Kills it at the limit."""
    env = dict(grading_environment(), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
               # The kernel must not import modules from the student's folder (a fake optkit
               # or autograder next to the notebook would otherwise win over the real ones).
               PYTHONSAFEPATH="1")
    command = course.nbgrader_command("autograde", assignment, "--student", student, "--force")
    process = subprocess.Popen(command, cwd=course.root, env=env, text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True,
                               preexec_fn=_limits(settings.memory_limit_mb))
    try:
        log, _ = process.communicate(timeout=settings.submission_timeout)
        return process.returncode, log
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        log, _ = process.communicate()
        return -9, log + f"\nTIMEOUT: grading took over {settings.submission_timeout} s"


def read_grades(course: Course, assignment: str, student: str, *, zero_missing: bool) -> dict:
    """grade_id -> (score, max_score) from the gradebook; optionally turn ungraded cells into 0."""
    with Gradebook(course.db_url, course.course_id) as gb:
        gb.update_or_create_student(student)  # nbgrader never saw a student it could not run
        submission = gb.update_or_create_submission(assignment, student)
        grades = {}
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.auto_score is None and zero_missing:
                    grade.auto_score, grade.needs_manual_grade = 0.0, False
                grades[grade.name] = (float(grade.score or 0.0), float(grade.max_score))
        gb.db.commit()
    return grades


def _first_error_line(cell) -> tuple[str, str]:
    """(what the student sees first, diagnosed mistake key) of a test cell's outputs."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            text = f"{output.get('ename')}: {output.get('evalue', '')}"
            match = DIAGNOSIS_PATTERN.search(text)
            return text.strip().splitlines()[0][:300], match.group(1) if match else ""
    return "", ""


def read_autograded(course: Course, assignment: str, student: str, nb_name: str) -> tuple[dict, list]:
    """Per-test (error, mistake) and notebook-wide reasons from the executed notebook."""
    path = course.autograded / student / assignment / nb_name
    if not path.exists():
        return {}, []
    nb = notebooks.read(path)
    per_test = {notebooks.grade_id(c): _first_error_line(c) for c in nb.cells if notebooks.is_test(c)}
    enames = {o.get("ename") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])}
    reasons = []
    if "CellTimeoutError" in enames:
        reasons.append("a cell ran past the per-cell time limit and was interrupted (infinite loop?)")
    if "MemoryError" in enames:
        reasons.append("the code ran out of memory (the grading memory cap stopped it)")
    if any("Output truncated" in o.get("text", "") for c in nb.cells if c.cell_type == "code"
           for o in c.get("outputs", [])):
        reasons.append("a cell printed too much; its output was cut (see LimitOutput in nbgrader_config.py)")
    return per_test, reasons


def failure_reason(log: str, returncode: int) -> str:
    if "TIMEOUT:" in log:
        return log.strip().splitlines()[-1].replace("TIMEOUT: ", "")
    if KERNEL_DEATH.search(log):
        return "the kernel died while running the notebook (the code crashed or killed its process)"
    errors = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return (errors[0] if errors else f"nbgrader exited with code {returncode}").strip()[:300]


def grade_submission(course: Course, assignment: str, student: str,
                     settings: GradingSettings) -> SubmissionResult:
    """Grade one student's assignment; never raises for anything the submission does."""
    started = time.monotonic()
    release_nb = course.release_notebook(assignment)
    integrity = inspect_submission(course.submitted / student / assignment, release_nb)
    result = SubmissionResult(student, assignment, "graded", reasons=list(integrity.problems))
    per_test = {}
    if integrity.gradable:
        returncode, log = run_autograde(course, assignment, student, settings)
        per_test, reasons = read_autograded(course, assignment, student, release_nb.name)
        result.reasons += reasons
        if returncode != 0 or not per_test:
            result.status = "failed"
            result.reasons.append(failure_reason(log, returncode))
    else:
        result.status = "failed"
    grades = read_grades(course, assignment, student, zero_missing=result.status == "failed")
    for grade_id, (score, max_score) in sorted(grades.items()):
        error, mistake = per_test.get(grade_id, ("", ""))
        if result.status == "failed":
            score, error = 0.0, error or "not run: the submission could not be graded"
        result.tests.append(TestResult(grade_id, score, max_score, error, mistake))
    result.max_score = sum(t.max_score for t in result.tests)
    result.seconds = round(time.monotonic() - started, 2)
    return result


def grade(course: Course = Course(), assignment: str = "", *, students: list[str] | None = None,
          jobs: int | None = None, progress: bool = True) -> list[SubmissionResult]:
    """Autograde the assignment for the given students (default: everyone who submitted)."""
    settings = load_settings(course.root)
    jobs = jobs or settings.jobs
    students = students or course.students(assignment)
    unknown = sorted(set(students) - set(course.students(assignment)))
    if unknown:
        raise ValueError(f"no submission of {assignment} for: {', '.join(unknown)}")
    record_assignment(course, assignment)
    results = []
    with ThreadPoolExecutor(max_workers=jobs) as pool, \
            tqdm(total=len(students), desc=f"grading {assignment}", unit="submission",
                 disable=not progress) as bar:
        futures = [pool.submit(grade_submission, course, assignment, s, settings) for s in students]
        for future in as_completed(futures):
            results.append(future.result())
            bar.update()
    results.sort(key=lambda r: r.student)
    _merge_into_saved(course, assignment, results)
    return results


def _merge_into_saved(course: Course, assignment: str, results: list[SubmissionResult]) -> None:
    """Keep earlier results of students not regraded this time (grade --student S)."""
    path = results_path(course, assignment)
    regraded = {r.student for r in results}
    kept = [r for r in load_results(path) if r.student not in regraded] if path.exists() else []
    save_results(sorted(kept + results, key=lambda r: r.student), path)
