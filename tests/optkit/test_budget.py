"""optkit.budget: full size for students, a small size under nbgrader's autograding."""

from optkit import budget


def test_full_budget_outside_grading(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert budget(5000) == 5000


def test_small_budget_while_autograding(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert budget(5000) == 250 and budget(10) == 1 and budget(5000, grading=40) == 40
