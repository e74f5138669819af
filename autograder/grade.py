"""`grade`: autograde every submission of an assignment; the code runs in a sandbox, the grade is
decided outside it.

For each submission, in order: inspect the file (`integrity`), sanitize it with nbgrader's own
steps and replace its test cells by recording lines (`prepare`), execute it in a bubblewrap
sandbox that sees neither the course nor the other students (`sandbox`), decide every test
cell's points from what it recorded, with the references, on this side (`verdict`), build the
autograded notebook and write the grades through nbgrader (`autograded`), then write the
submission's record atomically (`results`). Several submissions run at once; whatever one of
them does, it ends as a SubmissionResult with a grade row, and a reason when something went
wrong. A run that is killed keeps every record it wrote, and a rerun grades only what is
missing (a submission without a record, or changed since), unless ``force``.
"""

import datetime
import hashlib
import os
import shutil
import sys
import tempfile
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from sqlalchemy.exc import SAWarning
from tqdm import tqdm

from . import notebooks
from .autograded import assemble, placeholder, safe_outputs, save_grades
from .cluster import ClusterExecution, ClusterLost
from .course import REPO_ROOT, Course
from .execution import LocalExecution
from .integrity import inspect_submission
from .prepare import execution_copy, nbgrader_resources, sanitize, write_cases, write_job
from .results import (
    FAILED,
    GRADED,
    SubmissionResult,
    TestResult,
    load_result,
    load_results,
    save_result,
)
from .sandbox import Sandbox, SandboxLimits, SandboxRun, private_paths
from .settings import GradingSettings, cell_timeout, load_config, load_settings
from .test_cells import TestCell, read_test_cells
from .verdict import Judge, Verdict

MAX_RECORD_LINE = 32 * 2**20
INTERNAL_ERROR = "internal grading error"  # such a record is graded again by the next run
UNSANDBOXED = (
    "graded WITHOUT a sandbox (--no-sandbox): the submission's code ran unisolated "
    "on the grading machine"
)


