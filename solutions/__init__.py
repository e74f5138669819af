"""Hidden reference implementations of every graded function (never shipped to students)."""
