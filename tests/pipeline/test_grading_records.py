"""One record per submission: durable across a killed run, the single source of report, export
and feedback, and audited against the gradebook (real nbgrader, real sandbox, real SQLite)."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import nbformat
import pytest

from autograder import notebooks
from autograder.audit import audit
from autograder.cli import main
from autograder.export import export
from autograder.feedback import feedback
from autograder.grade import grade
from autograder.report import report
from autograder.results import load_results
from autograder.sample_class import write_sample_class
from autograder.sandbox import Sandbox, SandboxUnavailable
from tests.pipeline.conftest import scratch_course

ASSIGNMENT = "03_momentum"
CLASS = (
    "correct",
    "blank",
    "mistake-initialize-velocity-ones",
    "mistake-update-parameters-with-momentum-sign-error",
)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = scratch_course(tmp_path_factory.mktemp("records"))
    write_sample_class(course, ASSIGNMENT, kinds=CLASS)
    results = {r.student: r for r in grade(course, ASSIGNMENT, jobs=2, progress=False)}
    return course, results


def _records(course):
    return {r.student: r for r in load_results(course.results_dir(ASSIGNMENT))}


def test_a_rerun_grades_only_what_is_missing_or_changed(graded):
    course, results = graded
    stamps = {s: r.graded_at for s, r in _records(course).items()}
    course.result_path(ASSIGNMENT, "blank").unlink()
    time.sleep(1.1)
    grade(course, ASSIGNMENT, jobs=2, progress=False)
    again = _records(course)
    assert again["blank"].graded_at != stamps["blank"]
    assert all(again[s].graded_at == stamps[s] for s in stamps if s != "blank")
    forced = {r.student: r for r in grade(course, ASSIGNMENT, jobs=2, progress=False, force=True)}
    assert {s: r.score for s, r in forced.items()} == {s: r.score for s, r in results.items()}


def test_a_killed_grading_run_keeps_every_finished_record(tmp_path):
    course = scratch_course(tmp_path)
    write_sample_class(course, ASSIGNMENT, kinds=CLASS + ("correct-different",))
    command = [
        sys.executable,
        "-m",
        "autograder",
        "--course-dir",
        str(course.root),
        "grade",
        ASSIGNMENT,
        "--jobs",
        "1",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 300
    while len(list(course.results_dir(ASSIGNMENT).glob("*.json"))) < 2:
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    kept = _records(course)
    assert 2 <= len(kept) < 5
    stamps = {s: r.graded_at for s, r in kept.items()}
    final = {r.student: r for r in grade(course, ASSIGNMENT, jobs=2, progress=False)}
    assert sorted(final) == sorted(CLASS + ("correct-different",))
    assert all(final[s].graded_at == stamps[s] for s in stamps)
    assert final["correct"].score == final["correct"].max_score == 8


def test_report_export_and_feedback_agree_with_the_gradebook_until_someone_changes_it(
    graded, tmp_path
):
    course, results = graded
    assert audit(course, ASSIGNMENT, list(_records(course).values())) == []
    with sqlite3.connect(course.gradebook) as db:  # an edit outside any grading run
        db.execute(
            "update grade set auto_score = 4 where id in (select grade.id from grade "
            "join submitted_notebook on grade.notebook_id = submitted_notebook.id "
            "join submitted_assignment on submitted_notebook.assignment_id = "
            "submitted_assignment.id where submitted_assignment.student_id = 'blank')"
        )
    flags = audit(course, ASSIGNMENT, list(_records(course).values()))
    assert flags and {f.student for f in flags} == {"blank"}
    assert any("changed outside a grading run" in f.what for f in flags)
    assert any("next to an error output" in f.what for f in flags)  # blank's checks failed
    assert "changed outside a grading run" in report(course, assignments=[ASSIGNMENT]).read_text()
    _, detail = export(course, assignments=[ASSIGNMENT])
    rows = {row["student_id"]: row for row in csv.DictReader(detail.open())}
    assert rows["blank"]["score"] == "0" and "changed outside" in rows["blank"]["flags"]
    said = []
    written = feedback(course, ASSIGNMENT, say=said.append)
    assert not any("/blank/" in str(path) for path in written) and "blank" in said[0]
    grade(course, ASSIGNMENT, students=["blank"], jobs=1, progress=False, force=True)
    assert audit(course, ASSIGNMENT, list(_records(course).values())) == []


def test_a_score_next_to_an_error_output_is_flagged(graded):
    course, _ = graded
    path = course.autograded_notebook(ASSIGNMENT, "correct")
    nb = notebooks.read(path)
    cell = next(c for c in nb.cells if notebooks.is_test(c))
    cell.outputs = [nbformat.v4.new_output("error", ename="E", evalue="x", traceback=[])]
    nbformat.write(nb, str(path))
    whats = [f.what for f in audit(course, ASSIGNMENT, list(_records(course).values()))]
    assert any("next to an error output" in w for w in whats)
    assert any("changed after grading" in w for w in whats)
    grade(course, ASSIGNMENT, students=["correct"], jobs=1, progress=False, force=True)


def test_without_a_sandbox_grading_refuses_and_says_how_to_enable_one(graded, monkeypatch, capsys):
    course, _ = graded
    before = {s: r.graded_at for s, r in _records(course).items()}
    monkeypatch.setattr("autograder.sandbox.find_bwrap", lambda: None)
    with pytest.raises(SandboxUnavailable, match="--no-sandbox"):
        grade(course, ASSIGNMENT, jobs=1, progress=False, force=True)
    assert main(["--course-dir", str(course.root), "grade", ASSIGNMENT, "--force"]) == 2
    error = capsys.readouterr().err
    assert "not installed" in error and "user namespaces" in error and "--no-sandbox" in error
    with pytest.raises(SandboxUnavailable, match="could not start"):
        Sandbox(bwrap="/bin/false").probe()
    assert {s: r.graded_at for s, r in _records(course).items()} == before


def test_no_sandbox_grades_the_same_and_says_so_everywhere(graded):
    course, results = graded
    unsandboxed = {
        r.student: r
        for r in grade(
            course, ASSIGNMENT, students=["correct", "blank"], jobs=1, progress=False, sandbox=False
        )
    }
    assert unsandboxed["correct"].score == 8 and unsandboxed["blank"].score == 0
    assert all(
        not r.sandboxed and any("WITHOUT a sandbox" in x for x in r.reasons)
        for r in unsandboxed.values()
    )
    assert "WITHOUT a sandbox" in report(course, assignments=[ASSIGNMENT]).read_text()
    summary = json.loads((course.reports / "summary.json").read_text())
    assert any("WITHOUT a sandbox" in f for f in summary["assignments"][0]["flags"])
    grade(course, ASSIGNMENT, students=["correct", "blank"], jobs=1, progress=False)
    assert all(r.sandboxed for r in _records(course).values())


def test_formgrader_sees_every_autograded_submission_with_its_timestamp(tmp_path):
    import copy

    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    from autograder.settings import load_config

    course = scratch_course(tmp_path)
    write_sample_class(course, ASSIGNMENT, kinds=("correct", "blank"))
    (course.submitted / "correct" / ASSIGNMENT / "timestamp.txt").write_text(
        "2026-11-30 17:00:00.000000 UTC"
    )
    grade(course, ASSIGNMENT, jobs=2, progress=False)
    config = copy.deepcopy(load_config(course.root))
    config.CourseDirectory.root = str(course.root)
    config.CourseDirectory.db_url = course.db_url
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    assert api.get_autograded_students(ASSIGNMENT) == set(course.students(ASSIGNMENT))
    submission = api.get_submission(ASSIGNMENT, "correct")
    assert submission["autograded"] and submission["score"] == 8
    assert submission["timestamp"].startswith("2026-11-30T17:00:00")
    for student in course.students(ASSIGNMENT):
        nbformat.validate(notebooks.read(course.autograded_notebook(ASSIGNMENT, student)))
