"""`prepare`: turn a submitted notebook into the one the sandbox executes.

First nbgrader's own sanitizing steps, in the order `nbgrader autograde` runs them (outputs
cleared, duplicate ids dropped, the kernelspec and every locked or graded cell restored from the
gradebook, deleted test cells put back, metadata validated). Then every test cell's nbgrader
metadata is restored as well (a student who unticks "graded" must not hide a cell), and the
execution copy replaces each test cell by the line that records the student's function
(``TestCell.recording_source``): the check's verdict is decided outside.
"""

import copy
import json
import os
from pathlib import Path

import nbformat
from nbformat.v4.nbbase import random_cell_id
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    OverwriteCells,
    OverwriteKernelspec,
)

from . import notebooks
from .test_cells import TestCell

# nbgrader's Autograde.sanitize_preprocessors, in its order (each needs the one before).
SANITIZE = (ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata)
# matplotlib's backend in the sandboxed kernel: inline sends each figure as an image/png
# output (the student sees it in the feedback); Agg draws nothing out (GradingSettings
# .figures_in_feedback chooses).
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
QUIET_BACKEND = "Agg"


def nbgrader_resources(course, assignment: str, student: str, notebook_id: str) -> dict:
    """The ``resources`` nbgrader's preprocessors read."""
    return {
        "nbgrader": {
            "notebook": notebook_id,
            "assignment": assignment,
            "student": student,
            "db_url": course.db_url,
        }
    }


def sanitize(nb, resources: dict, config, release_nb):
    """The submitted notebook as nbgrader would grade it (raises nbgrader's ValidationError for
    metadata it cannot repair), with test cells' metadata as the instructor wrote it."""
    for step in SANITIZE:
        nb, resources = step(config=config).preprocess(nb, resources)
    given = {notebooks.grade_id(c): c for c in release_nb.cells if notebooks.is_test(c)}
    for cell in nb.cells:
        if not cell.get("id"):  # a cell nbgrader put back has none
            cell["id"] = random_cell_id()
        original = given.get(notebooks.grade_id(cell))
        if original is not None and cell.cell_type == "code":
            cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
            cell.metadata["nbgrader"].pop("checksum", None)
    return nb


def execution_copy(nb, tests: list[TestCell]):
    """The notebook the sandbox runs: each test cell is its recording line."""
    by_id = {test.grade_id: test for test in tests}
    run = nbformat.from_dict(copy.deepcopy(nb))
    for cell in run.cells:
        test = by_id.get(notebooks.grade_id(cell))
        if test is not None and cell.cell_type == "code":
            cell.source = test.recording_source
    return run


def write_job(
    folder: Path, run_nb, *, notebook_name: str, workdir: str, cell_timeout: int, settings
) -> Path:
    """The job folder a sandboxed run reads as /grading/in (readable by the sandbox's user)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("release", "cases"):  # mount points of the read-only inputs
        (folder / name).mkdir(exist_ok=True)
    nbformat.write(run_nb, str(folder / "notebook.ipynb"))
    job = {
        "notebook": notebook_name,
        "workdir": workdir,
        "cell_timeout": cell_timeout,
        "max_cell_output_bytes": settings.max_cell_output_kb * 1024,
        "max_output_bytes": settings.max_output_mb * 2**20,
        "max_records_bytes": settings.max_output_mb * 2**20,
        "max_processes": settings.max_processes,
        "matplotlib_backend": INLINE_BACKEND if settings.figures_in_feedback else QUIET_BACKEND,
    }
    (folder / "job.json").write_text(json.dumps(job))
    for path in (folder, *folder.iterdir()):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    return folder


def write_cases(folder: Path, judge, tests: list[TestCell]) -> Path:
    """One cases file per test cell (inputs only), shared by every submission of a run."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o755)
    for test in tests:
        path = folder / f"{test.grade_id}.json"
        path.write_text(json.dumps(judge.sandbox_spec(test), separators=(",", ":")))
        os.chmod(path, 0o644)
    return folder
