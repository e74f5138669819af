"""JSON for check data: arrays keep dtype and shape, tuples stay tuples, floats stay exact.

Python's ``json`` writes a float with the shortest text that reads back to the same float, so a
float64 survives the round trip bit for bit, and a float32 (widened exactly to a Python float)
comes back as the same float32. Special values are tagged objects:

    {"__ndarray__": "float32", "shape": [2, 1], "data": [[0.5], [-1.25]]}
    {"__tuple__": [...]}
    {"__scalar__": "float32", "value": 0.5}     (a numpy scalar, not a Python float)
    {"__function__": "inverse_square_decay"}    (a function, by its name in NAMED_FUNCTIONS)

``dumps`` lays the data out for review in a diff: one key per line, each array on one line.
"""

import json

import numpy as np

# A case may pass a function (model of 06_training takes a decay schedule). A casebook holds
# data, never code, so it names the function, and only one of these: schedules made for the
# checks. They are deliberately none of the formulas graded in 05_learning_rate_decay, because
# optkit ships with every release.


def inverse_square_decay(learning_rate0, epoch_num, decay_rate):
    """learning_rate0 / (1 + decay_rate * epoch_num**2): a schedule used only by the checks."""
    return learning_rate0 / (1 + decay_rate * epoch_num**2)


NAMED_FUNCTIONS = {"inverse_square_decay": inverse_square_decay}


def encode(value):
    """The JSON-ready form of ``value`` (data, or a function of NAMED_FUNCTIONS)."""
    if isinstance(value, np.ndarray):
        return {"__ndarray__": value.dtype.name, "shape": list(value.shape), "data": value.tolist()}
    if isinstance(value, np.generic):
        return {"__scalar__": value.dtype.name, "value": value.item()}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(item) for item in value]}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if callable(value):
        return {"__function__": _function_name(value)}
    raise TypeError(f"cannot store a {type(value).__name__} in a casebook")


def _function_name(function) -> str:
    for name, known in NAMED_FUNCTIONS.items():
        if function is known:
            return name
    raise TypeError(
        f"cannot store the function {getattr(function, '__qualname__', function)!r} "
        "in a casebook: a case may only pass a function of "
        "optkit.serialization.NAMED_FUNCTIONS"
    )


def decode(value):
    """Inverse of :func:`encode`."""
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "__ndarray__" in value:
        return np.array(value["data"], dtype=value["__ndarray__"]).reshape(value["shape"])
    if "__scalar__" in value:
        return np.dtype(value["__scalar__"]).type(value["value"])
    if "__tuple__" in value:
        return tuple(decode(item) for item in value["__tuple__"])
    if "__function__" in value:
        return NAMED_FUNCTIONS[value["__function__"]]
    return {key: decode(item) for key, item in value.items()}


def dumps(value) -> str:
    """Deterministic, diff-friendly JSON text of ``value`` (ends with a newline)."""
    return _layout(encode(value), 0) + "\n"


def loads(text: str):
    return decode(json.loads(text))


def _layout(obj, depth: int) -> str:
    """Containers one item per line; arrays, scalars and lists of plain values on one line."""
    if _is_leaf(obj) or not obj:
        return json.dumps(obj)
    pad = " " * (depth + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(key)}: {_layout(item, depth + 1)}" for key, item in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    items = [pad + _layout(item, depth + 1) for item in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"


def _is_leaf(obj) -> bool:
    if isinstance(obj, dict):
        return "__ndarray__" in obj or "__scalar__" in obj or "__function__" in obj
    if isinstance(obj, list):
        return not any(isinstance(item, (dict, list)) for item in obj)
    return True
