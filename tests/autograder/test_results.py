"""autograder.results: the grading record's derived scores and its JSON round trip, and the score
the CSV export takes from it, without a grading run."""

import json

import pytest

from autograder.export import exported_score
from autograder.results import (
    FAILED,
    GRADED,
    SCHEMA_VERSION,
    SubmissionResult,
    load_result,
    load_results,
    save_result,
)
from autograder.results import TestResult as CellResult  # not "Test...": pytest would collect it


def _result(student="alice", **fields) -> SubmissionResult:
    tests = [
        CellResult("test_f_public", 1.0, 1.0),
        CellResult(
            "test_f_hidden", 0.0, 3.0, error="✗ f failed hidden case 2 of 9", mistake="f:sign_error"
        ),
        CellResult("test_g_hidden", 2.0, 2.0, mistake="g:ones"),
        CellResult("test_g_public", 0.0, 1.0, mistake="f:sign_error"),
    ]
    return SubmissionResult(student, "01_gradient_descent", GRADED, tests=tests, **fields)


def test_a_test_passes_only_with_every_point_of_a_scored_cell():
    assert CellResult("t", 1.0, 1.0).passed
    assert CellResult("t", 1.5, 1.0).passed
    assert not CellResult("t", 0.5, 1.0).passed
    assert not CellResult("t", 0.0, 0.0).passed  # a cell worth nothing is never "passed"


def test_scores_are_derived_from_the_tests():
    result = _result()
    assert (result.score, result.max_score) == (3.0, 7.0)
    assert result.percent == pytest.approx(300 / 7)
    assert result.mistakes == ["f:sign_error", "g:ones"]  # sorted, each once


def test_a_submission_without_tests_scores_zero_percent():
    result = SubmissionResult("bob", "01_gradient_descent", FAILED, reasons=["no notebook"])
    assert (result.score, result.max_score, result.percent, result.mistakes) == (0, 0, 0.0, [])


def test_the_status_is_a_closed_set():
    with pytest.raises(ValueError, match="unknown status 'done'"):
        SubmissionResult("carol", "01_gradient_descent", "done")


def test_a_record_round_trips_through_json_with_its_schema_version(tmp_path):
    result = _result(
        seconds=1.5,
        sandboxed=False,
        submission_digest="ab" * 32,
        graded_at="2026-01-01T00:00:00+00:00",
        peak_memory_mb=12.5,
    )
    path = save_result(result, tmp_path / "results" / "alice.json")
    assert path.is_file()
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["schema_version"] == SCHEMA_VERSION
    assert "score" not in payload["submission"]  # derived, never stored
    assert load_result(path) == result
    assert SubmissionResult.from_dict(payload["submission"]) == result
    assert [p.name for p in path.parent.iterdir()] == ["alice.json"]  # no temporary left


def test_saving_again_replaces_the_record(tmp_path):
    save_result(_result(), tmp_path / "alice.json")
    regraded = SubmissionResult("alice", "01_gradient_descent", FAILED, reasons=["timeout"])
    save_result(regraded, tmp_path / "alice.json")
    assert load_result(tmp_path / "alice.json") == regraded


def test_a_record_of_another_schema_is_refused(tmp_path):
    path = save_result(_result(), tmp_path / "alice.json")
    payload = json.loads(path.read_text())
    payload["schema_version"] = SCHEMA_VERSION - 1
    path.write_text(json.dumps(payload))
    with pytest.raises(ValueError, match="regrade with --force"):
        load_result(path)


def test_load_results_reads_every_record_by_student_and_skips_hidden_files(tmp_path):
    assert load_results(tmp_path / "missing") == []
    for student in ("zoe", "alice", "mia"):
        save_result(_result(student), tmp_path / f"{student}.json")
    (tmp_path / ".writing-x.json").write_text("{not json")
    assert [r.student for r in load_results(tmp_path)] == ["alice", "mia", "zoe"]


def test_the_exported_score_applies_hand_set_scores_only_where_formgrader_has_one():
    result = _result()
    assert exported_score(result, None) == 3.0
    assert exported_score(result, {"test_f_hidden": ("auto", None)}) == 3.0
    assert (
        exported_score(result, {"test_f_hidden": ("auto", "2.5"), "test_g_hidden": ("auto", 0)})
        == 3.5
    )
