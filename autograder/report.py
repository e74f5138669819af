"""`report`: the class summary: score table, pass rate per exercise, frequent mistakes, histogram,
and the audit's flags (grades that disagree with the gradebook, scores next to errors, runs
without a sandbox) at the top, where an instructor sees them first."""

import html
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .audit import audit
from .course import Course
from .grade_id import GradeId
from .results import SubmissionResult, load_results


@dataclass
class AssignmentSummary:
    assignment: str
    submissions: int
    max_score: float
    mean_percent: float
    exercise_pass_rate: dict[str, float] = field(default_factory=dict)
    mistakes: list[tuple[str, int]] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)  # "student: what", from the audit


def exercise_of(grade_id: str) -> str:
    """The function a test cell checks (its grade id itself when it follows no convention)."""
    parsed = GradeId.parse(grade_id)
    return parsed.function if parsed else grade_id


def summarize(assignment: str, results: list[SubmissionResult], flags=()) -> AssignmentSummary:
    exercises = sorted({exercise_of(t.grade_id) for r in results for t in r.tests})
    pass_rate = {}
    for exercise in exercises:
        passed = [
            all(t.passed for t in r.tests if exercise_of(t.grade_id) == exercise) for r in results
        ]
        pass_rate[exercise] = round(sum(passed) / len(results), 3)
    mistakes = Counter(m for r in results for m in r.mistakes).most_common(10)
    return AssignmentSummary(
        assignment,
        len(results),
        max(r.max_score for r in results),
        round(sum(r.percent for r in results) / len(results), 1),
        pass_rate,
        mistakes,
        {r.student: r.reasons for r in results if r.reasons},
        [f"{flag.student}: {flag.what}" for flag in flags],
    )


def score_table(results_by_assignment: dict[str, list[SubmissionResult]]) -> str:
    """A plain-text table: one row per student, one column per assignment."""
    assignments = sorted(results_by_assignment)
    rows = {}
    for assignment, results in results_by_assignment.items():
        for r in results:
            cell = f"{r.score:g}/{r.max_score:g}" + ("" if r.status == "graded" else " !")
            rows.setdefault(r.student, {})[assignment] = cell
    width = max([len("student")] + [len(s) for s in rows])
    lines = ["student".ljust(width) + "".join(f"  {a:>16}" for a in assignments)]
    for student in sorted(rows):
        lines.append(
            student.ljust(width)
            + "".join(f"  {rows[student].get(a, '-'):>16}" for a in assignments)
        )
    return "\n".join(lines)


def _histogram(results_by_assignment: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    for assignment, results in sorted(results_by_assignment.items()):
        ax.hist([r.percent for r in results], bins=range(0, 101, 10), alpha=0.6, label=assignment)
    ax.set(xlabel="score (%)", ylabel="students", title="Grade distribution")
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _html(summaries: list[AssignmentSummary], table: str) -> str:
    parts = [
        "<html><head><meta charset='utf-8'><title>Class report</title></head><body>",
        "<h1>Class report</h1>",
        f"<pre>{html.escape(table)}</pre>",
        "<img src='grade_histogram.png' alt='grade histogram'>",
    ]
    for s in summaries:
        parts.append(
            f"<h2>{s.assignment}</h2><p>{s.submissions} submissions, mean {s.mean_percent}%</p>"
        )
        if s.flags:
            parts.append(
                "<h3 style='color:#b00'>Flags: check these grades</h3><ul>"
                + "".join(f"<li>{html.escape(flag)}</li>" for flag in s.flags)
                + "</ul>"
            )
        parts.append(
            "<table border=1><tr><th>exercise</th><th>pass rate</th></tr>"
            + "".join(
                f"<tr><td>{html.escape(e)}</td><td>{100 * r:.0f}%</td></tr>"
                for e, r in s.exercise_pass_rate.items()
            )
            + "</table>"
        )
        parts.append(
            "<h3>Most frequent diagnosed mistakes</h3><ul>"
            + "".join(f"<li>{html.escape(k)}: {n}</li>" for k, n in s.mistakes)
            + "</ul>"
        )
        parts.append(
            "<h3>Submissions with problems</h3><ul>"
            + "".join(
                f"<li>{html.escape(st)}: {html.escape('; '.join(rs))}</li>"
                for st, rs in s.problems.items()
            )
            + "</ul>"
        )
    return "\n".join(parts + ["</body></html>"])


def report(course: Course = Course(), *, assignments: list[str] | None = None) -> Path:
    """Write reports/report.html, summary.json and grade_histogram.png; return the HTML path."""
    assignments = assignments or course.assignments()
    loaded = {a: load_results(course.results_dir(a)) for a in assignments}
    loaded = {a: r for a, r in loaded.items() if r}
    if not loaded:
        raise FileNotFoundError("no graded results yet: run `autograder grade ASSIGNMENT` first")
    summaries = [summarize(a, r, audit(course, a, r)) for a, r in sorted(loaded.items())]
    table = score_table(loaded)
    course.reports.mkdir(parents=True, exist_ok=True)
    _histogram(loaded, course.reports / "grade_histogram.png")
    (course.reports / "summary.json").write_text(
        json.dumps({"schema_version": 2, "assignments": [asdict(s) for s in summaries]}, indent=1)
    )
    out = course.reports / "report.html"
    out.write_text(_html(summaries, table), encoding="utf-8")
    return out
