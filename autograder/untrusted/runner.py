"""Inside the sandbox, as its process 1: execute one prepared notebook and stream plain data out.

The trusted side starts this file with bubblewrap (``autograder/sandbox.py``) and reads JSON
lines from its standard output, each sent as soon as it is known::

    {"kind": "start", "cells": N}
    {"kind": "cell", "index": i, "outputs": [...], "execution_count": n}   after each cell
    {"kind": "records", "text": "..."}        what the test cells recorded, after each cell
    {"kind": "event", "timeout" | "output_cut" | "kernel_died" | "runner_error": ...}
    {"kind": "done"}

so a run the trusted side has to stop (time, memory, CPU) still hands over every cell and
record it finished. It decides nothing; the trusted side reads all of it as untrusted data.

Being process 1 of the sandbox's process namespace, this runner cannot be killed from inside
(the kernel ignores such signals to an init process that has no handler for them), and it makes
itself non-dumpable, so the student's code can neither trace it nor open its files through
/proc. When it exits, the kernel and everything the student started die with it.

Only the standard library, nbformat and nbclient are used: nothing of the course is mounted.
"""

import ctypes
import json
import os
import shutil
import signal
import sys
import traceback
from pathlib import Path

GRADING = Path(os.environ.get("OPTIM_GRADING_ROOT", "/grading"))  # set only by --no-sandbox
IN, OUT, FONTS = GRADING / "in", GRADING / "out", GRADING / "mplcache"
KIT = Path(__file__).resolve().parent
PR_SET_DUMPABLE = 4
# The kernel's matplotlib backends the job may ask for (``prepare.write_job``): inline sends
# figures out as image/png outputs, Agg (the default) none.
BACKENDS = ("Agg", "module://matplotlib_inline.backend_inline")
# jsonschema's optional format checkers (one builds a URI grammar for seconds) are imported by
# nbformat at every start; nothing here checks formats, so they are left out.
for _optional in (
    "rfc3987_syntax",
    "isoduration",
    "arrow",
    "webcolors",
    "uri_template",
    "fqdn",
    "rfc3339_validator",
    "rfc3986_validator",
    "rfc3987",
    "jsonpointer",
):
    sys.modules.setdefault(_optional, None)


class Channel:
    """JSON lines to the trusted side, on a descriptor nothing else in the sandbox holds."""

    def __init__(self, fd: int, records_cap: int):
        self.out = os.fdopen(fd, "w", encoding="utf-8")
        self.records_cap, self.records_sent = records_cap, 0

    def send(self, kind: str, **fields) -> None:
        self.out.write(
            json.dumps({"kind": kind, **fields}, separators=(",", ":"), default=str) + "\n"
        )
        self.out.flush()

    def send_new_records(self) -> None:
        """The complete lines the recorder appended since the last call (up to the cap)."""
        try:
            with open(OUT / "records.jsonl", "rb") as handle:
                handle.seek(self.records_sent)
                chunk = handle.read(max(0, self.records_cap - self.records_sent))
        except OSError:
            return
        complete = chunk[: chunk.rfind(b"\n") + 1]
        if complete:
            self.records_sent += len(complete)
            self.send("records", text=complete.decode("utf-8", "replace"))


def main() -> int:
    job = json.loads((IN / "job.json").read_text())
    channel = Channel(_private_result_channel(), job["max_records_bytes"])
    _protect_process()
    _limit_processes(job)
    try:
        workdir = _prepare_workdir(job)
        _execute(job, workdir, channel)
    except BaseException as error:  # report it: the trusted side decides what it means
        channel.send(
            "event",
            runner_error="".join(
                traceback.format_exception(type(error), error, error.__traceback__)[-6:]
            )[:2000],
        )
    channel.send_new_records()
    channel.send("done")
    return 0


def _private_result_channel() -> int:
    """Move the result pipe off fd 1, so nothing started from here can write into it."""
    result_fd = os.dup(1)
    os.set_inheritable(result_fd, False)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    return result_fd


