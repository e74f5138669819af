"""`cluster`: send the sandboxed runs of `grade` to a Dask cluster; decide the grades at home.

``autograder grade A --scheduler tcp://HOST:PORT`` (or ``c.GradingSettings.scheduler``) makes
this the way `grade` executes each prepared submission: the job travels to a worker, which
runs it in its own sandbox (``worker.run_job``); the ``SandboxRun`` comes back here, where the
verdict, the gradebook, the records and the feedback are made exactly as in local grading.

Workers are checked before they get work: the same Python, the same versions of the packages
that decide what a notebook computes, the same grader code, and a sandbox that starts there
(``worker.environment_report``). A worker that differs is refused, with what differs, and gets
nothing; workers that join later are checked as they come.

Faults. A worker that dies mid-run: Dask runs its jobs again on another worker, and the
instructor's side writes each submission's record once, when its run comes back. A job that
stays past its time limit is killed on the worker by the sandbox's watchdog and comes back
with its reason. A scheduler that goes away, or a cluster with no usable worker left, ends the
run with ``ClusterLost``: every record written so far stays, and the same command grades the
rest.
"""

import contextlib
import socket
import threading
import time
import uuid
from pathlib import Path

from .frames import read_frame, write_frame
from .oracle import OracleProcess
from .sandbox import Sandbox, SandboxRun
from .worker import Bundle, answer_queue, ask_queue, environment_report, mismatches, run_job

REFRESH_SECONDS = 2.0  # how often the list of workers is looked at again


class ClusterUnavailable(RuntimeError):
    """The scheduler cannot be reached, or it has no worker that may grade."""


class ClusterLost(RuntimeError):
    """The cluster went away in the middle of a run; finished results are kept."""


class ClusterExecution:
    """Runs prepared jobs on a Dask cluster's checked workers (``execute`` is thread-safe)."""

    def __init__(
        self,
        address: str,
        sandbox: Sandbox,
        release: Path,
        cases: Path,
        oracle_names: list[str],
        *,
        say=print,
        connect_timeout: float = 30,
        worker_wait: float = 120,
    ):
        self.address, self.sandbox, self.oracle_names = address, sandbox, oracle_names
        self.say, self.worker_wait = say, worker_wait
        self.lock = threading.Lock()
        self.usable: dict[str, int] = {}  # worker address -> its threads
        self.refused: dict[str, str] = {}  # worker address -> why
        self.checked_at = 0.0
        self.expected = environment_report(probe_sandbox=False)
        self.expected["sandbox"] = "ok"
        self.client = _connect(address, connect_timeout)
        try:
            self.bundles = {"release": Bundle.of(release), "cases": Bundle.of(cases)}
            self.shared = {}
            self.refresh(force=True)
            if not self.usable:
                self._wait_for_workers()
        except BaseException:
            self.close()
            raise

    @property
    def threads(self) -> int:
        """Jobs the usable workers can run at once."""
        return max(1, sum(self.usable.values()))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close(timeout=5)

    # ----------------------------------------------------------------------- workers

    def refresh(self, force: bool = False) -> None:
        """Forget workers that left; check the ones that joined (each once)."""
        with self.lock:
            if not force and time.monotonic() - self.checked_at < REFRESH_SECONDS:
                return
            self.checked_at = time.monotonic()
            if self.client.status != "running":
                raise self._lost()
            try:
                workers = self.client.scheduler_info(n_workers=-1)["workers"]
            except Exception as error:
                raise ClusterLost(
                    f"the scheduler at {self.address} stopped answering ({type(error).__name__})"
                ) from error
            for gone in set(self.usable) - set(workers):
                del self.usable[gone]
            new = [w for w in workers if w not in self.usable and w not in self.refused]
            if not new:
                return
            reports = self.client.run(
                environment_report, self.sandbox.isolated, workers=new, on_error="return"
            )
            for worker in new:
                problems = mismatches(self.expected, reports.get(worker, "no answer"))
                if not self.sandbox.isolated:
                    problems = [p for p in problems if not p.startswith("no sandbox")]
                if problems:
                    self.refused[worker] = "; ".join(problems)
                    self.say(
                        f"refusing Dask worker {worker}: its environment differs from "
                        f"this one: {self.refused[worker]}. Install the course's "
                        "environment there (the same versions) and restart the worker."
                    )
                else:
                    self.usable[worker] = int(workers[worker].get("nthreads") or 1)

    def _wait_for_workers(self) -> None:
        deadline = time.monotonic() + self.worker_wait
        while not self.usable:
            if time.monotonic() > deadline:
                refused = "".join(f"\n  {w}: {why}" for w, why in self.refused.items())
                raise ClusterUnavailable(
                    f"the Dask scheduler at {self.address} has no worker that may grade "
                    f"(waited {self.worker_wait:g} s).{refused or ' No worker is connected.'}\n"
                    "Start workers in the course's environment: "
                    f"`dask worker {self.address} --nthreads <cores>` on each machine."
                )
            time.sleep(REFRESH_SECONDS)
            self.refresh(force=True)

    # ----------------------------------------------------------------------- jobs

    def execute(self, job: Path, label: str) -> SandboxRun:
        """Run one prepared job (a ``prepare.write_job`` folder) on a worker; its SandboxRun.
        Raises ClusterLost when the cluster goes away before the run comes back."""
        payload = Bundle.of(job)
        relay = f"optim-oracle-{uuid.uuid4().hex}" if self.oracle_names else None
        bridge = (
            OracleBridge(self.client, relay, self.oracle_names, job)
            if relay
            else contextlib.nullcontext()
        )
        try:
            with bridge:
                return self._run_until_done(payload, relay, label)
        except (ClusterLost, ClusterUnavailable):
            raise
        except Exception as error:
            if self._gone():  # whatever failed, the cluster went first
                raise self._lost() from error
            raise

    def _gone(self, patience: float = 5.0) -> bool:
        """Whether the client has lost its scheduler (it may take it a moment to notice)."""
        deadline = time.monotonic() + patience
        while self.client.status == "running":
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True

    def _lost(self) -> ClusterLost:
        return ClusterLost(f"the connection to the Dask scheduler at {self.address} was lost")

    def _run_until_done(self, payload: Bundle, relay: str | None, label: str) -> SandboxRun:
        while True:
            allowed = self._allowed_workers()
            future = self.client.submit(
                run_job,
                payload,
                self._shared("release"),
                self._shared("cases"),
                self.sandbox.limits,
                self.sandbox.isolated,
                relay,
                key=f"sandbox-{label}-{uuid.uuid4().hex[:12]}",
                workers=allowed,
                allow_other_workers=False,
                pure=False,
            )
            outcome = self._outcome(future, allowed)
            if outcome is not None:
                return outcome

    def _allowed_workers(self) -> list[str]:
        """The usable workers now; ClusterLost when every one has gone for good."""
        self.refresh()
        if not self.usable:
            try:
                self._wait_for_workers()
            except ClusterUnavailable as error:
                raise ClusterLost(str(error)) from error
        return sorted(self.usable)

    def _shared(self, name: str):
        """The scattered copy of a shared input (scattered again if the cluster lost it)."""
        with self.lock:
            future = self.shared.get(name)
            if future is None or future.status != "finished":
                future = self.shared[name] = self.client.scatter(
                    self.bundles[name], broadcast=True, hash=False
                )
            return future

    def _outcome(self, future, allowed: list[str]) -> SandboxRun | None:
        """Wait for the job; its SandboxRun, or None when it must be submitted again (every
        worker it may use has left, or its inputs were lost with them)."""
        from concurrent.futures import CancelledError

        from distributed.scheduler import KilledWorker

        while True:
            try:
                return future.result(timeout=REFRESH_SECONDS)
            except TimeoutError:
                pass
            except CancelledError as error:
                raise self._lost() from error
            except KilledWorker:
                return SandboxRun(
                    None,
                    problem="the Dask workers running it died several "
                    "times (it was tried again each time)",
                )
            except Exception as error:
                if future.status == "lost":
                    return None
                raise RuntimeError(
                    f"the Dask worker failed to run the job: "
                    f"{type(error).__name__}: {str(error)[:300]}"
                ) from error
            if self.client.status != "running":
                raise self._lost()
            self.refresh()
            if not set(allowed) & set(self.usable):
                future.cancel()
                return None


