"""Grading on a real Dask cluster: a `dask scheduler` and `dask worker` processes on loopback
(``autograder/loopback.py``), real nbgrader, the real sandbox on the workers.

One small class of 03_momentum (right, wrong, blank, a mistake, and hostile submissions: one
that hunts for the Dask scheduler from inside its sandbox, one that never ends) is graded on
the cluster and then locally: the gradebook and the records must agree to the point. Then a
worker is killed in the middle of a run, the scheduler is killed in the middle of another, a
worker with another environment asks for work, and 06_training's oracle is relayed through
the cluster.
"""

import dataclasses
import difflib
import shutil
import threading
import time
from pathlib import Path

import nbformat
import pytest

from autograder.cluster import ClusterUnavailable
from autograder.grade import GradingStopped, grade
from autograder.hostile import ATTACKS, DASK_PORTS
from autograder.loopback import LoopbackCluster
from autograder.results import GRADED
from autograder.sample_class import write_sample_class
from autograder.worker import Bundle, environment_report, mismatches
from tests.pipeline.conftest import scratch_course
from tests.pipeline.test_hostile_submissions import instructor_files, sandbox_processes

ASSIGNMENT = "03_momentum"
STUDENTS = [
    "correct",
    "correct-different",
    "blank",
    "mistake-update-parameters-with-momentum-no-dampening",
    "mistake-initialize-velocity-ones",
    "hostile-reach-dask",
    "hostile-sleep-at-end",
]
SUBMISSION_TIMEOUT = 20


def class_course(root: Path, assignment: str = ASSIGNMENT, students=STUDENTS, scheduler=""):
    """A scratch course holding ``students`` of the sample class (a short time limit); its
    reach-dask attack also tries the port of ``scheduler``."""
    course = scratch_course(root)
    config = course.root / "nbgrader_config.py"
    config.write_text(
        config.read_text() + f"\nc.GradingSettings.submission_timeout = {SUBMISSION_TIMEOUT}\n"
    )
    ports = (*DASK_PORTS, int(scheduler.rsplit(":", 1)[1])) if scheduler else DASK_PORTS
    wanted = [
        dataclasses.replace(a, code=a.code.replace("DASK_PORTS", repr(ports)))
        for a in ATTACKS
        if f"hostile-{a.name}" in students
    ]
    samples = write_sample_class(course, assignment, attacks=wanted)
    for sample in samples:
        if sample.student not in students:
            shutil.rmtree(course.submitted / sample.student)
    assert sorted(course.students(assignment)) == sorted(students)
    return course


def gradebook_scores(course, assignment: str = ASSIGNMENT) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {
            (s.student.id, g.name): (g.score, g.auto_score)
            for s in gb.assignment_submissions(assignment)
            for nb in s.notebooks
            for g in nb.grades
        }


def comparable(results, *, outputs: bool = True) -> dict:
    """A record without what depends on the machine or the moment (``outputs=False``: without
    the digest of the autograded notebook either, for a notebook that prints a measured time)."""
    return {
        r.student: (
            r.status,
            [(t.grade_id, t.score, t.max_score, t.error, t.mistake) for t in r.tests],
            r.reasons,
            r.submission_digest,
            r.source_digest,
            *([r.autograded_digest] if outputs else []),
        )
        for r in results
    }


@pytest.fixture(scope="module")
def cluster():
    with LoopbackCluster(workers=2) as running:
        yield running


@pytest.fixture(scope="module")
def both_ways(cluster, tmp_path_factory):
    course = class_course(tmp_path_factory.mktemp("cluster"), scheduler=cluster.address)
    before = instructor_files(course)
    on_cluster = grade(course, ASSIGNMENT, scheduler=cluster.address, progress=False)
    cluster_gradebook = gradebook_scores(course)
    cluster_text = {
        r.student: course.autograded_notebook(ASSIGNMENT, r.student).read_text() for r in on_cluster
    }
    local = grade(course, ASSIGNMENT, force=True, progress=False)
    local_text = {
        r.student: course.autograded_notebook(ASSIGNMENT, r.student).read_text() for r in local
    }
    return {
        "local_text": local_text,
        "port": int(cluster.address.rsplit(":", 1)[1]),
        "course": course,
        "cluster": on_cluster,
        "local": local,
        "cluster_gradebook": cluster_gradebook,
        "local_gradebook": gradebook_scores(course),
        "cluster_text": cluster_text,
        "before": before,
        "after": instructor_files(course),
        "leftover": sandbox_processes(),
    }


