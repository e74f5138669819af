"""A release folder's stamp, ``RELEASE.json``: what the folder was built from and what it holds.

``autograder release`` writes it last. It names the source notebook's and optkit's sources'
digests (what the folder was built from), the functions whose public cases its casebook holds,
and the digest of every other file of the folder (what it holds), so that a folder edited by
hand, or built from sources that have changed since, is found without rebuilding it. It holds
no date: an unchanged folder rebuilt is byte-identical.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

FILE = "RELEASE.json"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Stamp:
    """What one release folder was built from (digests are sha256 hex) and what it holds."""

    assignment: str
    source_notebook: str  # the instructor notebook, source/NN_topic/*.ipynb
    optkit: str  # optkit's Python sources, as vendored
    functions: tuple[str, ...]  # whose public cases its casebook holds
    files: dict[str, str] = field(default_factory=dict)  # every other file -> its digest

    def to_json(self) -> str:
        return (
            json.dumps({"schema_version": SCHEMA_VERSION, **asdict(self)}, indent=1, sort_keys=True)
            + "\n"
        )


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources_digest(package: Path) -> str:
    """One digest of a package's ``*.py`` files, names and contents (caches and data left out)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(package).as_posix()}\0".encode())
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def folder_files(folder: Path) -> dict[str, str]:
    """Every file of a release folder but the stamp and caches -> its digest, sorted by path."""
    return {
        path.relative_to(folder).as_posix(): file_digest(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != FILE and "__pycache__" not in path.parts
    }


def make(folder: Path, assignment: str, source_notebook: Path, functions: list[str]) -> Stamp:
    """The stamp of a folder just built from ``source_notebook`` (and optkit as vendored)."""
    return Stamp(
        assignment,
        file_digest(source_notebook),
        sources_digest(folder / "optkit"),
        tuple(functions),
        folder_files(folder),
    )


def write(folder: Path, stamp: Stamp) -> Path:
    path = folder / FILE
    path.write_text(stamp.to_json(), encoding="utf-8")
    return path


def read(folder: Path) -> Stamp:
    """The folder's stamp; ValueError naming the folder when it has none or another schema."""
    path = folder / FILE
    if not path.is_file():
        raise ValueError(f"{folder} has no {FILE}: it was not built by `autograder release`")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.pop("schema_version", None) != SCHEMA_VERSION:
        raise ValueError(f"{path}: not a stamp of schema version {SCHEMA_VERSION}")
    return Stamp(**{**data, "functions": tuple(data["functions"])})


def unlike_stamp(folder: Path) -> list[str]:
    """How the folder differs from what its own stamp says it holds (empty: it does not)."""
    stamp, found = read(folder), folder_files(folder)
    problems = [
        f"{name}: changed since the release"
        for name, digest in stamp.files.items()
        if name in found and found[name] != digest
    ]
    problems += [f"{name}: missing" for name in stamp.files if name not in found]
    problems += [f"{name}: not in the release" for name in found if name not in stamp.files]
    if sources_digest(folder / "optkit") != stamp.optkit:
        problems.append("optkit: its sources are not those the stamp names")
    return problems


def stale_inputs(
    stamp: Stamp, source_notebook: Path, optkit: Path, functions: list[str]
) -> list[str]:
    """What the folder would be built from now that differs from its stamp (empty: nothing;
    the casebook's values are compared separately, since they are rebuilt from solutions/)."""
    problems = []
    if file_digest(source_notebook) != stamp.source_notebook:
        problems.append(f"{source_notebook} changed since the release")
    if sources_digest(optkit) != stamp.optkit:
        problems.append(f"{optkit} changed since the release")
    if tuple(functions) != stamp.functions:
        problems.append(f"its casebook would now hold {functions}, not {list(stamp.functions)}")
    return problems
