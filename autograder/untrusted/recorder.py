"""Inside the sandbox, in the student's kernel: record what a graded function does on the cases.

During grading every test cell of the notebook is replaced by one line,
``__import__("recorder").record("test_<function>_<kind>", <function>)``, which calls the
student's function on the inputs the trusted side wrote into ``/grading/in/cases/<grade id>.json``
and appends what it returned (and the protected inputs as they are after the call) as plain data
to ``/grading/out/records.jsonl``. Nothing here judges anything: there are no expected values in
the sandbox, and whatever this file writes is read by the trusted side as untrusted data.

The function is called the way the notebooks call it (``call``): the contract's arguments by
position as far as a case gives them in order, the rest by name, and an empty list for each list
it fills (``model``'s ``costs``), which is recorded after the call with the protected inputs.
Its signature is recorded as plain data; the trusted side decides whether it fits.

A function that calls graded functions of earlier notebooks (``model``) gets, for its hidden
cases, stand-ins that ask the trusted side's reference oracle through ``/grading/oracle.sock``,
so it is graded on its own code; the stand-ins never see reference code, only answers. For its
public cases it runs with the student's own earlier functions, so these are recorded on their
own public cases too (``spec["earlier"]``): a failure can then say whether they pass.
"""

import contextlib
import importlib
import inspect
import io
import json
import os
import socket
import struct
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path

import plain_data

GRADING = Path(os.environ.get("OPTIM_GRADING_ROOT", "/grading"))  # set only by --no-sandbox
IN, OUT, ORACLE = GRADING / "in", GRADING / "out", str(GRADING / "oracle.sock")
KIT = str(Path(__file__).resolve().parent)
MAX_TRACEBACK_LINES = 40


def record(grade_id: str, fn) -> None:
    """Record ``fn`` on the cases of test cell ``grade_id``; prints one neutral line."""
    spec = json.loads((IN / "cases" / f"{grade_id}.json").read_text())
    entry = {"grade_id": grade_id, "function": spec["function"]}
    try:
        _observe_all(spec, fn, entry)
        if spec.get("earlier") and entry.get("observations") is not None:
            entry["earlier"] = _observe_earlier(spec["earlier"], fn)
    finally:
        _append(entry)
    if spec.get("kind") == "public":
        _note_for_figures(spec["function"], fn)
    print(f"recorded {spec['function']} for grading")


def _note_for_figures(name: str, fn) -> None:
    """Run the notebook's own public check silently, as the check cell would have, so that a
    figure drawn from a function that fails it carries the same note in the feedback as in
    the student's run (``optkit.plots.show``). Advisory text only: the grade is decided
    outside, and nothing the student's code does here reaches it."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            importlib.import_module("optkit.public_checks").check_quietly(name, fn)
    except Exception:  # whatever it raises, the note is only left out
        pass


def _observe_earlier(specs, fn) -> dict:
    """The student's own earlier functions (from ``fn``'s namespace) on their public cases."""
    namespace = getattr(fn, "__globals__", None)
    namespace = namespace if isinstance(namespace, dict) else {}
    found = {}
    for name, spec in specs.items():
        found[name] = sub = {}
        if name not in namespace:
            sub["missing"] = True
            continue
        _observe_all(spec, namespace[name], sub)
    return found


def call(fn, spec, number, inputs):
    """``fn`` called as the notebooks do (``optkit.signatures.call``): the contract's arguments
    by position while case ``number`` gives them in order -- in its "mixed" style only the first
    two -- the rest by name, and an empty list for each list it fills (``inputs`` gets them)."""
    inputs.update({fill: [] for fill in spec.get("fills", [])})
    mixed = spec.get("styles", [])[number : number + 1] == ["mixed"]
    positional = []
    for arg in spec["args"]:
        if arg not in inputs or (mixed and len(positional) == 2):
            break
        positional.append(arg)
    named = {key: value for key, value in inputs.items() if key not in positional}
    return fn(*[inputs[arg] for arg in positional], **named)


def _observe_all(spec, fn, entry) -> None:
    if not callable(fn):
        entry["not_callable"] = plain_data.describe_foreign(fn)
        return
    entry["signature"] = _signature(fn)
    functions = _case_functions(spec)
    names = {function: name for name, function in functions.items()}
    fills = spec.get("fills", [])
    observations = entry["observations"] = []
    with _earlier_work_from_oracle(fn, spec):
        for number, case in enumerate(spec["cases"]):
            inputs = plain_data.decode(case, functions=functions)
            try:
                returned = call(fn, spec, number, inputs)
            except BaseException as error:
                entry["raised"] = _raised(error, number)
                if not isinstance(error, Exception):
                    raise  # an interrupt (time limit) or exit goes on
                return
            observed = {
                "returned": returned,
                "inputs_after": {
                    arg: inputs[arg] for arg in spec["protected"] + fills if arg in inputs
                },
            }
            try:
                observations.append(plain_data.encode(observed, functions=names))
            except plain_data.PlainDataError as error:
                entry["unrecordable"] = f"case {number + 1}: {error}"
                return


def _signature(fn) -> dict | None:
    """The parameters of ``fn`` as plain data: [name, kind] or [name, kind, default] (a default
    that is not plain data is refused, never rendered: nothing of it runs, here or outside)."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    parameters = []
    for parameter in list(signature.parameters.values())[:100]:
        entry = [parameter.name, parameter.kind.name]
        if parameter.default is not parameter.empty:
            try:
                entry.append(plain_data.encode(parameter.default))
            except plain_data.PlainDataError:
                entry.append(plain_data.encode(plain_data.describe_foreign(parameter.default)))
        parameters.append(entry)
    return {"parameters": parameters}


