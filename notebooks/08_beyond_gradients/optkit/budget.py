"""Experiment sizes: the full run while you learn, a small one while your work is autograded."""

import os


def budget(full: int, *, grading: int | None = None) -> int:
    """How many epochs/steps/samples a demonstration should use.

    ``full`` when you run the notebook yourself. While nbgrader autogrades it (nbgrader sets
    ``NBGRADER_EXECUTION=autograde`` in the kernel), ``grading`` -- by default a twentieth of
    ``full`` -- because grades never depend on the figures, and a class is graded faster.
    """
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return grading if grading is not None else max(1, full // 20)
    return full
