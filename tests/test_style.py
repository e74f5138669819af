"""The code's style holds by itself: ruff (line length 100, pyproject.toml) lints and formats it.

Run `ruff format . && ruff check --fix .` to make a change conform.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "arguments", [("check", "."), ("format", "--check", ".")], ids=["lint", "format"]
)
def test_ruff_finds_nothing_to_change(arguments):
    done = _ruff(*arguments)
    assert done.returncode == 0, (
        f"ruff {' '.join(arguments)} wants changes "
        f"(run `ruff format . && ruff check --fix .`):\n"
        f"{done.stdout[-4000:]}{done.stderr[-1000:]}"
    )


@pytest.mark.parametrize("length, refused", [(100, False), (101, True)])
def test_the_line_length_in_force_is_100(length, refused):
    """pyproject.toml's setting is the one ruff reads here (the probe sits in the excluded
    build/ folder, but a path given by name is checked)."""
    probe = ROOT / "build" / f"style_probe_{length}.py"
    probe.parent.mkdir(exist_ok=True)
    try:
        probe.write_text("x = '" + "a" * (length - 6) + "'\n")
        done = _ruff("check", "--no-cache", "--select", "E501", str(probe))
        assert (done.returncode == 1 and "E501" in done.stdout) == refused, done.stdout
    finally:
        probe.unlink(missing_ok=True)