def record_assignment(course: Course, assignment: str) -> None:
    """Store the assignment's cells (hidden tests included) in the gradebook, as nbgrader needs."""
    course.nbgrader(
        "generate_assignment",
        assignment,
        force=True,
        create=True,
        settings={"CourseDirectory": {"release_directory": ".nbgrader-release"}},
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


@dataclass
class GradingRun:
    """Everything one `grade` call shares between its submissions."""

    course: Course
    assignment: str
    settings: GradingSettings
    config: object
    sandbox: Sandbox
    scratch: Path
    tests: list[TestCell] = field(default_factory=list)
    gradebook_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.source_nb_path = self.course.source_notebook(self.assignment)
        self.source_digest = sha256(self.source_nb_path)
        self.release_nb = notebooks.read(self.course.release_notebook(self.assignment))
        self.tests = read_test_cells(notebooks.read(self.source_nb_path))
        self.judge = Judge(self.tests)
        self.oracle_names = self.judge.oracle_names()
        self.release = _readable_copy(
            self.course.release / self.assignment, self.scratch / "release"
        )
        self.cases = write_cases(self.scratch / "cases", self.judge, self.tests)
        self.cell_timeout = cell_timeout(self.config)
        self.execution = None  # LocalExecution or cluster.ClusterExecution
        self.lost = None  # why the run had to stop (the cluster went away)


class GradingStopped(RuntimeError):
    """The run could not go on (the cluster went away); every finished record is kept."""


def grade(
    course: Course = Course(),
    assignment: str = "",
    *,
    students: list[str] | None = None,
    jobs: int | None = None,
    progress: bool = True,
    force: bool = False,
    sandbox: bool | None = None,
    scheduler: str | None = None,
    say=None,
) -> list[SubmissionResult]:
    """Autograde the assignment for the given students (default: everyone who submitted).

    Runs the sandboxes on this machine, or on the Dask cluster of ``scheduler`` (an address
    like ``tcp://host:8786``; default ``c.GradingSettings.scheduler``). Returns the records of
    all of them, those graded earlier and kept included. Raises SandboxUnavailable (with what
    to do) when no sandbox can start and ``sandbox`` is not False, ClusterUnavailable when the
    cluster cannot be used, and GradingStopped when it goes away mid-run.
    """
    config = load_config(course.root)
    settings = load_settings(course.root, config)
    isolated = settings.sandbox if sandbox is None else sandbox
    scheduler = settings.scheduler if scheduler is None else scheduler
    students = students or course.students(assignment)
    unknown = sorted(set(students) - set(course.students(assignment)))
    if unknown:
        raise ValueError(f"no submission of {assignment} for: {', '.join(unknown)}")
    box = Sandbox(limits(settings), isolated=isolated, hidden=trusted_paths(course))
    if not scheduler:
        box.probe()
    record_assignment(course, assignment)
    with tempfile.TemporaryDirectory(prefix="grading-") as scratch:
        os.chmod(scratch, 0o755)
        run = GradingRun(course, assignment, settings, config, box, Path(scratch))
        say = say or (lambda text: tqdm.write(text, file=sys.stderr))
        run.execution = execution(run, scheduler, say)
        try:
            todo = [s for s in students if force or not _up_to_date(run, s)]
            # on a cluster, more in flight than threads: workers that join get work at once
            jobs = jobs or (max(2 * run.execution.threads, 4) if scheduler else settings.jobs)
            with (
                ThreadPoolExecutor(max_workers=max(1, jobs)) as pool,
                tqdm(
                    total=len(todo),
                    desc=f"grading {assignment}",
                    unit="submission",
                    disable=not progress,
                ) as bar,
            ):
                futures = [pool.submit(_grade_and_record, run, s) for s in todo]
                for future in as_completed(futures):
                    if future.result():
                        bar.update()
        finally:
            run.execution.close()
    if run.lost is not None:
        graded = sum(1 for s in todo if _up_to_date(run, s))
        raise GradingStopped(
            f"{run.lost}\n{graded} of {len(todo)} submissions were graded in this run and their "
            f"results are kept; {len(todo) - graded} were not. Run the same command again "
            "(with the cluster back, or without --scheduler to grade on this machine): it "
            "grades only what is missing."
        )
    kept = {r.student: r for r in load_results(course.results_dir(assignment))}
    return [kept[s] for s in sorted(students) if s in kept]


def execution(run: "GradingRun", scheduler: str, say):
    """Where the sandboxed runs happen: this machine, or the Dask cluster at ``scheduler``."""
    if not scheduler:
        return LocalExecution(run.sandbox, run.release, run.cases, run.oracle_names)
    return ClusterExecution(
        scheduler,
        run.sandbox,
        run.release,
        run.cases,
        run.oracle_names,
        say=say,
        connect_timeout=run.settings.cluster_timeout,
        worker_wait=run.settings.cluster_timeout,
    )


def limits(settings: GradingSettings) -> SandboxLimits:
    return SandboxLimits(
        memory_mb=settings.memory_limit_mb,
        processes=settings.max_processes,
        cpu_seconds=settings.submission_timeout,
        wall_seconds=settings.submission_timeout,
        file_size_mb=settings.max_file_mb,
        disk_mb=settings.disk_mb,
        result_mb=2 * settings.max_output_mb + 8,
        cores=settings.cpu_cores,
    )


def trusted_paths(course: Course) -> tuple[Path, ...]:
    """Folders that must never show inside a sandbox, even under a mounted Python tree."""
    return tuple(sorted({course.root.resolve(), REPO_ROOT, *private_paths()}))


def _readable_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for path in (target, *target.rglob("*")):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    return target


def _up_to_date(run: GradingRun, student: str) -> bool:
    """A record exists for exactly this submission, graded on the current instructor notebook."""
    try:
        kept = load_result(run.course.result_path(run.assignment, student))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    submitted = run.course.submitted / student / run.assignment / run.source_nb_path.name
    return (
        kept.submission_digest == sha256(submitted)
        and kept.source_digest == run.source_digest
        and kept.sandboxed == run.sandbox.isolated
        and not any(reason.startswith(INTERNAL_ERROR) for reason in kept.reasons)
    )


def _grade_and_record(run: GradingRun, student: str) -> bool:
    """Grade one submission and write its record; False when the run stopped before it."""
    if run.lost is not None:
        return False
    try:
        result = grade_submission(run, student)
    except ClusterLost as error:  # not the submission's doing: no record, a rerun grades it
        run.lost = run.lost or error
        return False
    except Exception as error:  # a bug of ours must not cost the rest of the class
        result = _internal_error(run, student, error)
    save_result(result, run.course.result_path(run.assignment, student))
    return True


def _internal_error(run: GradingRun, student: str, error: Exception) -> SubmissionResult:
    """A failed result (no points, the error named) when grading itself broke down."""
    why = f"{INTERNAL_ERROR} ({type(error).__name__}: {str(error)[:200]}); regrade it"
    verdicts = {t.grade_id: run.judge.verdict(t, None, f" ({why})") for t in run.tests}
    try:
        resources = nbgrader_resources(run.course, run.assignment, student, run.source_nb_path.stem)
        resources["verdicts"] = verdicts
        nb = placeholder(run.release_nb, [why], verdicts)
        _write_notebook(nb, run.course.autograded_notebook(run.assignment, student))
        with run.gradebook_lock:
            save_grades(nb, resources, run.config)
    except Exception:
        pass
    return SubmissionResult(
        student,
        run.assignment,
        FAILED,
        [_test_result(v) for v in verdicts.values()],
        [why],
        sandboxed=run.sandbox.isolated,
        source_digest=run.source_digest,
    )


# --------------------------------------------------------------------------- one submission


def grade_submission(run: GradingRun, student: str) -> SubmissionResult:
    """Grade one student's assignment; never raises for anything the submission does."""
    started = time.monotonic()
    course, assignment = run.course, run.assignment
    submitted = course.submitted / student / assignment / run.source_nb_path.name
    integrity = inspect_submission(submitted.parent, course.release_notebook(assignment))
    result = SubmissionResult(
        student,
        assignment,
        GRADED,
        reasons=list(integrity.problems),
        sandboxed=run.sandbox.isolated,
        submission_digest=sha256(submitted),
        source_digest=run.source_digest,
    )
    resources = nbgrader_resources(course, assignment, student, run.source_nb_path.stem)
    with run.gradebook_lock:
        _create_submission(run, student)
    graded_nb, verdicts = None, {}
    if integrity.gradable:
        try:
            nb = sanitize(notebooks.read(submitted), resources, run.config, run.release_nb)
        except Exception as error:  # nbgrader could not repair the metadata
            result.reasons.append(f"nbgrader cannot grade this notebook: {error}"[:300])
        else:
            graded_nb, verdicts, sandbox_run = _run_and_judge(run, student, nb, result)
            result.peak_memory_mb = sandbox_run.peak_memory_mb
    if graded_nb is None:
        result.status = FAILED
        why = "; ".join(result.reasons) or "the submission could not be graded"
        verdicts = {t.grade_id: run.judge.verdict(t, None, f" (not run: {why})") for t in run.tests}
        graded_nb = placeholder(run.release_nb, result.reasons or [why], verdicts)
    if not run.sandbox.isolated:
        result.reasons.append(UNSANDBOXED)
    resources["verdicts"] = verdicts
    path = course.autograded_notebook(assignment, student)
    _write_notebook(graded_nb, path)
    with run.gradebook_lock:
        save_grades(graded_nb, resources, run.config)
    result.autograded_digest = sha256(path)
    result.tests = [_test_result(verdicts[t.grade_id]) for t in run.tests]
    result.graded_at = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    result.seconds = round(time.monotonic() - started, 2)
    return result


def _run_and_judge(run: GradingRun, student: str, nb, result: SubmissionResult):
    """Execute the sanitized notebook in the sandbox; (autograded notebook or None, verdicts)."""
    job = write_job(
        run.scratch / "jobs" / _slug(student),
        execution_copy(nb, run.tests),
        notebook_name=run.source_nb_path.name,
        workdir=run.assignment,
        cell_timeout=run.cell_timeout,
        settings=run.settings,
    )
    try:
        sandbox_run = run.execution.execute(job, _slug(student))
    finally:
        shutil.rmtree(job, ignore_errors=True)
    payload = sandbox_run.result or {}
    events, cells = payload.get("events") or {}, payload.get("cells")
    result.reasons += run_reasons(sandbox_run, events, payload.get("finished", True))
    records = parse_records(payload.get("records"), {t.grade_id for t in run.tests})
    cell_index = {notebooks.grade_id(c): i for i, c in enumerate(nb.cells)}
    verdicts = {
        t.grade_id: run.judge.verdict(
            t,
            records.get(t.grade_id),
            _why_missing(cell_index.get(t.grade_id), sandbox_run, events, cells),
        )
        for t in run.tests
    }
    if not isinstance(cells, list):  # the notebook never started
        return None, verdicts, sandbox_run
    graded_nb = assemble(nb, cells, verdicts, run.release_nb, run.config)
    result.reasons += [
        reason
        for reason in output_reasons(graded_nb)
        if not (events.get("output_cut") and "printed too much" in reason)
    ]
    return graded_nb, verdicts, sandbox_run


def _create_submission(run: GradingRun, student: str) -> None:
    """The gradebook's submission row, with nbgrader's timestamp of the collected files."""
    from nbgrader.api import Gradebook
    from nbgrader.coursedir import CourseDirectory

    folder = run.course.submitted / student / run.assignment
    coursedir = CourseDirectory(config=run.config, root=str(run.course.root))
    timestamp = coursedir.get_existing_timestamp(str(folder)) if folder.is_dir() else None
    with Gradebook(run.course.db_url, run.course.course_id) as gb, warnings.catch_warnings():
        # nbgrader's API warns while it creates a new submission's rows; they are created
        warnings.simplefilter("ignore", SAWarning)
        gb.update_or_create_student(student)
        if timestamp:
            gb.update_or_create_submission(run.assignment, student, timestamp=timestamp)
        else:
            gb.update_or_create_submission(run.assignment, student)


def parse_records(text, grade_ids: set[str]) -> dict[str, dict]:
    """grade_id -> the last record the sandbox wrote for it (malformed lines are skipped)."""
    import json

    records = {}
    for line in (text if isinstance(text, str) else "").splitlines():
        if len(line) > MAX_RECORD_LINE:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict) and record.get("grade_id") in grade_ids:
            records[record["grade_id"]] = record
    return records


