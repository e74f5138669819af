"""Inspect a raw submission before grading: unreadable files, deleted or edited test cells."""

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import notebooks

MAX_NOTEBOOK_MB = 50


@dataclass
class Integrity:
    """What is wrong with a submitted notebook as a file; `gradable` says whether nbgrader can
    run it."""

    gradable: bool = True
    problems: list[str] = field(default_factory=list)


def _read_checked(path: Path, integrity: Integrity):
    size_mb = path.stat().st_size / 2**20
    if size_mb > MAX_NOTEBOOK_MB:
        integrity.gradable = False
        integrity.problems.append(
            f"notebook is {size_mb:.0f} MB, over the {MAX_NOTEBOOK_MB} MB limit"
        )
        return None
    try:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
        return nb
    except (
        json.JSONDecodeError,
        UnicodeDecodeError,
        nbformat.ValidationError,
        ValueError,
        KeyError,
        AttributeError,
    ) as error:
        integrity.gradable = False
        first_line = (
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        )
        integrity.problems.append(
            f"notebook cannot be read ({type(error).__name__}: {first_line[:200]})"
        )
        return None


def inspect_submission(submission_dir: Path, release_nb_path: Path) -> Integrity:
    """Compare a student's notebook with the one they were given."""
    integrity = Integrity()
    path = submission_dir / release_nb_path.name
    if not path.exists():
        integrity.gradable = False
        integrity.problems.append(f"no notebook named {path.name} was submitted")
        return integrity
    submitted = _read_checked(path, integrity)
    if submitted is None:
        return integrity
    given = notebooks.cells_by_id(notebooks.read(release_nb_path))
    received = notebooks.cells_by_id(submitted)
    for cell_id, cell in given.items():
        if cell_id not in received:
            integrity.problems.append(
                f"test cell '{cell_id}' was deleted; the original was put back and run"
                if notebooks.is_test(cell)
                else f"answer cell '{cell_id}' was deleted"
            )
        elif notebooks.is_test(cell) and received[cell_id].source.strip() != cell.source.strip():
            integrity.problems.append(
                f"test cell '{cell_id}' was edited; the original was restored and run"
            )
    return integrity
