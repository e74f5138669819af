"""optkit.serialization: arrays, tuples and floats survive the JSON round trip exactly."""

import json

import numpy as np
import pytest

from optkit.serialization import NAMED_FUNCTIONS, dumps, inverse_square_decay, loads


def _same(a, b):
    """Identical structure, types, dtypes, shapes and bits."""
    assert type(a) is type(b)
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert a.tobytes() == b.tobytes()
    elif isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            _same(a[key], b[key])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif isinstance(a, float) and np.isnan(a):
        assert np.isnan(b)
    else:
        assert a == b


def test_float64_and_float32_arrays_round_trip_bit_for_bit():
    rng = np.random.default_rng(1)
    special = np.array([0.1, -0.0, 5e-324, 1e308, np.inf, -np.inf, np.nan, 1 / 3])
    with np.errstate(over="ignore"):  # 1e308 becomes inf in float32: fine, still exact
        special32 = special.astype(np.float32)
    for array in (
        rng.normal(size=(3, 4)),
        special,
        rng.normal(size=(2, 5)).astype(np.float32),
        special32,
    ):
        _same(array, loads(dumps(array)))


@pytest.mark.parametrize(
    "value",
    [
        np.arange(6, dtype=np.int64).reshape(2, 3),
        np.array([[True, False]]),
        np.zeros((0, 3)),
        np.zeros((3, 0), dtype=np.float32),
        np.float32(0.1),
        np.float64(2.5),
        0.1 + 0.2,
        7,
        None,
        "label",
    ],
)
def test_other_values_round_trip(value):
    _same(value, loads(dumps(value)))


def test_containers_keep_their_kind_and_order():
    value = {
        "b2": (np.ones((1, 1)), {"dW1": np.zeros((2, 2))}),
        "a1": [(np.ones(2), np.zeros(2)), 3.5],
    }
    restored = loads(dumps(value))
    _same(value, restored)
    assert isinstance(restored["a1"][0], tuple)


def test_layout_is_deterministic_valid_json_with_one_array_per_line():
    value = {"cases": [{"inputs": {"W1": np.arange(4.0).reshape(2, 2)}, "expected": (1.0, [1, 2])}]}
    text = dumps(value)
    assert text == dumps(value) and text.endswith("}\n")
    json.loads(text)
    array = '{"__ndarray__": "float64", "shape": [2, 2], "data": [[0.0, 1.0], [2.0, 3.0]]}'
    assert f'"W1": {array}' in text


def test_unsupported_values_are_refused():
    with pytest.raises(TypeError, match="cannot store a set"):
        dumps({"x": {1, 2}})


def test_a_named_function_is_stored_by_its_name_and_comes_back_as_itself():
    value = {"decay": inverse_square_decay, "decay_rate": 0.5}
    text = dumps(value)
    assert '"decay": {"__function__": "inverse_square_decay"}' in text
    assert loads(text)["decay"] is inverse_square_decay
    assert NAMED_FUNCTIONS == {"inverse_square_decay": inverse_square_decay}


def test_only_named_functions_can_be_stored():
    def my_schedule(learning_rate0, epoch_num, decay_rate):
        return learning_rate0

    with pytest.raises(TypeError, match="my_schedule.*NAMED_FUNCTIONS"):
        dumps({"decay": my_schedule})
    with pytest.raises(KeyError):
        loads('{"decay": {"__function__": "os.system"}}')


def test_the_stored_schedule_is_inverse_square_decay_not_a_graded_formula():
    assert [inverse_square_decay(0.1, epoch, 0.5) for epoch in range(3)] == [
        0.1,
        0.1 / 1.5,
        0.1 / 3,
    ]