def run_reasons(sandbox_run: SandboxRun, events: dict, finished: bool = True) -> list[str]:
    """What went wrong in the run, in words (the student and the instructor read these)."""
    reasons = []
    if sandbox_run.stopped:
        reasons.append(f"the run was stopped because {sandbox_run.stopped}")
    elif sandbox_run.problem:
        reasons.append(sandbox_run.problem)
    elif not finished and not events.get("runner_error"):
        reasons.append("the run ended before the notebook finished")
    if sandbox_run.throttled and not sandbox_run.stopped:
        reasons.append(
            "it kept more than one CPU core busy, so its processes were slowed down "
            "(a submission gets one core)"
        )
    if events.get("timeouts"):
        reasons.append(
            f"a cell ran past the per-cell time limit and was interrupted "
            f"(infinite loop?): cell {_cells(events['timeouts'])}"
        )
    if isinstance(events.get("kernel_killed"), int):
        reasons.append(
            f"the kernel ignored the interrupt at the time limit in cell "
            f"{events['kernel_killed'] + 1} and was stopped; the checks after it did "
            "not run"
        )
    elif isinstance(events.get("kernel_died"), int):
        reasons.append(
            f"the kernel died while running the notebook, in cell "
            f"{events['kernel_died'] + 1} (the code crashed or ended its own "
            "process); the checks after it did not run"
        )
    if events.get("output_cut"):
        reasons.append(
            f"a cell printed too much; its output was cut (cell {_cells(events['output_cut'])})"
        )
    if events.get("runner_error"):
        reasons.append(f"the grading run failed: {str(events['runner_error'])[:200]}")
    return reasons


