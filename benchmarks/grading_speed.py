"""Benchmark: the cost of grading one submission, four ways, side by side in one run.

    .venv/bin/python benchmarks/grading_speed.py [ASSIGNMENT] [--students 16] [--repeat 1]
                                                 [--no-figures]

On a class of ordinary submissions of the assignment (default 03_momentum: correct, written
differently, blank, then catalogued mistakes), it measures

  bare      each notebook executed with nbclient in a fresh kernel, one after the other
            (no grading at all: the floor);
  nbgrader  plain `nbgrader autograde ASSIGNMENT` of the whole class, one process, in-kernel
            checks (what nbgrader alone does, without a sandbox);
  jobs 1    `autograder grade --jobs 1`: sandboxed runs, verdicts outside;
  jobs 2    `autograder grade --jobs 2`;

and prints seconds per submission, the sandboxed cost per core against the bare one, and the
speed-up of --jobs 2 over plain nbgrader. It also prints the peak memory of one sandboxed run.
``--no-figures`` grades with ``c.GradingSettings.figures_in_feedback = False`` (no PNGs drawn
for the feedback), to measure what the figures cost.
Figures only: the test suite never asserts timings.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.modules.setdefault("rfc3987_syntax", None)  # seconds of import nobody here needs

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from autograder.demo import make_scratch_course  # noqa: E402
from autograder.grade import grade, record_assignment  # noqa: E402
from autograder.sample_class import write_sample_class  # noqa: E402


def ordinary_class(course, assignment: str, count: int) -> list[str]:
    """correct, correct-different, blank and mistakes: the submissions a class mostly holds."""
    samples = write_sample_class(course, assignment, kinds=("correct", "blank", "mistake"))
    names = ["correct", "correct-different", "blank"] + sorted(
        s.student for s in samples if s.student.startswith("mistake")
    )
    keep = names[:count]
    for sample in samples:
        if sample.student not in keep:
            shutil.rmtree(course.submitted / sample.student)
    return keep


def time_bare(course, assignment: str, students: list[str]) -> float:
    release = course.release / assignment
    env = dict(os.environ, NBGRADER_EXECUTION="autograde", MPLBACKEND="Agg")
    started = time.perf_counter()
    for student in students:
        path = next((course.submitted / student / assignment).glob("*.ipynb"))
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch) / assignment
            shutil.copytree(release, work)
            nb = nbformat.read(str(path), as_version=4)
            NotebookClient(
                nb,
                timeout=60,
                kernel_name="python3",
                allow_errors=True,
                resources={"metadata": {"path": str(work)}},
            ).execute(cwd=str(work), env=env)
    return (time.perf_counter() - started) / len(students)


def time_nbgrader(course, assignment: str, students: list[str]) -> float:
    record_assignment(course, assignment)
    started = time.perf_counter()
    done = course.run_nbgrader("autograde", assignment, "--force")
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return (time.perf_counter() - started) / len(students)


def time_grade(course, assignment: str, students: list[str], jobs: int) -> tuple[float, float]:
    started = time.perf_counter()
    results = grade(course, assignment, jobs=jobs, progress=False, force=True)
    seconds = (time.perf_counter() - started) / len(students)
    return seconds, max(r.peak_memory_mb for r in results)


def measure(assignment: str, count: int, figures_in_feedback: bool = True) -> dict:
    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        course = make_scratch_course(Path(scratch) / "course")
        config = course.root / "nbgrader_config.py"
        config.write_text(
            config.read_text() + "\nc.GradingSettings.figures_in_feedback = "
            f"{figures_in_feedback}\n"
        )
        students = ordinary_class(course, assignment, count)
        figures["bare"] = time_bare(course, assignment, students)
        figures["nbgrader"] = time_nbgrader(course, assignment, students)
        figures["jobs 1"], figures["peak MB"] = time_grade(course, assignment, students, 1)
        figures["jobs 2"], _ = time_grade(course, assignment, students, 2)
    figures["students"] = len(students)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("assignment", nargs="?", default="03_momentum")
    parser.add_argument("--students", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--no-figures", action="store_true", help="grade without the figures in the feedback"
    )
    args = parser.parse_args()
    runs = [
        measure(args.assignment, args.students, not args.no_figures) for _ in range(args.repeat)
    ]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(
        f"{args.assignment}, {int(median['students'])} ordinary submissions, "
        f"{args.repeat} run(s), {os.cpu_count()} cores, figures in feedback "
        f"{'off' if args.no_figures else 'on'}; seconds per submission:"
    )
    for key in ("bare", "nbgrader", "jobs 1", "jobs 2"):
        print(
            f"  {key:9s} {median[key]:6.2f} s"
            + (
                f"   (runs: {', '.join(f'{run[key]:.2f}' for run in runs)})"
                if args.repeat > 1
                else ""
            )
        )
    print(
        f"sandboxed --jobs 1 / bare nbclient:     {median['jobs 1'] / median['bare']:.2f}x "
        "(per submission per core; target <= 1.3)"
    )
    print(
        f"plain nbgrader / sandboxed --jobs 2:    {median['nbgrader'] / median['jobs 2']:.2f}x "
        "faster (target >= 1.8)"
    )
    print(f"--jobs 1 / --jobs 2:                    {median['jobs 1'] / median['jobs 2']:.2f}x")
    print(f"peak memory of one sandboxed run:       {median['peak MB']:.0f} MiB resident")


if __name__ == "__main__":
    main()
