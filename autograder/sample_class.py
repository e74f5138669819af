"""Synthesize a sample class: one submission per kind of work the grader must handle.

Student ids say what each submission is and what should happen to it (nbval's convention):
`correct`, `correct-different`, `blank`, `mistake-<function>-<key>` (or `mistakes-<k>` when the
k-th mistakes of all functions are combined), `broken-*`, `tampered-*`, `hostile-*`.
"""

import inspect
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat

from solutions import alternatives
from solutions.mistakes import catalog

from . import notebooks
from .course import REPO_ROOT, Course
from .grade_id import GradeId
from .hostile import ATTACKS, DASK_PORTS, VICTIM, Attack

DEF_LINE = re.compile(r"^def \w+\(", re.MULTILINE)


@dataclass(frozen=True)
class SampleSubmission:
    student: str
    expected: str  # "full", "zero", "partial" or "failed": what grading should give


def function_source(function, name: str) -> str:
    """The source of `function`, renamed to the contract name `name`, as a student writes it."""
    return DEF_LINE.sub(f"def {name}(", inspect.getsource(function), count=1)


def _answered(release_nb, answers: dict[str, str]):
    """A copy of the release notebook with the given solution cells' code replaced."""
    nb = nbformat.from_dict(release_nb)
    for cell in nb.cells:
        if notebooks.is_solution(cell) and notebooks.grade_id(cell) in answers:
            cell.source = answers[notebooks.grade_id(cell)]
    return nb


def _correct_answers(source_nb) -> dict[str, str]:
    return {
        notebooks.grade_id(c): notebooks.strip_solution_markers(c.source)
        for c in source_nb.cells
        if notebooks.is_solution(c)
    }


def _tests_of(cell, function: str) -> bool:
    """Whether ``cell`` is a test cell (public or hidden) of ``function``."""
    parsed = GradeId.parse(notebooks.grade_id(cell)) if notebooks.is_test(cell) else None
    return parsed is not None and parsed.function == function


def _without_tests(nb, function: str):
    copy = nbformat.from_dict(nb)
    copy.cells = [c for c in copy.cells if not _tests_of(c, function)]
    return copy


def _edited_tests(nb, function: str):
    copy = nbformat.from_dict(nb)
    for cell in copy.cells:
        if _tests_of(cell, function):
            cell.source = 'print("All tests passed!")'
    return copy


def graded_functions(source_nb) -> list[str]:
    """Solution cells that have tests, in notebook order (others hold ungraded earlier work)."""
    tested = set(notebooks.test_points(source_nb))
    return [
        notebooks.grade_id(c)
        for c in source_nb.cells
        if notebooks.is_solution(c) and str(GradeId(notebooks.grade_id(c), "public")) in tested
    ]


def _mistake_submissions(release_nb, correct: dict, functions: list[str], combined: bool) -> dict:
    """One submission per catalogued mistake, or (combined) submission k with mistake k of every
    function at once -- each function is checked on its own, so the diagnoses do not interfere."""
    samples = {}
    if combined:
        mistakes = {f: catalog(f) for f in functions}
        for k in range(max(map(len, mistakes.values()), default=0)):
            answers = {
                f: function_source(m[k].implementation, f)
                for f, m in mistakes.items()
                if k < len(m)
            }
            samples[SampleSubmission(f"mistakes-{k + 1:02d}", "partial")] = _answered(
                release_nb, {**correct, **answers}
            )
        return samples
    for function in functions:
        for mistake in catalog(function):
            student = f"mistake-{function}-{mistake.key}".replace("_", "-")
            samples[SampleSubmission(student, "partial")] = _answered(
                release_nb, {**correct, function: function_source(mistake.implementation, function)}
            )
    return samples


