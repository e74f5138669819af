"""Hostile submissions, graded end to end with real nbgrader, real kernels and the real sandbox.

One class holds two victims (``correct`` and ``blank``) and one submission per attack of
``autograder/hostile.py``; it is graded once with two jobs, so attacks run beside each other.
Every attack then has its own test: the attacker gets its honest grade, the victims keep
theirs and their files, every instructor file is byte-identical, nothing is left running, and
nothing of the grader's (reference code, hidden seed, hidden case labels, a script of the
student's) reaches the attacker's autograded notebook or feedback.
"""

import hashlib
import os
import site
import sys
import sysconfig
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from autograder import hidden_checks, notebooks
from autograder.audit import audit
from autograder.course import REPO_ROOT
from autograder.export import export
from autograder.feedback import feedback
from autograder.grade import grade
from autograder.hostile import ATTACKS, VICTIM
from autograder.report import report
from autograder.sample_class import write_sample_class
from autograder.sandbox import HOST_UID_BASE
from autograder.test_cells import read_test_cells
from autograder.verdict import Judge
from tests.pipeline.conftest import scratch_course

ASSIGNMENT = "03_momentum"
FULL = 8
SEED = "424242"  # a hidden seed no file of the repository holds
REFERENCE_LINE = "v[key] = beta * v[key] + (1 - beta) * grads[key]"  # solutions/momentum.py
EXPECTED_REASON = {
    "fork-bomb": "process",
    "memory-bomb": "memory",
    "disk-fill": "disk",
    "big-file": "file",
    "cpu-hog": "CPU core",
    "sleep-at-end": "time limit",
    "exit-at-end": "kernel died",
    "ignore-interrupt": "ignored the interrupt",
}


@dataclass
class HostileRun:
    course: object
    results: dict
    before: dict
    after: dict
    victims_before: dict
    victims_after: dict
    leftover: list
    labels: list


def snapshot(*roots: Path) -> dict:
    """path -> sha256 of every file under the roots (a file root is itself)."""
    files = {}
    for root in roots:
        paths = (
            [root]
            if root.is_file()
            else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for path in paths:
            files[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def instructor_files(course) -> dict:
    packages = [Path(p) for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]]]
    listing = {str(p): sorted(os.listdir(p)) for p in packages if p.is_dir()}
    home_ipython = Path.home() / ".ipython"
    return {
        "files": snapshot(
            *(
                REPO_ROOT / name
                for name in (
                    "source",
                    "solutions",
                    "autograder",
                    "optkit",
                    "notebooks",
                    "nbgrader_config.py",
                )
            ),
            course.root / "source",
            course.root / "notebooks",
            course.root / "nbgrader_config.py",
        ),
        "site-packages": listing,
        "ipython startup": sorted(str(p) for p in home_ipython.rglob("*"))
        if home_ipython.exists()
        else [],
        "tmp pwned": Path("/tmp/pwned").exists(),
    }


def sandbox_processes() -> list[str]:
    """Processes a sandbox left: an id of the job slots, or the runner or kernel of a run."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        uid = int(next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1])
        if "/.venv/" in command and sys.prefix not in command:
            continue  # a grader of another checkout, at work on this machine
        if (
            HOST_UID_BASE <= uid < HOST_UID_BASE + 64
            or "hostile-" in command
            or "/grading/kit/runner.py" in command
        ):
            found.append(f"{entry.name}: uid {uid}: {command[:120]}")
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    course = scratch_course(tmp_path_factory.mktemp("hostile"), figures=True)
    config = course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Execute.timeout = 10  # shorter, for the test\n")
    write_sample_class(course, ASSIGNMENT, kinds=("correct", "blank"), attacks=ATTACKS)
    victims = ["correct", "blank"]
    before = instructor_files(course)
    victims_before = snapshot(*(course.submitted / v for v in victims))
    saved = os.environ.get(hidden_checks.SEED_VARIABLE)
    os.environ[hidden_checks.SEED_VARIABLE] = SEED
    try:
        results = {r.student: r for r in grade(course, ASSIGNMENT, jobs=2, progress=False)}
        feedback(course, ASSIGNMENT, say=lambda *_: None)
        tests = read_test_cells(notebooks.read(course.source_notebook(ASSIGNMENT)))
        labels = [
            case.label
            for test in tests
            for case in Judge(tests).cases(test)
            if test.kind == "hidden"
        ]
    finally:
        if saved is None:
            os.environ.pop(hidden_checks.SEED_VARIABLE, None)
        else:
            os.environ[hidden_checks.SEED_VARIABLE] = saved
    return HostileRun(
        course,
        results,
        before,
        instructor_files(course),
        victims_before,
        snapshot(*(course.submitted / v for v in victims)),
        sandbox_processes(),
        labels,
    )


def _autograded_text(run, student) -> str:
    return run.course.autograded_notebook(ASSIGNMENT, student).read_text()


def _student_outputs(run, student) -> str:
    """Everything the student's own cells printed (test cells show the trusted verdict)."""
    nb = notebooks.read(run.course.autograded_notebook(ASSIGNMENT, student))
    return "\n".join(
        str(cell.get("outputs", []))
        for cell in nb.cells
        if cell.cell_type == "code" and not notebooks.is_test(cell)
    )