def test_the_cluster_grades_every_submission_as_local_grading_does(both_ways):
    on_cluster, local = both_ways["cluster"], both_ways["local"]
    assert sorted(r.student for r in on_cluster) == sorted(STUDENTS)
    for student, text in both_ways["cluster_text"].items():  # the same notebooks, to the byte
        assert text == both_ways["local_text"][student], "\n".join(
            difflib.unified_diff(
                text.splitlines(), both_ways["local_text"][student].splitlines(), lineterm=""
            )
        )
    assert comparable(on_cluster) == comparable(local)
    assert both_ways["cluster_gradebook"] == both_ways["local_gradebook"]
    scores = {r.student: r.score for r in on_cluster}
    assert scores["correct"] == scores["correct-different"] == 8
    assert scores["blank"] == 0
    assert 0 < scores["mistake-update-parameters-with-momentum-no-dampening"] < 8


def test_a_hostile_submission_on_a_worker_reaches_no_dask_and_keeps_its_honest_grade(both_ways):
    result = {r.student: r for r in both_ways["cluster"]}["hostile-reach-dask"]
    assert result.score == 8 and result.status == GRADED
    nb = nbformat.reads(both_ways["cluster_text"]["hostile-reach-dask"], as_version=4)
    printed = "\n".join(str(cell.get("outputs", [])) for cell in nb.cells)
    port = both_ways["port"]
    assert "connected" not in printed and f"no {port}" in printed
    assert both_ways["after"] == both_ways["before"]  # /tmp/pwned included
    assert both_ways["leftover"] == []


def test_a_job_past_its_time_limit_is_killed_on_the_worker_with_its_reason(both_ways):
    result = {r.student: r for r in both_ways["cluster"]}["hostile-sleep-at-end"]
    assert result.score == 8  # every check ran before the endless cell
    assert any(f"time limit of {SUBMISSION_TIMEOUT} s" in reason for reason in result.reasons)


def test_a_worker_killed_mid_run_has_its_jobs_rerun_and_everyone_is_graded_once(
    both_ways, tmp_path
):
    course = class_course(tmp_path, students=STUDENTS[:5])
    with LoopbackCluster(workers=2) as own:
        from distributed import Client

        done = {}
        grading = threading.Thread(
            target=lambda: done.update(
                results=grade(course, ASSIGNMENT, scheduler=own.address, progress=False)
            )
        )
        grading.start()
        with Client(own.address, set_as_default=False) as watcher:
            victim = None
            deadline = time.monotonic() + 120
            while victim is None and time.monotonic() < deadline:
                busy = [w for w, tasks in watcher.processing().items() if tasks]
                victim = busy[0] if busy else None
                time.sleep(0.1)
            assert victim is not None, "no job ever ran on the cluster"
            time.sleep(1.0)  # the sandbox is running by now
            own.kill_worker(own.worker_index(watcher, victim))
        grading.join(timeout=300)
        assert not grading.is_alive()
    records = sorted(path.stem for path in course.results_dir(ASSIGNMENT).glob("*.json"))
    assert records == sorted(STUDENTS[:5])
    assert [r.student for r in done["results"]] == sorted(STUDENTS[:5])
    assert comparable(done["results"]) == comparable(
        [r for r in both_ways["local"] if r.student in STUDENTS[:5]]
    )
    assert sandbox_processes() == []


def test_a_scheduler_that_goes_away_ends_the_run_keeping_what_finished(tmp_path):
    course = class_course(tmp_path, students=STUDENTS[:5])
    # the client tries to reach a lost scheduler for cluster_timeout seconds (60 by default)
    config = course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.GradingSettings.cluster_timeout = 15\n")
    records = course.results_dir(ASSIGNMENT)
    outcome = {}

    def run():
        try:
            grade(course, ASSIGNMENT, scheduler=own.address, jobs=1, progress=False)
        except GradingStopped as error:
            outcome["stopped"] = str(error)

    with LoopbackCluster(workers=1) as own:
        grading = threading.Thread(target=run)
        grading.start()
        deadline = time.monotonic() + 180
        while not list(records.glob("*.json")) and time.monotonic() < deadline:
            time.sleep(0.1)
        own.kill_scheduler()
        grading.join(timeout=180)
    assert not grading.is_alive()
    assert "Run the same command again" in outcome["stopped"]
    kept = {path.stem: path.stat().st_mtime_ns for path in records.glob("*.json")}
    assert 1 <= len(kept) < 5
    # the rerun (here, on this machine) grades only what is missing and keeps the rest
    results = grade(course, ASSIGNMENT, progress=False)
    assert sorted(r.student for r in results) == sorted(STUDENTS[:5])
    assert all(course.result_path(ASSIGNMENT, s).stat().st_mtime_ns == t for s, t in kept.items())
    assert sandbox_processes() == []


