"""Fixtures for the pipeline tests: scratch nbgrader courses built from this repository."""
import shutil

import pytest

from autograder.course import REPO_ROOT, Course


def scratch_course(root) -> Course:
    """A course directory with this repository's source, release and nbgrader configuration."""
    for name in ("source", "notebooks"):
        shutil.copytree(REPO_ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    return Course(root)


@pytest.fixture
def empty_scratch_course(tmp_path) -> Course:
    return scratch_course(tmp_path)
