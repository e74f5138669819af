#!/usr/bin/env python3
"""Set up the course in ./.venv (once, or again when pyproject.toml changes) and run a job.

    python3 dev.py demo      build the release, grade a sample class, print the results
    python3 dev.py test      run the whole test suite (what CI runs)
    python3 dev.py shell     print how to activate the environment

Only the standard library is used here: this file must run on a fresh clone.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-pyproject"
OWNER = VENV / ".made-for"  # the absolute folder this environment was made for


def _pyproject_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def environment_owner() -> str | None:
    """The folder .venv was made for: its marker; for a .venv made before the marker, this
    folder if its pip script runs this .venv's Python; else None (unknown)."""
    if VENV.is_symlink():
        return None  # another checkout's environment, linked in
    if OWNER.is_file():
        return OWNER.read_text(encoding="utf-8").strip()
    try:
        head = (BIN / "pip").read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None
    return str(ROOT) if str(BIN / "python") in head else None


def _create() -> None:
    venv.EnvBuilder(with_pip=True).create(VENV)
    OWNER.write_text(str(ROOT), encoding="utf-8")


def _install(python: Path) -> None:
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    subprocess.run(pip + ["-e", f"{ROOT}[test]"], check=True)


def discard_foreign_environment() -> None:
    """Remove a .venv that was not made for this folder (a copied checkout's: its scripts run
    the other folder's Python, and installing into it would change that checkout)."""
    if not (VENV.exists() or VENV.is_symlink()):
        return
    owner = environment_owner()
    if owner == str(ROOT):
        if not OWNER.exists():  # made before the marker: mark it now
            OWNER.write_text(str(ROOT), encoding="utf-8")
        return
    made_for = f"made for {owner}" if owner else "not made by dev.py for this folder"
    print(
        f"dev.py: {VENV} was {made_for} (a copied or moved checkout?); rebuilding it here ...",
        flush=True,
    )
    if VENV.is_symlink() or VENV.is_file():
        VENV.unlink()  # a link: the other checkout's environment stays
    else:
        shutil.rmtree(VENV)


def ensure_environment() -> Path:
    """Create .venv and install the course (editable, with test extras) if needed."""
    discard_foreign_environment()
    python = BIN / "python"
    if not python.exists():
        print("dev.py: creating .venv ...", flush=True)
        _create()
    if not STAMP.exists() or STAMP.read_text() != _pyproject_digest():
        print("dev.py: installing the course and its dependencies into .venv ...", flush=True)
        _install(python)
        STAMP.write_text(_pyproject_digest())
    return python


def main(argv: list[str]) -> int:
    job, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if job not in {"demo", "test", "shell"}:
        print(__doc__)
        return 0 if job in {"help", "-h", "--help"} else 2
    python = ensure_environment()
    env = dict(
        os.environ,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        VIRTUAL_ENV=str(VENV),
        MPLBACKEND="Agg",
    )
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
