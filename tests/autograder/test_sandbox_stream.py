"""What the trusted side makes of the runner's stream, and the sandbox's command line."""

import json
from pathlib import Path

from autograder.sandbox import RunInputs, Sandbox, python_trees, read_stream


def lines(*messages) -> bytes:
    return b"".join(json.dumps(m).encode() + b"\n" for m in messages)


def test_a_complete_stream_gives_every_cell_record_and_event():
    result = read_stream(
        lines(
            {"kind": "start", "cells": 3},
            {"kind": "cell", "index": 1, "outputs": [], "execution_count": 1},
            {"kind": "records", "text": '{"grade_id": "t"}\n'},
            {"kind": "event", "timeout": 2},
            {"kind": "done"},
        )
    )
    assert result["cells"][0] is None and result["cells"][1]["execution_count"] == 1
    assert result["records"] == '{"grade_id": "t"}\n'
    assert result["events"]["timeouts"] == [2] and result["finished"]


def test_a_cut_stream_keeps_what_arrived_and_drops_the_torn_line():
    data = lines(
        {"kind": "start", "cells": 2},
        {"kind": "cell", "index": 0, "outputs": [], "execution_count": 1},
    )
    result = read_stream(data + b'{"kind": "records", "text": "half')
    assert result["cells"][0] is not None and result["records"] == ""
    assert not result["finished"]


def test_garbage_is_ignored_and_nothing_started_is_none():
    assert read_stream(b"") is None
    assert read_stream(b"not json\n[1, 2]\n" + lines({"kind": "cell", "index": 0})) is None
    result = read_stream(
        lines(
            {"kind": "start", "cells": 1},
            {"kind": "cell", "index": 7},  # out of range
            {"kind": "cell", "index": "0"},
            {"kind": "event", "kernel_died": "x"},
            {"kind": "records", "text": 5},
        )
    )
    assert result["cells"] == [None] and result["records"] == ""
    assert result["events"]["kernel_died"] is None


def test_the_sandbox_mounts_the_environment_read_only_and_hides_the_course(tmp_path):
    course = tmp_path / "course"
    inputs = RunInputs(job=tmp_path, release=tmp_path, cases=tmp_path)
    command = Sandbox(hidden=(course,)).command(inputs, 0, ["run"])
    text = " ".join(command)
    assert "--unshare-net" in command and "--unshare-pid" in command
    assert "--disable-userns" in command and "--die-with-parent" in command
    for tree in python_trees():
        assert f"--ro-bind {tree} {tree}" in text
    assert "--bind " + str(course) not in text and "--ro-bind " + str(course) not in text
    assert "--clearenv" in command and command[-1] == "run"
    assert not any(arg.startswith("--bind") and arg != "--bind" for arg in command)
    hidden = Sandbox(hidden=(Path(python_trees()[0]) / "secret",)).command(inputs, 0, ["run"])
    assert "--tmpfs" in hidden and str(Path(python_trees()[0]) / "secret") in hidden
