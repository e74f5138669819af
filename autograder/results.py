"""Grading results as small data objects: one JSON record per submission, written atomically.

The record is the single source the report, the CSV export and the audit read. It is written
right after the gradebook, so a grading run that is killed keeps every submission it finished.
"""

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

SCHEMA_VERSION = 2
GRADED, FAILED = "graded", "failed"  # a run that ran (some checks may not have), or none


@dataclass
class TestResult:
    """One autograded test cell of one submission."""

    grade_id: str
    score: float
    max_score: float
    error: str = ""  # first line of the failure, as the student sees it
    mistake: str = ""  # catalog key of a mistake the trusted side diagnosed, "function:key"

    @property
    def passed(self) -> bool:
        return self.max_score > 0 and self.score >= self.max_score


@dataclass
class SubmissionResult:
    """The grade of one student's assignment; 'could not run' is a normal result with reasons."""

    student: str
    assignment: str
    status: str  # GRADED | FAILED
    tests: list[TestResult] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    seconds: float = 0.0
    sandboxed: bool = True  # False: graded with --no-sandbox (no isolation)
    submission_digest: str = ""  # sha256 of the submitted notebook (rerun detection)
    source_digest: str = ""  # sha256 of the instructor's notebook it was graded on
    autograded_digest: str = ""  # sha256 of the autograded notebook written
    graded_at: str = ""  # UTC, ISO 8601
    peak_memory_mb: float = 0.0

    def __post_init__(self):
        if self.status not in (GRADED, FAILED):
            raise ValueError(f"unknown status {self.status!r}")

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def mistakes(self) -> list[str]:
        return sorted({t.mistake for t in self.tests if t.mistake})

    @classmethod
    def from_dict(cls, data: dict) -> "SubmissionResult":
        data = dict(data)
        tests = [TestResult(**t) for t in data.pop("tests", [])]
        return cls(tests=tests, **data)


def save_result(result: SubmissionResult, path: Path) -> Path:
    """Write the record to ``path`` (``Course.result_path``) atomically: a reader sees the old
    or the new record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"schema_version": SCHEMA_VERSION, "submission": asdict(result)}
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(payload, out, indent=1, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return path


def load_result(path: Path) -> SubmissionResult:
    payload = json.loads(path.read_text(encoding="utf-8"))
    if payload.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(
            f"{path}: results schema {payload.get('schema_version')}, "
            f"expected {SCHEMA_VERSION}; regrade with --force"
        )
    return SubmissionResult.from_dict(payload["submission"])


def load_results(folder: Path) -> list[SubmissionResult]:
    """Every submission's record in ``folder``, by student."""
    if not folder.is_dir():
        return []
    return sorted(
        (load_result(path) for path in folder.glob("*.json") if not path.name.startswith(".")),
        key=lambda r: r.student,
    )
