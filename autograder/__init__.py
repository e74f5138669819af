"""The grading engine: hidden checks, the public casebook and the pipeline around nbgrader."""
