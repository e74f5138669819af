"""The `autograder` command line: declares options and calls the library (one function per verb)."""

import argparse
import sys
from pathlib import Path

from .course import Course


def _course(args) -> Course:
    return Course(Path(args.course_dir).resolve())


def _release(args) -> int:
    from .release import release

    results = release(
        _course(args), assignments=args.assignments or None, run_check=not args.no_run
    )
    for r in results:
        print(f"{r.assignment}: {'ok' if r.ok else 'NOT OK'} -> {r.folder}")
        for leak in r.leaks:
            print(f"  leak: {leak}")
        if r.standalone and not r.standalone.ok:
            print(f"  does not run on its own:\n{r.standalone.error}")
    return 0 if all(r.ok for r in results) else 1


def _grade(args) -> int:
    from .grade import grade
    from .report import score_table

    if args.no_sandbox:
        print(
            "WARNING: grading without a sandbox: student code runs unisolated on this machine "
            "and can read or change its files. The results and the report say so.",
            file=sys.stderr,
        )
    results = grade(
        _course(args),
        args.assignment,
        students=args.student or None,
        jobs=args.jobs,
        force=args.force,
        sandbox=False if args.no_sandbox else None,
        scheduler=args.scheduler,
    )
    print(score_table({args.assignment: results}))
    for r in results:
        if r.reasons:
            print(f"  {r.student}: {'; '.join(r.reasons)}")
    return 0


def _feedback(args) -> int:
    from .feedback import feedback

    for path in feedback(_course(args), args.assignment, student=args.student):
        print(path)
    return 0


def _export(args) -> int:
    from .export import export

    for path in export(_course(args), assignments=args.assignments or None):
        print(path)
    return 0


def _report(args) -> int:
    import json

    from .report import report

    path = report(_course(args), assignments=args.assignments or None)
    print(path)
    summary = json.loads((path.parent / "summary.json").read_text())
    flags = [f"{s['assignment']}: {flag}" for s in summary["assignments"] for flag in s["flags"]]
    if flags:
        print(f"{len(flags)} flag(s) to check:")
        print("\n".join(f"  {flag}" for flag in flags))
    return 0


def _demo(args) -> int:
    from .demo import demo

    demo(
        course_dir=Path(args.demo_dir).resolve(),
        jobs=args.jobs,
        assignments=args.assignments or None,
        everything=args.everything,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="autograder", description=__doc__)
    parser.add_argument(
        "--course-dir",
        default=str(Course().root),
        help="nbgrader course root (default: this repository)",
    )
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("release", help="build notebooks/ from source/ and verify it")
    p.add_argument("assignments", nargs="*")
    p.add_argument(
        "--no-run", action="store_true", help="skip executing the solved release in isolation"
    )
    p.set_defaults(run=_release)
    p = verbs.add_parser("grade", help="autograde submitted/<student>/ASSIGNMENT")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.add_argument(
        "--jobs", type=int, help="submissions graded at once (default: GradingSettings.jobs)"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="regrade every submission, even those already graded and unchanged",
    )
    p.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run student code WITHOUT isolation (only where no sandbox can start); "
        "the results and the report carry a warning",
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run the sandboxes on this Dask cluster's workers; the grades are still "
        "decided here (default: GradingSettings.scheduler, else this machine)",
    )
    p.set_defaults(run=_grade)
    p = verbs.add_parser("feedback", help="HTML feedback for graded submissions")
    p.add_argument("assignment")
    p.add_argument("--student")
    p.set_defaults(run=_feedback)
    for verb, runner, text in (
        ("export", _export, "grades CSV for an LMS"),
        ("report", _report, "class report: scores, pass rates, mistakes, histogram"),
    ):
        p = verbs.add_parser(verb, help=text)
        p.add_argument("assignments", nargs="*")
        p.set_defaults(run=runner)
    p = verbs.add_parser("demo", help="release, grade a sample class in a scratch course, report")
    p.add_argument("assignments", nargs="*")
    p.add_argument("--jobs", type=int)
    p.add_argument("--demo-dir", default=str(Course().demo_root))
    p.add_argument(
        "--everything",
        action="store_true",
        help="the whole course: every assignment, every kind of submission and every "
        "attack, everyone's feedback (about 12 minutes)",
    )
    p.set_defaults(run=_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (ValueError, FileNotFoundError, RuntimeError) as error:  # SandboxUnavailable too
        print(f"autograder {args.verb}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