def _protect_process() -> None:
    """No /proc access or ptrace from the student's processes; signals to us do nothing."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    for number in range(1, signal.NSIG):
        if number in (signal.SIGKILL, signal.SIGSTOP, signal.SIGCHLD):
            continue
        try:
            signal.signal(number, lambda *_: None)
        except (OSError, ValueError, RuntimeError):
            pass


def _limit_processes(job) -> None:
    import resource

    limit = job.get("max_processes")
    if limit:
        resource.setrlimit(resource.RLIMIT_NPROC, (limit, limit))


def _prepare_workdir(job) -> Path:
    workdir = Path.home() / job["workdir"]
    shutil.copytree(
        IN / "release",
        workdir,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        dirs_exist_ok=True,
    )
    shutil.copyfile(IN / "notebook.ipynb", workdir / job["notebook"])
    config = Path(os.environ["MPLCONFIGDIR"])
    config.mkdir(parents=True, exist_ok=True)
    if FONTS.is_dir():  # a font cache built outside: a fresh one would take seconds
        for cache in FONTS.glob("fontlist-*.json"):
            shutil.copyfile(cache, config / cache.name)
    return workdir


def _execute(job, workdir: Path, channel: Channel) -> None:
    import nbformat
    from nbclient.exceptions import DeadKernelError

    notebook = nbformat.read(str(workdir / job["notebook"]), as_version=4)
    channel.send("start", cells=len(notebook.cells))
    client = _client_class()(
        notebook,
        channel,
        job,
        timeout=job["cell_timeout"],
        interrupt_on_timeout=True,
        allow_errors=True,
        kernel_name="python3",
        record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(workdir)}},
    )
    try:
        backend = job.get("matplotlib_backend")
        _off_the_main_thread(
            client.execute,
            cwd=str(workdir),
            env=dict(
                os.environ,
                PYTHONPATH=str(KIT),
                MPLBACKEND=backend if backend in BACKENDS else BACKENDS[0],
            ),
        )
    except DeadKernelError:
        channel.send("event", kernel_died=client.current_cell)
    finally:
        if client.km is not None:  # nothing of the kernel may outlive the run
            try:
                client.km.shutdown_kernel(now=True)
            except Exception:
                pass


def _size(content) -> int:
    """About how many bytes an output message adds (cheap: floods send many)."""
    if not isinstance(content, dict):
        return 0
    parts = [
        content.get("text"),
        content.get("evalue"),
        *content.get("traceback", []),
        *(content.get("data") or {}).values(),
    ]
    return sum(len(part) for part in parts if isinstance(part, str)) + 100


def _off_the_main_thread(function, **kwargs):
    """Run ``function`` in a thread: nbclient then installs no signal handlers of its own (on
    the main thread it would shut the kernel down when the student signals this process)."""
    import threading

    outcome = {}

    def run():
        try:
            outcome["value"] = function(**kwargs)
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=run, name="notebook")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _client_class():
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError
    from nbclient.util import ensure_async

    class StreamingClient(NotebookClient):
        """nbclient that sends each cell as it finishes, keeps outputs within a budget and
        reports every cell that ran too long."""

        def __init__(self, nb, channel, job, **kw):
            super().__init__(nb, **kw)
            self.channel, self.current_cell = channel, None
            self.cell_budget, self.total_budget = (
                job["max_cell_output_bytes"],
                job["max_output_bytes"],
            )
            self.spent_in_cell, self.spent, self.cut = 0, 0, set()
            self.interrupted = None
            self.on_cell_start = self._starting
            self.on_cell_executed = self._finished

        def _starting(self, cell, cell_index):
            self.current_cell, self.spent_in_cell = cell_index, 0

        def _finished(self, cell, cell_index, execute_reply):
            self.channel.send(
                "cell",
                index=cell_index,
                outputs=cell.get("outputs", []),
                execution_count=cell.get("execution_count"),
            )
            self.channel.send_new_records()

        async def _async_handle_timeout(self, timeout, cell=None):
            """Interrupt the kernel at the time limit; if it is still busy one limit later
            (it ignores interrupts), kill it: the run ends there, its records kept."""
            if self.interrupted == self.current_cell:
                self.channel.send("event", kernel_killed=self.current_cell)
                await ensure_async(self.km.shutdown_kernel(now=True))
                raise DeadKernelError("the kernel ignored the interrupt")
            self.interrupted = self.current_cell
            self.channel.send("event", timeout=self.current_cell)
            return await super()._async_handle_timeout(timeout, cell)

        def process_message(self, msg, cell, cell_index):
            if msg.get("msg_type") in (
                "stream",
                "display_data",
                "execute_result",
                "error",
                "update_display_data",
            ):
                size = _size(msg.get("content"))
                self.spent_in_cell += size
                self.spent += size
                if self.spent_in_cell > self.cell_budget or self.spent > self.total_budget:
                    if cell_index not in self.cut:
                        self.cut.add(cell_index)
                        self.channel.send("event", output_cut=cell_index)
                    return None
            return super().process_message(msg, cell, cell_index)

    return StreamingClient


if __name__ == "__main__":
    sys.exit(main())
