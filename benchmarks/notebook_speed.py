"""Benchmark: how long each release notebook takes to execute, solved, in a fresh kernel.

    .venv/bin/python benchmarks/notebook_speed.py [ASSIGNMENT ...] [--grading] [--repeat N]

Each release notebook gets the reference answers filled in and runs alone, away from the
repository, exactly as `autograder release` proves it runs (`autograder.standalone`: the same
solved copy, the same scratch folder, the course's packages blocked). Every notebook is executed
once per student when a class is graded, so its run time is the grading cost.

For each notebook it prints the wall time of the whole execution (kernel start to shutdown) and
the CPU time of the **kernel process** (user + system, read inside the kernel with
``resource.getrusage`` by a cell appended to the notebook, so the client's own CPU is not
counted), split into the kernel's start-up and the notebook's cells, and whether the kernel's
CPU time is within the target (15 s). BLAS runs single-threaded, as in the grading sandbox.

By default the demonstrations run at their full size (as when a student runs the notebook);
``--grading`` sets ``NBGRADER_EXECUTION=autograde`` as the grader does, so that
``optkit.budget`` shrinks them. With ``--repeat N`` each notebook runs N times and the table
shows the run with the least CPU time. Figures only: the test suite never asserts timings.
"""

import argparse
import json
import sys
import time

sys.modules.setdefault("rfc3987_syntax", None)  # seconds of import nobody here needs

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from autograder.course import Course  # noqa: E402
from autograder.standalone import solved_release_notebook, standalone_folder  # noqa: E402

TARGET_CPU_SECONDS = 15.0
SINGLE_THREADED = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
_CPU_CELL = """\
import json as _json, resource as _resource
_usage = [_resource.getrusage(who) for who in (_resource.RUSAGE_SELF, _resource.RUSAGE_CHILDREN)]
print(_json.dumps({{"{key}": sum(u.ru_utime + u.ru_stime for u in _usage)}}))
"""


def _cpu_cell(key: str):
    cell = nbformat.v4.new_code_cell(_CPU_CELL.format(key=key))
    cell.metadata["benchmark"] = key
    return cell


def _read_cpu(nb, key: str) -> float:
    cell = next(c for c in nb.cells if c.metadata.get("benchmark") == key)
    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    return json.loads(text.strip().splitlines()[-1])[key]


def time_notebook(course: Course, assignment: str, *, grading: bool) -> dict:
    """One solved execution of the release notebook: wall seconds and kernel CPU seconds."""
    solved = solved_release_notebook(
        course.release / assignment, course.source_notebook(assignment)
    )
    solved.cells.insert(0, _cpu_cell("start"))
    solved.cells.append(_cpu_cell("end"))
    with standalone_folder(course.release / assignment) as (work, env):
        env.update(SINGLE_THREADED)
        if grading:
            env["NBGRADER_EXECUTION"] = "autograde"
        client = NotebookClient(
            solved, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}
        )
        started = time.perf_counter()
        client.execute(env=env, cwd=str(work))
        wall = time.perf_counter() - started
    start, end = _read_cpu(solved, "start"), _read_cpu(solved, "end")
    return {
        "assignment": assignment,
        "wall": wall,
        "cpu": end,
        "startup": start,
        "cells": end - start,
    }


def print_table(rows: list[dict], *, grading: bool) -> None:
    mode = "grading sizes (NBGRADER_EXECUTION=autograde)" if grading else "full sizes"
    print(f"\nsolved release notebooks, {mode}; CPU = the kernel process's user + system time")
    print(
        f"{'notebook':26} {'wall s':>7} {'CPU s':>7} {'start-up':>9} {'cells':>7}  "
        f"target {TARGET_CPU_SECONDS:g} s CPU"
    )
    for row in rows:
        verdict = "pass" if row["cpu"] <= TARGET_CPU_SECONDS else "FAIL"
        print(
            f"{row['assignment']:26} {row['wall']:7.1f} {row['cpu']:7.1f} "
            f"{row['startup']:9.1f} {row['cells']:7.1f}  {verdict}"
        )
    print(f"{'total':26} {sum(r['wall'] for r in rows):7.1f} {sum(r['cpu'] for r in rows):7.1f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="default: every assignment")
    parser.add_argument(
        "--grading",
        action="store_true",
        help="the sizes the grader runs (NBGRADER_EXECUTION=autograde)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per notebook; the least CPU is shown"
    )
    args = parser.parse_args(argv)
    course = Course()
    rows = []
    for assignment in args.assignments or course.assignments():
        runs = [
            time_notebook(course, assignment, grading=args.grading)
            for _ in range(max(1, args.repeat))
        ]
        rows.append(min(runs, key=lambda row: row["cpu"]))
        print(
            f"{assignment}: {rows[-1]['wall']:.1f} s wall, {rows[-1]['cpu']:.1f} s CPU", flush=True
        )
    print_table(rows, grading=args.grading)
    return 0 if all(row["cpu"] <= TARGET_CPU_SECONDS for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
