"""Prove a release folder runs on its own: solved, copied alone, the course's packages blocked."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from . import notebooks

# Installed as sitecustomize in the kernel: the grading engine and the reference cannot be
# imported, and optkit may only come from the release folder itself (the kernel's cwd).
_BLOCKER = """
import importlib.machinery, os, sys

class _ReleaseOnly:
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in ("autograder", "solutions"):
            raise ModuleNotFoundError(f"{name} is not available to students", name=name)
        if top == "optkit" and path is None:
            spec = importlib.machinery.PathFinder.find_spec(name, [os.getcwd()])
            if spec is None:
                raise ModuleNotFoundError("optkit is not in the release folder", name=name)
            return spec
        return None

sys.meta_path.insert(0, _ReleaseOnly())
"""


@dataclass(frozen=True)
class StandaloneRun:
    assignment: str
    ok: bool
    error: str = ""


@contextmanager
def standalone_folder(release_dir: Path):
    """A copy of the release folder alone in a scratch directory, and the kernel environment
    that blocks the course's packages: yields ``(folder, env)``."""
    with tempfile.TemporaryDirectory(prefix="standalone-") as scratch:
        work = Path(scratch) / release_dir.name
        shutil.copytree(release_dir, work, ignore=shutil.ignore_patterns("__pycache__"))
        blocker = Path(scratch) / "blocker"
        blocker.mkdir()
        (blocker / "sitecustomize.py").write_text(_BLOCKER)
        # The folder's own casebook, never one the environment names (the test suite's).
        env = {key: value for key, value in os.environ.items() if key != "OPTKIT_CASEBOOK"}
        yield work, dict(env, PYTHONPATH=str(blocker), MPLBACKEND="Agg")


def solved_release_notebook(release_dir: Path, source_nb_path: Path):
    """The release notebook of ``release_dir`` with the reference answers filled in."""
    release_nb_path = release_dir / source_nb_path.name
    return notebooks.solved_copy(notebooks.read(release_nb_path), notebooks.read(source_nb_path))


def run_solved_release(
    release_dir: Path, source_nb_path: Path, timeout: int = 300
) -> StandaloneRun:
    """Execute the release notebook with the reference answers filled in, away from the repo."""
    solved = solved_release_notebook(release_dir, source_nb_path)
    with standalone_folder(release_dir) as (work, env):
        client = NotebookClient(
            solved,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(work)}},
        )
        try:
            client.execute(env=env, cwd=str(work))
        except CellExecutionError as error:
            return StandaloneRun(release_dir.name, False, str(error)[-2000:])
    return StandaloneRun(release_dir.name, True)