def _connect(address: str, timeout: float):
    from distributed import Client

    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ClusterUnavailable(
            f"cannot reach a Dask scheduler at {address} ({type(error).__name__}: {error}). "
            "Start one with `dask scheduler` and workers with `dask worker ADDRESS`, or grade "
            "on this machine without --scheduler."
        ) from error


class OracleBridge:
    """The instructor's end of a job's oracle relay (``worker.OracleRelay``): questions from
    the worker's queue go to an oracle process on this machine; its answers go back."""

    def __init__(self, client, relay: str, names: list[str], folder: Path):
        self.client, self.relay, self.names, self.folder = client, relay, names, folder
        self.stopping = threading.Event()

    def __enter__(self):
        from distributed import Queue

        self.asks = Queue(ask_queue(self.relay), client=self.client)
        self.answers = Queue(answer_queue(self.relay), client=self.client)
        self.oracle = OracleProcess(self.names, self.folder)
        self.socket_path = self.oracle.__enter__()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> bool:
        self.stopping.set()
        self.thread.join(timeout=10)
        self.oracle.__exit__(None, None, None)
        for queue in (self.asks, self.answers):
            with contextlib.suppress(Exception):
                queue.close()
        return False

    def _serve(self) -> None:
        connection, conn = None, None
        while not self.stopping.is_set():
            try:
                item = self.asks.get(timeout=1)
            except Exception:  # nothing asked yet (a timeout), or the queue is gone
                continue
            if not isinstance(item, dict) or not isinstance(item.get("body"), bytes):
                continue
            if item.get("conn") != conn:  # a new run of the job (its worker died): new line
                if connection is not None:
                    connection.close()
                connection, conn = (
                    socket.socket(socket.AF_UNIX, socket.SOCK_STREAM),
                    item.get("conn"),
                )
                connection.connect(str(self.socket_path))
            try:
                write_frame(connection, item["body"])
                body = read_frame(connection)
            except (OSError, ValueError):
                body = None
            if body is None:  # the oracle closed it: start afresh next time
                connection.close()
                connection, conn = None, None
            with contextlib.suppress(Exception):
                self.answers.put({"conn": item.get("conn"), "body": body})
        if connection is not None:
            connection.close()
