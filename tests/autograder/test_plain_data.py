"""The plain-data wire format: what crosses the sandbox wall, and what it refuses."""

import json

import numpy as np
import pytest

from autograder.untrusted import plain_data
from autograder.untrusted.plain_data import Limits, PlainDataError, Refused, decode, encode, loads


def round_trip(value, **options):
    return loads(json.dumps(encode(value, **options)), **options)


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        -(2**63),
        2.5,
        float("inf"),
        "text",
        [1, 2.0],
        (1, (2, 3)),
        {"W1": np.arange(6, dtype=np.float32).reshape(2, 3), "b1": np.zeros((2, 1))},
        np.array([[True, False]]),
        np.float32(0.1),
        np.int64(7),
        np.uint8(3),
        np.zeros((0, 3)),
    ],
)
def test_plain_values_come_back_equal_and_of_the_same_type(value):
    back = round_trip(value)
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape
        np.testing.assert_array_equal(back, value)
    elif isinstance(value, dict):
        assert back.keys() == value.keys()
        for key in value:
            np.testing.assert_array_equal(back[key], value[key])
    else:
        assert back == value


def test_floats_survive_bit_for_bit_and_nan_stays_nan():
    values = np.array([0.1, 1 / 3, np.nan, -0.0, 5e-324])
    back = round_trip(values)
    assert back.tobytes() == values.tobytes()


def test_one_object_twice_stays_one_object_and_views_of_a_transposed_array_are_fine():
    shared = {"dW1": np.ones((2, 2))}
    back = round_trip((shared, shared, np.ones((3, 2)).T))
    assert back[0] is back[1]
    np.testing.assert_array_equal(back[2], np.ones((2, 3)))


@pytest.mark.parametrize(
    "value, what",
    [
        (np.zeros(3).view(type("Evil", (np.ndarray,), {})), "ndarray subclass"),
        (type("MyDict", (dict,), {})(a=1), "dict subclass"),
        (np.array(["a"], dtype=object), "dtype object"),
        (np.zeros(2, dtype=np.complex128), "dtype complex128"),
        (type("Weird", (), {})(), "object of type Weird"),
        ({1: 2}, "keys are not all strings"),
        (type("MyFloat", (float,), {})(1.0), "subclass MyFloat"),
    ],
)
def test_anything_but_plain_data_is_refused_with_a_description(value, what):
    back = round_trip([value])
    assert isinstance(back[0], Refused) and what in back[0].what
    assert plain_data.contains_refused(back) == back[0].what


def test_a_container_that_contains_itself_cannot_be_encoded():
    loop = []
    loop.append(loop)
    with pytest.raises(PlainDataError, match="contains itself"):
        encode(loop)


def test_a_function_crosses_by_name_only_when_both_sides_know_it():
    def schedule(x):
        return x

    tree = encode({"decay": schedule}, functions={schedule: "course:schedule"})
    assert decode(tree, functions={"course:schedule": schedule})["decay"] is schedule
    assert isinstance(decode(encode(schedule)), Refused)
    with pytest.raises(PlainDataError, match="unknown function"):
        decode(tree)


@pytest.mark.parametrize(
    "tree",
    [
        {"array": "float64", "shape": [3], "data": "AAAA", "ref": 0},  # wrong size
        {"array": "object", "shape": [1], "data": "", "ref": 0},  # unsafe dtype
        {"array": "float64", "shape": [-1], "data": "", "ref": 0},
        {"dict": [["a", 1]], "ref": 0, "extra": 1, "more": 2, "and": 3},
        {"list": [{"same": 0}], "ref": 0},  # a cycle
        {"same": 5},
        {"dict": [[1, 2]], "ref": 0},
        {"list": [], "ref": 0, "x": {"list": [], "ref": 0}},
        {"scalar": "float64", "data": "AA=="},
        {"unknown": 1},
        [{"list": [], "ref": 1}, {"dict": [], "ref": 1}],  # number reused
        {"array": "float64", "shape": [1], "data": "not base64!", "ref": 0},
    ],
)
def test_malformed_data_is_an_error_never_a_crash(tree):
    with pytest.raises(PlainDataError):
        decode(tree if isinstance(tree, dict) else {"list": tree, "ref": 99})


def test_size_and_depth_caps_hold_on_both_sides():
    with pytest.raises(PlainDataError):
        encode(np.zeros(1000), limits=Limits(max_bytes=100))
    deep = []
    for _ in range(50):
        deep = [deep]
    with pytest.raises(PlainDataError):
        encode(deep)
    with pytest.raises(PlainDataError):
        loads("[" * 100_000)
    with pytest.raises(PlainDataError):
        loads("x" * 200, limits=Limits(max_bytes=100))
