"""Benchmark: grading throughput on this machine and on a Dask cluster, and a scale model.

    .venv/bin/python benchmarks/cluster_speed.py [--students 12] [--per-assignment 4]
                                                 [--assignments 01_gradient_descent ...]

1. Side by side, one class of ordinary 03_momentum submissions graded three ways:
   `grade --jobs 1`, `grade --jobs 2`, and `grade --scheduler` on a real two-worker Dask
   cluster on loopback (a `dask scheduler` and two `dask worker --nthreads 1`), in
   submissions per minute.
2. For every assignment, a few ordinary submissions graded with `--jobs 1`: the cost of one
   submission per core (what a worker spends) and the part spent at home (preparing the
   notebook, the verdict, the gradebook; the instructor's process does it for every worker).
3. A scale model from those figures: hours to grade every assignment of a 1,000- and a
   10,000-student course on 2, 32 and 256 worker cores, as
       hours = students x max(sum of per-core costs / cores, sum of home costs) / 3600,
   the home side being one process (it does its part for the submissions one at a time).

Figures only: the test suite never asserts timings.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.modules.setdefault("rfc3987_syntax", None)  # seconds of import nobody here needs

from grading_speed import ordinary_class  # noqa: E402

import autograder.grade as grading  # noqa: E402
from autograder.course import Course  # noqa: E402
from autograder.demo import make_scratch_course  # noqa: E402
from autograder.loopback import LoopbackCluster  # noqa: E402

ASSIGNMENTS = Course().assignments()
STUDENTS = (1_000, 10_000)
CORES = (2, 32, 256)


def per_minute(course, assignment: str, students: list[str], **options) -> float:
    started = time.perf_counter()
    grading.grade(course, assignment, progress=False, force=True, **options)
    return len(students) * 60 / (time.perf_counter() - started)


def throughput(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as scratch:
        course = make_scratch_course(Path(scratch) / "course")
        students = ordinary_class(course, "03_momentum", count)
        figures = {
            "students": len(students),
            "local --jobs 1": per_minute(course, "03_momentum", students, jobs=1),
            "local --jobs 2": per_minute(course, "03_momentum", students, jobs=2),
        }
        with LoopbackCluster(workers=2, threads=1) as cluster:
            # the first job on a worker imports the grader there: warm both up first
            grading.grade(
                course,
                "03_momentum",
                progress=False,
                force=True,
                students=students[:2],
                scheduler=cluster.address,
            )
            figures["2 Dask workers"] = per_minute(
                course, "03_momentum", students, scheduler=cluster.address
            )
    return figures


class SandboxClock:
    """Adds up the time spent inside executions (the worker's part of each submission)."""

    def __init__(self):
        self.seconds = 0.0
        self.original = grading.LocalExecution.execute

    def __enter__(self):
        clock = self

        def timed(execution, job, label):
            started = time.perf_counter()
            try:
                return clock.original(execution, job, label)
            finally:
                clock.seconds += time.perf_counter() - started

        grading.LocalExecution.execute = timed
        return self

    def __exit__(self, *exc):
        grading.LocalExecution.execute = self.original


def assignment_costs(assignment: str, count: int) -> dict:
    """Seconds per submission with --jobs 1: in all, and the part spent outside the sandbox."""
    with tempfile.TemporaryDirectory(prefix="bench-cost-") as scratch:
        course = make_scratch_course(Path(scratch) / "course")
        students = ordinary_class(course, assignment, count)
        with SandboxClock() as clock:
            started = time.perf_counter()
            grading.grade(course, assignment, jobs=1, progress=False, force=True)
            total = time.perf_counter() - started
    return {
        "per core": total / len(students),
        "home": (total - clock.seconds) / len(students),
        "students": len(students),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--students", type=int, default=12)
    parser.add_argument("--per-assignment", type=int, default=4)
    parser.add_argument("--assignments", nargs="*", default=ASSIGNMENTS)
    args = parser.parse_args()

    figures = throughput(args.students)
    print(
        f"03_momentum, {figures['students']} ordinary submissions, {os.cpu_count()} cores; "
        "submissions per minute:"
    )
    for key in ("local --jobs 1", "local --jobs 2", "2 Dask workers"):
        print(f"  {key:16s} {figures[key]:6.1f} /min   ({60 / figures[key]:.2f} s per submission)")

    print(f"\ncost of one submission ({args.per_assignment} ordinary ones each, --jobs 1):")
    print(f"  {'assignment':24s} {'per core':>9s} {'at home':>9s}")
    costs = {}
    for assignment in args.assignments:
        costs[assignment] = assignment_costs(assignment, args.per_assignment)
        print(
            f"  {assignment:24s} {costs[assignment]['per core']:8.2f}s "
            f"{costs[assignment]['home']:8.2f}s"
        )
    per_core = sum(c["per core"] for c in costs.values())
    home = sum(c["home"] for c in costs.values())
    print(f"  {'all assignments':24s} {per_core:8.2f}s {home:8.2f}s")

    print(
        "\nscale model: hours to grade every assignment once "
        "(home side one process; it bounds the cluster's speed):"
    )
    print(f"  {'students':>8s} " + " ".join(f"{cores:>4d} cores" for cores in CORES))
    for students in STUDENTS:
        hours = [students * max(per_core / cores, home) / 3600 for cores in CORES]
        print(f"  {students:8,d} " + " ".join(f"{h:9.2f}h" for h in hours))


if __name__ == "__main__":
    main()
