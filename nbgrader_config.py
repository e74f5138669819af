"""nbgrader and grading configuration of the Optimization Methods course (the one place for it)."""

c = get_config()  # noqa: F821 -- provided by traitlets when nbgrader loads this file

# --- the course -------------------------------------------------------------------------------
c.CourseDirectory.course_id = "optimization-methods"
c.CourseDirectory.source_directory = "source"
# The student release is committed in notebooks/ (SPEC.md: generated, never hand-edited).
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", ".DS_Store"]

# --- executing submissions ---------------------------------------------------------------------
# Per-cell limit: an infinite loop is interrupted, the cell gets a CellTimeoutError, the rest runs.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
# A deleted test cell is put back from the gradebook, so it runs (and is never counted as passed
# without running).
c.OverwriteCells.add_missing_cells = True

# --- output limits (keep feedback readable and the gradebook small) ----------------------------
c.LimitOutput.max_lines = 400
c.LimitOutput.max_traceback = 60

# --- the course's own grading settings (autograder/settings.py declares them) ----------------
c.GradingSettings.jobs = 2
c.GradingSettings.memory_limit_mb = 2048
c.GradingSettings.submission_timeout = 600
