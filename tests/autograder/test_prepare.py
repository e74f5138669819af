"""`prepare.write_job`: the job a sandboxed run reads, with the settings' matplotlib backend."""

import json

import nbformat
import pytest

from autograder.prepare import INLINE_BACKEND, QUIET_BACKEND, write_job
from autograder.sandbox import KIT
from autograder.settings import GradingSettings


@pytest.mark.parametrize("figures, backend", [(True, INLINE_BACKEND), (False, QUIET_BACKEND)])
def test_figures_in_feedback_chooses_the_kernels_backend(tmp_path, figures, backend):
    settings = GradingSettings(figures_in_feedback=figures)
    folder = write_job(
        tmp_path / "job",
        nbformat.v4.new_notebook(),
        notebook_name="nb.ipynb",
        workdir="a",
        cell_timeout=30,
        settings=settings,
    )
    job = json.loads((folder / "job.json").read_text())
    assert job["matplotlib_backend"] == backend
    # the runner (not imported here: it is written for the sandbox) accepts it, else uses Agg
    assert repr(backend).replace("'", '"') in (KIT / "runner.py").read_text()


def test_figures_are_in_the_feedback_by_default():
    assert GradingSettings().figures_in_feedback is True
