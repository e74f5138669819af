"""The committed release (notebooks/) is in sync with source/, leak-free and self-contained."""
import filecmp
import shutil

import nbformat
import pytest

from autograder import notebooks
from autograder.course import Course
from autograder.leaks import find_leaks
from autograder.release import KERNELSPEC, LANGUAGE_INFO, generate
from autograder.standalone import run_solved_release

COURSE = Course()
ASSIGNMENTS = COURSE.assignments()


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_release_equals_a_fresh_release(assignment, empty_scratch_course):
    shutil.rmtree(empty_scratch_course.release)
    fresh = generate(empty_scratch_course, assignment)
    committed = COURSE.release / assignment
    assert _tree(committed) == _tree(fresh), "run `autograder release` and commit notebooks/"
    _, mismatch, errors = filecmp.cmpfiles(committed, fresh, _tree(fresh), shallow=False)
    assert not mismatch and not errors, f"stale release files {mismatch + errors}: run `autograder release`"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_is_leak_free(assignment):
    leaks = find_leaks(COURSE.release / assignment, notebooks.read(COURSE.source_notebook(assignment)))
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
    leaky.cells.append(nbformat.v4.new_code_cell(
        "### BEGIN HIDDEN TESTS\nfrom autograder.hidden_checks import hidden_check\n### END HIDDEN TESTS"))
    nbformat.write(leaky, str(tmp_path / assignment / nb_path.name))
    found = " | ".join(str(leak) for leak in find_leaks(tmp_path / assignment, source_nb))
    assert "reference answer line" in found
    assert "hidden-test marker" in found and "hidden check call" in found and "grading engine" in found


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
    assert (KERNELSPEC["name"], KERNELSPEC["display_name"], KERNELSPEC["language"]) == \
        ("python3", spec.display_name, spec.language)
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