def _raised(error, number) -> dict:
    frames = traceback.extract_tb(error.__traceback__)
    keep = [frame for frame in frames if not frame.filename.startswith(KIT)]
    lines = ["Traceback (most recent call last):"] + traceback.format_list(keep)
    lines += traceback.format_exception_only(type(error), error)
    text = "".join(lines).splitlines()
    if len(text) > MAX_TRACEBACK_LINES:
        text = text[:5] + ["  ..."] + text[-(MAX_TRACEBACK_LINES - 6) :]
    return {
        "case": number,
        "type": type(error).__name__[:80],
        "message": str(error)[:2000],
        "traceback": [line[:500] for line in text],
    }


def _append(entry) -> None:
    try:
        line = json.dumps(entry, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        line = json.dumps(
            {
                "grade_id": entry["grade_id"],
                "function": entry["function"],
                "unrecordable": f"cannot write the record ({error})"[:500],
            }
        )
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "records.jsonl", "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


# ------------------------------------------------------------------ functions passed in cases


def _case_functions(spec) -> dict:
    """name -> callable for every function the cases pass (a schedule, say): a function of the
    vendored optkit where it is one, otherwise a stand-in answered by the oracle."""
    functions = {}
    for name, where in spec.get("functions", {}).items():
        if "local" in where:
            module, _, qualname = where["local"].partition(":")
            functions[name] = getattr(importlib.import_module(module), qualname)
        else:
            functions[name] = OracleFunction(name, where["oracle"], key=name)
    return functions


@contextmanager
def _earlier_work_from_oracle(fn, spec):
    """While the block runs, the names of ``spec["uses"]`` in ``fn``'s namespace are oracle
    stand-ins; afterwards every name is as it was (or absent)."""
    uses = spec.get("uses", {})
    namespace = getattr(fn, "__globals__", None)
    if not uses or not isinstance(namespace, dict):
        yield
        return
    saved = {name: namespace[name] for name in uses if name in namespace}
    namespace.update(
        {
            name: OracleFunction(name, params, key=f"reference:{name}")
            for name, params in uses.items()
        }
    )
    try:
        yield
    finally:
        for name in uses:
            if name in saved:
                namespace[name] = saved[name]
            else:
                namespace.pop(name, None)


class OracleFunction:
    """A graded function of an earlier notebook, computed by the trusted side.

    It behaves like the reference would in the student's process: it takes the same
    arguments, and changes the dicts, lists and arrays it was given as the reference does.
    """

    def __init__(self, name, params, *, key):
        self.__name__ = self.__qualname__ = name.rpartition(":")[2]
        self.key = key
        self.__signature__ = inspect.Signature(
            [
                inspect.Parameter(
                    entry[0],
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    default=plain_data.decode(entry[1])
                    if len(entry) > 1
                    else inspect.Parameter.empty,
                )
                for entry in params
            ]
        )

    def __call__(self, *args, **kwargs):
        bound = self.__signature__.bind(*args, **kwargs)
        bound.apply_defaults()
        bound = dict(bound.arguments)
        answer = _ask_oracle({"function": self.key, "kwargs": plain_data.encode(bound)})
        if "error" in answer:
            raise RuntimeError(f"{self.__name__}: {answer['error']}")
        result = plain_data.decode(answer["ok"])
        replaced = _write_back(bound, result["inputs_after"])
        return _substitute(result["returned"], replaced)

    def __repr__(self):
        return f"<{self.__name__} (the reference, computed outside the sandbox)>"


_connection = None


def _ask_oracle(request) -> dict:
    global _connection
    if _connection is None:
        _connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        _connection.connect(ORACLE)
    data = json.dumps(request, separators=(",", ":")).encode()
    _connection.sendall(struct.pack(">Q", len(data)) + data)
    size = struct.unpack(">Q", _receive(8))[0]
    return json.loads(_receive(size))


def _receive(size) -> bytes:
    chunks, left = [], size
    while left:
        chunk = _connection.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionError("the oracle closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _write_back(bound, inputs_after) -> dict:
    """Make the caller's own dicts, lists and arrays what the reference left them; returns
    id(object after the call) -> the caller's object, so returned items keep their identity."""
    replaced = {}
    for arg, after in inputs_after.items():
        mine = bound.get(arg)
        if type(mine) is dict and type(after) is dict:
            mine.clear()
            mine.update(after)
        elif type(mine) is list and type(after) is list:
            mine[:] = after
        elif (
            type(mine).__name__ == "ndarray"
            and getattr(after, "shape", None) == mine.shape
            and mine.flags.writeable
        ):
            mine[...] = after
        else:
            continue
        replaced[id(after)] = mine
    return replaced


def _substitute(value, replaced):
    if id(value) in replaced:
        return replaced[id(value)]
    if type(value) is tuple:
        return tuple(_substitute(item, replaced) for item in value)
    return value


sys.modules.setdefault("recorder", sys.modules[__name__])
