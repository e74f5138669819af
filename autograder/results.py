"""Grading results as small data objects, serialized to JSON with a schema version."""
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

SCHEMA_VERSION = 1


@dataclass
class TestResult:
    """One autograded test cell of one submission."""

    grade_id: str
    score: float
    max_score: float
    error: str = ""          # first line of the failure, as the student sees it
    mistake: str = ""        # catalog key of a diagnosed mistake, "function:key"

    @property
    def passed(self) -> bool:
        return self.max_score > 0 and self.score >= self.max_score


@dataclass
class SubmissionResult:
    """The grade of one student's assignment; 'could not run' is a normal result with reasons."""

    student: str
    assignment: str
    status: str                           # "graded" | "failed"
    tests: list[TestResult] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    max_score: float = 0.0
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def mistakes(self) -> list[str]:
        return sorted({t.mistake for t in self.tests if t.mistake})

    @classmethod
    def from_dict(cls, data: dict) -> "SubmissionResult":
        tests = [TestResult(**t) for t in data.pop("tests", [])]
        return cls(tests=tests, **data)


def save_results(results: list[SubmissionResult], path: Path) -> None:
    payload = {"schema_version": SCHEMA_VERSION, "submissions": [asdict(r) for r in results]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, sort_keys=True))


def load_results(path: Path) -> list[SubmissionResult]:
    payload = json.loads(path.read_text())
    if payload.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"{path}: results schema {payload.get('schema_version')}, expected {SCHEMA_VERSION}")
    return [SubmissionResult.from_dict(s) for s in payload["submissions"]]