def _feedback_html(run, student) -> str:
    return "\n".join(
        p.read_text() for p in (run.course.feedback / student / ASSIGNMENT).glob("*.html")
    )


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a.name)
def test_the_attack_gets_the_honest_grade_and_reaches_nothing(hostile, attack):
    student = f"hostile-{attack.name}"
    result = hostile.results[student]
    honest = FULL if attack.base == "correct" else 0
    assert result.score == honest, (result.tests, result.reasons)
    assert result.max_score == FULL
    assert not any("grading run failed" in reason for reason in result.reasons), result.reasons
    assert hostile.results[VICTIM].score == FULL and hostile.results[VICTIM].reasons == []
    assert hostile.results["blank"].score == 0
    assert hostile.victims_after == hostile.victims_before
    assert hostile.after == hostile.before
    assert hostile.leftover == []
    seen = _autograded_text(hostile, student) + unescape(_feedback_html(hostile, student))
    assert SEED not in seen
    if attack.base == "blank":  # (a correct answer holds the line itself)
        assert REFERENCE_LINE not in seen
    student_outputs = _student_outputs(hostile, student)
    assert not [label for label in hostile.labels if label in student_outputs]
    assert "Likely mistake" not in "".join(result.mistakes)
    if attack.base == "blank":
        assert result.mistakes == []


@pytest.mark.parametrize(
    "attack", [a for a in ATTACKS if EXPECTED_REASON.get(a.name)], ids=lambda a: a.name
)
def test_a_cut_run_says_why(hostile, attack):
    reasons = "; ".join(hostile.results[f"hostile-{attack.name}"].reasons)
    assert EXPECTED_REASON[attack.name] in reasons, reasons


class _Tags(HTMLParser):
    """Every tag of an HTML page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def active_content(page: str) -> list:
    """Scripts, event handlers and javascript: links in a page: what a browser would run."""
    parser = _Tags()
    parser.feed(page)
    found = [
        (tag, attrs) for tag, attrs in parser.tags if tag in ("script", "iframe", "object", "embed")
    ]
    found += [
        (tag, name)
        for tag, attrs in parser.tags
        for name, value in attrs.items()
        if name.startswith("on") or "javascript:" in (value or "").lower()
    ]
    return found


def test_no_script_of_a_student_reaches_any_html(hostile):
    template = active_content(_feedback_html(hostile, "blank"))
    assert len(template) == 2  # the feedback template's own MathJax
    for student in hostile.results:
        assert active_content(_feedback_html(hostile, student)) == template, student


def _figures(page: str) -> int:
    """The PNG images a feedback page shows (<img> elements with a data:image/png source)."""
    parser = _Tags()
    parser.feed(page)
    return sum(
        1
        for tag, attrs in parser.tags
        if tag == "img" and (attrs.get("src") or "").startswith("data:image/png;base64,")
    )


def test_forged_images_are_dropped_and_only_the_students_figures_are_shown(hostile):
    student = "hostile-forged-images"
    page = _feedback_html(hostile, student)
    assert _figures(page) == _figures(_feedback_html(hostile, VICTIM)) >= 5
    outputs = _student_outputs(hostile, student)  # (the code itself holds the strings)
    for forged in ("not base64", "onerror", "PHN2Zy", "iVBORw0KGgpBQUFB"):  # PHN2Zy: "<svg"
        assert forged not in outputs, forged
    assert "'text/plain': 'forged'" in outputs  # the text beside a forged image stays
    assert hostile.results[student].score == FULL


def test_the_class_report_and_export_agree_and_count_only_trusted_diagnoses(hostile):
    course = hostile.course
    assert audit(course, ASSIGNMENT, list(hostile.results.values())) == []
    path = report(course, assignments=[ASSIGNMENT])
    assert "sign_error" not in path.read_text()
    wide, _ = export(course, assignments=[ASSIGNMENT])
    exported = {
        line.split(",")[0]: float(line.split(",")[1]) for line in wide.read_text().splitlines()[1:]
    }
    assert exported == {s: r.score for s, r in hostile.results.items()}


def test_there_are_at_least_forty_attacks():
    assert len({attack.name for attack in ATTACKS}) >= 40
