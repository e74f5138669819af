"""The grade id of an autograded test cell, ``test_<function>_<kind>``: written and read here only.

Every test cell checks one graded function, publicly (``optkit.check``, shipped with the
release) or with hidden cases (``hidden_check``); its nbgrader grade id says which, e.g.
``test_initialize_velocity_hidden``.
"""

import re
from dataclasses import dataclass

KINDS = ("public", "hidden")
_PATTERN = re.compile(r"^test_(?P<function>\w+?)_(?P<kind>public|hidden)$")


@dataclass(frozen=True)
class GradeId:
    """Which function a test cell checks, and how (``kind``: "public" or "hidden")."""

    function: str
    kind: str

    def __post_init__(self):
        if self.kind not in KINDS or not self.function.isidentifier():
            raise ValueError(
                f"a grade id names a function and one of {KINDS}, "
                f"not {self.function!r} and {self.kind!r}"
            )

    def __str__(self) -> str:
        return f"test_{self.function}_{self.kind}"

    @classmethod
    def parse(cls, text: str) -> "GradeId | None":
        """The GradeId written as ``text``; None for a grade id of another form (a solution
        cell's, or a test cell that follows no convention)."""
        match = _PATTERN.match(text or "")
        return cls(match.group("function"), match.group("kind")) if match else None
