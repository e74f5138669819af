"""`demo`, the main job: release, grade a synthesized class in a scratch course, report.

By default one assignment, the showcase, with its whole sample class: correct, different,
blank, every catalogued mistake, broken and tampered files, and a hostile group (one attack of
each kind on the grader); ``everything`` releases and grades the whole course."""

import shutil
import time
from pathlib import Path

from solutions.mistakes import catalog

from . import notebooks
from .course import Course
from .export import export
from .feedback import feedback
from .grade import grade
from .hostile import ATTACKS
from .release import release
from .report import report, score_table
from .sample_class import graded_functions, write_sample_class

# Above this many catalogued mistakes in one assignment, the demo combines the k-th mistake of
# every exercise into one submission (each exercise is checked on its own, so each mistake is
# still named) to keep grading short.
MAX_SEPARATE_MISTAKES = 12
# The assignment whose sample class has every kind of broken and tampered submission (it has two
# exercises, so a submission broken in the second one still earns the first one's points).
# Elsewhere the demo grades correct, different, blank, mistake and unreadable submissions.
SHOWCASE = "03_momentum"
LIGHT_CLASS = ("correct", "blank", "mistake", "broken-unreadable")
# One attack of each kind for the demo (the tests grade all of autograder/hostile.py).
DEMO_ATTACKS = (
    "import-reference",
    "input-transformer",
    "forge-records",
    "gradebook-sqlite",
    "rewrite-other-submission",
    "edit-reference",
    "kill-everything",
    "fork-bomb",
    "memory-bomb",
    "script-in-outputs",
)


# Whose feedback the demo writes (--everything: everyone's), one of each kind of submission.
FEEDBACK_SAMPLES = ("correct", "mistakes-01", "broken-infinite-loop", "hostile-script-in-outputs")


def make_scratch_course(root: Path) -> Course:
    """A fresh nbgrader course directory holding this repository's source, release and config."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    repository, scratch = Course(), Course(root)
    for folder in ("source", "release"):
        shutil.copytree(
            getattr(repository, folder),
            getattr(scratch, folder),
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    shutil.copy(repository.config_file, scratch.config_file)
    return scratch


def _many_mistakes(course: Course, assignment: str) -> bool:
    functions = graded_functions(notebooks.read(course.source_notebook(assignment)))
    return sum(len(catalog(f)) for f in functions) > MAX_SEPARATE_MISTAKES


def summary_line(assignment: str, results) -> str:
    """One line per assignment: how the kinds of sample submissions were graded."""
    by_id = {r.student: r for r in results}
    top = max(r.max_score for r in results)
    parts = [
        f"{s} {by_id[s].score:g}" for s in ("correct", "correct-different", "blank") if s in by_id
    ]
    mistaken = [r for r in results if r.student.startswith("mistake")]
    if mistaken:
        lost = sum(r.score < r.max_score for r in mistaken)
        named = sum(len(r.mistakes) for r in mistaken)
        parts.append(
            f"{len(mistaken)} mistake submissions: {lost} lost points, {named} mistakes named"
        )
    failed = [r.student for r in results if r.status == "failed"]
    parts += [f"failed with a reason: {', '.join(failed)}"] if failed else []
    hostile = [r for r in results if r.student.startswith("hostile-")]
    if hostile:
        honest = sum(r.score == (0 if _blank_based(r.student) else r.max_score) for r in hostile)
        parts.append(f"{len(hostile)} hostile submissions: {honest} got their honest grade")
    return f"{assignment} (out of {top:g}): " + "; ".join(parts)


def _blank_based(student: str) -> bool:
    return next(a.base for a in ATTACKS if f"hostile-{a.name}" == student) == "blank"


def demo(
    *,
    course_dir: Path | None = None,
    jobs: int | None = None,
    assignments: list[str] | None = None,
    everything: bool = False,
    say=print,
) -> dict:
    """Run the whole pipeline on a sample class in ``course_dir`` (default: the repository's
    ``Course.demo_root``); returns {assignment: results} and prints a summary."""
    started = time.monotonic()
    if not assignments:
        assignments = None if everything else [SHOWCASE]
    say(
        f"[{time.monotonic() - started:4.0f} s] 1/5 building the release (notebooks/) and "
        "checking it is leak-free and self-contained ..."
    )
    for result in release(assignments=assignments):
        status = (
            "ok" if result.ok else f"PROBLEM: {[str(l) for l in result.leaks]} {result.standalone}"
        )
        say(f"    {result.assignment}: {status}")
    course = make_scratch_course(course_dir or Course().demo_root)
    assignments = assignments or course.assignments()
    graded = {}
    for assignment in assignments:
        say(
            f"[{time.monotonic() - started:4.0f} s] 2/5 synthesizing a sample class for "
            f"{assignment} in {course.root} ..."
        )
        showcase = everything or assignment == SHOWCASE
        attacks = [a for a in ATTACKS if everything or a.name in DEMO_ATTACKS] if showcase else []
        samples = write_sample_class(
            course,
            assignment,
            combined_mistakes=_many_mistakes(course, assignment),
            kinds=None if showcase else LIGHT_CLASS,
            attacks=attacks,
        )
        say(
            f"[{time.monotonic() - started:4.0f} s] 3/5 grading {len(samples)} submissions "
            f"of {assignment} ..."
        )
        graded[assignment] = grade(course, assignment, jobs=jobs)
        present = {r.student for r in graded[assignment]}
        readers = None if everything else [s for s in FEEDBACK_SAMPLES if s in present]
        say(
            f"[{time.monotonic() - started:4.0f} s] 4/5 writing feedback for "
            f"{'every student' if readers is None else ', '.join(readers)} ..."
        )
        for student in readers or [None]:
            feedback(course, assignment, student=student)
    say(
        f"[{time.monotonic() - started:4.0f} s] 5/5 exporting grades and writing the class "
        "report ..."
    )
    wide, detail = export(course, assignments=assignments)
    html = report(course, assignments=assignments)
    showcase = SHOWCASE if SHOWCASE in graded else next(iter(graded))
    say(f"\n{showcase}, every submission:\n" + score_table({showcase: graded[showcase]}) + "\n")
    for r in graded[showcase]:
        if r.reasons or r.mistakes:
            say(f"  {r.student}: " + "; ".join(r.reasons + [f"diagnosed {m}" for m in r.mistakes]))
    say("\nThe whole course:")
    for assignment, results in graded.items():
        say("  " + summary_line(assignment, results))
    say(
        f"\nclass report : {html}\nhistogram    : {course.reports / 'grade_histogram.png'}"
        f"\ngrades (LMS) : {wide}\ngrades+why   : {detail}\n"
        f"feedback     : {course.feedback}/<student>/"
        f"\ndone in {time.monotonic() - started:.0f} s"
    )
    return graded
