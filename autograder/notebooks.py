"""Small nbformat helpers shared by the pipeline stages: reading cells by their nbgrader role."""

import re
from pathlib import Path

import nbformat

SOLUTION_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def is_solution(cell) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_test(cell) -> bool:
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def cells_by_id(nb) -> dict:
    """Cells that carry an nbgrader grade_id, keyed by it."""
    return {grade_id(c): c for c in nb.cells if grade_id(c)}


def strip_solution_markers(source: str) -> str:
    """A solution cell's code as the reference has it: the BEGIN/END SOLUTION lines removed."""
    return "\n".join(line for line in source.splitlines() if not SOLUTION_MARKERS.match(line))


def solved_copy(release_nb, source_nb):
    """The release notebook with every solution cell filled in from the instructor's source."""
    solved = nbformat.from_dict(release_nb)
    answers = {grade_id(c): c.source for c in source_nb.cells if is_solution(c)}
    for cell in solved.cells:
        if is_solution(cell) and grade_id(cell) in answers:
            cell.source = strip_solution_markers(answers[grade_id(cell)])
    return solved


def test_points(nb) -> dict[str, float]:
    """grade_id -> points of every autograded test cell."""
    return {grade_id(c): float(nbgrader_meta(c).get("points", 0)) for c in nb.cells if is_test(c)}