# An error any cell printed -> what a cap of the sandbox stopped (the student reads it too).
CAP_ERRORS = {
    "Resource temporarily unavailable": "the code started more processes or threads than the "
    "cap allows (GradingSettings.max_processes)",
    "No space left on device": "the code filled its disk space (GradingSettings.disk_mb)",
    "File too large": "the code wrote a file larger than the cap (GradingSettings.max_file_mb)",
}


def output_reasons(graded_nb) -> list[str]:
    """Reasons read off the autograded notebook (built from sanitized outputs)."""
    reasons = []
    outputs = [o for c in graded_nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    if any(o.get("ename") == "MemoryError" for o in outputs):
        reasons.append("the code ran out of memory (the grading memory cap stopped it)")
    text = "\n".join(o.get("evalue", "") + o.get("text", "") for o in outputs)
    reasons += [reason for error, reason in CAP_ERRORS.items() if error in text]
    if any("Output truncated" in o.get("text", "") for o in outputs):
        reasons.append(
            "a cell printed too much; its output was cut (see LimitOutput in nbgrader_config.py)"
        )
    return reasons


def _why_missing(index, sandbox_run: SandboxRun, events: dict, cells) -> str:
    died = events.get("kernel_died")
    if index is not None and index in (events.get("timeouts") or []):
        return " (it ran past the per-cell time limit)"
    if isinstance(died, int) and index is not None and died <= index:
        return f" (the kernel died in cell {died + 1})"
    error = _error_in_cell(cells, index)
    if error:
        return f" ({error})"
    if sandbox_run.stopped:
        return f" (the run was stopped because {sandbox_run.stopped})"
    if sandbox_run.problem:
        return f" ({sandbox_run.problem})"
    return " (the code before it stopped the notebook, or something in it stopped the check)"


def _error_in_cell(cells, index) -> str:
    """The first error the sandbox reported in cell ``index`` (the student's own words)."""
    if (
        not isinstance(cells, list)
        or index is None
        or index >= len(cells)
        or not isinstance(cells[index], dict)
    ):
        return ""
    for output in safe_outputs(cells[index].get("outputs")):
        if output.output_type == "error":
            first = (output.evalue.splitlines() or [""])[0]
            return f"{output.ename}: {first}"[:200]
    return ""


def _test_result(verdict: Verdict) -> TestResult:
    return TestResult(
        verdict.grade_id, verdict.points, verdict.max_points, verdict.first_line, verdict.mistake
    )


def _write_notebook(nb, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".writing-{path.name}")
    nbformat.write(nb, str(temporary))
    os.replace(temporary, path)


def _cells(indices) -> str:
    return ", ".join(str(i + 1) for i in indices[:5] if isinstance(i, int))


def _slug(student: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in student)[:80]
