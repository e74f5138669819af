"""Leak detection: nothing a student receives may contain reference code or hidden tests."""

import re
from dataclasses import dataclass
from pathlib import Path

from . import notebooks
from .course import OPTKIT

FORBIDDEN_PATTERNS = {
    "nbgrader solution marker": re.compile(r"###\s*(BEGIN|END) SOLUTION"),
    "nbgrader hidden-test marker": re.compile(r"###\s*(BEGIN|END) HIDDEN TESTS"),
    "hidden check call": re.compile(r"\bhidden_check\b"),
    "import of the grading engine or the reference": re.compile(
        r"^\s*(import|from)\s+(autograder|solutions)\b", re.MULTILINE
    ),
}
# Lines of an answer shorter than this are too generic to count as a leak ("return v").
MIN_ANSWER_LINE = 12


@dataclass(frozen=True)
class Leak:
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def answer_lines(source_nb) -> set[str]:
    """Distinctive code lines between BEGIN/END SOLUTION in the instructor notebook.

    A line students see anyway -- in the notebook outside the answers (``m = X.shape[1]`` given
    in a skeleton) or in the shipped optkit package -- gives nothing away and is not counted."""
    answers, given, inside = set(), set(), False
    for cell in source_nb.cells:
        for line in cell.source.splitlines():
            if notebooks.is_solution(cell) and notebooks.SOLUTION_MARKERS.match(line):
                inside = "BEGIN" in line
            elif inside and notebooks.is_solution(cell):
                answers.add(line.strip())
            else:
                given.add(line.strip())
        inside = False
    given |= {
        line.strip() for path in OPTKIT.rglob("*.py") for line in path.read_text().splitlines()
    }
    return {
        line
        for line in answers - given
        if len(line) >= MIN_ANSWER_LINE and not line.startswith("#")
    }


def _text_leaks(label: str, text: str, answers: set[str]) -> list[Leak]:
    found = [
        Leak(label, what) for what, pattern in FORBIDDEN_PATTERNS.items() if pattern.search(text)
    ]
    stripped = {line.strip() for line in text.splitlines()}
    found += [
        Leak(label, f"reference answer line: {line!r}") for line in sorted(answers & stripped)
    ]
    return found


def find_leaks(release_dir: Path, source_nb) -> list[Leak]:
    """Every leak in one assignment's release folder (empty list: leak-free)."""
    answers = answer_lines(source_nb)
    leaks = []
    for path in sorted(release_dir.rglob("*")):
        label = str(path.relative_to(release_dir))
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        if path.name in {"solutions", "autograder"} or path.parts[0] in {"solutions", "autograder"}:
            leaks.append(Leak(label, "grading-side file shipped to students"))
        elif path.suffix == ".ipynb":
            nb = notebooks.read(path)
            code = "\n".join(c.source for c in nb.cells)
            leaks += _text_leaks(label, code, answers)
            if any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
                leaks.append(Leak(label, "release notebook carries outputs"))
        elif path.suffix in {".py", ".json", ".md", ".txt"}:
            leaks += _text_leaks(label, path.read_text(encoding="utf-8"), answers)
    return leaks
