"""`loopback`: a real Dask cluster on this machine (a `dask scheduler` and `dask worker`
processes on 127.0.0.1), for trying ``grade --scheduler`` and for the tests and benchmarks.

    with LoopbackCluster(workers=2) as cluster:
        grade(course, "03_momentum", scheduler=cluster.address)

Each worker is started in its own process group, so ``kill_worker`` takes it down the way a
machine dies (nanny and worker at once, no goodbye to the scheduler).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


class LoopbackCluster:
    """A scheduler and ``workers`` workers of ``threads`` threads each, on loopback."""

    def __init__(self, workers: int = 2, threads: int = 1, startup_timeout: float = 120):
        self.count, self.threads, self.startup_timeout = workers, threads, startup_timeout
        self.scratch = Path(tempfile.mkdtemp(prefix="loopback-cluster-"))
        self.scheduler_file = self.scratch / "scheduler.json"
        self.scheduler = None
        self.workers: list[subprocess.Popen] = []
        self.address = ""

    def __enter__(self) -> "LoopbackCluster":
        try:
            self.scheduler = self._start(
                "scheduler",
                [
                    "scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "0",
                    "--no-dashboard",
                    "--scheduler-file",
                    str(self.scheduler_file),
                ],
            )
            deadline = time.monotonic() + self.startup_timeout
            while not self.scheduler_file.is_file() or not self.scheduler_file.stat().st_size:
                if self.scheduler.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the Dask scheduler did not start: {self._log('scheduler')}"
                    )
                time.sleep(0.1)
            self.address = json.loads(self.scheduler_file.read_text())["address"]
            for _ in range(self.count):
                self.add_worker()
            self.wait_for_workers(self.count)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def add_worker(self, env: dict | None = None, preload: str | None = None) -> subprocess.Popen:
        """Start one more worker (``env``: extra environment; ``preload``: a module Dask
        imports in the worker first)."""
        extra = ["--preload", preload] if preload else []
        worker = self._start(
            f"worker-{len(self.workers)}",
            [
                "worker",
                self.address,
                "--nthreads",
                str(self.threads),
                "--no-dashboard",
                "--local-directory",
                str(self.scratch / "workers"),
                *extra,
            ],
            env=env,
        )
        self.workers.append(worker)
        return worker

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=self.startup_timeout, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=self.startup_timeout)

    def kill_worker(self, index: int) -> None:
        """Kill worker ``index`` and its nanny at once, like a machine that dies."""
        _kill_group(self.workers[index])

    def worker_index(self, client, address: str) -> int:
        """Which of ``workers`` is the Dask worker at ``address`` (its process group)."""
        group = os.getpgid(client.run(os.getpid, workers=[address])[address])
        return next(i for i, w in enumerate(self.workers) if w.pid == group)

    def kill_scheduler(self) -> None:
        _kill_group(self.scheduler)

    def __exit__(self, *exc) -> bool:
        for process in [*self.workers, self.scheduler]:
            if process is not None:
                _kill_group(process)
        shutil.rmtree(self.scratch, ignore_errors=True)
        return False

    def _start(self, name: str, arguments: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.scratch / f"{name}.log", "wb")
        try:
            return subprocess.Popen(
                [sys.executable, "-m", "dask", *arguments],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env={**os.environ, **(env or {})},
                start_new_session=True,
            )
        finally:
            log.close()

    def _log(self, name: str) -> str:
        path = self.scratch / f"{name}.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
