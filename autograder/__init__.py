"""The grading side of the course, never shipped to students: release, grade, feedback, export,
report."""

import sys

# jsonschema imports optional format checkers whenever nbformat is imported; one of them
# (rfc3987_syntax) builds a URI grammar for over three seconds. Notebook schemas check no such
# format, so every process of the grader leaves them out.
for _optional in (
    "rfc3987_syntax",
    "isoduration",
    "arrow",
    "webcolors",
    "uri_template",
    "fqdn",
    "rfc3339_validator",
    "rfc3986_validator",
    "rfc3987",
):
    sys.modules.setdefault(_optional, None)
