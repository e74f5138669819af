"""The committed release (notebooks/) is in sync with source/, leak-free and self-contained."""

import filecmp
import json
import shutil
import types

import nbformat
import pytest

from autograder import casebook, notebooks, stamp
from autograder.cli import main as autograder
from autograder.course import OPTKIT, Course
from autograder.leaks import find_leaks
from autograder.release import CASEBOOK, KERNELSPEC, LANGUAGE_INFO, generate
from autograder.standalone import run_solved_release
from optkit import public_checks
from optkit.contracts import get_contract
from solutions import reference

COURSE = Course()
ASSIGNMENTS = COURSE.assignments()
STALE = "run `autograder release {}` and commit notebooks/"


def _tree(folder):
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def _snapshot(folder) -> dict:
    """Every file of the folder -> (its bytes, its modification time)."""
    return {
        name: ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns)
        for name in _tree(folder)
    }


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_each_folder_holds_what_its_stamp_says_built_from_the_sources_now(assignment):
    folder, source = COURSE.release / assignment, COURSE.source_notebook(assignment)
    assert stamp.unlike_stamp(folder) == [], STALE.format(assignment)
    functions = casebook.functions_of(notebooks.read(source), assignment)
    assert stamp.stale_inputs(stamp.read(folder), source, OPTKIT, functions) == [], STALE.format(
        assignment
    )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_release_equals_a_fresh_release(assignment, empty_scratch_course):
    """Rebuilt over its committed copy, as `autograder release` does, nothing changes."""
    fresh = generate(empty_scratch_course, assignment)
    committed = COURSE.release / assignment
    assert _tree(committed) == _tree(fresh), STALE.format(assignment)
    _, mismatch, errors = filecmp.cmpfiles(committed, fresh, _tree(fresh), shallow=False)
    assert not mismatch and not errors, (
        f"stale release files {mismatch + errors}: {STALE.format(assignment)}"
    )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_folder_casebook_holds_exactly_its_functions_with_the_data_of_the_whole_one(assignment):
    """Which functions an assignment holds: tests/autograder/test_checks_casebook.py."""
    stored = json.loads((COURSE.release / assignment / CASEBOOK).read_text(encoding="utf-8"))
    whole = json.loads(casebook.render())
    expected = casebook.functions_of(notebooks.read(COURSE.source_notebook(assignment)), assignment)
    assert list(stored["functions"]) == expected
    assert casebook.same_casebook(
        json.dumps(stored["functions"]),
        json.dumps({name: whole["functions"][name] for name in expected}),
    )


def test_06_release_casebook_lets_model_check_the_earlier_functions(monkeypatch):
    monkeypatch.setattr(public_checks, "CASEBOOK", COURSE.release / "06_training" / CASEBOOK)
    model = get_contract("model")
    namespace = {name: reference(name) for name in model.uses}
    fn = types.FunctionType((lambda: None).__code__, namespace)  # its globals: the earlier work
    assert public_checks.earlier_findings(model, fn) == dict.fromkeys(model.uses)
    namespace["update_parameters_with_gd"] = lambda parameters, grads, learning_rate: parameters
    assert public_checks.earlier_findings(model, fn)["update_parameters_with_gd"]


def test_a_changed_or_added_file_and_changed_sources_make_a_folder_stale(tmp_path):
    assignment = "03_momentum"
    folder = tmp_path / assignment
    shutil.copytree(COURSE.release / assignment, folder)
    notebook = COURSE.release_notebook(assignment).name
    (folder / notebook).write_text((folder / notebook).read_text() + " ")
    (folder / "optkit" / "extra.py").write_text("")
    problems = stamp.unlike_stamp(folder)
    assert f"{notebook}: changed since the release" in problems
    assert "optkit/extra.py: not in the release" in problems
    assert "optkit: its sources are not those the stamp names" in problems
    source = tmp_path / "source.ipynb"
    source.write_bytes(COURSE.source_notebook(assignment).read_bytes() + b"\n")
    stale = stamp.stale_inputs(stamp.read(folder), source, OPTKIT, ["initialize_velocity"])
    assert len(stale) == 2 and "changed since the release" in stale[0]
    assert "would now hold ['initialize_velocity']" in stale[1]


def test_releasing_one_assignment_leaves_every_other_folder_and_optkit_untouched(
    empty_scratch_course,
):
    course, target = empty_scratch_course, "04_adaptive_methods"
    before = {a: _snapshot(course.release / a) for a in ASSIGNMENTS if a != target}
    optkit_before = stamp.sources_digest(OPTKIT), _tree(OPTKIT)
    assert autograder(["--course-dir", str(course.root), "release", target, "--no-run"]) == 0
    assert {a: _snapshot(course.release / a) for a in before} == before
    assert (stamp.sources_digest(OPTKIT), _tree(OPTKIT)) == optkit_before
    assert stamp.unlike_stamp(course.release / target) == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_is_leak_free(assignment):
    leaks = find_leaks(
        COURSE.release / assignment, notebooks.read(COURSE.source_notebook(assignment))
    )
    assert leaks == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solved_release_runs_alone_with_the_course_packages_blocked(assignment):
    run = run_solved_release(COURSE.release / assignment, COURSE.source_notebook(assignment))
    assert run.ok, run.error


def test_leak_detector_finds_a_planted_answer_and_hidden_test(tmp_path):
    assignment = ASSIGNMENTS[0]
    source_nb = notebooks.read(COURSE.source_notebook(assignment))
    shutil.copytree(COURSE.release / assignment, tmp_path / assignment)
    nb_path = COURSE.release_notebook(assignment)
    leaky = notebooks.solved_copy(notebooks.read(nb_path), source_nb)
    leaky.cells.append(
        nbformat.v4.new_code_cell(
            "### BEGIN HIDDEN TESTS\nfrom autograder.hidden_checks import hidden_check\n"
            "### END HIDDEN TESTS"
        )
    )
    nbformat.write(leaky, str(tmp_path / assignment / nb_path.name))
    found = " | ".join(str(leak) for leak in find_leaks(tmp_path / assignment, source_nb))
    assert "reference answer line" in found
    assert (
        "hidden-test marker" in found and "hidden check call" in found and "grading engine" in found
    )


def test_standalone_run_fails_when_the_release_lacks_optkit(tmp_path):
    assignment = ASSIGNMENTS[0]
    shutil.copytree(COURSE.release / assignment, tmp_path / assignment)
    shutil.rmtree(tmp_path / assignment / "optkit")
    run = run_solved_release(tmp_path / assignment, COURSE.source_notebook(assignment))
    assert not run.ok and "optkit" in run.error


def test_release_notebooks_carry_the_kernel_metadata_jupyterlab_writes():
    """What JupyterLab writes once the kernel has started: anything else opens modified."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import start_new_kernel

    spec = KernelSpecManager().get_kernel_spec("python3")
    assert (KERNELSPEC["name"], KERNELSPEC["display_name"], KERNELSPEC["language"]) == (
        "python3",
        spec.display_name,
        spec.language,
    )
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reported = client.kernel_info(reply=True, timeout=60)["content"]["language_info"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    # every field as the kernel reports it; the Python version is the course's tested one
    assert {**reported, "version": LANGUAGE_INFO["version"]} == LANGUAGE_INFO
    for assignment in ASSIGNMENTS:
        metadata = notebooks.read(COURSE.release_notebook(assignment)).metadata
        assert metadata["kernelspec"] == KERNELSPEC and metadata["language_info"] == LANGUAGE_INFO
