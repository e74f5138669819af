"""Fixtures for the pipeline tests: scratch nbgrader courses built from this repository."""

import pytest

from autograder.course import Course
from autograder.demo import make_scratch_course


def scratch_course(root, *, figures: bool = False) -> Course:
    """A course directory with this repository's source, release and nbgrader configuration.

    Figures in the feedback (GradingSettings.figures_in_feedback, on by default) are off unless
    ``figures``: drawing them costs about a second per submission, and the grades are the same
    either way; the tests of feedback and of hostile outputs grade with them."""
    course = make_scratch_course(root / "course")
    if not figures:
        config = course.config_file
        config.write_text(
            config.read_text() + "\n# tests: no figures unless a test asks "
            "(tests/pipeline/conftest.py)\nc.GradingSettings.figures_in_feedback "
            "= False\n"
        )
    return course


@pytest.fixture
def empty_scratch_course(tmp_path) -> Course:
    return scratch_course(tmp_path)
