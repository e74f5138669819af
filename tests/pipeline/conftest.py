"""Fixtures for the pipeline tests: scratch nbgrader courses built from this repository."""
import pytest

from autograder.course import Course
from autograder.demo import make_scratch_course


def scratch_course(root) -> Course:
    """A course directory with this repository's source, release and nbgrader configuration."""
    return make_scratch_course(root / "course")


@pytest.fixture
def empty_scratch_course(tmp_path) -> Course:
    return scratch_course(tmp_path)
