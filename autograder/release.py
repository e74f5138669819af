"""`release`: build the student release (nbgrader generate_assignment + vendored optkit) and verify it."""
import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import casebook, notebooks
from .course import OPTKIT, REPO_ROOT, Course
from .leaks import Leak, find_leaks
from .standalone import StandaloneRun, run_solved_release


# The notebook metadata JupyterLab 4 writes once ipykernel's kernel has started: a release
# notebook that holds anything else opens already modified (tests/ui/test_browser.py). The
# kernel reports its Python's version; this is the one the course is tested with (README): with
# another Python the notebook opens modified, the version its only change.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                 "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                 "pygments_lexer": "ipython3", "version": "3.11.7"}


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


def vendor_optkit(destination: Path) -> None:
    """Copy the student helper package next to the notebook, so the folder runs on its own."""
    target = destination / "optkit"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(OPTKIT, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def set_kernel_metadata(folder: Path) -> None:
    """Give each notebook of the folder the kernel metadata JupyterLab writes (KERNELSPEC,
    LANGUAGE_INFO), so that it opens unmodified."""
    for path in sorted(folder.glob("*.ipynb")):
        nb = notebooks.read(path)
        nb.metadata["kernelspec"] = copy.deepcopy(KERNELSPEC)
        nb.metadata["language_info"] = copy.deepcopy(LANGUAGE_INFO)
        nbformat.write(nb, str(path))


def generate(course: Course, assignment: str, *, record_in_gradebook: bool = False) -> Path:
    """nbgrader generate_assignment into the course's release folder (notebooks/)."""
    try:
        course.nbgrader("generate_assignment", assignment, force=True, create=record_in_gradebook,
                        settings={"GenerateAssignment": {"no_database": not record_in_gradebook},
                                  "SaveCells": {"enabled": record_in_gradebook}})
    except RuntimeError as error:
        raise ReleaseError(str(error)) from None
    folder = course.release / assignment
    if not folder.exists():
        raise ReleaseError(f"nbgrader generate_assignment {assignment} wrote no {folder}")
    set_kernel_metadata(folder)
    vendor_optkit(folder)
    return folder


def release(course: Course = Course(), *, assignments: list[str] | None = None,
            run_check: bool = True, record_in_gradebook: bool = False) -> list[ReleaseResult]:
    """Regenerate the public cases and the release of each assignment, then verify every folder."""
    if course.root == REPO_ROOT:
        fresh = casebook.render()
        if not casebook.same_casebook(casebook.CASEBOOK.read_text(encoding="utf-8"), fresh):
            casebook.write_public_casebook()     # rounding alone never rewrites it
    results = []
    for assignment in assignments or course.assignments():
        folder = generate(course, assignment, record_in_gradebook=record_in_gradebook)
        source_nb = course.source_notebook(assignment)
        result = ReleaseResult(assignment, folder, find_leaks(folder, notebooks.read(source_nb)))
        if run_check:
            result.standalone = run_solved_release(folder, source_nb)
        results.append(result)
    return results
