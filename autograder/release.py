"""`release`: build the student release (nbgrader generate_assignment + vendored optkit), verify it.

Each folder of notebooks/ is built on its own and touches no other: nbgrader's notebook, optkit's
sources with a casebook of that assignment's functions only, and its stamp (``stamp.py``).
"""

import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import casebook, notebooks, stamp
from .course import OPTKIT, Course
from .leaks import Leak, find_leaks
from .standalone import StandaloneRun, run_solved_release

# The notebook metadata JupyterLab 4 writes once ipykernel's kernel has started: a release
# notebook that holds anything else opens already modified (tests/ui/test_browser.py). The
# kernel reports its Python's version; this is the one the course is tested with (README): with
# another Python the notebook opens modified, the version its only change.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
    "version": "3.11.7",
}


class ReleaseError(RuntimeError):
    """nbgrader could not generate an assignment, or the result is not safe to hand out."""


@dataclass
class ReleaseResult:
    assignment: str
    folder: Path
    leaks: list[Leak] = field(default_factory=list)
    standalone: StandaloneRun | None = None

    @property
    def ok(self) -> bool:
        return not self.leaks and (self.standalone is None or self.standalone.ok)


CASEBOOK = Path("optkit") / "data" / "public_cases.json"  # in a release folder


def vendor_optkit(destination: Path, casebook_text: str) -> None:
    """Copy the student helper package next to the notebook, with the folder's own casebook,
    so the folder runs on its own. (A casebook left in optkit's sources is not copied.)"""
    target = destination / "optkit"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(OPTKIT, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "data"))
    (destination / CASEBOOK).parent.mkdir()
    (destination / CASEBOOK).write_text(casebook_text, encoding="utf-8")


def folder_casebook(functions: list[str], previous: str | None) -> str:
    """The casebook text of a folder whose casebook holds ``functions``: the one it had
    (``previous``) when that holds the same data up to rounding, so that a rebuild on another
    machine rewrites nothing; else the one the solutions give now."""
    fresh = casebook.render(functions)
    if previous is not None and casebook.same_casebook(previous, fresh):
        return previous
    return fresh


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def set_kernel_metadata(folder: Path) -> None:
    """Give each notebook of the folder the kernel metadata JupyterLab writes (KERNELSPEC,
    LANGUAGE_INFO), so that it opens unmodified."""
    for path in sorted(folder.glob("*.ipynb")):
        nb = notebooks.read(path)
        nb.metadata["kernelspec"] = copy.deepcopy(KERNELSPEC)
        nb.metadata["language_info"] = copy.deepcopy(LANGUAGE_INFO)
        nbformat.write(nb, str(path))


def generate(course: Course, assignment: str, *, record_in_gradebook: bool = False) -> Path:
    """nbgrader generate_assignment into the course's release folder (notebooks/NN_topic/ and
    nothing else), then optkit with the folder's casebook, then the folder's stamp."""
    previous = _read(course.release / assignment / CASEBOOK)  # before nbgrader replaces it
    try:
        course.nbgrader(
            "generate_assignment",
            assignment,
            force=True,
            create=record_in_gradebook,
            settings={
                "GenerateAssignment": {"no_database": not record_in_gradebook},
                "SaveCells": {"enabled": record_in_gradebook},
            },
        )
    except RuntimeError as error:
        raise ReleaseError(str(error)) from None
    folder = course.release / assignment
    if not folder.exists():
        raise ReleaseError(f"nbgrader generate_assignment {assignment} wrote no {folder}")
    set_kernel_metadata(folder)
    source_nb = course.source_notebook(assignment)
    functions = casebook.functions_of(notebooks.read(source_nb), assignment)
    vendor_optkit(folder, folder_casebook(functions, previous))
    # Last, since it holds the digest of every other file.
    stamp.write(folder, stamp.make(folder, assignment, source_nb, functions))
    return folder


def release(
    course: Course = Course(),
    *,
    assignments: list[str] | None = None,
    run_check: bool = True,
    record_in_gradebook: bool = False,
) -> list[ReleaseResult]:
    """Rebuild the release folder of each of ``assignments`` (default: every one), leaving the
    others untouched, then verify each folder rebuilt."""
    results = []
    for assignment in assignments or course.assignments():
        folder = generate(course, assignment, record_in_gradebook=record_in_gradebook)
        source_nb = course.source_notebook(assignment)
        result = ReleaseResult(assignment, folder, find_leaks(folder, notebooks.read(source_nb)))
        if run_check:
            result.standalone = run_solved_release(folder, source_nb)
        results.append(result)
    return results