def hostile_notebook(
    release_nb, source_nb, attack: Attack, *, course_root: Path, assignment: str, notebook: str
):
    """The release notebook answered as ``attack.base`` says, with the attack's code added."""
    correct = _correct_answers(source_nb)
    functions = graded_functions(source_nb)
    code = (
        attack.code.replace("FIRST_FUNCTION", functions[0])
        .replace("NOTEBOOK_STEM", Path(notebook).stem)
        .replace("NOTEBOOK", notebook)
        .replace("ASSIGNMENT", assignment)
        .replace("FUNCTIONS", repr(functions))
        .replace("COURSE_ROOT", repr(str(course_root)))
        .replace("REPO_ROOT", repr(str(REPO_ROOT)))
        .replace("VICTIM", repr(VICTIM))
        .replace("DASK_PORTS", repr(DASK_PORTS))
    )
    base = correct if attack.base == "correct" else {}
    nb = _answered(release_nb, base)
    if attack.where == "answer":
        for cell in nb.cells:
            if notebooks.is_solution(cell) and notebooks.grade_id(cell) in functions:
                cell.source = cell.source.rstrip() + "\n\n\n" + code
    elif attack.where == "first":
        first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
        nb.cells.insert(first + 1, nbformat.v4.new_code_cell(code))
    else:
        nb.cells.append(nbformat.v4.new_code_cell(code))
    return nb


def hostile_notebooks(
    release_nb, source_nb, *, course_root: Path, assignment: str, notebook: str, attacks=ATTACKS
) -> dict:
    """Every hostile submission; expected "full" or "zero" is its honest grade."""
    return {
        SampleSubmission(
            f"hostile-{attack.name}", "full" if attack.base == "correct" else "zero"
        ): hostile_notebook(
            release_nb,
            source_nb,
            attack,
            course_root=course_root,
            assignment=assignment,
            notebook=notebook,
        )
        for attack in attacks
    }


def sample_notebooks(
    release_nb, source_nb, *, combined_mistakes: bool = False
) -> dict[SampleSubmission, object]:
    """Every sample submission of one assignment: notebook objects, or bytes for a broken file."""
    correct = _correct_answers(source_nb)
    functions = graded_functions(source_nb)
    last = functions[-1]
    broken = {
        "broken-infinite-loop": "while True:  # never ends\n    pass\n",
        "broken-kernel-killer": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n",
        "broken-memory-hog": "import numpy as np\nhuge = np.ones(3 * 2**30 // 8)  # 3 GiB\n",
        "broken-huge-output": "for i in range(200_000):\n    print('debug', i)\n",
    }
    unfinished = {f: a for f, a in correct.items() if f != last}
    samples = {
        SampleSubmission("correct", "full"): _answered(release_nb, correct),
        SampleSubmission("blank", "zero"): nbformat.from_dict(release_nb),
        SampleSubmission("correct-different", "full"): _answered(
            release_nb,
            {
                **correct,
                **{f: function_source(alternatives.implementation(f), f) for f in functions},
            },
        ),
        SampleSubmission("broken-unreadable", "failed"): b'{"cells": [ this is not a notebook',
        SampleSubmission("tampered-edited-test", "partial"): _edited_tests(
            _answered(release_nb, unfinished), last
        ),
        SampleSubmission("tampered-deleted-test", "partial"): _without_tests(
            _answered(release_nb, unfinished), last
        ),
    }
    for student, prefix in broken.items():
        expected = "failed" if student == "broken-kernel-killer" else "partial"
        samples[SampleSubmission(student, expected)] = _answered(
            release_nb, {**correct, last: prefix + "\n" + correct[last]}
        )
    samples.update(_mistake_submissions(release_nb, correct, functions, combined_mistakes))
    return samples


def write_sample_class(
    course: Course,
    assignment: str,
    *,
    combined_mistakes: bool = False,
    kinds: tuple[str, ...] | None = None,
    attacks: list[Attack] | None = None,
) -> list[SampleSubmission]:
    """Write the sample class into course/submitted/<student>/<assignment>/ and list it;
    ``kinds`` keeps only the students whose id starts with one of these prefixes, ``attacks``
    the hostile submissions to include (default: none)."""
    release_nb_path = course.release_notebook(assignment)
    release_nb = notebooks.read(release_nb_path)
    source_nb = notebooks.read(course.source_notebook(assignment))
    samples = sample_notebooks(release_nb, source_nb, combined_mistakes=combined_mistakes)
    samples = {s: c for s, c in samples.items() if kinds is None or s.student.startswith(kinds)}
    samples.update(
        hostile_notebooks(
            release_nb,
            source_nb,
            course_root=course.root,
            assignment=assignment,
            notebook=release_nb_path.name,
            attacks=attacks or [],
        )
    )
    for sample, content in samples.items():
        folder = course.submitted / sample.student / assignment
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        target = folder / release_nb_path.name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            nbformat.write(content, str(target))
    return sorted(samples, key=lambda s: s.student)
