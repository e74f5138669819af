"""`oracle`: answer a sandboxed run's calls to reference functions, without showing their code.

``model`` (06_training) calls the student's functions of earlier notebooks; its hidden cases
run it with the references instead, so that a slip in earlier work costs points only where it
was graded. The references cannot enter the sandbox, so the stand-ins there
(``untrusted/recorder.py``) send each call here, through a Unix socket, as plain data; this
process, on the trusted side and with its own limits, computes the reference's answer and
sends back what it returned and what it left in its mutable arguments.

    python -m autograder.oracle SOCKET NAME [NAME ...]

serves the listed names only: ``reference:<graded function>`` or ``<module>:<function>`` of
``solutions``/``optkit`` (a schedule a hidden case passes). Frames are an 8-byte big-endian
length and a JSON document; requests over the size cap close the connection.
"""

import importlib
import json
import os
import socket
import sys
import warnings

import numpy as np

from solutions import reference

from .frames import read_frame, write_frame
from .untrusted import plain_data

ALLOWED_MODULES = ("solutions.", "optkit.")


def resolve(name: str):
    """The trusted function a served name stands for."""
    if name.startswith("reference:"):
        return reference(name.removeprefix("reference:"))
    module, _, qualname = name.partition(":")
    if not module.startswith(ALLOWED_MODULES) or not qualname.isidentifier():
        raise ValueError(f"the oracle does not serve {name!r}")
    return getattr(importlib.import_module(module), qualname)


def answer(functions: dict, request) -> dict:
    """The reply to one request (never raises for what the request holds)."""
    try:
        if not isinstance(request, dict) or request.get("function") not in functions:
            return {"error": "unknown function"}
        names = {function: name for name, function in functions.items()}
        kwargs = plain_data.decode(request.get("kwargs"), functions=functions)
        if not isinstance(kwargs, dict):
            return {"error": "the arguments are not a dict"}
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            returned = functions[request["function"]](**kwargs)
        mutable = {
            arg: value for arg, value in kwargs.items() if type(value) in (dict, list, np.ndarray)
        }
        return {
            "ok": plain_data.encode(
                {"returned": returned, "inputs_after": mutable}, functions=names
            )
        }
    except Exception as error:  # the caller's arguments were wrong: tell the caller
        return {"error": f"{type(error).__name__}: {str(error)[:300]}"}


def serve(path: str, functions: dict) -> None:
    """Accept connections on ``path`` one at a time, forever (the grader kills this process)."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    os.chmod(path, 0o666)  # the sandbox's user must be able to connect
    server.listen(1)
    while True:
        connection, _ = server.accept()
        with connection:
            try:
                while True:
                    request = _receive(connection)
                    if request is None:
                        break
                    _send(connection, answer(functions, request))
            except (OSError, ValueError, RecursionError):
                continue


def _receive(connection):
    body = read_frame(connection)
    return None if body is None else json.loads(body)


def _send(connection, reply) -> None:
    write_frame(connection, json.dumps(reply, separators=(",", ":")).encode())


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path, names = argv[0], argv[1:]
    serve(path, {name: resolve(name) for name in names})
    return 0


if __name__ == "__main__":
    sys.exit(main())


class OracleProcess:
    """A running oracle for one sandboxed run: ``with OracleProcess(names, folder) as socket:``."""

    def __init__(self, names: list[str], folder, memory_mb: int = 1024):
        self.names, self.folder, self.memory_mb = names, folder, memory_mb
        self.process = None

    def __enter__(self):
        import resource
        import subprocess
        import time
        from pathlib import Path

        path = Path(self.folder) / "oracle.sock"
        cap = self.memory_mb * 2**20

        def limits():
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

        self.process = subprocess.Popen(
            [sys.executable, "-m", "autograder.oracle", str(path), *self.names],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=limits,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while not path.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError(
                    f"the reference oracle did not start: "
                    f"{self.process.stderr.read().decode()[-500:]}"
                )
            time.sleep(0.02)
        return path

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.process.wait()
            self.process.stderr.close()
        return False
