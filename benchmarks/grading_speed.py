"""Benchmark: how long `grade` takes on a sample class with 1 and with 2 parallel jobs.

    .venv/bin/python benchmarks/grading_speed.py [ASSIGNMENT] [--jobs 1 2] [--repeat 1]

Builds the demo's sample class of the assignment (default 03_momentum) in a scratch course,
grades it with real nbgrader for each --jobs value, and prints wall time, time per submission,
the speed-up and the peak memory of one grading process (kernel included). Prints figures only:
the test suite never asserts timings.
"""
import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from autograder.demo import make_scratch_course
from autograder.grade import grade
from autograder.sample_class import write_sample_class


def time_grading(assignment: str, jobs: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        course = make_scratch_course(Path(scratch) / "course")
        students = write_sample_class(course, assignment)
        started = time.perf_counter()
        grade(course, assignment, jobs=jobs, progress=False)
        return time.perf_counter() - started, len(students)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignment", nargs="?", default="03_momentum")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    medians = {}
    for jobs in args.jobs:
        runs = [time_grading(args.assignment, jobs) for _ in range(args.repeat)]
        seconds = [s for s, _ in runs]
        medians[jobs] = statistics.median(seconds)
        count = runs[0][1]
        print(f"{args.assignment}: {count} submissions, --jobs {jobs}: median {medians[jobs]:.1f} s "
              f"(runs: {', '.join(f'{s:.1f}' for s in seconds)}), {medians[jobs] / count:.2f} s per submission")
    if 1 in medians:
        for jobs, seconds in medians.items():
            if jobs != 1:
                print(f"speed-up of --jobs {jobs} over --jobs 1: {medians[1] / seconds:.2f}x")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak resident memory of one grading process (nbgrader + kernel tree's largest): {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
