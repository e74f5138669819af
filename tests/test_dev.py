"""`dev.py` reuses only a .venv made for its own folder: a copied checkout gets its own."""

import importlib.util
import shutil
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class _QuickBuilder(venv.EnvBuilder):
    """A real virtual environment, without pip (a second or so instead of ten)."""

    def __init__(self, *args, **kwargs):
        super().__init__(with_pip=False, symlinks=True)


def load_dev(folder: Path, monkeypatch, installs: list):
    """dev.py as it runs from ``folder`` (its ROOT), installing nothing (each install is
    appended to ``installs``)."""
    name = f"dev_{abs(hash(str(folder)))}"
    spec = importlib.util.spec_from_file_location(name, folder / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module.venv, "EnvBuilder", _QuickBuilder)
    monkeypatch.setattr(module, "_install", lambda python: installs.append((folder, python)))
    return module


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A checkout-like folder: dev.py and a pyproject.toml."""
    folder = tmp_path / "course"
    folder.mkdir()
    shutil.copy(ROOT / "dev.py", folder / "dev.py")
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def _files(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() and not p.is_symlink() else None
        for p in folder.rglob("*")
    }


def test_an_environment_is_made_once_and_reused(checkout, monkeypatch, capsys):
    installs = []
    dev = load_dev(checkout, monkeypatch, installs)
    python = dev.ensure_environment()
    assert python == checkout / ".venv" / "bin" / "python" and python.exists()
    assert (checkout / ".venv" / ".made-for").read_text() == str(checkout)
    assert dev.ensure_environment() == python
    assert len(installs) == 1
    assert "rebuilding" not in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX layout of a virtual environment")
def test_a_copied_checkout_rebuilds_the_environment_it_did_not_make(checkout, monkeypatch, capsys):
    installs = []
    load_dev(checkout, monkeypatch, installs).ensure_environment()
    original = _files(checkout / ".venv")
    copy = checkout.parent / "copy"
    shutil.copytree(checkout, copy, symlinks=True)
    capsys.readouterr()

    python = load_dev(copy, monkeypatch, installs).ensure_environment()
    out = capsys.readouterr().out
    assert f"was made for {checkout}" in out and "rebuilding it here" in out
    assert (copy / ".venv" / ".made-for").read_text() == str(copy)
    assert (copy / ".venv" / "pyvenv.cfg").exists() and python.exists()
    assert str(copy / ".venv") in (copy / ".venv" / "bin" / "activate").read_text()
    assert installs[-1] == (copy, python)  # installed into the copy's own .venv
    assert _files(checkout / ".venv") == original  # the original's is untouched


def test_a_linked_or_unmarked_environment_is_not_trusted(checkout, monkeypatch, capsys):
    installs = []
    load_dev(checkout, monkeypatch, installs).ensure_environment()
    other = checkout.parent / "other"
    other.mkdir()
    shutil.copy(checkout / "dev.py", other / "dev.py")
    shutil.copy(checkout / "pyproject.toml", other / "pyproject.toml")
    (other / ".venv").symlink_to(checkout / ".venv")
    load_dev(other, monkeypatch, installs).ensure_environment()
    assert "rebuilding" in capsys.readouterr().out
    assert not (other / ".venv").is_symlink()
    assert (checkout / ".venv" / ".made-for").read_text() == str(checkout)  # left alone

    (other / ".venv" / ".made-for").unlink()  # a .venv from before the marker, whose
    pip = other / ".venv" / "bin" / "pip"  # pip runs another folder's Python
    pip.write_text(f"#!{checkout}/.venv/bin/python\n")
    load_dev(other, monkeypatch, installs).ensure_environment()
    assert "not made by dev.py for this folder" in capsys.readouterr().out
    pip = other / ".venv" / "bin" / "pip"  # ... and one whose pip runs its own
    pip.write_text(f"#!{other}/.venv/bin/python\n")
    (other / ".venv" / ".made-for").unlink()
    load_dev(other, monkeypatch, installs).ensure_environment()
    assert "rebuilding" not in capsys.readouterr().out
    assert (other / ".venv" / ".made-for").read_text() == str(other)