def test_a_worker_with_another_environment_is_refused_with_what_differs(cluster, tmp_path):
    preload = tmp_path / "other_numpy.py"
    preload.write_text(
        "import importlib.metadata\n_real = importlib.metadata.version\n"
        "def _version(name):\n    return '1.0.0' if name == 'numpy' else _real(name)\n"
        "importlib.metadata.version = _version\n"
    )
    odd = cluster.add_worker(env={"PYTHONPATH": str(tmp_path)}, preload="other_numpy")
    try:
        cluster.wait_for_workers(3)
        course = class_course(tmp_path / "one", students=["correct", "blank"])
        said = []
        results = grade(
            course, ASSIGNMENT, scheduler=cluster.address, progress=False, say=said.append
        )
        refusals = [line for line in said if line.startswith("refusing Dask worker")]
        assert len(refusals) == 1
        assert "numpy 1.0.0" in refusals[0] and "restart the worker" in refusals[0]
        assert {r.student: r.score for r in results} == {"correct": 8, "blank": 0}
    finally:
        cluster.kill_worker(cluster.workers.index(odd))


def test_a_scheduler_that_cannot_be_reached_is_a_clear_error(tmp_path):
    course = class_course(tmp_path, students=["blank"])
    config = course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.GradingSettings.cluster_timeout = 3\n")
    with pytest.raises(ClusterUnavailable, match="cannot reach a Dask scheduler"):
        grade(course, ASSIGNMENT, scheduler="tcp://127.0.0.1:9", progress=False)
    assert not list(course.results_dir(ASSIGNMENT).glob("*.json"))


def test_the_oracle_of_06_is_relayed_through_the_cluster(cluster, tmp_path):
    students = ["correct", "blank", "mistake-model-decay-every-mini-batch"]
    course = class_course(tmp_path, assignment="06_training", students=students)
    on_cluster = grade(course, "06_training", scheduler=cluster.address, progress=False)
    local = grade(course, "06_training", force=True, progress=False)
    # 06 prints the CPU time its eight training runs took: the outputs differ by that alone
    assert comparable(on_cluster, outputs=False) == comparable(local, outputs=False)
    scores = {r.student: (r.score, r.max_score) for r in on_cluster}
    assert scores["correct"][0] == scores["correct"][1] > 0
    assert scores["blank"][0] == 0


# --------------------------------------------------------------------------- small parts


def test_a_bundle_carries_files_and_empty_folders_and_refuses_paths_outside(tmp_path):
    source = tmp_path / "job"
    (source / "release").mkdir(parents=True)
    (source / "deep" / "er").mkdir(parents=True)
    (source / "deep" / "er" / "f.txt").write_bytes(b"\x00data")
    (source / "job.json").write_text("{}")
    bundle = Bundle.of(source)
    copy = bundle.unpack(tmp_path / "copy")
    assert (copy / "release").is_dir() and not any((copy / "release").iterdir())
    assert (copy / "deep" / "er" / "f.txt").read_bytes() == b"\x00data"
    assert Bundle.of(copy).digest == bundle.digest
    (source / "job.json").write_text("{ }")
    assert Bundle.of(source).digest != bundle.digest
    with pytest.raises(ValueError, match="outside"):
        Bundle({"../escape": b"x"}, "d").unpack(tmp_path / "bad")


def test_an_environment_report_names_every_difference():
    here = environment_report(probe_sandbox=False)
    here["sandbox"] = "ok"
    assert mismatches(here, dict(here)) == []
    other = {
        **here,
        "python": "3.10.0",
        "sandbox": "bwrap: no permission",
        "packages": {**here["packages"], "numpy": "1.0.0"},
    }
    problems = mismatches(here, other)
    assert any("no sandbox" in p for p in problems)
    assert any(p.startswith("python 3.10.0") for p in problems)
    assert any(p.startswith("numpy 1.0.0") for p in problems)
    assert mismatches(here, RuntimeError("boom")) == ["its environment could not be checked (boom)"]
