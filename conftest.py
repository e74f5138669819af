"""pytest set-up for the whole repository: the casebook the course's own notebooks and tests read.

optkit's sources hold no casebook (each release folder carries its own). Here the whole course's
is built from solutions/ once per session (a few seconds) into build/, and ``OPTKIT_CASEBOOK``
points optkit at it: in this process, and in the kernels nbval starts for source/ (they inherit
this environment). A released folder's own runs drop the variable (autograder/standalone.py).
"""

import os

from autograder.course import COURSE_CASEBOOK  # imports nothing of optkit

# Before anything imports optkit, which reads the variable once.
os.environ["OPTKIT_CASEBOOK"] = str(COURSE_CASEBOOK)


def pytest_configure(config):
    from autograder import casebook

    casebook.write_public_casebook(COURSE_CASEBOOK)
