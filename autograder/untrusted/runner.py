"""Inside the sandbox, as its process 1: execute one prepared notebook and hand back plain data.

The trusted side starts this file with bubblewrap (``autograder/sandbox.py``) and reads one JSON
document from its standard output: every cell's outputs, the records of the test cells
(``recorder.py``) and what happened (cells past the time limit, the kernel dying, output cut).
It decides nothing; the trusted side reads all of it as untrusted data.

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

GRADING = Path(os.environ.get("OPTIM_GRADING_ROOT", "/grading"))   # set only by --no-sandbox
IN, OUT, FONTS = GRADING / "in", GRADING / "out", GRADING / "mplcache"
KIT = Path(__file__).resolve().parent
PR_SET_DUMPABLE = 4
# Building jsonschema's URI grammar takes seconds at every start and nothing here needs it.
sys.modules.setdefault("rfc3987_syntax", None)


def main() -> int:
    result_fd = _private_result_channel()
    _protect_process()
    job = json.loads((IN / "job.json").read_text())
    _limit_processes(job)
    events = {"timeouts": [], "output_cut": [], "kernel_died": None, "runner_error": None}
    cells = []
    try:
        workdir = _prepare_workdir(job)
        cells = _execute(job, workdir, events)
    except BaseException as error:      # report it: the trusted side decides what it means
        events["runner_error"] = "".join(traceback.format_exception_only(type(error), error))[:2000]
    result = {"schema": 1, "cells": cells, "events": events,
              "records": _read_records(job["max_records_bytes"])}
    with os.fdopen(result_fd, "w", encoding="utf-8") as channel:
        json.dump(result, channel, separators=(",", ":"))
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
    shutil.copytree(IN / "release", workdir, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                    dirs_exist_ok=True)
    shutil.copyfile(IN / "notebook.ipynb", workdir / job["notebook"])
    config = Path(os.environ["MPLCONFIGDIR"])
    config.mkdir(parents=True, exist_ok=True)
    if FONTS.is_dir():       # a font cache built outside: a fresh one would take seconds
        for cache in FONTS.glob("fontlist-*.json"):
            shutil.copyfile(cache, config / cache.name)
    return workdir


def _execute(job, workdir: Path, events) -> list:
    import nbformat
    from nbclient.exceptions import DeadKernelError

    notebook = nbformat.read(str(workdir / job["notebook"]), as_version=4)
    client = _CappedClient(notebook, events, job, timeout=job["cell_timeout"],
                           interrupt_on_timeout=True, allow_errors=True, kernel_name="python3",
                           record_timing=False, resources={"metadata": {"path": str(workdir)}})
    env = dict(os.environ, PYTHONPATH=str(KIT))
    try:
        client.execute(cwd=str(workdir), env=env)
    except DeadKernelError:
        events["kernel_died"] = client.current_cell
    return [{"outputs": cell.get("outputs", []), "execution_count": cell.get("execution_count")}
            for cell in notebook.cells]


def _client_class():
    from nbclient import NotebookClient

    class CappedClient(NotebookClient):
        """nbclient with a budget for outputs and a note of every cell that ran too long."""

        def __init__(self, nb, events, job, **kw):
            super().__init__(nb, **kw)
            self.events, self.current_cell = events, None
            self.cell_budget, self.total_budget = job["max_cell_output_bytes"], job["max_output_bytes"]
            self.spent_in_cell, self.spent = 0, 0
            self.on_cell_start = self._starting

        def _starting(self, cell, cell_index):
            self.current_cell, self.spent_in_cell = cell_index, 0

        async def _async_handle_timeout(self, timeout, cell=None):
            self.events["timeouts"].append(self.current_cell)
            return await super()._async_handle_timeout(timeout, cell)

        def process_message(self, msg, cell, cell_index):
            if msg.get("msg_type") in ("stream", "display_data", "execute_result", "error",
                                       "update_display_data"):
                size = len(json.dumps(msg.get("content", {}), default=str))
                self.spent_in_cell += size
                self.spent += size
                if self.spent_in_cell > self.cell_budget or self.spent > self.total_budget:
                    if cell_index not in self.events["output_cut"]:
                        self.events["output_cut"].append(cell_index)
                    return None
            return super().process_message(msg, cell, cell_index)

    return CappedClient


def _CappedClient(*args, **kw):
    return _client_class()(*args, **kw)


def _read_records(cap: int) -> str:
    path = OUT / "records.jsonl"
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(cap + 1)
    except OSError:
        return ""


if __name__ == "__main__":
    sys.exit(main())
