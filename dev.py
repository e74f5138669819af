#!/usr/bin/env python3
"""Set up the course in ./.venv (once, or again when pyproject.toml changes) and run a job.

    python3 dev.py demo      build the release, grade a sample class, print the results
    python3 dev.py test      run the whole test suite (what CI runs)
    python3 dev.py shell     print how to activate the environment

Only the standard library is used here: this file must run on a fresh clone.
"""
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-pyproject"


def _pyproject_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> Path:
    """Create .venv and install the course (editable, with test extras) if needed."""
    python = BIN / "python"
    if not python.exists():
        print("dev.py: creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _pyproject_digest():
        print("dev.py: installing the course and its dependencies into .venv ...", flush=True)
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run(pip + ["--upgrade", "pip"], check=True)
        subprocess.run(pip + ["-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(_pyproject_digest())
    return python


def main(argv: list[str]) -> int:
    job, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if job not in {"demo", "test", "shell"}:
        print(__doc__)
        return 0 if job in {"help", "-h", "--help"} else 2
    python = ensure_environment()
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               VIRTUAL_ENV=str(VENV), MPLBACKEND="Agg")
    if job == "shell":
        print(f"source {BIN / 'activate'}")
        return 0
    if job == "demo":
        command = [str(python), "-m", "autograder", "demo", *rest]
    else:
        command = [str(python), "-m", "pytest", *rest]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
